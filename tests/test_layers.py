"""Who may import whom (docs/ARCHITECTURE.md), read from the code's own imports: no circle
between modules, kinds never import the API or the CLI, writers never import a kind."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "uprdraft"


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports() -> dict[str, set[str]]:
    """module -> the uprdraft modules it imports (at any depth of the file)."""
    graph: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        mod = module_name(path)
        pkg = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        out: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = pkg.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [f"{target}.{a.name}" for a in node.names]
                for cand in [target, *names]:
                    if cand.startswith("uprdraft") and _exists(cand):
                        out.add(cand)
            elif isinstance(node, ast.Import):
                out |= {a.name for a in node.names if a.name.startswith("uprdraft") and _exists(a.name)}
        out.discard(mod)
        graph[mod] = out
    return graph


def _exists(mod: str) -> bool:
    p = PKG.parent.joinpath(*mod.split("."))
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def test_no_circle_between_modules():
    graph = imports()
    seen, stack, circles = set(), [], []

    def visit(node: str) -> None:
        if node in stack:
            circles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.rpartition(".")[0] == node:  # a package importing its own submodule lazily is fine
                continue
            visit(nxt)
        stack.pop()

    for mod in sorted(graph):
        visit(mod)
    assert not circles, " ; ".join(" -> ".join(c) for c in circles)


def test_layers():
    graph = imports()
    upper = {"uprdraft.api", "uprdraft.cli", "uprdraft.pipeline"}
    for mod, deps in graph.items():
        if mod.startswith("uprdraft.kinds."):
            assert not deps & upper, f"{mod} imports {deps & upper}"
        if mod.startswith("uprdraft.render"):
            bad = {d for d in deps if d.startswith("uprdraft.kinds.") or d in upper}
            assert not bad, f"{mod} imports {bad}"
        if mod.startswith(("uprdraft.ooxml", "uprdraft.docx_check", "uprdraft.models")):
            bad = {d for d in deps if d.startswith(("uprdraft.kinds.", "uprdraft.render")) or d in upper}
            assert not bad, f"{mod} imports {bad}"


def test_cli_reference_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", PKG.parents[1] / "scripts" / "gen_cli_reference.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (PKG.parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    import difflib

    diff = "\n".join(difflib.unified_diff(current.splitlines(), gen.reference().splitlines(), lineterm="", n=0))
    assert not diff, f"docs/cli.md is out of date: run python scripts/gen_cli_reference.py\n{diff[:2000]}"
