"""Escaping of user text for Markdown tables and prose, links, and Mermaid labels.

Everything a person wrote in a claim file (quotes, names, ids, titles, urls)
passes through one of these functions before it reaches a report, so that a
``|``, a newline, a backtick, ``<script>`` or Mermaid syntax can neither break
a table or the diagram nor inject HTML or a link.

>>> md_inline("a | b <script>alert(1)</script>")
'a \\\\| b \\\\<script\\\\>alert(1)\\\\</script\\\\>'
>>> mermaid_label('say "hi" --> %% there')
'say #quot;hi#quot; --#gt; #37;#37; there'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from urllib.parse import quote, urlsplit

__all__ = [
    "md_cell",
    "md_code",
    "md_inline",
    "md_link",
    "mermaid_label",
    "one_line",
    "safe_url",
]

# ASCII punctuation that can start Markdown or GFM syntax inside a line:
# emphasis, code, links, images, autolinks/HTML, table pipes, entities,
# strikethrough, GitHub's ``$`` math, and the backslash itself. CommonMark
# lets every ASCII punctuation character be backslash-escaped, so the escape
# is always literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~$])")

# Characters that begin a block when they start a line ("# ", "- ", "> ", "1. ").
_BLOCK_START = re.compile(r"^(?:([#>+\-=])|(\d+)([.)]))")

# Any run of whitespace or of control characters (which carry no meaning in a
# report) becomes one space: one pattern, one pass.
_BLANK = re.compile(r"[\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]+")

# A report repeats the same few texts (party names, aspect labels, values) many
# times over, mostly within one event: each escaping function remembers its
# last 4,096 answers for strings (a bounded memo: at most a few MB).
_MEMO = 1 << 12


def _memoised(fn: Callable[[str], str]) -> Callable[[object], str]:
    """``fn`` for any object (as ``str(obj)``), remembering its answers for strings."""
    cached = lru_cache(maxsize=_MEMO)(fn)

    @wraps(fn)
    def escape(text: object) -> str:
        return cached(text) if type(text) is str else fn(str(text))

    escape.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return escape


def one_line(text: object) -> str:
    """Collapse any run of whitespace (newlines included) to one space and trim.

    Not memoised (unlike the others): its checks cost less than a look-up.

    >>> one_line("  two\\nlines\\t here ")
    'two lines here'
    """
    s = text if type(text) is str else str(text)
    if s.isprintable() and "  " not in s:
        # The only blank a printable text can hold is the ASCII space (every other
        # whitespace or control character is unprintable): nothing to collapse.
        return s.strip()
    return _BLANK.sub(" ", s).strip()


@_memoised
def md_inline(text: str) -> str:
    """Escape text for a Markdown paragraph or list item: one line, no markup.

    Emphasis, code spans, links, HTML and entities are backslash-escaped so
    they show literally; a leading ``#``, ``-``, ``>`` or ``1.`` cannot start a
    heading, list or quote.

    >>> md_inline("*bold* [x](javascript:alert(1)) `code`")
    '\\\\*bold\\\\* \\\\[x\\\\](javascript:alert(1)) \\\\`code\\\\`'
    >>> md_inline("# not a heading")
    '\\\\# not a heading'
    >>> md_inline("1. not a list")
    '1\\\\. not a list'
    >>> md_inline("$5 and $10")
    '\\\\$5 and \\\\$10'
    >>> md_inline("&lt;b&gt;")
    '\\\\&lt;b\\\\&gt;'
    """
    s = one_line(text)
    if _MD_SPECIAL.search(s):  # most texts have nothing to escape: no substitution
        s = _MD_SPECIAL.sub(r"\\\1", s)
    return _BLOCK_START.sub(_escape_block_start, s)


def _escape_block_start(m: re.Match[str]) -> str:
    if m.group(1):
        return "\\" + m.group(1)
    return m.group(2) + "\\" + m.group(3)


def md_cell(text: object) -> str:
    """Escape text for one cell of a GFM table (same rules as :func:`md_inline`).

    A ``|`` is escaped so the cell count never changes; an empty value stays
    empty.

    >>> md_cell("a|b\\nc")
    'a\\\\|b c'
    >>> md_cell("")
    ''
    """
    return md_inline(text)


@_memoised
def md_code(text: str) -> str:
    """Show text as an inline code span, safe in a table cell.

    The fence is longer than any run of backticks in the text, and ``|`` is
    escaped (GFM splits cells before it parses code spans).

    >>> md_code("seed-000")
    '`seed-000`'
    >>> md_code("a`b|c")
    '`` a`b\\\\|c ``'
    """
    s = one_line(text)
    if not s:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    s = s.replace("|", "\\|")
    if longest or s.startswith(" ") or s.endswith(" "):
        return f"{fence} {s} {fence}"
    return f"{fence}{s}{fence}"


def safe_url(url: object) -> str | None:
    """The url, percent-encoded for a Markdown link, or None if it is not http(s).

    Only ``http`` and ``https`` urls become links: ``javascript:``, ``data:``
    and relative paths never do.

    >>> safe_url("https://example.org/a b?x=(1)|2")
    'https://example.org/a%20b?x=%281%29%7C2'
    >>> safe_url("javascript:alert(1)") is None
    True
    >>> safe_url(" JAVASCRIPT:alert(1)") is None
    True
    """
    s = one_line(url)
    if not s:
        return None
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(s, safe=":/?#@!$&'*+,;=%~-._[]")


def md_link(text: object, url: object) -> str:
    """A Markdown link with escaped text, or the escaped text alone if the url is unsafe.

    >>> md_link("Report [1]", "https://example.org/x")
    '[Report \\\\[1\\\\]](https://example.org/x)'
    >>> md_link("click", "javascript:alert(1)")
    'click'
    """
    label = md_inline(text) or md_inline(url)
    target = safe_url(url)
    if target is None:
        return label
    return f"[{label}]({target})"


# Characters kept as they are in a Mermaid label are word characters and `` ,.:!?/'+=@-``;
# every other character (what this matches) becomes an entity code (``#quot;``,
# ``#35;``) that Mermaid decodes when it draws.
_MERMAID_UNSAFE = re.compile(r"[^\w ,.:!?/'+=@-]", re.UNICODE)
_MERMAID_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}


@_memoised
def mermaid_label(text: str) -> str:
    """Escape text for a double-quoted Mermaid node or edge label.

    Quotes, brackets, ``-->``, ``%%``, ``;``, backticks and HTML become
    Mermaid entity codes; newlines become spaces.

    >>> mermaid_label("A [b] (c); `d`")
    'A #91;b#93; #40;c#41;#59; #96;d#96;'
    >>> mermaid_label("x\\n<br>y")
    'x #lt;br#gt;y'
    """
    return _MERMAID_UNSAFE.sub(_mermaid_entity, one_line(text))


def _mermaid_entity(m: re.Match[str]) -> str:
    ch = m.group()
    return _MERMAID_NAMED.get(ch) or f"#{ord(ch)};"
