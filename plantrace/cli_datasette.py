"""`plantrace datasette` (registered on the main app)."""
