"""A claim's value as text: the one home of each way the views show it.

A value (:data:`claimgraph.model.Value`) is a category slug, a set of slugs, a
count (:class:`~claimgraph.model.Interval`), free text, or ``None`` (a silence).
The views show it in four ways on purpose, so there are four functions, each
used by every view that shows that meaning:

- :func:`value_slugs`: the ids themselves, set items joined with ``"; "``:
  the graph's ``value`` attribute (:mod:`claimgraph.views.graph`), which must
  match across positions and claims;
- :func:`value_as_written`: the words the claim file gives, set items joined
  with ``";"``: the ``value`` column of the claim row
  (:mod:`claimgraph.views.tables`, hence JSON, CSV and the pandas frames);
- :func:`value_labels`: the aspect's labels, set items joined with ``", "``:
  the sentence ClaimReview builds for a claim without a quote
  (:mod:`claimgraph.views.claimreview`);
- :func:`report_value`: what a report shows for the answer, on one line: the
  labels of the claim's positions (Markdown and HTML reports); and
  :func:`report_answer`, the same with ``not`` before a denial.

Every meaning shows a count as its words, else its interval
(:func:`claimgraph.quantities.format_count`), and ``None`` as ``""``. Nothing
here escapes: each view escapes the text for its own format.

>>> from claimgraph.model import Aspect, AspectType, Claim, Corpus
>>> aspect = Aspect("damage", AspectType.SET, values={"house": "Residential house"})
>>> claim = Claim("c", "e", "p", "s", "damage", frozenset({"house", "power-line"}),
...               raw_value=["House", "Power line"])
>>> corpus = Corpus(aspects={"damage": aspect}, claims={"c": claim})
>>> value_slugs(claim.value)
'house; power-line'
>>> value_as_written(claim, corpus)
'House;Power line'
>>> value_labels(claim, corpus)
'Residential house, power line'
"""

from __future__ import annotations

from claimgraph.analysis.assess import Assessment
from claimgraph.analysis.link import value_label, written_labels
from claimgraph.model import AspectType, Claim, Corpus, Interval, Stance, Value
from claimgraph.quantities import format_count
from claimgraph.views.escape import one_line

__all__ = ["report_answer", "report_value", "value_as_written", "value_labels", "value_slugs"]


def value_slugs(value: Value) -> str:
    """A value by its ids: a category's slug, a set's slugs (sorted, ``"; "``), a count's words.

    >>> from claimgraph.model import Interval
    >>> value_slugs(frozenset({"shop", "house"})), value_slugs(Interval(3, 5)), value_slugs(None)
    ('house; shop', '3–5', '')
    """
    if isinstance(value, frozenset):
        return "; ".join(sorted(value))
    if isinstance(value, Interval):
        return format_count(value)
    return "" if value is None else str(value)


def value_as_written(claim: Claim, corpus: Corpus) -> str:
    """A claim's value in the words its file gives: set items sorted by slug, ``";"``-joined.

    A slug the file does not spell out, or a value of an unknown aspect, stays the
    slug; free text (aspect type ``text``) is kept as it is.
    """
    value = claim.value
    if value is None:
        return ""
    if isinstance(value, Interval):
        return format_count(value)
    aspect = corpus.aspects.get(claim.aspect)
    written = written_labels(aspect, claim) if aspect else {}
    if isinstance(value, frozenset):
        return ";".join(written.get(v, v) for v in sorted(value))
    return written.get(value, value) if aspect and aspect.type is not AspectType.TEXT else value


def value_labels(claim: Claim, corpus: Corpus) -> str:
    """A claim's value by its aspect's labels (:meth:`~claimgraph.model.Aspect.label_of`),
    set items sorted by slug and ``", "``-joined; a slug of an unknown aspect stays the slug.
    """
    value = claim.value
    aspect = corpus.aspects.get(claim.aspect)
    if value is None:
        return ""
    if isinstance(value, Interval):
        return format_count(value)
    if isinstance(value, frozenset):
        return ", ".join(aspect.label_of(v) if aspect else v for v in sorted(value))
    return aspect.label_of(value) if aspect and aspect.type is not AspectType.TEXT else value


def report_value(claim: Claim, assessment: Assessment) -> str:
    """A claim's answer as a report shows it (unescaped, on one line).

    The labels of its positions (:func:`claimgraph.analysis.link.value_label`:
    declared label, else the words as written, else the slug with spaces),
    ``", "``-joined; a claim without positions shows its value the same way.
    """
    positions = assessment.positions_of(claim.id)
    aspect = assessment.corpus.aspects.get(claim.aspect)
    if positions:
        written = written_labels(aspect, claim) if aspect else {}
        labels = [
            value_label(aspect, p.value, written)
            if aspect and isinstance(p.value, str) and aspect.type is not AspectType.TEXT
            else p.label
            for p in positions
        ]
        return ", ".join(one_line(label) for label in labels)
    value = claim.value
    if value is None:
        return ""
    if isinstance(value, Interval):
        return format_count(value)
    written = written_labels(aspect, claim) if aspect else {}
    if isinstance(value, frozenset):
        return ", ".join(value_label(aspect, v, written) if aspect else v for v in sorted(value))
    if aspect is None or aspect.type is AspectType.TEXT:
        return one_line(value)  # free text is shown as written, hyphens and all
    return one_line(value_label(aspect, value, written))


def report_answer(claim: Claim, assessment: Assessment) -> str:
    """:func:`report_value` with ``not`` before a denial's answer (unescaped)."""
    value = report_value(claim, assessment)
    return f"not {value}" if claim.stance is Stance.DENIES else value
