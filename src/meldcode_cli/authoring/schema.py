"""JSON Schema export of the protocol and scenario formats."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["DRAFTS", "schema_dict", "schema_id", "schema_json", "to_draft_07"]

# Identifiers, not download locations (``.invalid`` never resolves): stable per kind, format
# version and draft, so editors and caches can key on them. Never reuse one for a change.
SCHEMA_IDS = {
    "protocol": "https://meldcode-cli.invalid/schema/protocol-v1.json",
    "scenarios": "https://meldcode-cli.invalid/schema/scenarios-v1.json",
    "record": "https://meldcode-cli.invalid/schema/record-v1.json",
    "ketenkaart": "https://meldcode-cli.invalid/schema/ketenkaart-v1.json",
    "monitor": "https://meldcode-cli.invalid/schema/monitor-export-v1.json",
    "organisatie": "https://meldcode-cli.invalid/schema/organisatie-v1.json",
}
DRAFTS = {
    "2020-12": "https://json-schema.org/draft/2020-12/schema",
    "07": "http://json-schema.org/draft-07/schema#",
}


def schema_id(kind: str, draft: str = "2020-12") -> str:
    base = SCHEMA_IDS[kind]
    if draft == "07":
        return base.replace("/schema/", "/schema/draft-07/")
    return base


def to_draft_07(node: Any) -> Any:
    """The same schema in draft-07, which more editors (the YAML language server) and
    validators read fully: ``$defs`` becomes ``definitions``, and a ``$ref`` with sibling
    keywords (ignored beside ``$ref`` in draft-07) is wrapped in ``allOf``."""
    if isinstance(node, list):
        return [to_draft_07(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$defs":
            out["definitions"] = {k: to_draft_07(v) for k, v in value.items()}
        elif key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/$defs/", "#/definitions/")
        elif key == "discriminator":  # OpenAPI, not JSON Schema; oneOf decides alone
            continue
        else:
            out[key] = to_draft_07(value)
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def schema_dict(kind: str = "protocol", draft: str = "2020-12") -> dict[str, Any]:
    if kind == "protocol":
        from meldcode_cli.protocol.model import Protocol

        schema = Protocol.model_json_schema()
        schema["title"] = "meldcode-cli protocol"
    elif kind == "record":
        from meldcode_cli.record.model import Record

        schema = Record.model_json_schema(by_alias=True)
        schema["title"] = "meldcode-cli decision record"
    elif kind == "scenarios":
        from meldcode_cli.authoring.scenarios import ScenarioFile

        schema = ScenarioFile.model_json_schema()
        schema["title"] = "meldcode-cli scenarios"
    elif kind == "ketenkaart":
        from meldcode_cli.chain.ketenkaart import KetenkaartFile

        schema = KetenkaartFile.model_json_schema()
        schema["title"] = "meldcode-cli ketenkaart"
    elif kind == "monitor":
        from meldcode_cli.chain.monitor import ExportBody

        schema = ExportBody.model_json_schema()
        schema["title"] = "meldcode-cli monitor export (the signed body)"
    elif kind == "organisatie":
        from meldcode_cli.protocol.organisatie import OrganisatieFile

        schema = OrganisatieFile.model_json_schema()
        schema["title"] = "meldcode-cli organisatie (the organisation's own meldcode)"
    else:
        from meldcode_cli.errors import UsageError

        raise UsageError("error.schema.onbekend_schema_protocol_scenarios", kind=kind)
    if draft not in DRAFTS:
        from meldcode_cli.errors import UsageError

        raise UsageError("error.schema.onbekende_draft_of", draft=draft)
    doc = {"$schema": DRAFTS[draft], "$id": schema_id(kind, draft), **schema}
    return to_draft_07(doc) if draft == "07" else doc


def schema_json(kind: str = "protocol", draft: str = "2020-12") -> str:
    return json.dumps(schema_dict(kind, draft), ensure_ascii=False, indent=2, sort_keys=False)
