"""The framework's pages as Markdown files, for hosts that run no MkDocs plugins.

Zensical (and plain Python-Markdown pipelines) run the ``biml`` Markdown
extension but not the plugin that adds the generated pages to a build. For
them, :func:`generate_pages` writes the same pages into the documentation
folder once, with the same source paths and heading ids as the plugin, so the
extension's links (``biml/data.md#data-2-transfer``) land on existing anchors.

``generate`` never deletes or overwrites a file it did not write. What it
wrote is recorded in a manifest, :data:`MANIFEST` in the pages' folder: each
path with a hash of the bytes written, and the folders it created. A file is
``generate``'s own only if the manifest lists it and its content still has
that hash (or if it already holds exactly the bytes about to be written).
Anything else in the way (a page the author wrote, a generated page the author
edited, a symlink) is left alone and reported, and then nothing is written.

Every page still starts with :data:`~mkdocs_biml.core.paths.GENERATED_MARKER`,
which tells the extension that the page quotes the catalogue.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..catalog.loader import load_catalogs
from ..core.i18n import Strings
from ..core.paths import GENERATED_MARKER, PageLayout, relative_link
from ..core.problems import escape_controls
from ..pages.placeholders import PLACEHOLDER, SOURCE_SCHEME, resolve_source_hrefs
from ..pages.render import PageGenerator
from ..records.assessments import DEFAULT_STATUSES
from ..resources import ASSET_NAMES, ASSETS_DIR

#: Placeholders of what the coverage page shows of the whole site.
SITE_WIDE_KINDS = ("coverage-matrix", "uncited")
#: Folder of the stylesheet and script, inside the pages' folder.
ASSETS_FOLDER = "assets"
#: What ``generate`` wrote last time, inside the pages' folder (a dot file:
#: MkDocs, ProperDocs and Zensical publish no such file).
MANIFEST = ".mkdocs-biml-generated.json"
#: 2: every file ends with its signature (:func:`sign`); format 1's files did not.
_MANIFEST_FORMAT = 2


def _file_mode() -> int:
    """What ``open()`` would give a new file under the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


class GenerateError(Exception):
    """``generate`` could not run: the output folder cannot be read or written."""


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


def generate_pages(
    out_dir: Path, catalogs: Sequence[str] = (), folder: str = "biml", language: str = ""
) -> GenerateReport:
    """Write the framework pages and assets under ``out_dir/folder``.

    ``catalogs`` are built-in catalogue names or catalogue file paths used
    beside the built-in BIML-78, as in the plugin's ``catalogs`` option;
    ``language`` is that of the words the pages write around BIML's text. Files
    a previous run wrote that the catalogues no longer produce are removed,
    and so are the folders it created once they are empty. Raises
    :class:`~mkdocs_biml.catalog.loader.CatalogError` for a bad catalogue and
    :class:`GenerateError` when ``out_dir`` cannot be used.
    """
    layout = PageLayout(folder)
    strings = Strings(language or None)
    generator = PageGenerator(
        load_catalogs(catalogs), layout, None, DEFAULT_STATUSES, strings=strings
    )
    pages = generator.render()
    base = layout.folder.strip("/")
    note = f'<p class="biml-needs-plugin">{html.escape(strings("coverage_needs_plugin"))}</p>'
    targets = {
        src: _mark(_static(src, generator.fill_html(src, markdown), note)).encode()
        for src, markdown in pages.items()
    }
    for name in ASSET_NAMES:
        targets[f"{base}/{ASSETS_FOLDER}/{name}"] = (ASSETS_DIR / name).read_bytes()
    if out_dir.exists() and not out_dir.is_dir():
        raise GenerateError(f"{out_dir} is not a folder")
    try:
        return _Run(out_dir, base).apply(targets)
    except OSError as exc:
        raise GenerateError(
            f"could not write under {out_dir}: {exc}; nothing was changed"
        ) from None


def asset_paths(folder: str = "biml") -> list[str]:
    """Source paths of the stylesheet and script, for ``extra_css``/``extra_javascript``."""
    base = PageLayout(folder).folder.strip("/")
    return [f"{base}/{ASSETS_FOLDER}/{name}" for name in ASSET_NAMES]


def _static(src_uri: str, markdown: str, note: str) -> str:
    """Do without the plugin's ``finalize``, which no host runs here (the page's HTML
    fragments are in place already: :meth:`PageGenerator.fill_html`).

    Backlink placeholders go, and coverage placeholders give way to ``note``,
    which says why the page has no table there (only a whole-site build can
    fill them, and an empty list of uncited risks would read as "all cited").
    The diagram's ``biml-src:`` links in raw HTML become page-relative ``.md``
    links, which hosts rewrite into URLs like any other link. Hosts rewrite
    plain ``href`` only, so the diagram's ``xlink:href`` (which the plugin
    keeps for Material's instant navigation) becomes ``href`` here.
    """
    markdown = PLACEHOLDER.sub(lambda m: note if m[1] in SITE_WIDE_KINDS else "", markdown)
    markdown = markdown.replace(f'xlink:href="{SOURCE_SCHEME}', f'href="{SOURCE_SCHEME}')
    return resolve_source_hrefs(markdown, lambda target: relative_link(src_uri, target))


def _mark(markdown: str) -> str:
    """Put the marker first, after front matter (which hosts require at the top)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            split = end + len("\n---\n")
            return f"{markdown[:split]}{GENERATED_MARKER}\n\n{markdown[split:]}"
    return f"{GENERATED_MARKER}\n\n{markdown}"


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class _Run:
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
        """Decide everything, then change the folder in one :class:`_Change`: all of it,
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
        change = _Change(self.out_dir)
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


class _Change:
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


__all__ = [
    "GENERATED_MARKER",
    "MANIFEST",
    "GenerateError",
    "GenerateReport",
    "asset_paths",
    "generate_pages",
]
