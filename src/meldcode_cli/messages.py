"""The message catalogue: every chrome string, Dutch by default, English complete.

Language: ``--lang`` beats ``MELDCODE_LANG``, which beats Dutch. Diagnostic details
are written for protocol authors in Dutch; their code titles are translated here.
"""

from __future__ import annotations

import os

__all__ = ["LANGS", "get_lang", "set_lang", "t"]

LANGS = ("nl", "en")

_lang: str | None = None

CATALOGUE: dict[str, dict[str, str]] = {
    "app.help": {
        "nl": "De meldcode huiselijk geweld en kindermishandeling: protocollen als data, "
        "gecontroleerd, lokaal.",
        "en": "The Dutch reporting code for domestic violence and child abuse: protocols "
        "as data, checked, local.",
    },
    "opt.lang": {
        "nl": "Taal van de uitvoer: nl of en (ook via MELDCODE_LANG).",
        "en": "Output language: nl or en (also via MELDCODE_LANG).",
    },
    "opt.version": {"nl": "Toon de versie en stop.", "en": "Show the version and exit."},
    "opt.format": {"nl": "Uitvoerformaat.", "en": "Output format."},
    "opt.verbose": {"nl": "Toon ook de geldige bestanden.", "en": "Also list the valid files."},
    "cmd.validate": {
        "nl": "Controleer protocolbestanden (schema, verwijzingen, alle paden).",
        "en": "Check protocol files (schema, references, every path).",
    },
    "cmd.validate.paths": {
        "nl": "Bestanden of mappen; zonder pad: de meegeleverde protocollen.",
        "en": "Files or folders; without a path: the shipped protocols.",
    },
    "cmd.schema": {
        "nl": "Schrijf het JSON Schema van het protocolformaat.",
        "en": "Write the JSON Schema of the protocol format.",
    },
    "cmd.schema.kind": {
        "nl": "Welk schema: protocol of scenarios.",
        "en": "Which schema: protocol or scenarios.",
    },
    "cmd.schema.output": {"nl": "Schrijf naar dit bestand.", "en": "Write to this file."},
    "cmd.test": {
        "nl": "Draai scenario's door de engine en toon welke beslispaden niet gedekt zijn.",
        "en": "Run scenarios through the engine and show which decision paths are not covered.",
    },
    "cmd.test.paths": {
        "nl": "Scenariobestanden (*.scenarios.yaml) of mappen; zonder pad: de meegeleverde.",
        "en": "Scenario files (*.scenarios.yaml) or folders; without a path: the shipped ones.",
    },
    "cmd.test.require": {
        "nl": "Faal (exit 1) als een beslispad door geen scenario gedekt is.",
        "en": "Fail (exit 1) when a decision path is covered by no scenario.",
    },
    "cmd.list": {"nl": "Toon de meegeleverde protocollen.", "en": "List the shipped protocols."},
    "cmd.start": {
        "nl": "Doorloop een protocol stap voor stap; elk antwoord wordt direct opgeslagen.",
        "en": "Walk a protocol step by step; every answer is saved at once.",
    },
    "cmd.start.role": {
        "nl": "Uw rol: huisarts, wijkagent of professional.",
        "en": "Your role: huisarts, wijkagent or professional.",
    },
    "cmd.start.case": {
        "nl": "Casuslabel (een pseudoniem, nooit de naam van de cliënt).",
        "en": "Case label (a pseudonym, never the client's name).",
    },
    "cmd.start.plain": {
        "nl": "Eenvoudige, regelgebaseerde vragen (schermlezer, TERM=dumb); standaard automatisch.",
        "en": "Plain line-based questions (screen reader, TERM=dumb); automatic by default.",
    },
    "cmd.start.answers": {
        "nl": "Antwoorden uit een bestand (scenarioformaat) in plaats van vragen.",
        "en": "Answers from a file (scenario format) instead of questions.",
    },
    "cmd.start.save": {
        "nl": "Sla de casus op (standaard); --no-save voor oefenen.",
        "en": "Save the case (default); --no-save for practice.",
    },
    "cmd.start.sign": {
        "nl": "Onderteken het beslisrecord aan het eind (standaard); --no-sign alleen voor "
        "oefenen (gemarkeerd als OEFENING).",
        "en": "Sign the decision record at the end (default); --no-sign only for training "
        "(marked TRAINING).",
    },
    "opt.passphrase_file": {
        "nl": "Lees de wachtzin uit dit bestand (alleen voor scripts; chmod 600).",
        "en": "Read the passphrase from this file (scripts only; chmod 600).",
    },
    "cmd.init": {
        "nl": "Maak uw profiel en een sleutelpaar om beslisrecords te ondertekenen.",
        "en": "Create your profile and a key pair to sign decision records.",
    },
    "cmd.init.name": {"nl": "Uw naam.", "en": "Your name."},
    "cmd.init.role": {"nl": "Uw rol.", "en": "Your role."},
    "cmd.init.organisation": {"nl": "Uw organisatie.", "en": "Your organisation."},
    "cmd.init.registration": {
        "nl": "Registratienummer (bv. BIG), optioneel.",
        "en": "Registration number (e.g. BIG), optional.",
    },
    "cmd.init.contact": {
        "nl": "Telefoon of e-mail voor Veilig Thuis, optioneel.",
        "en": "Phone or e-mail for Veilig Thuis, optional.",
    },
    "cmd.init.force": {
        "nl": "Begin opnieuw: nieuw profiel en nieuwe sleutel (oude publieke sleutels blijven "
        "in de sleutelring).",
        "en": "Start over: new profile and key (old public keys stay in the keyring).",
    },
    "cmd.key": {"nl": "Uw sleutel: exporteren of vervangen.", "en": "Your key: export or rotate."},
    "cmd.key.export": {
        "nl": "Schrijf uw publieke sleutel (JSON) voor wie uw records controleert.",
        "en": "Write your public key (JSON) for whoever verifies your records.",
    },
    "cmd.key.rotate": {
        "nl": "Vervang uw sleutel; de oude publieke sleutel blijft in de sleutelring.",
        "en": "Replace your key; the old public key stays in the keyring.",
    },
    "cmd.sign": {
        "nl": "Onderteken het beslisrecord van een afgeronde casus (of een wijziging daarop).",
        "en": "Sign the decision record of a finished case (or an amendment to it).",
    },
    "cmd.sign.training": {
        "nl": "Niet ondertekenen: schrijf een OEFENING-record (geen dossierstuk).",
        "en": "Do not sign: write a TRAINING record (not a file entry).",
    },
    "cmd.sign.override": {
        "nl": "Uw besluit wijkt af van het berekende: bv. 'melden' of 'melden,hulp'.",
        "en": "Your decision differs from the computed one: e.g. 'melden' or 'melden,hulp'.",
    },
    "cmd.sign.reason": {
        "nl": "De reden (bij afwijken, of bij een wijziging op een ondertekend record).",
        "en": "The reason (for an override, or for an amendment to a signed record).",
    },
    "cmd.sign.consulted": {
        "nl": "Wie u raadpleegde over het afwijkende besluit.",
        "en": "Whom you consulted about the differing decision.",
    },
    "cmd.evaluate": {
        "nl": "Evaluatie van de hulp (afweging 5) en een nieuw ondertekend record.",
        "en": "Evaluate the help (consideration 5) and sign a new record.",
    },
    "cmd.verify": {
        "nl": "Controleer ondertekende records: handtekening, schema, protocol en keten.",
        "en": "Verify signed records: signature, schema, protocol and chain.",
    },
    "cmd.verify.paths": {
        "nl": "Recordbestanden of mappen (bv. de records-map van een casus).",
        "en": "Record files or folders (e.g. a case's records folder).",
    },
    "cmd.verify.key": {
        "nl": "Alleen geldig als ondertekend met deze publieke sleutel (meldcode key export).",
        "en": "Valid only if signed with this public key (meldcode key export).",
    },
    "cmd.verify.keyring": {
        "nl": "Controleer tegen uw sleutelring (ook oude sleutels, met hun geldigheid).",
        "en": "Verify against your keyring (old keys too, with their validity).",
    },
    "cmd.resume": {
        "nl": "Ga verder met een casus waar u gebleven was.",
        "en": "Continue a case where you left it.",
    },
    "cmd.resume.case": {"nl": "Het casuslabel.", "en": "The case label."},
    "cmd.resume.on_change": {
        "nl": "Als het protocol intussen veranderde: pinned (vastgelegde versie) of restart.",
        "en": "If the protocol changed meanwhile: pinned (the version the case began with) "
        "or restart.",
    },
    "cmd.cases": {
        "nl": "Toon uw casussen (label, protocol, stap, laatste activiteit, evaluatie).",
        "en": "List your cases (label, protocol, step, last activity, evaluation).",
    },
    "cmd.cases.due": {
        "nl": "Alleen casussen waarvan de evaluatie (afweging 5) nu aan de orde is.",
        "en": "Only cases whose evaluation (consideration 5) is due.",
    },
    "cmd.show": {
        "nl": "Toon de opbouw van een protocol als boom of stroomschema.",
        "en": "Show the structure of a protocol as a tree or a flow diagram.",
    },
    "cmd.show.protocol": {
        "nl": "Protocol-id of pad naar een protocolbestand.",
        "en": "Protocol id or path to a protocol file.",
    },
    "cmd.show.role": {
        "nl": "Toon alleen wat voor deze rol geldt.",
        "en": "Show only what applies to this role.",
    },
    "validate.summary": {
        "nl": "{files} bestand(en) gecontroleerd: {ok} in orde, {bad} met fouten "
        "({errors} fout(en), {warnings} waarschuwing(en)).",
        "en": "{files} file(s) checked: {ok} valid, {bad} invalid "
        "({errors} error(s), {warnings} warning(s)).",
    },
    "validate.ok_file": {
        "nl": "{path}: in orde ({paths} paden, {decisions} beslispaden)",
        "en": "{path}: valid ({paths} paths, {decisions} decision paths)",
    },
    "validate.progress": {"nl": "Controleren", "en": "Checking"},
    "validate.none": {
        "nl": "geen protocolbestanden gevonden in: {paths}",
        "en": "no protocol files found in: {paths}",
    },
    "hint": {"nl": "tip", "en": "hint"},
    "error": {"nl": "fout", "en": "error"},
    "warning": {"nl": "waarschuwing", "en": "warning"},
    "usage_error": {"nl": "Gebruiksfout", "en": "Usage error"},
    "interrupted": {"nl": "Onderbroken.", "en": "Interrupted."},
    "internal_error": {
        "nl": "Interne fout in meldcode ({kind}: {message}). Er is niets opgeslagen of "
        "gewijzigd. Meld dit met het commando dat u gaf.",
        "en": "Internal error in meldcode ({kind}: {message}). Nothing was saved or "
        "changed. Please report this with the command you ran.",
    },
    "list.header.id": {"nl": "id", "en": "id"},
    "list.header.title": {"nl": "titel", "en": "title"},
    "list.header.version": {"nl": "versie", "en": "version"},
    "list.header.file": {"nl": "bestand", "en": "file"},
    "list.invalid": {
        "nl": "{path}: ongeldig protocol, draai 'meldcode validate {path}'",
        "en": "{path}: invalid protocol, run 'meldcode validate {path}'",
    },
    "show.not_found": {
        "nl": "geen protocol '{name}'; bekend: {known}",
        "en": "no protocol '{name}'; known: {known}",
    },
    "show.invalid": {
        "nl": "'{name}' is geen geldig protocol; draai 'meldcode validate {path}'",
        "en": "'{name}' is not a valid protocol; run 'meldcode validate {path}'",
    },
    "show.step": {"nl": "Stap {n} van 5: {title}", "en": "Step {n} of 5: {title}"},
    "show.when": {"nl": "alleen als", "en": "only if"},
    "show.acute": {"nl": "acuut", "en": "acute"},
    "show.acute_route": {"nl": "acute route (elke stap)", "en": "acute route (any step)"},
    "show.structural": {"nl": "structureel", "en": "structural"},
    "show.afwegingskader": {
        "nl": "Afwegingskader (gedeeld, vijf afwegingen)",
        "en": "Assessment framework (shared, five considerations)",
    },
    "test.pass": {"nl": "geslaagd", "en": "passed"},
    "test.fail": {"nl": "mislukt", "en": "failed"},
    "test.summary": {
        "nl": "{passed} passed, {failed} failed",
        "en": "{passed} passed, {failed} failed",
    },
    "test.coverage": {
        "nl": "{protocol}: {covered} van {total} beslispaden gedekt",
        "en": "{protocol}: {covered} of {total} decision paths covered",
    },
    "test.uncovered": {"nl": "niet gedekt", "en": "not covered"},
    "test.none": {
        "nl": "geen scenariobestanden (*.scenarios.yaml) gevonden in: {paths}",
        "en": "no scenario files (*.scenarios.yaml) found in: {paths}",
    },
    "decision.melden": {"nl": "melden bij Veilig Thuis", "en": "report to Veilig Thuis"},
    "decision.hulp": {"nl": "hulp bieden of organiseren", "en": "offer or organise help"},
    "decision.afsluiten": {"nl": "afsluiten", "en": "close"},
    "decision.evaluatie": {
        "nl": "evaluatie van de hulp (afweging 5) nog te doen",
        "en": "evaluation of the help (consideration 5) still to do",
    },
    "schema.written": {"nl": "schema geschreven naar {path}", "en": "schema written to {path}"},
    # --- the walk ---------------------------------------------------------------------
    "walk.step": {"nl": "Stap {n} van 5: {title}", "en": "Step {n} of 5: {title}"},
    "walk.nature.feit": {"nl": "feit", "en": "fact"},
    "walk.nature.interpretatie": {"nl": "interpretatie", "en": "interpretation"},
    "walk.nature.toelichting": {"nl": "toelichting", "en": "explanation"},
    "walk.provenance.eigen_waarneming": {"nl": "eigen waarneming", "en": "own observation"},
    "walk.provenance.client": {"nl": "verteld door cliënt", "en": "told by the client"},
    "walk.provenance.derde": {"nl": "verteld door derde", "en": "told by a third party"},
    "walk.provenance.dossier": {"nl": "uit dossier", "en": "from the file"},
    "walk.ja": {"nl": "ja", "en": "yes"},
    "walk.nee": {"nl": "nee", "en": "no"},
    "walk.not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "walk.none_chosen": {"nl": "geen", "en": "none"},
    "walk.why.title": {"nl": "Waarom deze vraag ({id})?", "en": "Why this question ({id})?"},
    "walk.why.when": {
        "nl": "Deze vraag komt voor omdat geldt: {when}",
        "en": "This question appears because: {when}",
    },
    "walk.why.always": {
        "nl": "Deze vraag hoort altijd bij deze stap.",
        "en": "This question always belongs to this step.",
    },
    "walk.why.afwegingskader": {
        "nl": "Deze vraag komt uit het afwegingskader (verplicht sinds 1 januari 2019).",
        "en": "This question comes from the assessment framework (mandatory since 1 January 2019).",
    },
    "walk.why.sources": {"nl": "Bronnen:", "en": "Sources:"},
    "walk.why.no_sources": {
        "nl": "Geen bron vermeld (geen normatieve vraag).",
        "en": "No source given (not a normative question).",
    },
    "walk.acute.title": {"nl": "ACUUT GEVAAR", "en": "ACUTE DANGER"},
    "walk.acute.recorded": {
        "nl": "Vastgelegd: de acute route is genomen in stap {step}.",
        "en": "Recorded: the acute route was taken in step {step}.",
    },
    "walk.acute.continue": {
        "nl": "Verder met de meldcode (ja) of nu stoppen en later hervatten (nee)?",
        "en": "Continue with the meldcode (yes) or stop now and resume later (no)?",
    },
    "walk.no_decision": {"nl": "Nog geen beslissing.", "en": "No decision yet."},
    "walk.decision.title": {"nl": "Beslissing (afwegingskader):", "en": "Decision (framework):"},
    "walk.decision.meldnormen": {
        "nl": "meldnorm(en): {normen}",
        "en": "reporting norm(s): {normen}",
    },
    "walk.decision.samen": {
        "nl": "afwegingen 3 tot en met 5 samen met Veilig Thuis",
        "en": "considerations 3 to 5 together with Veilig Thuis",
    },
    "walk.decision.onveilig": {
        "nl": "acute of structurele onveiligheid vastgelegd",
        "en": "acute or structural unsafety recorded",
    },
    "walk.decision.evaluatie": {
        "nl": "evaluatie van de hulp (afweging 5) op {date}: 'meldcode resume' om te evalueren",
        "en": "evaluation of the help (consideration 5) on {date}: 'meldcode resume' to evaluate",
    },
    "walk.decision.opnieuw": {"nl": "(opnieuw) melden bij Veilig Thuis", "en": "report (again)"},
    "walk.decision.monitoring": {
        "nl": "hulp afsluiten met afspraken over het volgen van de veiligheid",
        "en": "close the help with agreements on monitoring safety",
    },
    "walk.dossier.title": {
        "nl": "Wat het dossier moet bevatten:",
        "en": "What the file must hold:",
    },
    "walk.dossier.note": {
        "nl": "notitie ({provenance}, {nature}): {text}",
        "en": "note ({provenance}, {nature}): {text}",
    },
    "walk.dossier.acute": {
        "nl": "Acute route genomen in stap: {steps}",
        "en": "Acute route taken in step(s): {steps}",
    },
    "walk.dossier.superseded": {
        "nl": "{n} eerder antwoord(en) gewijzigd of vervallen (bewaard in het journaal)",
        "en": "{n} earlier answer(s) changed or no longer relevant (kept in the journal)",
    },
    "walk.ways_out": {
        "nl": "Typ bij elke vraag ook: terug, waarom, notitie, acuut (acuut gevaar) of pauze.",
        "en": "At every question you can also type: back, why, note, acute (acute danger) "
        "or pause.",
    },
    "walk.current": {"nl": "huidig antwoord", "en": "current answer"},
    "role.huisarts": {"nl": "huisarts (KNMG-meldcode)", "en": "GP (KNMG code)"},
    "role.wijkagent": {"nl": "wijkagent", "en": "community police officer"},
    "role.professional": {"nl": "andere professional", "en": "other professional"},
    "walk.role.choose": {"nl": "In welke rol doorloopt u de meldcode?", "en": "In which role?"},
    "walk.role.again": {"nl": "Kies een nummer van 1 tot en met {n}.", "en": "Choose 1 to {n}."},
    "walk.no_tty": {
        "nl": "geen terminal om vragen te stellen; geef de antwoorden met --answers BESTAND "
        "(het formaat van de scenariobestanden)",
        "en": "no terminal to ask questions on; give the answers with --answers FILE "
        "(the scenario file format)",
    },
    "walk.no_tty_resume": {
        "nl": "geen terminal om vragen te stellen; 'meldcode resume' werkt alleen interactief",
        "en": "no terminal to ask questions on; 'meldcode resume' only works interactively",
    },
    "walk.case": {
        "nl": "Casus: {label} (een pseudoniem; gebruik nooit de naam van de cliënt)",
        "en": "Case: {label} (a pseudonym; never use the client's name)",
    },
    "walk.missing": {
        "nl": "{n} antwoord(en) ontbreken:",
        "en": "{n} answer(s) missing:",
    },
    "walk.saved": {
        "nl": "Vastgelegd in het journaal van casus {label}.",
        "en": "Recorded in the journal of case {label}.",
    },
    "walk.restarted": {
        "nl": "Casus {old} blijft bewaard; u begint opnieuw als {new} met het huidige protocol.",
        "en": "Case {old} is kept; you start again as {new} with the current protocol.",
    },
    "walk.already_complete": {
        "nl": "Casus {label} is afgerond. U kunt antwoorden wijzigen met 'terug' of afweging 5 "
        "beantwoorden bij de evaluatie.",
        "en": "Case {label} is complete. You can change answers with 'back' or answer "
        "consideration 5 at the evaluation.",
    },
    "walk.recovered": {
        "nl": "Let op: {n} regel(s) van het journaal waren beschadigd ({problem}) en zijn "
        "niet meegenomen. Alles daarvoor is hersteld; controleer het laatste antwoord.",
        "en": "Note: {n} journal line(s) were damaged ({problem}) and were dropped. "
        "Everything before them was restored; check the last answer.",
    },
    "walk.protocol_changed": {
        "nl": "Het protocol is gewijzigd sinds deze casus begon.",
        "en": "The protocol has changed since this case started.",
    },
    "walk.on_change.pinned": {
        "nl": "verder met de vastgelegde versie (aanbevolen: alles blijft zoals het was)",
        "en": "continue on the pinned version (recommended: nothing changes)",
    },
    "walk.on_change.restart": {
        "nl": "opnieuw beginnen met het huidige protocol (nieuwe casus)",
        "en": "start again with the current protocol (new case)",
    },
    "cases.none": {"nl": "Geen casussen.", "en": "No cases."},
    "key.passphrase": {"nl": "Wachtzin van uw sleutel:", "en": "Passphrase of your key:"},
    "key.passphrase.new": {"nl": "Nieuwe wachtzin:", "en": "New passphrase:"},
    "key.passphrase.again": {"nl": "Nogmaals:", "en": "Again:"},
    "key.passphrase.mismatch": {
        "nl": "de twee wachtzinnen verschillen; er is niets geschreven",
        "en": "the two passphrases differ; nothing was written",
    },
    "key.no_tty": {
        "nl": "geen terminal om de wachtzin te vragen; gebruik --passphrase-file BESTAND "
        "(chmod 600)",
        "en": "no terminal to ask the passphrase; use --passphrase-file FILE (chmod 600)",
    },
    "key.required": {"nl": "(verplicht)", "en": "(required)"},
    "key.init.flags": {
        "nl": "geen terminal: geef --name, --role en --organisation (en --passphrase-file)",
        "en": "no terminal: give --name, --role and --organisation (and --passphrase-file)",
    },
    "key.init.name": {"nl": "Uw naam:", "en": "Your name:"},
    "key.init.role": {
        "nl": "Uw rol (huisarts, wijkagent, professional, trainer):",
        "en": "Your role (huisarts, wijkagent, professional, trainer):",
    },
    "key.init.organisation": {"nl": "Organisatie:", "en": "Organisation:"},
    "key.init.registration": {
        "nl": "Registratienummer, bv. BIG (leeg = geen):",
        "en": "Registration number, e.g. BIG (empty = none):",
    },
    "key.init.contact": {
        "nl": "Telefoon of e-mail voor Veilig Thuis (leeg = geen):",
        "en": "Phone or e-mail for Veilig Thuis (empty = none):",
    },
    "key.init.done": {
        "nl": "Profiel en sleutel gemaakt. Vingerafdruk van uw publieke sleutel: {fp}\n"
        "Geef uw publieke sleutel aan wie uw records moet kunnen controleren: "
        "meldcode key export > mijn-sleutel.json",
        "en": "Profile and key created. Fingerprint of your public key: {fp}\n"
        "Give your public key to whoever must verify your records: "
        "meldcode key export > my-key.json",
    },
    "key.rotated": {
        "nl": "Nieuwe sleutel {new}; de oude ({old}) blijft in de sleutelring om eerdere "
        "records te controleren.",
        "en": "New key {new}; the old one ({old}) stays in the keyring to verify earlier records.",
    },
    "key.signed": {
        "nl": "Ondertekend ({kind}) met sleutel {fp}: {path}",
        "en": "Signed ({kind}) with key {fp}: {path}",
    },
    "key.training_record": {
        "nl": "OEFENING, niet ondertekend (geen dossierstuk): {path}",
        "en": "TRAINING, not signed (not a file entry): {path}",
    },
    "key.no_profile": {
        "nl": "Niet ondertekend: er is geen profiel. Maak er een met 'meldcode init' en "
        "onderteken daarna met 'meldcode sign {label}'.",
        "en": "Not signed: there is no profile. Create one with 'meldcode init', then sign "
        "with 'meldcode sign {label}'.",
    },
    "sign.choose": {
        "nl": "Het beslisrecord ondertekenen?",
        "en": "Sign the decision record?",
    },
    "sign.now": {
        "nl": "ja, onderteken deze beslissing",
        "en": "yes, sign this decision",
    },
    "sign.override": {
        "nl": "ik besluit anders (afwijken, met reden en wie ik raadpleegde)",
        "en": "I decide differently (override, with reason and whom I consulted)",
    },
    "sign.later": {"nl": "later ondertekenen", "en": "sign later"},
    "sign.later.how": {
        "nl": "Niet ondertekend. Onderteken later met: meldcode sign {label}",
        "en": "Not signed. Sign later with: meldcode sign {label}",
    },
    "sign.override.melden": {"nl": "Uw besluit: melden?", "en": "Your decision: report?"},
    "sign.override.hulp": {
        "nl": "Uw besluit: hulp bieden of organiseren?",
        "en": "Your decision: offer or organise help?",
    },
    "sign.override.afsluiten": {"nl": "Uw besluit: afsluiten?", "en": "Your decision: close?"},
    "sign.override.reason": {"nl": "Reden van het afwijken:", "en": "Reason for the override:"},
    "sign.override.consulted": {
        "nl": "Wie raadpleegde u (en wanneer)?",
        "en": "Whom did you consult (and when)?",
    },
    "verify.valid": {"nl": "geldig", "en": "valid"},
    "verify.invalid": {"nl": "ONGELDIG", "en": "INVALID"},
    "verify.chain": {"nl": "keten", "en": "chain"},
    "verify.summary": {
        "nl": "{n} record(s): {ok} geldig, {bad} ongeldig; {chain} ketenprobleem/-problemen.",
        "en": "{n} record(s): {ok} valid, {bad} invalid; {chain} chain problem(s).",
    },
    "cases.label": {"nl": "casus", "en": "case"},
    "cases.protocol": {"nl": "protocol", "en": "protocol"},
    "cases.step": {"nl": "stap", "en": "step"},
    "cases.last": {"nl": "laatste activiteit", "en": "last activity"},
    "cases.due": {"nl": "evaluatie", "en": "evaluation"},
    "cases.finished": {"nl": "afgerond", "en": "complete"},
    "walk.plain.multi": {
        "nl": "(nummers gescheiden door spaties of komma's; - voor geen)",
        "en": "(numbers separated by spaces or commas; - for none)",
    },
    "walk.plain.multiline": {
        "nl": "(meerdere regels; sluit af met een regel met alleen een punt)",
        "en": "(several lines; finish with a line holding only a full stop)",
    },
    "walk.ways_out.keys": {
        "nl": "Ctrl-B terug · F1 waarom · Ctrl-N notitie · Ctrl-G acuut gevaar · Ctrl-P pauzeren "
        "(of Esc dan t / w / n / a / p)",
        "en": "Ctrl-B back · F1 why · Ctrl-N note · Ctrl-G acute danger · Ctrl-P pause "
        "(or Esc then t / w / n / a / p)",
    },
    "walk.back.choose": {
        "nl": "Welk antwoord wilt u wijzigen?",
        "en": "Which answer do you want to change?",
    },
    "walk.back.cancel": {"nl": "(niets wijzigen)", "en": "(change nothing)"},
    "walk.note.text": {"nl": "Notitie:", "en": "Note:"},
    "walk.note.provenance": {
        "nl": "Herkomst van de notitie:",
        "en": "Where does the note come from?",
    },
    "walk.note.nature": {
        "nl": "Is het een feit of een interpretatie?",
        "en": "Fact or interpretation?",
    },
    "walk.problem": {"nl": "Niet aangenomen: {reason}", "en": "Not accepted: {reason}"},
    "walk.skip": {
        "nl": "(leeg laten = overslaan)",
        "en": "(leave empty to skip)",
    },
    "walk.multiline": {
        "nl": "(meerdere regels; Esc dan Enter om af te sluiten)",
        "en": "(several lines; Esc then Enter to finish)",
    },
    "walk.paused": {
        "nl": "Opgeslagen. Ga verder met: meldcode resume {label}",
        "en": "Saved. Continue with: meldcode resume {label}",
    },
    "walk.interrupted": {
        "nl": "Onderbroken; alles tot en met het laatste antwoord is opgeslagen. "
        "Ga verder met: meldcode resume {label}",
        "en": "Interrupted; everything up to the last answer is saved. "
        "Continue with: meldcode resume {label}",
    },
    # --- the interactive prompter (prompting.py) --------------------------------------
    "walk.ways_out.typed": {
        "nl": "In tekstvragen kan ook: :t terug · :? waarom · :n notitie · :a acuut gevaar · "
        ":p pauzeren",
        "en": "In text questions you can also type: :t back · :? why · :n note · "
        ":a acute danger · :p pause",
    },
    "walk.instruction.select": {
        "nl": "(pijltjestoetsen; Enter kiest)",
        "en": "(arrow keys; Enter chooses)",
    },
    "walk.instruction.select_filter": {
        "nl": "(typ om te filteren; pijltjestoetsen; Enter kiest)",
        "en": "(type to filter; arrow keys; Enter chooses)",
    },
    "walk.instruction.checkbox": {
        "nl": "(spatie zet aan of uit; Enter bevestigt; a = alles, i = omkeren)",
        "en": "(space toggles; Enter confirms; a = all, i = invert)",
    },
    "walk.instruction.checkbox_filter": {
        "nl": "(typ om te filteren; spatie zet aan of uit; Enter bevestigt)",
        "en": "(type to filter; space toggles; Enter confirms)",
    },
    "walk.skip_choice": {
        "nl": "(overslaan; later beantwoorden)",
        "en": "(skip; answer later)",
    },
    "walk.date_format": {"nl": "(JJJJ-MM-DD)", "en": "(YYYY-MM-DD)"},
    "walk.note.cancel": {"nl": "(leeg laten = geen notitie)", "en": "(leave empty for no note)"},
    "walk.back.none": {
        "nl": "Er zijn nog geen antwoorden om te wijzigen.",
        "en": "There are no answers to change yet.",
    },
    "walk.confirm.instruction": {"nl": "(J/n) ", "en": "(Y/n) "},
}

CODE_TITLES_EN: dict[str, str] = {
    "MC001": "file not readable",
    "MC002": "YAML syntax error",
    "MC003": "duplicate key",
    "MC004": "YAML construct not allowed (tag, alias or merge key)",
    "MC005": "file too large or nested too deeply",
    "MC006": "document is not a mapping",
    "MC007": "value YAML 1.1 reads differently than intended",
    "MC101": "required field missing",
    "MC102": "unknown field",
    "MC103": "wrong type",
    "MC104": "invalid value",
    "MC105": "unknown item kind",
    "MC106": "unsupported schema_version",
    "MC201": "duplicate id",
    "MC202": "unknown reference",
    "MC203": "reference to a later item",
    "MC204": "syntax error in condition",
    "MC205": "type error in condition",
    "MC206": "unknown source",
    "MC207": "normative item without a source",
    "MC208": "afwegingskader missing or misplaced",
    "MC209": "reserved id",
    "MC210": "steps not 1 to 5",
    "MC211": "role not among the protocol's roles",
    "MC212": "duplicate option",
    "MC213": "unused source",
    "MC214": "invalid min_selected",
    "MC215": "protocol id used by more than one file",
    "MC216": "file name differs from protocol id",
    "MC217": "choice without options for a role",
    "MC301": "path without a decision",
    "MC302": "decision deviates from the afwegingskader",
    "MC303": "unsafety without a report",
    "MC304": "too many paths to check exhaustively",
    "MC305": "unreachable item",
    "MC306": "unsafety signal depends on the consideration it decides",
    "MC307": "analysis of a long checklist approximated",
}


def set_lang(lang: str | None) -> None:
    global _lang  # noqa: PLW0603 - one process-wide setting, chosen once at start-up
    _lang = lang if lang in LANGS else None


def get_lang() -> str:
    if _lang:
        return _lang
    env = os.environ.get("MELDCODE_LANG", "").strip().lower()[:2]
    return env if env in LANGS else "nl"


def t(key: str, **params: object) -> str:
    """The catalogue text for ``key`` in the current language, formatted."""
    entry = CATALOGUE[key]
    text = entry.get(get_lang()) or entry["nl"]
    return text.format(**params) if params else text


def code_title(code: str) -> str:
    from meldcode_cli.diagnostics import CODES

    if get_lang() == "en":
        return CODE_TITLES_EN.get(code, code)
    return CODES.get(code, code)
