"""Trainer mode: casus files, ``meldcode train`` and ``meldcode debrief``."""
