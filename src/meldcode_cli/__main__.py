from meldcode_cli.entry import main

main()
