from meldcode_cli.cli import main

main()
