"""The code's layout (issue 12), enforced: a newcomer can trust the folder names.

Imports go down the pipeline only: entry ← aggregate ← drill ← render ← share ←
(plugin, export) ← cli, with settings and config at the bottom and edit (the commands
that write entries) above entry alone. No import cycle between modules; no import inside
a function unless the line above it (or its own line) says it is lazy; at most six
modules at the top of the package; none over 450 lines. The same checks run on a small
package with one planted violation each, so that each check is seen to fail.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 450
MAX_TOP_MODULES = 6

_BOTTOM = {"settings", "config"}
_READ = _BOTTOM | {"entry"}
_AGGREGATED = _READ | {"aggregate", "drill"}
_RENDERED = _AGGREGATED | {"render"}
_SHARED = _RENDERED | {"share"}
# What each room of the package may import, besides itself.
ALLOWED: dict[str, set[str]] = {
    "settings": set(),
    "config": {"settings"},
    "entry": _BOTTOM,
    "edit": _READ,
    "aggregate": _READ,
    "drill": _READ | {"aggregate"},  # a card's back: the lessons about its weak spot
    "render": _AGGREGATED,
    "share": _RENDERED,
    "plugin": _SHARED,
    "export": _SHARED,
    "cli": _SHARED | {"plugin", "export", "edit"},
}


def _modules(package: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (`generator.entry.read`)."""
    found: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _room(module: str) -> str:
    """`generator.entry.read` → `entry`; `generator.aggregate` → `aggregate`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _is_lazy(lines: list[str], node: ast.stmt) -> bool:
    """Marked lazy: a comment saying so on the import's first line, or on the comment lines
    right above the block of imports it belongs to."""
    if "lazy" in lines[node.lineno - 1].partition("#")[2].lower():
        return True
    above = node.lineno - 2
    while above >= 0:
        text = lines[above].strip()
        if text.startswith("#"):
            if "lazy" in text.lower():
                return True
            above -= 1
        elif text.startswith(("from ", "import ")) or text in (")", "") or text.endswith(","):
            above -= 1  # another import of the same block (or one of its lines)
        else:
            return False
    return False


def _imports(module: str, path: Path, modules: dict[str, Path]) -> list[_Import]:
    """Every import statement of a module, with the package's own modules it names."""
    package = module.split(".")[0]
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside |= {id(sub) for sub in ast.walk(node) if sub is not node}
    found: list[_Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names = [f"{package}.<relative import>"]
            else:
                subs = [f"{node.module}.{alias.name}" for alias in node.names]
                names = [s for s in subs if s in modules] or [str(node.module)]
        else:
            continue
        own = [n for n in names if n == package or n.startswith(package + ".")]
        in_function = id(node) in inside
        found.append(_Import(own, node.lineno, in_function, in_function and _is_lazy(lines, node)))
    return found


@dataclass(frozen=True)
class _Import:
    modules: list[str]  # the package's own modules it imports; [] for a library
    line: int
    in_function: bool
    lazy: bool


def layout_problems(package: Path) -> list[str]:
    """Every way the package at `package` breaks the layout, one line each."""
    modules = _modules(package)
    problems: list[str] = []
    top = [p.name for p in package.glob("*.py") if p.name != "__init__.py"]
    if len(top) > MAX_TOP_MODULES:
        problems.append(f"{len(top)} modules at the top of {package.name}/: {sorted(top)}")
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for module, path in modules.items():
        where = path.relative_to(package.parent).as_posix()
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_LINES:
            problems.append(f"{where}: {count} lines, over {MAX_LINES}")
        room = _room(module)
        if room and room not in ALLOWED:
            problems.append(f"{where}: '{room}' is no room of the layout")
            continue
        for found in _imports(module, path, modules):
            line = found.line
            if found.in_function and not found.lazy:
                what = ", ".join(found.modules) or "a library"
                problems.append(f"{where}:{line}: {what} imported inside a function, not lazy")
            for imported in found.modules:
                if imported.endswith("<relative import>"):
                    problems.append(f"{where}:{line}: a relative import")
                    continue
                target = _room(imported)
                if target and target != room and target not in ALLOWED.get(room, set()):
                    problems.append(f"{where}:{line}: {room} imports {imported}, up the pipeline")
                if imported in graph and imported != module and not found.in_function:
                    graph[module].add(imported)
    problems += [f"import cycle: {' -> '.join(cycle)}" for cycle in _cycles(graph)]
    return problems


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each group of modules that import one another at module level.

    A package's `__init__` is left out: importing `a.b` runs `a/__init__`, which is not
    an edge of the graph unless `a/__init__` itself imports something."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for child in sorted(graph[node]):
            if state.get(child) == 1:
                found.append([*path[path.index(child) :], child])
            elif child not in state:
                visit(child)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_generator_package_keeps_its_layout() -> None:
    assert layout_problems(ROOT / "generator") == []


# -- each check fails on a planted violation -----------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "generator"
    base = {
        "__init__.py": "",
        "settings.py": "X = 1\n",
        "entry/__init__.py": "",
        "entry/read.py": "from generator.settings import X\n",
        "render/__init__.py": "",
        "render/pages.py": "from generator.entry.read import X\n",
        "cli/__init__.py": "",
        "cli/main.py": (
            "def main() -> None:\n"
            "    # lazy: --help imports nothing heavy\n"
            "    from generator.render.pages import X\n"
            "    import json\n"
        ),
    }
    for name, text in {**base, **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_a_package_that_keeps_the_layout_has_no_problem(tmp_path: Path) -> None:
    assert layout_problems(_package(tmp_path, {})) == []


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (
            {"entry/read.py": "from generator.render.pages import X\n"},
            "generator/entry/read.py:1: entry imports generator.render.pages, up the pipeline",
        ),
        (
            {"render/pages.py": "def f() -> None:\n    from generator.cli.main import main\n"},
            "generator/render/pages.py:2: render imports generator.cli.main, up the pipeline",
        ),
        (
            {"render/pages.py": "def f() -> None:\n    import json\n"},
            "generator/render/pages.py:2: a library imported inside a function, not lazy",
        ),
        (
            {"render/pages.py": "from .charts import X\n"},
            "generator/render/pages.py:1: a relative import",
        ),
        (
            {"render/pages.py": "X = 1\n" * 451},
            "generator/render/pages.py: 451 lines, over 450",
        ),
        (
            {"gadgets/__init__.py": ""},
            "generator/gadgets/__init__.py: 'gadgets' is no room of the layout",
        ),
        (
            {
                "render/charts.py": "from generator.render.pages import X\n",
                "render/pages.py": "from generator.render.charts import X\n",
            },
            "import cycle: generator.render.charts -> generator.render.pages"
            " -> generator.render.charts",
        ),
        (
            {f"{name}.py": "" for name in ("a", "b", "c", "d", "e", "f")},
            "7 modules at the top of generator/: "
            "['a.py', 'b.py', 'c.py', 'd.py', 'e.py', 'f.py', 'settings.py']",
        ),
    ],
    ids=[
        "upward",
        "upward-in-function",
        "unmarked-lazy",
        "relative",
        "long",
        "room",
        "cycle",
        "top",
    ],
)
def test_each_check_fails_on_a_planted_violation(
    tmp_path: Path, files: dict[str, str], problem: str
) -> None:
    problems = layout_problems(_package(tmp_path, files))
    assert problem in problems
