"""The decision record: built, signed, verified; keys, profile and the one crypto module."""
