"""Malformed catalogues: each gives one CatalogError naming its file and line.

The corpus is ``tests/bad_catalogs/``: ``_valid.yaml`` is a small valid
catalogue, and every other file is a copy of it with one defect. The first
line of each file says what loading it must report::

    # expect: line 12: duplicate key 'summary' (first at line 11)

(``# expect: valid`` for files that must load). The empty file cannot carry
that line; its expectation is in :data:`WITHOUT_HEADER`.
"""

from __future__ import annotations

import difflib
import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml

from mkdocs_biml.catalog import loader, yamlsource
from mkdocs_biml.catalog.loader import CatalogError, catalog_schema, load_catalog
from mkdocs_biml.catalog.schemacheck import _PATTERN_WORDS
from tests.conftest import SiteBuilder
from tests.sites import run_mkdocs, write_site

CORPUS = Path(__file__).parent / "bad_catalogs"
VALID = CORPUS / "_valid.yaml"
EXPECT = re.compile(r"# expect: (?:line (\d+): (.+)|valid)")
WITHOUT_HEADER = {"empty.yaml": (1, "the file is empty")}
#: Files that cannot be a one-line edit of the valid catalogue, by their nature.
WHOLE_FILE_DEFECTS = {
    "empty.yaml",
    "only-comments.yaml",
    "top-level-list.yaml",
    "top-level-text.yaml",
    "ok-anchors-and-merge-keys.yaml",
}


def _text_of(path: Path) -> str:
    """The file's text, whatever its (wrong) encoding, for reading its header and diffing."""
    raw = path.read_bytes()
    if raw.startswith(b"\xff\xfe"):
        return raw.decode("utf-16")
    return raw.decode("utf-8", errors="replace")


def expectation(path: Path) -> tuple[int, str] | None:
    """``(line, problem)`` the file must fail with, or ``None`` if it must load."""
    if path.name in WITHOUT_HEADER:
        return WITHOUT_HEADER[path.name]
    match = EXPECT.match(_text_of(path).split("\n", 1)[0])
    assert match is not None, f"{path.name} has no '# expect:' first line"
    return None if match.group(1) is None else (int(match.group(1)), match.group(2))


CORPUS_FILES = sorted(CORPUS.glob("*.yaml"))
#: Alias bombs: loaded only in a subprocess with a timeout (tests/test_hostile_catalogs.py),
#: since a regression would hang the loader.
BOMB_FILES = [p for p in CORPUS_FILES if p.name.startswith("bomb-")]
BAD_FILES = [p for p in CORPUS_FILES if expectation(p) is not None and p not in BOMB_FILES]
GOOD_FILES = [p for p in CORPUS_FILES if expectation(p) is None]


def test_the_corpus_has_at_least_thirty_bad_catalogues() -> None:
    assert len(BAD_FILES) >= 30
    assert VALID in GOOD_FILES


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_valid_catalogues_load(path: Path) -> None:
    catalog = load_catalog(str(path))
    assert [r.qualified_tag for r in catalog.risks()] == [
        "TINY:intake:1:leak",
        "TINY:intake:2:poison",
        "TINY:train:1:drift",
    ]


def test_anchors_and_merge_keys_read_as_yaml_specifies() -> None:
    """An alias repeats its anchor; a mapping's own key overrides a merged one."""
    catalog = load_catalog(str(CORPUS / "ok-anchors-and-merge-keys.yaml"))
    train = catalog.component("train")
    assert train is not None
    assert (train.name, train.kind) == ("Training", "process")
    assert catalog.attribution == catalog.license.name == "CC BY-SA 4.0"


@pytest.mark.parametrize(
    "path",
    [p for p in BAD_FILES + BOMB_FILES if p.name not in WHOLE_FILE_DEFECTS],
    ids=lambda p: p.name,
)
def test_each_bad_catalogue_differs_from_the_valid_one_in_one_place(path: Path) -> None:
    valid = _text_of(VALID).splitlines()[1:]
    bad = _text_of(path).splitlines()[1:]
    blocks = [
        op
        for op in difflib.SequenceMatcher(None, valid, bad, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    # Renaming a tag also renames the texts that cite it: a few places, one defect.
    assert len(blocks) <= 3, blocks
    # A wrong encoding can leave the text as it was: the defect is in the bytes.
    assert blocks or path.name.startswith("encoding-")


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.name)
def test_each_bad_catalogue_gives_one_error_with_file_and_line(path: Path) -> None:
    expected = expectation(path)
    assert expected is not None
    line, problem = expected
    with pytest.raises(CatalogError) as caught:
        load_catalog(str(path))
    error = caught.value
    message = str(error)
    assert message.startswith(f"{path}:{line}: "), message
    assert error.line == line
    assert problem in message
    assert error.hint, "every error says what to do"
    assert "\n" not in message and "Traceback" not in message


def test_the_pure_python_yaml_parser_reports_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where PyYAML has no libyaml, its pure-Python parser must give the same answers."""
    monkeypatch.setattr(yamlsource, "_BaseLoader", yaml.SafeLoader)
    monkeypatch.setattr(
        yamlsource, "_CatalogYamlLoader", yamlsource._make_yaml_loader(yaml.SafeLoader)
    )
    for path in BAD_FILES:
        expected = expectation(path)
        assert expected is not None
        with pytest.raises(CatalogError) as caught:
            loader.parse_catalog(path.read_bytes(), path.name)
        assert (caught.value.line, expected[1] in str(caught.value)) == (expected[0], True), str(
            caught.value
        )
    for path in GOOD_FILES:
        assert loader.parse_catalog(path.read_bytes(), path.name).id == "tiny"


@pytest.mark.parametrize("path", BAD_FILES[:5], ids=lambda p: p.name)
def test_a_failed_catalogue_is_not_remembered(path: Path) -> None:
    """Loading again fails again: nothing half-built was cached."""
    for _ in range(2):
        with pytest.raises(CatalogError):
            load_catalog(str(path))


def test_fixing_the_file_loads_it(tmp_path: Path) -> None:
    """``mkdocs serve`` reloads a catalogue once its author fixed it."""
    target = tmp_path / "catalog.yaml"
    shutil.copy(CORPUS / "duplicate-key-risk.yaml", target)
    with pytest.raises(CatalogError):
        load_catalog(str(target))
    target.write_text(VALID.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_catalog(str(target)).id == "tiny"


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        CatalogError, match=r"^catalogs: '.*nothing\.yaml' does not exist \(give the path"
    ):
        load_catalog(str(tmp_path / "nothing.yaml"))


def test_every_pattern_of_the_schema_has_words_for_messages() -> None:
    patterns: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(catalog_schema())
    assert patterns <= set(_PATTERN_WORDS)


# ------------------------------------------------------------------ through MkDocs

BUILD_SAMPLES = [
    "syntax-unclosed-quote.yaml",
    "duplicate-key-risk.yaml",
    "encoding-nul-byte.yaml",
    "control-under-wrong-risk.yaml",
    "deep-nesting.yaml",
    "encoding-utf16.yaml",
]


def _plugin_config(catalog: str) -> dict[str, object]:
    return {"plugins": [{"biml": {"catalogs": [catalog]}}]}


@pytest.mark.parametrize("name", BUILD_SAMPLES)
def test_a_bad_catalogue_stops_the_build_with_its_message(
    site: SiteBuilder, tmp_path: Path, name: str
) -> None:
    shutil.copy(CORPUS / name, tmp_path / name)
    built = site({"index.md": "# Home\n"}, _plugin_config(name))
    expected = expectation(CORPUS / name)
    assert expected is not None
    assert built.error is not None
    errors = [r.getMessage() for r in built.messages if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"biml: {tmp_path / name}:{expected[0]}: ")
    assert expected[1] in errors[0]
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("name", ["syntax-tab-indentation.yaml", "missing-risk-field.yaml"])
def test_the_mkdocs_command_prints_one_line_and_no_traceback(tmp_path: Path, name: str) -> None:
    shutil.copy(CORPUS / name, tmp_path / "bad.yaml")
    write_site(tmp_path, {"index.md": "# Home\n"}, _plugin_config("bad.yaml"))
    result = run_mkdocs(tmp_path, "build")
    expected = expectation(CORPUS / name)
    assert expected is not None
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    # run from the site's folder: the message names the file as the author knows it
    assert f"biml: bad.yaml:{expected[0]}: " in errors[0]
    assert expected[1] in errors[0]
