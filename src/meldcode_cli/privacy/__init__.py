"""Does a text identify someone? The leak checks."""
