"""Monitoring without dossiers: ``meldcode monitor export`` and ``combine``."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from meldcode_cli.chain.monitor import (
    MIN_CELL,
    ExportRefused,
    combine_exports,
    count_records,
    make_export,
    suppress,
    to_html,
    verify_export,
)
from meldcode_cli.cli.app import make_app
from meldcode_cli.record import crypto
from meldcode_cli.record.model import Record
from tests.chain.test_ketenkaart import assert_no_external_loads
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "casus-partnergeweld.yaml"
N_RECORDS = 30
FREE_TEXT_SUFFIXES = ("_feiten", "_verslag", "_interpretatie", "_bevindingen")
FREE_TEXT_KEYS = ("weging_risico", "weging_aard_ernst", "vervolgafspraken")
NAME = "Dr. Zorgvuldig Vlindermans"
ORG = "Praktijk Kwartelkoning"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(8, 12)))


def _free_text(rng: random.Random) -> str:
    extra = rng.choice(["é", "ß", " 06-12345678 ", " 2026-01-09 ", " <script>", " ü"])
    return " ".join(_word(rng) for _ in range(3)) + extra + _word(rng)


@pytest.fixture(scope="module")
def home30(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A home with 30 signed decision records, made through the CLI with --answers."""
    base = tmp_path_factory.mktemp("monitor-home")
    home = base / "home"
    pw = base / "pw"
    pw.write_text("een lange wachtzin\n", encoding="utf-8")
    os.chmod(pw, 0o600)
    spec = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(17)
    secrets: list[str] = [NAME, ORG]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MELDCODE_HOME", str(home))
        runner = CliRunner()
        app = make_app()
        r = runner.invoke(
            app,
            [
                "init",
                "--name",
                NAME,
                "--role",
                "huisarts",
                "--organisation",
                ORG,
                "--passphrase-file",
                str(pw),
            ],
        )
        assert r.exit_code == 0, r.output
        for i in range(N_RECORDS):
            answers = dict(spec["answers"])
            for key, value in answers.items():
                if key.endswith(
                    ("_feiten", "_verslag", "_interpretatie", "_bevindingen")
                ) or key in (
                    "weging_risico",
                    "weging_aard_ernst",
                    "vervolgafspraken",
                ):
                    assert isinstance(value, str)
                    answers[key] = _free_text(rng)
                    secrets.append(answers[key])
            label = f"{_word(rng).lower()}-{i}"
            secrets.append(label)
            path = base / f"answers-{i}.yaml"
            path.write_text(
                yaml.safe_dump({**spec, "answers": answers}, allow_unicode=True), encoding="utf-8"
            )
            r = runner.invoke(
                app,
                [
                    "start",
                    "partnergeweld",
                    "--answers",
                    str(path),
                    "--case",
                    label,
                    "--passphrase-file",
                    str(pw),
                    "--yes",
                ],
            )
            assert r.exit_code == 0, r.output
        yield {"home": home, "pw": pw, "secrets": secrets, "base": base}


@pytest.fixture
def at_home(home30: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("MELDCODE_HOME", str(home30["home"]))
    return home30


def _export(at_home: dict[str, Any], *extra: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(
        make_app(),
        ["monitor", "export", "--passphrase-file", str(at_home["pw"]), *extra],
    )
    return r.exit_code, r.stdout, r.stderr


def _records(home: Path) -> list[dict[str, Any]]:
    """The records' plain data (to change them as someone with a text editor would)."""
    out = []
    for f in sorted((home / "cases").rglob("records/*.json")):
        out.append(json.loads(f.read_text(encoding="utf-8"))["record"])
    return out


def _typed(records: list[dict[str, Any]]) -> list[Record]:
    """What the monitor counts: the typed record (every change above must still be one)."""
    return [Record.from_dict(r) for r in records]


FIXTURE = ROOT / "tests" / "fixtures" / "records-signed-by-main" / "melden" / "0001-decision.json"


def _record(**changes: Any) -> Record:
    """A complete record (a signed fixture's data) with some top-level sections changed."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))["record"]
    data.update(changes)
    return Record.from_dict(data)


def test_export_of_30_records_leaks_nothing_and_verifies(at_home: dict[str, Any]) -> None:
    code, out, err = _export(at_home)
    assert code == 0, err
    assert "30 records geteld" in err
    for secret in at_home["secrets"]:
        assert secret not in out
        for word in re.findall(r"[A-Za-z]{8,}", secret):
            assert word not in out, word
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out), "no date finer than a quarter"
    assert not re.search(r"T\d{2}:\d{2}", out)
    data = json.loads(out)
    body, fp = verify_export(Path("x"), data)
    assert fp.startswith("SHA256:")
    assert body.cells
    assert all(c[4] >= MIN_CELL for c in body.cells)
    cells = {(d, v): n for _, _, d, v, n in body.cells}
    assert cells[("totaal", "casussen")] == N_RECORDS
    assert cells[("rol", "huisarts")] == N_RECORDS
    assert cells[("gesprek", "gevoerd")] == N_RECORDS
    assert cells[("advies_veilig_thuis", "ja")] == N_RECORDS
    assert cells[("acute_route", "nee")] == N_RECORDS
    assert cells[("beslissing", "hulp")] == N_RECORDS
    assert ("beslissing", "melden") not in cells
    assert sum(n for (d, _), n in cells.items() if d == "dagen_tot_beslissing") == N_RECORDS
    assert all(re.fullmatch(r"\d{4}-Q[1-4]", c[0]) for c in body.cells)


def test_export_to_file_is_private(at_home: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    code, _, err = _export(at_home, "--output", str(out), "--periode", "2020-Q1")
    assert code == 0, err
    assert out.stat().st_mode & 0o077 == 0
    body, _ = verify_export(out, json.loads(out.read_text(encoding="utf-8")))
    assert body.cells == []  # nothing in that quarter
    assert body.periode == "2020-Q1"
    code, _, err = _export(at_home, "--periode", "Q3-2026")
    assert code == 2
    assert "2026-Q3" in err


def test_wrong_passphrase_writes_nothing(at_home: dict[str, Any], tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.write_text("verkeerde wachtzin\n")
    os.chmod(bad, 0o600)
    out = tmp_path / "export.json"
    r = CliRunner().invoke(
        make_app(),
        ["monitor", "export", "--passphrase-file", str(bad), "--output", str(out)],
    )
    assert r.exit_code == 2
    assert not out.exists()


def test_tampered_record_is_not_counted(at_home: dict[str, Any], tmp_path: Path) -> None:
    from meldcode_cli.chain.monitor import home_records

    records, left_out = home_records()
    assert (len(records), left_out) == (N_RECORDS, 0)
    victim = sorted((at_home["home"] / "cases").rglob("records/0001-decision.json"))[0]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original.replace(b'"melden": false', b'"melden": true', 1))
        records, left_out = home_records()
        assert (len(records), left_out) == (N_RECORDS - 1, 1)
    finally:
        victim.write_bytes(original)


_TEXT_ITEMS = st.text(min_size=1, max_size=40)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_TEXT_ITEMS, min_size=6, max_size=6), label=_TEXT_ITEMS)
def test_free_text_never_reaches_the_export(
    home30: dict[str, Any], texts: list[str], label: str
) -> None:
    """Whatever people type, the counts are the same and none of it is in the export."""
    base = _records(home30["home"])[:6]
    marked = ["§" + t for t in texts]
    changed = []
    for n, original in enumerate(base):
        rec = copy.deepcopy(original)
        rec["provenance"]["case"] = "§" + label + str(n)
        rec["provenance"]["professional"]["name"] = marked[n % 6]
        rec["provenance"]["professional"]["organisation"] = marked[(n + 1) % 6]
        rec["amendment_reason"] = marked[(n + 2) % 6]
        for i, step in enumerate(rec["steps"]):
            step["title"] = marked[i % 6]
            for item in step["items"]:
                item["text"] = marked[(i + 1) % 6]
                item["notes"] = [
                    {"text": marked[i % 6], "provenance": "derde", "nature": "feit", "at": None}
                ]
                if item["kind"] == "text":
                    item["answer"] = item["answer_text"] = marked[(i + 2) % 6]
        changed.append(rec)
    pair = crypto.generate()
    plain = make_export(_typed(base), pair)["body"]["cells"]
    export = make_export(_typed(changed), pair)
    text = json.dumps(export, ensure_ascii=False)
    assert "§" not in text
    assert export["body"]["cells"] == plain


def _as_other_cases(records: list[dict[str, Any]], tag: str) -> list[Record]:
    out = []
    for original in records:
        r = copy.deepcopy(original)
        r["provenance"]["case"] = tag + r["provenance"]["case"]
        out.append(r)
    return _typed(out)


def test_combine_gives_the_sums_and_refuses_duplicates_and_tampering(  # noqa: PLR0915 - one export-and-combine scenario, read top to bottom
    home30: dict[str, Any], tmp_path: Path
) -> None:
    records = _records(home30["home"])
    exports = []
    for n, part in enumerate([records, records[:10], records[10:16]]):
        export = make_export(_as_other_cases(part, f"s{n}-"), crypto.generate())
        path = tmp_path / f"export-{n}.json"
        path.write_text(json.dumps(export), encoding="utf-8")
        exports.append(path)
    combined = combine_exports((p, json.loads(p.read_text())) for p in exports)
    totals = [n for (_, _, d, v), n in combined.cells.items() if (d, v) == ("totaal", "casussen")]
    assert totals == [30 + 10 + 6]
    assert combined.records == 46
    assert combined.signers == 3
    # each cell is the sum of the cells of the exports
    expected: dict[tuple[str, str, str, str], int] = {}
    for p in exports:
        for q, proto, d, v, n in json.loads(p.read_text())["body"]["cells"]:
            expected[(q, proto, d, v)] = expected.get((q, proto, d, v), 0) + n
    assert combined.cells == expected
    assert all(n >= MIN_CELL for n in combined.cells.values())

    runner = CliRunner()
    app = make_app()
    html, csv_out, json_out = tmp_path / "r.html", tmp_path / "r.csv", tmp_path / "r.json"
    r = runner.invoke(
        app,
        [
            "monitor",
            "combine",
            *map(str, exports),
            "--html",
            str(html),
            "--csv",
            str(csv_out),
            "--json",
            str(json_out),
        ],
    )
    assert r.exit_code == 0, r.output
    assert "3 exports gebundeld: 46 records" in r.stderr
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    assert {"quarter", "protocol", "dimension", "value", "count"} == set(rows[0])
    assert sum(int(x["count"]) for x in rows if x["dimension"] == "totaal") == 46
    assert json.loads(json_out.read_text())["cases"] == 46
    page = html.read_text(encoding="utf-8")
    assert_no_external_loads(page)
    assert "<svg" in page
    assert "partnergeweld" in page

    # only known signers, when asked
    signers = tmp_path / "signers.txt"
    signers.write_text(json.loads(exports[0].read_text())["signature"]["key_fingerprint"] + "\n")
    r = runner.invoke(app, ["monitor", "combine", *map(str, exports), "--signers", str(signers)])
    assert r.exit_code == 1
    assert "niet in --signers" in r.stderr
    r = runner.invoke(app, ["monitor", "combine", str(exports[0]), "--signers", str(signers)])
    assert r.exit_code == 0, r.output
    # the same file twice
    r = runner.invoke(app, ["monitor", "combine", str(exports[0]), str(exports[0])])
    assert r.exit_code == 1
    assert "dezelfde export" in r.stderr
    # a second export of the same quarter by the same signer
    pair = crypto.generate()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(make_export(_typed(records), pair)))
    b.write_text(json.dumps(make_export(_typed(records), pair)))
    r = runner.invoke(app, ["monitor", "combine", str(a), str(b)])
    assert r.exit_code == 1
    assert "dubbel tellen" in r.stderr
    # tampered: one count changed
    data = json.loads(exports[1].read_text())
    data["body"]["cells"][0][4] += 5
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(data))
    r = runner.invoke(app, ["monitor", "combine", str(exports[0]), str(bad)])
    assert r.exit_code == 1
    assert "gewijzigd" in r.stderr
    # a correctly signed export with a cell under 5 (a modified tool) is refused too
    from meldcode_cli.record.canonical import canonical

    pair = crypto.generate()
    forged = make_export(_typed(records), pair)
    forged["body"]["cells"][0][4] = 2
    forged["signature"]["signature"] = crypto.b64(pair.sign(canonical(forged["body"])))
    with pytest.raises(ExportRefused, match="exportschema"):
        verify_export(Path("f"), forged)
    # not an export at all
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]")
    r = runner.invoke(app, ["monitor", "combine", str(junk)])
    assert r.exit_code == 1
    assert "geen meldcode monitor-export" in r.stderr
    # a file that is not there is an input error
    r = runner.invoke(app, ["monitor", "combine", str(tmp_path / "nope.json")])
    assert r.exit_code == 2
    assert "bestaat niet" in r.stderr


def test_small_cells_are_suppressed_and_counted() -> None:
    from collections import Counter

    counts: Counter[tuple[str, str, str, str]] = Counter(
        {("2026-Q3", "p", "beslissing", "melden"): 4, ("2026-Q3", "p", "beslissing", "hulp"): 5}
    )
    cells, suppressed = suppress(counts)
    assert [(c[3], c[4]) for c in cells] == [("hulp", 5)]
    assert suppressed == 1


def test_round_to_5_for_publication(tmp_path: Path) -> None:
    from meldcode_cli.chain.monitor import Combined, write_combined

    combined = Combined(
        1,
        17,
        0,
        {("2026-Q3", "p", "totaal", "casussen"): 17, ("2026-Q3", "p", "beslissing", "hulp"): 12},
        1,
    )
    out = tmp_path / "t.json"
    write_combined(combined, None, None, out, round_to_5=True)
    data = json.loads(out.read_text())
    assert [r["count"] for r in data["rows"]] == [10, 15]
    assert data["cases"] == 15
    assert data["rounded_to_5"] is True
    assert write_combined(combined, None, None, None).splitlines()[1].endswith(",12")


def test_count_records_skips_training_and_uses_the_last_amendment() -> None:
    def rec(seq: int, kind: str, melden: bool, training: bool = False, **changes: Any) -> Record:
        decision = _record().melding
        assert decision is not None
        return _record(
            kind=kind,
            sequence=seq,
            training=training,
            created_at=changes.pop("created_at", f"2026-08-0{seq}T10:00:00+00:00"),
            steps=[],
            decision={
                **decision.model_dump(),
                "melden": melden,
                "hulp": False,
                "afsluiten": False,
                "meldnormen": [],
                **changes,
            },
        )

    counts = count_records([rec(1, "decision", False), rec(2, "amendment", True)])
    assert counts[("2026-Q3", "partnergeweld", "beslissing", "melden")] == 1
    assert counts[("2026-Q3", "partnergeweld", "totaal", "casussen")] == 1
    assert count_records([rec(1, "decision", True, training=True)]) == {}
    ev = rec(
        2,
        "evaluation",
        True,
        created_at="2026-10-05T10:00:00+00:00",
        afwegingen={"1": True, "2": True, "3": False, "4": None, "5": False},
    )
    counts = count_records([rec(1, "decision", False), ev])
    assert counts[("2026-Q4", "partnergeweld", "evaluatie_gehouden", "ja")] == 1
    assert counts[("2026-Q4", "partnergeweld", "evaluatie_uitkomst", "afweging5.nee")] == 1
    assert counts[("2026-Q4", "partnergeweld", "evaluatie_uitkomst", "melden")] == 1
    assert counts[("2026-Q3", "partnergeweld", "beslissing", "melden")] == 0  # the decision


def test_html_report_of_nothing_is_still_a_page() -> None:
    from meldcode_cli.chain.monitor import Combined

    page = to_html(Combined())
    assert_no_external_loads(page)


def test_parallel_combine_equals_sequential(home30: dict[str, Any], tmp_path: Path) -> None:
    from meldcode_cli.chain.monitor import combine_paths

    records = _records(home30["home"])
    for n in range(6):
        export = make_export(_as_other_cases(records[: 5 + n], f"p{n}-"), crypto.generate())
        (tmp_path / f"e{n}.json").write_text(json.dumps(export), encoding="utf-8")
    one = combine_paths([tmp_path], workers=1)
    two = combine_paths([tmp_path], workers=2)
    assert one.cells == two.cells
    assert (
        (one.exports, one.records, one.signers)
        == (two.exports, two.records, two.signers)
        == (
            6,
            5 + 6 + 7 + 8 + 9 + 10,
            6,
        )
    )
    (tmp_path / "e6.json").write_text((tmp_path / "e0.json").read_text(), encoding="utf-8")
    with pytest.raises(ExportRefused, match="dezelfde export"):
        combine_paths([tmp_path], workers=2)


_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_CHROMIUM is None, reason="chromium is not installed")
def test_pages_render_offline_in_headless_chromium(tmp_path: Path) -> None:
    env = dict(os.environ, MELDCODE="meldcode")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "render-kaart-monitor.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: no network request" in done.stdout
    assert (tmp_path / "ketenkaart.png").stat().st_size > 1000
    assert (tmp_path / "monitor.png").stat().st_size > 1000


def test_steps_skipped_with_justification_are_counted_never_their_text() -> None:
    """Issue 17: a fired check (a step skipped or weakened) with a written justification
    counts under ``verantwoord`` by check id; the justification text never leaves."""

    def rec(case: str, fired: list[dict[str, Any]]) -> Record:
        provenance = _record().provenance.model_dump()
        return _record(
            created_at="2026-08-03T10:00:00+00:00",
            provenance={**provenance, "case": case},
            steps=[],
            checks={"definitions_hash": "sha256:" + "0" * 64, "fired": fired},
        )

    def fired(cid: str, why: str | None) -> dict[str, Any]:
        return {
            "id": cid,
            "severity": "warning",
            "message": "m",
            "shared": True,
            "justification": why,
            "justified_at": None,
        }

    secret = "Collega was met vakantie, ik heb het zelf gewogen"
    records = [
        rec("a", [fired("geen_consultatie", secret), fired("geen_advies", None)]),
        rec("b", [fired("geen_consultatie", "  ")]),  # blank: not a justification
        rec("c", []),
    ]
    counts = count_records(records)
    q = ("2026-Q3", "partnergeweld")
    assert counts[(*q, "check", "geen_consultatie")] == 2
    assert counts[(*q, "check", "geen_advies")] == 1
    assert counts[(*q, "verantwoord", "geen_consultatie")] == 1
    assert counts[(*q, "verantwoord", "geen_advies")] == 0
    assert counts[(*q, "verantwoord", "casussen")] == 1
    # the record's own keys are never taken for check ids
    assert not any(v in ("definitions_hash", "fired") for (_, _, _, v) in counts)
    assert not any(secret in "".join(k) for k in counts)


@pytest.mark.parametrize(
    ("change", "reason_nl", "reason_en"),
    [
        ({"public_key": None}, "veld public_key ontbreekt", "field public_key is missing"),
        (
            {"algorithm": "RSA"},
            "onbekend algoritme; meldcode ondertekent met Ed25519 over RFC 8785",
            "unknown algorithm",
        ),
        ({"signature": "not base64!"}, "signature is geen geldige base64", "not valid base64"),
        ({"public_key": 17}, "public_key is geen geldige base64", "not valid base64"),
    ],
)
def test_an_unreadable_signature_block_says_why_in_either_language(
    change: dict[str, Any], reason_nl: str, reason_en: str
) -> None:
    from meldcode_cli.i18n.messages import set_lang

    export = make_export([_record()], crypto.generate())
    for key, value in change.items():
        if value is None:
            del export["signature"][key]
        else:
            export["signature"][key] = value
    with pytest.raises(ExportRefused) as info:
        verify_export(Path("e.json"), export)
    assert info.value.key == "error.monitor.handtekeningblok_onleesbaar"
    assert info.value.message == f"e.json: handtekeningblok onleesbaar ({reason_nl})"
    set_lang("en")
    assert info.value.message.startswith("e.json: signature block unreadable (")
    assert reason_en in info.value.message


def test_an_export_that_is_not_json_is_refused_in_either_language(tmp_path: Path) -> None:
    from meldcode_cli.chain.monitor.export import load_export
    from meldcode_cli.i18n.messages import set_lang

    bad = tmp_path / "e.json"
    bad.write_bytes(b'{"body": 1, "body": 2}')  # duplicate keys: which body was signed?
    with pytest.raises(ExportRefused) as info:
        load_export(bad)
    assert info.value.message.startswith(f"{bad}: sleutel 'body' komt twee keer voor")
    set_lang("en")
    assert info.value.message.startswith(f"{bad}: key 'body' occurs twice")
