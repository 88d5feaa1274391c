"""Extraction: a file's page model into the records of the output contract.

This package is also the API call ``plantrace.extract(path)``: calling the module
runs :func:`plantrace.api.extract`, so the stage's name and the verb agree.
"""
import sys as _sys
import types as _types


class _CallableModule(_types.ModuleType):
    def __call__(self, path, **kwargs):
        from plantrace.api import extract

        return extract(path, **kwargs)


_sys.modules[__name__].__class__ = _CallableModule
