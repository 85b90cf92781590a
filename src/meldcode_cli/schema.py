"""JSON Schema export of the protocol and scenario formats."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["schema_dict", "schema_json"]

SCHEMA_IDS = {
    "protocol": "https://meldcode-cli.invalid/schema/protocol-v1.json",
    "scenarios": "https://meldcode-cli.invalid/schema/scenarios-v1.json",
    "record": "https://meldcode-cli.invalid/schema/record-v1.json",
    "ketenkaart": "https://meldcode-cli.invalid/schema/ketenkaart-v1.json",
    "monitor": "https://meldcode-cli.invalid/schema/monitor-export-v1.json",
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
    elif kind == "ketenkaart":
        from meldcode_cli.ketenkaart import KetenkaartFile

        schema = KetenkaartFile.model_json_schema()
        schema["title"] = "meldcode-cli ketenkaart"
    elif kind == "monitor":
        from meldcode_cli.monitor import ExportBody

        schema = ExportBody.model_json_schema()
        schema["title"] = "meldcode-cli monitor export (the signed body)"
    else:
        from meldcode_cli.checker import UsageError

        raise UsageError(
            f"onbekend schema '{kind}' (protocol, scenarios, record, ketenkaart of monitor)"
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_IDS[kind],
        **schema,
    }


def schema_json(kind: str = "protocol") -> str:
    return json.dumps(schema_dict(kind), ensure_ascii=False, indent=2, sort_keys=False)
