"""The core stays pure: nothing in aqyl.domain imports Django or an adapter."""

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[1] / "src" / "aqyl" / "domain"
FORBIDDEN = ("django", "aqyl.web", "aqyl.store", "aqyl.cli", "aqyl.importers", "aqyl.render", "typer", "rich",
             "polars", "python_calamine", "xlsxwriter")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_imports_no_adapter():
    files = list(DOMAIN.rglob("*.py"))
    assert len(files) > 5
    offending = {
        f"{path.relative_to(DOMAIN)}: {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert not offending, offending


def test_the_check_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from django.db import models\nimport aqyl.store.models\n")
    assert {"django.db", "aqyl.store.models"} <= imported_modules(bad)
