"""Case management: the ``cases`` table with its status columns, ``--search``, ``rename``,
``archive``, ``purge``, the list ``resume`` shows without a label, and the recap of the
answers so far.

Archived cases move to ``<data>/archive/cases/``; purged cases are overwritten and removed.
With ``--keep-records`` the signed records move to ``<data>/tombstones/<label>/`` first, where
``meldcode verify`` still checks them; nothing else of the case remains.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.i18n.messages import t
from meldcode_cli.walk.casestore import CASE_LABEL_PATTERN, Case, CaseError, CaseStore, data_dir

__all__ = [
    "archive_case",
    "archive_store",
    "case_rows",
    "format_rows",
    "purge_case",
    "recap_lines",
    "rename_case",
    "resumable_lines",
    "short_path",
]


def archive_store() -> CaseStore:
    return CaseStore(data_dir() / "archive")


def short_path(path: Path) -> str:
    """``path`` relative to the working directory when inside it, else from ``~``."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        pass
    home = Path.home()
    try:
        return "~/" + str(path.resolve().relative_to(home.resolve()))
    except (ValueError, OSError):
        return str(path)


def when(at: str | None, today: dt.date) -> str:
    """An ISO timestamp as a person reads it: 'vandaag 14:03', 'gisteren 09:10', '03-01-2026'."""
    if not at:
        return "-"
    try:
        moment = dt.datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    day = moment.date()
    if day == today:
        return t("cases.today", time=moment.strftime("%H:%M"))
    if day == today - dt.timedelta(days=1):
        return t("cases.yesterday", time=moment.strftime("%H:%M"))
    return moment.strftime("%d-%m-%Y")


def _signed(case: Case) -> str:
    kinds = {e.type for e in case.entries}
    if "signed" in kinds:
        return "ja"
    if "training_record" in kinds:
        return "oefening"
    return "nee"


def _acute(case: Case, summary: dict[str, Any]) -> bool:
    if summary.get("acute") is not None:
        return bool(summary["acute"])
    return any(e.type == "acute" for e in case.entries)


def case_row(case: Case, today: dt.date) -> dict[str, Any]:
    from meldcode_cli.walk.followup import due_items, next_due

    summary = case.summary()
    if not summary:
        summary = {"label": case.label, "protocol": case.protocol_id, "role": case.role}
    summary["label"] = case.label
    if case.entries:  # a melding or terugkoppeling is activity too
        summary["last_activity"] = case.entries[-1].at
    items = due_items(case, summary)
    nxt = next_due(items)
    summary["signed"] = _signed(case)
    summary["acute"] = _acute(case, summary)
    summary["next_due"] = (
        {"date": nxt.date, "kind": nxt.family, "item": nxt.kind} if nxt is not None else None
    )
    summary["due_items"] = [{"date": d.date, "kind": d.kind, "open": d.open} for d in items]
    summary["due"] = bool(nxt is not None and nxt.date <= today.isoformat())
    return summary


def case_rows(
    *,
    store: CaseStore | None = None,
    today: dt.date | None = None,
    search: str | None = None,
    due_only: bool = False,
) -> list[dict[str, Any]]:
    store = store or CaseStore()
    day = today or dt.date.today()
    rows = []
    needle = (search or "").casefold().strip()
    for case in store.iter_cases():
        row = case_row(case, day)
        if needle:
            hay = " ".join(
                str(row.get(k) or "") for k in ("label", "protocol", "role", "outcome")
            ).casefold()
            if needle not in hay:
                continue
        if due_only and not row["due"]:
            continue
        rows.append(row)
    for label, problem in getattr(store, "unreadable", []):
        # named, not hidden: the other cases are still listed (issue 13)
        rows.append({"label": label, "unreadable": problem})
    return rows


def _decision(outcome: str | None) -> str:
    if not outcome:
        return "-"
    short = {"melden": "melden", "hulp": "hulp", "afsluiten": "afsluiten", "evaluatie": "eval."}
    return "+".join(t(f"cases.decision.{p}") if p in short else p for p in outcome.split("+"))


def format_rows(
    rows: list[dict[str, Any]],
    fmt: str = "text",
    *,
    today: dt.date | None = None,
    width: int | None = None,
) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    notes = [
        t("cases.unreadable", label=r.get("label"), problem=r["unreadable"])
        for r in rows
        if r.get("unreadable")
    ]
    rows = [r for r in rows if not r.get("unreadable")]
    if not rows:
        return "\n".join([t("cases.none"), *notes])
    day = today or dt.date.today()
    cols = width or shutil.get_terminal_size((100, 24)).columns
    wide = cols >= 100
    narrow = cols < 80  # no protocol column: the label and the dates matter most
    header = [
        t("cases.label"),
        *([] if narrow else [t("cases.protocol")]),
        t("cases.step"),
        t("cases.signed"),
        t("cases.acute"),
        t("cases.decision"),
        t("cases.next"),
    ]
    if wide:
        header.append(t("cases.last"))
    table = [header]
    for r in rows:
        step = "✓" if r.get("finished") else str(r.get("step", "?"))
        nxt = r.get("next_due")
        if nxt:
            date = dt.date.fromisoformat(nxt["date"]).strftime("%d-%m-%Y")
            kind = t(("cases.kind_short." if narrow else "cases.kind.") + nxt["kind"])
            due = f"{date} {kind}" + (" *" if r.get("due") else "")
        else:
            due = "-"
        line = [
            str(r.get("label")),
            *([] if narrow else [str(r.get("protocol"))]),
            step,
            t(f"cases.signed.{r.get('signed', 'nee')}"),
            "!" if r.get("acute") else "",
            _decision(r.get("outcome")),
            due,
        ]
        if wide:
            line.append(when(r.get("last_activity"), day))
        table.append(line)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    out = [
        "  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(row)).rstrip() for row in table
    ]
    out.append("")
    for part in t("cases.legend").split("\n"):
        indent = " " * (len(part) - len(part.lstrip()))
        out += textwrap.wrap(part, max(40, cols - 1), subsequent_indent=indent + "  ")
    return "\n".join(out + notes)


def recap_lines(walk: Any, *, limit: int | None = None) -> list[str]:
    """The answers so far, one short line each, per step: what ``resume`` shows first."""
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.walk.view import answer_text

    lang = get_lang()
    if limit is None:
        limit = max(40, min(70, shutil.get_terminal_size((80, 24)).columns - 6))
    if not walk.answers:
        return []
    lines = [t("resume.recap")]
    current = None
    for ci in walk.relevant():
        if not ci.answerable or walk.answers.get(ci.id) is None:
            continue  # not asked yet, or an optional question left empty
        if ci.step != current:
            current = ci.step
            title = next(s.title for s in walk.compiled.protocol.steps if s.step == ci.step)
            lines.append(f"  {t('resume.step', n=ci.step, title=title.get(lang))}")
        question = " ".join(ci.item.text.get(lang).split())
        answer = " ".join(answer_text(ci, walk.answers[ci.id]).split())
        qmax = max(16, min(32, limit // 2 - 3))  # the answer matters more than the question
        if len(question) > qmax:
            question = question[: qmax - 1].rstrip() + "…"
        text = f"{question} — {answer}"
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        lines.append(f"    {text}")
    return lines


def resumable_lines(store: CaseStore | None = None, today: dt.date | None = None) -> list[str]:
    """Cases not finished: what ``resume`` without a label lists."""
    rows = [r for r in case_rows(store=store, today=today) if not r.get("finished")]
    if not rows:
        return [t("resume.none")]
    day = today or dt.date.today()
    lines = [t("resume.list")]
    width = max(len(str(r["label"])) for r in rows)
    for r in rows:
        lines.append(
            f"  {r['label']:<{width}}  {r.get('protocol')}  "
            f"{t('resume.at_step', n=r.get('step', '?'))}  {when(r.get('last_activity'), day)}"
        )
    lines.append(t("resume.how"))
    return lines


# --- rename, archive, purge -------------------------------------------------------------


def rename_case(old: str, new: str, *, store: CaseStore | None = None) -> None:
    store = store or CaseStore()
    case = store.open(old, repair=False)
    if not CASE_LABEL_PATTERN.match(new):
        raise CaseError("error.casemgmt.casuslabel_kan_niet_gebruik", new=new)
    if store.folder(new).exists():
        raise CaseError("error.casemgmt.casus_bestaat_al_kies", new=new)
    try:
        os.rename(case.folder, store.folder(new))
    except OSError as e:
        raise CaseError(
            "error.casemgmt.kan_niet_hernoemen", old=old, strerror=os_error_reason(e)
        ) from None
    moved = store.open(new, repair=False)
    moved.append("renamed", old=old, new=new)
    summary = moved.summary()
    if summary:
        summary["label"] = new
        moved.write_summary(summary)


def archive_case(label: str, *, undo: bool = False) -> Path:
    """Move a case to the archive (or back with ``undo``); the new folder."""
    active, archive = CaseStore(), archive_store()
    src, dst = (archive, active) if undo else (active, archive)
    case = src.open(label, repair=False)
    if dst.folder(label).exists():
        raise CaseError(
            "error.casemgmt.casus_bestaat_daar_al", label=label, dst_folder_label=dst.folder(label)
        )
    dst.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(dst.root, 0o700)
    try:
        os.rename(case.folder, dst.folder(label))
    except OSError as e:
        raise CaseError(
            "error.casemgmt.kan_niet_verplaatsen", label=label, strerror=os_error_reason(e)
        ) from None
    return dst.folder(label)


def _shred(path: Path) -> None:
    """Overwrite a file with zeros (fsync'ed), then remove it."""
    try:
        size = path.lstat().st_size
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.write(fd, b"\0" * size)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass
    path.unlink(missing_ok=True)


def purge_case(
    label: str, *, keep_records: bool = False, store: CaseStore | None = None
) -> Path | None:
    """Overwrite and remove every file of the case (active or archived). With
    ``keep_records``: its records first move to a tombstone folder; that folder."""
    stores = [store] if store is not None else [CaseStore(), archive_store()]
    found = next((s for s in stores if (s.folder(label) / "journal.jsonl").exists()), None)
    if found is None:
        stores[0].open(label, repair=False)  # 'geen casus', with the known labels
        raise CaseError("error.casemgmt.geen_casus", label=label)
    folder = found.folder(label)
    tomb = None
    records = folder / "records"
    if keep_records and records.is_dir() and any(records.iterdir()):
        tomb = data_dir() / "tombstones" / label
        if tomb.exists():
            raise CaseError("error.casemgmt.er_is_al_een", label=label, tomb=tomb)
        tomb.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(tomb.parent, 0o700)
        tomb.mkdir(mode=0o700)
        shutil.move(str(records), str(tomb / "records"))
        note = {
            "label": label,
            "purged_at": dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds"),
            "records": sorted(p.name for p in (tomb / "records").iterdir()),
        }
        fd = os.open(tomb / "tombstone.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(note, f, ensure_ascii=False, indent=2)
    # bottom-up, never following a symbolic link: only the case's own files are touched
    for top, dirs, files in os.walk(folder, topdown=False, followlinks=False):
        for name in files:
            path = Path(top) / name
            if path.is_symlink():
                path.unlink()
            else:
                _shred(path)
        for name in dirs:
            path = Path(top) / name
            if path.is_symlink():
                path.unlink()
            else:
                path.rmdir()
    folder.rmdir()
    return tomb
