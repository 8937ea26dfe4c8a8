"""What the generated pages' templates cost once per process, not once per build.

``mkdocs serve`` rebuilds the whole site on every save, in the same process.
The templates and the catalogues rarely change between two saves, so:

* :data:`COMPILED` keeps each template's compiled code, under its source's
  checksum (Jinja's own bytecode cache protocol): an edited template is
  compiled again, an unchanged one is not, whatever its file's time says;
  compiled code is never written to the cache folder (``diskcache.py``): a
  file there would run as code in every build, yet reads as an opaque blob
  in a review; the folder keeps the pages' Markdown instead, which spares
  the next build most templates;
* :class:`Memo` keeps a few results under a key of everything they are made
  of, so that the pages are rendered again only when one of those changed;
  (:func:`mkdocs_biml.site.cachekey.folder_digest` is the content of template
  folders, for such a key).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

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
