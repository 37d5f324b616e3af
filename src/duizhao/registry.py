"""Plug-in discovery: the one mechanism behind every registry in duizhao.

Input formats, alignment scorers, exercise kinds, exporters and ``bank`` subcommands each live in a
package of their own, one module a kind; a module joins its registry by defining a module-level
constant (``FORMAT``, ``SCORER``, ``EXERCISE``, ``COMMAND`` …). :func:`discover` imports every
module of the package and collects those constants, so **adding a kind touches one module**: write
the new module, and nothing else changes. The result is read-only and computed once per process.

Examples:
    >>> from duizhao.registry import discover
    >>> sorted(discover("duizhao.reader.formats", "FORMAT"))  # the input formats
    ['editorial', 'markdown']
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

__all__ = ["discover", "unknown_choice"]


# Read-only tables loaded once: one entry per plug-in package (a handful per process).
@cache
def discover(package: str, attribute: str) -> Mapping[str, Any]:
    """Every plug-in of a package, by name.

    Args:
        package: A package of plug-in modules (``"duizhao.reader.formats"``).
        attribute: The module-level constant a plug-in module defines; it must have a ``name``.

    Returns:
        A read-only mapping ``name -> plug-in``, in the order of the modules' names. Modules whose
        names start with ``_`` and modules without ``attribute`` are helpers, not plug-ins.

    Raises:
        ValueError: Two plug-ins share a name.
    """
    pkg = importlib.import_module(package)
    found: dict[str, Any] = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        plugin = getattr(module, attribute, None)
        if plugin is None:
            continue
        name = plugin.name
        if name in found:
            raise ValueError(f"{package}: two plug-ins are named {name!r}")
        found[name] = plugin
    return MappingProxyType(found)


def unknown_choice(what: str, value: str, choices: Mapping[str, Any]) -> str:
    """The one-line message for a name that is not in a registry."""
    return f"unknown {what} {value!r} (choose from {', '.join(sorted(choices))})"
