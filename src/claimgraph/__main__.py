"""``python -m claimgraph``."""

from claimgraph.cli import main

main()
