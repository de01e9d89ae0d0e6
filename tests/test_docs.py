"""The README and the help texts stay true to the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from claimgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: TyperGroup, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, TyperGroup):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(typer.main.get_group(app))


def _setup_block() -> list[str]:
    match = re.search(r"```sh\n(.*?)\n```", README, re.S)
    assert match, "README.md has no ```sh block"
    return match.group(1).splitlines()


def test_readme_opens_with_two_setup_commands() -> None:
    """The first code block is exactly the two commands .ci/run executes."""
    first_block = README.index("```")
    assert README.index("```sh") == first_block
    install_and_run, install_and_test = _setup_block()
    assert install_and_run.startswith("python3 -m venv .venv")
    assert install_and_run.endswith("claimgraph report")
    assert "'.[test]'" in install_and_test
    assert install_and_test.endswith("-m pytest -q")


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci
    # The tests run on exactly what README.md installs; only the steps after them
    # (an older PyYAML, the linters from the dev extra) install anything more.
    tests_run = ci.index('bash -c "${commands[1]}"')
    assert "pip install" not in ci[:tests_run], ".ci/run must install only as README.md says"


def test_every_command_is_found() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"validate", "report", "extract", "convert", "export graph"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 20, f"claimgraph {' '.join(command)} --help says too little"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(command: tuple[str, ...]) -> None:
    assert f"claimgraph {' '.join(command)}" in README


CLI_REFERENCE = ROOT / "docs" / "cli.md"


def test_the_cli_reference_is_generated_from_the_current_help(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/cli.md is every command's --help; the terminal's width does not matter."""
    from claimgraph.cli.reference import reference

    monkeypatch.setenv("COLUMNS", "37")
    assert CLI_REFERENCE.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run `python -m claimgraph.cli.reference docs/cli.md`"
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_cli_reference(command: tuple[str, ...]) -> None:
    assert f"\n## claimgraph {' '.join(command)}\n" in CLI_REFERENCE.read_text(encoding="utf-8")


def test_the_readme_links_the_cli_reference() -> None:
    for anchor in ("", "#claimgraph-report", "#claimgraph-validate", "#claimgraph-extract"):
        assert f"](docs/cli.md{anchor})" in README
