"""`plantrace search` and `plantrace export` (registered on the main app)."""
