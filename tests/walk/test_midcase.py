"""Outputs of an unfinished case, no signature needed: report --advies and the phone summary."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.phone import phone_lines
from tests.case_helpers import walk_case

STEP1 = {
    "signalen": ["lichamelijk_geweld", "angst"],
    "signalen_feiten": "08-01, spreekuur: blauwe plek linker bovenarm.",
    "signalen_bron": ["eigen_waarneming"],
    "signalen_datum": "2026-01-08",
    "kindcheck": "ja",
    "kindcheck_kinderen": "Twee kinderen, 4 mnd en 6 jaar, waren thuis.",
    "kinderen_getuige": "ja",
    "mantelzorgcheck": "nee",
    "consultatie_collega": "ja",
    "consultatie_collega_verslag": "09-01, aandachtsfunctionaris: advies Veilig Thuis vragen.",
}


def test_advies_on_a_case_in_stap_2(home: Path) -> None:
    walk_case(CaseStore(), "stap2", "partnergeweld", "huisarts", STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["report", "stap2", "--advies", "--format", "txt"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Adviesvraag aan Veilig Thuis (geanonimiseerd)")
    assert "Casus nog niet af (stap 2 van 5)" in out
    assert "blauwe plek linker bovenarm" in out
    assert "stap2" not in out  # the case label stays out of an advice summary
    # the draft melding itself still needs a signed record
    refused = CliRunner().invoke(make_app(), ["report", "stap2"])
    assert refused.exit_code == 2
    assert "meldcode sign" in refused.stderr or "ondertekend" in refused.stderr


def test_advies_mid_case_still_refuses_a_leak(home: Path) -> None:
    answers = dict(STEP1)
    answers["signalen_feiten"] = "08-01: blauwe plek. Casus lek2 besproken."
    walk_case(CaseStore(), "lek2", "partnergeweld", "huisarts", answers, complete=False)
    result = CliRunner().invoke(make_app(), ["report", "lek2", "--advies"])
    assert result.exit_code == 1
    assert "het casuslabel" in result.stderr
    assert result.stdout == ""


def test_advies_mid_case_warns_on_shapes(home: Path) -> None:
    answers = dict(STEP1)
    answers["signalen_feiten"] = "08-01: blauwe plek; buurvrouw belde van 06-12345678."
    walk_case(CaseStore(), "c-771", "partnergeweld", "huisarts", answers, complete=False)
    result = CliRunner().invoke(make_app(), ["report", "c-771", "--advies"])
    # issue 13: a phone number in the advice summary is refused (nothing printed), and
    # the message says what and where, never the number itself
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "telefoonnummer" in result.stderr
    assert "06-12345678" not in result.stderr


def test_phone_summary_fits_one_screen(home: Path) -> None:
    session = walk_case(
        CaseStore(), "acuut", "partnergeweld", "huisarts", STEP1, acute_steps=[1], complete=False
    )
    lines = phone_lines(session.walk)
    assert len(lines) <= 20
    assert all(len(line) <= 72 for line in lines)
    text = "\n".join(lines)
    for label in ("Wie in gevaar:", "Waar:", "Wat is er gebeurd:", "Kinderen aanwezig:"):
        assert label in text
    flat = " ".join(text.split())  # lines are wrapped
    assert "en de minderjarige kinderen in het huishouden" in flat
    assert "Kinderen aanwezig: ja: Twee kinderen, 4 mnd en 6 jaar" in flat
    assert "acute route genomen in stap 1" in flat
    assert "noem het adres zelf" in flat
    result = CliRunner().invoke(make_app(), ["acute", "acuut"])
    assert result.exit_code == 0
    assert result.stdout.startswith("TELEFOONSAMENVATTING")


def test_the_acute_route_in_the_walk_shows_the_phone_summary(home: Path) -> None:
    from meldcode_cli.walk.phone import acute_block

    session = walk_case(CaseStore(), "w", "partnergeweld", "huisarts", STEP1, complete=False)
    block = acute_block(session.walk)
    assert "TELEFOONSAMENVATTING (voorlezen; acuut gevaar)" in block
    assert block.index("TELEFOONSAMENVATTING (voorlezen; acuut gevaar)") > 2


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_betrokkenen_asked_once_per_case(home: Path) -> None:
    from meldcode_cli.record.signing import sign_case
    from meldcode_cli.report.command import ReportRequest, make_report
    from tests.case_helpers import pick_scenario, scenario_today

    sc = pick_scenario("partnergeweld", "huisarts")
    session = walk_case(
        CaseStore(), "c1", "partnergeweld", "huisarts", sc["answers"], today=scenario_today(sc)
    )
    from meldcode_cli.record.profile import ProfileStore

    sign_case(session, passphrase=None, training=True, profiles=ProfileStore(home / "none"))
    # rol, naam, geboren, relatie, adres, telefoon, e-mail, gezag, school, huishouden; stop; keep
    answers = "slachtoffer\nSanne\n1991-04-12\n\nLindelaan 1\n\n\n\n\nj\n\nj\n"
    prompts = io.StringIO()
    first = make_report(
        ReportRequest("c1", "md"),
        stdin=_Tty(answers),
        prompt_out=prompts,
    )
    assert "Sanne" in first.text
    kept = CaseStore().folder("c1") / "betrokkenen.json"
    assert kept.is_file()
    assert kept.stat().st_mode & 0o077 == 0
    assert "Sanne" not in (CaseStore().folder("c1") / "records" / "0001-decision.json").read_text()
    # another format: not asked again
    prompts = io.StringIO()
    second = make_report(
        ReportRequest("c1", "txt"),
        stdin=_Tty(""),
        prompt_out=prompts,
    )
    assert "Sanne" in second.text
    assert "rol (bv." not in prompts.getvalue()
    assert "eerder gevraagd, bewaard bij de casus" in second.text
    # purge erases them with the case
    from meldcode_cli.walk.casemgmt import purge_case

    purge_case("c1")
    assert not kept.exists()


INCIDENT = (
    "Melding via de meldkamer, 02-12 22.10, woning: aanwezig moeder, partner en zoon 6 jaar; "
    "moeder met striemen in de hals, partner onder invloed; partner meegenomen."
)


def test_phone_summary_for_the_police_names_the_betrokkenen_and_the_incident(
    home: Path,
) -> None:
    answers = {"incident": INCIDENT, "signalen": ["verwurging"]}
    session = walk_case(
        CaseStore(), "p1", "partnergeweld", "wijkagent", answers, acute_steps=[1], complete=False
    )
    lines = phone_lines(session.walk)
    assert all(len(line) <= 72 for line in lines)
    flat = " ".join(" ".join(lines).split())
    assert "Betrokkenen: zoals bij het incident vastgelegd (met hun rol, zonder namen)" in flat
    assert "Het incident: Melding via de meldkamer, 02-12 22.10" in flat
    assert "(Poging tot) verwurging" in flat  # the acute signal still comes first
    assert "Wie in gevaar" not in flat
    assert "de cliënt" not in flat


def test_phone_summary_for_the_police_before_the_incident_is_described(home: Path) -> None:
    session = walk_case(
        CaseStore(), "p2", "partnergeweld", "wijkagent", {}, acute_steps=[1], complete=False
    )
    flat = " ".join(" ".join(phone_lines(session.walk)).split())
    assert "Betrokkenen: nog niet vastgelegd (het incident is nog niet beschreven)" in flat
    assert "de cliënt" not in flat


def test_phone_summary_for_the_police_in_english(home: Path) -> None:
    from meldcode_cli.i18n.messages import set_lang

    answers = {"incident": INCIDENT, "signalen": ["verwurging"]}
    session = walk_case(
        CaseStore(), "p3", "partnergeweld", "wijkagent", answers, acute_steps=[1], complete=False
    )
    set_lang("en")
    flat = " ".join(" ".join(phone_lines(session.walk)).split())
    assert "Involved: as recorded with the incident (by role, without names)" in flat
    assert "The incident: Melding via de meldkamer" in flat  # the professional's own words
    assert "Betrokkenen" not in flat
