"""Signed consultations in the report (``report``, not ``--advies``): one entry each, in
the chosen language (the answers: :func:`meldcode_cli.record.consult.chain_consultations`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meldcode_cli.i18n.messages import t

__all__ = ["report_entries"]


def report_entries(answers: list[dict[str, Any]], entry: Callable[..., Any]) -> list[Any]:
    """Report entries for signed consultations, made by ``entry`` (the report's ``Entry``:
    passed in, so this module and the report core do not import each other)."""
    out = []
    for a in answers:
        c = a.get("consultant") or {}
        out.append(
            entry(
                t(
                    "consult.report.entry",
                    name=c.get("name", ""),
                    role=c.get("role", ""),
                    at=str(a.get("answered_at", ""))[:10],
                ),
                str(a.get("advice", "")),
                meta=t("consult.report.meta", fp=a.get("key_fingerprint", "")),
            )
        )
    return out
