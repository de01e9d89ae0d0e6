"""Corpus -> linked corpus -> assessment: the analysis stages of the flow.

- :mod:`~claimgraph.analysis.link`: positions under each question and the
  rules that make two of them agree, complement or contradict;
- :mod:`~claimgraph.analysis.echoes`: statements that repeat another's words;
- :mod:`~claimgraph.analysis.linked`: both, once, as a :class:`Linked` corpus;
- :mod:`~claimgraph.analysis.assess`: statuses, figures and track records of a
  linked corpus (never linking again), from its parts: the records
  (:mod:`~claimgraph.analysis.records`), positions, counts, statuses and track
  records (:mod:`~claimgraph.analysis.positions`, :mod:`~claimgraph.analysis.counts`,
  :mod:`~claimgraph.analysis.status`, :mod:`~claimgraph.analysis.track`).
"""
