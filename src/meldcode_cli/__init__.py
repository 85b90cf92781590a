"""meldcode-cli: de meldcode huiselijk geweld en kindermishandeling als gecontroleerde data."""

__version__ = "0.1.0"

__all__ = ["__version__"]
