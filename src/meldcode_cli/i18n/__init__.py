"""The message catalogue: Dutch by default, English complete."""
