"""Options of the ``biml`` plugin, declared with MkDocs' typed config classes.

Each option is documented, with an example, in ``docs/configuration.md``.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c

from .expansion.linktext import link_text_problem
from .expansion.options import OPTIONS
from .site.assessments import option_problem
from .site.i18n import strings_problem
from .site.paths import folder_problem

DEFAULT_STATUSES = ["open", "mitigated", "accepted", "not-applicable"]
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
    #: Title of the generated section in automatic navigation.
    nav_title = c.Type(str, default="BIML risk framework")
    #: Where the section goes in automatic navigation.
    nav_position = c.Choice(("end", "start"), default="end")
    #: Link tags to another site's framework pages instead (used with ``pages: false``).
    base_url = c.Type(str, default=OPTIONS["base_url"].default)
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
    statuses = c.ListOfItems(c.Type(str), default=list(DEFAULT_STATUSES))
    #: Write the risk register (JSON and CSV) into the site.
    register = c.Type(bool, default=True)
    #: Folders of the docs, each the pages of one named assessment (one ML system).
    assessments = AssessmentFolders()
    #: The plugin's own words replaced (key: text), in any language.
    strings = StringOverrides()
    #: Removed (the cache folder is gone): a site naming them is told to delete them.
    cache = c.Deprecated(message=REMOVED_CACHE_OPTION)
    cache_dir = c.Deprecated(message=REMOVED_CACHE_OPTION)
