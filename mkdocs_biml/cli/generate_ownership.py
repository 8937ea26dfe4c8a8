"""Which files under the pages' folder are ``generate``'s own, and one run that
decides from that what to write, update, remove or leave.

What a run wrote is recorded in a manifest, :data:`MANIFEST` in the pages'
folder: each path with a hash of the bytes written, and the folders it
created. Each file also ends with its signature (:func:`sign`), the hash of
what comes before it. A file is ``generate``'s own only if the manifest lists
it with its content's hash and the content is signed (or if it already holds
exactly the bytes about to be written); anything else in the way is left alone
and reported, and then nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.problems import escape_controls
from .generate_change import FolderChange

#: What ``generate`` wrote last time, inside the pages' folder (a dot file:
#: MkDocs, ProperDocs and Zensical publish no such file).
MANIFEST = ".mkdocs-biml-generated.json"
#: 2: every file ends with its signature (:func:`sign`); format 1's files did not.
_MANIFEST_FORMAT = 2


@dataclass
class GenerateReport:
    """What one run did, by path relative to OUT_DIR (``/`` separated)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Path -> why it was left alone.
    left: dict[str, str] = field(default_factory=dict)
    #: Whether a file left alone is in the way of a page, so nothing was written.
    blocked: bool = False

    @property
    def written(self) -> list[str]:
        """Every file that now holds what this run generated."""
        return [*self.created, *self.updated, *self.unchanged]

    def as_text(self) -> str:
        lines = [f"created {path}" for path in self.created]
        lines += [f"updated {path}" for path in self.updated]
        lines += [f"removed {path}" for path in self.removed]
        lines += [f"left {path}: {why}" for path, why in self.left.items()]
        # Escaped: a path is a file name, which may hold line breaks and escapes.
        return "".join(f"{escape_controls(line)}\n" for line in lines)

    def summary(self, out_dir: Path) -> str:
        changed, removed, left = (
            len(self.created) + len(self.updated),
            len(self.removed),
            len(self.left),
        )
        return (
            f"mkdocs-biml generate: wrote {changed} file{'' if changed == 1 else 's'} "
            f"under {escape_controls(str(out_dir))} "
            f"({len(self.unchanged)} up to date, {removed} removed, {left} left)"
        )


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class GenerateRun:
    """One run of ``generate`` on ``out_dir``, whose pages live in ``out_dir/base``."""

    def __init__(self, out_dir: Path, base: str) -> None:
        self.out_dir = out_dir
        self.base = base
        self.manifest_path = f"{base}/{MANIFEST}"
        self.report = GenerateReport()
        self.manifest_in_the_way = False
        self.files, self.folders = self._read_manifest()

    # -- the manifest ------------------------------------------------------------------

    def _read_manifest(self) -> tuple[dict[str, str], set[str]]:
        """Files (path -> hash) and folders the last run recorded (none without a manifest)."""
        path = self._path(self.manifest_path)
        if path is not None and not os.path.lexists(path):
            return {}, set()
        try:
            if path is None or path.is_symlink():
                raise ValueError("symlink")
            data = json.loads(path.read_text("utf-8"))
            files = {str(k): str(v) for k, v in data["files"].items() if self._owned(k)}
            folders = {str(f) for f in data["folders"] if self._owned(f)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.manifest_in_the_way = True
            self.report.left[self.manifest_path] = (
                "not a manifest 'generate' wrote; move it away to regenerate"
            )
            return {}, set()
        return files, folders

    def _owned(self, path: object) -> bool:
        """A manifest entry names a path under the pages' folder (never outside it)."""
        if not isinstance(path, str):
            return False
        parts, base = PurePosixPath(path).parts, PurePosixPath(self.base).parts
        return parts[: len(base)] == base and ".." not in parts and "\\" not in path

    # -- the run -----------------------------------------------------------------------

    def apply(self, targets: dict[str, bytes]) -> GenerateReport:
        """Decide everything, then change the folder in one :class:`FolderChange`: all of it,
        or, if anything fails on the way, nothing."""
        signed = {path: sign(path, content) for path, content in targets.items()}
        plan = {path: self._decide(path, content) for path, content in signed.items()}
        stale = self._stale(set(targets))
        if "left" in plan.values() or self.manifest_in_the_way:
            # Half a set of pages would link to pages that are not there: write none.
            self.report.blocked = True
            return self.report
        emptied = self._emptied_folders(stale, {str(PurePosixPath(p).parent) for p in targets})
        self.out_dir.mkdir(parents=True, exist_ok=True)
        change = FolderChange(self.out_dir)
        try:
            for path, action in plan.items():
                if action != "unchanged":
                    change.write(path, signed[path])
            for path in stale:
                change.remove(path)
            for folder in emptied:
                change.remove_folder(folder)
            folders = (self.folders | change.created_folders) - set(emptied)
            change.write(self.manifest_path, self._manifest(signed, folders))
            change.commit()
        except OSError:
            change.undo()
            raise
        for path, action in plan.items():
            getattr(self.report, action).append(path)
        self.report.removed += [*stale, *(f"{folder}/" for folder in emptied)]
        return self.report

    def _manifest(self, signed: dict[str, bytes], folders: Iterable[str]) -> bytes:
        data = {
            "format": _MANIFEST_FORMAT,
            "about": "Files and folders 'mkdocs-biml generate' wrote; do not edit.",
            "files": {path: _digest(content) for path, content in sorted(signed.items())},
            "folders": sorted(folders),
        }
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()

    def _decide(self, path: str, content: bytes) -> str:
        """created, updated or unchanged; or why the file in the way is left alone."""
        target = self._path(path)
        if target is None:
            return self._leave(path, "a folder on its path is a symlink or a file")
        if not os.path.lexists(target):
            return "created"
        if target.is_symlink() or not target.is_file():
            return self._leave(path, "a symlink or folder, not a file 'generate' wrote")
        current = target.read_bytes()
        if current == content:
            return "unchanged"
        if self._proven(path, current):
            return "updated"
        if path in self.files:
            return self._leave(path, "edited since 'generate' wrote it; move it away to regenerate")
        return self._leave(path, "not written by 'generate'; move it away or use another --folder")

    def _proven(self, path: str, content: bytes) -> bool:
        """Whether ``content`` at ``path`` is what a run of ``generate`` wrote there: the
        manifest lists it with this content's hash, and the content proves it (its last
        line is the signature of the rest). The manifest alone proves nothing: anyone
        can write one that lists any file."""
        return self.files.get(path) == _digest(content) and is_signed(path, content)

    def _leave(self, path: str, why: str) -> str:
        self.report.left[path] = why
        return "left"

    def _stale(self, keep: set[str]) -> list[str]:
        """Files the last run wrote that the catalogues no longer produce, if unedited;
        the edited ones are reported and left."""
        stale = []
        for path in sorted(self.files):
            if path in keep or path == self.manifest_path:
                continue
            target = self._path(path)
            if target is None or target.is_symlink() or not target.is_file():
                continue
            if self._proven(path, target.read_bytes()):
                stale.append(path)
            else:
                self.report.left[path] = "edited since 'generate' wrote it; no longer generated"
        return stale

    def _emptied_folders(self, stale: list[str], needed: set[str]) -> list[str]:
        """Folders a run created that removing ``stale`` leaves empty, deepest first.

        A folder that is now a symlink is never one of them: its entries are elsewhere.
        """
        going = {PurePosixPath(path) for path in stale}
        emptied: list[str] = []
        for folder in sorted(self.folders, key=lambda f: -len(PurePosixPath(f).parts)):
            target = self._path(folder)
            if folder in needed or target is None or target.is_symlink() or not target.is_dir():
                continue
            inside = {PurePosixPath(folder) / entry.name for entry in os.scandir(target)}
            if inside <= going | {PurePosixPath(f) for f in emptied}:
                emptied.append(folder)
        return emptied

    # -- paths -------------------------------------------------------------------------

    def _path(self, path: str) -> Path | None:
        """``out_dir/path``, or None if a folder on the way is a symlink or not a folder."""
        target = self.out_dir
        for part in PurePosixPath(path).parent.parts:
            target = target / part
            if target.is_symlink() or (os.path.lexists(target) and not target.is_dir()):
                return None
        return target / PurePosixPath(path).name


#: The signature ``generate`` ends each file with: the hash of what comes before it,
#: in the comment syntax of the file's kind.
_SIGNATURE = "mkdocs-biml generate sha256:{}"
_COMMENTS = {".md": ("<!-- ", " -->"), ".css": ("/* ", " */"), ".js": ("/* ", " */")}


def sign(path: str, content: bytes) -> bytes:
    """``content`` with its signature as its last line, which proves who wrote it."""
    start, end = _COMMENTS[PurePosixPath(path).suffix]
    line = start + _SIGNATURE.format(_digest(content)) + end
    return content + (b"" if content.endswith(b"\n") else b"\n") + line.encode() + b"\n"


def is_signed(path: str, content: bytes) -> bool:
    """Whether ``content`` ends with the signature of what comes before it."""
    if PurePosixPath(path).suffix not in _COMMENTS or not content.endswith(b"\n"):
        return False
    head, newline, _ = content[:-1].rpartition(b"\n")
    return bool(newline) and content in (sign(path, head + newline), sign(path, head))
