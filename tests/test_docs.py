"""The README and the manual in docs/: every command is described, the quick start CI relies on,
the generated command reference is current, and every link between the pages resolves."""

import importlib.util
import re
from pathlib import Path

from typer.main import get_command

from aqyl.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
CLI_DOC = ROOT / "docs" / "cli.md"
# The hand-written manual: the README and docs/, but not the reference generated from the commands.
MANUAL = "\n".join([README, *(p.read_text("utf-8") for p in sorted((ROOT / "docs").glob("*.md")) if p != CLI_DOC)])
PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]


def command_paths(command, prefix="aqyl"):
    for name, sub in getattr(command, "commands", {}).items():
        path = f"{prefix} {name}"
        if getattr(sub, "commands", None):
            yield from command_paths(sub, path)
        else:
            yield path


def test_every_cli_command_is_described_in_the_manual():
    paths = list(command_paths(get_command(app)))
    assert "aqyl hei add" in paths and "aqyl demo" in paths
    missing = [p for p in paths if f"`{p}" not in MANUAL]
    assert not missing, missing


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["./scripts/demo.sh", "./scripts/test.sh"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci


def test_readme_is_an_entry_point_that_maps_every_page_of_the_manual():
    assert len(README.splitlines()) <= 250
    section = README.split("## The manual", 1)[1].split("\n## ", 1)[0]
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"](docs/{page.name})" in section, f"docs/{page.name} is not in the README's map of the manual"


def _cli_doc():
    spec = importlib.util.spec_from_file_location("cli_doc", ROOT / "tools" / "cli_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_generated_from_the_commands():
    cli_doc = _cli_doc()
    expected = cli_doc.render()
    assert CLI_DOC.read_text("utf-8") == expected, (
        f"docs/cli.md is not what the commands say; regenerate it: {cli_doc.REGENERATE}")
    for path in command_paths(get_command(app)):
        assert f"\n### `{path}`\n" in expected or f"\n#### `{path}`\n" in expected, path


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *$", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        n = 1
        while (slug if n == 1 else f"{slug}-{n - 1}") in found:
            n += 1
        found.add(slug if n == 1 else f"{slug}-{n - 1}")
    return found


def test_every_link_between_the_pages_resolves():
    broken = []
    for page in PAGES:
        text = page.read_text("utf-8")
        prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
        for target in re.findall(r"\[[^\]]*\]\(([^)\s]+)\)", prose):
            if re.match(r"[a-z]+:", target):  # https:, mailto:: not a file of the repository
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            name = f"{page.relative_to(ROOT)}: ({target})"
            if not file.exists():
                broken.append(f"{name}: no such file")
            elif anchor and file.suffix == ".md" and anchor not in _anchors(file.read_text("utf-8")):
                broken.append(f"{name}: no heading with that anchor")
    assert not broken, "\n".join(broken)
