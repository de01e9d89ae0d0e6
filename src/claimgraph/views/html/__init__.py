"""The comparison report as a static site: ``index.html`` and one page per event.

Each event page carries the Markdown report's content (:mod:`claimgraph.views.markdown`)
and what a page does better: the side-by-side table with parties grouped under
coloured side headers, a sticky header row and question column, scrolling
inside its own box; every answer opens its verbatim quotes with speaker, date
and source link (``<details>``, no script needed); filters by side, party and
question and a search over quotes and speakers (a small script, progressive
enhancement); and an SVG diagram of the contested questions
(:mod:`claimgraph.views.svg`). The index sorts and filters events by status,
date and place.

The site is self-contained: the stylesheet and the script are inlined into
every page, and each page's Content Security Policy allows exactly those two
(by hash) and nothing else, so no request leaves the page and a quote that
slipped past escaping still could not run. Every text from a claim file goes
through :func:`text` (``html.escape``); only ``http(s)`` urls become links
(:func:`claimgraph.views.escape.safe_url`). Output is deterministic.

Figures, statuses and marks come from the assessment and from the data helpers
both report views share (:mod:`claimgraph.views.event_data`,
:mod:`claimgraph.views.figures`), never recomputed here.

One job a module; this package only re-exports them:

- :mod:`~claimgraph.views.html.page`: the page shell and assets, escaping, file names;
- :mod:`~claimgraph.views.html.answers`: one claim's answer marks, quote and statement;
- :mod:`~claimgraph.views.html.table`: the event page's side-by-side table and filters;
- :mod:`~claimgraph.views.html.event`: the event page (``render_event_page``);
- :mod:`~claimgraph.views.html.index`: the index page (``render_index_page``);
- :mod:`~claimgraph.views.html.site`: every page by file name (``generate_site``).

>>> text('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
>>> link("x", "javascript:alert(1)")
'x'
"""

from claimgraph.views.html.answers import answer_marks, statement
from claimgraph.views.html.event import render_event_page
from claimgraph.views.html.index import render_index_page
from claimgraph.views.html.page import SIDE_COLOURS, link, page_filename, text
from claimgraph.views.html.site import INDEX_HTML, generate_site
from claimgraph.views.html.table import LEGEND_HTML

__all__ = [
    "INDEX_HTML",
    "LEGEND_HTML",
    "SIDE_COLOURS",
    "answer_marks",
    "generate_site",
    "link",
    "page_filename",
    "render_event_page",
    "render_index_page",
    "statement",
    "text",
]
