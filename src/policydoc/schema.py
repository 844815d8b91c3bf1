"""The published JSON Schema (draft 2020-12), generated from the models."""

from __future__ import annotations

import json
from typing import Any

from .model import SCHEMA_VERSION, PolicyDocument

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema of the JSON that ``convert`` writes (computed views included)."""
    body = PolicyDocument.model_json_schema(mode="serialization")
    return {"$schema": DRAFT, "$id": f"urn:policydoc:schema:{SCHEMA_VERSION}", **body}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
