"""``meldcode new``: a protocol from the shared skeleton (docs/protocol-conventions.md).

The skeleton ships as package data (``meldcode_cli/authoring/skeleton/protocol.yaml``); it carries
every shared item id with neutral texts and passes ``meldcode validate`` as it is, so the
protocol owner starts from green and edits from there. Its first line is the
``yaml-language-server`` modeline, pointing at a draft-07 schema written beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.i18n.messages import t

__all__ = ["NewOutcome", "new_protocol", "skeleton_text"]

PROTOCOL_ID = re.compile(r"^[a-z][a-z0-9-]*$")  # protocol.PROTOCOL_ID_PATTERN
DEFAULT_SCHEMA = "protocol.schema.json"
MODELINE = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class NewOutcome:
    path: Path
    schema_path: Path | None


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def skeleton_text(protocol_id: str, title: str | None = None, schema: str = DEFAULT_SCHEMA) -> str:
    from meldcode_cli.errors import UsageError

    if not PROTOCOL_ID.match(protocol_id) or len(protocol_id) > 64:
        raise UsageError(t("new.bad_id", id=protocol_id))
    here = Path(__file__).resolve().parent
    text = (here / "skeleton" / "protocol.yaml").read_text(encoding="utf-8")
    return (
        text.replace("__SCHEMA_URL__", schema)
        .replace("__TITLE__", _yaml_string(title or protocol_id.replace("-", " ").capitalize()))
        .replace("__ID__", protocol_id)
    )


def new_protocol(
    protocol_id: str,
    *,
    title: str | None = None,
    output: Path | None = None,
    schema: str = DEFAULT_SCHEMA,
) -> NewOutcome:
    """Write the skeleton for ``protocol_id``; never overwrites a file."""
    from meldcode_cli.errors import UsageError

    text = skeleton_text(protocol_id, title, schema)
    path = output or Path(f"{protocol_id}.yaml")
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        raise UsageError(t("new.exists", path=path)) from None
    except OSError as e:
        raise UsageError("io.os_error", path=path, reason=os_error_reason(e)) from None
    schema_path: Path | None = None
    if "://" not in schema and not Path(schema).is_absolute():
        candidate = path.parent / schema
        if not candidate.exists():
            from meldcode_cli.authoring.schema import schema_json

            try:
                candidate.write_text(schema_json("protocol", "07") + "\n", encoding="utf-8")
                schema_path = candidate
            except OSError as e:
                raise UsageError("io.os_error", path=candidate, reason=os_error_reason(e)) from None
    return NewOutcome(path, schema_path)
