"""The one I/O layer: bounded reads, walks of a claims folder, atomic writes, YAML.

Every module outside ``extract/`` reads a file through :mod:`claimgraph.io.files`
(never more than :data:`~claimgraph.io.files.MAX_FILE_BYTES`, never a device or
a pipe), lists claim files with :func:`claimgraph.io.walk.files_under`, and
replaces a file with :func:`claimgraph.io.atomic.atomic_write` (a temporary file
beside it, renamed over it). YAML is read with limits and places by
:mod:`claimgraph.io.yaml_read` and written by :mod:`claimgraph.io.yaml_write`;
CSV and JSON Lines live in :mod:`claimgraph.bulk`, the output folder's manifest
in :mod:`claimgraph.output`.
"""
