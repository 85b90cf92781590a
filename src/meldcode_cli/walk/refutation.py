"""``meldcode refute``: a later finding refutes a step-1 signal.

The original answer stays in the dossier (and in every record already signed); the
refutation — what was found, when, and its source — is journalled, and from then on the
signal no longer counts as acute or structurele onveiligheid, so the decision can follow the
new facts without anyone unticking history.
"""

from __future__ import annotations

import sys
from typing import TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.engine import AnswerError
from meldcode_cli.walk.session import Session

__all__ = ["refute_signal"]


def refute_signal(
    label: str,
    item: str,
    value: str,
    *,
    text: str,
    source: str,
    store: CaseStore | None = None,
    stdout: TextIO | None = None,
) -> str:
    """Record the refutation; returns the decision's outcome code afterwards."""
    stdout = sys.stdout if stdout is None else stdout
    session, _info = Session.resume(store or CaseStore(), label)
    try:
        session.refute(item, value, text, source)
    except AnswerError as e:
        raise CaseError(f"{e.item_id}: {e.reason}") from None
    decision = session.walk.decision()
    outcome = decision.outcome if decision else "?"
    stdout.write(t("refute.done", label=label, outcome=outcome) + "\n")
    return outcome
