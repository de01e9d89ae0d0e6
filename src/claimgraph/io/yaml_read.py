"""Safe, bounded YAML reading that keeps the place of every value.

YAML here is data only: documents are read from the safe parser's events (the C
one when PyYAML has it), or composed with it when they hold anchors, aliases or
merge keys, never constructed into arbitrary objects, and refused, with a
problem rather than an exception, when they exceed a limit:

- a file larger than :data:`claimgraph.io.files.MAX_FILE_BYTES` (20 MB);
- bytes that are not UTF-8 (a BOM is accepted, and CRLF line ends);
- nesting deeper than :data:`MAX_DEPTH` (64 levels);
- aliases that repeat more than :data:`MAX_ALIAS_NODES` nodes in all (a
  "billion laughs" bomb is refused without expanding it), or that refer to
  themselves;
- more than one YAML document in a file.

Every value becomes an :class:`Item` carrying its 1-based line and column:

>>> from claimgraph.problems import Report
>>> r = Report()
>>> doc = parse_yaml("a: 1\\nb: [x, y]\\n", "f.yaml", r)
>>> doc.value["b"].value[1].value, doc.value["b"].value[1].line, doc.value["b"].value[1].column
('y', 2, 8)
>>> r.problems
[]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from claimgraph.io import files
from claimgraph.problems import Report

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "Item",
    "compose",
    "decode",
    "parse_yaml",
    "to_item",
]


MAX_DEPTH = 64
"""Deepest nesting of YAML collections accepted."""

MAX_ALIAS_NODES = 100_000
"""Most nodes that aliases (``*name``) may repeat in one file, in all."""

_PLAIN = "!plain"  # the tag composition gives plain scalars; typed in :func:`_plain`

# Line numbers past 256 are int objects of their own (32 bytes: CPython shares only
# -5..256), and every item holds one, as long as the item or a place made from it lives
# (a claim's value and places wait until the whole folder is read). One shared object
# per line number instead, for files of up to _SHARED_LINES lines.
_SHARED_LINES = 1 << 16
_lines: list[int] = []


def _line(mark: Any) -> int:
    """The 1-based line of a YAML mark, as a shared int.

    >>> class Mark: line = 999
    >>> _line(Mark()) is _line(Mark()) == 1000
    True
    """
    line: int = mark.line + 1
    if line >= _SHARED_LINES:
        return line
    if line >= len(_lines):
        _lines.extend(range(len(_lines), min(2 * line, _SHARED_LINES)))
    return _lines[line]


class _Resolver(BaseResolver):
    """Tags plain scalars ``!plain`` and leaves their typing to :func:`_plain` (faster)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # Path resolvers are not used: the composer's calls go to cheap builtins
    # ({}.get(node, index) and int()) instead of Python functions.
    descend_resolver: Any = {}.get
    ascend_resolver: Any = int


class _PyComposer(Reader, Scanner, Parser, Composer, BaseConstructor, _Resolver):
    """Composes nodes in pure Python; constructs nothing.

    Used where libyaml is missing, and to find where nesting first passes
    :data:`MAX_DEPTH` once libyaml has refused a file for its own limit.
    """

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        _Resolver.__init__(self)


_Loader: type
_LIBYAML: bool
try:
    from yaml._yaml import CParser

    class _CComposer(CParser, BaseConstructor, _Resolver):
        """Composes nodes with libyaml; constructs nothing."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseConstructor.__init__(self)
            _Resolver.__init__(self)

    _Loader = _CComposer
    _LIBYAML = True
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _Loader = _PyComposer
    _LIBYAML = False

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_SAFE_SCALARS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


@dataclass(slots=True)
class Item:
    """A YAML value with its place: a scalar, a list of items or a str-keyed dict.

    ``text`` is a scalar's source text (``"no"`` for the boolean ``no``);
    ``key_line``/``key_column`` is where the key holding it was written.
    """

    value: Any
    line: int
    column: int
    text: str | None = None
    key_line: int = 0
    key_column: int = 0

    @property
    def kind(self) -> str:
        """``mapping``, ``list``, ``text``, ``number``, ``boolean``, ``null``, ``date``."""
        v = self.value
        if isinstance(v, dict):
            return "mapping"
        if isinstance(v, list):
            return "list"
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "boolean"
        if isinstance(v, int | float):
            return "number"
        if isinstance(v, str):
            return "text"
        return "date"

    def plain(self) -> Any:
        """The value as plain Python (dicts, lists, scalars), without places."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


_LINE_COL = re.compile(r"line (\d+), column (\d+)")


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _utf16_or_32(data: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` if the bytes surely are (a byte order mark, or a NUL in
    nearly every other byte, as ASCII text saved as UTF-16 without one), else None.

    >>> _utf16_or_32("a: 1".encode("utf-16")), _utf16_or_32("source: {}".encode("utf-16-le"))
    ('UTF-16', 'UTF-16')
    >>> _utf16_or_32(b"a: 1"), _utf16_or_32(b"a: \\x00\\n")
    (None, None)
    """
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if len(head) >= 8:
        half = len(head) // 2
        nuls = sorted((head[0::2].count(0), head[1::2].count(0)))
        if nuls[1] >= 0.9 * half and nuls[0] < 0.5 * half:  # not just a file of zeros
            return "UTF-16"
    return None


def decode(data: bytes, path: str, report: Report) -> str | None:
    """UTF-8 bytes to text (a BOM is dropped); None, with a problem, if not UTF-8.

    >>> r = Report()
    >>> decode(b"ok\\xff", "f.yaml", r) is None
    True
    >>> print(r.problems[0])
    f.yaml:1:3: not valid UTF-8 (byte offset 2)
    >>> decode(b"\\xef\\xbb\\xbfa: 1\\r\\n", "f.yaml", r)
    'a: 1\\r\\n'
    """
    if len(data) > files.MAX_FILE_BYTES:
        report.add(
            "file-too-large",
            f"file of {len(data):,} bytes is over the limit of {files.MAX_FILE_BYTES:,} bytes",
            path,
        )
        return None
    wide = _utf16_or_32(data)
    if wide is not None:
        report.add("bad-encoding", f"{wide} text, not UTF-8: save it as UTF-8", path, 1, 1)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        report.add("bad-encoding", f"not valid UTF-8 (byte offset {exc.start})", path, line, column)
        return None
    return text.removeprefix("\ufeff")


_LEAD = 20  # block nesting needs indentation: lines led by fewer chars nest <= 2 * _LEAD + 2
# A line led by _LEAD or more such chars: at the text's start, or after a newline (the
# places "^" matches with re.M; the newline, a literal, is found by a fast scan where "^"
# is tried at every character).
_DEEP_LEAD_FIRST = re.compile(r"[ \t\-?:]{" + str(_LEAD) + ",}")
_DEEP_LEAD = re.compile(r"\n[ \t\-?:]{" + str(_LEAD) + ",}")
_BRACKET = re.compile(r"[\[\]{}]")
_INNER_PAIR = re.compile(r"[\[{][\]}]")


def _surely_shallow(text: str) -> bool:
    """True when a cheap bound (indentation plus bracket nesting) stays within MAX_DEPTH.

    Brackets inside quoted text only make the bound larger, never smaller.

    >>> _surely_shallow("a: [1, [2, {b: 3}]]"), _surely_shallow("[" * 100 + "]" * 100)
    (True, False)
    """
    if _DEEP_LEAD_FIRST.match(text) or _DEEP_LEAD.search(text):
        return False
    budget = MAX_DEPTH - (2 * _LEAD + 2)
    brackets = "".join(_BRACKET.findall(text))
    for _ in range(budget):  # each pass removes one level of innermost pairs
        if not brackets:
            return True
        fewer = _INNER_PAIR.sub("", brackets)
        if fewer == brackets:
            return False  # unbalanced: let the exact check decide
        brackets = fewer
    return not brackets


def _check_depth(text: str, path: str, report: Report, loader: type | None = None) -> bool:
    """True if nesting stays within :data:`MAX_DEPTH` (the parser never recurses)."""
    if _surely_shallow(text):
        return True
    depth = 0
    for event in yaml.parse(text, Loader=loader or _Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
                report.add("too-deep", f"nesting deeper than {MAX_DEPTH} levels", path, line, col)
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _expanded_size(root: Node) -> int | None:
    """Nodes in the document with every alias expanded; None if an alias is recursive."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int | None:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            return None
        total = 1
        if isinstance(node, SequenceNode | MappingNode):
            active.add(key)
            children: list[Node] = (
                list(node.value)
                if isinstance(node, SequenceNode)
                else [n for pair in node.value for n in pair]
            )
            for child in children:
                s = size(child)
                if s is None:
                    return None
                total += s
            active.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _unique_size(root: Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    return len(seen)


def compose(text: str, path: str, report: Report) -> Node | None:
    """Compose one YAML document into nodes, or None (with a problem) if it cannot be used."""
    if not _check_depth_safe(text, path, report):
        return None
    try:
        node: Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = str(exc.problem or exc.context or "cannot parse")
        if exc.context and exc.problem:
            started = exc.context_mark
            if started is not None and mark is not None and started.line != mark.line:
                message += f" ({exc.context} started at line {started.line + 1})"
            else:
                message += f" ({exc.context})"
        if "expected a single document" in message:
            message = "more than one YAML document (---) in the file"
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        report.add("yaml-syntax", f"YAML syntax: {message}", path, line, col)
        return None
    except yaml.reader.ReaderError as exc:
        position = exc.position
        if _LIBYAML:  # libyaml counts bytes of the UTF-8 text, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", "replace"))
        line, col = _line_col(text, position)
        reason = str(exc).splitlines()[0] if str(exc) else "unreadable character"
        report.add("yaml-syntax", f"YAML syntax: {reason}", path, line, col)
        return None
    except yaml.YAMLError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        found = _LINE_COL.search(str(exc))
        line, col = (int(found[1]), int(found[2])) if found else (0, 0)
        report.add("yaml-syntax", f"YAML syntax: {message}", path, line, col)
        return None
    if node is None:
        return None
    if "&" not in text:  # no anchor, so no alias: nothing can repeat
        return node
    expanded = _expanded_size(node)
    if expanded is None:
        report.add("yaml-alias", "an alias refers to itself (recursive alias)", path, 1, 1)
        return None
    if expanded - _unique_size(node) > MAX_ALIAS_NODES:
        report.add(
            "yaml-alias",
            f"aliases repeat {expanded:,} nodes, over the limit of {MAX_ALIAS_NODES:,} "
            "(an alias bomb?)",
            path,
            1,
            1,
        )
        return None
    return node


def _check_depth_safe(text: str, path: str, report: Report) -> bool:
    try:
        return _check_depth(text, path, report)
    except yaml.YAMLError as exc:
        if not isinstance(exc, yaml.MarkedYAMLError) or not _PARSER_DEPTH_LIMIT.search(
            str(exc.problem)
        ):
            return True  # the syntax error is reported by compose with its place
        # libyaml 0.2.6 (PyYAML 6.0.4 on) stops at its own limit (1,000 levels) while
        # scanning ahead, before any event deeper than MAX_DEPTH reaches us: find the
        # place where MAX_DEPTH is first passed with the pure-Python parser, which has
        # no such limit and stops there too.
        try:
            if not _check_depth(text, path, report, _PyComposer):
                return False
        except yaml.YAMLError:
            pass
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        report.add("too-deep", f"nesting deeper than {MAX_DEPTH} levels", path, line, col)
        return False


_PARSER_DEPTH_LIMIT = re.compile(r"maximum nesting depth", re.I)


_CONSTRUCTOR = yaml.SafeLoader("")
_SCALAR_CONSTRUCTORS: dict[str, Callable[[Any, ScalarNode], Any]] = {
    tag: fn for tag, fn in yaml.SafeLoader.yaml_constructors.items() if tag in _SAFE_SCALARS
}


# YAML 1.1 plain scalars that are not text, as PyYAML's safe loader reads them.
_PLAIN_WORDS: dict[str, Any] = {
    "": None,
    "~": None,
    **dict.fromkeys(["null", "Null", "NULL"], None),
    **dict.fromkeys(["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"], True),
    **dict.fromkeys(["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"], False),
}
_NUMBER_START = frozenset("-+.0123456789")
_DATES = "tag:yaml.org,2002:timestamp" in _SCALAR_CONSTRUCTORS  # dates are read as dates
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers


def _plain(value: str) -> Any:
    """Type a plain scalar as PyYAML's safe loader would (null, bool, int, float, date)."""
    if value in _PLAIN_WORDS:
        return _PLAIN_WORDS[value]
    if len(value) == 10 and value[4] == "-" == value[7] and _DATES:
        # YYYY-MM-DD in ASCII digits (most dates): only the timestamp resolver matches it,
        # and its constructor makes this date; read here without its two patterns.
        year, month, day = value[:4], value[5:7], value[8:]
        if value.isascii() and year.isdigit() and month.isdigit() and day.isdigit():
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                return value  # e.g. 2023-02-30: kept as text, the field's check reports it
    if value[0] in _NUMBER_START:
        for tag, regexp in _IMPLICIT.get(value[0], ()):
            if regexp.match(value):
                fn = _SCALAR_CONSTRUCTORS.get(tag)
                if fn is None:
                    return value
                try:
                    return fn(_CONSTRUCTOR, ScalarNode(tag, value))
                except (ValueError, OverflowError, TypeError):
                    return value  # e.g. 2023-02-30: kept as text, the field's check reports it
    return value


def _scalar(node: ScalarNode, path: str, report: Report) -> Any:
    tag = node.tag
    if tag == _PLAIN:
        return _plain(node.value)
    if tag == _STR:
        return node.value
    fn = _SCALAR_CONSTRUCTORS.get(tag)
    if fn is None:
        mark = node.start_mark
        report.add(
            "yaml-tag",
            f"unsupported YAML tag {tag!r} (claim files hold plain data)",
            path,
            mark.line + 1,
            mark.column + 1,
        )
        return node.value
    try:
        return fn(_CONSTRUCTOR, node)
    except (ValueError, OverflowError, TypeError):
        return node.value  # e.g. 2023-02-30: kept as text, the field's check reports it


def to_item(node: Node, path: str, report: Report, merges: bool = True) -> Item:
    """Turn a composed node into an :class:`Item` tree; problems go to ``report``.

    ``merges=False`` says the text holds no merge key (no ``<<``, no ``merge`` tag and
    no ``%TAG`` directive that could spell one), so no mapping is searched for one."""
    mark = node.start_mark
    line, col = _line(mark), mark.column + 1
    if node.__class__ is ScalarNode:
        text = node.value
        if node.tag == _PLAIN and text not in _PLAIN_WORDS and text[0] not in _NUMBER_START:
            return Item(text, line, col, text)  # the common case: a plain word
        return Item(_scalar(node, path, report), line, col, text)
    if node.tag not in (_SEQ, _MAP):
        report.add(
            "yaml-tag",
            f"unsupported YAML tag {node.tag!r} (claim files hold plain data)",
            path,
            line,
            col,
        )
    if isinstance(node, SequenceNode):
        return Item([to_item(n, path, report, merges) for n in node.value], line, col)
    assert isinstance(node, MappingNode)
    out: dict[str, Item] = {}
    pairs = node.value
    if merges and any(k.tag == _MERGE or (k.tag == _PLAIN and k.value == "<<") for k, _ in pairs):
        pairs = _flatten(node)
    for key_node, value_node in pairs:
        kmark = key_node.start_mark
        if key_node.__class__ is not ScalarNode:
            _key_not_text(report, path, kmark)
            continue
        key = str(key_node.value)
        if key in out:
            first = out[key]
            report.add(
                "duplicate-key",
                f"duplicate key '{key}' (first at line {first.key_line}); "
                "YAML would silently keep only the last",
                path,
                kmark.line + 1,
                kmark.column + 1,
            )
        if value_node.__class__ is ScalarNode:  # inlined scalar case (most values)
            vmark = value_node.start_mark
            text = value_node.value
            if value_node.tag != _PLAIN or text in _PLAIN_WORDS or text[0] in _NUMBER_START:
                value = _scalar(value_node, path, report)
            else:
                value = text
            item = Item(
                value,
                vmark.line + 1,
                vmark.column + 1,
                text,
                kmark.line + 1,
                kmark.column + 1,
            )
        else:
            item = to_item(value_node, path, report, merges)
            item.key_line, item.key_column = _line(kmark), kmark.column + 1
        out[key] = item
    return Item(out, line, col)


def _flatten(node: MappingNode) -> list[tuple[Node, Node]]:
    """Key/value pairs with YAML merge keys (``<<: *base``) applied, own keys winning."""
    pairs: list[tuple[Node, Node]] = []
    merged: list[tuple[Node, Node]] = []
    for key, value in node.value:
        if key.tag == _MERGE or (key.tag == _PLAIN and key.value == "<<"):
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for source in sources:
                if isinstance(source, MappingNode):
                    merged.extend(_flatten(source))
        else:
            pairs.append((key, value))
    if merged:
        seen = {k.value for k, _ in pairs if isinstance(k, ScalarNode)}
        kept: list[tuple[Node, Node]] = []
        for k, v in merged:
            if isinstance(k, ScalarNode):
                if k.value in seen:
                    continue
                seen.add(k.value)
            kept.append((k, v))
        pairs = kept + pairs
    return pairs


def parse_yaml(text: str, path: str, report: Report) -> Item | None:
    """Parse YAML text into an :class:`Item` tree, or None if it is empty or unusable.

    A document without anchors, aliases or merge keys (nearly every claim file) is read
    straight from the parser's events (:func:`_read_events`): no node tree is composed,
    so a large file never holds its nodes, marks and items at once. Any other document,
    and any text the parser refuses, is composed (:func:`compose`: the alias limits are
    checked on the nodes, and a syntax error is reported with its place) and converted
    by :func:`to_item`; both give the same items and problems.
    """
    if not _check_depth_safe(text, path, report):
        return None
    found = Report()
    try:
        item = _read_events(text, path, found)
    except (yaml.YAMLError, _NeedsNodes):
        node = compose(text, path, report)
        if node is None:
            return None
        return to_item(node, path, report, "<<" in text or "merge" in text or "%TAG" in text)
    report.extend(found)
    return item


class _NeedsNodes(Exception):
    """An anchor, an alias or a merge key: the document must be composed."""


def _read_events(text: str, path: str, report: Report) -> Item | None:
    """The :class:`Item` tree of one document read from the parser's events, or None if
    the text holds none. A syntax error raises ``yaml.YAMLError`` (as composing does), an
    anchor, alias or merge key :class:`_NeedsNodes`.
    """
    loader = _Loader(text)
    try:
        get = loader.get_event
        get()  # the stream's start
        event = get()
        if event.__class__ is yaml.StreamEndEvent:
            return None
        item = _event_item(get, get(), path, report)
        get()  # the document's end
        event = get()
        if event.__class__ is not yaml.StreamEndEvent:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                event.start_mark,
            )
        return item
    finally:
        loader.dispose()


def _event_item(get: Callable[[], Any], event: Any, path: str, report: Report) -> Item:
    """The :class:`Item` of the value that starts with ``event``; ``get`` gives the next."""
    if event.__class__ is yaml.AliasEvent or event.anchor is not None:
        raise _NeedsNodes
    mark = event.start_mark
    line, col = _line(mark), mark.column + 1
    cls = event.__class__
    if cls is yaml.ScalarEvent:
        return Item(_event_scalar(event, path, report), line, col, event.value)
    tag = event.tag
    if tag is not None and tag != "!" and tag not in (_SEQ, _MAP):
        report.add(
            "yaml-tag",
            f"unsupported YAML tag {tag!r} (claim files hold plain data)",
            path,
            line,
            col,
        )
    if cls is yaml.SequenceStartEvent:
        values: list[Item] = []
        event = get()
        while event.__class__ is not yaml.SequenceEndEvent:
            values.append(_event_item(get, event, path, report))
            event = get()
        return Item(values, line, col)
    out: dict[str, Item] = {}
    lines = _lines
    scalar: Any = yaml.ScalarEvent  # (Any: the events' marks are typed optional)
    event = get()
    while event.__class__ is not yaml.MappingEndEvent:
        kmark = event.start_mark
        if event.__class__ is not scalar:
            _key_not_text(report, path, kmark)
            _event_item(get, event, path, Report())  # the key, then its value: not read
            _event_item(get, get(), path, Report())
            event = get()
            continue
        key = event.value
        if event.anchor is not None or _is_merge_key(event):
            raise _NeedsNodes
        if key in out:
            report.add(
                "duplicate-key",
                f"duplicate key '{key}' (first at line {out[key].key_line}); "
                "YAML would silently keep only the last",
                path,
                kmark.line + 1,
                kmark.column + 1,
            )
        event = get()
        try:
            key_line = lines[kmark.line + 1]
        except IndexError:
            key_line = _line(kmark)
        if event.__class__ is scalar and event.anchor is None and event.tag is None:
            # A scalar value without tag or anchor (nearly every value), read here: the
            # same item as _event_item and _event_scalar give, without their calls.
            text = event.value
            vmark = event.start_mark
            try:
                value_line = lines[vmark.line + 1]
            except IndexError:
                value_line = _line(vmark)
            if event.implicit[0] and (text in _PLAIN_WORDS or text[0] in _NUMBER_START):
                value = _plain(text)
            else:
                value = text
            item = Item(value, value_line, vmark.column + 1, text, key_line, kmark.column + 1)
        else:
            item = _event_item(get, event, path, report)
            item.key_line, item.key_column = key_line, kmark.column + 1
        out[key] = item
        event = get()
    return Item(out, line, col)


def _is_merge_key(event: Any) -> bool:
    """Whether a key's scalar event is a YAML merge key (``<<``, or tagged ``merge``)."""
    tag = event.tag
    if tag is None or tag == "!":
        return event.value == "<<" and bool(event.implicit[0])
    return bool(tag == _MERGE)


def _event_scalar(event: Any, path: str, report: Report) -> Any:
    """A scalar event's value, typed as :func:`_scalar` types the composed node."""
    tag, text = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return text
        if text not in _PLAIN_WORDS and text[0] not in _NUMBER_START:
            return text  # the common case: a plain word
        return _plain(text)
    node = ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
    return _scalar(node, path, report)


def _key_not_text(report: Report, path: str, mark: Any) -> None:
    """The problem of a mapping key that is a list or a mapping (both readers give it)."""
    report.add(
        "wrong-type",
        "a key must be plain text, not a list or mapping",
        path,
        mark.line + 1,
        mark.column + 1,
    )
