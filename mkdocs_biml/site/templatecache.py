"""What the generated pages' templates cost once per process, not once per build.

``mkdocs serve`` rebuilds the whole site on every save, in the same process.
The templates and the catalogues rarely change between two saves, so:

* :data:`COMPILED` keeps each template's compiled code, under its source's
  checksum (Jinja's own bytecode cache protocol): an edited template is
  compiled again, an unchanged one is not, whatever its file's time says;
* :func:`compiled_cache` puts the cache folder behind it (``diskcache.py``),
  so that the next ``mkdocs build`` loads that code instead of compiling;
* :class:`Memo` keeps a few results under a key of everything they are made
  of, so that the pages are rendered again only when one of those changed;
* :func:`folder_digest` is the content of template folders, for such a key.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from ..problems import logger as log
from .cachekey import Unstable, digest, software
from .diskcache import DiskStore

T = TypeVar("T")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, checked by Jinja against their source's checksum."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


COMPILED = _MemoryBytecodeCache()

#: What of an Environment its compiled code depends on (besides the template's source).
_COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "undefined",
    "finalize",
    "autoescape",
    "is_async",
)


class _DiskBytecodeCache(BytecodeCache):
    """:data:`COMPILED` first; then compiled code the cache folder kept from an earlier
    process, under a key of the environment's settings (Jinja checks the source's
    checksum, its own bytecode version and Python's)."""

    def __init__(self, store: DiskStore, settings: str) -> None:
        self._store = store
        self._settings = settings

    def load_bytecode(self, bucket: Bucket) -> None:
        COMPILED.load_bytecode(bucket)
        if bucket.code is not None:
            return
        data = self._store.read(self._key(bucket))
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # a damaged entry: compiled again, and replaced
            bucket.reset()
        if bucket.code is not None:
            COMPILED.dump_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        COMPILED.dump_bytecode(bucket)
        self._store.write(self._key(bucket), bucket.bytecode_to_string())

    def _key(self, bucket: Bucket) -> str:
        return f"{self._settings}\0{bucket.key}"


def compiled_cache(env: Environment, store: DiskStore | None) -> BytecodeCache:
    """The bytecode cache for ``env``: :data:`COMPILED`, with ``store`` behind it if given."""
    if store is None:
        return COMPILED
    settings = {name: getattr(env, name) for name in _COMPILE_SETTINGS}
    settings["extensions"] = sorted(env.extensions)
    try:
        key = digest([software(), jinja2.__version__, settings])
    except Unstable as exc:
        log.debug(f"biml: templates compiled in memory only, a setting differs per process: {exc}")
        return COMPILED
    return _DiskBytecodeCache(store, key)


class Memo(Generic[T]):
    """The last few results, by key: a process serves one site, tests a few."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._results: OrderedDict[object, T] = OrderedDict()

    def get(self, key: object, make: Callable[[], T]) -> T:
        result = self.peek(key)
        if result is None:
            result = make()  # a failure is not kept: the next build tries again
            self.put(key, result)
        return result

    def peek(self, key: object) -> T | None:
        result = self._results.get(key)
        if result is not None:
            self._results.move_to_end(key)
        return result

    def put(self, key: object, result: T) -> None:
        self._results[key] = result
        while len(self._results) > self.size:
            self._results.popitem(last=False)

    def clear(self) -> None:
        self._results.clear()


def folder_digest(*folders: str | os.PathLike[str] | None) -> str:
    """Digest of the names and contents of every file under ``folders`` (None: skipped)."""
    digest = hashlib.sha256()
    for folder in folders:
        if folder is None:
            continue
        digest.update(os.fsencode(os.path.abspath(folder)) + b"\0")
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as file:
                        content = file.read()
                except OSError:  # unreadable: Jinja says so if a page needs it
                    content = b"\0unreadable"
                digest.update(os.fsencode(os.path.relpath(path, folder)) + b"\0")
                digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()
