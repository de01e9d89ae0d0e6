"""The ``claimgraph`` command line: parses arguments and calls the library.

Each command family lives in its own module with a ``register(app)``
function; this module only composes them.
"""

from __future__ import annotations

import typer

from claimgraph.cli import common

app = typer.Typer(
    name="claimgraph",
    help=(
        "Claim-versus-counterclaim fact tracking: load claims attributed to parties, "
        "link them per event, and show who contradicts and who corroborates whom."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.callback()(common.app_options)

for _module in common.command_modules():
    _module.register(app)
app.add_typer(common.export_app)


def main() -> None:
    """Entry point of the console script."""
    common.run(app)


__all__ = ["app", "main"]
