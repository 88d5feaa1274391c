"""Errors that name what is wrong with an input file, for one-line reports."""


class ExtractError(Exception):
    """A file that cannot be read as a document; ``reason`` is one short phrase."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class CorruptFile(ExtractError):
    pass


class EncryptedFile(ExtractError):
    pass


class EmptyFile(ExtractError):
    pass


class NoTextLayer(ExtractError):
    pass


class UnsupportedFile(ExtractError):
    pass
