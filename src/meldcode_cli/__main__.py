from meldcode_cli.cli.entry import main

main()
