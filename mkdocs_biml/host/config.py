"""Options of the ``biml`` plugin, declared with MkDocs' typed config classes.

Each option is documented, with an example, in ``docs/configuration.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from ..catalog.usertext import text_problem
from ..core.i18n import statuses_problem, strings_problem
from ..core.paths import base_url_problem, folder_problem
from ..expansion.linktext import link_text_problem
from ..expansion.options import OPTIONS
from ..records.assessments import DEFAULT_STATUSES, option_problem
from ..records.policy import EXAMPLE as POLICY_EXAMPLE
from ..records.policy import option_problem as policy_problem

#: What a site still naming a removed option is told (MkDocs' logger: ``--strict`` fails).
REMOVED_CACHE_OPTION = (
    "removed: the plugin keeps no cache folder any more (generated pages are cheap on "
    "every build); delete '{}' from mkdocs.yml, and the .cache/plugin/biml folder if "
    "there is one"
)


class CheckedText(c.Type[str]):
    """A text option whose value a rule of the package checks.

    ``problem_of`` returns what is wrong with a value (``None`` when nothing
    is), so the plugin's option and the hosts without MkDocs share one rule.
    """

    def __init__(
        self,
        default: str,
        problem_of: Callable[[str], str | None],
        advice: str = "",
        normalize: Callable[[str], str] = str,
    ) -> None:
        super().__init__(str, default=default)
        self._problem_of = problem_of
        self._advice = advice
        self._normalize = normalize

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        problem = self._problem_of(text)
        if problem:
            raise base.ValidationError(f"{problem}{self._advice}")
        return self._normalize(text)


class AssessmentFolders(c.Type[dict]):  # type: ignore[type-arg]
    """Folders of the docs mapped to assessment names (``assessments.py`` checks them)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        mapping: dict[str, str] = super().run_validation(value)
        problem = option_problem(mapping)
        if problem:
            raise base.ValidationError(
                f"{problem}. Map each folder of the docs to one name, e.g. "
                f"'systems/fraud: Fraud detection model'."
            )
        return mapping


class PolicyOption(c.Type[dict]):  # type: ignore[type-arg]
    """The checks a build fails on (``policy.py`` checks the option and runs them)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, object]:
        if value is None:
            return {}
        policy: dict[str, object] = super().run_validation(value)
        problem = policy_problem(policy)
        if problem:
            raise base.ValidationError(f"{problem}. For example: {POLICY_EXAMPLE}")
        return policy


class StringOverrides(c.Type[dict]):  # type: ignore[type-arg]
    """Words of the plugin replaced by the site's own (``i18n.py`` checks them)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        overrides: dict[str, str] = super().run_validation(value)
        for key, text in overrides.items():
            problem = strings_problem(str(key), text)
            if problem:
                raise base.ValidationError(problem)
        return overrides


class StatusNames(c.ListOfItems[str]):
    """The statuses a page may give a risk (``i18n.statuses_problem`` checks them)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=list(DEFAULT_STATUSES))

    def run_validation(self, value: object) -> list[str]:
        names = super().run_validation(value)
        problem = statuses_problem(names)
        if problem:
            raise base.ValidationError(problem)
        return names


def _name_problem(name: str) -> str | None:
    problem = text_problem(name, name=True)
    return f"the name {problem}" if problem else None


class RegisterList(c.Type[list]):  # type: ignore[type-arg]
    """Other sites' registers: ``[{path, name?, url?}]`` (``otherregisters.py`` reads them)."""

    KEYS = ("path", "name", "url")

    def __init__(self) -> None:
        super().__init__(list, default=[])

    def run_validation(self, value: object) -> list[dict[str, str]]:
        if value is None:
            return []
        entries: list[object] = super().run_validation(value)
        for entry in entries:
            problem = self._entry_problem(entry)
            if problem:
                raise base.ValidationError(
                    f"{problem}. Give each register as a mapping, e.g. "
                    f"'- path: ../other-site/site/biml/risk-register.json' (and optionally "
                    f"name: and url:)."
                )
        return [dict(entry) for entry in entries]  # type: ignore[call-overload]

    def _entry_problem(self, entry: object) -> str:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            return f"each entry needs a 'path' to a risk-register.json, not {entry!r}"
        unknown = [str(key) for key in entry if key not in self.KEYS]
        if unknown:
            return f"unknown key(s) {', '.join(unknown)} in the entry of {entry['path']!r}"
        odd = [key for key in ("name", "url") if key in entry and not isinstance(entry[key], str)]
        if odd:
            return f"'{odd[0]}' of the entry of {entry['path']!r} must be text"
        url = entry.get("url")
        if url is not None and not url.startswith(("https://", "http://")):
            return f"'url' of the entry of {entry['path']!r} must start with https:// or http://"
        return ""


def _folder_problem(folder: str) -> str:
    problem = folder_problem(folder)
    return f"{problem}: {folder!r}" if problem else ""


def _choice(name: str) -> c.Choice[str]:
    option = OPTIONS[name]
    return c.Choice(option.choices, default=option.default)


class BimlConfig(base.Config):
    #: Catalogues used beside the built-in BIML-78: built-in names or file paths.
    catalogs = c.ListOfItems(c.Type(str), default=[])
    #: Generate the framework pages (overview, diagram, components, references).
    pages = c.Type(bool, default=OPTIONS["link"].default)
    #: Folder of the generated pages, inside the site.
    folder = CheckedText(
        OPTIONS["folder"].default,
        _folder_problem,
        advice=". Use a relative path inside the site, such as 'biml' or 'risks/biml'.",
        normalize=lambda folder: folder.strip("/"),
    )
    #: Title of the generated section in automatic navigation; empty: the
    #: ``nav_title`` string, in the site's language.
    nav_title = CheckedText("", lambda title: _name_problem(title) if title else None)
    #: Where the section goes in automatic navigation.
    nav_position = c.Choice(("end", "start"), default="end")
    #: Link tags to another site's framework pages instead (used with ``pages: false``).
    base_url = CheckedText(
        OPTIONS["base_url"].default,
        base_url_problem,
        advice=". Give the address of the other site's framework folder, "
        "e.g. 'https://risks.example.org/biml/'.",
    )
    #: Text of inline references: {title}, {tag}, {label}, {number}, {descriptor},
    #: {component}, {catalog}.
    link_text = CheckedText(OPTIONS["link_text"].default, link_text_problem)
    #: A paragraph holding only tags becomes one callout per tag.
    callouts = c.Type(bool, default=OPTIONS["callouts"].default)
    #: What a callout shows of the risk.
    callout_content = _choice("callout_content")
    #: What an unknown or ambiguous tag does.
    on_unknown = _choice("on_unknown")
    #: Folder of Jinja templates overriding the shipped ones, relative to mkdocs.yml.
    custom_templates = c.Optional(c.Dir(exists=True))
    #: Statuses a page may give a risk in its front matter.
    statuses = StatusNames()
    #: Write the risk register (JSON and CSV) into the site.
    register = c.Type(bool, default=True)
    #: Write the framework's Sphinx inventory (objects.inv) into its folder.
    inventory = c.Type(bool, default=True)
    #: Folders of the docs, each the pages of one named assessment (one ML system).
    assessments = AssessmentFolders()
    #: Checks that warn (so ``--strict`` fails): Top Ten addressed, required fields,
    #: expired statuses, least coverage.
    policy = PolicyOption()
    #: Other sites' risk registers, whose assessments become assessments of this site.
    registers = RegisterList()
    #: The plugin's own words replaced (key: text), in any language.
    strings = StringOverrides()
    #: Removed (the cache folder is gone): a site naming them is told to delete them.
    cache = c.Deprecated(message=REMOVED_CACHE_OPTION)
    cache_dir = c.Deprecated(message=REMOVED_CACHE_OPTION)


def config_dir(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``, which the plugin's paths are relative to."""
    return Path(config.config_file_path or ".").parent
