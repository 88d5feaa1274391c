"""plantrace: council committee packs into a SQL database of plans, minutes and the links between them."""

__version__ = "0.1.0"
