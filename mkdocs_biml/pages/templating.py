"""The Jinja environment the generated pages render in: its loaders and options,
the helpers its templates call that need no generator, a failing template as one
located message, and the digest that tells a serve rebuild a template changed."""

from __future__ import annotations

import hashlib
import os
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context

from ..catalog.model import Catalog, Component
from ..core.i18n import Strings
from ..core.mdtext import code_span, markdown_url
from ..core.paths import relative_link
from ..resources import TEMPLATES_DIR
from .precompiled import shipped_loader

#: Prefix under which the shipped templates stay reachable from custom ones.
SHIPPED_PREFIX = "biml"
#: The page environment's options; the precompiled templates are compiled with them.
ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "autoescape_extensions": ["html.j2"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


def page_environment(
    custom_templates: str | None,
    filters: Mapping[str, Callable[..., Any]],
    template_globals: Mapping[str, Any],
) -> Environment:
    """The shipped templates (compiled), each overridable from ``custom_templates``
    and still reachable there as ``biml/<name>``."""
    shipped = shipped_loader(ENVIRONMENT_OPTIONS)
    loaders = [shipped, PrefixLoader({SHIPPED_PREFIX: shipped})]
    if custom_templates:
        loaders.insert(0, FileSystemLoader(custom_templates))
    options = dict(ENVIRONMENT_OPTIONS)
    escaped = options.pop("autoescape_extensions")
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(enabled_extensions=escaped, default=False),
        undefined=StrictUndefined,
        # A generator is made anew when a template changes (templates_digest).
        auto_reload=False,
        **options,
    )
    env.filters.update(filters)
    env.globals.update(template_globals)
    return env


def templates_digest(custom_templates: str | None) -> str:
    """Digest of the names and contents of the shipped and the custom templates: a serve
    rebuild renders the pages again when one changed, whatever its file's time says."""
    hashed = hashlib.sha256()
    for folder in (str(TEMPLATES_DIR), custom_templates):
        if folder is None:
            continue
        hashed.update(os.fsencode(os.path.abspath(folder)) + b"\0")
        # The shipped folder's compiled templates follow its sources (precompiled.py).
        skipped = ("compiled", "__pycache__") if folder == str(TEMPLATES_DIR) else ()
        for root, dirs, names in os.walk(folder, followlinks=True):
            dirs[:] = sorted(d for d in dirs if not (root == folder and d in skipped))
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as file:
                        content = file.read()
                except OSError:  # unreadable: whoever needs the file says so
                    content = b"\0unreadable"
                hashed.update(os.fsencode(os.path.relpath(path, folder)) + b"\0")
                hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


def template_problem(exc: Exception, template: str) -> str:
    """Which template, which line, what is wrong: no Python traceback for a template typo."""
    if isinstance(exc, TemplateSyntaxError):
        where = f"{exc.filename or exc.name or template}, line {exc.lineno}"
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        where = f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else template
    message = exc.message if isinstance(exc, TemplateError) else None
    return f"template {where}: {message or f'{type(exc).__name__}: {exc}'}"


def render_with(
    template: Template, variables: dict[str, Any], extra: Mapping[str, Any] | None = None
) -> str:
    """``template`` rendered with ``variables``, which hold the environment's globals
    already (a context's variables do), and ``extra``: as an ``{% include %}`` renders.
    ``Template.render`` would copy the globals into the new context once more, key by key
    through their ChainMap, for every fragment and every backlinks list of a build."""
    context = template.new_context(variables, shared=True, locals=extra)
    try:
        return "".join(template.root_render_func(context))
    except Exception:
        # As Template.render does: the traceback names the template's lines.
        template.environment.handle_exception()


# -- helpers the templates call ------------------------------------------------------------


@pass_context
def link(context: Context, target: str) -> str:
    """Markdown link destination from the page being rendered to ``target``."""
    return markdown_url(relative_link(context["page_path"], target))


def system_component(catalog: Catalog) -> Component | None:
    return next((c for c in catalog.components if c.is_system), None)


def risk_total(catalog: Catalog, strings: Strings) -> str:
    """``78 risks (79 entries: `inference:3` labels two)``: BIML counts risks by label."""
    entries: dict[str, int] = {}
    for risk in catalog.risks():
        label = risk.qualified_tag.removesuffix(f":{risk.descriptor}")
        entries[label] = entries.get(label, 0) + 1
    total = sum(entries.values())
    if len(entries) == total:
        return strings.risk_count(total)
    words = _NUMBER_WORDS if strings.language == "en" else {}
    shared = ", ".join(
        strings("label_shares", label=code_span(label), count=words.get(count, str(count)))
        for label, count in entries.items()
        if count > 1
    )
    return strings(
        "risk_total_shared", risks=strings.risk_count(len(entries)), total=total, shared=shared
    )


def example_tag(catalog: Catalog) -> str:
    """A tag of ``catalog`` to show as an example (the catalogue may have no risk yet)."""
    risk = next(catalog.risks(), None)
    return risk.qualified_tag if risk else f"{catalog.prefix + ':' if catalog.prefix else ''}..."
