"""Options of the ``biml`` plugin, declared with MkDocs' typed config classes.

Each option is documented, with an example, in ``docs/configuration.md``.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .linktext import link_text_problem

DEFAULT_STATUSES = ["open", "mitigated", "accepted", "not-applicable"]


class LinkText(c.Type[str]):
    """The ``link_text`` option: a format string checked by :func:`link_text_problem`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        problem = link_text_problem(text)
        if problem:
            raise base.ValidationError(problem)
        return text


class BimlConfig(base.Config):
    #: Catalogues used beside the built-in BIML-78: built-in names or file paths.
    catalogs = c.ListOfItems(c.Type(str), default=[])
    #: Generate the framework pages (overview, diagram, components, references).
    pages = c.Type(bool, default=True)
    #: Folder of the generated pages, inside the site.
    folder = c.Type(str, default="biml")
    #: Title of the generated section in automatic navigation.
    nav_title = c.Type(str, default="BIML risk framework")
    #: Where the section goes in automatic navigation.
    nav_position = c.Choice(("end", "start"), default="end")
    #: Link tags to another site's framework pages instead (used with ``pages: false``).
    base_url = c.Type(str, default="")
    #: Text of inline references: {title}, {tag}, {label}, {number}, {descriptor},
    #: {component}, {catalog}.
    link_text = LinkText(default="{title}")
    #: A paragraph holding only tags becomes one callout per tag.
    callouts = c.Type(bool, default=True)
    #: What a callout shows of the risk.
    callout_content = c.Choice(("description", "summary", "none"), default="description")
    #: What an unknown or ambiguous tag does.
    on_unknown = c.Choice(("warn", "error", "ignore"), default="warn")
    #: Folder of Jinja templates overriding the shipped ones, relative to mkdocs.yml.
    custom_templates = c.Optional(c.Dir(exists=True))
    #: Statuses a page may give a risk in its front matter.
    statuses = c.ListOfItems(c.Type(str), default=list(DEFAULT_STATUSES))
    #: Write the risk register (JSON and CSV) into the site.
    register = c.Type(bool, default=True)
