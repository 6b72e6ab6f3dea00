"""Packages whose names are imported from their modules on first use (PEP 562).

``from archive.store import ingest`` loads the ingest machinery, and nothing else of the
package, only when it is asked for: a command pays at start-up for what it uses alone.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable


class _LazyPackage(types.ModuleType):
    """A package whose exported names stay what they export.

    Importing a submodule binds it on its package under its name; where the package
    exports a function of that name (archive.query.check defines check), the function
    is bound instead, as an __init__ importing it eagerly would have left it.
    """

    _exports: dict[str, str]

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and self._exports.get(name) == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


def lazy_exports(package: str, modules: dict[str, tuple[str, ...]]) -> tuple[Callable, Callable]:
    """``__getattr__`` and ``__dir__`` for ``package``, which exports the names listed under
    each of its modules (``{"archive.store.engine": ("describe", …)}``)."""
    where = {name: module for module, names in modules.items() for name in names}
    namespace = sys.modules[package]
    namespace.__class__ = _LazyPackage
    namespace._exports = where

    def __getattr__(name: str):
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(namespace, name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(namespace)) | set(where))

    return __getattr__, __dir__
