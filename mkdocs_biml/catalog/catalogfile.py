"""Reading a catalogue file's bytes: only regular files, and never more than a catalogue's size.

A catalogue path comes from the ``catalogs`` option or from an ``extends:``
line, and may name anything: a folder, a named pipe (opening it for reading
waits for a writer forever), ``/dev/zero`` (endless), a symbolic link that
loops. Each is one :class:`CatalogError` naming the option and the path,
checked on the file's status before it is opened and again on the opened
file, which is opened without blocking and read up to the size limit only.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .valuetext import short_repr
from .yamllimits import MAX_BYTES
from .yamlsource import CatalogError, check_size

#: Names of the built-in catalogues.
BUILTIN_NAMES = ("biml-78", "biml-llm")


@dataclass(frozen=True)
class Origin:
    """Where a catalogue path was written: the option, and its file and line if it has one.

    The ``catalogs`` option of the plugin (or ``--catalog`` of the commands)
    has no file and line of ours; ``extends:`` has the overlay's.
    """

    option: str = "catalogs"
    file: str = ""
    line: int | None = None

    def fail(self, shown: str, problem: str) -> CatalogError:
        relative_to = "this file" if self.file else "mkdocs.yml"
        return CatalogError(
            self.file,
            self.line,
            self.option,
            f"{short_repr(shown, 200)} {problem}",
            f"give the path of a catalogue's YAML file, relative to {relative_to}, "
            f"or a built-in catalogue's name: {', '.join(BUILTIN_NAMES)}",
        )


def read_catalog_file(path: Path, shown: str, origin: Origin) -> bytes:
    """The bytes of the regular file ``path`` (``shown`` in messages), at most :data:`MAX_BYTES`."""
    if not str(path) or not shown:
        raise origin.fail("", "is an empty path")
    try:
        _check_kind(os.stat(path).st_mode, shown, origin)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise origin.fail(shown, _unreadable(exc)) from None
    except ValueError:  # a NUL character in the path
        raise origin.fail(shown, "is not a valid path") from None
    try:
        status = os.fstat(descriptor)
        _check_kind(status.st_mode, shown, origin)  # it may have been replaced meanwhile
        check_size(shown, status.st_size)
        raw = _read_at_most(descriptor, MAX_BYTES + 1)
    except OSError as exc:
        raise origin.fail(shown, _unreadable(exc)) from None
    finally:
        os.close(descriptor)
    check_size(shown, len(raw))
    return raw


def content_digest(raw: bytes) -> str:
    """What a catalogue's cache compares: its content, since size and time may not change."""
    return hashlib.sha256(raw).hexdigest()


def _check_kind(mode: int, shown: str, origin: Origin) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    raise origin.fail(shown, f"is {kind}, not a catalogue file")


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "does not exist"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that loops"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {exc.strerror or exc}"


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
