"""The one I/O layer: bounded reads, walks of a claims folder and atomic writes.

Every module outside ``extract/`` reads a file through :mod:`claimgraph.io.files`
(never more than :data:`~claimgraph.io.files.MAX_FILE_BYTES`, never a device or
a pipe), lists claim files with :func:`claimgraph.io.walk.files_under`, and
replaces a file with :func:`claimgraph.io.atomic.atomic_write` (a temporary file
beside it, renamed over it). Parsing lives elsewhere: YAML in
:mod:`claimgraph.yamlsafe` (read) and :mod:`claimgraph.yamlwrite` (write), CSV
and JSON Lines in :mod:`claimgraph.bulk`; the output folder's manifest in
:mod:`claimgraph.output`.
"""
