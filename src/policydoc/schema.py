"""The published JSON Schema (draft 2020-12), generated from the models."""

from __future__ import annotations

import json
from typing import Any

from .model import SCHEMA_VERSION, Collection, PolicyDocument

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema of the JSON that ``convert`` writes (computed views included).

    The root is one document; ``$defs/Collection`` describes what ``parse_all`` returns
    for a file holding several (``{"$ref": ".../policydoc.schema.json#/$defs/Collection"}``).
    """
    body = PolicyDocument.model_json_schema(mode="serialization")
    collection = Collection.model_json_schema(mode="serialization")
    defs = {**collection.pop("$defs", {}), **body.get("$defs", {})}
    defs["PolicyDocument"] = {k: v for k, v in body.items() if k != "$defs"}
    defs["Collection"] = collection
    return {"$schema": DRAFT, "$id": f"urn:policydoc:schema:{SCHEMA_VERSION}", **body, "$defs": defs}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
