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
        "nl": "Welk schema: protocol, scenarios, record, ketenkaart, monitor of organisatie.",
        "en": "Which schema: protocol, scenarios, record, ketenkaart, monitor or organisatie.",
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
        "nl": "Registratienummer, optioneel: BIG (huisarts), personeelsnummer of -referentie "
        "(wijkagent, geen BIG), beroepsregistratie (professional).",
        "en": "Registration number, optional: BIG (huisarts), personnel number or reference "
        "(wijkagent, no BIG), professional registration (professional).",
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
        "nl": "Recordbestanden, mappen (bv. de records-map van een casus) of casuslabels.",
        "en": "Record files, folders (e.g. a case's records folder) or case labels.",
    },
    "cmd.verify.key": {
        "nl": "Alleen geldig als ondertekend met deze publieke sleutel (meldcode key export).",
        "en": "Valid only if signed with this public key (meldcode key export).",
    },
    "cmd.verify.keyring": {
        "nl": "Controleer tegen uw sleutelring (ook oude sleutels, met hun geldigheid).",
        "en": "Verify against your keyring (old keys too, with their validity).",
    },
    "cmd.report": {
        "nl": "Maak uit een ondertekend beslisrecord een concept-melding voor Veilig Thuis "
        "(of met --advies een geanonimiseerde adviesvraag).",
        "en": "Make a draft melding for Veilig Thuis from a signed decision record (or with "
        "--advies a pseudonymised request for advice).",
    },
    "cmd.report.record": {
        "nl": "Recordbestand, de map van een casus of het casuslabel (het nieuwste record).",
        "en": "Record file, a case folder or the case label (its newest record).",
    },
    "cmd.report.output": {
        "nl": "Schrijf naar dit bestand (alleen voor u leesbaar) in plaats van naar stdout.",
        "en": "Write to this file (readable by you only) instead of stdout.",
    },
    "cmd.report.betrokkenen": {
        "nl": "YAML-bestand met de betrokkenen (nooit opgeslagen); zonder: gevraagd op een "
        "terminal.",
        "en": "YAML file with the persons involved (never stored); without it: asked on a "
        "terminal.",
    },
    "cmd.report.advies": {
        "nl": "Geanonimiseerde samenvatting voor een adviesvraag: alleen rollen en leeftijden; "
        "ook bij een casus die nog niet af is.",
        "en": "Pseudonymised summary for a request for advice: only roles and ages; also for "
        "a case that is not finished.",
    },
    "report.written": {
        "nl": "Geschreven naar {path} (alleen voor u leesbaar).",
        "en": "Written to {path} (readable by you only).",
    },
    "cmd.resume": {
        "nl": "Ga verder met een casus waar u gebleven was.",
        "en": "Continue a case where you left it.",
    },
    "cmd.resume.case": {
        "nl": "Het casuslabel; zonder label: de casussen die nog niet af zijn.",
        "en": "The case label; without one: the cases not yet finished.",
    },
    "cmd.resume.on_change": {
        "nl": "Als het protocol intussen veranderde: pinned (vastgelegde versie) of restart.",
        "en": "If the protocol changed meanwhile: pinned (the version the case began with) "
        "or restart.",
    },
    "cmd.cases": {
        "nl": "Toon uw casussen: stap, getekend, acuut, besluit en de volgende datum "
        "(evaluatie, terugkoppeling VT, gesprek gepland).",
        "en": "List your cases: step, signed, acute, decision and the next date (evaluation, "
        "VT feedback, conversation planned).",
    },
    "cmd.cases.due": {
        "nl": "Alleen casussen met een datum die vandaag of eerder valt (evaluatie, "
        "terugkoppeling VT, gesprek gepland).",
        "en": "Only cases with a date today or earlier (evaluation, VT feedback, "
        "conversation planned).",
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
        "nl": "Interne fout in meldcode ({kind}: {message}). Wat eerder in het journaal "
        "stond is niet aangetast; of deze laatste handeling is opgeslagen is niet zeker: "
        "kijk met 'meldcode cases'. Meld dit met het commando dat u gaf.",
        "en": "Internal error in meldcode ({kind}: {message}). What was in the journal "
        "before is untouched; whether this last action was saved is not certain: check "
        "with 'meldcode cases'. Please report this with the command you ran.",
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
    # --- trainer mode: casus, train, debrief, show --record (docs/trainer.md) -----------
    "cmd.casus": {
        "nl": "Oefencasussen voor trainers: controleren en tonen.",
        "en": "Training cases for trainers: check and list.",
    },
    "cmd.casus.validate": {
        "nl": "Controleer casusbestanden (*.casus.yaml): sleutel, bronnen, beslissing.",
        "en": "Check casus files (*.casus.yaml): key, sources, decision.",
    },
    "cmd.casus.paths": {
        "nl": "Casusbestanden of mappen; zonder pad: de meegeleverde casussen.",
        "en": "Casus files or folders; without a path: the shipped cases.",
    },
    "cmd.casus.list": {
        "nl": "Toon de casussen (id, protocol, rol, titel; de beslissing alleen met --key).",
        "en": "List the cases (id, protocol, role, title; the decision only with --key).",
    },
    "cmd.train": {
        "nl": "Oefen: doorloop het echte protocol op een casus, met terugkoppeling (OEFENING).",
        "en": "Practise: walk the real protocol on a casus, with feedback (TRAINING).",
    },
    "cmd.train.casus": {
        "nl": "Casus-id (meldcode casus list) of pad naar een casusbestand.",
        "en": "Casus id (meldcode casus list) or path to a casus file.",
    },
    "cmd.train.feedback": {
        "nl": "Terugkoppeling na elke stap (step) of pas aan het eind (end).",
        "en": "Feedback after every step (step) or only at the end (end).",
    },
    "cmd.debrief": {
        "nl": "Debrief van de oefenrecords van een groep: wie koos wat, tegen de sleutel.",
        "en": "Debrief a group's training records: who chose what, against the key.",
    },
    "cmd.debrief.records": {
        "nl": "Oefenrecords (OEFENING) of mappen met records, van één casus.",
        "en": "Training records (TRAINING) or folders with records, of one casus.",
    },
    "cmd.debrief.output": {"nl": "Schrijf naar dit bestand.", "en": "Write to this file."},
    "cmd.debrief.names": {
        "nl": "Toon ook de namen van de deelnemers (uit hun profiel).",
        "en": "Also show the participants' names (from their profile).",
    },
    "cmd.debrief.casus": {
        "nl": "De casus (id of pad); standaard uit het label van de records.",
        "en": "The casus (id or path); by default from the records' label.",
    },
    "cmd.show.record": {
        "nl": "Markeer het pad van een casus uit dit recordbestand (mermaid, dot, svg).",
        "en": "Highlight the path of a case from this record file (mermaid, dot, svg).",
    },
    "casus.list.id": {"nl": "id", "en": "id"},
    "casus.list.protocol": {"nl": "protocol", "en": "protocol"},
    "casus.list.role": {"nl": "rol", "en": "role"},
    "casus.list.decision": {"nl": "beslissing", "en": "decision"},
    "casus.list.title": {"nl": "titel", "en": "title"},
    "train.banner": {
        "nl": "OEFENING: geen echte casus, geen dossierstuk, niet ondertekend",
        "en": "TRAINING: not a real case, not a file entry, not signed",
    },
    "train.casus_line": {
        "nl": "Casus: {title} ({id}) · protocol {protocol} · rol: {role}",
        "en": "Casus: {title} ({id}) · protocol {protocol} · role: {role}",
    },
    "train.story": {"nl": "Casus (OEFENING):", "en": "Casus (TRAINING):"},
    "train.feedback.title": {
        "nl": "Terugkoppeling stap {step} (OEFENING): {ok} van {n} volgens de sleutel",
        "en": "Feedback step {step} (TRAINING): {ok} of {n} as in the key",
    },
    "train.yours": {"nl": "uw antwoord", "en": "your answer"},
    "train.key": {"nl": "sleutel", "en": "key"},
    "train.why": {"nl": "waarom", "en": "why"},
    "train.source": {"nl": "bron", "en": "source"},
    "train.missing": {"nl": "niet gekozen", "en": "not chosen"},
    "train.avoided": {"nl": "hoort hier niet", "en": "does not belong here"},
    "train.not_asked": {
        "nl": "niet gevraagd (door een eerder antwoord)",
        "en": "not asked (because of an earlier answer)",
    },
    "train.not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "train.at_least": {"nl": "minstens: {options}", "en": "at least: {options}"},
    "train.no_required": {
        "nl": "geen verplichte opties",
        "en": "no required options",
    },
    "train.also_ok": {"nl": "(ook goed: {options})", "en": "(also right: {options})"},
    "train.path": {"nl": "pad", "en": "path"},
    "train.decision.title": {
        "nl": "Beslissing (OEFENING), vergeleken met de sleutel:",
        "en": "Decision (TRAINING), compared with the key:",
    },
    "train.summary.ok": {
        "nl": "OEFENING afgerond: {ok} van {n} sleutelvragen volgens de sleutel; de beslissing "
        "klopt.",
        "en": "TRAINING finished: {ok} of {n} key questions as in the key; the decision is right.",
    },
    "train.summary.differs": {
        "nl": "OEFENING afgerond: {ok} van {n} sleutelvragen volgens de sleutel; de beslissing "
        "wijkt af.",
        "en": "TRAINING finished: {ok} of {n} key questions as in the key; the decision differs.",
    },
    "train.no_tty": {
        "nl": "geen terminal om vragen te stellen; een oefening is interactief",
        "en": "no terminal to ask questions on; training is interactive",
    },
    "train.paused": {
        "nl": "OEFENING gestopt. Een oefening wordt niet hervat: begin opnieuw met "
        "'meldcode train {casus}'.",
        "en": "TRAINING stopped. Training is not resumed: start again with "
        "'meldcode train {casus}'.",
    },
    "train.record": {
        "nl": "OEFENING-record (niet ondertekend, geen dossierstuk): {path}",
        "en": "TRAINING record (not signed, not a file entry): {path}",
    },
    "train.debrief_hint": {
        "nl": "Voor de debrief geeft u dit bestand aan de trainer: meldcode debrief {path}",
        "en": "For the debrief, give this file to the trainer: meldcode debrief {path}",
    },
    "debrief.none": {
        "nl": "geen recordbestanden gevonden in: {paths}",
        "en": "no record files found in: {paths}",
    },
    "debrief.not_training": {
        "nl": "{path} is geen oefenrecord (OEFENING); debrief leest alleen oefenrecords",
        "en": "{path} is not a training record; debrief only reads training records",
    },
    "debrief.mixed": {
        "nl": "de records horen bij verschillende casussen ({ids}); geef een debrief per casus "
        "of kies met --casus",
        "en": "the records belong to different cases ({ids}); debrief one casus at a time or "
        "choose with --casus",
    },
    "debrief.other_protocol": {
        "nl": "record van {case} gebruikt protocol {got}, de casus {want}",
        "en": "record of {case} uses protocol {got}, the casus {want}",
    },
    "debrief.other_version": {
        "nl": "{n} record(s) zijn gemaakt met een andere versie van het protocol",
        "en": "{n} record(s) were made with another version of the protocol",
    },
    "debrief.other_role": {
        "nl": "niet alle records zijn gemaakt in de rol van de casus ({role})",
        "en": "not all records were made in the role of the casus ({role})",
    },
    "debrief.banner": {
        "nl": "OEFENING · debrief · geen dossierstuk",
        "en": "TRAINING · debrief · not a file entry",
    },
    "debrief.watermark": {"nl": "OEFENING", "en": "TRAINING"},
    "debrief.title": {"nl": "Debrief: {title} ({id})", "en": "Debrief: {title} ({id})"},
    "debrief.meta": {
        "nl": "protocol {protocol} · rol {role} · {n} deelnemer(s)",
        "en": "protocol {protocol} · role {role} · {n} participant(s)",
    },
    "debrief.decision": {
        "nl": "Beslissing: melden, hulp, afsluiten",
        "en": "Decision: report, help, close",
    },
    "debrief.path": {
        "nl": "Pad door het afwegingskader",
        "en": "Path through the assessment framework",
    },
    "debrief.items": {"nl": "Sleutelvragen", "en": "Key questions"},
    "debrief.afwegingen": {"nl": "Afwegingen", "en": "Considerations"},
    "debrief.participants": {"nl": "Deelnemers", "en": "Participants"},
    "debrief.matching": {
        "nl": "volgens de sleutel: {ok} van {n}",
        "en": "as in the key: {ok} of {n}",
    },
    "debrief.key": {"nl": "sleutel", "en": "key"},
    "debrief.avoid": {"nl": "hoort er niet bij", "en": "does not belong"},
    "debrief.not_asked": {"nl": "niet gevraagd", "en": "not asked"},
    "debrief.not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "debrief.open": {"nl": "open (later te beoordelen)", "en": "open (to assess later)"},
    "debrief.no_name": {"nl": "(geen naam)", "en": "(no name)"},
    "debrief.written": {"nl": "debrief geschreven naar {path}", "en": "debrief written to {path}"},
    "debrief.score": {"nl": "{ok}/{n} sleutelvragen", "en": "{ok}/{n} key questions"},
    "debrief.footer": {
        "nl": "OEFENING. Gemaakt met meldcode debrief uit oefenrecords; niet ondertekend en "
        "geen dossierstuk.",
        "en": "TRAINING. Made by meldcode debrief from training records; not signed and not "
        "a file entry.",
    },
    "show.svg.no_dot": {
        "nl": "--format svg vraagt Graphviz, maar het programma 'dot' is niet gevonden. "
        "Installeer Graphviz (bijv. 'apt install graphviz' of 'brew install graphviz'), of "
        "gebruik --format dot en zet het elders om",
        "en": "--format svg needs Graphviz, but the program 'dot' was not found. Install "
        "Graphviz (e.g. 'apt install graphviz' or 'brew install graphviz'), or use "
        "--format dot and convert it elsewhere",
    },
    "show.svg.failed": {
        "nl": "Graphviz kon de tekening niet maken: {reason}",
        "en": "Graphviz could not draw the diagram: {reason}",
    },
    "show.record.text": {
        "nl": "--record werkt met --format mermaid, dot of svg",
        "en": "--record works with --format mermaid, dot or svg",
    },
    "show.record.other": {
        "nl": "{path} is een record van protocol {got}, niet van {want}",
        "en": "{path} is a record of protocol {got}, not of {want}",
    },
    "show.record.role": {
        "nl": "--role {role} verschilt van de rol in het record ({record_role})",
        "en": "--role {role} differs from the role in the record ({record_role})",
    },
    # --- the draft melding and the advice summary (report.py) -------------------------
    "report.title": {
        "nl": "Concept-melding aan Veilig Thuis",
        "en": "Draft melding to Veilig Thuis",
    },
    "report.advies.title": {
        "nl": "Adviesvraag aan Veilig Thuis (geanonimiseerd)",
        "en": "Request for advice from Veilig Thuis (pseudonymised)",
    },
    "report.version": {"nl": "versie", "en": "version"},
    "report.watermark": {"nl": "OEFENING", "en": "TRAINING"},
    "report.page_head": {
        "nl": "CONCEPT — controleren vóór verzenden",
        "en": "DRAFT — check before sending",
    },
    "report.page_head_advies": {
        "nl": "GEANONIMISEERD ADVIESVERZOEK",
        "en": "PSEUDONYMISED REQUEST FOR ADVICE",
    },
    "report.banner.label": {"nl": "Let op", "en": "Please note"},
    "report.banner.training": {
        "nl": "OEFENING — dit record is niet ondertekend en geen dossierstuk. Niet versturen.",
        "en": "TRAINING — this record is not signed and not a file entry. Do not send.",
    },
    "report.banner.concept": {
        "nl": "CONCEPT — controleer en vul aan voordat u iets verstuurt. Dit concept is zelf "
        "geen melding: u meldt bij Veilig Thuis.",
        "en": "DRAFT — check and complete it before you send anything. This draft is not a "
        "melding itself: you make the melding to Veilig Thuis.",
    },
    "report.banner.inzage": {
        "nl": "Ouders en kinderen vanaf 12 jaar kunnen alles lezen wat u aan Veilig Thuis "
        "stuurt. Schrijf feitelijk en houd feiten en interpretaties gescheiden; bespreek "
        "informatie waarvan u twijfelt of u die wilt delen apart met Veilig Thuis.",
        "en": "Parents and children from 12 years can read everything you send to Veilig "
        "Thuis. Write factually and keep facts and interpretations apart; discuss information "
        "you are unsure about sharing separately with Veilig Thuis.",
    },
    "report.banner.bellen": {
        "nl": "Veilig Thuis wil altijd eerst een telefoongesprek: 0800-2000 (gratis, 24/7). "
        "Bij spoed meldt u altijd telefonisch. Acuut gevaar: bel 112.",
        "en": "Veilig Thuis always wants a phone call first: 0800-2000 (free, 24/7). When "
        "it is urgent, always report by phone. Acute danger: call 112.",
    },
    "report.reminder": {
        "nl": "Concept uit het beslisrecord; controleer en vul aan vóór verzenden.",
        "en": "Draft from the decision record; check and complete before sending.",
    },
    "report.advies.banner": {
        "nl": "GEANONIMISEERD — geen namen, geboortedata of adressen; alleen rollen en "
        "leeftijden. Lees de vrije tekst zelf na op herleidbare gegevens (plaatsnamen, "
        "bijzondere beroepen, unieke gebeurtenissen) voordat u iets deelt.",
        "en": "PSEUDONYMISED — no names, dates of birth or addresses; only roles and ages. "
        "Read the free text yourself for details that could identify someone (place names, "
        "unusual jobs, unique events) before you share anything.",
    },
    "report.advies.bellen": {
        "nl": "Advies vragen: Veilig Thuis, 0800-2000 (gratis, 24/7). Bij een advies blijft "
        "u zelf verantwoordelijk voor de volgende stappen. Acuut gevaar: bel 112.",
        "en": "Asking advice: Veilig Thuis, 0800-2000 (free, 24/7). With advice you remain "
        "responsible for the next steps yourself. Acute danger: call 112.",
    },
    "report.advies.reminder": {
        "nl": "Geanonimiseerde samenvatting uit het beslisrecord, voor een adviesvraag.",
        "en": "Pseudonymised summary from the decision record, for a request for advice.",
    },
    "report.advies.melder_intro": {
        "nl": "Alleen uw functie; uw naam en contactgegevens staan niet in deze samenvatting.",
        "en": "Only your function; your name and contact details are not in this summary.",
    },
    "report.advies.checked": {
        "nl": "gecontroleerd: geen naam, geboortedatum, adres, telefoonnummer of ander "
        "identificerend gegeven uit --betrokkenen, en niet uw naam, contactgegevens of het "
        "casuslabel",
        "en": "checked: no name, date of birth, address, phone number or other identifying "
        "value from --betrokkenen, and not your name, contact details or the case label",
    },
    "report.empty": {"nl": "Niet ingevuld", "en": "Not filled in"},
    "report.note": {"nl": "Notitie", "en": "Note"},
    "report.note_on": {"nl": "Notitie bij: {label}", "en": "Note on: {label}"},
    "report.recorded": {"nl": "vastgelegd {at}", "en": "recorded {at}"},
    "report.step": {"nl": "Stap {n}: {title}", "en": "Step {n}: {title}"},
    "report.step_n": {"nl": "Stap {n}", "en": "Step {n}"},
    "report.notice.not_melden": {
        "nl": "Let op: het besluit in dit record is '{decision}', niet melden. Ga na of een "
        "melding aan de orde is voordat u dit concept gebruikt.",
        "en": "Note: the decision in this record is '{decision}', not to report. Check "
        "whether a melding is called for before you use this draft.",
    },
    "report.notice.override": {
        "nl": "Let op: de professional besloot anders dan het afwegingskader berekende; zie "
        "Afweging.",
        "en": "Note: the professional decided differently from what the framework computed; "
        "see Assessment.",
    },
    "report.section.melder": {"nl": "Melder", "en": "Reporter"},
    "report.section.vraagsteller": {"nl": "Vraagsteller", "en": "Asked by"},
    "report.section.betrokkenen": {"nl": "Betrokkenen", "en": "Persons involved"},
    "report.section.melding": {"nl": "De melding", "en": "The melding"},
    "report.section.stappen": {"nl": "Genomen stappen", "en": "Steps taken"},
    "report.section.afweging": {"nl": "Afweging", "en": "Assessment"},
    "report.section.geinformeerd": {
        "nl": "Geïnformeerd over de melding",
        "en": "Informed about the melding",
    },
    "report.section.netwerk": {"nl": "Ondersteunend netwerk", "en": "Support network"},
    "report.section.overig": {"nl": "Overige informatie", "en": "Other information"},
    "report.section.vervolg": {"nl": "Vervolgafspraken", "en": "Follow-up agreements"},
    "report.section.vraag": {"nl": "Vraag aan Veilig Thuis", "en": "Question to Veilig Thuis"},
    "report.section.verantwoording": {"nl": "Over dit concept", "en": "About this draft"},
    "report.melder.name": {"nl": "Naam", "en": "Name"},
    "report.melder.role": {"nl": "Functie", "en": "Function"},
    "report.melder.functie": {"nl": "Functie", "en": "Function"},
    "report.melder.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "report.melder.registration": {
        "nl": "Registratienummer (BIG)",
        "en": "Registration number (BIG)",
    },
    "report.melder.contact": {
        "nl": "Telefoon of e-mail (bereikbaar voor Veilig Thuis)",
        "en": "Phone or e-mail (reachable for Veilig Thuis)",
    },
    "report.block.anoniem": {
        "nl": "Anonimiteit tegenover de familie",
        "en": "Anonymity towards the family",
    },
    "report.melder.anoniem_intro": {
        "nl": "Uw naam kan voor de familie worden afgeschermd, niet voor Veilig Thuis; Veilig "
        "Thuis beslist of daar zwaarwegende redenen voor zijn. Blijf bereikbaar.",
        "en": "Your name can be withheld from the family, not from Veilig Thuis; Veilig Thuis "
        "decides whether there are compelling reasons. Stay reachable.",
    },
    "report.betrokkenen.none": {
        "nl": "Geen betrokkenen gegeven. Vul ze aan, of geef ze met --betrokkenen BESTAND; "
        "ze worden nooit in het record opgeslagen.",
        "en": "No persons involved given. Add them, or give them with --betrokkenen FILE; "
        "they are never stored in the record.",
    },
    "report.person.title": {"nl": "Betrokkene {n}: {rol}", "en": "Person {n}: {rol}"},
    "report.person.rol": {"nl": "Rol", "en": "Role"},
    "report.person.naam": {"nl": "Naam", "en": "Name"},
    "report.person.geboren": {
        "nl": "Geboortedatum of leeftijd",
        "en": "Date of birth or age",
    },
    "report.person.leeftijd": {"nl": "Leeftijd", "en": "Age"},
    "report.person.geboortejaar": {
        "nl": "geboortejaar {year} ({age})",
        "en": "born in {year} ({age})",
    },
    "report.person.relatie": {"nl": "Relatie tot de cliënt", "en": "Relation to the client"},
    "report.person.adres": {"nl": "Adres", "en": "Address"},
    "report.person.telefoon": {"nl": "Telefoon", "en": "Phone"},
    "report.person.email": {"nl": "E-mail", "en": "E-mail"},
    "report.person.gezag": {"nl": "Gezag", "en": "Parental authority"},
    "report.person.school": {
        "nl": "School, opvang of werk",
        "en": "School, day care or work",
    },
    "report.person.in_huishouden": {
        "nl": "Woont in het huishouden",
        "en": "Lives in the household",
    },
    "report.age": {"nl": "{n} jaar", "en": "{n} years"},
    "report.age_about": {"nl": "ca. {n} jaar", "en": "about {n} years"},
    "report.block.kinderen": {
        "nl": "Kinderen in het huishouden",
        "en": "Children in the household",
    },
    "report.block.uit_record": {
        "nl": "Over de betrokkenen (uit het record)",
        "en": "About the persons involved (from the record)",
    },
    "report.block.hulpverleners": {
        "nl": "Andere betrokken hulpverleners",
        "en": "Other professionals involved",
    },
    "report.hulpverlener": {"nl": "Hulpverlener", "en": "Professional"},
    "report.block.signalen": {"nl": "Signalen", "en": "Signals"},
    "report.block.feiten": {"nl": "Feiten", "en": "Facts"},
    "report.block.feiten_intro": {
        "nl": "Wat is gezien en gehoord, met datum en bron.",
        "en": "What was seen and heard, with date and source.",
    },
    "report.block.interpretaties": {
        "nl": "Interpretaties",
        "en": "Interpretations",
    },
    "report.block.interpretaties_intro": {
        "nl": "Interpretaties en hypothesen van de melder: geen vastgestelde feiten.",
        "en": "The reporter's interpretations and hypotheses: not established facts.",
    },
    "report.block.overig_signalen": {
        "nl": "Overige gegevens bij de signalen",
        "en": "Other details of the signals",
    },
    "report.block.weging": {"nl": "Weging van het geweld", "en": "Weighing the violence"},
    "report.block.weging_intro": {
        "nl": "De inschatting van de melder: interpretatie, geen vastgesteld feit.",
        "en": "The reporter's judgement: interpretation, not an established fact.",
    },
    "report.block.overig_weging": {
        "nl": "Overige gegevens bij de weging",
        "en": "Other details of the weighing",
    },
    "report.block.afwegingskader": {
        "nl": "De vijf afwegingen (afwegingskader)",
        "en": "The five considerations (assessment framework)",
    },
    "report.afweging.label.1": {
        "nl": "Afweging 1: vermoeden van (dreiging van) huiselijk geweld of kindermishandeling",
        "en": "Consideration 1: suspicion of (the threat of) domestic violence or child abuse",
    },
    "report.afweging.label.2": {
        "nl": "Afweging 2: acute en/of structurele onveiligheid",
        "en": "Consideration 2: acute and/or structural unsafety",
    },
    "report.afweging.label.3": {
        "nl": "Afweging 3: in staat om effectieve hulp te bieden of te organiseren",
        "en": "Consideration 3: able to offer or organise effective help",
    },
    "report.afweging.label.4": {
        "nl": "Afweging 4: betrokkenen aanvaarden de hulp en zetten zich ervoor in",
        "en": "Consideration 4: those involved accept the help and commit to it",
    },
    "report.afweging.label.5": {
        "nl": "Afweging 5: de hulp leidt binnen de termijn tot de noodzakelijke veiligheid",
        "en": "Consideration 5: the help leads to the necessary safety within the term",
    },
    "report.afweging.open": {
        "nl": "nog open (evaluatie)",
        "en": "still open (evaluation)",
    },
    "report.afweging.niet_aan_de_orde": {"nl": "niet aan de orde", "en": "not applicable"},
    "report.block.besluit": {"nl": "Besluit", "en": "Decision"},
    "report.besluit": {"nl": "Besluit (afwegingskader)", "en": "Decision (framework)"},
    "report.meldnormen": {"nl": "Meldnorm(en)", "en": "Reporting norm(s)"},
    "report.meldnormen.geen": {"nl": "geen", "en": "none"},
    "report.meldnorm.1": {
        "nl": "Meldnorm 1: bij acute en/of structurele onveiligheid is melden altijd nodig.",
        "en": "Norm 1: with acute and/or structural unsafety, reporting is always required.",
    },
    "report.meldnorm.2": {
        "nl": "Meldnorm 2: de professional kan geen voldoende effectieve hulp bieden of "
        "organiseren, of de betrokkenen aanvaarden die hulp niet.",
        "en": "Norm 2: the professional cannot offer or organise sufficiently effective help, "
        "or those involved do not accept it.",
    },
    "report.meldnorm.3": {
        "nl": "Meldnorm 3: de hulp leidt niet tot de noodzakelijke veiligheid, of de "
        "onveiligheid keert terug.",
        "en": "Norm 3: the help does not lead to the necessary safety, or the unsafety returns.",
    },
    "report.onveilig": {
        "nl": "Acute of structurele onveiligheid vastgesteld",
        "en": "Acute or structural unsafety established",
    },
    "report.samen": {
        "nl": "Afwegingen 3 tot en met 5 samen met Veilig Thuis",
        "en": "Considerations 3 to 5 together with Veilig Thuis",
    },
    "report.override": {
        "nl": "Besluit van de professional (afwijkend)",
        "en": "The professional's decision (differs)",
    },
    "report.override.reason": {"nl": "Reden van het afwijken", "en": "Reason for the override"},
    "report.override.consulted": {"nl": "Geraadpleegd", "en": "Consulted"},
    "report.block.acuut": {"nl": "Acuut gevaar", "en": "Acute danger"},
    "report.acuut": {"nl": "Acute route", "en": "Acute route"},
    "report.acuut.intro": {
        "nl": "Acuut gevaar: bel 112. Bij spoed meldt u altijd telefonisch bij Veilig Thuis "
        "(0800-2000).",
        "en": "Acute danger: call 112. When it is urgent, always report to Veilig Thuis by "
        "phone (0800-2000).",
    },
    "report.acuut.geen": {"nl": "niet genomen", "en": "not taken"},
    "report.acuut.signal": {
        "nl": "acuut signaal bij: {item}",
        "en": "acute signal at: {item}",
    },
    "report.acuut.declared": {
        "nl": "acute route gekozen door de professional",
        "en": "acute route chosen by the professional",
    },
    "report.acuut.melden": {"nl": "Hoe melden", "en": "How to report"},
    "report.acuut.telefonisch": {
        "nl": "telefonisch, direct (0800-2000; bij direct gevaar 112)",
        "en": "by phone, at once (0800-2000; in immediate danger 112)",
    },
    "report.geinformeerd.intro": {
        "nl": "Uitgangspunt: open melden, tenzij de veiligheid van betrokkenen of van uzelf "
        "in gevaar komt, of de vertrouwensrelatie ernstig wordt geschaad. Informeren is geen "
        "toestemming vragen.",
        "en": "The rule: report openly, unless the safety of those involved or your own is "
        "at risk, or the relationship of trust would be seriously harmed. Informing is not "
        "asking permission.",
    },
    "report.netwerk.lid": {"nl": "Netwerk", "en": "Network"},
    "report.overig.betrokkenen": {
        "nl": "Aanvulling uit het betrokkenenbestand",
        "en": "Addition from the persons file",
    },
    "report.evaluatiedatum": {
        "nl": "Evaluatiedatum (afweging 5)",
        "en": "Evaluation date (consideration 5)",
    },
    "report.vraag": {"nl": "Uw vraag", "en": "Your question"},
    "report.about.protocol": {"nl": "Protocol", "en": "Protocol"},
    "report.about.hash": {"nl": "Protocolhash", "en": "Protocol hash"},
    "report.about.record": {"nl": "Record", "en": "Record"},
    "report.about.record_value": {
        "nl": "{kind} {n} ({id})",
        "en": "{kind} {n} ({id})",
    },
    "report.about.created": {"nl": "Record gemaakt", "en": "Record made"},
    "report.kind.decision": {"nl": "beslisrecord", "en": "decision record"},
    "report.kind.evaluation": {"nl": "evaluatie", "en": "evaluation"},
    "report.kind.amendment": {"nl": "wijziging", "en": "amendment"},
    "report.about.role": {"nl": "Doorlopen als", "en": "Walked as"},
    "report.about.case": {"nl": "Casuslabel (pseudoniem)", "en": "Case label (pseudonym)"},
    "report.about.signature": {"nl": "Handtekening", "en": "Signature"},
    "report.about.signed": {
        "nl": "geldig; sleutel {fp}",
        "en": "valid; key {fp}",
    },
    "report.about.training": {
        "nl": "OEFENING: niet ondertekend, geen dossierstuk",
        "en": "TRAINING: not signed, not a file entry",
    },
    "report.about.superseded": {
        "nl": "Gewijzigde of vervallen antwoorden (bewaard in het record)",
        "en": "Changed or dropped answers (kept in the record)",
    },
    "report.about.amendment": {"nl": "Reden van de wijziging", "en": "Reason for the amendment"},
    "report.about.betrokkenen": {"nl": "Betrokkenen", "en": "Persons involved"},
    "report.about.betrokkenen_file": {
        "nl": "uit {name}; niet opgeslagen in het record",
        "en": "from {name}; not stored in the record",
    },
    "report.about.betrokkenen_asked": {
        "nl": "gevraagd bij het maken van dit concept; niet opgeslagen",
        "en": "asked when this draft was made; not stored",
    },
    "report.about.betrokkenen_none": {"nl": "niet gegeven", "en": "not given"},
    "report.about.check": {"nl": "Controle", "en": "Check"},
    "report.ask.intro": {
        "nl": "Betrokkenen voor dit concept (ze worden niet opgeslagen). Laat de rol leeg om "
        "te stoppen.",
        "en": "Persons involved for this draft (they are not stored). Leave the role empty "
        "to stop.",
    },
    "report.ask.intro_advies": {
        "nl": "Betrokkenen voor de adviesvraag: alleen rol en leeftijd, geen namen. Laat de "
        "rol leeg om te stoppen.",
        "en": "Persons involved for the request for advice: only role and age, no names. "
        "Leave the role empty to stop.",
    },
    "report.ask.rol": {
        "nl": "Betrokkene {n}, rol (bv. slachtoffer, kind, ouder):",
        "en": "Person {n}, role (e.g. victim, child, parent):",
    },
    "report.ask.naam": {"nl": "Naam:", "en": "Name:"},
    "report.ask.geboren": {
        "nl": "Geboortedatum (DD-MM-JJJJ of JJJJ-MM-DD), geboortejaar of leeftijd "
        "(bv. 34 of 4 mnd):",
        "en": "Date of birth (DD-MM-YYYY or YYYY-MM-DD), year of birth or age "
        "(e.g. 34 or 4 months):",
    },
    "report.ask.geboren_again": {
        "nl": "Geef een bestaande datum (DD-MM-JJJJ, D-M-JJJJ of JJJJ-MM-DD), een jaartal of "
        "een leeftijd (in jaren, of in maanden: 4 mnd).",
        "en": "Give a date that exists (DD-MM-YYYY, D-M-YYYY or YYYY-MM-DD), a year or an age "
        "(in years, or in months: 4 months).",
    },
    "report.ask.relatie": {"nl": "Relatie tot de cliënt:", "en": "Relation to the client:"},
    "report.ask.adres": {"nl": "Adres:", "en": "Address:"},
    "report.ask.huishouden": {
        "nl": "Woont in het huishouden? (j/n)",
        "en": "Lives in the household? (y/n)",
    },
    "report.ask.invalid": {"nl": "Niet aangenomen: {error}", "en": "Not accepted: {error}"},
    "report.betrokkenen.missing": {
        "nl": "--betrokkenen {path}: bestaat niet",
        "en": "--betrokkenen {path}: does not exist",
    },
    "report.betrokkenen.invalid": {
        "nl": "betrokkenenbestand {path} ongeldig:",
        "en": "persons file {path} is invalid:",
    },
    "report.no_records": {
        "nl": "geen recordbestanden in {path}",
        "en": "no record files in {path}",
    },
    "report.not_found": {
        "nl": "{path}: geen recordbestand, map of casus",
        "en": "{path}: not a record file, folder or case",
    },
    "report.case_unsigned": {
        "nl": "casus {label} heeft nog geen record; onderteken met 'meldcode sign {label}' "
        "(als de casus af is). Nu al advies vragen: meldcode report {label} --advies",
        "en": "case {label} has no record yet; sign it with 'meldcode sign {label}' (once "
        "the case is finished). To ask for advice now: meldcode report {label} --advies",
    },
    "report.refused": {
        "nl": "geen concept gemaakt: het record {path} klopt niet ({reasons}). Een concept "
        "komt alleen uit een ondertekend record; controleer met 'meldcode verify {path}'.",
        "en": "no draft made: the record {path} does not verify ({reasons}). A draft comes "
        "only from a signed record; check with 'meldcode verify {path}'.",
    },
    "report.refused.unsigned": {
        "nl": "geen concept gemaakt: het record {path} is niet ondertekend. Onderteken het "
        "met 'meldcode sign {label}'.",
        "en": "no draft made: the record {path} is not signed. Sign it with "
        "'meldcode sign {label}'.",
    },
    "report.refused.training_changed": {
        "nl": "geen concept gemaakt: het OEFENING-record {path} is gewijzigd sinds het werd "
        "gemaakt.",
        "en": "no draft made: the TRAINING record {path} was changed after it was made.",
    },
    "report.leak.refused": {
        "nl": "adviesvraag niet getoond: er staan identificerende gegevens in",
        "en": "request for advice not shown: it holds identifying details",
    },
    "report.leak.in": {"nl": "{where} staat in '{section}'", "en": "{where} is in '{section}'"},
    "report.leak.hint": {
        "nl": "Haal het gegeven uit de tekst (wijzig het antwoord met 'meldcode resume' en "
        "onderteken opnieuw), of laat het weg uit --betrokkenen als het geen identificerend "
        "gegeven is. Voor een adviesvraag zijn alleen rollen en leeftijden nodig.",
        "en": "Take the detail out of the text (change the answer with 'meldcode resume' and "
        "sign again), or leave it out of --betrokkenen if it does not identify anyone. A "
        "request for advice needs only roles and ages.",
    },
    "report.leak.person": {"nl": "betrokkene {n}", "en": "person {n}"},
    "report.leak.netwerk": {"nl": "netwerk {n}", "en": "network {n}"},
    "report.leak.hulpverlener": {"nl": "hulpverlener {n}", "en": "professional {n}"},
    "report.leak.overig": {
        "nl": "overige informatie uit --betrokkenen",
        "en": "other information from --betrokkenen",
    },
    "report.leak.melder_naam": {"nl": "uw naam", "en": "your name"},
    "report.leak.melder_contact": {"nl": "uw contactgegevens", "en": "your contact details"},
    "report.leak.melder_registration": {
        "nl": "uw registratienummer",
        "en": "your registration number",
    },
    "report.leak.case": {"nl": "het casuslabel", "en": "the case label"},
    # labels for the shared item ids (docs/protocol-conventions.md)
    "report.item.signalen": {"nl": "Signalen", "en": "Signals"},
    "report.item.vorm": {"nl": "Vorm", "en": "Form"},
    "report.item.vormen": {"nl": "Vormen", "en": "Forms"},
    "report.item.uitbuiting_vorm": {"nl": "Vorm van uitbuiting", "en": "Form of exploitation"},
    "report.item.signalen_datum": {
        "nl": "Datum van het (eerste) signaal",
        "en": "Date of the (first) signal",
    },
    "report.item.signalen_feiten": {
        "nl": "Wat is gezien en gehoord",
        "en": "What was seen and heard",
    },
    "report.item.signalen_interpretatie": {
        "nl": "Interpretatie van de signalen",
        "en": "Interpretation of the signals",
    },
    "report.item.kindcheck": {
        "nl": "Minderjarige kinderen in het huishouden (kindcheck)",
        "en": "Minor children in the household (child check)",
    },
    "report.item.kindcheck_kinderen": {
        "nl": "Kinderen: aantal, leeftijden, veiligheid",
        "en": "Children: number, ages, safety",
    },
    "report.item.mantelzorgcheck": {
        "nl": "Zorgt de cliënt voor een afhankelijke volwassene?",
        "en": "Does the client care for a dependent adult?",
    },
    "report.item.mantelzorgcheck_toelichting": {
        "nl": "Afhankelijke volwassene",
        "en": "Dependent adult",
    },
    "report.item.consultatie_collega": {
        "nl": "Collegiale consultatie",
        "en": "Consultation with a colleague",
    },
    "report.item.consultatie_collega_verslag": {
        "nl": "Consultatie: wie, wanneer, uitkomst",
        "en": "Consultation: who, when, outcome",
    },
    "report.item.advies_veilig_thuis": {
        "nl": "Advies gevraagd aan Veilig Thuis",
        "en": "Advice asked from Veilig Thuis",
    },
    "report.item.advies_veilig_thuis_anoniem": {
        "nl": "Advies op geanonimiseerde gegevens",
        "en": "Advice on pseudonymised details",
    },
    "report.item.advies_veilig_thuis_verslag": {
        "nl": "Advies: wanneer, met wie, het advies",
        "en": "Advice: when, with whom, the advice",
    },
    "report.item.advies_veilig_thuis_reden_niet": {
        "nl": "Waarom geen advies gevraagd",
        "en": "Why no advice was asked",
    },
    "report.item.gesprek": {"nl": "Gesprek met de cliënt", "en": "Conversation with the client"},
    "report.item.gesprek_verslag": {
        "nl": "Verslag van het gesprek",
        "en": "Report of the conversation",
    },
    "report.item.gesprek_uitzondering": {
        "nl": "Waarom (nog) geen gesprek",
        "en": "Why no conversation (yet)",
    },
    "report.item.gesprek_uitzondering_toelichting": {
        "nl": "Toelichting",
        "en": "Explanation",
    },
    "report.item.gesprek_gepland": {"nl": "Gesprek gepland op", "en": "Conversation planned on"},
    "report.item.weging_risico": {
        "nl": "Risico op (herhaling van) geweld",
        "en": "Risk of (repeated) violence",
    },
    "report.item.weging_aard_ernst": {"nl": "Aard en ernst", "en": "Nature and severity"},
    "report.item.melding_geinformeerd": {
        "nl": "Cliënt of betrokkenen geïnformeerd over de melding",
        "en": "Client or those involved informed about the melding",
    },
    "report.item.melding_reactie": {
        "nl": "Wie, en hun reactie",
        "en": "Who, and their reaction",
    },
    "report.item.melding_uitzondering": {
        "nl": "Uitzondering: waarom niet geïnformeerd",
        "en": "Exception: why not informed",
    },
    "report.item.melding_pogingen": {
        "nl": "Pogingen om te informeren",
        "en": "Attempts to inform",
    },
    "report.item.melding_anoniem": {
        "nl": "Anoniem tegenover de familie",
        "en": "Anonymous towards the family",
    },
    "report.item.melding_anoniem_grond": {"nl": "Grond", "en": "Ground"},
    "report.item.melding_anoniem_toelichting": {"nl": "Toelichting", "en": "Explanation"},
    "report.item.vervolgafspraken": {
        "nl": "Afspraken met Veilig Thuis en betrokkenen",
        "en": "Agreements with Veilig Thuis and those involved",
    },
    "report.item.monitoring_afspraken": {
        "nl": "Afspraken over het volgen van de veiligheid",
        "en": "Agreements on monitoring safety",
    },
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
        "nl": "evaluatie van de hulp (afweging 5) op {date}: 'meldcode evaluate' om te "
        "evalueren (eerder alleen met een reden)",
        "en": "evaluation of the help (consideration 5) on {date}: 'meldcode evaluate' to "
        "evaluate (earlier only with a reason)",
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
        "nl": "(nummers gescheiden door spaties of komma's; typ geen als niets van toepassing is)",
        "en": "(numbers separated by spaces or commas; type none when nothing applies)",
    },
    "walk.plain.multiline": {
        "nl": "(meerdere regels; sluit af met een regel met alleen een punt)",
        "en": "(several lines; finish with a line holding only a full stop)",
    },
    "walk.ways_out.keys": {
        "nl": "Esc t terug · Esc w waarom · Esc n notitie · Esc a acuut gevaar · Esc p pauzeren "
        "(werkt in elke terminal; ook: Ctrl-B, F1, Ctrl-N, Ctrl-G, Ctrl-P)",
        "en": "Esc t back · Esc w why · Esc n note · Esc a acute danger · Esc p pause "
        "(works in every terminal; also: Ctrl-B, F1, Ctrl-N, Ctrl-G, Ctrl-P)",
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
        "nl": "(pijltjestoetsen; spatie, Tab of Ctrl-spatie zet aan of uit; Enter bevestigt)",
        "en": "(arrow keys; space, Tab or Ctrl-Space toggles; Enter confirms)",
    },
    "walk.instruction.checkbox_filter": {
        "nl": "(typ om te filteren, typen vinkt nooit iets aan; Tab of Ctrl-spatie zet aan of "
        "uit; Enter bevestigt)",
        "en": "(type to filter, typing never ticks anything; Tab or Ctrl-Space toggles; "
        "Enter confirms)",
    },
    "walk.skip_choice": {
        "nl": "(overslaan; later beantwoorden)",
        "en": "(skip; answer later)",
    },
    "walk.date_format": {"nl": "(DD-MM-JJJJ of JJJJ-MM-DD)", "en": "(DD-MM-YYYY or YYYY-MM-DD)"},
    "walk.note.cancel": {"nl": "(leeg laten = geen notitie)", "en": "(leave empty for no note)"},
    "walk.back.none": {
        "nl": "Er zijn nog geen antwoorden om te wijzigen.",
        "en": "There are no answers to change yet.",
    },
    "walk.confirm.instruction": {"nl": "(J/n) ", "en": "(Y/n) "},
    # ---- issue 10: new entries below this line ----
    "walk.choose_placeholder": {
        "nl": "(kies met de pijltjestoetsen)",
        "en": "(choose with the arrow keys)",
    },
    "walk.choose_first": {
        "nl": "er is nog niets gekozen; kies een antwoord met de pijltjestoetsen en Enter",
        "en": "nothing is chosen yet; choose an answer with the arrow keys and Enter",
    },
    "walk.plain.keep": {
        "nl": "(Enter houdt dit antwoord; typ een nieuw antwoord om het te wijzigen)",
        "en": "(Enter keeps this answer; type a new answer to change it)",
    },
    "walk.plain.again": {
        "nl": "er is niets ingevuld; typ een nummer (of een van de woorden hierboven)",
        "en": "nothing was entered; type a number (or one of the words above)",
    },
    "walk.plain.skip_word": {
        "nl": "(typ overslaan om deze vraag later te beantwoorden)",
        "en": "(type skip to answer this question later)",
    },
    "diff.title": {"nl": "Verschil van {old} naar {new}:", "en": "Difference from {old} to {new}:"},
    "diff.reason": {
        "nl": "reden van de wijziging: {reason}",
        "en": "reason for the change: {reason}",
    },
    "diff.none": {
        "nl": "geen verschil in antwoorden of beslissing",
        "en": "no difference in answers or decision",
    },
    "diff.note_added": {"nl": "notitie toegevoegd: {text}", "en": "note added: {text}"},
    "diff.removed": {"nl": "vervallen", "en": "no longer relevant"},
    "diff.decision.outcome": {"nl": "beslissing", "en": "decision"},
    "diff.decision.meldnormen": {"nl": "meldnorm(en)", "en": "reporting standard(s)"},
    "diff.decision.evaluatiedatum": {"nl": "evaluatiedatum", "en": "evaluation date"},
    "diff.override": {"nl": "afwijkend besluit", "en": "override"},
    "confirm.title": {
        "nl": "U ondertekent nu het beslisrecord van casus {label}:",
        "en": "You are about to sign the decision record of case {label}:",
    },
    "confirm.no_meldnorm": {
        "nl": "geen meldnorm van toepassing",
        "en": "no reporting standard applies",
    },
    "confirm.override": {
        "nl": "U wijkt af van het afwegingskader; uw besluit: {chosen}",
        "en": "You depart from the framework; your decision: {chosen}",
    },
    "confirm.override.reason": {"nl": "reden: {reason}", "en": "reason: {reason}"},
    "confirm.override.consulted": {
        "nl": "geraadpleegd: {consulted}",
        "en": "consulted: {consulted}",
    },
    "confirm.consulted": {
        "nl": "Wie of wat is geraadpleegd (stap 2):",
        "en": "Who or what was consulted (step 2):",
    },
    "confirm.feit": {"nl": "Feiten:", "en": "Facts:"},
    "confirm.interpretatie": {"nl": "Interpretaties:", "en": "Interpretations:"},
    "confirm.note": {"nl": "notitie ({provenance})", "en": "note ({provenance})"},
    "confirm.nothing": {"nl": "(niets vastgelegd)", "en": "(nothing recorded)"},
    "confirm.amendment": {
        "nl": "Dit is een wijziging (amendment) op het ondertekende record; reden:",
        "en": "This is an amendment to the signed record; reason:",
    },
    "confirm.ask": {
        "nl": "Klopt dit, en ondertekent u dit record?",
        "en": "Is this right, and do you sign this record?",
    },
    "confirm.yes": {"nl": "ja, ondertekenen", "en": "yes, sign"},
    "confirm.no": {"nl": "nee, niet ondertekenen", "en": "no, do not sign"},
    "confirm.declined": {
        "nl": "Niet ondertekend. De casus is bewaard; corrigeer of onderteken later met "
        "'meldcode resume {label}'.",
        "en": "Not signed. The case is kept; correct or sign it later with "
        "'meldcode resume {label}'.",
    },
    "confirm.by_flag": {
        "nl": "Bevestigd met --yes (zo vastgelegd in het record).",
        "en": "Confirmed with --yes (recorded as such in the record).",
    },
    "confirm.no_tty": {
        "nl": "niet ondertekend: er is geen terminal om te bevestigen. Casus {label} is bewaard; "
        "onderteken met 'meldcode sign {label}' in een terminal, of bevestig in een script met "
        "--yes (dat wordt in het record vastgelegd)",
        "en": "not signed: there is no terminal to confirm on. Case {label} is kept; sign with "
        "'meldcode sign {label}' in a terminal, or confirm in a script with --yes (recorded in "
        "the record)",
    },
    "opt.yes": {
        "nl": "Onderteken zonder te vragen (voor scripts); het record legt vast dat --yes is "
        "gebruikt.",
        "en": "Sign without asking (for scripts); the record says --yes was used.",
    },
    "sign.role_mismatch": {
        "nl": "uw profiel heeft de rol '{profile}', deze casus is doorlopen als '{walk}'. Een "
        "record heeft één rol: start de casus opnieuw met --role {profile}, of maak een "
        "profiel voor de rol '{walk}' (meldcode init --force)",
        "en": "your profile has the role '{profile}', this case was walked as '{walk}'. A "
        "record has one role: start the case again with --role {profile}, or make a profile "
        "for the role '{walk}' (meldcode init --force)",
    },
    "review.title": {
        "nl": "Casus {label} is afgerond. Hieronder staat wat is vastgelegd; kies daarna een "
        "antwoord om te wijzigen, of '(niets wijzigen)' om te stoppen.",
        "en": "Case {label} is complete. Below is what was recorded; then choose an answer to "
        "change, or '(change nothing)' to stop.",
    },
    "review.unchanged": {
        "nl": "Niets gewijzigd; de antwoorden van casus {label} blijven zoals ze waren.",
        "en": "Nothing changed; the answers of case {label} stay as they were.",
    },
    "review.reason.why": {
        "nl": "Deze casus is al ondertekend. De wijziging wordt een nieuw record (amendment), "
        "gekoppeld aan het vorige; het vorige record blijft ongewijzigd.",
        "en": "This case was already signed. The change becomes a new record (amendment), "
        "chained to the previous one; the previous record stays unchanged.",
    },
    "review.reason": {
        "nl": "Reden van de wijziging (verplicht):",
        "en": "Reason for the change (required):",
    },
    "review.amend_later": {
        "nl": "Niet ondertekend (--no-sign). Onderteken de wijziging met: meldcode sign {label} "
        '--reason "..."',
        "en": 'Not signed (--no-sign). Sign the change with: meldcode sign {label} --reason "..."',
    },
    "walk.not_saved": {
        "nl": "Let op: --no-save. Er wordt niets opgeslagen; na afloop is er geen casus en "
        "geen record.",
        "en": "Note: --no-save. Nothing is saved; afterwards there is no case and no record.",
    },
    "walk.stopped_not_saved": {
        "nl": "Gestopt. Er is niets opgeslagen (--no-save).",
        "en": "Stopped. Nothing was saved (--no-save).",
    },
    "walk.acute.not_saved": {
        "nl": "De acute route is genomen in stap {step}; dit is NIET opgeslagen (--no-save). "
        "Leg het zelf vast in uw dossier.",
        "en": "The acute route was taken in step {step}; this is NOT saved (--no-save). "
        "Record it in your file yourself.",
    },
    "sign.amend.reason": {
        "nl": "deze casus heeft al een ondertekend record; een wijziging is een amendment en "
        'vraagt een reden (--reason "..."); het eerdere record blijft ongewijzigd',
        "en": "this case already has a signed record; a change is an amendment and needs a "
        'reason (--reason "..."); the earlier record stays unchanged',
    },
    "verify.signed_by": {
        "nl": "ondertekend door: {name} ({extra}), {organisation}",
        "en": "signed by: {name} ({extra}), {organisation}",
    },
    "verify.registration": {
        "nl": "registratie {registration}",
        "en": "registration {registration}",
    },
    "verify.when": {"nl": "op: {at}, met sleutel {fp}", "en": "at: {at}, with key {fp}"},
    "verify.protocol": {
        "nl": "protocol: {id} versie {version}, doorlopen als {role}",
        "en": "protocol: {id} version {version}, walked as {role}",
    },
    "verify.confirmation.screen": {
        "nl": "bevestigd: samenvatting op het scherm gelezen en met ja bevestigd",
        "en": "confirmed: summary read on screen and confirmed with yes",
    },
    "verify.confirmation.yes-flag": {
        "nl": "bevestigd: met --yes (in een script; geen scherm gelezen)",
        "en": "confirmed: with --yes (in a script; no screen read)",
    },
    "verify.confirmation.none": {
        "nl": "bevestiging: niet vastgelegd (record van vóór de bevestigingsvraag)",
        "en": "confirmation: not recorded (record from before the confirmation question)",
    },
    "verify.amends_missing": {
        "nl": "wijzigt een record dat hier niet is meegegeven; geef de hele map of de casus "
        "om het verschil te zien",
        "en": "amends a record not given here; give the whole folder or the case to see the "
        "difference",
    },
    "cmd.diff": {
        "nl": "Toon het verschil tussen twee records van één casus (antwoorden van → naar, met "
        "de reden).",
        "en": "Show the difference between two records of one case (answers from → to, with "
        "the reason).",
    },
    "cmd.diff.records": {
        "nl": "Twee recordbestanden (het oudere eerst).",
        "en": "Two record files (the older first).",
    },
    "diff.other_case": {
        "nl": "de records horen bij verschillende casussen ({a} en {b}); diff vergelijkt "
        "records van één keten",
        "en": "the records belong to different cases ({a} and {b}); diff compares records of "
        "one chain",
    },
    "diff.two": {
        "nl": "geef precies twee recordbestanden (bv. records/0001-decision.json "
        "records/0002-amendment.json)",
        "en": "give exactly two record files (e.g. records/0001-decision.json "
        "records/0002-amendment.json)",
    },
    "key.passphrase.short": {
        "nl": "Te kort: een wachtzin heeft minstens {n} tekens. Probeer het opnieuw.",
        "en": "Too short: a passphrase has at least {n} characters. Please try again.",
    },
    "key.passphrase.mismatch.again": {
        "nl": "De twee wachtzinnen verschillen. Probeer het opnieuw.",
        "en": "The two passphrases differ. Please try again.",
    },
    "key.passphrase.gave_up": {
        "nl": "geen bruikbare wachtzin na vijf pogingen; er is niets geschreven",
        "en": "no usable passphrase after five tries; nothing was written",
    },
    "key.init.role.unknown": {
        "nl": "'{role}' is geen rol; kies uit: {roles}",
        "en": "'{role}' is not a role; choose from: {roles}",
    },
    "key.init.too_long": {
        "nl": "Te lang: hoogstens {n} tekens. Probeer het opnieuw.",
        "en": "Too long: at most {n} characters. Please try again.",
    },
    "key.init.invalid": {
        "nl": "profiel ongeldig: controleer {fields} (verplicht, niet te lang)",
        "en": "profile invalid: check {fields} (required, not too long)",
    },
    "key.passphrase.too_short": {
        "nl": "de wachtzin is te kort: gebruik minstens {n} tekens",
        "en": "the passphrase is too short: use at least {n} characters",
    },
    "confirm.signals": {"nl": "Aangevinkt:", "en": "Ticked:"},
    "review.pending": {
        "nl": "Casus {label} is eerder gecorrigeerd, maar die correctie is nog niet ondertekend.",
        "en": "Case {label} was corrected before, but that correction is not signed yet.",
    },
    "key.init.exists": {
        "nl": "er is al een profiel ({path}); wissel van sleutel met 'meldcode key rotate', of "
        "gebruik --force om opnieuw te beginnen",
        "en": "there is a profile already ({path}); change keys with 'meldcode key rotate', or "
        "use --force to start again",
    },
    "verify.what": {"nl": "{kind} {seq} van casus {case}", "en": "{kind} {seq} of case {case}"},
    "walk.acute.continue_not_saved": {
        "nl": "Verder met de meldcode (ja) of nu stoppen (nee; er is niets opgeslagen, hervatten "
        "kan dus niet)?",
        "en": "Continue with the meldcode (yes) or stop now (no; nothing is saved, so it cannot "
        "be resumed)?",
    },
    # ---- end of issue 10 ----
    # ---- issue 11: new entries below this line ----
    "walk.open_met_vt": {
        "nl": "nog te bepalen met Veilig Thuis",
        "en": "to be decided with Veilig Thuis",
    },
    "check.justify": {"nl": "Verantwoording gevraagd", "en": "Justification required"},
    "check.block": {"nl": "Ondertekenen geblokkeerd", "en": "Signing blocked"},
    "check.note": {"nl": "Let op", "en": "Note"},
    "check.again": {"nl": "nogmaals, vóór ondertekenen", "en": "again, before signing"},
    "check.sources": {"nl": "Bron", "en": "Source"},
    "check.justified": {"nl": "Uw verantwoording: {text}", "en": "Your justification: {text}"},
    "check.block_hint": {
        "nl": "Ondertekenen kan pas als de antwoorden veranderen (ga terug met Ctrl-B of 'terug').",
        "en": "Signing is possible only once the answers change (go back with Ctrl-B or 'back').",
    },
    "check.justify.ask": {
        "nl": "Uw schriftelijke verantwoording (leeg = later, vóór ondertekenen):",
        "en": "Your written justification (empty = later, before signing):",
    },
    "replay.unknown_item": {
        "nl": "onbekend item '{id}' in het antwoordenbestand",
        "en": "unknown item '{id}' in the answers file",
    },
    "replay.guidance_item": {
        "nl": "'{id}' is een informatieblok; het heeft geen antwoord",
        "en": "'{id}' is a guidance block; it has no answer",
    },
    "replay.unknown_check": {
        "nl": "onbekende controle '{id}' bij justifications",
        "en": "unknown check '{id}' under justifications",
    },
    "replay.off_path": {
        "nl": "antwoord voor '{id}', maar die vraag kwam op dit pad niet aan de orde; haal het "
        "weg of pas de antwoorden aan waar het van afhangt",
        "en": "answer for '{id}', but that question did not come up on this path; remove it "
        "or change the answers it depends on",
    },
    "replay.check_not_fired": {
        "nl": "verantwoording voor '{id}', maar die controle gaat bij deze antwoorden niet af",
        "en": "justification for '{id}', but that check does not fire with these answers",
    },
    "replay.guidance": {
        "nl": "Getoond op dit pad (informatie en contacten):",
        "en": "Shown on this path (guidance and contacts):",
    },
    "replay.missing_justifications": {
        "nl": "{n} verantwoording(en) ontbreken:",
        "en": "{n} justification(s) missing:",
    },
    "replay.justify_how": {
        "nl": "Voeg ze toe onder 'justifications:' (controle-id: tekst) in het antwoordenbestand.",
        "en": "Add them under 'justifications:' (check-id: text) in the answers file.",
    },
    "report.block.checks": {
        "nl": "Controles op de eigen stappen",
        "en": "Checks on the professional's own steps",
    },
    "report.check.justification": {
        "nl": "Verantwoording: {text}",
        "en": "Justification: {text}",
    },
    "report.check.no_justification": {
        "nl": "geen verantwoording vastgelegd",
        "en": "no justification recorded",
    },
    "show.checks": {
        "nl": "Controles (gaan af aan het eind van de wandeling en zodra ze waar worden):",
        "en": "Checks (fire at the end of the walk and as soon as they become true):",
    },
    "show.check.shared": {"nl": "gedeeld", "en": "shared"},
    "show.check.own": {"nl": "protocol", "en": "protocol"},
    "show.check.not_applied": {"nl": "gedeeld, niet van toepassing", "en": "shared, not applied"},
    "debrief.checks": {
        "nl": "Controles op de eigen stappen",
        "en": "Checks on the participants' own steps",
    },
    "debrief.check_count": {
        "nl": "afgegaan bij {n} van {of} deelnemer(s), {j} met verantwoording",
        "en": "fired for {n} of {of} participant(s), {j} justified",
    },
    "debrief.part_checks": {
        "nl": "controles: {n} ({j} verantwoord)",
        "en": "checks: {n} ({j} justified)",
    },
    "walk.dossier.refuted": {
        "nl": "Weerlegd: {item} = {value} — {text} ({provenance}, {at}); het oorspronkelijke "
        "gegeven blijft in het dossier, het telt niet meer als onveiligheid",
        "en": "Refuted: {item} = {value} — {text} ({provenance}, {at}); the original entry "
        "stays in the file, it no longer counts as unsafety",
    },
    "cmd.refute": {
        "nl": "Leg vast dat een latere bevinding een signaal weerlegt (het signaal blijft in "
        "het dossier).",
        "en": "Record that a later finding refutes a signal (the signal stays in the file).",
    },
    "cmd.refute.item": {"nl": "Item-id van het signaal.", "en": "Item id of the signal."},
    "cmd.refute.value": {
        "nl": "De optie (of ja/nee) die weerlegd is.",
        "en": "The option (or yes/no) that is refuted.",
    },
    "cmd.refute.text": {
        "nl": "Wat is er gevonden, wanneer, door wie.",
        "en": "What was found, when, by whom.",
    },
    "cmd.refute.source": {
        "nl": "Herkomst: eigen_waarneming, client, derde of dossier.",
        "en": "Provenance: eigen_waarneming, client, derde or dossier.",
    },
    "refute.done": {
        "nl": "Weerlegging vastgelegd in casus {label}. Beslissing nu: {outcome}. Ga verder met "
        "'meldcode resume {label}' (pas met 'terug' de afwegingen aan) en onderteken een "
        "aanvulling.",
        "en": "Refutation recorded in case {label}. Decision now: {outcome}. Continue with "
        "'meldcode resume {label}' (change the considerations with 'back') and sign an "
        "amendment.",
    },
    "walk.at_evaluation": {
        "nl": "bij de evaluatie (meldcode evaluate)",
        "en": "at the evaluation (meldcode evaluate)",
    },
    "walk.decision.open_vt": {
        "nl": "Afweging {afwegingen}: nog te bepalen met Veilig Thuis (leg de uitkomst later "
        "vast als aanvulling); de melding staat.",
        "en": "Consideration {afwegingen}: to be decided with Veilig Thuis (record the outcome "
        "later as an amendment); the report stands.",
    },
    "walk.decision.eerder_gemeld": {
        "nl": "Geen nieuwe melding: de melding bij Veilig Thuis is eerder gedaan.",
        "en": "No new report: the report to Veilig Thuis was made earlier.",
    },
    "eval.early_reason": {
        "nl": "De evaluatiedatum is {due}. Waarom evalueert u nu al (bijvoorbeeld escalatie)?",
        "en": "The evaluation date is {due}. Why do you evaluate now already (e.g. escalation)?",
    },
    "cmd.evaluate.reason": {
        "nl": "Reden om vóór de evaluatiedatum te evalueren (bijvoorbeeld escalatie).",
        "en": "Reason to evaluate before the evaluation date (for example escalation).",
    },
    # ---- end of issue 11 ----
    # ---- issue 12: new entries below this line ----
    "show.kind.informatieverzoek": {
        "nl": (
            "soort: informatieverzoek (eindigt met het verstrekkingsbesluit, geen afwegingskader)"
        ),
        "en": "kind: information request (ends with the decision on disclosure, no framework)",
    },
    "walk.verstrekking.title": {
        "nl": "Verstrekkingsbesluit (informatieverzoek):",
        "en": "Decision on disclosure (information request):",
    },
    "walk.verstrekking.verstrekken": {
        "nl": "de gevraagde, relevante gegevens verstrekt",
        "en": "the requested, relevant data disclosed",
    },
    "walk.verstrekking.deels": {
        "nl": "alleen het relevante deel verstrekt",
        "en": "only the relevant part disclosed",
    },
    "walk.verstrekking.niet_verstrekken": {
        "nl": "geen gegevens verstrekt",
        "en": "no data disclosed",
    },
    "walk.verstrekking.eerst_context": {
        "nl": "nog niet besloten: eerst context, gesprek met de patiënt of toestemming",
        "en": "not decided yet: first context, a talk with the patient or consent",
    },
    "walk.verstrekking.grondslag": {"nl": "grondslag: {grondslag}", "en": "ground: {grondslag}"},
    "walk.verstrekking.vervolg": {
        "nl": "besluit volgt uiterlijk {date} (meldcode resume)",
        "en": "decision follows by {date} (meldcode resume)",
    },
    "sign.choose.verstrekking": {
        "nl": "Het verstrekkingsbesluit vastleggen:",
        "en": "Record the decision on disclosure:",
    },
    "report.not_a_melding": {
        "nl": (
            "{path}: dit record legt een informatieverzoek vast (verstrekkingsbesluit), geen "
            "melding; er is geen concept-melding voor Veilig Thuis te maken"
        ),
        "en": (
            "{path}: this record holds an information request (decision on disclosure), not a "
            "report; there is no draft report for Veilig Thuis to make"
        ),
    },
    # ---- end of issue 12 ----
    # ---- issue 13: new entries below this line ----
    "io.enospc": {
        "nl": "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
        "en": "the disk is full; free some space and try again",
    },
    "io.eacces": {
        "nl": "geen toestemming; controleer eigenaar en rechten van het bestand en de map",
        "en": "permission denied; check the owner and permissions of the file and folder",
    },
    "io.erofs": {
        "nl": "de schijf is alleen-lezen; gebruik een beschrijfbare map (MELDCODE_HOME)",
        "en": "the file system is read-only; use a writable folder (MELDCODE_HOME)",
    },
    "io.eio": {
        "nl": "lees- of schrijffout van de schijf (EIO); controleer de schijf en maak een "
        "reservekopie",
        "en": "disk input/output error (EIO); check the disk and make a backup",
    },
    "io.eloop": {
        "nl": "er staat een symbolische link waar meldcode een bestand schrijft; die wordt "
        "nooit gevolgd: verwijder de link",
        "en": "there is a symbolic link where meldcode writes a file; it is never followed: "
        "remove the link",
    },
    "io.eisdir": {
        "nl": "dit is een map, geen bestand",
        "en": "this is a folder, not a file",
    },
    "io.read_failed": {"nl": "kan niet lezen: {reason}", "en": "cannot read: {reason}"},
    "io.write_failed": {
        "nl": "kan niet schrijven: {reason}. Wat al was opgeslagen is niet aangetast.",
        "en": "cannot write: {reason}. What was already saved is untouched.",
    },
    "io.short_write": {
        "nl": "niet volledig geschreven ({written} van {size} bytes); er is niets vervangen",
        "en": "not completely written ({written} of {size} bytes); nothing was replaced",
    },
    "io.symlink": {
        "nl": "{path} is een symbolische link of geen gewone map/bestand; meldcode volgt "
        "nooit links in de gegevensmap. Verwijder of hernoem hem",
        "en": "{path} is a symbolic link or not a plain folder/file; meldcode never follows "
        "links in its data folder. Remove or rename it",
    },
    "io.outside_home": {
        "nl": "{path} ligt buiten de gegevensmap {home}; meldcode schrijft daar niet",
        "en": "{path} lies outside the data folder {home}; meldcode does not write there",
    },
    "io.unsafe_home": {
        "nl": "de map {path} is beschrijfbaar voor anderen (of niet van u); iemand anders "
        "kan er bestanden in vervangen. Maak haar privé: chmod 700 '{path}'",
        "en": "the folder {path} is writable by others (or not yours); someone else could "
        "replace files in it. Make it private: chmod 700 '{path}'",
    },
    "io.not_owner": {
        "nl": "de map {path} is niet van u (eigenaar uid {uid}); gebruik een eigen map "
        "(MELDCODE_HOME) of herstel de eigenaar",
        "en": "the folder {path} is not yours (owner uid {uid}); use your own folder "
        "(MELDCODE_HOME) or fix the owner",
    },
    "io.os_error": {
        "nl": "{path}: {reason}",
        "en": "{path}: {reason}",
    },
    "json.not_regular": {
        "nl": "geen gewoon bestand (een apparaat, FIFO of map); meldcode leest alleen "
        "gewone bestanden",
        "en": "not a regular file (a device, FIFO or folder); meldcode reads regular files only",
    },
    "json.too_large": {
        "nl": "bestand is te groot ({size} bytes; maximaal {limit}); dit is geen bestand "
        "van meldcode",
        "en": "file is too large ({size} bytes; at most {limit}); this is not a meldcode file",
    },
    "json.not_utf8": {
        "nl": "geen geldige UTF-8 (byte {offset}); het bestand is beschadigd of geen "
        "meldcode-bestand",
        "en": "not valid UTF-8 (byte {offset}); the file is damaged or not a meldcode file",
    },
    "json.bom": {
        "nl": "begint met een BOM (U+FEFF); sla het op als UTF-8 zonder BOM",
        "en": "starts with a BOM (U+FEFF); save it as UTF-8 without a BOM",
    },
    "json.syntax": {
        "nl": "geen geldige JSON (regel {line}, kolom {col}: {msg})",
        "en": "not valid JSON (line {line}, column {col}: {msg})",
    },
    "json.duplicate_key": {
        "nl": "sleutel '{name}' komt twee keer voor in één object; dat is dubbelzinnig en "
        "wordt geweigerd",
        "en": "key '{name}' occurs twice in one object; that is ambiguous and refused",
    },
    "json.number_domain": {
        "nl": "getal {number} valt buiten wat JSON-canonicalisatie (RFC 8785) toestaat",
        "en": "number {number} is outside what JSON canonicalisation (RFC 8785) allows",
    },
    "json.too_deep": {
        "nl": "dieper genest dan {limit} niveaus (bij {where})",
        "en": "nested deeper than {limit} levels (at {where})",
    },
    "json.too_many": {
        "nl": "meer dan {limit} waarden",
        "en": "more than {limit} values",
    },
    "json.surrogate": {
        "nl": "ongeldige Unicode (losse surrogaat) bij {where}",
        "en": "invalid Unicode (lone surrogate) at {where}",
    },
    "json.schema": {
        "nl": "past niet in het formaat: {where}: {msg}",
        "en": "does not fit the format: {where}: {msg}",
    },
    "json.schema_more": {"nl": "(en {n} meer)", "en": "(and {n} more)"},
    "json.not_object": {
        "nl": "verwacht een JSON-object",
        "en": "expected a JSON object",
    },
    "verify.unchecked": {
        "nl": "handtekening klopt, SLEUTEL NIET GECONTROLEERD",
        "en": "signature matches, KEY NOT CHECKED",
    },
    "verify.unchecked.hint": {
        "nl": "de handtekening is gezet met sleutel {fp}, maar die sleutel staat niet in "
        "een sleutelring en er is geen --key gegeven; iedereen kan een sleutel maken. "
        "Vergelijk de vingerafdruk met de melder, of verifieer met --key SLEUTEL.json",
        "en": "the signature was made with key {fp}, but that key is in no keyring and no "
        "--key was given; anyone can make a key. Compare the fingerprint with the signer, "
        "or verify with --key KEY.json",
    },
    "report.refused.unchecked": {
        "nl": "geen melding: de handtekening van {path} klopt, maar sleutel {fp} is niet "
        "gecontroleerd (niet in uw sleutelring). Een record dat met een onbekende sleutel "
        "is ondertekend kan vervalst zijn; controleer met 'meldcode verify --key'",
        "en": "no report: the signature of {path} matches, but key {fp} was not checked (not "
        "in your keyring). A record signed with an unknown key may be forged; check with "
        "'meldcode verify --key'",
    },
    "report.unchecked_warning": {
        "nl": "LET OP: sleutel {fp} is NIET GECONTROLEERD (er is hier geen sleutelring). "
        "Controleer de vingerafdruk bij de melder voordat u deze melding gebruikt.",
        "en": "WARNING: key {fp} was NOT CHECKED (there is no keyring here). Check the "
        "fingerprint with the signer before you use this report.",
    },
    "cases.unreadable": {
        "nl": "overgeslagen, onleesbaar: {label}: {problem}",
        "en": "skipped, unreadable: {label}: {problem}",
    },
    "verify.journal_missing": {
        "nl": "casus {case}: het journaal noemt record {name} (ondertekend op {at}), maar dat "
        "bestand ontbreekt: verwijderd of hernoemd",
        "en": "case {case}: the journal names record {name} (signed at {at}), but that file "
        "is missing: removed or renamed",
    },
    "verify.journal_replaced": {
        "nl": "casus {case}: record {name} is niet het record dat het journaal als "
        "ondertekend noemt (vervangen)",
        "en": "case {case}: record {name} is not the record the journal names as signed (replaced)",
    },
    "case.bad_label": {
        "nl": "casuslabel '{label}' kan niet: gebruik letters, cijfers, '-', '_' of '.', "
        "beginnend met een letter of cijfer, hoogstens 64 tekens (geen '/', '..', spaties of "
        "stuurtekens). Gebruik een pseudoniem, nooit de naam van de cliënt.",
        "en": "case label '{label}' is not possible: use letters, digits, '-', '_' or '.', "
        "starting with a letter or digit, at most 64 characters (no '/', '..', spaces or "
        "control characters). Use a pseudonym, never the client's name.",
    },
    "verify.summary_unchecked": {
        "nl": "{n} record(s) met een kloppende handtekening maar een niet-gecontroleerde "
        "sleutel (exit 1).",
        "en": "{n} record(s) with a matching signature but an unchecked key (exit 1).",
    },
    # ---- end of issue 13 ----
    # ---- issue 16: new entries below this line ----
    # journaal (SOEP entry for the HIS)
    "cmd.journaal": {
        "nl": "Een korte SOEP-regel voor het HIS/EPD-journaal, bij elke stap (CONCEPT zolang "
        "niet ondertekend).",
        "en": "A short SOAP entry for the GP system's journal, at any step (CONCEPT while "
        "unsigned).",
    },
    "cmd.journaal.case": {"nl": "het casuslabel", "en": "the case label"},
    "cmd.journaal.copy": {
        "nl": "Ook naar het klembord (wl-copy, xclip, xsel, pbcopy of clip.exe).",
        "en": "Also to the clipboard (wl-copy, xclip, xsel, pbcopy or clip.exe).",
    },
    "journaal.head": {"nl": "Meldcode HG/KM", "en": "Meldcode DV/CA"},
    "journaal.head_verzoek": {
        "nl": "Informatieverzoek (meldcode HG/KM)",
        "en": "Information request (meldcode DV/CA)",
    },
    "journaal.grondslag": {"nl": "Grondslag: {grondslag}.", "en": "Ground: {grondslag}."},
    "journaal.step_done_verzoek": {
        "nl": "Stappen doorlopen, verstrekkingsbesluit genomen.",
        "en": "Steps completed, decision on disclosure taken.",
    },
    "journaal.concept": {
        "nl": "CONCEPT (casus niet ondertekend)",
        "en": "CONCEPT (case not signed)",
    },
    "journaal.training": {"nl": "OEFENING, geen dossierstuk", "en": "TRAINING, not a record"},
    "journaal.ref": {
        "nl": "{title} {version}; meldcode-casus {case} (pseudoniem)",
        "en": "{title} {version}; meldcode case {case} (pseudonym)",
    },
    "journaal.S": {"nl": "S", "en": "S"},
    "journaal.O": {"nl": "O", "en": "O"},
    "journaal.E": {"nl": "E", "en": "A"},
    "journaal.P": {"nl": "P", "en": "P"},
    "journaal.nothing": {"nl": "(nog niets vastgelegd)", "en": "(nothing recorded yet)"},
    "journaal.signalen": {"nl": "Signalen: {list}", "en": "Signals: {list}"},
    "journaal.kindcheck_ja": {
        "nl": "Kindcheck: minderjarige kinderen: {detail}",
        "en": "Child check: minor children: {detail}",
    },
    "journaal.kindcheck_nee": {
        "nl": "Kindcheck: geen minderjarige kinderen.",
        "en": "Child check: no minor children.",
    },
    "journaal.no_weging": {"nl": "Weging nog niet gemaakt.", "en": "Not yet weighed."},
    "journaal.acute": {
        "nl": "Acute route genomen (stap {steps}).",
        "en": "Acute route taken (step {steps}).",
    },
    "journaal.step_done": {
        "nl": "Meldcode stap 1-5 doorlopen, afwegingskader ingevuld.",
        "en": "Meldcode steps 1-5 completed, afwegingskader answered.",
    },
    "journaal.step_at": {
        "nl": "Meldcode: bij stap {n} van 5 ({title}).",
        "en": "Meldcode: at step {n} of 5 ({title}).",
    },
    "journaal.besluit": {"nl": "Besluit: {what}.", "en": "Decision: {what}."},
    "journaal.meldnormen": {"nl": "Meldnorm(en): {normen}.", "en": "Reporting norm(s): {normen}."},
    "journaal.override": {
        "nl": "Afgeweken van de uitkomst van het afwegingskader (reden in het record).",
        "en": "Deviated from the afwegingskader outcome (reason in the record).",
    },
    "journaal.geen_besluit": {"nl": "Nog geen besluit.", "en": "No decision yet."},
    "journaal.overleg": {"nl": "Overleg:", "en": "Consulted:"},
    "journaal.geen_overleg": {
        "nl": "Nog geen overleg vastgelegd.",
        "en": "No consultation recorded yet.",
    },
    "journaal.geinformeerd": {
        "nl": "Geïnformeerd over de melding: {what}",
        "en": "Informed about the report: {what}",
    },
    "journaal.gesprek_gepland": {
        "nl": "Gesprek gepland: {date}.",
        "en": "Conversation planned: {date}.",
    },
    "journaal.gemeld": {
        "nl": "Gemeld bij Veilig Thuis op {date} ({channel}).",
        "en": "Reported to Veilig Thuis on {date} ({channel}).",
    },
    "journaal.terugkoppeling": {
        "nl": "Terugkoppeling Veilig Thuis {date}: {summary}",
        "en": "Feedback from Veilig Thuis {date}: {summary}",
    },
    "journaal.evaluatie": {"nl": "Evaluatie: {date}.", "en": "Evaluation: {date}."},
    "journaal.copied": {
        "nl": "Op het klembord gezet ({tool}).",
        "en": "Copied to the clipboard ({tool}).",
    },
    "journaal.no_clipboard": {
        "nl": "geen klembord gevonden (wl-copy, xclip, xsel, pbcopy of clip.exe, met een "
        "grafische sessie); selecteer en kopieer de tekst hierboven zelf",
        "en": "no clipboard found (wl-copy, xclip, xsel, pbcopy or clip.exe, with a graphical "
        "session); select and copy the text above yourself",
    },
    "journaal.copy_failed": {
        "nl": "kopiëren naar het klembord met {tool} mislukte ({error}); selecteer en kopieer "
        "de tekst hierboven zelf",
        "en": "copying to the clipboard with {tool} failed ({error}); select and copy the text "
        "above yourself",
    },
    # free-text identifier warning
    "ident.where": {"nl": "stap {step} · {label}", "en": "step {step} · {label}"},
    "ident.where_note": {"nl": "{where} (notitie)", "en": "{where} (note)"},
    "ident.where_override": {"nl": "reden van afwijken", "en": "reason for deviating"},
    "ident.warning": {
        "nl": "Let op: vrije tekst in deze casus lijkt iets identificerends te bevatten:",
        "en": "Note: free text in this case seems to hold something identifying:",
    },
    "ident.kind.naam": {"nl": "lijkt een naam", "en": "looks like a name"},
    "ident.kind.geboortedatum": {
        "nl": "lijkt een geboortedatum",
        "en": "looks like a date of birth",
    },
    "ident.kind.bsn": {"nl": "lijkt een BSN", "en": "looks like a BSN"},
    "ident.kind.telefoon": {"nl": "lijkt een telefoonnummer", "en": "looks like a phone number"},
    "ident.kind.adres": {"nl": "lijkt een adres", "en": "looks like an address"},
    "ident.kind.bekend": {"nl": "een bekend gegeven", "en": "a known value"},
    "ident.hint": {
        "nl": "Dit is een grove controle (ze kan missen en ten onrechte waarschuwen). "
        "Controleer de tekst voordat u hem plakt of voorleest; een casus hoort geen "
        "namen, geboortedata, BSN, telefoonnummers of adressen te bevatten (wijzig met "
        "'meldcode resume').",
        "en": "This is a rough check (it can miss and warn for nothing). Check the text before "
        "you paste or read it out; a case should hold no names, dates of birth, BSN, "
        "phone numbers or addresses (change it with 'meldcode resume').",
    },
    # mid-case advice summary
    "midcase.notice": {
        "nl": "Casus nog niet af (stap {step} van 5): dit is de stand van nu, niet ondertekend.",
        "en": "Case not finished (step {step} of 5): this is where it stands, not signed.",
    },
    "midcase.notice_unsigned": {
        "nl": "Casus afgerond maar niet ondertekend: dit is de stand van nu.",
        "en": "Case finished but not signed: this is where it stands.",
    },
    # the acute phone summary
    "cmd.acute": {
        "nl": "De samenvatting op één scherm om voor te lezen aan 112 of Veilig Thuis (acuut "
        "gevaar).",
        "en": "The one-screen summary to read out to 112 or Veilig Thuis (acute danger).",
    },
    "phone.title": {
        "nl": "TELEFOONSAMENVATTING (voorlezen; acuut gevaar)",
        "en": "PHONE SUMMARY (read out; acute danger)",
    },
    "phone.numbers": {
        "nl": "Direct gevaar: 112. Veilig Thuis: 0800-2000 (gratis, 24/7).",
        "en": "Immediate danger: 112. Veilig Thuis: 0800-2000 (free, 24/7).",
    },
    "phone.who": {"nl": "Wie in gevaar", "en": "Who is in danger"},
    "phone.who.client": {"nl": "de cliënt; vorm: {form}", "en": "the client; form: {form}"},
    "phone.who.child": {
        "nl": "het kind (of de kinderen); vorm: {form}",
        "en": "the child (or children); form: {form}",
    },
    "phone.who.children": {
        "nl": " en de minderjarige kinderen in het huishouden",
        "en": " and the minor children in the household",
    },
    "phone.where": {"nl": "Waar", "en": "Where"},
    "phone.where.value": {
        "nl": "noem het adres zelf (het staat niet in de casus)",
        "en": "give the address yourself (it is not in the case)",
    },
    "phone.what": {"nl": "Wat is er gebeurd", "en": "What happened"},
    "phone.what.signals": {"nl": "Acute signalen: {signals}.", "en": "Acute signals: {signals}."},
    "phone.children": {"nl": "Kinderen aanwezig", "en": "Children present"},
    "phone.children.unknown": {"nl": "nog niet nagevraagd", "en": "not yet checked"},
    "phone.done": {"nl": "Wat is gedaan", "en": "What was done"},
    "phone.done.acute": {
        "nl": "acute route genomen in stap {steps}",
        "en": "acute route taken in step {steps}",
    },
    "phone.nothing": {"nl": "nog niets vastgelegd", "en": "nothing recorded yet"},
    "phone.melder": {"nl": "Melder", "en": "Caller"},
    "phone.melder.value": {
        "nl": "{role}; noem uw naam en terugbelnummer",
        "en": "{role}; give your name and call-back number",
    },
    # Veilig Thuis follow-up
    "cmd.melding": {
        "nl": "Leg vast dat u bij Veilig Thuis meldde (datum, kanaal); de terugkoppelmomenten "
        "komen in 'cases --due'.",
        "en": "Record that you reported to Veilig Thuis (date, channel); the feedback moments "
        "appear in 'cases --due'.",
    },
    "cmd.terugkoppeling": {
        "nl": "Leg terugkoppeling van Veilig Thuis vast (een ondertekende wijziging in de keten).",
        "en": "Record feedback from Veilig Thuis (a signed amendment in the chain).",
    },
    "opt.date": {
        "nl": "De dag (DD-MM-JJJJ; standaard vandaag).",
        "en": "The day (DD-MM-YYYY; default today).",
    },
    "opt.channel": {
        "nl": "Hoe u meldde: telefoon, webformulier, schriftelijk of beveiligde-mail.",
        "en": "How you reported: telefoon, webformulier, schriftelijk or beveiligde-mail.",
    },
    "opt.moment": {
        "nl": "1: na de veiligheidsbeoordeling; 2: aan het eind.",
        "en": "1: after the safety assessment; 2: at the end.",
    },
    "opt.summary": {
        "nl": "Wat Veilig Thuis terugkoppelde, in een zin (zonder namen).",
        "en": "What Veilig Thuis reported back, in one sentence (no names).",
    },
    "followup.channel.telefoon": {"nl": "telefonisch", "en": "by phone"},
    "followup.channel.webformulier": {"nl": "webformulier", "en": "web form"},
    "followup.channel.schriftelijk": {"nl": "schriftelijk", "en": "in writing"},
    "followup.channel.beveiligde-mail": {"nl": "beveiligde mail", "en": "secure mail"},
    "followup.moment.1": {
        "nl": "moment 1, na de veiligheidsbeoordeling",
        "en": "moment 1, after the safety assessment",
    },
    "followup.moment.2": {"nl": "moment 2, aan het eind", "en": "moment 2, at the end"},
    "followup.amendment": {
        "nl": "Terugkoppeling Veilig Thuis ({moment}) ontvangen op {date}: {summary}",
        "en": "Feedback from Veilig Thuis ({moment}) received on {date}: {summary}",
    },
    "followup.recorded": {
        "nl": "Melding vastgelegd: {date} ({channel}). Verwacht van Veilig Thuis:",
        "en": "Report recorded: {date} ({channel}). Expected from Veilig Thuis:",
    },
    "followup.due.terugkoppeling-1": {
        "nl": "veiligheidsbeoordeling en terugkoppeling 1 (melding aangenomen, wat VT doet), "
        "uiterlijk",
        "en": "safety assessment and feedback 1 (report accepted, what VT does), at the latest",
    },
    "followup.due.terugkoppeling-2": {
        "nl": "einde onderzoek en terugkoppeling 2 (als VT onderzoekt: binnen 10 weken), uiterlijk",
        "en": "end of investigation and feedback 2 (when VT investigates: within 10 weeks), at "
        "the latest",
    },
    "followup.due.evaluatie": {"nl": "evaluatie", "en": "evaluation"},
    "followup.due.gesprek": {"nl": "gesprek gepland", "en": "conversation planned"},
    "followup.hint": {
        "nl": 'Ontvangen? meldcode terugkoppeling {label} --moment 1 --summary "…"',
        "en": 'Received? meldcode terugkoppeling {label} --moment 1 --summary "…"',
    },
    "followup.feedback_done": {
        "nl": "Terugkoppeling vastgelegd en ondertekend: {path}",
        "en": "Feedback recorded and signed: {path}",
    },
    "followup.feedback_training": {
        "nl": "Terugkoppeling vastgelegd (OEFENING, niet ondertekend): {path}",
        "en": "Feedback recorded (TRAINING, unsigned): {path}",
    },
    "followup.all_closed": {
        "nl": "Geen open terugkoppelmomenten meer.",
        "en": "No open feedback moments left.",
    },
    "followup.after_sign": {
        "nl": "Na de melding: meldcode melding {label} --date DD-MM-JJJJ --channel telefoon",
        "en": "After reporting: meldcode melding {label} --date DD-MM-YYYY --channel telefoon",
    },
    # case management
    "cases.signed": {"nl": "getekend", "en": "signed"},
    "cases.signed.ja": {"nl": "ja", "en": "yes"},
    "cases.signed.nee": {"nl": "nee", "en": "no"},
    "cases.signed.oefening": {"nl": "oefening", "en": "training"},
    "cases.acute": {"nl": "acuut", "en": "acute"},
    "cases.decision": {"nl": "besluit", "en": "decision"},
    "cases.decision.melden": {"nl": "melden", "en": "report"},
    "cases.decision.hulp": {"nl": "hulp", "en": "help"},
    "cases.decision.afsluiten": {"nl": "afsluiten", "en": "close"},
    "cases.decision.evaluatie": {"nl": "evaluatie", "en": "evaluation"},
    "cases.next": {"nl": "volgende", "en": "next"},
    "cases.kind.evaluatie": {"nl": "evaluatie", "en": "evaluation"},
    "cases.kind.terugkoppeling": {"nl": "terugkoppeling VT", "en": "VT feedback"},
    "cases.kind.gesprek": {"nl": "gesprek gepland", "en": "conversation planned"},
    "cases.kind_short.evaluatie": {"nl": "evaluatie", "en": "evaluation"},
    "cases.kind_short.terugkoppeling": {"nl": "VT terug", "en": "VT feedback"},
    "cases.kind_short.gesprek": {"nl": "gesprek", "en": "conversation"},
    "cases.today": {"nl": "vandaag {time}", "en": "today {time}"},
    "cases.yesterday": {"nl": "gisteren {time}", "en": "yesterday {time}"},
    "cases.legend": {
        "nl": "stap: waar de casus is (✓ = afgerond)\ngetekend: beslisrecord ondertekend "
        "(oefening = niet ondertekend)\nacuut: ! = acute route genomen of acuut "
        "signaal\nvolgende: de eerstvolgende datum: evaluatie, terugkoppeling VT (VT terug) of "
        "gesprek gepland;\n  * = vandaag of verlopen (alle data: meldcode cases --format "
        "json)",
        "en": "step: where the case is (✓ = complete)\nsigned: decision record signed "
        "(training = unsigned)\nacute: ! = acute route taken or acute signal\nnext: the "
        "next date: evaluation, VT feedback or conversation planned;\n  * = today or overdue (all "
        "dates: meldcode cases --format json)",
    },
    "cmd.cases.search": {
        "nl": "Alleen casussen waarvan label, protocol, rol of besluit dit bevat.",
        "en": "Only cases whose label, protocol, role or decision contains this.",
    },
    "cmd.cases.archived": {"nl": "De gearchiveerde casussen.", "en": "The archived cases."},
    "cmd.rename": {"nl": "Geef een casus een ander label.", "en": "Give a case another label."},
    "cmd.rename.new": {
        "nl": "het nieuwe label (een pseudoniem)",
        "en": "the new label (a pseudonym)",
    },
    "cmd.archive": {
        "nl": "Zet een casus in het archief (uit de lijst; terug met --undo).",
        "en": "Move a case to the archive (out of the list; back with --undo).",
    },
    "cmd.archive.undo": {
        "nl": "Haal de casus terug uit het archief.",
        "en": "Bring the case back.",
    },
    "cmd.purge": {
        "nl": "Wis een casus onherroepelijk: alle bestanden overschreven en verwijderd.",
        "en": "Erase a case irreversibly: every file overwritten and removed.",
    },
    "cmd.purge.keep": {
        "nl": "Bewaar de ondertekende records als grafsteen (ze blijven verifieerbaar).",
        "en": "Keep the signed records as a tombstone (they still verify).",
    },
    "cmd.purge.yes": {
        "nl": "Niet om bevestiging vragen.",
        "en": "Do not ask for confirmation.",
    },
    "cases.renamed": {
        "nl": "Casus {old} heet nu {new}. (Al ondertekende records noemen het oude label.)",
        "en": "Case {old} is now {new}. (Records already signed name the old label.)",
    },
    "cases.archived": {"nl": "Casus {label} staat in het archief.", "en": "Case {label} archived."},
    "cases.unarchived": {
        "nl": "Casus {label} is terug uit het archief.",
        "en": "Case {label} is back from the archive.",
    },
    "purge.confirm": {
        "nl": "Casus {label} wordt onherroepelijk gewist{keep}. Typ het label om te bevestigen:",
        "en": "Case {label} will be erased irreversibly{keep}. Type the label to confirm:",
    },
    "purge.confirm.keep": {
        "nl": " (de ondertekende records blijven als grafsteen)",
        "en": " (the signed records stay as a tombstone)",
    },
    "purge.cancelled": {
        "nl": "niet gewist: het label klopte niet",
        "en": "not erased: the label did not match",
    },
    "purge.no_tty": {
        "nl": "purge vraagt bevestiging op een terminal; of geef --yes",
        "en": "purge asks for confirmation on a terminal; or give --yes",
    },
    "purge.done": {"nl": "Casus {label} is gewist.", "en": "Case {label} is erased."},
    "purge.tomb": {
        "nl": "Ondertekende records bewaard in {path} (controleer met: meldcode verify {path})",
        "en": "Signed records kept in {path} (check with: meldcode verify {path})",
    },
    "resume.recap": {"nl": "Tot nu toe beantwoord:", "en": "Answered so far:"},
    "resume.step": {"nl": "Stap {n}: {title}", "en": "Step {n}: {title}"},
    "resume.none": {"nl": "Geen casussen om verder te gaan.", "en": "No cases to resume."},
    "resume.list": {"nl": "Casussen die nog niet af zijn:", "en": "Cases not yet finished:"},
    "resume.at_step": {"nl": "stap {n}", "en": "step {n}"},
    "resume.how": {
        "nl": "Verder met: meldcode resume LABEL",
        "en": "Continue with: meldcode resume LABEL",
    },
    # workshops
    "cmd.casus.list.key": {
        "nl": "Toon ook de verwachte beslissing (de sleutel; voor de trainer).",
        "en": "Also show the expected decision (the key; for the trainer).",
    },
    "casus.list.no_key": {
        "nl": "De verwachte beslissing staat er niet bij; de trainer ziet haar met --key.",
        "en": "The expected decision is not shown; the trainer sees it with --key.",
    },
    "cmd.train.participant": {
        "nl": "Uw alias voor de debrief (geen echte naam nodig), bv. tafel3-anna.",
        "en": "Your alias for the debrief (no real name needed), e.g. table3-anna.",
    },
    "cmd.train.output": {
        "nl": "Zet het OEFENING-record ook in deze map (bv. de map van de groep).",
        "en": "Also put the TRAINING record in this folder (e.g. the group's folder).",
    },
    "train.alias_invalid": {
        "nl": "--participant '{alias}': gebruik letters, cijfers, '-' of '_', hoogstens 32 tekens",
        "en": "--participant '{alias}': use letters, digits, '-' or '_', at most 32 characters",
    },
    "train.handin": {
        "nl": "Inleveren bij de trainer: {path}",
        "en": "Hand in to the trainer: {path}",
    },
    "train.handin_folder": {
        "nl": "De trainer draait: meldcode debrief {folder}",
        "en": "The trainer runs: meldcode debrief {folder}",
    },
    # betrokkenen
    "report.age_months": {"nl": "{n} mnd", "en": "{n} months"},
    "report.ask.telefoon": {"nl": "Telefoon:", "en": "Phone:"},
    "report.ask.email": {"nl": "E-mail:", "en": "E-mail:"},
    "report.ask.gezag": {
        "nl": "Wie heeft het gezag (bij een kind):",
        "en": "Who has custody (for a child):",
    },
    "report.ask.school": {"nl": "School, opvang of werk:", "en": "School, day care or work:"},
    "report.about.betrokkenen_kept": {
        "nl": "eerder gevraagd, bewaard bij de casus (niet in het record)",
        "en": "asked before, kept with the case (not in the record)",
    },
    "report.ask.keep": {
        "nl": "Bewaren bij deze casus (alleen op deze computer, niet in het record), zodat een "
        "volgend formaat ze niet opnieuw vraagt? (J/n)",
        "en": "Keep them with this case (on this computer only, not in the record) so the "
        "next format does not ask again? (Y/n)",
    },
    "report.ask.kept": {
        "nl": "Bewaard in {path}; 'meldcode purge' wist ze met de casus.",
        "en": "Kept in {path}; 'meldcode purge' erases them with the case.",
    },
    # ---- end of issue 16 ----
    # ---- issue 19: new entries below this line ----
    "cmd.schema.draft": {
        "nl": "JSON Schema-draft: 2020-12, of 07 voor editors die alleen draft-07 lezen.",
        "en": "JSON Schema draft: 2020-12, or 07 for editors that read draft-07 only.",
    },
    "cmd.new": {
        "nl": "Maak een nieuw protocol volgens de gedeelde opzet; geldig vanaf de eerste run.",
        "en": "Scaffold a new protocol from the shared skeleton; valid from the first run.",
    },
    "cmd.new.id": {
        "nl": "Protocol-id: kleine letters, cijfers en -, beginnend met een letter.",
        "en": "Protocol id: lower-case letters, digits and -, starting with a letter.",
    },
    "cmd.new.title": {"nl": "Titel van het protocol.", "en": "Title of the protocol."},
    "cmd.new.output": {
        "nl": "Schrijf naar dit bestand (standaard: ID.yaml in de huidige map).",
        "en": "Write to this file (default: ID.yaml in the current folder).",
    },
    "cmd.new.schema": {
        "nl": "Waar de modeline het schema zoekt (pad vanaf het protocol, of een URL); "
        "een relatief pad dat nog niet bestaat wordt geschreven (draft-07).",
        "en": "Where the modeline finds the schema (a path from the protocol, or a URL); "
        "a relative path that does not exist yet is written (draft-07).",
    },
    "new.bad_id": {
        "nl": "protocol-id '{id}' kan niet: kleine letters, cijfers en -, beginnend met een "
        "letter (bijvoorbeeld 'stalking')",
        "en": "protocol id '{id}' is not allowed: lower-case letters, digits and -, starting "
        "with a letter (for example 'stalking')",
    },
    "new.exists": {
        "nl": "{path} bestaat al; kies een ander bestand met -o",
        "en": "{path} already exists; choose another file with -o",
    },
    "new.written": {
        "nl": "Geschreven: {path}. Vul de teksten aan en controleer met "
        "'meldcode validate {path}'.",
        "en": "Written: {path}. Fill in the texts and check with 'meldcode validate {path}'.",
    },
    "new.schema_written": {
        "nl": "Schema voor de editor geschreven: {path}",
        "en": "Schema for the editor written: {path}",
    },
    "test.diff.header": {
        "nl": "verwacht (-) tegenover werkelijk (+):",
        "en": "expected (-) against actual (+):",
    },
    # ---- end of issue 19 ----
    # ---- issue 17: new entries below this line ----
    "cmd.kaart": {
        "nl": "Ketenkaart: wie doet wat, per pijler, vorm van geweld, rol en gemeente.",
        "en": "Ketenkaart: who does what, per pillar, form of violence, role and municipality.",
    },
    "cmd.kaart.validate": {
        "nl": "Ketenkaartbestanden controleren (standaard: de meegeleverde).",
        "en": "Check ketenkaart files (default: the shipped ones).",
    },
    "cmd.kaart.paths": {
        "nl": "Ketenkaartbestanden of mappen.",
        "en": "Ketenkaart files or folders.",
    },
    "opt.pijler": {
        "nl": "Alleen deze pijler: preventie, signalering, interventie, herstel-nazorg.",
        "en": "Only this pillar: preventie, signalering, interventie, herstel-nazorg.",
    },
    "opt.vorm": {
        "nl": "Alleen voor deze vorm van geweld (protocol-id).",
        "en": "Only for this form of violence (protocol id).",
    },
    "opt.rol": {"nl": "Alleen voor deze rol.", "en": "Only for this role."},
    "opt.gemeente": {
        "nl": "Alleen wat deze gemeente dekt (regionaal eerst, landelijk als terugval).",
        "en": "Only what covers this municipality (regional first, national as fallback).",
    },
    "opt.regio": {
        "nl": "Alleen wat deze regio dekt (bijv. Gelderland-Zuid).",
        "en": "Only what covers this region (e.g. Gelderland-Zuid).",
    },
    "opt.ketenkaart": {
        "nl": "Extra (regionaal) ketenkaartbestand of map; mag vaker.",
        "en": "Extra (regional) ketenkaart file or folder; may be repeated.",
    },
    "opt.output_file": {"nl": "Schrijf naar dit bestand.", "en": "Write to this file."},
    "kaart.title": {"nl": "Ketenkaart: wie doet wat", "en": "Ketenkaart: who does what"},
    "kaart.col.org": {"nl": "Organisatie", "en": "Organisation"},
    "kaart.col.does": {"nl": "Wat", "en": "What"},
    "kaart.col.pillars": {"nl": "Pijlers", "en": "Pillars"},
    "kaart.col.contact": {"nl": "Contact", "en": "Contact"},
    "kaart.col.area": {"nl": "Gebied", "en": "Area"},
    "kaart.col.checked": {"nl": "Gecontroleerd", "en": "Checked"},
    "kaart.national": {"nl": "landelijk", "en": "national"},
    "kaart.stale": {"nl": "VEROUDERD", "en": "OUT OF DATE"},
    "kaart.takes.advies": {"nl": "advies", "en": "advice"},
    "kaart.takes.melding": {"nl": "meldingen", "en": "reports"},
    "kaart.replaces": {"nl": "vervangt hier {id}", "en": "replaces {id} here"},
    "kaart.forms": {"nl": "vormen", "en": "forms"},
    "kaart.forms.all": {"nl": "alle vormen", "en": "all forms"},
    "kaart.roles": {"nl": "rollen", "en": "roles"},
    "kaart.source": {"nl": "bron", "en": "source"},
    "kaart.empty": {
        "nl": "Geen organisaties bij deze filters.",
        "en": "No organisations match these filters.",
    },
    "kaart.stale_note": {
        "nl": "{n} organisatie(s) langer dan 12 maanden niet gecontroleerd (VEROUDERD).",
        "en": "{n} organisation(s) not checked for more than 12 months (OUT OF DATE).",
    },
    "kaart.skipped": {
        "nl": "Let op: {n} ketenkaartbestand(en) met fouten overgeslagen; "
        "zie 'meldcode kaart validate'.",
        "en": "Note: {n} ketenkaart file(s) with errors skipped; see 'meldcode kaart validate'.",
    },
    "kaart.generated": {"nl": "Gemaakt op {date}", "en": "Generated on {date}"},
    "written": {"nl": "Geschreven: {path}", "en": "Written: {path}"},
    "cmd.monitor": {
        "nl": "Monitoring zonder dossiers: geanonimiseerde tellingen exporteren en bundelen.",
        "en": "Monitoring without case files: export and combine anonymised counts.",
    },
    "cmd.monitor.export": {
        "nl": "Tellingen uit de ondertekende records op deze computer, ondertekend.",
        "en": "Counts from the signed records on this computer, signed.",
    },
    "cmd.monitor.combine": {
        "nl": "Exports controleren en optellen; HTML-rapport en tabel (CSV/JSON).",
        "en": "Verify and add up exports; HTML report and table (CSV/JSON).",
    },
    "opt.periode": {
        "nl": "Alleen dit kwartaal (JJJJ-Qn) of jaar (JJJJ).",
        "en": "Only this quarter (YYYY-Qn) or year (YYYY).",
    },
    "cmd.monitor.exports": {"nl": "Exportbestanden of mappen.", "en": "Export files or folders."},
    "opt.html": {"nl": "HTML-rapport naar dit bestand.", "en": "HTML report to this file."},
    "opt.csv": {"nl": "Tabel als CSV naar dit bestand.", "en": "Table as CSV to this file."},
    "opt.signers": {
        "nl": "Alleen exports van deze sleutels (bestand met SHA256:-vingerafdrukken of "
        "'meldcode key export'-uitvoer).",
        "en": "Only exports signed by these keys (a file of SHA256: fingerprints or "
        "'meldcode key export' output).",
    },
    "opt.round5": {
        "nl": "Elk aantal afronden op een veelvoud van 5, zoals CBS publiceert.",
        "en": "Round every count to a multiple of 5, as CBS publishes.",
    },
    "opt.json_out": {"nl": "Tabel als JSON naar dit bestand.", "en": "Table as JSON to this file."},
    "monitor.exported": {
        "nl": "{records} record(s) geteld in {cells} cel(len); {suppressed} cel(len) onder 5 "
        "weggelaten. Ondertekend met {fp}.",
        "en": "{records} record(s) counted in {cells} cell(s); {suppressed} cell(s) under 5 "
        "suppressed. Signed with {fp}.",
    },
    "monitor.combined": {
        "nl": "{n} export(s) gebundeld: {records} record(s), {cells} cel(len), "
        "{suppressed} onder 5 weggelaten.",
        "en": "{n} export(s) combined: {records} record(s), {cells} cell(s), "
        "{suppressed} under 5 suppressed.",
    },
    "monitor.bad_periode": {
        "nl": "--periode '{periode}': schrijf een kwartaal (2026-Q3) of een jaar (2026)",
        "en": "--periode '{periode}': write a quarter (2026-Q3) or a year (2026)",
    },
    "kaart.choose": {"nl": "kies uit: {options}", "en": "choose from: {options}"},
    "kaart.unknown_filter": {
        "nl": "{option} '{value}' bestaat niet; {hint}",
        "en": "{option} '{value}' does not exist; {hint}",
    },
    "monitor.title": {
        "nl": "Monitoring meldcode: geanonimiseerde tellingen",
        "en": "Meldcode monitoring: anonymised counts",
    },
    "opt.ketenkaart.contacts": {
        "nl": "Eigen ketenkaart (bestand of map) voor de contacten in de walk, de acute route, "
        "show en report: regionaal eerst, landelijk als terugval",
        "en": "Your own ketenkaart (file or folder) for the contacts in the walk, the acute route, "
        "show and report: regional first, national as fallback",
    },
    "ketenkaart.left_out": {
        "nl": "ketenkaart niet gebruikt, de landelijke nummers worden getoond: {where}: {code} "
        "{what}",
        "en": "ketenkaart not used, the national numbers are shown: {where}: {code} {what}",
    },
    # ---- end of issue 17 ----
    # ---- issue 18: new entries below this line ----
    "cmd.consult": {
        "nl": "Collegiale consultatie: een gepseudonimiseerd verzoek, het ondertekende advies "
        "van een collega, en het importeren daarvan in de casus.",
        "en": "Collegiale consultatie: a pseudonymised request, a colleague's signed advice, "
        "and importing it into the case.",
    },
    "cmd.consult.request": {
        "nl": "Schrijf een consultatieverzoek voor CASUS (dezelfde gecontroleerde samenvatting "
        "als report --advies, met uw vraag).",
        "en": "Write a consultation request for CASE (the same checked summary as report "
        "--advies, with your question).",
    },
    "cmd.consult.vraag": {
        "nl": "De vraag aan uw collega (zonder namen of andere herleidbare gegevens).",
        "en": "The question to your colleague (no names or other identifying data).",
    },
    "cmd.consult.output": {
        "nl": "Het bestand om te schrijven.",
        "en": "The file to write.",
    },
    "cmd.consult.answer": {
        "nl": "Lees een consultatieverzoek, geef uw advies en onderteken het met uw sleutel.",
        "en": "Read a consultation request, give your advice and sign it with your key.",
    },
    "cmd.consult.answer.file": {
        "nl": "Het consultatieverzoek (consult-….json).",
        "en": "The consultation request (consult-….json).",
    },
    "cmd.consult.advies": {
        "nl": "Uw advies (zonder deze optie wordt het gevraagd).",
        "en": "Your advice (asked when this option is not given).",
    },
    "cmd.consult.import": {
        "nl": "Voeg het ondertekende antwoord van een collega toe aan de keten van CASUS.",
        "en": "Add a colleague's signed answer to the chain of CASE.",
    },
    "cmd.consult.import.file": {
        "nl": "Het ondertekende antwoord (…-antwoord.json).",
        "en": "The signed answer (…-antwoord.json).",
    },
    "cmd.key.trust": {
        "nl": "Vertrouw de publieke sleutel van een collega (uit 'meldcode key export') voor "
        "consultaties; controleer de vingerafdruk met de collega.",
        "en": "Trust a colleague's public key (from 'meldcode key export') for consultations; "
        "check the fingerprint with the colleague.",
    },
    "cmd.key.trust.file": {
        "nl": "Het bestand met de publieke sleutel.",
        "en": "The public key file.",
    },
    "consult.request.no_question": {
        "nl": 'geef de vraag aan uw collega met --vraag "..."',
        "en": 'give the question to your colleague with --vraag "..."',
    },
    "consult.request.written": {
        "nl": "Consultatieverzoek geschreven: {path} (verzoek {id}). Stuur het uw collega; "
        "die antwoordt met 'meldcode consult answer {name}'.",
        "en": "Consultation request written: {path} (request {id}). Send it to your colleague, "
        "who answers with 'meldcode consult answer {name}'.",
    },
    "consult.missing": {"nl": "{path}: bestaat niet", "en": "{path}: does not exist"},
    "consult.answer.not_a_request": {
        "nl": "{path}: geen consultatieverzoek van meldcode (maak er een met 'meldcode consult "
        "CASUS')",
        "en": "{path}: not a meldcode consultation request (make one with 'meldcode consult CASE')",
    },
    "consult.answer.intro": {
        "nl": "Consultatieverzoek {id}: een gepseudonimiseerde samenvatting, zonder namen.",
        "en": "Consultation request {id}: a pseudonymised summary, without names.",
    },
    "consult.answer.question": {"nl": "Vraag: {question}", "en": "Question: {question}"},
    "consult.answer.ask": {
        "nl": "Uw advies (sluit af met een lege regel):",
        "en": "Your advice (end with an empty line):",
    },
    "consult.answer.no_advice": {
        "nl": 'geen advies: geef het met --advies "..." of typ het op een terminal',
        "en": 'no advice: give it with --advies "..." or type it on a terminal',
    },
    "consult.answer.too_long": {
        "nl": "het advies is langer dan {n} tekens; houd het kort",
        "en": "the advice is longer than {n} characters; keep it short",
    },
    "consult.answer.signing": {
        "nl": "U ondertekent dit advies als {name} ({role}).",
        "en": "You sign this advice as {name} ({role}).",
    },
    "consult.answer.your_advice": {"nl": "Advies:", "en": "Advice:"},
    "consult.answer.confirm": {"nl": "Ondertekenen? [j/n]", "en": "Sign? [y/n]"},
    "consult.answer.needs_yes": {
        "nl": "geen terminal om te bevestigen: lees het verzoek en geef --yes om te ondertekenen",
        "en": "no terminal to confirm on: read the request and give --yes to sign",
    },
    "consult.confirmed_yes": {"nl": "Bevestigd met --yes.", "en": "Confirmed with --yes."},
    "consult.answer.not_signed": {
        "nl": "Niet ondertekend; er is niets geschreven.",
        "en": "Not signed; nothing was written.",
    },
    "consult.answer.written": {
        "nl": "Ondertekend advies geschreven: {path} (sleutel {fp}). Stuur het terug; de "
        "aanvrager voegt het toe met 'meldcode consult import CASUS {name}'.",
        "en": "Signed advice written: {path} (key {fp}). Send it back; the requester adds it "
        "with 'meldcode consult import CASE {name}'.",
    },
    "consult.import.not_an_answer": {
        "nl": "{path}: geen ondertekend consultatieantwoord van meldcode",
        "en": "{path}: not a signed meldcode consultation answer",
    },
    "consult.import.refused": {
        "nl": "{path} wordt niet aanvaard:",
        "en": "{path} is not accepted:",
    },
    "consult.import.other_case": {
        "nl": "{path} wordt niet aanvaard: het antwoord hoort bij een consultatieverzoek dat "
        "niet uit casus {label} komt. Importeer het in de casus waarvoor u het verzoek "
        "maakte ('meldcode consult CASUS' schrijft het verzoek).",
        "en": "{path} is not accepted: the answer belongs to a consultation request that did "
        "not come from case {label}. Import it into the case you made the request for "
        "('meldcode consult CASE' writes the request).",
    },
    "consult.import.request_changed": {
        "nl": "{path} wordt niet aanvaard: het verzoek in het antwoord is niet het verzoek dat "
        "u verstuurde (gewijzigd onderweg)",
        "en": "{path} is not accepted: the request in the answer is not the request you sent "
        "(changed on the way)",
    },
    "consult.import.already": {
        "nl": "dit antwoord staat al in casus {label}",
        "en": "this answer is already in case {label}",
    },
    "consult.import.summary": {
        "nl": "Ondertekend advies van {name} ({role}), {at}, sleutel {fp}.",
        "en": "Signed advice from {name} ({role}), {at}, key {fp}.",
    },
    "consult.import.signing": {
        "nl": "U voegt het toe aan de keten van casus {label} en ondertekent dat met uw sleutel.",
        "en": "You add it to the chain of case {label} and sign that with your key.",
    },
    "consult.import.done": {
        "nl": "Consultatie van {name} toegevoegd: {path} (sleutel collega {fp}). 'meldcode "
        "verify {label}' controleert haar.",
        "en": "Consultation by {name} added: {path} (colleague's key {fp}). 'meldcode verify "
        "{label}' checks it.",
    },
    "consult.check.unreadable": {
        "nl": "onleesbaar consultatieantwoord ({error})",
        "en": "unreadable consultation answer ({error})",
    },
    "consult.check.key_mismatch": {
        "nl": "de sleutel in het antwoord past niet bij de vingerafdruk",
        "en": "the key in the answer does not match its fingerprint",
    },
    "consult.check.tampered": {
        "nl": "de handtekening van de collega klopt niet: het antwoord is gewijzigd na "
        "ondertekening",
        "en": "the colleague's signature does not hold: the answer was changed after signing",
    },
    "consult.check.request_changed": {
        "nl": "het verzoek in het antwoord past niet bij de hash die de collega ondertekende",
        "en": "the request in the answer does not match the hash the colleague signed",
    },
    "consult.check.own_key": {
        "nl": "ondertekend met uw eigen sleutel: een consultatie met uzelf is geen collegiale "
        "consultatie",
        "en": "signed with your own key: consulting yourself is no collegiale consultatie",
    },
    "consult.check.unknown_key": {
        "nl": "ondertekend met sleutel {fp}, die u niet als sleutel van een collega kent; "
        "controleer de vingerafdruk met uw collega en voeg de publieke sleutel toe met "
        "'meldcode key trust BESTAND'",
        "en": "signed with key {fp}, which you do not know as a colleague's key; check the "
        "fingerprint with your colleague and add the public key with 'meldcode key trust FILE'",
    },
    "consult.check.key_expired": {
        "nl": "ondertekend buiten de geldigheid van sleutel {fp}",
        "en": "signed outside the validity of key {fp}",
    },
    "consult.check.not_consultation": {
        "nl": "een consultatierecord zonder ondertekend antwoord van een collega",
        "en": "a consultation record without a colleague's signed answer",
    },
    "consult.check.key_unchecked": {
        "nl": "consultatie: handtekening van de collega klopt; sleutel {fp} niet gecontroleerd "
        "(geen sleutels van collega's hier; 'meldcode key trust')",
        "en": "consultation: the colleague's signature holds; key {fp} not checked (no "
        "colleagues' keys here; 'meldcode key trust')",
    },
    "consult.check.ok": {
        "nl": "consultatie: ondertekend door {name}, sleutel {fp} (vertrouwd)",
        "en": "consultation: signed by {name}, key {fp} (trusted)",
    },
    "consult.trust.missing": {"nl": "{path}: bestaat niet", "en": "{path}: does not exist"},
    "consult.trust.not_a_key": {
        "nl": "{path}: geen publieke sleutel van meldcode (maak er een met 'meldcode key export')",
        "en": "{path}: not a meldcode public key (make one with 'meldcode key export')",
    },
    "consult.trust.fingerprint": {
        "nl": "{path}: de vingerafdruk past niet bij de sleutel",
        "en": "{path}: the fingerprint does not match the key",
    },
    "consult.trust.own": {
        "nl": "sleutel {fp} is uw eigen sleutel; vertrouw de sleutel van een collega",
        "en": "key {fp} is your own key; trust a colleague's key",
    },
    "consult.trust.unreadable": {
        "nl": "sleutels van collega's onleesbaar ({path}): {error}",
        "en": "colleagues' keys unreadable ({path}): {error}",
    },
    "consult.trust.done": {
        "nl": "Sleutel van {owner} vertrouwd voor consultaties: {fp}",
        "en": "Key of {owner} trusted for consultations: {fp}",
    },
    "consult.walk.signed": {
        "nl": "Ondertekende collegiale consultatie: {name} ({role}), {at}.",
        "en": "Signed collegiale consultatie: {name} ({role}), {at}.",
    },
    "consult.report.title": {
        "nl": "Ondertekende collegiale consultatie",
        "en": "Signed collegiale consultatie",
    },
    "consult.report.entry": {
        "nl": "Advies van {name} ({role}), {at}",
        "en": "Advice from {name} ({role}), {at}",
    },
    "consult.report.meta": {
        "nl": "ondertekend met sleutel {fp}",
        "en": "signed with key {fp}",
    },
    "consult.journaal": {
        "nl": "Collegiale consultatie met {name} ({role}) op {date}, door de collega ondertekend.",
        "en": "Collegiale consultatie with {name} ({role}) on {date}, signed by the colleague.",
    },
    "opt.organisatie": {
        "nl": "Het organisatiebestand (eigen meldcode, kind: organisatie); zonder deze optie "
        "het bestand in $MELDCODE_HOME/organisatie/, als er een is.",
        "en": "The organisation file (own meldcode, kind: organisatie); without this option "
        "the file in $MELDCODE_HOME/organisatie/, if there is one.",
    },
    "org.walk.uses": {
        "nl": "Met de eigen meldcode van {name}.",
        "en": "With the own meldcode of {name}.",
    },
    "org.walk.header": {
        "nl": "Eigen meldcode van {name}:",
        "en": "Own meldcode of {name}:",
    },
    "org.walk.af": {"nl": "Aandachtsfunctionaris: {who}", "en": "Aandachtsfunctionaris: {who}"},
    "org.walk.eind": {
        "nl": "Eindverantwoordelijk voor melden: {who}",
        "en": "Final responsibility for reporting: {who}",
    },
    "org.show.marker": {"nl": "[organisatie]", "en": "[organisation]"},
    "report.about.organisatie": {"nl": "Eigen meldcode", "en": "Own meldcode"},
    "report.about.organisatie_value": {
        "nl": "{name} (overlay {hash})",
        "en": "{name} (overlay {hash})",
    },
    # ---- end of issue 18 ----
    # ---- issue 14a: new entries below this line ----
    "error.wrong_passphrase": {
        "nl": "onjuiste wachtzin; er is niets geschreven",
        "en": "wrong passphrase; nothing was written",
    },
    "error.catalog.hoort_niet_bij": {
        "nl": "--role: '{role}' hoort niet bij {id} ({join_compiled_roles})",
        "en": "--role: '{role}' is not a role of {id} ({join_compiled_roles})",
    },
    "error.catalog.bestaat_niet": {
        "nl": "bestaat niet: {name}",
        "en": "does not exist: {name}",
    },
    "error.schema.onbekende_draft_of": {
        "nl": "onbekende draft '{draft}' (2020-12 of 07)",
        "en": "unknown draft '{draft}' (2020-12 or 07)",
    },
    "error.schema.onbekend_schema_protocol_scenarios": {
        "nl": "onbekend schema '{kind}' (protocol, scenarios, record, ketenkaart, monitor of "
        "organisatie)",
        "en": "unknown schema '{kind}' (protocol, scenarios, record, ketenkaart, monitor or "
        "organisatie)",
    },
    "error.ketenkaart.bestaat_niet": {
        "nl": "--ketenkaart {p}: bestaat niet",
        "en": "--ketenkaart {p}: does not exist",
    },
    "error.ketenkaart.bestaat_niet_2": {
        "nl": "{p}: bestaat niet",
        "en": "{p}: does not exist",
    },
    "error.monitor.groter_dan_bytes_geen": {
        "nl": "{path}: groter dan {MAX_EXPORT_BYTES} bytes; geen monitor-export",
        "en": "{path}: larger than {MAX_EXPORT_BYTES} bytes; not a monitor export",
    },
    "error.monitor.geen_meldcode_monitor_export": {
        "nl": "{path}: geen meldcode monitor-export (versie {EXPORT_FORMAT})",
        "en": "{path}: not a meldcode monitor export (version {EXPORT_FORMAT})",
    },
    "error.monitor.body_of_signature_ontbreekt": {
        "nl": "{path}: body of signature ontbreekt",
        "en": "{path}: body or signature missing",
    },
    "error.monitor.vingerafdruk_past_niet_bij": {
        "nl": "{path}: vingerafdruk past niet bij de publieke sleutel",
        "en": "{path}: fingerprint does not match the public key",
    },
    "error.monitor.handtekening_klopt_niet_het": {
        "nl": "{path}: handtekening klopt niet; het bestand is gewijzigd",
        "en": "{path}: signature does not match; the file was changed",
    },
    "error.monitor.geen_exportbestanden_gevonden": {
        "nl": "geen exportbestanden gevonden",
        "en": "no export files found",
    },
    "error.monitor.geen_vingerafdrukken_sha_gevonden": {
        "nl": "--signers {path}: geen vingerafdrukken (SHA256:...) gevonden",
        "en": "--signers {path}: no fingerprints (SHA256:...) found",
    },
    "error.monitor.niet_leesbaar": {
        "nl": "{path}: niet leesbaar ({e_strerror_or_e})",
        "en": "{path}: not readable ({e_strerror_or_e})",
    },
    "error.monitor.geen_geldige_json": {
        "nl": "{path}: geen geldige JSON ({e})",
        "en": "{path}: not valid JSON ({e})",
    },
    "error.monitor.handtekeningblok_onleesbaar": {
        "nl": "{path}: handtekeningblok onleesbaar ({e})",
        "en": "{path}: signature block unreadable ({e})",
    },
    "error.monitor.past_niet_in_het": {
        "nl": "{path}: past niet in het exportschema ({where})",
        "en": "{path}: does not fit the export schema ({where})",
    },
    "error.monitor.niet_leesbaar_2": {
        "nl": "--signers {path}: niet leesbaar ({e})",
        "en": "--signers {path}: not readable ({e})",
    },
    "error.monitor.ondertekend_door_niet_in": {
        "nl": "{path}: ondertekend door {fp}, niet in --signers",
        "en": "{path}: signed by {fp}, not in --signers",
    },
    "error.monitor.dezelfde_export_als_elk": {
        "nl": "{path}: dezelfde export als {seen_ids_export_id}; elk bestand één keer",
        "en": "{path}: the same export as {seen_ids_export_id}; each file once",
    },
    "error.monitor.leverde_kwartaal_al_in": {
        "nl": "{path}: {fp} leverde kwartaal {q} al in {seen_quarters_fp_q}; een tweede export "
        "van hetzelfde kwartaal zou casussen dubbel tellen",
        "en": "{path}: {fp} already delivered quarter {q} in {seen_quarters_fp_q}; a second "
        "export of the same quarter would count cases twice",
    },
    "error.core.bestaat_al_een_ondertekend": {
        "nl": "{path} bestaat al; een ondertekend record wordt nooit overschreven",
        "en": "{path} already exists; a signed record is never overwritten",
    },
    "error.core.geen_meldcode_record_record": {
        "nl": "{path}: geen meldcode-record (record en signature ontbreken)",
        "en": "{path}: not a meldcode record (record and signature missing)",
    },
    "error.core.bestaat_niet": {
        "nl": "{path}: bestaat niet",
        "en": "{path}: does not exist",
    },
    "error.core.geen_geldig_record": {
        "nl": "{path}: geen geldig record ({where}: {first_msg})",
        "en": "{path}: not a valid record ({where}: {first_msg})",
    },
    "error.keyflow.vraagt_ook_en_wie": {
        "nl": "--override vraagt ook --reason en --consulted (wie u raadpleegde)",
        "en": "--override also needs --reason and --consulted (whom you consulted)",
    },
    "error.keyflow.casus_heeft_geen_lopende": {
        "nl": "casus {label} heeft geen lopende hulp om te evalueren (afweging 5 is niet aan "
        "de orde)",
        "en": "case {label} has no ongoing help to evaluate (afweging 5 does not apply)",
    },
    "error.keyflow.kies_uit_melden_hulp": {
        "nl": "--override: '{part}' (kies uit melden, hulp, afsluiten)",
        "en": "--override: '{part}' (choose from melden, hulp, afsluiten)",
    },
    "error.keyflow.is_leesbaar_voor_anderen": {
        "nl": "--passphrase-file {file} is leesbaar voor anderen; maak het privé (chmod 600 "
        "{file})",
        "en": "--passphrase-file {file} is readable by others; make it private (chmod 600 {file})",
    },
    "error.keyflow.casus": {
        "nl": "casus {label}: {reason}",
        "en": "case {label}: {reason}",
    },
    "error.profile.is_onleesbaar_verwacht_een": {
        "nl": "{what} is onleesbaar ({path}): verwacht een JSON-object",
        "en": "{what} is unreadable ({path}): expected a JSON object",
    },
    "error.profile.er_is_al_een": {
        "nl": "er is al een profiel ({profile_path}); wissel van sleutel met 'meldcode key "
        "rotate', of gebruik --force om opnieuw te beginnen",
        "en": "there is already a profile ({profile_path}); change keys with 'meldcode key "
        "rotate', or use --force to start over",
    },
    "error.profile.sleutelbestand_is_beschadigd": {
        "nl": "sleutelbestand {key_path} is beschadigd",
        "en": "key file {key_path} is damaged",
    },
    "error.profile.de_huidige_sleutel_staat": {
        "nl": "de huidige sleutel staat niet in de sleutelring",
        "en": "the current key is not in the keyring",
    },
    "error.profile.geen_gevonden_maak_een": {
        "nl": "geen {what} gevonden ({path}); maak een profiel met 'meldcode init'",
        "en": "no {what} found ({path}); create a profile with 'meldcode init'",
    },
    "error.profile.is_onleesbaar": {
        "nl": "{what} is onleesbaar ({message})",
        "en": "{what} is unreadable ({message})",
    },
    "error.profile.profiel_is_ongeldig": {
        "nl": "profiel is ongeldig ({message})",
        "en": "profile is invalid ({message})",
    },
    "error.profile.sleutelring_is_ongeldig": {
        "nl": "sleutelring is ongeldig ({message})",
        "en": "keyring is invalid ({message})",
    },
    "error.profile.sleutelbestand": {
        "nl": "sleutelbestand {key_path}: {e}",
        "en": "key file {key_path}: {e}",
    },
    "error.signing.een_informatieverzoek_heeft_geen": {
        "nl": "een informatieverzoek heeft geen afwegingskader om van af te wijken; wijzig het "
        "verstrekkingsbesluit met 'meldcode resume {label}'",
        "en": "an information request has no afwegingskader to deviate from; change the "
        "disclosure decision with 'meldcode resume {label}'",
    },
    "error.signing.casus_is_nog_niet": {
        "nl": "casus {label} is nog niet af: er is nog geen beslissing om te ondertekenen; ga "
        "verder met 'meldcode resume {label}'",
        "en": "case {label} is not finished: there is no decision to sign yet; continue with "
        "'meldcode resume {label}'",
    },
    "error.signing.bestaat_niet": {
        "nl": "{missing_0}: bestaat niet",
        "en": "{missing_0}: does not exist",
    },
    "error.signing.deze_casus_heeft_al": {
        "nl": "deze casus heeft al een beslisrecord; een wijziging is een 'amendment'",
        "en": "this case already has a decision record; a change is an 'amendment'",
    },
    "error.signing.een_wijziging_op_een": {
        "nl": "een wijziging op een ondertekend record vraagt een reden (--reason); het "
        "eerdere record blijft ongewijzigd",
        "en": "a change to a signed record needs a reason (--reason); the earlier record stays "
        "unchanged",
    },
    "error.signing.geen_wachtzin_ondertekenen_vraagt": {
        "nl": "geen wachtzin: ondertekenen vraagt de wachtzin van uw sleutel",
        "en": "no passphrase: signing needs the passphrase of your key",
    },
    "error.signing.bestaat_niet_2": {
        "nl": "--key {key_file}: bestaat niet",
        "en": "--key {key_file}: does not exist",
    },
    "error.signing.geen_publieke_sleutel_van": {
        "nl": "--key {key_file}: geen publieke sleutel van meldcode ({e})",
        "en": "--key {key_file}: not a meldcode public key ({e})",
    },
    "error.core.kies_md_txt_of": {
        "nl": "--format {fmt}: kies md, txt of html",
        "en": "--format {fmt}: choose md, txt or html",
    },
    "error.debrief.het_record_heeft_geen": {
        "nl": "{f}: het record heeft geen beslissing",
        "en": "{f}: the record has no decision",
    },
    "error.train.geen_map": {
        "nl": "--output {output}: geen map",
        "en": "--output {output}: not a folder",
    },
    "error.train.protocol_van_casus_is": {
        "nl": "protocol van casus '{id}' is onleesbaar: {protocol_path}",
        "en": "protocol of casus '{id}' is unreadable: {protocol_path}",
    },
    "error.casemgmt.casuslabel_kan_niet_gebruik": {
        "nl": "casuslabel '{new}' kan niet: gebruik letters, cijfers, '-', '_' of '.', "
        "hoogstens 64 tekens. Gebruik een pseudoniem, nooit de naam van de cliënt.",
        "en": "case label '{new}' is not possible: use letters, digits, '-', '_' or '.', at "
        "most 64 characters. Use a pseudonym, never the client's name.",
    },
    "error.casemgmt.casus_bestaat_al_kies": {
        "nl": "casus '{new}' bestaat al; kies een ander label",
        "en": "case '{new}' already exists; choose another label",
    },
    "error.casemgmt.casus_bestaat_daar_al": {
        "nl": "casus '{label}' bestaat daar al ({dst_folder_label})",
        "en": "case '{label}' already exists there ({dst_folder_label})",
    },
    "error.casemgmt.geen_casus": {
        "nl": "geen casus '{label}'",
        "en": "no case '{label}'",
    },
    "error.casemgmt.kan_niet_hernoemen": {
        "nl": "kan '{old}' niet hernoemen: {strerror}",
        "en": "cannot rename '{old}': {strerror}",
    },
    "error.casemgmt.kan_niet_verplaatsen": {
        "nl": "kan '{label}' niet verplaatsen: {strerror}",
        "en": "cannot move '{label}': {strerror}",
    },
    "error.casemgmt.er_is_al_een": {
        "nl": "er is al een grafsteen voor '{label}': {tomb}",
        "en": "there is already a tombstone for '{label}': {tomb}",
    },
    "error.casestore.casus_bestaat_al_ga": {
        "nl": "casus '{label}' bestaat al; ga verder met 'meldcode resume {label}' of kies een "
        "ander label",
        "en": "case '{label}' already exists; continue with 'meldcode resume {label}' or "
        "choose another label",
    },
    "error.casestore.geen_casus_bekende_casussen": {
        "nl": "geen casus '{label}'; bekende casussen: {known}",
        "en": "no case '{label}'; known cases: {known}",
    },
    "error.casestore.casus_is_onleesbaar_het": {
        "nl": "casus '{label}' is onleesbaar: het begin van het journaal ontbreekt "
        "({folder_JOURNAL})",
        "en": "case '{label}' is unreadable: the start of the journal is missing "
        "({folder_JOURNAL})",
    },
    "error.flow.en_role_in_verschillen": {
        "nl": "--role {role} en 'role: {role2}' in {answers} verschillen",
        "en": "--role {role} and 'role: {role2}' in {answers} differ",
    },
    "error.flow.rol_hoort_niet_bij": {
        "nl": "rol '{role}' hoort niet bij {id}; mogelijk: {join_compiled_roles}",
        "en": "role '{role}' is not a role of {id}; possible: {join_compiled_roles}",
    },
    "error.flow.bestaat_niet": {
        "nl": "bestaat niet: {path}",
        "en": "does not exist: {path}",
    },
    "error.flow.antwoord_voor": {
        "nl": "{where}: antwoord voor '{item_id}': {reason}",
        "en": "{where}: answer for '{item_id}': {reason}",
    },
    "error.flow.today_is_geen_datum": {
        "nl": "{answers}: 'today: {str_spec_today_40}' is geen datum; schrijf JJJJ-MM-DD",
        "en": "{answers}: 'today: {str_spec_today_40}' is not a date; write YYYY-MM-DD",
    },
    "error.followup.ligt_in_de_toekomst": {
        "nl": "--date {raw}: ligt in de toekomst; geef de dag waarop het gebeurde",
        "en": "--date {raw}: lies in the future; give the day it happened",
    },
    "error.followup.kies_uit": {
        "nl": "--channel {channel}: kies uit {join_CHANNELS}",
        "en": "--channel {channel}: choose from {join_CHANNELS}",
    },
    "error.followup.casus_heeft_nog_geen": {
        "nl": "casus {label} heeft (nog) geen besluit om te melden; rond de casus af met "
        "'meldcode resume {label}'",
        "en": "case {label} has no decision to report (yet); finish the case with 'meldcode "
        "resume {label}'",
    },
    "error.followup.na_de_veiligheidsbeoordeling_of": {
        "nl": "--moment {moment}: 1 (na de veiligheidsbeoordeling) of 2 (aan het eind)",
        "en": "--moment {moment}: 1 (after the safety assessment) or 2 (at the end)",
    },
    "error.followup.schrijf_in_een_zin": {
        "nl": "--summary: schrijf in een zin wat Veilig Thuis terugkoppelde",
        "en": "--summary: write in one sentence what Veilig Thuis reported back",
    },
    "error.followup.casus_heeft_geen_melding": {
        "nl": "casus {label} heeft geen melding vastgelegd; eerst: meldcode melding {label} "
        "--date DD-MM-JJJJ --channel telefoon",
        "en": "case {label} has no melding recorded; first: meldcode melding {label} --date "
        "DD-MM-YYYY --channel telefoon",
    },
    "error.followup.casus_heeft_nog_geen_2": {
        "nl": "casus {label} heeft nog geen ondertekend record; eerst: meldcode sign {label}",
        "en": "case {label} has no signed record yet; first: meldcode sign {label}",
    },
    "error.followup.geen_datum_schrijf_dd": {
        "nl": "--date {raw}: geen datum; schrijf DD-MM-JJJJ, bv. 14-01-2026",
        "en": "--date {raw}: not a date; write DD-MM-YYYY, e.g. 14-01-2026",
    },
    "error.midcase.het_vastgelegde_protocol_van": {
        "nl": "het vastgelegde protocol van '{label}' is onleesbaar: {e}",
        "en": "the recorded protocol of '{label}' is unreadable: {e}",
    },
    "error.session.is_geen_geldig_protocol": {
        "nl": "{display} is geen geldig protocol ({first}); draai 'meldcode validate'",
        "en": "{display} is not a valid protocol ({first}); run 'meldcode validate'",
    },
    "error.session.het_vastgelegde_protocol_van": {
        "nl": "het vastgelegde protocol van '{label}' is gewijzigd sinds de start; de casus "
        "kan niet betrouwbaar verder",
        "en": "the recorded protocol of '{label}' has changed since the start; the case cannot "
        "continue reliably",
    },
    "error.session.journaal_van_past_niet": {
        "nl": "journaal van '{label}' past niet bij het vastgelegde protocol (regel "
        "{entry_seq_1}: {item_id}: {reason})",
        "en": "journal of '{label}' does not match the recorded protocol (line {entry_seq_1}: "
        "{item_id}: {reason})",
    },
    "error.what.profile": {"nl": "profiel", "en": "profile"},
    "error.what.keyring": {"nl": "sleutelring", "en": "keyring"},
    "error.what.key": {"nl": "sleutel", "en": "key"},
    "error.what.new_key": {"nl": "nieuwe sleutel", "en": "new key"},
    "error.casus.unknown": {
        "nl": "geen casus '{name}'{hint}; bekend: {known} (meldcode casus list)",
        "en": "no casus '{name}'{hint}; known: {known} (meldcode casus list)",
    },
    "error.casus.did_you_mean": {
        "nl": "; bedoelde u '{match}'?",
        "en": "; did you mean '{match}'?",
    },
    # ---- end of issue 14a ----
    # ---- issue 15: new entries below this line ----
    "report.title.wijkagent": {
        "nl": "Concept-zorgmelding aan Veilig Thuis (politie)",
        "en": "Draft zorgmelding to Veilig Thuis (police)",
    },
    "report.banner.neutraal": {
        "nl": "Schrijf gedrag en feiten, geen etiketten: niet 'vader stalkt moeder', wel wat er "
        "gebeurde (wat, wanneer, hoe vaak, wie zag het). Een etiket is een interpretatie; zet "
        "die apart en benoem haar zo.",
        "en": "Write behaviour and facts, no labels: not 'father stalks mother', but what "
        "happened (what, when, how often, who saw it). A label is an interpretation; keep it "
        "apart and name it as such.",
    },
    "report.reminder.wijkagent": {
        "nl": "Concept-zorgmelding uit het beslisrecord; controleer en vul aan vóór verzenden.",
        "en": "Draft zorgmelding from the decision record; check and complete before sending.",
    },
    "report.section.melder.wijkagent": {"nl": "Melder (politie)", "en": "Reporter (police)"},
    "report.section.melding.wijkagent": {
        "nl": "Aanleiding en incident",
        "en": "Reason and incident",
    },
    "report.section.politie": {
        "nl": "Politiële gegevens en maatregelen",
        "en": "Police data and measures",
    },
    "report.section.terugkoppeling": {
        "nl": "Terugkoppeling van Veilig Thuis",
        "en": "Feedback from Veilig Thuis",
    },
    "report.politie.intro": {
        "nl": "De politie organiseert hulp via deze zorgmelding; meldcode scoort de RiHG niet en "
        "beslist niet over een huisverbod: hier staat wat de hulpofficier besloot.",
        "en": "The police organise help through this zorgmelding; meldcode does not score the "
        "RiHG or decide on a huisverbod: this records what the hulpofficier decided.",
    },
    "report.melder.organisation.wijkagent": {"nl": "Eenheid en team", "en": "Unit and team"},
    "report.melder.registration.wijkagent": {
        "nl": "Personeelsnummer of -referentie",
        "en": "Personnel number or reference",
    },
    "report.melder.registration.professional": {
        "nl": "Beroepsregistratie (bv. SKJ)",
        "en": "Professional registration (e.g. SKJ)",
    },
    "report.item.politie_registratienummer": {
        "nl": "Registratienummer politie (kenmerk)",
        "en": "Police registration number (reference)",
    },
    "report.item.huisverbod_gevaar": {
        "nl": "Ernstig en onmiddellijk gevaar door de meerderjarige pleger",
        "en": "Serious and immediate danger from the adult perpetrator",
    },
    "report.item.huisverbod_voorgelegd": {
        "nl": "RiHG voorgelegd aan de hulpofficier van justitie",
        "en": "RiHG put to the hulpofficier van justitie",
    },
    "report.item.huisverbod_voorgelegd_datum": {"nl": "Voorgelegd op", "en": "Put on"},
    "report.item.huisverbod_besluit": {
        "nl": "Besluit tijdelijk huisverbod",
        "en": "Decision on the huisverbod",
    },
    "report.item.aangifte": {"nl": "Aangifte", "en": "Crime report"},
    "report.item.gesprek.wijkagent": {
        "nl": "Gesprek met de betrokkenen",
        "en": "Conversation with those involved",
    },
    "report.item.melding_geinformeerd.wijkagent": {
        "nl": "Betrokkenen geïnformeerd over de zorgmelding",
        "en": "Those involved informed about the zorgmelding",
    },
    "report.item.consultatie_collega.wijkagent": {
        "nl": "Overleg met teamchef, collega of specialist",
        "en": "Consulted team leader, colleague or specialist",
    },
    "report.item.advies_veilig_thuis.wijkagent": {
        "nl": "Vooraf overlegd met Veilig Thuis",
        "en": "Consulted Veilig Thuis beforehand",
    },
    "report.item.incident": {
        "nl": "Het incident of signaal (aanleiding, tijd, plaats, aanwezigen, wat is aangetroffen)",
        "en": "The incident or signal (reason, time, place, who was present, what was found)",
    },
    "report.item.incident_kinderen_aanwezig": {
        "nl": "Kinderen aanwezig bij het incident (gezien of gehoord)",
        "en": "Children present at the incident (saw or heard it)",
    },
    "report.item.zorgmelding_doen": {
        "nl": "Zorgmelding (buiten het afwegingskader om)",
        "en": "Zorgmelding (beside the framework)",
    },
    "report.item.terugkoppeling_veilig_thuis": {
        "nl": "Terugkoppeling van Veilig Thuis",
        "en": "Feedback from Veilig Thuis",
    },
    "key.init.organisation.wijkagent": {
        "nl": "Organisatie: eenheid en team (bv. Politie eenheid Den Haag, team Zoetermeer):",
        "en": "Organisation: unit and team (e.g. Politie eenheid Den Haag, team Zoetermeer):",
    },
    "key.init.registration.huisarts": {
        "nl": "Registratienummer: BIG-nummer (leeg = geen):",
        "en": "Registration number: BIG number (empty = none):",
    },
    "key.init.registration.wijkagent": {
        "nl": "Registratienummer: personeelsnummer of -referentie, geen BIG (leeg = geen):",
        "en": "Registration number: personnel number or reference, no BIG (empty = none):",
    },
    "key.init.registration.professional": {
        "nl": "Registratienummer: beroepsregistratie, bv. SKJ (leeg = geen):",
        "en": "Registration number: professional registration, e.g. SKJ (empty = none):",
    },
    "key.init.registration.big_police": {
        "nl": "Een wijkagent heeft geen BIG-registratie: geef een personeelsnummer of "
        "-referentie (--registration), of laat het leeg.",
        "en": "A wijkagent has no BIG registration: give a personnel number or reference "
        "(--registration), or leave it empty.",
    },
    # ---- end of issue 15 ----
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
    "MC218": "closing block does not fit the kind of protocol",
    "MC301": "path without a decision",
    "MC302": "decision deviates from the afwegingskader",
    "MC303": "unsafety without a report",
    "MC304": "too many paths to check exhaustively",
    "MC305": "unreachable item",
    "MC306": "unsafety signal depends on the consideration it decides",
    "MC307": "analysis of a long checklist approximated",
    "MC401": "protocol of the casus not found or invalid",
    "MC402": "role of the casus not among the protocol's roles",
    "MC403": "key names an unknown item",
    "MC404": "invalid answer in the key",
    "MC405": "key item does not come up with these answers",
    "MC406": "unknown source in the casus",
    "MC407": "expected decision differs from the engine",
    "MC408": "expected path differs from the engine",
    "MC409": "key does not lead to a decision",
    "MC410": "casus id used by more than one file",
    "MC411": "file name differs from casus id",
    "MC501": "duplicate organisation id in the ketenkaart",
    "MC502": "unknown organisation in 'replaces'",
    "MC503": "organisation without a source",
    "MC504": "'checked_on' missing, not a date, or in the future",
    "MC505": "data older than 12 months (warning)",
    "MC506": "unknown protocol id in 'forms'",
    "MC507": "unknown role in 'roles'",
    "MC508": "contact without phone and without URL",
    "MC509": "phone number without opening hours (warning)",
    "MC510": "area missing or contradictory",
    "MC511": "contact refers to an unknown partner (ketenkaart id)",
    "MC601": "anchor unknown",
    "MC602": "removing or weakening a shipped item, the afwegingskader or a check",
    "MC603": "unknown partner (ketenkaart id)",
    "MC604": "unknown protocol in the overlay",
    "MC605": "extra item with the id of an existing item",
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
    from meldcode_cli.protocol.diagnostics import CODES

    if get_lang() == "en":
        return CODE_TITLES_EN.get(code, code)
    return CODES.get(code, code)
