"""One exception hierarchy for the library; the CLI turns each into a message and an exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.problems import Report


class ClaimgraphError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InvalidInput(ClaimgraphError):
    """The input could not be used; ``report`` lists every problem found."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(f"{len(report.errors)} problem(s) in the input")


class UsageError(ClaimgraphError):
    """The command was called wrongly (an unknown event id, a bad option value)."""

    exit_code = 2


class OutputError(ClaimgraphError):
    """An output could not be written safely.

    Writing would overwrite a person's file, or escape the output folder.
    """


class LimitExceeded(ClaimgraphError):
    """An input exceeds a documented limit (file size, YAML aliases, nesting)."""
