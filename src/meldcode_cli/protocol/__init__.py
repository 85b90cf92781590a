"""The protocol format: models, conditions, YAML loading with positions, compiling, analysis."""
