"""JSON Schema export of the protocol and scenario formats."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["schema_dict", "schema_json"]

SCHEMA_IDS = {
    "protocol": "https://meldcode-cli.invalid/schema/protocol-v1.json",
    "scenarios": "https://meldcode-cli.invalid/schema/scenarios-v1.json",
    "record": "https://meldcode-cli.invalid/schema/record-v1.json",
}


def schema_dict(kind: str = "protocol") -> dict[str, Any]:
    if kind == "protocol":
        from meldcode_cli.protocol import Protocol

        schema = Protocol.model_json_schema()
        schema["title"] = "meldcode-cli protocol"
    elif kind == "record":
        from meldcode_cli.record import Record

        schema = Record.model_json_schema(by_alias=True)
        schema["title"] = "meldcode-cli decision record"
    elif kind == "scenarios":
        from meldcode_cli.scenarios import ScenarioFile

        schema = ScenarioFile.model_json_schema()
        schema["title"] = "meldcode-cli scenarios"
    else:
        from meldcode_cli.checker import UsageError

        raise UsageError(f"onbekend schema '{kind}' (protocol, scenarios of record)")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_IDS[kind],
        **schema,
    }


def schema_json(kind: str = "protocol") -> str:
    return json.dumps(schema_dict(kind), ensure_ascii=False, indent=2, sort_keys=False)
