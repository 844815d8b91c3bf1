"""The output reference (docs/reference.md), generated from the models so it cannot drift."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .. import model
from ..validate import CODES

MODELS = (
    model.PolicyDocument,
    model.Source,
    model.Metadata,
    model.News,
    model.Section,
    model.Provenance,
    model.Annex,
    model.Target,
    model.Period,
    model.Item,
    model.Task,
    model.Reference,
    model.Chunk,
    model.Part,
    model.Collection,
    model.TocEntry,
    model.ParseWarning,
)


def _type(annotation: Any) -> str:
    text = str(annotation).replace("typing.", "").replace("policydoc.model.", "")
    text = text.replace("datetime.date", "date").replace("<class '", "").replace("'>", "")
    return text.replace("|", "\\|")


def _rows(cls: type[BaseModel]) -> list[str]:
    # The models defer building (start-up time); a computed field's return type is known once built.
    cls.model_rebuild()
    rows = []
    for name, field in cls.model_fields.items():
        rows.append(f"| `{name}` | `{_type(field.annotation)}` | {field.description or ''} |")
    for name, field in cls.model_computed_fields.items():
        rows.append(f"| `{name}` (view) | `{_type(field.return_type)}` | {field.description or ''} |")
    return rows


def reference_markdown() -> str:
    out = [
        "# Output reference",
        "",
        "Generated from `policydoc.model` by `python -m policydoc.export.reference > docs/reference.md`;",
        "a test fails when it is stale. The JSON Schema is `schemas/policydoc.schema.json`",
        f"(`policydoc schema`), schema version {model.SCHEMA_VERSION}.",
        "",
    ]
    for cls in MODELS:
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        out += [f"## {cls.__name__}", ""]
        if doc:
            out += [doc, ""]
        out += ["| field | type | meaning |", "|---|---|---|", *_rows(cls), ""]
    out += [
        "## Diagnostics of `policydoc validate`",
        "",
        "Each diagnostic has `code`, `severity`, `location` (the section path or the field),",
        "`message`, and where the model knows it `page`, `line` (PDF and text) or `element` (HTML).",
        "PD104–PD151 check the printed head against GB/T 9704-2012; they read `front`,",
        "`metadata.date_text`, `metadata.attachments` and the annex labels.",
        "",
        "| code | severity | meaning | example |",
        "|---|---|---|---|",
    ]
    out += [f"| `{code}` | {c.severity} | {c.meaning} | {c.example} |" for code, c in CODES.items()]
    out += ["", "## Warnings (`warnings` of the output)", "", "Reported by `show` and by `validate` (as warnings).", ""]
    out += ["| code | meaning |", "|---|---|", *(f"| `{c}` | {text} |" for c, text in model.WARNING_CODES.items())]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(reference_markdown(), end="")
