"""A walk: the pure engine, the driver, the case on disk, what is shown, the prompters."""
