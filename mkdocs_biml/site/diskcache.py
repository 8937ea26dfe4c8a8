"""The plugin's cache folder on disk: entries by key, written whole or not at all.

A second ``mkdocs build`` of an unchanged site finds there what the first one
made (the generated pages' Markdown and HTML). Every entry is JSON, read as
data: none is ever run as code (compiled templates stay in memory, see
``templatecache.py``). A cache must never fail a build nor touch what is not
its own, so:

* the folder (the ``cache_dir`` option) is made on the first write, with a
  ``.gitignore`` that keeps it out of version control (a folder that was
  already there gets none: it may be the user's own, holding what they commit);
* an entry is a file named by us, ``<sha256 of its key>.<suffix>``, written
  to a temporary file then renamed over the old one (a reader sees the old
  entry or the new one, never half of one);
* a read that fails in any way is a miss, a write that fails is dropped (the
  build goes on with the memory caches alone);
* the oldest entries are deleted beyond :attr:`DiskStore.limit`, and only
  files whose names match ours: anything else in the folder is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..problems import logger as log

#: Written into the cache folder: nothing in it is ever committed.
GITIGNORE = "# Made by mkdocs-biml: a cache, never committed.\n*\n"


def entry_name(key: str) -> str:
    """The hex digest naming the entry of ``key`` (any text)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class DiskStore:
    """Entries of one kind (``kind`` is their subfolder) in the cache folder ``root``."""

    def __init__(self, root: Path, kind: str, suffix: str, limit: int) -> None:
        self.root = root
        self.folder = root / kind
        self.suffix = suffix
        self.limit = limit
        self._ours = re.compile(rf"[0-9a-f]{{64}}\.{re.escape(suffix)}(\.[a-z0-9_]+\.tmp)?")
        self._prepared = False
        #: Set once a write failed: the folder is not writable, no use trying again.
        self.broken = False

    def path(self, key: str) -> Path:
        return self.folder / f"{entry_name(key)}.{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The entry of ``key``, or None (missing, unreadable: a miss either way)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):  # a read-only cache still serves
            os.utime(path)  # recently used: pruned last
        return data

    def write(self, key: str, data: bytes) -> None:
        """Store ``data`` as the entry of ``key``: nothing (silently) if the folder is not
        writable."""
        if self.broken:
            return
        try:
            if not self._prepared:
                self._prepare()
            self._replace(self.path(key), data)
        except OSError as exc:
            self.broken = True
            log.debug(f"biml: cache folder {self.root} not writable, kept in memory only: {exc}")

    def _prepare(self) -> None:
        """Before this store's first write: the folder, its ``.gitignore``, room for entries."""
        if not self.root.is_dir():
            # Only into a folder made here: an existing one may be the user's own.
            self.root.mkdir(parents=True, exist_ok=True)
            self._replace(self.root / ".gitignore", GITIGNORE.encode())
        self.folder.mkdir(exist_ok=True)
        self.prune(self.limit - 1)
        self._prepared = True

    def prune(self, keep: int) -> None:
        """Delete our oldest entries (and leftover temporary files) beyond ``keep``."""
        try:
            names = [name for name in os.listdir(self.folder) if self._ours.fullmatch(name)]
        except OSError:
            return
        if len(names) <= keep:
            return
        aged = []
        for name in names:
            try:
                aged.append((os.stat(self.folder / name).st_mtime_ns, name))
            except OSError:
                continue  # gone meanwhile (another build pruning)
        aged.sort()
        for _, name in aged[: max(len(aged) - keep, 0)]:
            with contextlib.suppress(OSError):
                os.unlink(self.folder / name)

    def _replace(self, path: Path, data: bytes) -> None:
        # Not mkstemp: its files are private (0600); an entry has the umask's mode.
        temporary = path.with_name(f"{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            with open(temporary, "xb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


@dataclass(frozen=True)
class CacheFolder:
    """The stores of one cache folder, a subfolder for each kind of entry."""

    #: The Markdown of all generated pages, one entry for the lot.
    markdown: DiskStore
    #: Each generated page's HTML.
    pages: DiskStore

    @classmethod
    def at(cls, root: Path) -> CacheFolder:
        return cls(
            markdown=DiskStore(root, "markdown", "json", limit=50),
            pages=DiskStore(root, "pages", "json", limit=500),
        )
