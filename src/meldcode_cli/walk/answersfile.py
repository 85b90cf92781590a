"""``meldcode start --answers FILE``: the answers file read, checked against the protocol
(every problem with file:line:col) and replayed through the same engine and validation as
an interactive walk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from meldcode_cli.errors import UsageError
from meldcode_cli.i18n.messages import get_lang, t, tn
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.engine import AnswerError
from meldcode_cli.walk.outcome import WalkOutcome, completed, finish, say
from meldcode_cli.walk.session import Session
from meldcode_cli.walk.signoff import Signer

__all__ = ["AnswersFile", "load_answers", "replay_file"]


def load_answers(path: Path) -> Any:
    from meldcode_cli.authoring.scenarios import AnswersSpec
    from meldcode_cli.protocol.loading import validate_document
    from meldcode_cli.protocol.yamlio import read_text

    try:
        text = read_text(path)
    except FileNotFoundError:
        raise UsageError("error.flow.bestaat_niet", path=path) from None
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: {e}") from None
    spec, diags = validate_document(AnswersSpec, text, str(path))
    if spec is None:
        details = "\n".join(f"{d.where}: {d.code} {d.message}" for d in diags)
        raise UsageError("error.answers.invalid", details=details)
    return AnswersFile(spec, text, str(path))


@dataclass
class AnswersFile:
    """An answers file: the validated spec, and its text for file:line:col in errors."""

    spec: Any
    text: str
    path: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.spec, name)

    def where(self, *loc: str | int) -> str:
        from meldcode_cli.protocol.yamlio import Locator

        line, col = Locator(self.text).locate(loc, key=True)
        return f"{self.path}:{line}:{col}"

    def answer_loc(self, item_id: str) -> tuple[str, ...]:
        if self.spec.evaluation is not None and item_id in self.spec.evaluation.answers:
            return ("evaluation", "answers", item_id)
        return ("answers", item_id)


def _unknown_ids(spec: AnswersFile, compiled: Any) -> list[str]:
    """Answers for items the protocol does not have (or that have no answer), and
    justifications of checks it does not have: each at its file:line:col."""
    from meldcode_cli.protocol.diagnostics import did_you_mean

    errors = []
    for k in spec.all_answers():
        ci = compiled.by_id.get(k)
        if ci is None or not ci.answerable:
            why = t("replay.unknown_item", id=k) if ci is None else t("replay.guidance_item", id=k)
            hint = did_you_mean(k, [c.id for c in compiled.items if c.answerable])
            errors.append(
                f"{spec.where(*spec.answer_loc(k))}: {why}" + (f"; {hint}" if hint else "")
            )
    known_checks = {c.id for c in compiled.checks}
    for cid in spec.justifications:
        if cid not in known_checks:
            hint = did_you_mean(cid, known_checks)
            errors.append(
                f"{spec.where('justifications', cid)}: {t('replay.unknown_check', id=cid)}"
                + (f"; {hint}" if hint else "")
            )
    return errors


def _replay_answers(target: Any, spec: AnswersFile) -> list[str]:
    """Replay the answers (and the evaluation); the missing items. A refused answer, or one
    for a question not on the path, is a usage error at its place in the file."""
    from meldcode_cli.walk.driver import replay_phases

    given = spec.all_answers()
    try:
        missing = replay_phases(target, spec.answers, spec.acute_steps, spec.evaluation)
    except AnswerError as e:
        where = spec.where(*spec.answer_loc(e.item_id)) if e.item_id in given else spec.path
        raise UsageError(
            "error.flow.antwoord_voor", where=where, item_id=e.item_id, reason=e.reason
        ) from None
    relevant = {ci.id for ci in target.walk.relevant()}
    off_path = [k for k in given if k not in relevant]
    if off_path:
        raise UsageError(
            "\n".join(
                f"{spec.where(*spec.answer_loc(k))}: {t('replay.off_path', id=k)}" for k in off_path
            )
        )
    return list(missing)


def _justify(target: Any, spec: AnswersFile) -> None:
    fired = {c.id for c in target.walk.fired_checks()}
    for cid, text in spec.justifications.items():
        if cid not in fired:
            raise UsageError(
                f"{spec.where('justifications', cid)}: {t('replay.check_not_fired', id=cid)}"
            )
        try:
            target.justify(cid, text)
        except AnswerError as e:
            raise UsageError(f"{spec.where('justifications', cid)}: {e.reason}") from None


def _show_guidance_and_checks(walk: Any, stdout: TextIO) -> None:
    shown = [ci for ci in walk.relevant() if not ci.answerable and ci.id in walk.shown]
    if shown:
        say(stdout, "", t("replay.guidance"))
        for ci in shown:
            say(stdout, *(f"  {line}" for line in walkview.guidance_block(ci)))
    for c in walk.fired_checks():
        say(stdout, "", *walkview.check_lines(c, walk))


def _incomplete(target: Any, label: str | None, stdout: TextIO, missing: list[str]) -> WalkOutcome:
    if isinstance(target, Session):
        target.save_summary()  # 'meldcode cases' shows the step reached
    say(stdout, tn("walk.missing", len(missing)), *(f"  - {m}" for m in missing))
    if label:
        say(stdout, t("walk.paused", label=label))
    return WalkOutcome(label, "incomplete", target.walk.decision(), missing)


def replay_file(
    target: Any, spec: AnswersFile, label: str | None, stdout: TextIO, signer: Signer | None = None
) -> WalkOutcome:
    """Replay an answers file onto ``target`` (a session or a bare walk): a completed walk
    is signed by ``signer``; missing answers or justifications leave it incomplete."""
    errors = _unknown_ids(spec, target.walk.compiled)
    if errors:
        raise UsageError("\n".join(errors))
    missing = _replay_answers(target, spec)
    if missing:
        return _incomplete(target, label, stdout, missing)
    _justify(target, spec)
    walk = target.walk
    open_checks = walk.unjustified()
    _show_guidance_and_checks(walk, stdout)
    if open_checks:
        say(
            stdout,
            "",
            tn("replay.missing_justifications", len(open_checks)),
            *(
                f"  - {c.id}: {' '.join(c.check.message.get(get_lang()).split())}"
                for c in open_checks
            ),
            t("replay.justify_how"),
        )
        if label:
            say(stdout, t("walk.paused", label=label))
        return WalkOutcome(label, "incomplete", walk.decision(), [c.id for c in open_checks])
    decision = finish(target)
    say(stdout, "", *walkview.decision_lines(decision, walk), "", *walkview.dossier_lines(walk))
    if signer is not None and isinstance(target, Session):
        signer(target, stdout)
    return completed(target, label, decision)
