"""`plantrace links` and `plantrace trace` (registered on the main app)."""
