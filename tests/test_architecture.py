"""The layers (CONTRIBUTING.md). From the top: the presenters aqyl.cli and aqyl.web, the use cases
aqyl.app, the adapters aqyl.store, aqyl.importers, aqyl.render and aqyl.analytics, the pure core
aqyl.domain. A module imports its own layer and the layers below, the presenters only aqyl.app and
aqyl.domain, and neither presenter the other. Every import counts, those inside functions too.
Today's exceptions are listed with their reason; an entry no longer needed fails the test, so the
lists only shrink."""

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "aqyl"
DOMAIN = PACKAGE / "domain"
# What aqyl.domain may import besides the standard library and itself (CONTRIBUTING.md): pure
# computation, no I/O framework, each with its reason. Anything else fails; an entry no longer
# imported fails too, so the list only shrinks.
DOMAIN_THIRD_PARTY = {
    "rapidfuzz": "the closest known values of an unknown code or HEI name (classifiers.base, heis)",
    "pycountry": "the ISO 3166 country list the countries classifier starts from",
    "babel": "CLDR country and month names and number formats in kk, ru and en",
    "pymorphy3": "Russian declension of names inside the note's sentences (grammar)",
    "numpy": "the arrays of the disclosure audit, the forecasts and the survey statistics",
    "scipy": "the disclosure audit's linear programmes (HiGHS) and the survey's tests",
    "statsmodels": "the forecasts' ETS and ARIMA models",
    "pandas": "the series statsmodels' ETS model takes and gives back",
}
# The use cases know nothing of the command line or of HTTP.
NOT_IN_APP = ("typer", "rich", "click", "django.http", "django.shortcuts", "django.template", "django.urls",
              "rest_framework")

ADAPTERS = ("aqyl.store", "aqyl.importers", "aqyl.render", "aqyl.analytics")
# What each layer may import. An adapter imports itself, aqyl.config, aqyl.files and aqyl.domain, never another
# adapter: what needs two of them (read, then store; read, then write) is a use case in aqyl.app.
MAY_IMPORT = {
    "aqyl.domain": ("aqyl.domain",),
    # aqyl.config (the settings read from the environment) and aqyl.files (writing a file whole)
    # import only the core: every layer above it may use them.
    "aqyl.config": ("aqyl.config", "aqyl.domain"),
    "aqyl.files": ("aqyl.files", "aqyl.domain"),
    **{adapter: (adapter, "aqyl.config", "aqyl.files", "aqyl.domain") for adapter in ADAPTERS},
    "aqyl.app": ("aqyl.app", *ADAPTERS, "aqyl.config", "aqyl.files", "aqyl.domain"),
    "aqyl.cli": ("aqyl.cli", "aqyl.app", "aqyl.config", "aqyl.domain", "aqyl.files"),  # `aqyl serve` starts Django by name
    "aqyl.web": ("aqyl.web", "aqyl.app", "aqyl.config", "aqyl.domain", "aqyl.files"),
}

# Importer: (why, what it may still import against the rule). An entry no longer needed fails
# the test, so the list only shrinks.
ALLOWED: dict[str, tuple[str, set[str]]] = {
    "aqyl.web.api.serializers": ("REST framework's model serializers describe the stored rows for the schema; "
                                 "they query nothing", {"aqyl.store"}),
    "aqyl.web.audit": ("the audit log's model signals take the user of the request being served", {"aqyl.store"}),
}
# No module (migrations aside) longer than this; today's exceptions, with their reason.
LONGEST = 600
LONG = {
}


def module_name(path: Path, src: Path = SRC) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, src: Path = SRC) -> set[str]:
    """Every module named by an import in the file, relative imports resolved."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module_name(path, src)
                if path.name != "__init__.py":
                    package = package.rpartition(".")[0]
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            if base == "aqyl":  # `from aqyl import store` imports the package aqyl.store
                names |= {f"aqyl.{a.name}" for a in node.names}
    return names


def within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_of(module: str) -> str | None:
    return next((layer for layer in MAY_IMPORT if within(module, (layer,))), None)


def sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def violations(files: list[Path], src: Path = SRC) -> dict[str, set[str]]:
    """Importer → the modules of aqyl it imports against MAY_IMPORT."""
    found: dict[str, set[str]] = {}
    for path in files:
        importer = module_name(path, src)
        layer = layer_of(importer)
        if layer is None:
            continue
        bad = {n for n in imported_modules(path, src)
               if within(n, ("aqyl",)) and n != "aqyl" and not within(n, (*MAY_IMPORT[layer], "aqyl.data"))}
        if bad:
            found[importer] = bad
    return found


def test_layers():
    found = violations(sources())
    new = sorted(f"{a} imports {b}" for a, names in found.items() for b in names - ALLOWED.get(a, ("", set()))[1])
    gone = sorted(f"{a} imports {b}" for a, (_, names) in ALLOWED.items() for b in names - found.get(a, set()))
    assert not new, f"imports against the layers (CONTRIBUTING.md), go through aqyl.app: {new}"
    assert not gone, f"no longer imported: delete from ALLOWED in tests/test_architecture.py: {gone}"


def test_the_layer_check_sees_what_goes_against_the_layers(tmp_path):
    for folder in ("store", "web", "app", "domain"):
        (tmp_path / "aqyl" / folder).mkdir(parents=True)
    (tmp_path / "aqyl" / "store" / "x.py").write_text("def f():\n    from ..web import settings\n")
    (tmp_path / "aqyl" / "web" / "y.py").write_text("from aqyl.cli.main import app\nfrom aqyl.store import x\n"
                                                   "from aqyl import app, domain\n")
    (tmp_path / "aqyl" / "app" / "z.py").write_text("from aqyl.store import models\nfrom . import y\n")
    (tmp_path / "aqyl" / "domain" / "w.py").write_text("from aqyl import render\n")
    (tmp_path / "aqyl" / "render").mkdir()
    (tmp_path / "aqyl" / "render" / "v.py").write_text("from aqyl.files import atomic_path\nfrom aqyl.store import m\n"
                                                      "from ..importers.readers import RawTable\n")
    assert violations(list(tmp_path.rglob("*.py")), tmp_path) == {
        "aqyl.store.x": {"aqyl.web"}, "aqyl.web.y": {"aqyl.cli.main", "aqyl.store"},
        "aqyl.domain.w": {"aqyl.render"}, "aqyl.render.v": {"aqyl.store", "aqyl.importers.readers"}}


def test_use_cases_know_nothing_of_the_command_line_or_http():
    offending = {f"{module_name(p)}: {n}" for p in (PACKAGE / "app").rglob("*.py") for n in imported_modules(p)
                 if within(n, NOT_IN_APP)}
    assert not offending, offending


def test_modules_are_short():
    lengths = {p.relative_to(SRC).as_posix(): len(p.read_text("utf-8").splitlines()) for p in sources()}
    new = sorted(f"{p}: {n} lines" for p, n in lengths.items() if n > LONGEST and p not in LONG)
    gone = sorted(p for p in LONG if lengths.get(p, 0) <= LONGEST)
    assert not new, f"split these modules (at most {LONGEST} lines, CONTRIBUTING.md): {new}"
    assert not gone, f"short enough now: delete from LONG in tests/test_architecture.py: {gone}"


def domain_outsiders(files: list[Path], src: Path = SRC) -> dict[str, set[str]]:
    """Module of aqyl.domain → the top-level packages it imports that are neither the standard
    library nor aqyl.domain (aqyl.data: the package's data files)."""
    found: dict[str, set[str]] = {}
    for path in files:
        names = {n for n in imported_modules(path, src) if not within(n, ("aqyl.domain", "aqyl.data", "__future__"))
                 and n.split(".")[0] not in sys.stdlib_module_names}
        if names:
            found[module_name(path, src)] = {n if within(n, ("aqyl",)) else n.split(".")[0] for n in names}
    return found


def test_domain_imports_the_standard_library_and_its_list_only():
    files = list(DOMAIN.rglob("*.py"))
    assert len(files) > 5
    found = domain_outsiders(files)
    used = set().union(*found.values())
    new = sorted(f"{m} imports {n}" for m, names in found.items() for n in names - set(DOMAIN_THIRD_PARTY))
    gone = sorted(set(DOMAIN_THIRD_PARTY) - used)
    assert not new, f"aqyl.domain imports only the standard library and DOMAIN_THIRD_PARTY (CONTRIBUTING.md): {new}"
    assert not gone, f"no longer imported by aqyl.domain: delete from DOMAIN_THIRD_PARTY (and CONTRIBUTING.md): {gone}"


def test_the_domain_check_sees_an_outsider(tmp_path):
    (tmp_path / "aqyl" / "domain").mkdir(parents=True)
    (tmp_path / "aqyl" / "domain" / "v.py").write_text(
        "import json\nimport numpy.linalg\nfrom django.db import models\nfrom aqyl.store import x\n"
        "from . import w\n\ndef f():\n    import polars\n")
    assert domain_outsiders(list(tmp_path.rglob("*.py")), tmp_path) == {
        "aqyl.domain.v": {"numpy", "django", "aqyl.store", "polars"}}


def test_the_check_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from django.db import models\nimport aqyl.store.models\n")
    assert {"django.db", "aqyl.store.models"} <= imported_modules(bad)


# The presenters hold no ORM queries; these query third-party models of the web's own concerns.
QUERIES_ALLOWED = {
    "aqyl/web/accounts.py": "the account page's API token (REST framework's Token)",
    "aqyl/web/api/token.py": "the token endpoint issues and revokes REST framework's Token",
    "aqyl/web/account.py": "the second factor's devices (django-otp's TOTPDevice)",
    "aqyl/web/ratelimit.py": "sign-in attempts counted by django-axes",
    "aqyl/web/views/errors.py": "the health probe asks the database to answer",
    "aqyl/web/audit.py": "the audit log's model signals (see ALLOWED)",
}


def queries(path: Path) -> bool:
    """Whether the module touches a model manager (``X.objects``) or opens a database cursor."""
    return any(isinstance(node, ast.Attribute) and node.attr in ("objects", "cursor")
               for node in ast.walk(ast.parse(path.read_text("utf-8"))))


def test_the_command_line_and_the_pages_hold_no_queries():
    files = [p for folder in ("cli", "web") for p in (PACKAGE / folder).rglob("*.py") if "migrations" not in p.parts]
    found = {p.relative_to(SRC).as_posix() for p in files if queries(p)}
    assert sorted(found - set(QUERIES_ALLOWED)) == [], "move the query into aqyl.app"
    assert sorted(set(QUERIES_ALLOWED) - found) == [], "no longer queries: delete from QUERIES_ALLOWED"


def test_the_query_check_sees_a_query(tmp_path):
    bad = tmp_path / "v.py"
    bad.write_text("def f(m):\n    return m.Hei.objects.filter(code='X')\n")
    assert queries(bad) and not queries(Path(__file__).with_name("conftest.py"))


# A use case returns a dataclass (or plain values), not a QuerySet or a stored row: what the
# presenters get cannot query the database behind the use case's back. Today's exceptions, each
# with its reason; the list only shrinks.
RETURNS_ALLOWED = {
    "aqyl.app.access.scope": "narrows a presenter's QuerySet (the records page pages it by key)",
    "aqyl.app.access.records": "the records page and API page it by key, lazily (a million rows)",
    "aqyl.app.access.submissions": "the submissions page and API page it (REST framework's pagination)",
    "aqyl.app.access.heis": "views fetch one by code from it (get_object_or_404) and fill choices",
    "aqyl.app.records.filtered": "the records page's keyset pagination over a million rows",
    "aqyl.app.records.by_key": "the API's cursor pages",
    "aqyl.app.records.all_records": "narrowed by aqyl.app.access.records",
    "aqyl.app.records.all_submissions": "narrowed by aqyl.app.access.submissions",
    "aqyl.app.records.heis": "narrowed by aqyl.app.access.heis",
    "aqyl.app.cycle.current": "the submission page reads its stored row and its reviews",
    "aqyl.app.cycle.versions": "the submission page and API list the stored versions",
    "aqyl.app.cycle.reviews": "the submission page lists the stored reviews",
    "aqyl.app.cycle.version": "the submission page shows one stored version",
    "aqyl.app.cycle.listed": "the API's submissions, paged by REST framework",
    "aqyl.app.opendata.public_releases": "the public pages fetch a release by id from it (get_object_or_404)",
    "aqyl.app.opendata.recent_releases": "the publishing page lists the stored releases",
    "aqyl.app.opendata.publish_release": "the publishing page shows the stored release it made",
    "aqyl.app.interviews.code_passage": "the interview page shows the stored segment",
    "aqyl.app.jobs.find": "the research pages poll the stored run",
    "aqyl.app.jobs.start": "the research pages redirect to the stored run",
    "aqyl.app.release.publish": "aqyl.app.opendata reads the stored release it made (its id, its files)",
    "aqyl.app.research.run_of": "the research pages read the stored run",
    "aqyl.app.research.interviews": "the interviews page lists the stored interviews",
    "aqyl.app.research.interview": "the interview page shows the stored interview",
    "aqyl.app.research.segments": "the interview page lists the stored segments",
    "aqyl.app.submissions.history": "compare() reads each version's stored rows",
    "aqyl.app.submissions.hei_row": "versions_of and check_new_user read the stored HEI a user names",
}


def stored_returns(files: list[Path], src: Path = SRC) -> set[str]:
    """The public functions of these modules whose return annotation names a QuerySet or a model
    of aqyl.store.models."""
    found = set()
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        aliases, models = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "aqyl.store":
                aliases |= {a.asname or a.name for a in node.names if a.name == "models"}
            elif isinstance(node, ast.ImportFrom) and node.module == "aqyl.store.models":
                models |= {a.asname or a.name for a in node.names}
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name.startswith("_") or not node.returns:
                continue
            returns = node.returns
            if isinstance(returns, ast.Constant) and isinstance(returns.value, str):
                returns = ast.parse(returns.value, mode="eval").body
            for part in ast.walk(returns):
                name = part.id if isinstance(part, ast.Name) else part.attr if isinstance(part, ast.Attribute) else ""
                stored = (name in ("QuerySet", "Model") or (isinstance(part, ast.Name) and name in models)
                          or (isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
                              and part.value.id in aliases))
                if stored:
                    found.add(f"{module_name(path, src)}.{node.name}")
    return found


def test_use_cases_return_dataclasses_not_stored_rows():
    found = stored_returns(list((PACKAGE / "app").rglob("*.py")))
    assert sorted(found - set(RETURNS_ALLOWED)) == [], "return a dataclass (CONTRIBUTING.md), not a QuerySet or a model"
    assert sorted(set(RETURNS_ALLOWED) - found) == [], "returns a dataclass now: delete from RETURNS_ALLOWED"


def test_the_return_check_sees_a_stored_row(tmp_path):
    (tmp_path / "aqyl" / "app").mkdir(parents=True)
    (tmp_path / "aqyl" / "app" / "u.py").write_text(
        "from django.db.models import QuerySet\nfrom aqyl.store import models as m\n"
        "from aqyl.store.models import Hei\n\n"
        "def a() -> QuerySet: ...\ndef b() -> list[m.Submission]: ...\ndef c() -> 'Hei | None': ...\n"
        "def d() -> dict[str, int]: ...\ndef _e() -> QuerySet: ...\n")
    assert stored_returns(list(tmp_path.rglob("*.py")), tmp_path) == {"aqyl.app.u.a", "aqyl.app.u.b", "aqyl.app.u.c"}


# Aqyl's settings are read from the environment in aqyl.config, Django's own in aqyl.web.settings;
# anywhere else, today's exceptions with their reason (the list only shrinks).
ENVIRONMENT_ALLOWED = {
    "aqyl.domain.organisation": "the core imports no aqyl.config: it reads AQYL_ORGANISATION_FILE itself",
    "aqyl.store.bootstrap": "names Django's settings module before starting Django",
    "aqyl.web.wsgi": "names Django's settings module for the WSGI server",
    "aqyl.app.demo": "points the demo at its own database before Django starts",
    "aqyl.store.backup": "hands the environment, with the password, to pg_dump",
}


def reads_environment(path: Path) -> bool:
    """Whether the module touches ``os.environ`` or calls ``os.getenv``."""
    return any(isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
               and isinstance(node.value, ast.Name) and node.value.id == "os"
               for node in ast.walk(ast.parse(path.read_text("utf-8"))))


def test_settings_are_read_from_the_environment_in_aqyl_config():
    found = {module_name(p) for p in sources() if reads_environment(p)} - {"aqyl.config", "aqyl.web.settings"}
    assert sorted(found - set(ENVIRONMENT_ALLOWED)) == [], "read the variable in aqyl.config (CONTRIBUTING.md)"
    assert sorted(set(ENVIRONMENT_ALLOWED) - found) == [], "no longer reads the environment: delete from ENVIRONMENT_ALLOWED"


def test_the_environment_check_sees_a_read(tmp_path):
    (tmp_path / "a.py").write_text("import os\n\ndef f():\n    return os.environ.get('AQYL_X')\n")
    (tmp_path / "b.py").write_text("import os\n\ndef f():\n    return os.getenv('AQYL_X')\n")
    (tmp_path / "c.py").write_text("from aqyl.config import data_dir\n")
    assert [reads_environment(tmp_path / n) for n in ("a.py", "b.py", "c.py")] == [True, True, False]
