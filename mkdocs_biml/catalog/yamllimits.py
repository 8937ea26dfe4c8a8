"""How much a catalogue may expand to: bytes, aliases, and values once aliases are expanded.

An alias repeats its anchor's value, so a few lines of anchors, each a list
of aliases of the one before, stand for billions of values (an "alias
bomb"). Reading them costs nothing, since the repeated values are shared,
but every walk over the data does: the schema check, the model build, a
message that prints a value. These limits are checked on the composed YAML
nodes, before the data is built, in time linear in the file.

The limits are far above what a real catalogue needs (BIML-78 is 90 KB,
about 1,500 values and no alias) and far below what makes a build slow.
"""

from __future__ import annotations

from typing import Any

import yaml

#: PyYAML's safe loader, in C when PyYAML was built with libyaml (as MkDocs reads
#: front matter), else in Python; both report the same problems.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Largest catalogue file read, in bytes.
MAX_BYTES = 4 * 1024 * 1024
#: Most values (mappings, lists, texts, numbers) a catalogue may hold once
#: every alias is replaced by what it repeats.
MAX_VALUES = 200_000
#: Most aliases (``*name``) a catalogue may use.
MAX_ALIASES = 1_000


class ExpansionProblem(Exception):
    """The document expands beyond a limit: the line where it does, and what to do."""

    def __init__(self, line: int, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.line, self.problem, self.hint = line, problem, hint


def may_expand(text: str) -> bool:
    """Whether the YAML ``text`` may hold more values than :data:`MAX_VALUES`.

    Only an alias (``*name``) makes one value stand for many. Without one, the
    values are the nodes as written: at most one per character of the text
    (``?``, ``-`` and ``:`` with nothing after them are the densest), so a text
    shorter than half the limit is within it, and the walk over its nodes is
    skipped (BIML-78, 90 KB without an alias, is read by every build).
    """
    return "*" in text or len(text) >= MAX_VALUES // 2


def check_expansion(
    text: str, root: yaml.Node, loader: type[yaml.SafeLoader], document: str = "catalogue"
) -> None:
    """Raise :class:`ExpansionProblem` if the document ``root`` exceeds a limit.

    ``text`` and ``loader`` find the line to report, in the rare failing case;
    ``document`` is what messages call the document ("catalogue", "front matter").
    """
    values, aliases = _expanded_size(root)
    if values > MAX_VALUES or aliases > MAX_ALIASES:
        raise _locate(text, loader, root, document)


def check_text(text: str, document: str, loader: type[yaml.SafeLoader] = SAFE_LOADER) -> None:
    """Raise :class:`ExpansionProblem` if the YAML ``text``, already read by someone
    else (MkDocs reads front matter), exceeds a limit: its nodes are composed
    again, which costs a walk over the text, only when :func:`may_expand`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ExpansionProblem(
            1,
            f"the {document} is over {MAX_BYTES:,} bytes",
            f"is this the right file? a {document} is a few kilobytes",
        )
    if not may_expand(text):
        return
    root = yaml.compose(text, Loader=loader)
    if root is not None:
        check_expansion(text, root, loader, document)


def _children(node: yaml.Node) -> list[Any]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _expanded_size(root: yaml.Node) -> tuple[int, int]:
    """Values of the document with aliases expanded, and the number of aliases.

    An alias is a second edge to a node already composed, so the sizes of
    shared nodes are computed once. Iterative, since the nesting may be deep;
    a recursive alias (a cycle) counts as one alias and is left to the
    constructor, which refuses it.
    """
    sizes: dict[int, int | None] = {}  # None while the node's children are being sized
    edges = 0
    stack = [root]
    while stack:
        node = stack[-1]
        key = id(node)
        if key not in sizes:
            sizes[key] = None
            children = _children(node)
            edges += len(children)
            stack.extend(child for child in children if id(child) not in sizes)
            continue
        stack.pop()
        if sizes[key] is None:
            total = 1 + sum(sizes.get(id(child)) or 0 for child in _children(node))
            sizes[key] = min(total, MAX_VALUES + 1)  # the count need not grow past the limit
    aliases = edges - (len(sizes) - 1)
    return sizes[id(root)] or 0, aliases


def _locate(
    text: str, loader: type[yaml.SafeLoader], root: yaml.Node, document: str
) -> ExpansionProblem:
    """The problem at the alias (or value) where the document first exceeds a limit.

    Walks the parser's events: unlike composed nodes, they keep each alias's own line.
    """
    anchors: dict[str, int] = {}
    open_sizes: list[list[Any]] = []  # [size so far, anchor] of each open mapping or list
    values = aliases = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor = open_sizes.pop()
            if anchor:
                anchors[anchor] = size
            if open_sizes:
                open_sizes[-1][0] += size
            continue
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            size = anchors.get(event.anchor or "", 1)
            if aliases > MAX_ALIASES:
                return ExpansionProblem(
                    line,
                    f"more than {MAX_ALIASES:,} aliases",
                    "anchors and aliases are for repeating a few small parts: write the rest out",
                )
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            size = 1
            open_sizes.append([0, event.anchor])
        else:
            continue
        values += size
        if open_sizes:
            open_sizes[-1][0] += size
        if values > MAX_VALUES:
            return _too_many_values(line, isinstance(event, yaml.AliasEvent), document)
    end = root.start_mark.line + 1
    return _too_many_values(end, False, document)  # pragma: no cover - found above


def _too_many_values(line: int, at_alias: bool, document: str) -> ExpansionProblem:
    if at_alias:
        return ExpansionProblem(
            line,
            f"this alias makes the {document} expand to more than {MAX_VALUES:,} values",
            "an alias repeats its anchor's whole value: do not nest aliases of aliases",
        )
    return ExpansionProblem(
        line,
        f"the {document} holds more than {MAX_VALUES:,} values",
        f"is this the right file? a {document} has a few thousand",
    )
