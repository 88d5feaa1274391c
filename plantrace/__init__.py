"""plantrace: council committee packs into a SQL database of plans, minutes and the links between them.

The stages are subpackages (``plantrace.ingest``, ``plantrace.extract``,
``plantrace.normalise``, ``plantrace.store``, ``plantrace.link``); the library API is
here::

    import plantrace
    doc = plantrace.extract("minutes.pdf")        # typed Document, no database
    with plantrace.open("sqlite:///council.db") as db:
        db.ingest(["packs/"])
        db.trace("12(b)")

Everything is imported on first use, so ``import plantrace`` (and ``plantrace --help``)
stays fast.
"""

__version__ = "0.2.0"

__all__ = ["extract", "open", "tables", "Database", "Document", "__version__"]


_SUBMODULES = {"extract", "ingest", "normalise", "store", "link", "api", "records", "cli"}


def __getattr__(name):
    # ``plantrace.extract`` is both the extraction stage (a subpackage) and the API
    # call ``plantrace.extract(path)``: the subpackage's module object is callable.
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"plantrace.{name}")
    if name in ("open", "Database", "tables"):
        from plantrace import api

        return getattr(api, name)
    if name == "Document":
        from plantrace.records import Document

        return Document
    raise AttributeError(f"module 'plantrace' has no attribute {name!r}")
