"""``meldcode report``: the draft melding for Veilig Thuis and the anonymous advice summary.

Goldens: one realistic signed record per shipped protocol (a scenario of the protocol's own
scenario file replayed through a Session on a fixed date, with a fixed clock, UUID and key),
rendered as Markdown, plain text and HTML. Regenerate after an intended change with
``MELDCODE_UPDATE_GOLDEN=1 pytest tests/report/test_report.py`` and review the diff of
``tests/golden/report/``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from meldcode_cli.authoring.catalog import find_protocol
from meldcode_cli.authoring.scenarios import Scenario, ScenarioFile
from meldcode_cli.cli.app import make_app
from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.protocol.loading import validate_document
from meldcode_cli.record.build import build_record
from meldcode_cli.record.canonical import integrity_map
from meldcode_cli.record.crypto import KeyPair
from meldcode_cli.record.model import Record
from meldcode_cli.record.profile import Profile
from meldcode_cli.record.store import sign_envelope, write_record
from meldcode_cli.report.betrokkenen import (
    Betrokkenen,
    _parse_age_text,
    ask_betrokkenen,
    load_betrokkenen,
)
from meldcode_cli.report.build import build_report
from meldcode_cli.report.command import ReportRefused, ReportRequest, make_report
from meldcode_cli.report.leaks import find_leaks, identifying_values
from meldcode_cli.report.render import md_escape, render
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.driver import replay
from meldcode_cli.walk.session import Session, compile_text
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "report"
EXAMPLE_PEOPLE = ROOT / "examples" / "betrokkenen-partnergeweld.yaml"
TODAY = dt.date(2026, 1, 15)
FORMATS = ("md", "txt", "html")

# one realistic melding per protocol, chosen for variety: structurele onveiligheid, the
# evaluation that leads to melden again, the acute route with an exception to informing,
# a child with an addicted parent, an anonymous melding on the vertrouwensrelatie ground
SCENARIOS = {
    "partnergeweld": "huisarts: escalerende langdurige stalking door ex-partner is structurele "
    "onveiligheid",
    "ouderenmishandeling": "ontspoorde mantelzorg: hulp werkt niet bij de evaluatie, opnieuw "
    "melden",
    "eergerelateerd-geweld": "VGV: reëel risico en vertrek deze week: acute route, Veilig Thuis "
    "én politie binnen het uur",
    "kindermishandeling": "huisarts: ouder met ernstige verslaving is structureel onveilig; "
    "hulp werkt niet: opnieuw melden",
    "loverboy-problematiek": "huisarts: anonieme melding op grond van de vertrouwensrelatie, "
    "kindcheck ja",
    "oudermishandeling": "acuut: poging tot verwurging door volwassen zoon; letselduiding, "
    "direct Veilig Thuis, melden en hulp",
}

PROFILE = Profile(
    name="Dr. A. Jansen",
    role="huisarts",
    organisation="Huisartsenpraktijk De Linde",
    registration="19012345601",
    contact="030-2345678",
)
PAIR = KeyPair(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))


class Clock:
    """The journal's clock: one minute per event from 09:00 on the scenario day."""

    def __init__(self) -> None:
        self.minute = 0

    def reset(self) -> None:
        self.minute = 0

    def now(self) -> str:
        at = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=self.minute)
        self.minute += 1
        return at.isoformat(timespec="seconds")


CLOCK = Clock()


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed clock for the journal and the record, and a fixed record id."""
    monkeypatch.setattr("meldcode_cli.walk.casestore.now", CLOCK.now)
    monkeypatch.setattr("meldcode_cli.record.build._now", lambda: "2026-01-15T12:00:00+00:00")
    monkeypatch.setattr("meldcode_cli.record.profile._now", lambda: "2026-01-01T00:00:00+00:00")
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID("00000000-0000-4000-8000-000000000001"))


def scenario(protocol: str, name: str) -> Scenario:
    path = ROOT / "protocols" / "scenarios" / f"{protocol}.scenarios.yaml"
    model, diags = validate_document(ScenarioFile, path.read_text(encoding="utf-8"), str(path))
    assert model is not None, diags
    found = [s for s in model.scenarios if s.name == name]
    assert found, f"scenario '{name}' not in {path.name}: choose another in SCENARIOS"
    return found[0]


def build(
    tmp_path: Path,
    protocol: str = "partnergeweld",
    *,
    training: bool = False,
    answers: dict[str, Any] | None = None,
    label: str | None = None,
    profile: Profile | None = PROFILE,
) -> Path:
    """A record of the protocol's chosen scenario, signed with the fixed test key."""
    CLOCK.reset()
    sc = scenario(protocol, SCENARIOS[protocol])
    text = find_protocol(protocol).read_text(encoding="utf-8")
    compiled = compile_text(text, f"{protocol}.yaml")
    store = CaseStore(tmp_path / "home")
    label = label or f"casus-{protocol}"
    session = Session.start(
        store,
        label,
        protocol_text=text,
        compiled=compiled,
        role=sc.role,
        lang="nl",
        today=lambda: TODAY,
    )
    session.add_note("signalen", "Buurvrouw hoorde op 07-01 geschreeuw.", "derde", "feit")
    session.add_note(
        "signalen",
        "Mogelijk speelt ook financiële afhankelijkheid.",
        "eigen_waarneming",
        "interpretatie",
    )
    missing = replay(session, {**sc.answers, **(answers or {})}, sc.acute_steps)
    assert missing == []
    session.complete()
    # as 'meldcode sign' does later: the session rebuilt from its journal
    session = Session(store.open(label), compiled, today=lambda: TODAY)
    record = build_record(
        session,
        profile=profile,
        key_fingerprint=None if training else PAIR.fingerprint,
        training=training,
    )
    envelope = sign_envelope(record, None if training else PAIR)
    return write_record(session.case.folder / "records", envelope)


def report(
    path: Path,
    fmt: str = "md",
    *,
    people: Path | None = None,
    advies: bool = False,
) -> str:
    req = ReportRequest(str(path), fmt, None, people, advies)
    return make_report(req, stdin=io.StringIO(""), today=TODAY).text


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(make_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def golden(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MELDCODE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with MELDCODE_UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8"), f"{name} differs from its golden"


# --- goldens ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("protocol", sorted(SCENARIOS))
def test_golden(tmp_path: Path, protocol: str, fmt: str) -> None:
    golden(f"{protocol}.{fmt}", report(build(tmp_path, protocol), fmt))


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_with_betrokkenen(tmp_path: Path, fmt: str) -> None:
    golden(f"partnergeweld.betrokkenen.{fmt}", report(build(tmp_path), fmt, people=EXAMPLE_PEOPLE))


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_advies(tmp_path: Path, fmt: str) -> None:
    text = report(build(tmp_path), fmt, people=EXAMPLE_PEOPLE, advies=True)
    golden(f"partnergeweld.advies.{fmt}", text)


def test_goldens_are_stable(tmp_path: Path) -> None:
    first = report(build(tmp_path / "a"), "html")
    second = report(build(tmp_path / "b"), "html")
    assert first == second


# --- content ---------------------------------------------------------------------------

SECTIONS_NL = (
    "Melder",
    "Betrokkenen",
    "De melding",
    "Genomen stappen",
    "Afweging",
    "Geïnformeerd over de melding",
    "Ondersteunend netwerk",
    "Overige informatie",
    "Vervolgafspraken",
)


@pytest.mark.parametrize("protocol", sorted(SCENARIOS))
def test_every_section_in_every_format(tmp_path: Path, protocol: str) -> None:
    path = build(tmp_path, protocol)
    for fmt in FORMATS:
        text = report(path, fmt)
        for n, title in enumerate(SECTIONS_NL, 1):
            shown = title.upper() if fmt == "txt" else title
            assert f"{n}. {shown}" in text, (fmt, title)
        assert "CONCEPT" in text
        assert "12 jaar" in text
        assert "0800-2000" in text


def test_facts_then_interpretations_with_notes(tmp_path: Path) -> None:
    md = report(build(tmp_path), "md")
    facts = md.index("### Feiten")
    interpretations = md.index("### Interpretaties")
    assert facts < interpretations
    # the feit note stays with its signal; the interpretatie note moves to its own block
    assert md.index("Buurvrouw hoorde op 07-01 geschreeuw") < facts
    assert "verteld door derde · feit" in md
    assert md.index("financiële afhankelijkheid") > interpretations
    assert "eigen waarneming · interpretatie" in md


def test_empty_fields_are_shown_not_dropped(tmp_path: Path) -> None:
    bare = Profile(name="B. Bos", role="huisarts", organisation="Praktijk Noord")
    md = report(build(tmp_path, profile=bare), "md")
    assert "- **Registratienummer (BIG)**: _Niet ingevuld_" in md
    assert "- **Betrokkenen**: _Niet ingevuld_" in md
    assert "- **Ondersteunend netwerk**: _Niet ingevuld_" in md


def test_decision_and_informed(tmp_path: Path) -> None:
    md = report(build(tmp_path, "loverboy-problematiek"), "md")
    assert "Meldnorm 2: de professional kan geen voldoende effectieve hulp" in md
    assert "**Anoniem tegenover de familie**: ja" in md
    assert "Cliënt of betrokkenen geïnformeerd over de melding" in md
    acute = report(build(tmp_path / "egg", "eergerelateerd-geweld"), "txt")
    assert "Stap 1" in acute
    assert "acute route gekozen door de professional" in acute or "acuut signaal" in acute


def test_betrokkenen_from_file(tmp_path: Path) -> None:
    md = report(build(tmp_path), "md", people=EXAMPLE_PEOPLE)
    assert "### Betrokkene 1: slachtoffer (cliënt)" in md
    assert "1991-04-12 (34 jaar)" in md
    assert "geboortejaar 1988 (ca. 38 jaar)" in md
    assert "Iris de Vries" in md
    assert "uit betrokkenen-partnergeweld.yaml; niet opgeslagen in het record" in md


def test_betrokkenen_are_never_stored(tmp_path: Path) -> None:
    path = build(tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "home").rglob("*") if p.is_file()}
    out = tmp_path / "concept.md"
    code, _, err = run("report", str(path), "--betrokkenen", str(EXAMPLE_PEOPLE), "-o", str(out))
    assert code == 0, err
    after = {p: p.read_bytes() for p in (tmp_path / "home").rglob("*") if p.is_file()}
    assert before == after
    assert "Sanne de Vries" in out.read_text(encoding="utf-8")
    assert (out.stat().st_mode & 0o777) == 0o600


def test_english(tmp_path: Path) -> None:
    path = build(tmp_path)
    set_lang("en")
    md = report(path, "md")
    assert "# Draft melding to Veilig Thuis" in md
    assert "## 3. The melding" in md
    assert "_Not filled in_" in md
    code, out, _ = run("--lang", "en", "report", str(path))
    assert code == 0
    assert "Parents and children from 12 years" in out


# --- refusing --------------------------------------------------------------------------


def test_unsigned_record_is_refused(tmp_path: Path) -> None:
    path = build(tmp_path)
    env = json.loads(path.read_text())
    env["signature"] = None
    path.write_text(json.dumps(env))
    code, out, err = run("report", str(path))
    assert code == 1
    assert out == ""
    assert "niet ondertekend" in err
    assert "meldcode sign casus-partnergeweld" in err


def test_tampered_record_is_refused(tmp_path: Path) -> None:
    path = build(tmp_path)
    env = json.loads(path.read_text())
    env["record"]["steps"][0]["items"][1]["answer_text"] = "Iets anders."
    path.write_text(json.dumps(env))
    code, out, err = run("report", str(path))
    assert code == 1
    assert out == ""
    assert "gewijzigd sinds ondertekening: steps/1" in err


def test_changed_training_record_is_refused(tmp_path: Path) -> None:
    path = build(tmp_path, training=True)
    env = json.loads(path.read_text())
    env["record"]["decision"]["melden"] = not env["record"]["decision"]["melden"]
    path.write_text(json.dumps(env))
    code, _, err = run("report", str(path))
    assert code == 1
    assert "OEFENING-record" in err


@pytest.mark.parametrize("content", ["{not json", '{"a": 1}'])
def test_unreadable_input_is_exit_2(tmp_path: Path, content: str) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text(content)
    code, _, err = run("report", str(junk))
    assert code == 2
    assert "junk.json" in err
    code, _, _ = run("report", str(tmp_path / "missing.json"))
    assert code == 2


def test_invalid_betrokkenen_file_gives_line_and_column(tmp_path: Path) -> None:
    path = build(tmp_path)
    bad = tmp_path / "b.yaml"
    bad.write_text("betrokkenen:\n  - rol: kind\n    leeftijd: 7\n    nam: Sam\n")
    code, _, err = run("report", str(path), "--betrokkenen", str(bad))
    assert code == 2
    assert f"{bad}:4:5: MC102" in err
    bad.write_text("betrokkenen:\n  - rol: kind\n    leeftijd: 7\n    geboortejaar: 2019\n")
    code, _, err = run("report", str(path), "--betrokkenen", str(bad))
    assert code == 2
    assert "geef één van geboortedatum, geboortejaar of leeftijd" in err


# --- OEFENING --------------------------------------------------------------------------


def test_training_record_is_watermarked_in_every_format(tmp_path: Path) -> None:
    path = build(tmp_path, training=True, profile=None)
    md = report(path, "md")
    assert md.startswith("**OEFENING**")
    assert md.count("[OEFENING]") == 10  # every section heading
    txt = report(path, "txt")
    assert txt.startswith("*** OEFENING ***")
    assert txt.count("[OEFENING]") == 10
    html = report(path, "html")
    assert '<div class="watermark" aria-hidden="true">OEFENING</div>' in html
    assert "position: fixed" in html  # repeated on every printed page
    assert '@top-center { content: "OEFENING — CONCEPT' in html
    assert "OEFENING: niet ondertekend, geen dossierstuk" in html
    signed = report(build(tmp_path / "s"), "html")
    assert "OEFENING" not in signed


# --- HTML safety -----------------------------------------------------------------------


def test_html_loads_nothing_and_runs_nothing(tmp_path: Path) -> None:
    script = "<script>alert('x')</script> & <b>vet</b>"
    path = build(tmp_path, answers={"signalen_feiten": script})
    html = report(path, "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
    assert "<b>" not in html
    assert "://" not in html
    assert not re.search(r"""(src|href|action|srcset)\s*=""", html, re.I)
    assert "url(" not in html
    assert "@import" not in html
    assert "Content-Security-Policy" in html
    md = report(path, "md")
    assert r"\<script\>alert('x')\</script\>" in md


def test_html_is_accessible(tmp_path: Path) -> None:
    html = report(build(tmp_path), "html")
    assert '<html lang="nl">' in html
    sections = re.findall(r'<section id="([a-z]+)" aria-labelledby="h-\1">', html)
    assert len(sections) == 10
    for key in sections:
        assert f'<h2 id="h-{key}">' in html
    for label in re.findall(r'aria-labelledby="([^"]+)"', html):
        assert f'id="{label}"' in html
    assert "size: A4" in html


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*vet* en _schuin_", r"\*vet\* en \_schuin\_"),
        ("# kop", r"\# kop"),
        ("- lijst", r"\- lijst"),
        ("1. lijst", r"1\. lijst"),
        ("[link](x)", r"\[link\](x)"),
        ("gewoon 08-01, spreekuur", "gewoon 08-01, spreekuur"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


# --- --advies --------------------------------------------------------------------------


def test_advies_shows_roles_and_ages_only(tmp_path: Path) -> None:
    path = build(tmp_path)
    code, out, err = run("report", str(path), "--advies", "--betrokkenen", str(EXAMPLE_PEOPLE))
    assert code == 0, err
    assert "slachtoffer (cliënt)" in out
    assert re.search(r"\b3[45] jaar", out)  # the age today, not the birth date
    for value in ("Sanne", "Vries", "Bakker", "1991", "Lindelaan", "06-11223344", "Jansen"):
        assert value not in out
    assert "030-2345678" not in out
    assert "casus-partnergeweld" not in out
    assert "Huisartsenpraktijk" not in out


def test_advies_refuses_when_a_name_is_in_the_record(tmp_path: Path) -> None:
    path = build(tmp_path, answers={"gesprek_verslag": "Gesprek met Sanne op 12-01."})
    code, out, err = run("report", str(path), "--advies", "--betrokkenen", str(EXAMPLE_PEOPLE))
    assert code == 1
    assert out == ""
    assert "betrokkene 1: naam staat in 'Genomen stappen'" in err
    assert "Sanne" not in err  # the message names the field, never the value


def test_advies_refuses_the_melder_and_the_case_label(tmp_path: Path) -> None:
    path = build(
        tmp_path,
        label="casus-oost-7",
        answers={"gesprek_verslag": "Dr. A. Jansen belt terug (030-2345678); casus-oost-7."},
    )
    with pytest.raises(ReportRefused) as err:
        report(path, advies=True)
    message = str(err.value)
    assert "uw naam" in message
    assert "uw contactgegevens" in message
    assert "het casuslabel" in message


def test_leak_matching() -> None:
    people = Betrokkenen.model_validate(
        {
            "betrokkenen": [
                {"rol": "kind", "naam": "Jan Li", "geboortedatum": "2015-03-04"},
                {"rol": "moeder", "adres": "Kerkstraat 12, 1234 AB Utrecht"},
            ]
        }
    )
    values = identifying_values(None, people)

    def leaks(text: str) -> list[str]:
        return find_leaks(text, values)

    assert leaks("Op 3 januari belde de lichamelijk arts.") == []  # Jan, Li inside words
    assert leaks("Jan vertelde") == ["betrokkene 1: naam"]
    assert leaks("geboren 4 maart 2015") == ["betrokkene 1: geboortedatum"]
    assert leaks("geboren 04-03-2015") == ["betrokkene 1: geboortedatum"]
    assert leaks("geboren 2015/03/04") == ["betrokkene 1: geboortedatum"]
    assert leaks("woont Kerkstraat 12") == ["betrokkene 2: adres"]


NAME_PART = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëïöç", min_size=3, max_size=10)
NAMES = st.builds(
    lambda parts: " ".join(p.capitalize() for p in parts),
    st.lists(NAME_PART, min_size=1, max_size=3),
)
ADDRESSES = st.builds(
    lambda street, n, pc, city: f"{street.capitalize()}straat {n}, {pc} {city.capitalize()}",
    NAME_PART,
    st.integers(1, 999),
    st.from_regex(r"[1-9][0-9]{3} [A-Z]{2}", fullmatch=True),
    NAME_PART,
)
PHONES = st.from_regex(r"06-[0-9]{8}", fullmatch=True)
BIRTH = st.dates(dt.date(1930, 1, 1), dt.date(2025, 12, 31))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=NAMES,
    other=NAMES,
    address=ADDRESSES,
    phone=PHONES,
    born=BIRTH,
    inject=st.sampled_from([None, "name", "address", "phone", "born"]),
)
def test_no_betrokkenen_value_ever_appears_in_advies(
    signed_record: tuple[dict[str, Any], Path],
    name: str,
    other: str,
    address: str,
    phone: str,
    born: dt.date,
    inject: str | None,
) -> None:
    record, path = signed_record
    people_file = path.parent / "betrokkenen.yaml"
    people_file.write_text(
        "betrokkenen:\n"
        f"  - rol: slachtoffer\n    naam: {json.dumps(name)}\n"
        f"    geboortedatum: {born.isoformat()}\n    adres: {json.dumps(address)}\n"
        f"    telefoon: {json.dumps(phone)}\n    in_huishouden: ja\n"
        f"  - rol: kind\n    naam: {json.dumps(other)}\n    leeftijd: 6\n"
        f"netwerk:\n  - relatie: buurvrouw\n    naam: {json.dumps(other + ' Senior')}\n",
        encoding="utf-8",
    )
    # the same roles and ages without a single identifying value
    years = TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))
    roles_file = path.parent / "rollen.yaml"
    roles_file.write_text(
        "betrokkenen:\n"
        f"  - rol: slachtoffer\n    leeftijd: {years}\n    in_huishouden: ja\n"
        "  - rol: kind\n    leeftijd: 6\n",
        encoding="utf-8",
    )
    values = [name, other, address, phone, born.isoformat(), born.strftime("%d-%m-%Y")]
    text = {
        None: None,
        "name": f"Gesprek met {name} op 12-01.",
        "address": f"Cliënt woont op {address}.",
        "phone": f"Bereikbaar op {phone}.",
        "born": f"Kind geboren op {born.strftime('%d-%m-%Y')}.",
    }[inject]
    plain = report(write_signed(record, path), people=roles_file, advies=True)
    # a value the fixed text already holds ('Kind', 'Jaar') is no test of anything
    assume(not any(v.casefold() in plain.casefold() for v in values))
    if text is not None:
        changed = json.loads(json.dumps(record))
        for step in changed["steps"]:
            for item in step["items"]:
                if item["id"] == "signalen_feiten":
                    item["answer"] = item["answer_text"] = text
        write_signed(changed, path)
    refused: ReportRefused | None = None
    try:
        out = report(path, people=people_file, advies=True)
    except ReportRefused as e:
        refused = e
    event(f"injected {inject}: {'refused' if refused else 'printed'}")
    if refused is not None:
        # a name part or address part that is also an ordinary word may refuse too
        assert inject is not None or "naam" in str(refused) or "adres" in str(refused)
        return
    assert inject is None, f"{inject} leaked and was not refused"
    # the identifying values change nothing: only roles and ages reach the summary
    assert out == plain


@pytest.fixture
def signed_record(tmp_path: Path) -> tuple[dict[str, Any], Path]:
    path = build(tmp_path)
    return json.loads(path.read_text())["record"], path


def write_signed(record: dict[str, Any], path: Path) -> Path:
    record = {**record, "integrity": integrity_map(record)}
    path.write_text(json.dumps(sign_envelope(Record.from_dict(record), PAIR)), encoding="utf-8")
    return path


# --- betrokkenen asked on a terminal ---------------------------------------------------


def test_ask_betrokkenen() -> None:
    # rol, naam, geboren, relatie, adres, telefoon, e-mail, gezag, school, huishouden
    answers = (
        "slachtoffer\nSanne\nmorgen\n1991-04-12\npartner\nLindelaan 1\n\n\n\n\nj\n"
        "kind\n\n7\n\n\n\n\nbeide ouders\nbasisschool\nj\n"
        "baby\n\n4 mnd\n\n\n\n\n\n\nj\n\n"
    )
    out = io.StringIO()
    people = ask_betrokkenen(io.StringIO(answers), out, advies=False)
    assert [p.rol for p in people.betrokkenen] == ["slachtoffer", "kind", "baby"]
    assert people.betrokkenen[1].gezag == "beide ouders"
    assert people.betrokkenen[1].school == "basisschool"
    assert people.betrokkenen[2].leeftijd_maanden == 4
    for prompt in ("Telefoon:", "E-mail:", "gezag", "School, opvang of werk:"):
        assert prompt in out.getvalue()  # every field the draft shows is asked
    assert people.betrokkenen[0].geboortedatum == dt.date(1991, 4, 12)
    assert people.betrokkenen[0].naam == "Sanne"
    assert people.betrokkenen[1].leeftijd == 7
    assert people.betrokkenen[1].in_huishouden is True
    assert "Geef een bestaande datum" in out.getvalue()  # 'morgen' was asked again
    assert "= vrijdag 12 april 1991" in out.getvalue()  # said back in words


@pytest.mark.parametrize(
    ("typed", "born"),
    [("12-4-1991", dt.date(1991, 4, 12)), ("12-04-1991", dt.date(1991, 4, 12)),
     ("1991-04-12", dt.date(1991, 4, 12))],
)  # fmt: skip
def test_betrokkenen_dates_as_in_the_walk(typed: str, born: dt.date) -> None:
    answers = f"kind\n31-02-2019\n{typed}\n\n\nj\n\n"
    out = io.StringIO()
    people = ask_betrokkenen(io.StringIO(answers), out, advies=True)
    assert people.betrokkenen[0].geboortedatum == born
    assert "Geef een bestaande datum" in out.getvalue()  # 31-02 does not exist


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 mnd", {"leeftijd_maanden": 4}),
        ("4 maanden", {"leeftijd_maanden": 4}),
        ("11 months", {"leeftijd_maanden": 11}),
        ("34", {"leeftijd": 34}),
        ("2 jaar", {"leeftijd": 2}),
        ("40 mnd", None),
        ("vier", None),
    ],
)
def test_ages_in_years_or_months(text: str, expected: object) -> None:
    assert _parse_age_text(text) == expected


def test_a_baby_in_the_betrokkenen_file(tmp_path: Path) -> None:
    f = tmp_path / "b.yaml"
    f.write_text("betrokkenen:\n  - rol: baby\n    leeftijd: 4 mnd\n    in_huishouden: ja\n")
    people = load_betrokkenen(f)
    assert people.betrokkenen[0].leeftijd_maanden == 4
    record = Record.from_dict(json.loads(build(tmp_path).read_text())["record"])
    report = build_report(record, people, advies=True)
    text = render(report, "txt")
    assert "4 mnd" in text
    assert "0 jaar" not in text


def test_ask_betrokkenen_for_advies_asks_no_names() -> None:
    out = io.StringIO()
    people = ask_betrokkenen(io.StringIO("kind\n2019\nzoon\nj\n\n"), out, advies=True)
    assert people.betrokkenen[0].geboortejaar == 2019
    assert people.betrokkenen[0].naam is None
    assert "Naam" not in out.getvalue()
    assert "Adres" not in out.getvalue()


# --- the command -----------------------------------------------------------------------


def test_report_by_case_label_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(tmp_path / "home"))
    path = build(tmp_path)
    code, by_label, _ = run("report", "casus-partnergeweld", "--format", "txt")
    assert code == 0
    code, by_folder, _ = run("report", str(path.parent.parent), "--format", "txt")
    assert code == 0
    code, by_file, _ = run("report", str(path), "--format", "txt")
    assert by_label == by_folder == by_file
    code, _, err = run("report", "geen-casus")
    assert code == 2
    assert "geen recordbestand, map of casus" in err
    text = find_protocol("partnergeweld").read_text(encoding="utf-8")
    Session.start(
        CaseStore(tmp_path / "home"),
        "half",
        protocol_text=text,
        compiled=compile_text(text, "partnergeweld.yaml"),
        role="huisarts",
        lang="nl",
    )
    code, _, err = run("report", "half")
    assert code == 2
    assert "casus half heeft nog geen record; onderteken met 'meldcode sign half'" in err


def test_end_to_end_with_init_and_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(tmp_path / "home"))
    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin\n")
    pw.chmod(0o600)
    example = str(ROOT / "examples" / "casus-partnergeweld.yaml")
    code, _, err = run(
        "init",
        "--name",
        "Dr. A. Jansen",
        "--role",
        "huisarts",
        "--organisation",
        "Praktijk",
        "--passphrase-file",
        str(pw),
    )
    assert code == 0, err
    code, _, err = run(
        "start", "partnergeweld", "--answers", example, "--case", "c1", "--passphrase-file",
        str(pw), "--yes",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("report", "c1", "--format", "html")
    assert code == 0, err
    assert "<h1>Concept-melding aan Veilig Thuis</h1>" in out
    code, out, _ = run("start", "partnergeweld", "--answers", example, "--case", "c2", "--no-sign")
    assert code == 0
    code, out, err = run("report", "c2", "--format", "txt")
    assert code == 0, err
    assert out.startswith("*** OEFENING ***")


# --- the real browser ------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_render_script_in_headless_chromium(tmp_path: Path) -> None:
    env = {**os.environ, "MELDCODE": f"{sys.executable} -m meldcode_cli"}
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "render-report.sh"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "out" / "concept-melding.pdf").stat().st_size > 10_000
    assert "OK: no network request" in proc.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_betrokkenen_asked_on_a_terminal(tmp_path: Path) -> None:
    path = build(tmp_path)
    prompts = io.StringIO()
    req = ReportRequest(str(path), "md")
    text = make_report(
        req,
        stdin=_Terminal("kind\nSam\n2019-05-01\nzoon\n\n\n\n\n\nj\n\n"),  # 4 more fields
        prompt_out=prompts,
        today=TODAY,
    ).text
    assert "### Betrokkene 1: kind" in text
    assert "2019-05-01 (6 jaar)" in text
    assert "- **kind**: 6 jaar" in text  # a child in the household
    assert "gevraagd bij het maken van dit concept; niet opgeslagen" in text
    assert "Betrokkene 1, rol" in prompts.getvalue()
