"""Each area's rules modules are pure: no database, no files, no network, no clock they cannot be handed."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

# The rules of each area (ARCHITECTURE.md: "pure rules stay apart from the use cases").
RULES = {
    "desk": [
        "nik",
        "passport",
        "documents",
        "stay_permits",
        "applicant",
        "stages",
        "application_terms",
    ],
    "queue": ["numbering", "verbs", "workdays", "board", "ticket_rows", "announce"],
    "monev": ["scoring", "codes"],
    "figures": [
        "history_rows",
        "metrics",
        "statistics_model",
        "statistics_periods",
        "activity_model",
        "activity_rules",
    ],
    "admin": ["roles", "backup_schedule"],
    "": ["problems", "text_limits"],
}
# What a rule may import: the standard library's pure parts, the holidays table, other rules, i18n.
ALLOWED_STDLIB = {"__future__", "dataclasses", "datetime", "decimal", "collections", "enum", "functools",
                  "re", "typing", "math", "itertools", "string"}  # fmt: skip
ALLOWED_THIRD_PARTY = {"holidays"}
RULE_MODULES = {f"app.{a}.{m}" if a else f"app.{m}" for a, ms in RULES.items() for m in ms}
ALLOWED_APP = RULE_MODULES | {"app.i18n", "app.vocabulary"}
FORBIDDEN_CALLS = {"open", "exec", "eval", "__import__"}


def _rule_files():
    for area, names in RULES.items():
        for name in names:
            yield pytest.param(APP / area / f"{name}.py", id=f"{area or 'app'}.{name}")


@pytest.mark.parametrize("path", list(_rule_files()))
def test_rules_module_imports_no_database_and_no_io(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in FORBIDDEN_CALLS
        ):
            bad.append(f"line {node.lineno}: calls {node.func.id}()")
            continue
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if name.startswith("app"):
                ok = name in ALLOWED_APP
            else:
                ok = top in ALLOWED_STDLIB or top in ALLOWED_THIRD_PARTY
            if not ok:
                bad.append(f"line {node.lineno}: imports {name}")
    assert not bad, f"{path.relative_to(APP.parent)} is a rules module: " + "; ".join(bad)
