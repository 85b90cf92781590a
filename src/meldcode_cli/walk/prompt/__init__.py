"""The two prompters (interactive and plain) and small line-based questions."""
