"""After the melding: what Veilig Thuis owes the melder, and when (``melding``,
``terugkoppeling``, the due column of ``cases``).

``meldcode melding CASE`` journals the melding's date and channel. From it follow:

- the veiligheidsbeoordeling: within 5 werkdagen after the melding (Handelingsprotocol
  Veilig Thuis; see docs/follow-up.md for the sources and where they disagree);
- terugkoppeling 1: whether the melding was accepted and what Veilig Thuis does (expected
  after the veiligheidsbeoordeling);
- terugkoppeling 2: at the end of Veilig Thuis's involvement; when Veilig Thuis investigates,
  the onderzoek has a 10-week term.

``meldcode terugkoppeling CASE`` journals feedback received and signs it as an amendment in
the case's record chain; the due item it answers is closed. Weekends are skipped when
counting werkdagen; public holidays are not known to the tool (the doc says so).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from meldcode_cli.walk.casestore import Case, CaseError

__all__ = [
    "CHANNELS",
    "DueItem",
    "add_workdays",
    "due_items",
    "melding_of",
    "parse_day",
    "record_melding",
    "terugkoppelingen_of",
]

CHANNELS = ("telefoon", "webformulier", "schriftelijk", "beveiligde-mail")
VEILIGHEIDSBEOORDELING_WERKDAGEN = 5
ONDERZOEK_WEKEN = 10


@dataclass(frozen=True)
class DueItem:
    kind: str  # evaluatie | gesprek | terugkoppeling-1 | terugkoppeling-2
    date: str  # JJJJ-MM-DD
    open: bool = True

    @property
    def family(self) -> str:
        """The kind as the legend names it: evaluatie, terugkoppeling VT, gesprek gepland."""
        return "terugkoppeling" if self.kind.startswith("terugkoppeling") else self.kind


def add_workdays(day: dt.date, n: int) -> dt.date:
    """``n`` werkdagen after ``day`` (Saturday and Sunday skipped; holidays are not)."""
    d = day
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def parse_day(text: str | None, *, today: dt.date) -> dt.date:
    """DD-MM-JJJJ (as Dutch forms write it), JJJJ-MM-DD, 'vandaag'/'today'; never later
    than today. CaseError with how to fix it otherwise."""
    if text is None or text.strip().lower() in ("", "vandaag", "today"):
        return today
    raw = text.strip()
    import re

    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
    try:
        if m:
            d, mo, y = (int(x) for x in m.groups())
            day = dt.date(y, mo, d)
        else:
            day = dt.date.fromisoformat(raw)
    except ValueError:
        raise CaseError("error.followup.geen_datum_schrijf_dd", raw=raw) from None
    if day > today:
        raise CaseError("error.followup.ligt_in_de_toekomst", raw=raw)
    return day


def melding_of(case: Case) -> dict[str, Any] | None:
    """The last journalled melding (date, channel), or None."""
    found = None
    for e in case.entries:
        if e.type == "vt_melding":
            found = dict(e.data)
    return found


def terugkoppelingen_of(case: Case) -> list[dict[str, Any]]:
    return [dict(e.data) for e in case.entries if e.type == "vt_terugkoppeling"]


def _last_answers(case: Case) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for e in case.entries:
        if e.type == "answer":
            answers[str(e.data.get("item"))] = e.data.get("value")
    return answers


def due_items(case: Case, summary: dict[str, Any] | None = None) -> list[DueItem]:
    """Every dated follow-up of the case, open or done, in date order."""
    summary = summary if summary is not None else case.summary()
    out: list[DueItem] = []
    evaluation = summary.get("follow_up_due")
    if isinstance(evaluation, str):
        out.append(DueItem("evaluatie", evaluation))
    answers = _last_answers(case)
    planned = answers.get("gesprek_gepland")
    if isinstance(planned, str) and answers.get("gesprek") not in (None, "gevoerd"):
        out.append(DueItem("gesprek", planned))
    melding = melding_of(case)
    if melding is not None:
        day = dt.date.fromisoformat(str(melding["date"]))
        got = {int(f.get("moment", 0)) for f in terugkoppelingen_of(case)}
        first = add_workdays(day, VEILIGHEIDSBEOORDELING_WERKDAGEN).isoformat()
        second = (day + dt.timedelta(weeks=ONDERZOEK_WEKEN)).isoformat()
        out.append(DueItem("terugkoppeling-1", first, open=1 not in got))
        out.append(DueItem("terugkoppeling-2", second, open=2 not in got))
    return sorted(out, key=lambda d: d.date)


def next_due(items: list[DueItem]) -> DueItem | None:
    open_items = [d for d in items if d.open]
    return open_items[0] if open_items else None


def _override_melden(case: Case) -> bool:
    """The professional decided to meld against the afwegingskader (a signed override)."""
    import json

    records = sorted((case.folder / "records").glob("[0-9][0-9][0-9][0-9]-*.json"))
    if not records:
        return False
    try:
        record = json.loads(records[-1].read_text(encoding="utf-8"))["record"]
        return bool(((record.get("override") or {}).get("chosen") or {}).get("melden"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def record_melding(
    label: str, *, date: str | None, channel: str, store: Any = None, today: dt.date | None = None
) -> tuple[dict[str, Any], list[DueItem]]:
    """Journal the melding of a case whose decision is to meld; its due items."""
    from meldcode_cli.walk.casestore import CaseStore

    if channel not in CHANNELS:
        raise CaseError(
            "error.followup.kies_uit", channel=channel, join_CHANNELS=", ".join(CHANNELS)
        )
    store = store or CaseStore()
    case = store.open(label)
    summary = case.summary()
    outcome = str(summary.get("outcome") or "")
    if "melden" not in outcome.split("+") and not _override_melden(case):
        raise CaseError("error.followup.casus_heeft_nog_geen", label=label)
    day = parse_day(date, today=today or dt.date.today())
    data = {"date": day.isoformat(), "channel": channel}
    case.append("vt_melding", **data)
    return data, due_items(case, summary)


def record_terugkoppeling(
    label: str,
    *,
    moment: int,
    date: str | None,
    summary: str,
    passphrase: Any,
    training: bool = False,
    yes: bool = False,
    stdin: Any = None,
    stdout: Any = None,
    store: Any = None,
    today: dt.date | None = None,
) -> tuple[Any, list[DueItem]] | None:
    """Feedback from Veilig Thuis received: a signed amendment in the case's chain, then
    the journal entry that closes the due item. Nothing is journalled if signing fails or
    is not confirmed (then None)."""
    import sys

    from meldcode_cli.i18n.messages import t
    from meldcode_cli.record.signing import decision_records_of, sign_case
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.session import Session

    if moment not in (1, 2):
        raise CaseError("error.followup.na_de_veiligheidsbeoordeling_of", moment=moment)
    if not summary.strip():
        raise CaseError("error.followup.schrijf_in_een_zin")
    store = store or CaseStore()
    session, _info = Session.resume(store, label)
    if melding_of(session.case) is None:
        raise CaseError("error.followup.casus_heeft_geen_melding", label=label)
    if not decision_records_of(session):
        raise CaseError("error.followup.casus_heeft_nog_geen_2", label=label)
    day = parse_day(date, today=today or dt.date.today())
    reason = t(
        "followup.amendment",
        moment=t(f"followup.moment.{moment}"),
        date=day.strftime("%d-%m-%Y"),
        summary=" ".join(summary.split()),
    )
    confirmation = None
    if not training:  # every signature: the screen, then an explicit yes (or --yes)
        from meldcode_cli.walk.confirm import NotConfirmed, confirm_signing

        try:
            confirmation = confirm_signing(
                session,
                sys.stdin if stdin is None else stdin,
                sys.stdout if stdout is None else stdout,
                assume_yes=yes,
                amendment_reason=reason,
            )
        except NotConfirmed:
            return None
    out = sign_case(
        session,
        passphrase=None if training else passphrase,
        training=training,
        kind="amendment",
        amendment_reason=reason,
        confirmation=confirmation,
    )
    session.case.append(
        "vt_terugkoppeling",
        moment=moment,
        date=day.isoformat(),
        summary=" ".join(summary.split()),
        record=out.path.name,
    )
    return out, due_items(session.case)
