"""The README documents every command and the quick start CI relies on."""

from pathlib import Path

from typer.main import get_command

from aqyl.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def command_paths(command, prefix="aqyl"):
    for name, sub in getattr(command, "commands", {}).items():
        path = f"{prefix} {name}"
        if getattr(sub, "commands", None):
            yield from command_paths(sub, path)
        else:
            yield path


def test_every_cli_command_is_in_the_readme():
    paths = list(command_paths(get_command(app)))
    assert "aqyl hei add" in paths and "aqyl demo" in paths
    missing = [p for p in paths if f"`{p}" not in README]
    assert not missing, missing


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["./scripts/demo.sh", "./scripts/test.sh"]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci
