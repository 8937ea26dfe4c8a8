"""Hostile catalogues and catalogue paths: one short error each, fast, never a hang.

Alias bombs, paths that are not regular files, non-web URL schemes, control
characters written as escapes, files that are not catalogues (their content
never quoted), ids and prefixes claimed twice, edits that keep size and time.
Whatever could hang runs in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from mkdocs_biml.catalog.loader import (
    CatalogError,
    LoadedCatalogs,
    load_catalog,
    load_catalogs,
    parse_catalog,
)
from mkdocs_biml.catalog.valuetext import short_repr
from mkdocs_biml.catalog.yamllimits import MAX_VALUES, _expanded_size
from tests.sites import build_site

CORPUS = Path(__file__).parent / "bad_catalogs"
VALID = (CORPUS / "_valid.yaml").read_text(encoding="utf-8")
BOMBS = sorted(CORPUS.glob("bomb-*.yaml"))
#: Seconds a subprocess may take: Python's start-up and imports, then well under a second.
TIMEOUT = 30

_LOAD_EACH = """
import json, sys, time, yaml
from mkdocs_biml.catalog import yamlsource
from mkdocs_biml.catalog.loader import CatalogError, load_catalogs, parse_catalog
if sys.argv[1] == "pure":
    yamlsource._BaseLoader = yaml.SafeLoader
    yamlsource._CatalogYamlLoader = yamlsource._make_yaml_loader(yaml.SafeLoader)
for source in sys.argv[2:]:
    start = time.perf_counter()
    try:
        if source.startswith("parse:"):
            parse_catalog(open(source[6:], "rb").read(), source[6:])
        else:
            load_catalogs([source])
        message = None
    except CatalogError as exc:
        message = str(exc)
    print(json.dumps({"message": message, "seconds": time.perf_counter() - start}))
"""


def load_elsewhere(sources: list[str], *, parser: str = "c", cwd: Path | None = None) -> list[dict]:
    """Load each source in a fresh Python, bounded by :data:`TIMEOUT`: ``{message, seconds}``."""
    result = subprocess.run(
        [sys.executable, "-c", _LOAD_EACH, parser, *sources],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def expected(path: Path) -> tuple[int, str]:
    header = path.read_text(encoding="utf-8").split("\n", 1)[0]
    line, _, problem = header.removeprefix("# expect: line ").partition(": ")
    return int(line), problem


# ------------------------------------------------------------------------ alias bombs


def test_there_are_bombs_of_several_shapes() -> None:
    names = {path.stem for path in BOMBS}
    assert {"bomb-nested-lists", "bomb-nested-mappings", "bomb-merge-keys"} <= names
    assert {"bomb-alias-in-key", "bomb-many-aliases", "bomb-issue-example"} <= names


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.slow
def test_alias_bombs_are_one_line_errors_in_well_under_a_second(parser: str) -> None:
    results = load_elsewhere([f"parse:{path}" for path in BOMBS], parser=parser)
    for path, result in zip(BOMBS, results):
        line, problem = expected(path)
        message = result["message"]
        assert message is not None, path.name
        assert message.startswith(f"{path}:{line}: {problem}"), message
        assert "\n" not in message and len(message) < 300, message
        assert result["seconds"] < 0.5, (path.name, result["seconds"])


@pytest.mark.slow
def test_a_bomb_in_the_catalogs_option_stops_the_build_quickly(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_bytes((CORPUS / "bomb-issue-example.yaml").read_bytes())
    [result] = load_elsewhere(["bomb.yaml"], cwd=tmp_path)
    assert result["message"].startswith("bomb.yaml:11: this alias makes the catalogue expand")


@pytest.mark.parametrize(
    "unit", ["?\n", "-\n", "a:\n", "- -\n", "- {a}\n", "- [[], {}]\n", "- !!null\n"]
)
def test_without_aliases_a_text_holds_no_more_values_than_characters(unit: str) -> None:
    # What lets yamlsource skip the walk over a short text without aliases.
    text = unit * 50
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    values, aliases = _expanded_size(node)
    assert aliases == 0 and values <= len(text) + 1, (unit, values, len(text))  # + the root


@pytest.mark.slow
def test_a_long_text_without_aliases_is_still_held_to_the_limit() -> None:
    text = "format: 1\nid: x\nlist: [" + "1," * MAX_VALUES + "1]\n"
    with pytest.raises(CatalogError, match="more than 200,000 values"):
        parse_catalog(text)


def test_anchors_in_moderation_still_load() -> None:
    text = VALID.replace('attribution: "Text from the tiny analysis."', "attribution: *licence")
    text = text.replace("  name: CC BY-SA 4.0", "  name: &licence CC BY-SA 4.0")
    text = text.replace('  - rank: 1\n    name: "Poison"', '  - rank: 1\n    name: &p "Poison"')
    assert parse_catalog(text).attribution == "CC BY-SA 4.0"


@pytest.mark.parametrize(
    "value",
    [
        list(range(10_000)),
        {"key": ["x" * 10_000] * 1_000},
        "y" * 1_000_000,
        10**5000,
        [[[[[[[[[[[[[["deep"]]]]]]]]]]]]]],
    ],
    ids=["long-list", "wide-mapping", "long-text", "huge-number", "deep"],
)
def test_short_repr_never_builds_more_than_it_shows(value: object) -> None:
    shown = short_repr(value)
    assert len(shown) <= 40


# ------------------------------------------------------ paths that are not regular files


def _non_regular_paths(tmp_path: Path) -> dict[str, str]:
    """Name -> path (relative to ``tmp_path``) of each kind of non-catalogue path."""
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    return {
        "folder": "folder",
        "fifo": "pipe.yaml",
        "device": "/dev/zero",
        "device-behind-a-link": "zero.yaml",
        "symlink-loop": "loop.yaml",
        "missing": "nothing.yaml",
        "empty": "",
    }


PATH_PROBLEMS = {
    "folder": "is a folder, not a catalogue file",
    "fifo": "is a named pipe, not a catalogue file",
    "device": "is a device, not a catalogue file",
    "device-behind-a-link": "is a device, not a catalogue file",
    "symlink-loop": "is a symbolic link that loops",
    "missing": "does not exist",
    "empty": "'' is an empty path",
}


def test_catalogs_that_are_not_regular_files_name_the_option_and_the_path(
    tmp_path: Path,
) -> None:
    paths = _non_regular_paths(tmp_path)
    results = load_elsewhere(list(paths.values()), cwd=tmp_path)
    for (kind, path), result in zip(paths.items(), results):
        message = result["message"]
        assert message is not None, kind
        assert message.startswith("catalogs: "), message
        assert PATH_PROBLEMS[kind] in message, message
        assert path in message
        assert result["seconds"] < 0.5, (kind, result["seconds"])


def test_extends_that_is_not_a_regular_file_names_the_overlay_line_and_the_path(
    tmp_path: Path,
) -> None:
    paths = _non_regular_paths(tmp_path)
    overlays = []
    for kind, path in paths.items():
        overlay = tmp_path / f"overlay-{kind}.yaml"
        overlay.write_text(f"format: 1\nid: acme\nextends: {json.dumps(path)}\n", encoding="utf-8")
        overlays.append(overlay.name)
    results = load_elsewhere(overlays, cwd=tmp_path)
    for (kind, path), overlay, result in zip(paths.items(), overlays, results):
        message = result["message"]
        if kind == "empty":  # the schema refuses an empty extends: before any file is looked at
            assert message.startswith(f"{overlay}:3: extends: must not be empty"), message
            continue
        assert message.startswith(f"{overlay}:3: extends: {path!r} "), message
        assert PATH_PROBLEMS[kind] in message, message


@pytest.mark.parametrize("command", ["lint", "generate"])
@pytest.mark.slow
def test_the_commands_exit_2_on_a_path_that_is_not_a_catalogue_file(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    paths = _non_regular_paths(tmp_path)
    for kind in ("folder", "fifo", "device", "symlink-loop"):
        args = ["docs"] if command == "lint" else ["out"]
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_biml", command, *args, "--catalog", paths[kind]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert result.returncode == 2, (kind, result.stderr)
        assert "Traceback" not in result.stderr
        assert PATH_PROBLEMS[kind] in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_too_large_catalogue_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as file:
        file.truncate(64 * 1024 * 1024)  # sparse: 64 MB that take no disk space
    with pytest.raises(CatalogError) as caught:
        load_catalog(str(big))
    assert str(caught.value).startswith(f"{big}: 67,108,864 bytes is too large for a catalogue")


def test_the_build_stops_with_one_error_on_a_folder(tmp_path: Path) -> None:
    (tmp_path / "risks").mkdir()
    built = build_site(
        tmp_path, {"index.md": "# Home\n"}, {"plugins": [{"biml": {"catalogs": ["risks"]}}]}
    )
    assert built.error is not None
    errors = [r.getMessage() for r in built.messages if r.levelname == "ERROR"]
    assert errors == [
        f"biml: catalogs: '{tmp_path / 'risks'}' is a folder, not a catalogue file (give the path "
        "of a catalogue's YAML file, relative to mkdocs.yml, or a built-in catalogue's name: "
        "biml-78, biml-llm)"
    ]


# ---------------------------------------------------------------------------- URLs

URL_FIELDS = {
    "license": ("  url: https://creativecommons.org/licenses/by-sa/4.0/", "  url: {}"),
    "source": ("    url: https://example.org/tiny", "    url: {}"),
    "reference": ('    title: "On leaks"', '    title: "On leaks"\n    url: {}'),
}
BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "\\tjavascript:alert(1)",
    "java\\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//evil.example/x",
    "/relative/path",
    "relative.html",
    "https:/one-slash.example",
    "https://",
    "https:// space.example",
    "mailto:someone@example.org",
]
GOOD_URLS = ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG/"]


@pytest.mark.parametrize("field", list(URL_FIELDS))
@pytest.mark.parametrize("url", BAD_URLS)
def test_urls_other_than_http_and_https_are_catalogue_errors(field: str, url: str) -> None:
    old, new = URL_FIELDS[field]
    text = VALID.replace(old, new.format(json.dumps(url).replace("\\\\t", "\\t")))
    line = (
        text.splitlines().index(
            new.format(json.dumps(url).replace("\\\\t", "\\t")).splitlines()[-1]
        )
        + 1
    )
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, "tiny.yaml")
    message = str(caught.value)
    assert message.startswith(f"tiny.yaml:{line}: "), message
    assert "is not a web address starting with http:// or https://" in message
    assert "\n" not in message


@pytest.mark.parametrize("url", GOOD_URLS)
def test_web_addresses_load(url: str) -> None:
    catalog = parse_catalog(
        VALID.replace("  url: https://creativecommons.org/licenses/by-sa/4.0/", f"  url: {url}")
    )
    assert catalog.license.url == url


def test_an_overlay_reference_with_a_script_url_is_refused() -> None:
    overlay = textwrap.dedent(
        """\
        format: 1
        id: acme
        extends: biml-78
        references:
          - number: 99
            key: evil
            title: Evil
            url: "javascript:alert(document.domain)"
        """
    )
    with pytest.raises(CatalogError, match=r"^acme\.yaml:8: references\[\d+\]\.url: "):
        parse_catalog(overlay, "acme.yaml")


# ------------------------------------------------------------- escaped control characters

CONTROL_ESCAPES = [
    "\\x00",
    "\\x01",
    "\\x02",
    "\\x03",
    "\\x08",
    "\\x0b",
    "\\x0c",
    "\\r",
    "\\x1a",
    "\\e[31m",
    "\\x7f",
    "\\x80",
    "\\x9b",
    "\\N",
    "\\L",
    "\\P",
    "\\uffff",
]
TEXT_FIELDS = {
    "title": ('title: "A tiny risk analysis"', 'title: "A tiny{}"'),
    "summary": ('        summary: "Data escapes."', '        summary: "Data{} escapes."'),
    "descriptor": ("        descriptor: poison", '        descriptor: "poi{}son"'),
    "control": ('            text: "Encrypt it."', '            text: "Encrypt{} it."'),
    "key": (
        '        description: "The model drifts away."',
        '        description: "The model drifts away."\n        extra: {{"k{}": 1}}',
    ),
    "deep-extra": (
        '        description: "The model drifts away."',
        '        description: "The model drifts away."\n        extra: {{a: [{{b: ["{}"]}}]}}',
    ),
}


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
@pytest.mark.parametrize("escape", CONTROL_ESCAPES)
def test_control_characters_written_as_escapes_are_refused(field: str, escape: str) -> None:
    old, new = TEXT_FIELDS[field]
    written = new.format(escape)
    text = VALID.replace(old, written)
    line = text.splitlines().index(written.splitlines()[-1]) + 1
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, "tiny.yaml")
    message = str(caught.value)
    assert message.startswith(f"tiny.yaml:{line}: the control character U+"), message
    assert "is not allowed in a catalogue" in message


def test_tabs_and_line_breaks_are_text() -> None:
    catalog = parse_catalog(
        VALID.replace('"Someone poisons the data."', '"Someone\\tpoisons\\nthe data."')
    )
    assert any(risk.description == "Someone\tpoisons\nthe data." for risk in catalog.risks())


# ----------------------------------------------------------- files that are not catalogues

SECRETS = {
    "env": "API_TOKEN=sk-live-4f9a8b7c6d5e\n",
    "json": '{"aws_secret_access_key": "wJalrXUtnFEMIK7MDENG"}\n',
    "yaml": "password: hunter2-very-secret\nuser: root\n",
    "key": "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAA\n"
    "-----END OPENSSH PRIVATE KEY-----\n",
    "list": "- sk-live-4f9a8b7c6d5e\n- hunter2-very-secret\n",
}
SECRET_WORDS = (
    "sk-live",
    "wJalr",
    "aws_secret",
    "hunter2",
    "password",
    "b3Blbn",
    "OPENSSH",
    "API_TOKEN",
)


@pytest.mark.parametrize("kind", list(SECRETS))
def test_a_file_that_is_not_a_catalogue_is_never_quoted(tmp_path: Path, kind: str) -> None:
    secret = tmp_path / f"secret.{kind}"
    secret.write_text(SECRETS[kind], encoding="utf-8")
    (tmp_path / "overlay.yaml").write_text(
        f"format: 1\nid: acme\nextends: secret.{kind}\n", encoding="utf-8"
    )
    for source in (secret.name, "overlay.yaml"):
        with pytest.raises(CatalogError) as caught:
            load_catalogs([source], tmp_path)
        message = str(caught.value)
        assert not any(word in message for word in SECRET_WORDS), message
        assert f"secret.{kind}:1: " in message


# ------------------------------------------------------------------ ids and prefixes


@pytest.fixture(autouse=False)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from ``tmp_path``: messages name files relative to the working folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def test_a_custom_catalogue_reusing_a_built_in_id_names_both(in_tmp: Path) -> None:
    name = _write(in_tmp, "mine.yaml", VALID.replace("id: tiny", "id: biml-78"))
    with pytest.raises(CatalogError) as caught:
        load_catalogs([name], in_tmp)
    assert str(caught.value).startswith(
        "mine.yaml:3: id: 'biml-78' is already the id of <built-in biml-78>"
    ), str(caught.value)


def test_two_custom_catalogues_with_one_id_name_both(in_tmp: Path) -> None:
    first = _write(in_tmp, "a.yaml", VALID)
    second = _write(in_tmp, "b.yaml", VALID.replace("prefix: TINY", "prefix: OTHER"))
    with pytest.raises(CatalogError, match=r"^b\.yaml:3: id: 'tiny' is already the id of a\.yaml"):
        load_catalogs([first, second], in_tmp)


def test_a_custom_catalogue_without_prefix_beside_biml_78_is_refused(in_tmp: Path) -> None:
    name = _write(in_tmp, "bare.yaml", VALID.replace("prefix: TINY\n", ""))
    with pytest.raises(
        CatalogError, match=r"^bare\.yaml:3: prefix: no prefix, like <built-in biml-78>"
    ):
        load_catalogs([name], in_tmp)


def test_prefixes_differing_in_case_only_are_one_prefix(in_tmp: Path) -> None:
    first = _write(in_tmp, "a.yaml", VALID)
    second = _write(
        in_tmp,
        "b.yaml",
        VALID.replace("id: tiny", "id: other").replace("prefix: TINY", "prefix: tiny"),
    )
    with pytest.raises(
        CatalogError, match=r"^b\.yaml:4: prefix: 'tiny' is already the prefix of a\.yaml"
    ):
        load_catalogs([first, second], in_tmp)


# ---------------------------------------------------------------------- reloading


def _rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    status = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)


def test_an_edit_that_keeps_size_and_time_is_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(VALID, encoding="utf-8")
    loaded: LoadedCatalogs = {}
    assert load_catalog(str(path), loaded=loaded).title == "A tiny risk analysis"
    _rewrite_keeping_size_and_time(path, "A tiny risk", "A small one")
    assert load_catalog(str(path), loaded=loaded).title == "A small one analysis"


def test_an_edit_of_the_extended_file_that_keeps_size_and_time_is_reloaded(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(VALID, encoding="utf-8")
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("format: 1\nid: acme\nextends: base.yaml\n", encoding="utf-8")
    loaded: LoadedCatalogs = {}
    assert load_catalog(str(overlay), loaded=loaded).title == "A tiny risk analysis"
    _rewrite_keeping_size_and_time(base, "A tiny risk", "A small one")
    assert load_catalog(str(overlay), loaded=loaded).title == "A small one analysis"


def test_an_unchanged_catalogue_is_not_rebuilt(tmp_path: Path) -> None:
    """The plugin keeps its own catalogues (across serve rebuilds); others share one."""
    path = tmp_path / "tiny.yaml"
    path.write_text(VALID, encoding="utf-8")
    loaded: LoadedCatalogs = {}
    assert load_catalog(str(path), loaded=loaded) is load_catalog(str(path), loaded=loaded)
    assert load_catalog(str(path), loaded={}) is not load_catalog(str(path), loaded=loaded)
    assert load_catalog(str(path)) is load_catalog(str(path))


def test_a_path_with_a_nul_character_is_one_error() -> None:
    with pytest.raises(CatalogError, match=r"^catalogs: 'a\\x00b\.yaml' is not a valid path"):
        load_catalogs(["a\x00b.yaml"])
