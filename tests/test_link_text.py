"""The ``link_text`` option: format specs that make sense work, absurd ones are config errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_biml.expansion.linktext import link_text_problem
from mkdocs_biml.extension import BimlExtension
from tests.conftest import SiteBuilder
from tests.sites import write_site

SENSIBLE = [
    "{title}",
    "{number:03d}",
    "{tag}: {title} ({component})",
    "{title:.20}",
    "{label:>10}",
    "{number:,}",
    "{title!r}",
    "{{literal braces}} {title}",
    "{catalog} {descriptor:_^30}",
]
ABSURD = {
    "{title:>99999999999}": "the width of {title} is over 200",
    "{number:0300d}": "the width of {number} is over 200",
    "{title:.99999}": "the precision of {title} is over 200",
    "{number:.1000f}": "the precision of {number} is over 200",
    "{nope}": "unknown field 'nope'",
    "{}": "a field without a name",
    "{0}": "unknown field '0'",
    "{title.__class__}": "unknown field 'title.__class__'",
    "{title[0]}": "unknown field 'title[0]'",
    "{title:{number}}": "a field inside the format of {title}",
    "{title:03d}": "Unknown format code 'd'",
    "{number:s}": "Unknown format code 's'",
    "{title": "expected '}' before end of string",
    "}": "Single '}' encountered",
    "{title!x}": "Unknown conversion specifier x",
}


@pytest.mark.parametrize("text", SENSIBLE)
def test_sensible_link_texts_are_accepted(text: str) -> None:
    assert link_text_problem(text) is None


@pytest.mark.parametrize("text", list(ABSURD))
def test_absurd_link_texts_are_refused_with_the_reason(text: str) -> None:
    problem = link_text_problem(text)
    assert problem is not None
    assert ABSURD[text] in problem
    assert "it may use {title}" in problem


def test_a_padded_number_is_rendered(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "See [data:2:transfer].\n"},
        {"plugins": [{"biml": {"link_text": "{number:03d} {title:.8}"}}]},
    )
    assert built.error is None, built.failure()
    link = built.content("index.md").select_one("a.biml-ref")
    assert link is not None
    assert link.get_text() == "002 Transfer"


@pytest.mark.parametrize("text", ["{title:>99999999999}", "{title:{number}}", "{nope}"])
def test_an_absurd_link_text_is_a_configuration_error_naming_the_option(
    site: SiteBuilder, text: str
) -> None:
    built = site(
        {"index.md": "See [data:2:transfer].\n"}, {"plugins": [{"biml": {"link_text": text}}]}
    )
    assert built.error is not None
    failure = built.failure()
    assert "option 'link_text'" in failure
    assert ABSURD[text] in failure


def test_the_mkdocs_command_prints_one_config_error_without_traceback(tmp_path: Path) -> None:
    write_site(
        tmp_path, {"index.md": "x"}, {"plugins": [{"biml": {"link_text": "{title:>99999999999}"}}]}
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "MemoryError" not in output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    assert "option 'link_text'" in errors[0] and "is over 200" in errors[0]


def test_the_extension_alone_applies_the_same_rule() -> None:
    """Hosts without MkDocs (Python-Markdown alone) get the rule through the extension."""
    with pytest.raises(ValueError, match=r"link_text '\{title:>99999999999\}' is not valid"):
        BimlExtension(link_text="{title:>99999999999}")
    assert BimlExtension(link_text="{number:03d}") is not None
