"""A real site: Python-Markdown 3.11.3's own documentation, with and without the plugin.

The pages come from the sdist of ``markdown==3.11.3``, downloaded once from the
package registry with pip (its SHA-256 checked) into a cache that git ignores
(:data:`CACHE`); nothing of it is committed. The site is 68 pages of real
prose, code and tables, and not one BIML tag: what every site pays for the
plugin before it cites anything.

Of the sdist's ``mkdocs.yml`` the site keeps the metadata (name, description,
URLs, author, copyright, ``use_directory_urls``) and the navigation. It
replaces the rest, which needs the project's own tooling (a Zensical theme
directory, mkdocstrings, redirects, ``mdx_gh_links``, emoji from Zensical,
custom fences from the sdist's ``tools`` package) by:

* the MkDocs theme;
* :data:`MARKDOWN_EXTENSIONS`: ``abbr``, ``admonition``, ``attr_list``,
  ``def_list``, ``footnotes``, ``md_in_html``, ``smarty``, ``pymdownx.keys``,
  ``toc`` with permalinks, ``pymdownx.highlight`` and ``pymdownx.superfences``
  (with the sdist's options for ``toc`` and ``pymdownx.highlight``; no custom
  fences, so its ``md-render`` and ``py-render`` blocks are highlighted code);
* the plugins of the variant (:data:`benchmarks.sites.VARIANTS`): ``plain`` is
  ``search`` only, ``biml`` is ``search`` and ``biml``.

The API reference pages hold mkdocstrings' ``::: markdown`` directives, which
stay literal paragraphs here.

Usage (from the repository root)::

    python -m benchmarks.realsite /tmp/real --variant biml
    mkdocs build -f /tmp/real/mkdocs.yml
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .sites import VARIANTS

NAME = "markdown-docs"
REQUIREMENT = "markdown==3.11.3"
SDIST = "markdown-3.11.3.tar.gz"
#: PyPI's sdist of markdown 3.11.3; another file would be another site.
SDIST_SHA256 = "81eb91631dc97ad1efbc76019ef0f80fe90ca49ddf81546752d79989c3bfff3e"
#: Downloads and the unpacked sources; the folder ignores itself in git.
CACHE = Path(__file__).resolve().parent / "results" / "cache"
#: A site without tags gives a peer nothing to do: only with and without the plugin.
#: ``-hook``: the same with one more plugin in the site, a ``hooks:`` file that
#: changes nothing (a site with any plugin beside search must be as fast).
REAL_VARIANTS = ("plain", "biml", "plain-hook", "biml-hook")
HOOK = "def on_page_content(html, **kwargs):\n    return html\n"

#: Settings of the sdist's ``mkdocs.yml`` that the site keeps as they are.
KEPT_SETTINGS = (
    "site_name",
    "site_description",
    "site_url",
    "repo_url",
    "repo_name",
    "site_author",
    "copyright",
    "use_directory_urls",
    "nav",
)
MARKDOWN_EXTENSIONS: list[Any] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "smarty",
    "pymdownx.keys",
    {"toc": {"permalink": "§"}},
    {
        "pymdownx.highlight": {
            "anchor_linenums": True,
            "line_spans": "__span",
            "pygments_lang_class": True,
        }
    },
    "pymdownx.superfences",
]


def _cache_dir(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    ignore = cache / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Downloaded by benchmarks/realsite.py; never committed.\n*\n", "utf-8")
    return cache


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def download_sdist(cache: Path = CACHE) -> Path:
    """The sdist in the cache, downloaded with pip the first time."""
    sdist = _cache_dir(cache) / SDIST
    if not sdist.exists():
        print(f"downloading the sdist of {REQUIREMENT} into {cache}", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="biml-bench-sdist-") as folder:
            subprocess.run(
                [
                    *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
                    *("--no-binary", ":all:", REQUIREMENT, "-d", folder),
                ],
                check=True,
            )
            shutil.move(Path(folder) / SDIST, sdist)
    found = _sha256(sdist)
    if found != SDIST_SHA256:
        raise SystemExit(
            f"{sdist}: SHA-256 {found}, expected {SDIST_SHA256} (PyPI's sdist of "
            f"{REQUIREMENT}); delete the file to download it again"
        )
    return sdist


def unpacked_sources(cache: Path = CACHE) -> Path:
    """The sdist's ``docs/`` and ``mkdocs.yml``, unpacked once into the cache."""
    sources = _cache_dir(cache) / SDIST.removesuffix(".tar.gz")
    if (sources / "mkdocs.yml").exists():
        return sources
    sdist = download_sdist(cache)
    partial = Path(tempfile.mkdtemp(prefix="unpacking-", dir=cache))
    top = sources.name
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            parts = Path(member.name).parts
            if not member.isfile() or parts[:1] != (top,) or ".." in parts:
                continue
            inside = Path(*parts[1:])
            if inside.parts[:1] == ("docs",) or inside == Path("mkdocs.yml"):
                target = partial / inside
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as data:  # type: ignore[union-attr]
                    target.write_bytes(data.read())
    partial.rename(sources)
    return sources


class _SdistConfigLoader(yaml.SafeLoader):
    """Reads the sdist's ``mkdocs.yml``; its ``!!python/name:`` values become None."""


_SdistConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def site_config(sources: Path, variant: str) -> dict[str, Any]:
    original = yaml.load((sources / "mkdocs.yml").read_text("utf-8"), Loader=_SdistConfigLoader)
    base, _, hooked = variant.partition("-")
    config = {
        **{key: original[key] for key in KEPT_SETTINGS if key in original},
        "theme": {"name": "mkdocs"},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "plugins": VARIANTS[base].plugins,
    }
    if hooked:
        config["hooks"] = ["hook.py"]
    return config


def page_count(cache: Path = CACHE) -> int:
    return sum(1 for _ in (unpacked_sources(cache) / "docs").rglob("*.md"))


def write_site(root: Path, variant: str, cache: Path = CACHE) -> Path:
    """Write ``root/mkdocs.yml`` and ``root/docs/``; return the config file's path."""
    if variant not in REAL_VARIANTS:
        raise SystemExit(f"the real site has no {variant!r} variant; it has {REAL_VARIANTS}")
    sources = unpacked_sources(cache)
    shutil.copytree(sources / "docs", root / "docs", dirs_exist_ok=True)
    config_file = root / "mkdocs.yml"
    config = site_config(sources, variant)
    if "hooks" in config:
        (root / "hook.py").write_text(HOOK, "utf-8")
    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return config_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write mkdocs.yml and docs/ into")
    parser.add_argument("--variant", choices=REAL_VARIANTS, default="biml")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where the sdist is kept")
    args = parser.parse_args()
    print(write_site(args.root, args.variant, args.cache))


if __name__ == "__main__":
    main()
