"""The apps depend on each other one way only, and the foundations depend on no feature.

Every import in src/coplan counts, at the top of a module or inside a function: an import
hidden in a function is still a dependency. An app that needs to add to something a
lower app owns (demo data, the project menu, "Needs attention", everything held about a
person, erasure) registers it from its `contributions.py` instead of being imported.
"""

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "coplan"
APPS = sorted(path.name for path in SRC.iterdir() if (path / "__init__.py").exists())

# The apps everything else is built on; every other app (whatever apps exist) is a feature.
FOUNDATIONS = {"core", "language", "accounts", "organisations", "projects", "people"}
# Pure engines: no Django and no app but the language engine.
PURE = {"language": SRC / "language", "the guides engine": SRC / "guides" / "engine"}


def _module_parts(path: Path) -> list[str]:
    parts = ["coplan", *path.relative_to(SRC).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module `path` imports, absolute, with its line."""
    package = _module_parts(path)
    if path.name != "__init__.py":
        package = package[:-1]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: list[str]) -> list[tuple[str, int]]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((module, node.lineno))
            # `from coplan import payments` imports the app itself
            found.extend((f"{module}.{alias.name}", node.lineno) for alias in node.names)
    return found


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 1 and parts[0] == "coplan" and parts[1] in APPS:
        return parts[1]
    return None


def _app_graph() -> dict[str, dict[str, list[str]]]:
    """app -> app it imports -> where (file:line)."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(SRC.rglob("*.py")):
        app = _app_of(".".join(_module_parts(path)))
        if app is None:
            continue
        for module, line in _imports(path):
            other = _app_of(module)
            if other and other != app:
                where = f"{path.relative_to(SRC.parent)}:{line}"
                if where not in graph[app][other]:
                    graph[app][other].append(where)
    return graph


def _cycle(graph) -> list[str] | None:
    """A cycle of apps (first app repeated at the end), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(app: str) -> list[str] | None:
        state[app] = "open"
        stack.append(app)
        for other in sorted(graph.get(app, {})):
            if state.get(other) == "open":
                return [*stack[stack.index(other) :], other]
            if other not in state and (found := visit(other)):
                return found
        stack.pop()
        state[app] = "done"
        return None

    for app in sorted(set(APPS) | set(graph)):
        if app not in state and (found := visit(app)):
            return found
    return None


def _describe(graph, cycle: list[str]) -> str:
    return "\n".join(
        f"  {app} -> {other}: {', '.join(graph[app][other][:3])}" for app, other in pairwise(cycle)
    )


def test_app_graph_finds_a_cycle_when_there_is_one():
    graph = {"a": {"b": ["a.py:1"]}, "b": {"c": ["b.py:1"]}, "c": {"a": ["c.py:1"]}}
    assert _cycle(graph) in (["a", "b", "c", "a"], ["b", "c", "a", "b"], ["c", "a", "b", "c"])
    assert _cycle({"a": {"b": ["a.py:1"]}, "b": {}}) is None


def test_imports_inside_functions_and_relative_imports_count():
    source = (
        "from . import rules\n"
        "from ..payments.selectors import late_claim_count\n"
        "def f():\n"
        "    from coplan import feedback\n"
    )
    found = {module for module, _ in _imports_in(source, ["coplan", "projects"])}
    assert {"coplan.projects.rules", "coplan.payments.selectors", "coplan.feedback"} <= found


def test_apps_import_each_other_one_way_only():
    graph = _app_graph()
    cycle = _cycle(graph)
    assert cycle is None, "Apps import each other in a circle:\n" + _describe(graph, cycle)


def test_foundations_import_no_feature_app():
    graph = _app_graph()
    features = set(APPS) - FOUNDATIONS
    wrong = {
        app: {other: where for other, where in graph[app].items() if other in features}
        for app in FOUNDATIONS
    }
    wrong = {app: found for app, found in wrong.items() if found}
    assert not wrong, f"A foundation imports a feature app (register it instead): {wrong}"


def test_core_imports_no_other_app():
    assert dict(_app_graph().get("core", {})) == {}


def test_pure_engines_import_no_django_and_no_app():
    wrong = []
    for name, folder in PURE.items():
        for path in folder.rglob("*.py"):
            for module, line in _imports(path):
                own = module.startswith(".".join(_module_parts(folder)))
                if module.split(".")[0] == "django" or (
                    _app_of(module) and not own and _app_of(module) != "language"
                ):
                    wrong.append(f"{name}: {path.relative_to(SRC.parent)}:{line} {module}")
    assert not wrong, "\n".join(wrong)
