"""Line-preserving edits of a YAML file: a person's review is never re-dumped.

A :class:`YamlEdit` composes the file once (safely, with the limits of
:mod:`claimgraph.io.yaml_read`) to learn where each value was written, collects
edits (a scalar replaced in its line, the lines of a mapping entry deleted,
lines inserted) and applies them to the original text. Every byte outside
the edited lines stays as it was: comments, quoting, blank lines, a BOM and
the line ends.

>>> e = YamlEdit.parse("# kept\\nparties:\\n  a: {name: A}\\n  b: {name: B}  # mine\\nx: a\\n", "f")
>>> e.replace(e.get(e.root, "x"), "c")
>>> e.delete_entry(e.get(e.root, "parties"), "a")
>>> print(e.text(), end="")
# kept
parties:
  b: {name: B}  # mine
x: c
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from claimgraph.errors import InvalidInput, UsageError
from claimgraph.io import files
from claimgraph.io.yaml_read import compose, decode
from claimgraph.problems import Report

__all__ = ["YamlEdit"]

# The line breaks YAML counts (PyYAML and libyaml alike).
_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_BOM = "\ufeff"


def _lines(text: str) -> list[str]:
    """The lines of ``text``, each with its own line break."""
    out, pos = [], 0
    for m in _BREAK.finditer(text):
        out.append(text[pos : m.end()])
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def _scalar_text(value: str) -> str:
    """``value`` as a YAML scalar (plain when it can be)."""
    from claimgraph.io.yaml_write import dump

    return dump({"k": value})[3:].rstrip("\n")


@dataclass(slots=True)
class YamlEdit:
    """One YAML file, its nodes, and the edits waiting to be applied."""

    path: str
    original: str
    root: MappingNode
    bom: bool = False
    lines: list[str] = field(default_factory=list)
    _replace: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    _delete: set[int] = field(default_factory=set)
    _insert: dict[int, list[str]] = field(default_factory=dict)
    _grown: set[int] = field(default_factory=set)  # id() of mappings given new entries

    @classmethod
    def parse(cls, text: str, path: str) -> YamlEdit:
        """Compose ``text``; :class:`InvalidInput` if it is not a YAML mapping."""
        report = Report()
        bom = text.startswith(_BOM)
        body = text.removeprefix(_BOM)
        node = compose(body, path, report)
        if node is None or not isinstance(node, MappingNode):
            if report.valid:
                report.add("bad-type", "the file is not a YAML mapping", path, 1, 1)
            raise InvalidInput(report)
        return cls(path, body, node, bom, _lines(body))

    @classmethod
    def read(cls, data: bytes, path: str) -> YamlEdit:
        """Decode (UTF-8, within the size limit) and compose a file's bytes."""
        report = Report()
        if len(data) > files.MAX_FILE_BYTES:
            decode(data, path, report)
            raise InvalidInput(report)
        if decode(data, path, report) is None:
            raise InvalidInput(report)
        return cls.parse(data.decode("utf-8"), path)

    # -- finding values ----------------------------------------------------

    @staticmethod
    def entries(node: Node | None) -> list[tuple[ScalarNode, Node]]:
        """The (key, value) pairs of a mapping node with scalar keys ([] for anything else)."""
        if not isinstance(node, MappingNode):
            return []
        return [(k, v) for k, v in node.value if isinstance(k, ScalarNode)]

    @classmethod
    def get(cls, node: Node | None, key: str) -> Node | None:
        """The value under ``key`` in a mapping node, or None."""
        for k, v in cls.entries(node):
            if k.value == key:
                return v
        return None

    @staticmethod
    def items(node: Node | None) -> list[Node]:
        """The items of a sequence node ([] for anything else)."""
        return list(node.value) if isinstance(node, SequenceNode) else []

    def _last_line(self, node: Node) -> int:
        """The 0-based line of a node's last character."""
        if isinstance(node, ScalarNode) or getattr(node, "flow_style", False):
            end = node.end_mark
            return end.line if end.column > 0 else end.line - 1
        children: list[Node] = []
        if isinstance(node, MappingNode):
            for k, v in node.value:
                children += [k, v]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        if not children:
            return node.start_mark.line
        return max(self._last_line(c) for c in children)

    def _refuse(self, node: Node, why: str) -> UsageError:
        mark = node.start_mark
        return UsageError(
            f"{self.path}:{mark.line + 1}:{mark.column + 1}: {why}; edit this by hand"
        )

    # -- edits -------------------------------------------------------------

    def replace(self, node: Node | None, value: str) -> None:
        """Write ``value`` in place of the scalar ``node``, on its own line."""
        if not isinstance(node, ScalarNode):
            raise UsageError(f"{self.path}: not a single value; edit this by hand")
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            raise self._refuse(node, "a value written over several lines")
        line = self.lines[start.line]
        token = line[start.column : end.column]
        if token.strip("'\"") != node.value:  # columns not in characters: find it by text
            at = line.find(token := _scalar_text(node.value))
            if at < 0 or line.find(token, at + 1) >= 0:
                raise self._refuse(node, f"cannot find '{node.value}' in its line")
            start_col, end_col = at, at + len(token)
        else:
            start_col, end_col = start.column, end.column
        self._replace.setdefault(start.line, []).append((start_col, end_col, _scalar_text(value)))

    def delete_entry(self, mapping: Node | None, key: str, *, parent: Node | None = None) -> None:
        """Delete the lines of ``key``'s entry in a block mapping.

        With ``parent`` (the mapping holding ``mapping``), a mapping left
        empty is deleted with its own key too.
        """
        pairs = self.entries(mapping)
        assert mapping is not None
        if getattr(mapping, "flow_style", False):
            raise self._refuse(mapping, "a mapping written on one line")
        for k, v in pairs:
            if k.value == key:
                self._delete.update(range(k.start_mark.line, self._last_line(v) + 1))
        remaining = [k for k, _ in pairs if not {k.start_mark.line} <= self._delete]
        if not remaining and parent is not None and id(mapping) not in self._grown:
            for pk, pv in self.entries(parent):
                if pv is mapping:
                    self._delete.update(range(pk.start_mark.line, self._last_line(pv) + 1))

    def insert_after_entry(self, mapping: Node | None, key: str, text: list[str]) -> None:
        """Insert lines (without line ends) after ``key``'s entry in a block mapping."""
        for k, v in self.entries(mapping):
            if k.value == key:
                self._insert.setdefault(self._last_line(v), []).extend(text)
                if mapping is not None:
                    self._grown.add(id(mapping))
                return
        raise UsageError(f"{self.path}: no entry '{key}' to insert after")

    @property
    def changed(self) -> bool:
        return bool(self._replace or self._delete or self._insert)

    def _newline(self) -> str:
        m = _BREAK.search(self.original)
        return m.group(0) if m else "\n"

    def text(self) -> str:
        """The edited text (with the BOM, if the file had one)."""
        out = []
        nl = self._newline()
        for i, line in enumerate(self.lines):
            if i not in self._delete:
                for start, end, new in sorted(self._replace.get(i, []), reverse=True):
                    line = line[:start] + new + line[end:]
                out.append(line)
            if i in self._insert:
                if not line.endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
                    out[-1:] = [out[-1] + nl] if out else []
                out.extend(t + nl for t in self._insert[i])
        return (_BOM if self.bom else "") + "".join(out)
