"""Changes to a folder made all together or not at all, for ``generate``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path, PurePosixPath


def _file_mode() -> int:
    """What ``open()`` would give a new file under the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


class FolderChange:
    """Changes to ``out_dir`` made all together or not at all.

    New contents go into temporary files beside their targets first; only then
    is each target moved aside and its new file renamed in (a rename replaces a
    symlink, never follows it). If anything fails, :meth:`undo` puts every
    moved file back and removes what was added, so a failed run leaves the
    folder as it was; :meth:`commit` deletes what was moved aside.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.created_folders: set[str] = set()
        self._writes: list[tuple[Path, Path]] = []  # (temporary file, target)
        self._removals: list[Path] = []
        self._folder_removals: list[Path] = []
        self._moved: list[tuple[Path, Path]] = []  # (target, where it was moved)
        self._added: list[Path] = []
        self._removed_folders: list[Path] = []
        #: Where replaced and removed files wait until the change is committed.
        self._aside: Path | None = None

    def write(self, path: str, content: bytes) -> None:
        target = self.out_dir / path
        self._make_folders(PurePosixPath(path).parent)
        handle, temporary = tempfile.mkstemp(prefix=".biml-", dir=target.parent)
        self._writes.append((Path(temporary), target))
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, _FILE_MODE)  # mkstemp's 0600 would hide the page from others

    def remove(self, path: str) -> None:
        self._removals.append(self.out_dir / path)

    def remove_folder(self, folder: str) -> None:
        self._folder_removals.append(self.out_dir / folder)

    def commit(self) -> None:
        for temporary, target in self._writes:
            if os.path.lexists(target):
                self._move_aside(target)
            os.replace(temporary, target)
            self._added.append(target)
        for target in self._removals:
            self._move_aside(target)
        for folder in self._folder_removals:
            folder.rmdir()
            self._removed_folders.append(folder)
        for _, aside in self._moved:
            aside.unlink()
        self._moved = []
        self._drop_aside()

    def undo(self) -> None:
        """Put the folder back as it was. A step that fails leaves its file where it
        is (a file moved aside stays in the ``.biml-old-`` folder): nothing is lost."""
        for removed in reversed(self._removed_folders):
            with contextlib.suppress(OSError):
                removed.mkdir()
        for target in reversed(self._added):
            with contextlib.suppress(OSError):
                target.unlink()
        for target, aside in reversed(self._moved):
            with contextlib.suppress(OSError):
                os.replace(aside, target)
        self._moved = [(target, aside) for target, aside in self._moved if aside.exists()]
        for temporary, _ in self._writes:
            temporary.unlink(missing_ok=True)
        self._drop_aside()
        for folder in sorted(self.created_folders, key=lambda f: -len(PurePosixPath(f).parts)):
            with contextlib.suppress(OSError):
                (self.out_dir / folder).rmdir()

    def _move_aside(self, target: Path) -> None:
        # Into a folder of its own, so that a folder emptied of its files can go.
        if self._aside is None:
            self._aside = Path(tempfile.mkdtemp(prefix=".biml-old-", dir=self.out_dir))
        aside = self._aside / str(len(self._moved))
        os.replace(target, aside)
        self._moved.append((target, aside))

    def _drop_aside(self) -> None:
        if self._aside is not None and not self._moved:
            self._aside.rmdir()
            self._aside = None

    def _make_folders(self, folder: PurePosixPath) -> None:
        for depth in range(1, len(folder.parts) + 1):
            relative = PurePosixPath(*folder.parts[:depth]).as_posix()
            target = self.out_dir / relative
            if not target.is_dir():
                target.mkdir()
                self.created_folders.add(relative)
