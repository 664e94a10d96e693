"""The package's own import graph: cycles (used by tests/test_import_cycles.py) and a mermaid diagram.

    python scripts/import_graph.py               # mermaid flowchart of reviewer's sub-packages/modules
    python scripts/import_graph.py --cycles      # import cycles, one per line (exit 1 if any)

Every `import`/`from ... import` of a `reviewer` module counts, including ones inside functions and
under TYPE_CHECKING: a lazy import hides a cycle from Python, not from the reader. A package's
`__init__` is an edge target only when it is named (`from reviewer.checker import X` where X is not a
submodule), so a submodule is not said to import its own parent package.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "reviewer"


def _modules(root: Path, package: str) -> dict[str, Path]:
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(module: str, name: str | None, level: int, current: str, is_package: bool) -> str:
    if level:
        base = current.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - (level - 1)]
        module = ".".join(base + ([module] if module else []))
    return module


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package modules it imports (anywhere in its body)."""
    modules = _modules(root, package)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for current, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(node.module or "", None, node.level, current, is_package)
                subs = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
                targets = subs + ([base] if len(subs) < len(node.names) else [])
            for target in targets:
                while target not in modules and "." in target:  # `import reviewer.x.y` of a non-module name
                    target = target.rsplit(".", 1)[0]
                if target in modules and target != current:
                    graph[current].add(target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(out)


def _group(module: str) -> str:
    """Sub-packages collapse to one node (reviewer.survey.run -> survey); top modules stay as they are."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


# Imported by nearly everything; drawn as one note instead of ~50 edges.
FOUNDATION = ("errors", "models", "settings", "textutil", "resources", "sqlite_schema", "progress", "reviewer")


def mermaid(graph: dict[str, set[str]], hide: tuple[str, ...] = FOUNDATION) -> str:
    """A flowchart of the grouped graph, dependencies pointing down (A --> B: A imports B)."""
    edges = sorted({(_group(a), _group(b)) for a, targets in graph.items() for b in targets
                    if _group(a) != _group(b) and _group(a) not in hide and _group(b) not in hide})
    lines = ["flowchart TD"]
    lines += [f"    {a} --> {b}" for a, b in edges]
    if hide:
        lines.append(f"    foundation[\"imported everywhere: {', '.join(h for h in hide if h != 'reviewer')}\"]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", action="store_true", help="list import cycles; exit 1 when there is one")
    parser.add_argument("--all", action="store_true", help="draw the foundation modules' edges too")
    args = parser.parse_args(argv)
    graph = import_graph()
    if args.cycles:
        cycles = find_cycles(graph)
        for cycle in cycles:
            print(" <-> ".join(cycle))
        return 1 if cycles else 0
    print(mermaid(graph, hide=() if args.all else FOUNDATION))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
