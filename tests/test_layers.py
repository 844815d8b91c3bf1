"""The model is the bottom layer and no module imports from a layer above its own.

``model.py`` ↔ ``export/`` and ``model.py`` → ``views.py`` → ``structure`` were import
cycles; these tests keep them from coming back.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import policydoc
from policydoc import views

SRC = Path(policydoc.__file__).resolve().parent

# Layer of each top-level module or package of policydoc; a module may import its own layer or below.
LAYERS = {
    # 0: the contract
    "errors": 0,
    "model": 0,
    # 1: grammars and plain data, used by every stage
    "patterns": 1,
    "numbering": 1,
    "docparts": 1,
    "text": 1,
    "blocks": 1,
    "kinds": 1,
    "quantities": 1,
    # 2: the stages of parsing and what is read off their result
    "readers": 2,
    "layout": 2,
    "structure": 2,
    "front": 2,
    "collection": 2,
    "metadata": 2,
    "roles": 2,
    "targets": 2,
    "references": 2,
    "views": 2,
    "chunks": 2,
    # 3: the parse API and what is made of a document
    "api": 3,
    "export": 3,
    "schema": 3,
    "validate": 3,
    "drafting": 3,
    # 4: the interfaces
    "batch": 4,
    "cli": 4,
    "__main__": 4,
    "__init__": 4,
}


def _top(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0]


def _imported(path: Path) -> set[str]:
    return _imports(path.read_text(encoding="utf-8"), path.relative_to(SRC).parent.parts)


def _imports(source: str, package: tuple[str, ...]) -> set[str]:
    """Top-level policydoc modules some code imports (relative or absolute, at any depth of the code);
    ``package`` is where the code sits below ``policydoc``."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - (node.level - 1)])
            names = [*base, *node.module.split(".")] if node.module else base
            if names:
                out.add(names[0])
            else:  # from . import x
                out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "policydoc":
            parts = node.module.split(".")
            out |= {parts[1]} if len(parts) > 1 else {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("policydoc.")}
    return out


FILES = sorted(SRC.rglob("*.py"))


def test_every_module_has_a_layer():
    assert {_top(f) for f in FILES} <= set(LAYERS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_layer_above_its_own(path):
    layer = LAYERS[_top(path)]
    upward = {name: LAYERS[name] for name in _imported(path) if name in LAYERS and LAYERS[name] > layer}
    assert not upward, f"{path.relative_to(SRC)} (layer {layer}) imports upward: {upward}"


def test_model_imports_nothing_of_policydoc_but_errors():
    assert _imported(SRC / "model.py") <= {"errors"}


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        # The old cycles were lazy imports inside methods: the walk must see them.
        ("def f():\n    from .export import to_html\n    from . import views\n", (), {"export", "views"}),
        ("from ..model import Section\nfrom .decoder import decode\n", ("structure",), {"model", "structure"}),
        ("from ...layout import Line\n", ("readers", "pdf"), {"layout"}),
        ("import policydoc.api\nfrom policydoc import cli\nimport regex\n", (), {"api", "cli"}),
    ],
)
def test_the_import_walk(source, package, expected):
    assert _imports(source, package) == expected


MODEL_ALONE = f"""
import sys, types
package = types.ModuleType("policydoc")
package.__path__ = [{str(SRC)!r}]  # the package without running its __init__ (which imports everything)
sys.modules["policydoc"] = package
import policydoc.model as model
loaded = sorted(m for m in sys.modules if m.startswith("policydoc."))
print(loaded)
doc = model.PolicyDocument(source=model.Source(format="text", sha256="0"))
try:
    doc.to_markdown()
except RuntimeError as exc:
    print("RuntimeError", exc)
"""


def test_model_alone_loads_no_other_policydoc_module():
    run = subprocess.run([sys.executable, "-c", MODEL_ALONE], capture_output=True, text=True, check=True)
    loaded, error = run.stdout.splitlines()
    assert loaded == "['policydoc.errors', 'policydoc.model']" or loaded == "['policydoc.model']"
    # Without the upper layers a method that lives there says what to import, not a KeyError.
    assert error.startswith("RuntimeError to_markdown is provided by policydoc.export")


def test_import_policydoc_fills_the_model_methods(seed_text):
    assert seed_text.to_markdown().startswith("#")
    assert "<details" in seed_text._repr_html_() and "<details" in seed_text.sections[0]._repr_html_()
    assert seed_text.chunks(max_chars=200)[0].title == seed_text.title


def test_an_unknown_hook_is_refused():
    with pytest.raises(ValueError, match="unknown model hook"):
        policydoc.model.provide("to_pdf", lambda doc: b"")


def test_views_are_stored_at_assembly_and_equal_the_views_of_the_tree(seed_text, seed_html):
    for doc in (seed_text, seed_html):
        stored = {name: getattr(doc, name) for name in policydoc.model.VIEWS}
        assert stored == views.of(doc.sections)
        assert len(doc.tasks) == 20 and doc.guiding_ideology and doc.principles and doc.safeguards


def test_a_dumped_document_reads_back_with_its_views(seed_text):
    # The views were computed fields that reading the JSON back discarded; stored, they round-trip.
    again = policydoc.PolicyDocument.model_validate(seed_text.model_dump(mode="json"))
    assert again == seed_text and again.tasks == seed_text.tasks and again.objectives == seed_text.objectives


def test_the_schema_still_requires_the_views():
    from policydoc.schema import json_schema

    required = json_schema()["required"]
    assert set(policydoc.model.VIEWS) <= set(required) and "source" in required
