"""The command line: the typer app, the entry point, fast paths, exit codes."""
