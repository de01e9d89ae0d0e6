"""Corpus -> linked corpus -> assessment: the analysis stages of the flow.

- :mod:`~claimgraph.analysis.link`: positions under each question and the
  rules that make two of them agree, complement or contradict;
- :mod:`~claimgraph.analysis.echoes`: statements that repeat another's words;
- :mod:`~claimgraph.analysis.linked`: both, once, as a :class:`Linked` corpus;
- :mod:`~claimgraph.analysis.assess`: statuses, figures and track records of a
  linked corpus (never linking again).
"""
