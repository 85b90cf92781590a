"""Entry point of the frozen folder build (scripts/build-folder.sh); same as the console script."""

from meldcode_cli.cli.entry import main

if __name__ == "__main__":
    main()
