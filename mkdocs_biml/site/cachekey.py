"""Keys for the cache on disk: descriptions that are the same in every process.

A key kept in memory may hold any object; a key written to disk is read by
the next process, so it must describe each value the same way there, and
hold the code that made the entry:

* :func:`stable` describes settings as JSON: a function by its module, name
  and a digest of its code; a value whose ``repr`` holds a memory address
  (``<object at 0x...>``) has no such description: :class:`Unstable`;
* :func:`software` is the versions of what converts and renders, and a digest
  of this package's own files (a development install changes its code, not
  its version), made by :func:`folder_digest`, which also keys template folders;
* :func:`extension_stamps` is, for each Markdown extension, its package's
  version or else its module file's size and time.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import importlib
import json
import marshal
import os
import re
import sys
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import markdown
import mkdocs
from markdown.util import get_installed_extensions

from .. import __version__

#: ``<function f at 0x7f...>``, ``<Foo object at 0x...>``: differs in every process.
_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_DEPTH = 20


class Unstable(ValueError):
    """A value with no description that holds from one process to the next."""


def digest(value: Any) -> str:
    """SHA-256 of :func:`stable` ``(value)``; raises :class:`Unstable`."""
    text = json.dumps(stable(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stable(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON that is the same in every process; raises :class:`Unstable`."""
    if depth > _DEPTH:
        raise Unstable("nested too deeply")
    depth += 1
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return {"enum": _name(type(value)), "value": stable(value.value, depth)}
    if isinstance(value, Mapping):
        pairs = [[stable(k, depth), stable(v, depth)] for k, v in value.items()]
        return {"map": sorted(pairs, key=json.dumps)}
    if isinstance(value, (list, tuple)):
        return [stable(item, depth) for item in value]
    if isinstance(value, (set, frozenset)):
        return {"set": sorted((stable(item, depth) for item in value), key=json.dumps)}
    if isinstance(value, type):
        return {"class": _name(value)}
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, functools.partial)):
        return _function(value, depth)
    text = repr(value)
    if _ADDRESS.search(text):
        raise Unstable(text)
    return {"repr": _name(type(value)), "text": text}


def _function(function: Any, depth: int) -> Any:
    if isinstance(function, functools.partial):
        parts = [function.func, function.args, function.keywords]
        return {"partial": stable(parts, depth)}
    described: dict[str, Any] = {"function": _name(function)}
    code = getattr(function, "__code__", None)
    if code is not None:
        described["code"] = hashlib.sha256(marshal.dumps(code)).hexdigest()
        cells = [cell.cell_contents for cell in function.__closure__ or ()]
        described["closure"] = stable(cells, depth)
        described["defaults"] = stable(function.__defaults__, depth)
        described["kwdefaults"] = stable(function.__kwdefaults__, depth)
    elif getattr(function, "__self__", None) not in (None, sys.modules.get(function.__module__)):
        described["self"] = stable(function.__self__, depth)  # a bound builtin method
    return described


def _name(thing: Any) -> str:
    return f"{getattr(thing, '__module__', '?')}.{getattr(thing, '__qualname__', '?')}"


def software() -> dict[str, str]:
    """Versions of Python, MkDocs, Python-Markdown and this package, and its files' digest."""
    return {
        "python": sys.version,
        "mkdocs": mkdocs.__version__,
        "markdown": markdown.__version__,
        "mkdocs_biml": __version__,
        "mkdocs_biml_files": package_digest(),
    }


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """Digest of every file of this package (its code, templates, catalogues), once a process."""
    return folder_digest(_PACKAGE_DIR)


def folder_digest(*folders: str | os.PathLike[str] | None) -> str:
    """Digest of the names and contents of every file under ``folders`` (None: skipped),
    but for ``__pycache__`` folders: Python's bytecode of sources that are counted."""
    hashed = hashlib.sha256()
    for folder in folders:
        if folder is None:
            continue
        hashed.update(os.fsencode(os.path.abspath(folder)) + b"\0")
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as file:
                        content = file.read()
                except OSError:  # unreadable: whoever needs the file says so
                    content = b"\0unreadable"
                hashed.update(os.fsencode(os.path.relpath(path, folder)) + b"\0")
                hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


def extension_stamps(extensions: Iterable[object]) -> list[list[str]]:
    """For each Markdown extension (a name or an instance): its module and its stamp."""
    return [[module, _module_stamp(module)] for module in map(_extension_module, extensions)]


def _extension_module(extension: object) -> str:
    """The module an extension comes from, found as Python-Markdown finds it."""
    if not isinstance(extension, str):
        return type(extension).__module__
    if ":" in extension:
        return extension.partition(":")[0]
    for point in get_installed_extensions():  # cached by Python-Markdown, which reads it too
        if point.name == extension:
            return point.module
    return extension


@functools.cache
def _module_stamp(module_name: str) -> str:
    """The version of the module's top-level package, else its file's size and time,
    as the code this process runs was: taken once per process."""
    try:
        module = importlib.import_module(module_name)
        top = sys.modules[module_name.partition(".")[0]]
    except Exception:  # Python-Markdown reports a missing extension itself
        return "missing"
    version = getattr(top, "__version__", None)
    if isinstance(version, str):
        return f"version {version}"
    try:
        stat = os.stat(module.__file__ or "")
    except (OSError, TypeError):
        return "no file"
    return f"file {stat.st_size} {stat.st_mtime_ns}"
