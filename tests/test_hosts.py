"""The same small site on MkDocs, ProperDocs and Zensical (issue 8).

The site (``tests/hosts/site``) has tags inline and as callouts, a nested page,
and a catalogue of its own; the configurations are the recipes printed on
``docs/hosts/*.md``, read from there so that docs and tests cannot drift.
Every build's links are checked against the files and ids really written, and
the framework pages must carry the same anchors on every host.

MkDocs builds in process; ProperDocs and Zensical run from their own
environments (``bash tests/hosts/setup.sh``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from mkdocs_biml import Catalog, load_catalog
from mkdocs_biml.cli.generate import GENERATED_MARKER, MANIFEST, asset_paths, generate_pages
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.pages.render import PageGenerator
from tests.browser import OfflinePages, contrast, launch_chromium, parse_colour, serve
from tests.hosts.hosts import PROPERDOCS, SITE, TECHDOCS, ZENSICAL, Build, copy_site, recipe
from tests.hosts.links import SiteLinks
from tests.sites import BuiltSite, build_site

pytestmark = pytest.mark.slow

LAYOUT = PageLayout("biml")
OWN_CATALOG = "acme-risks.yaml"
HEADINGS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"


# -- helpers -------------------------------------------------------------------------------


def catalogs() -> list[Catalog]:
    return [load_catalog("biml-78"), load_catalog(SITE / OWN_CATALOG)]


def output_page(src_uri: str) -> str:
    """Output file of a source page with ``use_directory_urls`` (every recipe's default)."""
    site = BuiltSite(Path("/"), Path("/"))
    return site.output_path(src_uri).relative_to("/").as_posix()


def framework_pages() -> list[str]:
    return [output_page(src) for src in PageGenerator(catalogs(), LAYOUT).render()]


def heading_ids(links: SiteLinks) -> dict[str, set[str]]:
    return {
        page: {str(h["id"]) for h in links.content(page).select(HEADINGS)}
        for page in framework_pages()
    }


def ref_targets(links: SiteLinks, page: str) -> list[tuple[str, str]]:
    """Where the inline references of ``page`` land: (output file, id)."""
    return [(at.target, at.fragment) for at in links.landings(page, "a.biml-ref")]


def assert_site_works(site_dir: Path) -> SiteLinks:
    """What every host must produce from the shared site."""
    links = SiteLinks(site_dir)
    assert links.broken() == []
    data_2 = ("biml/data/index.html", "data-2-transfer")
    stale = ("biml/acme/serving/index.html", "serving-1-stale-weights")
    assert ref_targets(links, "index.html") == [data_2, stale]
    assert ref_targets(links, "guide/nested/index.html") == [data_2]
    callouts = links.content("index.html").select("div.admonition.biml")
    tags = [c["data-biml-tag"] for c in callouts]
    assert tags == ["data:2:transfer", "ACME:serving:1:stale weights"]
    assert links.content("guide/nested/index.html").select("div.admonition.biml")
    for catalog in catalogs():
        for risk in catalog.risks():
            assert risk.anchor in links.ids(output_page(LAYOUT.component_page(risk.component)))
    for page in framework_pages():
        text = links.content(page).get_text()
        assert "{#" not in text and "<!--" not in text, page
    return links


@pytest.fixture(scope="module")
def reference_ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Heading ids of the framework pages as the MkDocs plugin generates them."""
    site = build_mkdocs(tmp_path_factory.mktemp("reference"))
    assert site.error is None
    return heading_ids(SiteLinks(site.site_dir))


def build_mkdocs(root: Path) -> BuiltSite:
    copy_site(root)
    pages = {
        p.relative_to(root / "docs").as_posix(): p.read_text(encoding="utf-8")
        for p in (root / "docs").rglob("*.md")
    }
    config = yaml.safe_load(recipe("mkdocs", "mkdocs.yml"))
    return build_site(root, pages, config, strict=True)


def zensical_site(root: Path, config_name: str) -> Path:
    """The shared site set up as the Zensical recipe says: config and generated pages."""
    copy_site(root)
    (root / config_name).write_text(recipe("zensical", config_name), encoding="utf-8")
    generate_pages(root / "docs", [str(root / OWN_CATALOG)], "biml")
    return root


def without_front_matter(text: str) -> str:
    """Hosts require front matter at the very top: the marker comes after it."""
    if text.startswith("---\n"):
        return text.split("\n---\n", 1)[1]
    return text


def assert_built(build: Build) -> None:
    assert not build.failed, build.output
    assert "biml:" not in build.output, build.output


# -- MkDocs --------------------------------------------------------------------------------


def test_mkdocs_builds_the_recipe(tmp_path: Path) -> None:
    site = build_mkdocs(tmp_path)
    assert site.error is None, site.warnings()
    assert site.biml_warnings() == []
    assert_site_works(site.site_dir)


# -- Backstage TechDocs (mkdocs-techdocs-core) ---------------------------------------------

#: The plugin's stylesheet and script in a page, which TechDocs' reader drops.
PLUGIN_ASSETS = re.compile(
    r'<link[^>]*href="[^"]*assets/mkdocs-biml/biml\.css"[^>]*>'
    r'|<script[^>]*src="[^"]*assets/mkdocs-biml/biml\.js"[^>]*></script>'
)


def build_techdocs(root: Path) -> Path:
    copy_site(root)
    (root / "mkdocs.yml").write_text(recipe("techdocs", "mkdocs.yml"), encoding="utf-8")
    assert_built(TECHDOCS.build(root, "--strict"))
    return root / "site"


def test_techdocs_builds_the_recipe_strictly(
    tmp_path: Path, reference_ids: dict[str, set[str]]
) -> None:
    site_dir = build_techdocs(tmp_path)
    assert (site_dir / "techdocs_metadata.json").is_file()  # techdocs-core really ran
    links = assert_site_works(site_dir)
    assert heading_ids(links) == reference_ids


@pytest.mark.browser
def test_techdocs_pages_work_without_the_plugins_stylesheet_and_script(tmp_path: Path) -> None:
    """As TechDocs' reader shows them: the site's extra CSS and JS dropped."""
    site_dir = build_techdocs(tmp_path)
    stripped = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        kept = PLUGIN_ASSETS.sub("", html)
        stripped += html != kept
        page.write_text(kept, encoding="utf-8")
    assert stripped > 10
    with launch_chromium() as browser, serve(site_dir) as server, OfflinePages(browser) as pages:
        home = pages.open(server.url())
        callout = home.locator("div.admonition.biml").first
        assert callout.is_visible() and "Transfer learning attack" in callout.inner_text()
        overview = pages.open(server.url("biml/"))
        assert not overview.locator(".biml-diagram-panel").first.is_visible()
        node = overview.locator("a.biml-node").filter(has_text="Datasets")
        shape = node.locator(".biml-node-shape")
        label = node.locator("text").first
        fill = shape.evaluate("e => getComputedStyle(e).fill")
        text = label.evaluate("e => getComputedStyle(e).fill")
        assert contrast(parse_colour(text), parse_colour(fill)) >= 4.5, (text, fill)
        flow = overview.locator("path.biml-flow").first
        assert flow.evaluate("e => getComputedStyle(e).fill") == "none"
        node.click()
        overview.wait_for_url(server.url("biml/data/"))
        assert overview.locator("h1").first.inner_text().startswith("3. Datasets")
        # techdocs-core's own set-up loads MkDocs' search script, which fails on Material
        # without any plugin, and web fonts (blocked here): neither is this test's subject.
        assert [e for e in pages.errors if "/search/main.js" not in e] == []


# -- ProperDocs ------------------------------------------------------------------------------


@pytest.mark.parametrize("config_name", ["properdocs.yml", "mkdocs.yml"])
def test_properdocs_builds_the_recipe(
    tmp_path: Path, config_name: str, reference_ids: dict[str, set[str]]
) -> None:
    PROPERDOCS.require()
    copy_site(tmp_path)
    (tmp_path / config_name).write_text(recipe("properdocs", "properdocs.yml"), encoding="utf-8")
    build = PROPERDOCS.build(tmp_path, "--strict")
    assert_built(build)
    if config_name == "mkdocs.yml":
        assert "should be renamed to 'properdocs.yml'" in build.output
    links = assert_site_works(tmp_path / "site")
    assert heading_ids(links) == reference_ids


def test_properdocs_strict_counts_unknown_tags(tmp_path: Path) -> None:
    copy_site(tmp_path)
    (tmp_path / "properdocs.yml").write_text(recipe("properdocs", "properdocs.yml"), "utf-8")
    (tmp_path / "docs" / "bad.md").write_text("# Bad\n\nSee [dta:9:nope].\n", "utf-8")
    build = PROPERDOCS.build(tmp_path, "--strict")
    assert build.failed
    assert "biml: bad.md:3: unknown tag [dta:9:nope]" in build.output


# -- Zensical --------------------------------------------------------------------------------


@pytest.mark.parametrize("config_name", ["mkdocs.yml", "zensical.toml"])
def test_zensical_builds_the_recipe(
    tmp_path: Path, config_name: str, reference_ids: dict[str, set[str]]
) -> None:
    ZENSICAL.require()
    build = ZENSICAL.build(zensical_site(tmp_path, config_name), "--strict")
    assert_built(build)
    links = assert_site_works(tmp_path / "site")
    assert heading_ids(links) == reference_ids
    stylesheet = links.soup("index.html").select_one(f'link[href$="{asset_paths()[0]}"]')
    assert stylesheet is not None
    assert not (tmp_path / "site" / LAYOUT.folder / MANIFEST).exists()  # generate's own record


def test_zensical_shows_the_framework_in_order_with_the_documented_nav(tmp_path: Path) -> None:
    ZENSICAL.require()
    root = zensical_site(tmp_path, "zensical.toml")
    config = (root / "zensical.toml").read_text(encoding="utf-8")
    nav = recipe("zensical", "zensical.toml: nav")
    (root / "zensical.toml").write_text(
        config.replace("[project]\n", f"[project]\n{nav}", 1), encoding="utf-8"
    )
    build = ZENSICAL.build(root, "--strict")
    assert_built(build)
    links = SiteLinks(tmp_path / "site")
    home = links.soup("index.html")
    # The nav's links to the framework, in the order the plugin publishes them.
    pages = [page.removesuffix("index.html") for page in framework_pages()]
    listed = [
        href
        for a in home.select("nav a[href]")
        if (href := str(a["href"]).removeprefix("./")) in pages
    ]
    assert list(dict.fromkeys(listed)) == pages
    titles = {" ".join(n.get_text().split()) for n in home.select("nav label, nav span")}
    assert "BIML risk framework" in titles
    assert "Biml" not in titles
    # The coverage page says why its tables are missing.
    coverage = links.content("biml/coverage/index.html")
    notes = coverage.select("p.biml-needs-plugin")
    assert len(notes) == 4  # the matrix and the uncited list of each catalogue
    assert coverage.select("ul.biml-uncited") == []


def zensical_build_with(tmp_path: Path, page: str) -> Build:
    """The recipe's site with ``bad.md`` holding ``page``, built by ``zensical build --strict``."""
    ZENSICAL.require()
    root = zensical_site(tmp_path, "mkdocs.yml")
    (root / "docs" / "bad.md").write_text(page, "utf-8")
    return ZENSICAL.build(root, "--strict")


def test_zensical_stops_at_an_unknown_tag_with_one_line(tmp_path: Path) -> None:
    """``--strict`` ignores logged warnings on Zensical; ``on_unknown: error`` does not,
    and the build ends with the problem's one line: no traceback."""
    build = zensical_build_with(tmp_path, "# Bad\n\nSee [dta:9:nope].\n")
    assert build.failed
    line = "biml: bad.md:3: unknown tag [dta:9:nope]; did you mean [data:7:online]?"
    assert build.output.count(line) == 1, build.output
    assert "Traceback" not in build.output
    assert "Error" not in build.output
    assert len(build.output.splitlines()) <= 4, build.output


def test_zensical_shows_warnings_and_builds(tmp_path: Path) -> None:
    """A warning is printed, and ``--strict`` does not count it (docs/hosts/zensical.md)."""
    ZENSICAL.require()
    root = zensical_site(tmp_path, "mkdocs.yml")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("on_unknown: error", "on_unknown: warn"))
    (root / "docs" / "bad.md").write_text("# Bad\n\nSee [dta:9:nope].\n", "utf-8")
    build = ZENSICAL.build(root, "--strict")
    assert not build.failed, build.output
    assert "biml: bad.md:3: unknown tag [dta:9:nope]" in build.output


def test_zensical_error_counts_lines_from_the_top_of_the_file(tmp_path: Path) -> None:
    """Zensical converts the page without its front matter; the line is the file's."""
    page = "---\ntitle: Bad page\n---\n# Bad\n\nSee [dta:9:nope].\n"
    build = zensical_build_with(tmp_path, page)
    assert build.failed
    assert "biml: bad.md:6: unknown tag [dta:9:nope]" in build.output


def test_zensical_rebuilds_when_a_watched_catalogue_changes(tmp_path: Path) -> None:
    ZENSICAL.require()
    root = zensical_site(tmp_path, "zensical.toml")
    assert not ZENSICAL.build(root).failed
    catalog = root / OWN_CATALOG
    text = catalog.read_text("utf-8")
    catalog.write_text(text.replace("title: Stale model weights", "title: Withdrawn"), "utf-8")
    # Zensical compares whole-second modification times: move it on explicitly.
    later = catalog.stat().st_mtime + 5
    os.utime(catalog, (later, later))
    assert not ZENSICAL.build(root).failed
    titles = SiteLinks(root / "site").content("index.html").select("a.biml-ref")
    assert [a.get_text() for a in titles][-1] == "Withdrawn"


# -- generate_pages --------------------------------------------------------------------------


def test_generate_writes_the_plugins_pages_and_assets(tmp_path: Path) -> None:
    report = generate_pages(tmp_path, [str(SITE / OWN_CATALOG)])
    expected = {*PageGenerator(catalogs(), LAYOUT).render(), *asset_paths()}
    assert set(report.created) == expected
    for src_uri in PageGenerator(catalogs(), LAYOUT).render():
        body = without_front_matter((tmp_path / src_uri).read_text("utf-8"))
        assert body.startswith(GENERATED_MARKER), src_uri


def test_generate_removes_pages_the_catalogues_no_longer_produce(tmp_path: Path) -> None:
    generate_pages(tmp_path, [str(SITE / OWN_CATALOG)])
    assert (tmp_path / "biml" / "acme" / "serving.md").is_file()
    generate_pages(tmp_path, [])
    assert not (tmp_path / "biml" / "acme" / "serving.md").exists()
    assert (tmp_path / "biml" / "data.md").is_file()


def test_generate_never_overwrites_an_authors_page(tmp_path: Path) -> None:
    own = tmp_path / "biml" / "data.md"
    own.parent.mkdir()
    own.write_text("# My notes on datasets\n", "utf-8")
    report = generate_pages(tmp_path, [])
    assert report.blocked
    assert "not written by 'generate'" in report.left["biml/data.md"]
    assert own.read_text("utf-8") == "# My notes on datasets\n"
    assert not (tmp_path / "biml" / "raw.md").exists()


def test_generate_uses_the_folder(tmp_path: Path) -> None:
    written = generate_pages(tmp_path, [], folder="risks/").written
    assert all(path.startswith("risks/") for path in written)
    assert (tmp_path / "risks" / "data.md").is_file()
