"""The one catalogue of wording (aqyl.domain.wording): every key used is defined, every key defined
is used, each key has the same {fields} and a text in kk, ru and en, and no key is built at run time.

The source is read, not run: every lookup (``render(...)``, ``ui(...)``, ``messages.render(...)``
under whatever name the module imported them), every ``AqylError("key", ...)`` and
``Problem(row, column, value, "key", ...)``, and every ``{% t "key" %}`` of the templates.
"""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from pathlib import Path

import aqyl
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.wording.catalogue import CATALOGUE, ORIGIN

SRC = Path(aqyl.__file__).parent
WORDING = SRC / "domain" / "wording"
LOOKUP_MODULES = {"aqyl.domain.wording.messages": {"render"}, "aqyl.domain.wording.interface": {"ui"},
                  "aqyl.domain.wording.catalogue": {"label", "filled"}, "aqyl.domain.wording.commands": {"say"}}
LOOKUPS = {"render", "ui", "label", "filled", "say"}
TEMPLATE_KEY = re.compile(r"""\{%\s*t\s+["']([^"']+)["']""")
TEMPLATE_ANY = re.compile(r"\{%\s*t\s+(\S+)")

# Key arguments that are not literals ("file: expression"), and why each is legitimate. Keep it
# small: a key chosen by data goes through a literal mapping ({"queued": "stage_queued", ...}) or
# a conditional between literals, which the scan follows by itself.
ALLOWED = {
    # An error carries its key, checked where the error is raised (AqylError("key", ...) is scanned).
    "domain/errors.py: self.key": "AqylError.message renders the key it was raised with",
    "app/system.py: self.key": "CommandError.message, the same for the command line's words",
    "cli/submissions.py: key": "a loop over the literal keys added, removed and changed",
    "domain/migration/emigration.py: error['key']": "a stored job's error: the key of the AqylError it caught",
    "app/surveys.py: error.key": "an AqylError caught while reading becomes the report's problem",
    "app/interviews.py: error.key": "the same",
    "app/imports.py: error.key": "the same (checked_or_refused: an unreadable file or a database fault)",
    # A finding or problem carries its key, scanned where it is made (Finding("key"), Problem(..., "key")).
    "domain/intake/problems.py: self.type": "a Problem's type is its message's key",
    "importers/validate.py: finding.key": "a Finding's key becomes its Problem's type",
    "domain/hei_file.py: self.key": "a registry file's RowProblem carries the literal key it was made with",
    "domain/intake/values.py: e.key": "an AqylError of a classifier becomes a Finding",
    "domain/intake/values.py: key": "_whole_number's caller names bad_year or bad_count",
    "files.py: key": "reading() keeps the literal key of the refusal (output_is_input or output_is_database)",
    "importers/survey.py: problem[0]": "_read_cell returns (literal key, params)",
    "importers/readers.py: key": "UnreadableFile passes on its key: UnreadableFile(\"key\") is scanned",
    "store/faults.py: key": "_key(e) returns one of the database faults' literal keys",
    "store/admin.py: key": "_word's callers name literal keys",
    "web/views/submission.py: STATUS_WORD[r.decision]": "board.STATUS_WORD, a literal map of the board's module",
    # The template tag {% t "key" %}: the templates' keys are scanned in the templates.
    "web/templatetags/aqyl_ui.py: key": "the tag's argument, scanned in the templates",
}
# Not yet as it should be, in files of other owners (issue 16): the lead applies the change listed
# in the wording report when merging, then deletes the line here. Run-time keys, with the keys
# they produce (counted as used meanwhile).
PENDING = {
    "web/views/errors.py: key": (),  # _error(request, "key", status): a helper whose callers name literal keys
    "web/views/records.py: word": (),  # ui(word, lang) over literal tuples of keys
    "web/views/dashboard.py: k": (),  # {k: ui(k, lang) for k in (literal keys)}
    "web/views/board.py: word": (),
    "web/views/migration.py: k": (),
}
# Keys added for call sites in files of other owners that still hold their own text: the words of
# importers/readers.py's reasons, importers/{template,errors_xlsx,questionnaire}.py and
# store/record_list.py (documents.py), by prefix, and single keys.
# The open-data pages read the words of wording.web.OPEN_DATA as ``w.<key without opendata_>``.
PENDING_PREFIXES: tuple[str, ...] = ("opendata_",)
PENDING_KEYS: set[str] = set()


@dataclass(frozen=True)
class Use:
    where: str
    line: int
    keys: tuple[str, ...] | None  # None: not a literal
    source: str
    fields: frozenset[str] | None = None  # keywords given, when known


def _error_classes(trees: dict[Path, ast.Module]) -> tuple[set[str], set[str]]:
    """AqylError and its subclasses: all of them, and those whose first argument is the key."""
    bases: dict[str, tuple[set[str], bool]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                init = [f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
                # An __init__ of its own takes the key first when its first parameter is named key.
                own_init = bool(init) and [a.arg for a in init[0].args.args[1:2]] != ["key"]
                bases[node.name] = (names, own_init)
    errors, keyed = {"AqylError"}, {"AqylError"}
    changed = True
    while changed:
        changed = False
        for name, (parents, own_init) in bases.items():
            if name not in errors and parents & errors:
                errors.add(name)
                if not own_init and parents & keyed:
                    keyed.add(name)
                changed = True
    return errors, keyed


def _literal_maps(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """Module-level dicts whose values are all string literals: a key chosen by data through them."""
    maps = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict):
            values = node.value.values
            if values and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in values):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        maps[target.id] = tuple(v.value for v in values)
    return maps


def _keys(node: ast.expr, maps: dict[str, tuple[str, ...]], scope: ast.AST | None = None) -> tuple[str, ...] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.Name) and scope is not None:
        # A local name every assignment of which (in the enclosing function) is a literal key.
        found = [_keys(a.value, maps) for a in ast.walk(scope) if isinstance(a, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
        return tuple(k for keys in found for k in keys) if found and None not in found else None
    if isinstance(node, ast.IfExp):
        a, b = _keys(node.body, maps), _keys(node.orelse, maps)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in maps:
        return maps[node.value.id]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
            and isinstance(node.func.value, ast.Name) and node.func.value.id in maps):
        default = _keys(node.args[1], maps) if len(node.args) > 1 else ()
        return None if default is None else maps[node.func.value.id] + default
    return None


def _fields(call: ast.Call, skip: int) -> frozenset[str] | None:
    if any(k.arg is None for k in call.keywords) or len(call.args) > skip:
        return None  # **params: not known here
    return frozenset(k.arg for k in call.keywords)


def scan() -> list[Use]:
    trees = {p: ast.parse(p.read_text(), str(p)) for p in sorted(SRC.rglob("*.py"))}
    errors, keyed = _error_classes(trees)
    uses: list[Use] = []
    for path, tree in trees.items():
        where = str(path.relative_to(SRC))
        maps = _literal_maps(tree)
        scopes = {}  # each call's innermost enclosing function
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                scopes |= {id(n): function for n in ast.walk(function) if isinstance(n, ast.Call)}
        functions, modules = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in LOOKUP_MODULES:
                functions |= {a.asname or a.name for a in node.names if a.name in LOOKUP_MODULES[node.module]}
            elif isinstance(node, ast.ImportFrom) and node.module == "aqyl.domain.wording":
                modules |= {a.asname or a.name for a in node.names if f"{node.module}.{a.name}" in LOOKUP_MODULES}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            lookup = (isinstance(func, ast.Name) and name in functions) or (
                isinstance(func, ast.Attribute) and name in LOOKUPS
                and isinstance(func.value, ast.Name) and func.value.id in modules)
            if lookup and node.args:
                # label(key) gives the three texts: its fields are filled later.
                arg, fields = node.args[0], None if name == "label" else _fields(node, 1 if name == "filled" else 2)
            elif name in keyed and node.args:
                arg, fields = node.args[0], _fields(node, 1)
            elif name == "Finding" and node.args:
                arg, fields = node.args[0], None  # its params are a dict
            elif name == "__init__" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call) \
                    and getattr(func.value.func, "id", "") == "super" and node.args and _in_error(tree, node, errors):
                arg, fields = node.args[0], _fields(node, 1)
            elif name == "Problem":
                given = [k.value for k in node.keywords if k.arg == "type"] or node.args[3:4]
                if not given:
                    continue
                arg, fields = given[0], None
            else:
                continue
            if isinstance(arg, ast.Constant) and arg.value is None:
                continue  # AqylError(None): the class's own key
            uses.append(Use(where, node.lineno, _keys(arg, maps, scopes.get(id(node))), ast.unparse(arg), fields))
        # An error class's own key (``key = "..."``), raised as SomeError(None, ...).
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases} & errors:
                for item in node.body:
                    if (isinstance(item, ast.Assign) and [getattr(t, "id", "") for t in item.targets] == ["key"]
                            and isinstance(item.value, ast.Constant)):
                        uses.append(Use(where, item.lineno, (item.value.value,), ast.unparse(item.value)))
    for template in sorted((SRC / "web" / "templates").rglob("*.html")):
        text = template.read_text()
        for n, line in enumerate(text.splitlines(), 1):
            for key in TEMPLATE_KEY.findall(line):
                uses.append(Use(str(template.relative_to(SRC)), n, (key,), key))
            for arg in TEMPLATE_ANY.findall(line):
                if arg[0] not in "\"'":
                    uses.append(Use(str(template.relative_to(SRC)), n, None, arg))
    return uses


def _in_error(tree: ast.Module, call: ast.Call, errors: set[str]) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(n is call for n in ast.walk(node)):
            return bool({getattr(b, "id", getattr(b, "attr", "")) for b in node.bases} & errors)
    return False


USES = scan()


def indirectly_used() -> set[str]:
    """Keys reached through a site that is not a literal lookup (ALLOWED, PENDING: a helper whose
    callers name the key, a Problem's type, a literal map): the keys written as literals in the
    file of such a site. A key that is only a string somewhere else does not count as used."""
    files = {u.where for u in USES if u.keys is None and not u.where.endswith(".html")}
    keys = set()
    for where in files:
        tree = ast.parse((SRC / where).read_text())
        keys |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in CATALOGUE}
    return keys

# Run-time keys built outside a lookup call (the scan cannot see them as uses).
_PENDING_UNSEEN: set[str] = set()


def _placeholders(text: str) -> frozenset[str]:
    return frozenset(name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name)


def test_the_scan_finds_the_lookups():
    # A scan that found nothing would pass everything below.
    assert len(USES) > 500
    assert {u.source for u in USES} >= {"'file_empty'", "'bad_period'", "upload"}


def test_every_key_used_is_defined():
    missing = [f"{u.where}:{u.line}: {key}" for u in USES for key in u.keys or () if key not in CATALOGUE]
    assert missing == []


def test_the_allowed_exceptions_still_exist():
    seen = {f"{u.where}: {u.source}" for u in USES if u.keys is None}
    assert sorted(set(ALLOWED) - seen) == [] and sorted(set(PENDING) - seen - _PENDING_UNSEEN) == []


def test_no_key_is_built_at_run_time():
    built = [f"{u.where}:{u.line}: {u.source}" for u in USES
             if u.keys is None and f"{u.where}: {u.source}" not in {**ALLOWED, **PENDING}]
    assert built == []


def test_every_key_defined_is_used():
    used = {key for u in USES for key in u.keys or ()} | indirectly_used()
    used |= {key for keys in PENDING.values() for key in keys} | PENDING_KEYS
    used |= {key for key in CATALOGUE if key.startswith(PENDING_PREFIXES)}
    unused = sorted(f"{ORIGIN[key]}: {key}" for key in CATALOGUE if key not in used)
    assert unused == []


def test_every_language_has_a_text_and_the_same_fields():
    wrong = []
    for key, label in CATALOGUE.items():
        texts = {lang: getattr(label, lang) for lang in LANGUAGES}
        fields = {lang: _placeholders(text) for lang, text in texts.items()}
        if not all(t.strip() for t in texts.values()) or len(set(fields.values())) != 1:
            wrong.append(f"{ORIGIN[key]}: {key} {fields}")
    assert wrong == []


def test_each_literal_lookup_fills_its_fields():
    # A field left out raises (render) or shows as "{n}" (ui); one more is ignored, as a literal
    # mapping may pass the same fields to all its keys.
    wrong = []
    for u in USES:
        if u.keys and u.fields is not None and u.where.endswith(".py"):
            for key in u.keys:
                needed = _placeholders(CATALOGUE[key].en) if key in CATALOGUE else frozenset()
                if not needed <= u.fields:
                    wrong.append(f"{u.where}:{u.line}: {key} needs {sorted(needed)}, given {sorted(u.fields)}")
    assert wrong == []


def test_a_key_defined_twice_is_refused():
    from aqyl.domain.i18n import Label
    from aqyl.domain.wording.catalogue import register

    try:
        register("tests.elsewhere", {"file_empty": Label("a", "b", "c")})
    except ValueError as refused:
        assert str(refused) == ("wording key 'file_empty' of tests.elsewhere is already defined in "
                                "aqyl.domain.wording.messages")
    else:
        raise AssertionError("a duplicate key was accepted")
