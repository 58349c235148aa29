"""The structure the design promises, checked on the source: engines know no stages, and no
two modules import each other (imports inside functions count too)."""

import ast

from conftest import ROOT

PACKAGE = ROOT / "cleantext"
ENGINES = {"cleantext.translation.apertium", "cleantext.translation.argos",
           "cleantext.translation.catalan_bridge", "cleantext.translation.fresh_unit",
           "cleantext.translation.base"}  # fmt: skip
# what an engine may not know: the stages, the pipeline, the runner and the CLI
FORBIDDEN_TO_ENGINES = {
    "cleantext.read", "cleantext.repair", "cleantext.scrape", "cleantext.corpus", "cleantext.split",
    "cleantext.detection", "cleantext.translation.postedit", "cleantext.write", "cleantext.pipeline",
    "cleantext.runner", "cleantext.resume",
    "cleantext.jobs", "cleantext.bitext", "cleantext.ray", "cleantext.cli", "cleantext.report",
}  # fmt: skip


def _name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    modules = {_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleantext"):
                for alias in node.names:  # "from cleantext.repair import spacing" names a module
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("cleantext")}
        graph[mod] = {m for m in found if m in modules and m != mod}
    return graph


def _under(module: str, prefixes: set[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_engines_import_no_stage_pipeline_runner_or_cli():
    graph = _imports()
    bad = {(e, m) for e in ENGINES for m in graph[e] if _under(m, FORBIDDEN_TO_ENGINES)}
    assert not bad


def test_no_two_modules_import_each_other():
    graph = _imports()
    pairs = {tuple(sorted((a, b))) for a, deps in graph.items() for b in deps if a in graph.get(b, ())}
    # a package's __init__ re-exports its modules, which import their siblings, not it
    assert not pairs
