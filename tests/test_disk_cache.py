"""The cache folder: a second ``mkdocs build`` skips compiling the generated pages'
templates and converting their Markdown, and shows at once what changed.

Builds in process start "as a new process": the memory caches are emptied
first, so only the cache folder can save work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml.config import DEFAULT_CACHE_DIR
from mkdocs_biml.site import htmlcache, render, templatecache
from mkdocs_biml.site.cachekey import Unstable, digest, stable
from mkdocs_biml.site.diskcache import DiskStore, entry_name
from tests.sites import BuiltSite, build_site, record_converted_pages, run_module, write_site
from tests.test_serve_caches import CATALOG, TEMPLATE

PAGES = {"index.md": "# Home\n\n[ACME:supply:1:unsigned weights] and [data:2:transfer].\n"}
CACHE = Path(DEFAULT_CACHE_DIR)
RISK_PAGE = "biml/acme/supply.md"
SEARCH_INDEX = "search/search_index.json"
#: The templates of what only the whole site knows, rendered into every build's HTML.
FILLED_IN_AFTER_THE_BUILD = {"backlinks.html.j2", "coverage-matrix.html.j2", "uncited.html.j2"}

#: A build in a new interpreter that prints which of our templates it compiled and
#: which generated pages it converted (JSON), from the site in its working folder.
COUNTING_BUILD = """\
import json, sys
import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs_biml.site import htmlcache

compiled, converted = [], []
compile_template = jinja2.Environment.compile
capture = htmlcache._capture

def counted_compile(self, source, name=None, filename=None, *args, **kwargs):
    compiled.append(name)
    return compile_template(self, source, name, filename, *args, **kwargs)

def counted_capture(page, html):
    converted.append(page.file.src_uri)
    return capture(page, html)

jinja2.Environment.compile = counted_compile
htmlcache._capture = counted_capture
build(load_config("mkdocs.yml"))
ours = sorted({name for name in compiled if name and name.endswith(".j2")})
print(json.dumps({"compiled": ours, "converted": sorted(converted)}))
"""


def _settings(theme: str = "mkdocs", **options: Any) -> dict[str, Any]:
    biml = {"catalogs": ["acme.yaml"], "custom_templates": "overrides", **options}
    return {"theme": theme, "plugins": ["search", {"biml": biml}]}


def _write_inputs(root: Path) -> None:
    (root / "acme.yaml").write_text(textwrap.dedent(CATALOG), encoding="utf-8")
    (root / "overrides").mkdir(exist_ok=True)
    (root / "overrides" / "risk.md.j2").write_text(TEMPLATE, encoding="utf-8")


def _fresh_build(root: Path, config: dict[str, Any], *, strict: bool = False) -> BuiltSite:
    """Build in process with the memory caches emptied, as a new process would start."""
    templatecache.COMPILED.clear()
    htmlcache._KEPT.clear()
    render._RENDERED.clear()
    site = build_site(root, PAGES, config, strict=strict)
    assert site.error is None, site.failure()
    return site


def _generated(site: BuiltSite) -> dict[str, str]:
    """HTML of every generated page, and the search index."""
    pages = {
        str(path.relative_to(site.site_dir)): path.read_text(encoding="utf-8")
        for path in (site.site_dir / "biml").rglob("*.html")
    }
    pages[SEARCH_INDEX] = (site.site_dir / SEARCH_INDEX).read_text(encoding="utf-8")
    return pages


def _entries(root: Path, kind: str = "pages") -> list[Path]:
    folder = root / CACHE / kind
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _text(site: BuiltSite, src_uri: str) -> str:
    return " ".join(site.content(src_uri).get_text().split())


@pytest.fixture
def cached_site(tmp_path: Path) -> Path:
    """A site built once: its cache folder holds the generated pages."""
    _write_inputs(tmp_path)
    _fresh_build(tmp_path, _settings())
    return tmp_path


@pytest.fixture
def compile_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the templates Jinja compiles from now on."""
    calls: list[str] = []
    original = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: Any, name: Any = None, *args: Any) -> Any:
        calls.append(str(name))
        return original(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return calls


# -- across processes --------------------------------------------------------------------


def _counting_build(root: Path) -> dict[str, list[str]]:
    (root / "count_build.py").write_text(COUNTING_BUILD, encoding="utf-8")
    done = run_module(root, "count_build")
    assert done.returncode == 0, done.stderr
    counts: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return counts


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_second_build_in_a_new_process_compiles_and_converts_nothing(
    tmp_path: Path, theme: str
) -> None:
    _write_inputs(tmp_path)
    write_site(tmp_path, PAGES, _settings(theme))
    first = _counting_build(tmp_path)
    assert first["compiled"] and RISK_PAGE in first["converted"]
    assert _entries(tmp_path, "pages") and _entries(tmp_path, "markdown")
    site = BuiltSite(tmp_path, tmp_path / "site")
    before = _generated(site)
    second = _counting_build(tmp_path)
    # The pages' Markdown comes from the cache folder: only the templates of what the
    # whole site makes (backlinks, coverage) are compiled, never stored as code.
    assert second["converted"] == []
    assert set(second["compiled"]) <= FILLED_IN_AFTER_THE_BUILD, second["compiled"]
    assert _generated(site) == before  # tables of contents included (the theme renders them)


def test_the_cache_folder_is_ignored_by_git(cached_site: Path) -> None:
    ignore = (cached_site / CACHE / ".gitignore").read_text(encoding="utf-8")
    assert "*" in ignore.splitlines()


def test_an_existing_folder_gets_no_gitignore(tmp_path: Path) -> None:
    """``cache_dir`` naming a folder of the user's: the entries go in, no ``.gitignore``."""
    _write_inputs(tmp_path)
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "notes.txt").write_text("mine", encoding="utf-8")
    _fresh_build(tmp_path, _settings(cache_dir="build"))
    assert not (tmp_path / "build" / ".gitignore").exists()
    assert list((tmp_path / "build" / "pages").iterdir())
    assert (tmp_path / "build" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_stored_html_is_what_the_next_build_serves(cached_site: Path) -> None:
    """Altered entries show in the next build's pages, until a setting changes the key."""
    for path in _entries(cached_site):
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["content"] = '<p class="from-disk">kept</p>' + entry["content"]
        path.write_text(json.dumps(entry), encoding="utf-8")
    site = _fresh_build(cached_site, _settings())
    assert site.content(RISK_PAGE).select_one("p.from-disk") is not None
    settings = {**_settings(), "markdown_extensions": [{"toc": {"permalink": "#"}}]}
    site = _fresh_build(cached_site, settings)
    assert site.content(RISK_PAGE).select_one("p.from-disk") is None
    assert site.content(RISK_PAGE).select_one("a.headerlink") is not None


def test_the_stored_markdown_is_what_the_next_build_renders(cached_site: Path) -> None:
    """The pages' Markdown comes from the cache folder (altered here, it shows) while the
    catalogues, options and templates are the same; an edit renders the pages anew."""
    [entry] = _entries(cached_site, "markdown")
    pages = json.loads(entry.read_text(encoding="utf-8"))
    pages[RISK_PAGE] += "\n\nFrom the cache folder.\n"
    entry.write_text(json.dumps(pages), encoding="utf-8")
    site = _fresh_build(cached_site, _settings())
    assert "From the cache folder." in _text(site, RISK_PAGE)
    site = _fresh_build(cached_site, _settings(statuses=["open", "done"]))
    assert "From the cache folder." not in _text(site, RISK_PAGE)
    assert len(_entries(cached_site, "markdown")) == 2


@pytest.mark.parametrize("damage", [b"", b"[1, 2]", b'{"biml/index.md": 3}', b"\xff{"])
def test_a_damaged_markdown_entry_is_rendered_again(cached_site: Path, damage: bytes) -> None:
    [entry] = _entries(cached_site, "markdown")
    entry.write_bytes(damage)
    site = _fresh_build(cached_site, _settings())
    assert "unsigned weights" in _text(site, RISK_PAGE).casefold()
    assert json.loads(entry.read_text(encoding="utf-8"))[RISK_PAGE]


def test_a_file_every_page_includes_is_part_of_the_key(tmp_path: Path) -> None:
    """pymdownx.snippets appends its ``auto_append`` files to every page, generated
    ones included: an edit to one shows on the next build, from disk or memory."""
    _write_inputs(tmp_path)
    (tmp_path / "includes").mkdir()
    glossary = tmp_path / "includes" / "abbreviations.md"
    snippets = {"base_path": [str(tmp_path)], "auto_append": ["includes/abbreviations.md"]}
    config = {
        **_settings(),
        "markdown_extensions": ["abbr", {"pymdownx.snippets": snippets}],
    }

    def title_of_ml(site: BuiltSite) -> str | None:
        abbr = site.content("biml/index.md").find("abbr", string="ML")
        return None if abbr is None else str(abbr["title"])

    glossary.write_text("*[ML]: Machine learning\n", encoding="utf-8")
    assert title_of_ml(_fresh_build(tmp_path, config)) == "Machine learning"
    glossary.write_text("*[ML]: Machine learning, edited\n", encoding="utf-8")
    assert title_of_ml(_fresh_build(tmp_path, config)) == "Machine learning, edited"
    glossary.write_text("*[ML]: Machine learning, edited again\n", encoding="utf-8")
    site = build_site(tmp_path, PAGES, config)  # memory caches kept, as by mkdocs serve
    assert site.error is None, site.failure()
    assert title_of_ml(site) == "Machine learning, edited again"


def test_a_file_appended_from_the_web_keeps_pages_out_of_the_cache(tmp_path: Path) -> None:
    """Its content is unknown until the page is converted: nothing can key it."""
    _write_inputs(tmp_path)
    # url_download is off (no network in tests): the extension leaves the URL alone.
    snippets = {"auto_append": ["https://example.invalid/abbreviations.md"]}
    config = {**_settings(), "markdown_extensions": [{"pymdownx.snippets": snippets}]}
    _fresh_build(tmp_path, config)
    assert _entries(tmp_path, "pages") == []
    assert _entries(tmp_path, "markdown")


def test_the_cache_folder_holds_data_never_code(cached_site: Path) -> None:
    """Compiled templates stay in memory: an entry planted in the folder (a pull
    request can add one) is read as JSON at most, never run."""
    files = [path for path in (cached_site / CACHE).rglob("*") if path.is_file()]
    assert {path.parent.name for path in files} == {"biml", "markdown", "pages"}
    for path in files:
        if path.name != ".gitignore":
            json.loads(path.read_text(encoding="utf-8"))


def test_a_second_build_renders_no_page_template(
    cached_site: Path, compile_calls: list[str]
) -> None:
    _fresh_build(cached_site, _settings())
    compiled = {name for name in compile_calls if name.endswith(".j2")}
    assert compiled <= FILLED_IN_AFTER_THE_BUILD, compiled


def test_without_the_cache_folder_every_build_compiles_and_converts(
    tmp_path: Path, compile_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_inputs(tmp_path)
    _fresh_build(tmp_path, _settings(cache=False))
    compile_calls.clear()
    converted = record_converted_pages(monkeypatch)
    _fresh_build(tmp_path, _settings(cache=False))
    assert [name for name in compile_calls if name.endswith(".j2")] and RISK_PAGE in converted
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "acme.yaml",
        "docs",
        "mkdocs.yml",
        "overrides",
        "site",
    ]


# -- what changed shows ------------------------------------------------------------------


def test_an_unchanged_site_converts_nothing(
    cached_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    converted = record_converted_pages(monkeypatch)
    _fresh_build(cached_site, _settings())
    assert converted == []


def _edit_in_place(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` (same length), keeping the file's size and times."""
    assert len(old) == len(new)
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_catalogue_edit_shows(cached_site: Path) -> None:
    _edit_in_place(cached_site / "acme.yaml", "Unsigned weights", "Unsigned WEIGHTS")
    site = _fresh_build(cached_site, _settings())
    assert "Unsigned WEIGHTS" in _text(site, RISK_PAGE)
    assert "Unsigned WEIGHTS" in _text(site, "index.md")


def test_a_custom_template_edit_shows_and_other_pages_stay_cached(
    cached_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit_in_place(cached_site / "overrides" / "risk.md.j2", "alpha", "omega")
    converted = record_converted_pages(monkeypatch)
    site = _fresh_build(cached_site, _settings())
    assert "Owner: omega" in _text(site, RISK_PAGE)
    assert RISK_PAGE in converted and "biml/index.md" not in converted


def test_an_option_change_shows(cached_site: Path) -> None:
    site = _fresh_build(cached_site, _settings(strings={"coverage_title": "Who covers what"}))
    assert site.content("biml/coverage.md").select_one("h1").get_text().startswith("Who covers")


def test_an_option_that_leaves_the_markdown_as_it_was_shows(cached_site: Path) -> None:
    """``link_text`` changes the links' HTML, not the generated Markdown's tags."""
    before = _text(BuiltSite(cached_site, cached_site / "site"), "biml/model.md")
    assert "eval:1:overfitting" not in before
    site = _fresh_build(cached_site, _settings(link_text="{tag}", nav_title="ML risks"))
    links = [a.get_text() for a in site.content("biml/model.md").select("a.biml-ref")]
    assert "eval:1:overfitting" in links
    assert "ML risks" in site.soup("index.md").get_text()


def test_a_markdown_extension_setting_change_shows(cached_site: Path) -> None:
    settings = {**_settings(), "markdown_extensions": [{"toc": {"permalink": "#"}}]}
    site = _fresh_build(cached_site, settings)
    assert site.content(RISK_PAGE).select_one("a.headerlink") is not None
    settings = {**_settings(), "markdown_extensions": [{"toc": {"permalink": "¶"}}]}
    site = _fresh_build(cached_site, settings)
    assert site.content(RISK_PAGE).select_one("a.headerlink").get_text() == "¶"


# -- what is never kept ------------------------------------------------------------------

BROKEN_LINK = TEMPLATE + "See [the missing page](../../missing.md).\n\n"


@pytest.mark.parametrize("strict", [False, True])
def test_a_page_whose_conversion_warned_is_not_kept(tmp_path: Path, strict: bool) -> None:
    _write_inputs(tmp_path)
    (tmp_path / "overrides" / "risk.md.j2").write_text(BROKEN_LINK, encoding="utf-8")
    first = build_site(tmp_path, PAGES, _settings())
    assert any("missing.md" in message for message in first.warnings())
    for fresh in (False, True):  # the memory cache, then the cache folder
        if fresh:
            templatecache.COMPILED.clear()
            htmlcache._KEPT.clear()
        again = build_site(tmp_path, PAGES, _settings(), strict=strict)
        assert any("missing.md" in message for message in again.warnings())
        assert (again.error is not None) is strict


UNHANDLED_WARNING = """\
import logging
from mkdocs_biml.site.htmlcache import WATCH
seen = WATCH.start()
logging.getLogger("nobody.listens").warning("still printed")
assert WATCH.stop() == seen + 1
"""


def test_the_warning_watch_leaves_unhandled_warnings_to_the_last_resort() -> None:
    """Watching the root logger must not silence a warning that no handler takes."""
    done = subprocess.run(
        [sys.executable, "-c", UNHANDLED_WARNING], capture_output=True, text=True, check=True
    )
    assert done.stderr.strip() == "still printed"


# -- a cache never fails a build -------------------------------------------------------------


def test_an_unwritable_cache_path_does_not_fail_the_build(tmp_path: Path) -> None:
    _write_inputs(tmp_path)
    site = _fresh_build(tmp_path, _settings(cache_dir="mkdocs.yml/cache"), strict=True)
    assert "Unsigned weights" in _text(site, RISK_PAGE)


def test_a_read_only_cache_folder_still_serves(cached_site: Path) -> None:
    folders = [cached_site / CACHE, *[p for p in (cached_site / CACHE).iterdir() if p.is_dir()]]
    _edit_in_place(cached_site / "overrides" / "risk.md.j2", "alpha", "omega")  # a write due
    for folder in folders:
        folder.chmod(0o555)
    try:
        if os.access(folders[-1], os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        site = _fresh_build(cached_site, _settings(), strict=True)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert "Owner: omega" in _text(site, RISK_PAGE)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong shape"])
def test_a_damaged_entry_is_ignored_and_replaced(cached_site: Path, damage: str) -> None:
    before = _generated(BuiltSite(cached_site, cached_site / "site"))
    entries = [*_entries(cached_site), *_entries(cached_site, "markdown")]
    assert entries
    for path in entries:
        data = path.read_bytes()
        damaged = {
            "garbage": b"\x00{not json",
            "truncated": data[: len(data) // 2],
            "wrong shape": json.dumps({"format": 1, "content": 3, "toc": "x"}).encode(),
        }[damage]
        path.write_bytes(damaged)
    site = _fresh_build(cached_site, _settings())
    assert _generated(site) == before
    for path in _entries(cached_site):
        assert isinstance(json.loads(path.read_bytes())["content"], str)


# -- the store ---------------------------------------------------------------------------


def test_pruning_deletes_only_our_oldest_entries(tmp_path: Path) -> None:
    store = DiskStore(tmp_path / "cache", "pages", "json", limit=3)
    store.write("first", b"1")
    foreign = ["notes.txt", "abc.json", f"{entry_name('x')}.jsonx", f"{entry_name('y')}.JSON"]
    for name in foreign:
        (store.folder / name).write_text("mine", encoding="utf-8")
    for number, key in enumerate(["a", "b", "c", "d", "e"]):
        path = store.path(key)
        path.write_bytes(b"old")
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    store.prune(3)
    kept = {path.name for path in store.folder.iterdir()}
    assert kept == {*foreign, store.path("first").name, store.path("d").name, store.path("e").name}
    assert store.read("first") == b"1" and store.read("a") is None


def test_a_build_prunes_the_cache_folder_but_leaves_foreign_files(cached_site: Path) -> None:
    folder = cached_site / CACHE / "pages"
    for number in range(600):
        path = folder / f"{entry_name(str(number))}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1_000_000, 1_000_000))
    (folder / "README.md").write_text("mine", encoding="utf-8")
    (cached_site / CACHE / "notes.txt").write_text("mine", encoding="utf-8")
    _edit_in_place(cached_site / "overrides" / "risk.md.j2", "alpha", "omega")  # a write due
    site = _fresh_build(cached_site, _settings())
    entries = [p for p in folder.iterdir() if p.suffix == ".json"]
    # At most 500 when the build began writing, then this build's own pages.
    assert len(entries) <= 500 + len(_generated(site))
    assert len([p for p in entries if p.stat().st_mtime == 1_000_000]) < 500
    assert (folder / "README.md").read_text(encoding="utf-8") == "mine"
    assert (cached_site / CACHE / "notes.txt").read_text(encoding="utf-8") == "mine"


# -- keys that hold across processes ---------------------------------------------------------

KEY_OF_SETTINGS = """\
from jinja2 import select_autoescape
from pymdownx.superfences import fence_code_format
from mkdocs_biml.site.cachekey import digest
settings = {"format": fence_code_format, "auto": select_autoescape(["html.j2"]), "n": [1, {2}]}
print(digest(settings))
"""


def test_settings_with_functions_have_the_same_key_in_every_process(tmp_path: Path) -> None:
    keys = {
        subprocess.run(
            [sys.executable, "-c", KEY_OF_SETTINGS], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(keys) == 1


def test_a_value_known_by_its_address_has_no_stable_key() -> None:
    with pytest.raises(Unstable):
        digest({"index": object()})
    assert stable(len) == stable(len)


def test_two_functions_of_one_name_have_different_keys() -> None:
    def make(result: int) -> Any:
        def function() -> int:
            return result

        return function

    def other() -> int:
        return 2

    assert digest(make(1)) != digest(make(2))  # same code, another closure
    assert stable(make(1))["code"] != stable(other)["code"]


class Fence:
    """A custom fence of SuperFences, named in mkdocs.yml by a bound method."""

    def format(self, source: str, language: str, css_class: str, *args: Any, **kw: Any) -> str:
        return f'<pre class="{css_class}">{source}</pre>'


#: A bound method: its repr names the object by its address.
FENCE_FORMAT = Fence().format


def test_a_setting_known_by_its_address_keeps_pages_in_memory_only(tmp_path: Path) -> None:
    """``FENCE_FORMAT``'s repr holds an address: nothing on disk, and the build is right."""
    _write_inputs(tmp_path)
    fence = {"name": "demo", "class": "demo", "format": "FENCE"}
    superfences = {"pymdownx.superfences": {"custom_fences": [fence]}}
    write_site(tmp_path, PAGES, {**_settings(), "markdown_extensions": [superfences]})
    config_file = tmp_path / "mkdocs.yml"
    named = "!!python/name:tests.test_disk_cache.FENCE_FORMAT"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("FENCE", named), encoding="utf-8"
    )
    htmlcache._KEPT.clear()
    config = load_config(str(config_file), strict=True)
    assert config.mdx_configs["pymdownx.superfences"]["custom_fences"][0]["format"] is not None
    build(config)
    assert "Unsigned weights" in (tmp_path / "site" / "biml/acme/supply/index.html").read_text(
        encoding="utf-8"
    )
    assert _entries(tmp_path, "pages") == [] and _entries(tmp_path, "markdown")
