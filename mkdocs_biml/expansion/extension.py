"""Python-Markdown extension: ``[data:2:transfer]`` becomes a link or a callout.

It runs wherever Python-Markdown runs (MkDocs, ProperDocs, Zensical, plain
``markdown.markdown``). The MkDocs plugin only adds it and tells it which page
is being rendered, so links can be page-relative.

Processors, in the order Python-Markdown runs them:

* :class:`TagLinePreprocessor` notes the source line of every tag, so messages
  can name it (inline processors never see line numbers);
* :class:`TagInlineProcessor` (priority 175, above ``reference`` at 170, so a
  tag is never mistaken for a reference link) turns tags into links;
* :class:`CalloutTreeprocessor` turns paragraphs that hold only tags into
  callouts, and on generated pages gives headings their fixed ids.

Where tags stand in page text is :mod:`mkdocs_biml.expansion.scanner`'s job, callouts
are :mod:`mkdocs_biml.expansion.callouts`', and learning the page from a host that says
nothing is :mod:`mkdocs_biml.expansion.hostpage`'s.

Two ways out. Standing alone, the extension emits elements linking to source
paths (``biml/data.md#data-2-transfer``) and the host turns them into URLs, as
it does for the author's own links. When the host tells it the final URLs
(:meth:`BimlExtension.use_final_urls`, the MkDocs plugin does), it emits
finished HTML through Python-Markdown's stash instead, serialized once per
build with slots for the page-relative URLs: the host then has nothing to
resolve for each tag.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from ..catalog.loader import load_catalogs
from ..catalog.resolver import TAG_IN_TEXT, CatalogIndex, Outcome, Resolution, parse_tag
from ..core.i18n import Strings
from ..core.paths import GENERATED_MARKER, PageLayout, convert_path
from ..core.problems import Problem, Severity, front_matter_lines, log_problem, tag_severity
from .buildstop import BuildStop, TagError
from .callouts import CalloutTreeprocessor, HtmlBlockTreeprocessor
from .elements import ElementFactory, LinkSettings, SerializedElements
from .hostpage import host_page_path, host_page_source
from .options import SHARED_OPTIONS
from .pagestate import Citation, PageState
from .scanner import TAG_OR_SKIP, tag_lines

#: The inline processor's name and priority: above ``reference`` (170), so a tag is
#: never mistaken for a reference link.
TAG_PROCESSOR, TAG_PRIORITY = "biml_tag", 175


class SourceLinesPreprocessor(Preprocessor):
    """Keeps the page's lines as written, before code and HTML blocks are stashed."""

    def __init__(self, md: Markdown, extension: BimlExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.page.source_lines = list(lines)
        return lines


class TagLinePreprocessor(Preprocessor):
    """Notes the source line of every tag the inline processor will see.

    Runs after code blocks and HTML blocks are stashed, and skips what the
    inline processor skips (code spans, escapes, links, inline HTML), so the
    n-th tag it records is the n-th tag expanded. Remaining lines are mapped
    back to the source by matching text, moving forward only.
    """

    def __init__(self, md: Markdown, extension: BimlExtension, inline: TagInlineProcessor) -> None:
        super().__init__(md)
        self.extension = extension
        self.inline = inline

    def run(self, lines: list[str]) -> list[str]:
        state = self.extension.page
        state.fallback_lines = None
        if not state.source_lines:
            state.source_lines = list(lines)
        has_tags = TAG_IN_TEXT.search("\n".join(state.source_lines)) is not None
        self._use_inline_processor(has_tags)
        state.tag_lines = tag_lines(lines, state.source_lines) if has_tags else {}
        return lines

    def _use_inline_processor(self, wanted: bool) -> None:
        """The inline processor only for a page whose source holds a tag.

        Python-Markdown tries every inline processor on every piece of text of
        the page; most pages of a site cite nothing. The source lines are the
        page before code and HTML blocks were stashed, so a tag inside
        ``md_in_html`` counts too. Registered again for the next page that needs
        it, should the host reuse its ``Markdown``.
        """
        patterns = self.md.inlinePatterns
        if wanted and TAG_PROCESSOR not in patterns:
            patterns.register(self.inline, TAG_PROCESSOR, TAG_PRIORITY)
        elif not wanted and TAG_PROCESSOR in patterns:
            patterns.deregister(TAG_PROCESSOR)


class HostPagePreprocessor(Preprocessor):
    """Learns the page from the host itself when no plugin calls ``begin_page``.

    Zensical (and MkDocs or ProperDocs with the extension listed alone) make a
    new ``Markdown`` for every page and say nothing to extensions; but their
    own processors on it know the page. Generated pages are recognised by the
    marker ``mkdocs-biml generate`` writes at their top.
    """

    def __init__(self, md: Markdown, extension: BimlExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.host_tells_page:
            # The marker is the first line generate writes after the front
            # matter, which hosts strip: a page quoting it further down is the
            # author's own.
            first_line = next((line for line in lines if line.strip()), "")
            generated = first_line.strip() == GENERATED_MARKER
            offset = front_matter_lines(host_page_source(self.md), "\n".join(lines))
            self.extension.page = PageState(
                path=host_page_path(self.md), generated=generated, line_offset=offset
            )
            if self.extension.getConfig("on_unknown") == "error":
                self.extension.build_stop.quiet_on_zensical(self.md)
        return lines


class TagInlineProcessor(InlineProcessor):
    def __init__(self, md: Markdown, extension: BimlExtension) -> None:
        super().__init__(TAG_OR_SKIP, md)
        self.extension = extension

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        text = m.group("tag")
        if text is None or self._is_reference_label(text):
            return None, None, None
        element = self.extension.element_for(text, self.md)
        if element is None:
            return None, None, None
        return element, m.start(0), m.end(0)

    def _is_reference_label(self, text: str) -> bool:
        """The author defined ``[text]: url``: their reference link wins."""
        return text.lower() in self.md.references


class BimlExtension(Extension):
    """Expands BIML risk tags. Options are documented in ``docs/configuration.md``."""

    def __init__(
        self,
        *,
        index: CatalogIndex | None = None,
        report: Callable[[Problem], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """``index`` and ``report`` are the host's collaborators, not Markdown options:
        a ready :class:`CatalogIndex` (default: load ``catalogs``) and a callable
        receiving every :class:`Problem` (default: log it, and stop on errors)."""
        self.config = {
            "catalogs": [["biml-78"], "Built-in catalogue names or catalogue file paths."],
            **{option.name: [option.default, option.help] for option in SHARED_OPTIONS},
            # Defaults are "" rather than None: Python-Markdown turns None-defaulted
            # options into booleans.
            "language": ["", "Language of the words the extension writes (de, fr, ...)."],
            "strings": ["", "Overrides of those words (key: text), or a ready Strings."],
        }
        super().__init__(**kwargs)
        self.page = PageState()
        self.host_tells_page = False
        self._index = index
        self._report_to = report
        self._factory: ElementFactory | None = None
        self._final_urls: Mapping[str, str] | None = None
        #: The elements as finished HTML: made when the host gives final URLs.
        self.serialized: SerializedElements | None = None
        self._relative_url: Callable[[str, str], str] | None = None
        #: What ends a build at a problem tag, without a host to report it to.
        self.build_stop = BuildStop()
        self._validate()

    def _validate(self) -> None:
        for option in SHARED_OPTIONS:
            problem = option.choice_problem(self.getConfig(option.name))
            if problem:
                raise ValueError(problem)
        self._factory = None
        _ = self.factory  # checks link_text now rather than on the first tag

    # -- configuration derived once ------------------------------------------------

    @property
    def index(self) -> CatalogIndex:
        if self._index is None:
            self._index = CatalogIndex(load_catalogs(_as_list(self.getConfig("catalogs"))))
        return self._index

    @property
    def factory(self) -> ElementFactory:
        if self._factory is None:
            settings = LinkSettings(
                layout=PageLayout(self.getConfig("folder")),
                base_url=self.getConfig("base_url"),
                link=bool(self.getConfig("link")),
                link_text=self.getConfig("link_text"),
                strings=self._strings(),
            )
            self._factory = ElementFactory(settings, self.getConfig("callout_content"), self)
        return self._factory

    def _strings(self) -> Strings:
        given = self.getConfig("strings")
        if isinstance(given, Strings):
            return given
        return Strings(self.getConfig("language") or None, given or {})

    @property
    def callouts(self) -> bool:
        return bool(self.getConfig("callouts"))

    # -- per page --------------------------------------------------------------------

    def use_final_urls(
        self, target_urls: Mapping[str, str], relative_url: Callable[[str, str], str]
    ) -> None:
        """The host gives final URLs: ``target_urls`` maps each generated page's
        source path to its URL, ``relative_url(url, page_url)`` is the host's own
        way of making it relative. Pages then pass ``url`` to :meth:`begin_page`.
        """
        self._final_urls, self._relative_url = target_urls, relative_url
        if self.serialized is None:
            self.serialized = SerializedElements(self.factory)

    def begin_page(
        self,
        path: str,
        *,
        generated: bool = False,
        line_offset: int = 0,
        url: str | None = None,
    ) -> None:
        """Called by a host before converting the page at source path ``path``."""
        self.host_tells_page = True
        if self._final_urls is None:
            url = None
        self.page = PageState(path=path, generated=generated, line_offset=line_offset, url=url)

    def take_citations(self) -> list[Citation]:
        citations, self.page.citations = self.page.citations, []
        return citations

    def current_page(self) -> str:
        return self.page.path

    def final_url(self, target: str) -> str | None:
        if self.page.url is None:
            return None
        return convert_path(target, self._relative_url_of)

    def _relative_url_of(self, path: str) -> str:
        """URL of generated page ``path`` relative to the current page.

        Made once per page and target page: a page's tags link to a handful of
        component pages, so most tags find their URL already made (what that
        saves is in docs/performance.md).
        """
        known = self.page.relative_urls
        url = known.get(path)
        if url is None:
            assert self._final_urls is not None and self._relative_url is not None
            assert self.page.url is not None
            url = known[path] = self._relative_url(self._final_urls[path], self.page.url)
        return url

    # -- expansion -------------------------------------------------------------------

    def element_for(self, text: str, md: Markdown) -> etree.Element | str | None:
        """What replaces tag ``text``: an element, or a stash placeholder for
        finished HTML (final URLs); ``None`` leaves the text alone."""
        resolution = self.index.resolve(text)
        if resolution.outcome is Outcome.UNKNOWN and not self._looks_meant(resolution):
            return None
        page = self.page
        line = page.take_line(text)
        page.expanded += 1
        self._report(resolution, line)
        risk = resolution.risk
        if risk is not None:
            page.citations.append(Citation(risk, line))
        if page.url is None:
            if risk is None:
                return self.factory.unresolved(text, resolution)
            return self.factory.reference(risk)
        assert self.serialized is not None  # a page URL comes only with final URLs
        if risk is None:
            html = self.serialized.unresolved(text, resolution)
        else:
            html = self.serialized.html("ref", risk)
        placeholder = md.htmlStash.store(html)
        page.stashed[placeholder] = (risk, html)
        return placeholder

    def _looks_meant(self, resolution: Resolution) -> bool:
        """``[note:1]`` in prose is no tag; ``[dta:2:transfer]`` is a misspelt one.

        A three-part tag is always meant as one; two parts count only when they
        start with a known component or catalogue prefix.
        """
        parts = parse_tag(resolution.text)
        if parts is None:
            return False
        if parts.has_descriptor:
            return True
        return self.index.knows_component(parts.prefix, parts.component)

    def _report(self, resolution: Resolution, line: int | None) -> None:
        message = resolution.problem()
        # Generated pages quote the catalogue, whose tags were checked when it
        # loaded (the ARA's own numbering slips are kept as published).
        if message is None or self.page.generated:
            return
        mismatch = resolution.outcome is Outcome.MISMATCH
        severity = tag_severity(mismatch, self.getConfig("on_unknown"))
        if severity is None:
            return
        problem = Problem(self.page.path, line, None, message, severity)
        report = self._report_to
        if report is not None:
            report(problem)
        else:
            log_problem(problem)
        if severity is Severity.ERROR and report is None:
            raise self.build_stop.tag_error(problem)

    def extendMarkdown(self, md: Markdown) -> None:
        # Not registered for md.reset(): the page state is made anew for each page
        # (begin_page, or HostPagePreprocessor), and MkDocs builds its Markdown,
        # whose constructor resets, after the plugin's begin_page: a reset() would
        # wipe the page just announced.
        # First of all preprocessors (35): the page state it sets up is what the
        # others fill, and the generated-page marker is still a line of its own.
        md.preprocessors.register(HostPagePreprocessor(md, self), "biml_page", 35)
        md.preprocessors.register(SourceLinesPreprocessor(md, self), "biml_source", 29)
        inline = TagInlineProcessor(md, self)
        md.preprocessors.register(TagLinePreprocessor(md, self, inline), "biml_lines", 15)
        md.inlinePatterns.register(inline, TAG_PROCESSOR, TAG_PRIORITY)
        # Before the inline processors (20).
        md.treeprocessors.register(HtmlBlockTreeprocessor(md, self), "biml_html_blocks", 25)
        md.treeprocessors.register(CalloutTreeprocessor(md, self), "biml_callout", 15)


def _as_list(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def makeExtension(**kwargs: Any) -> BimlExtension:
    """The extension by name (``biml``, ``mkdocs_biml.extension``): Markdown options
    only. The index and the reporter are Python objects a host hands the
    constructor; a config file naming them is refused as any unknown option is."""
    for collaborator in ("index", "report"):
        if collaborator in kwargs:
            raise KeyError(f"'{collaborator}' is not an option of the biml Markdown extension")
    return BimlExtension(**kwargs)


__all__ = ["BimlExtension", "Citation", "TagError", "makeExtension"]
