"""Help text for each diagnostic code, as in the code tables of docs/protocol-format.md
(MC0xx-MC3xx), docs/trainer.md (MC4xx) and docs/ketenkaart.md (MC5xx) and docs/organisatie.md (MC6xx), which have no
cause column: the cause is "": meaning, typical cause, fix.

Used for the rules of ``validate --format sarif``; tests/authoring/test_sarif.py keeps it equal to the
tables, so change both together.
"""

from __future__ import annotations

__all__ = ["CODE_DOCS", "CODE_HELP"]

# code -> (meaning, typical cause, fix)
CODE_HELP: dict[str, tuple[str, str, str]] = {
    "MC001": (
        "file not readable (bestand niet leesbaar)",
        "not UTF-8 (the position of the first bad byte is given), no permission",
        "save as UTF-8; check path and rights",
    ),
    "MC002": (
        "YAML syntax error",
        "unquoted `: ` in text, bad indentation, a tab used for indentation, an unclosed quote or bracket, a control character, a second document (`---`)",
        "quote the text; indent with spaces; one document per file",
    ),
    "MC003": (
        "duplicate key",
        "the same key twice in one mapping",
        "remove one; YAML would silently keep the last",
    ),
    "MC004": (
        "YAML construct not allowed (tag, alias or merge key)",
        "`*alias`, `<<:` merge key, `!!python/...` or other tag, a list or mapping as key",
        "write values out in full",
    ),
    "MC005": (
        "file too large or nested too deeply",
        "a file over 2 MiB; more than 64 levels of nesting",
        "shorten texts; check brackets and indentation",
    ),
    "MC006": (
        "document is not a mapping",
        "empty file; top level is a list or a single value",
        "start with `schema_version: 1` and `id: …`",
    ),
    "MC007": (
        "value YAML 1.1 reads differently than intended",
        "`version: 1.0`, `id: 123`, `phone: 112`, `text: true`: a number or boolean where text is expected",
        'quote the value as written: `"1.0"`',
    ),
    "MC101": (
        "required field missing",
        "no `nature:` on a `text` item, no `kind:` on an item",
        "add the field",
    ),
    "MC102": (
        "unknown field",
        "a typo (`wen:` for `when:`: \"onbekend veld 'wen'\", with a suggestion); a field that exists elsewhere in the format but not at this place (`required:` on `guidance`, `id:` on the marker: \"veld 'id' hoort hier niet\")",
        "use the field names on this page (in scenario files: those of [scenarios.md](scenarios.md#fields))",
    ),
    "MC103": (
        "wrong type",
        "`roles: huisarts` instead of a list; `options:` as a mapping; an empty value (`text: ~`)",
        "use the type in the field tables",
    ),
    "MC104": (
        "invalid value",
        "`nature: fact`, `acute_if: yes`, `roles: [arts]` (reported as `'roles[0]'`), an id with capitals, a `url` without `http(s)://`, `min_selected: -1`, empty `items`; in a scenario file `path: N` or `acute_steps: [6]`",
        "use an allowed value; the hint lists them or names the pattern",
    ),
    "MC105": (
        "unknown item kind",
        "`kind: yesno`",
        "one of `yes_no`, `single_choice`, `multi_choice`, `text`, `date`, `guidance`, `afwegingskader`",
    ),
    "MC106": (
        "unsupported schema_version",
        '`schema_version: 2`; `schema_version: "1"` (text, not the number 1)',
        "write `schema_version: 1`, unquoted",
    ),
    "MC201": (
        "duplicate id",
        "two items, or two sources, with the same id; a role twice in the protocol's `roles`",
        "give each its own id; name each role once",
    ),
    "MC202": (
        "unknown reference",
        "a condition names an item that does not exist (typo) or an unknown dotted name; in a scenario file: `protocol:` not found or invalid",
        "fix the name (see the suggestion); for scenarios, point `protocol:` at a valid file",
    ),
    "MC203": (
        "reference to a later item",
        "a condition reads an item further on, or itself; `decision.*` before the afwegingskader",
        "move the item after what it depends on",
    ),
    "MC204": (
        "syntax error in condition",
        "`=` instead of `==`, missing `and`/`or`, unclosed `[` or `(`",
        "see [Grammar](#grammar)",
    ),
    "MC205": (
        "type error in condition",
        "`==` on a multi_choice, `contains` on a yes/no, a comparison on a text or date item, an unknown option or role value, a compared flag, a bare `role`, a reference to guidance",
        "use the form for that kind (see the table)",
    ),
    "MC206": (
        "unknown source",
        "`sources: [knmg]` without a source `knmg` in `sources:`",
        "declare the source at the top, or fix the id",
    ),
    "MC207": (
        "normative item without a source",
        "`why:`, a `guidance` item, `acute_if`/`structureel_if` or an `acute`/`structureel` option without `sources:`",
        "add `sources: [<bron-id>]`",
    ),
    "MC208": (
        "afwegingskader missing or misplaced",
        "no `- kind: afwegingskader`, two of them, or one in steps 1–3",
        "one marker, in step 4 or 5",
    ),
    "MC209": (
        "reserved id",
        "an item id starting with `afweging_`, or `role`, `acute`, `structureel`, `decision`, `and`, `or`, `not`, `in`, `contains`",
        "choose another id",
    ),
    "MC210": (
        "steps not 1 to 5",
        "four or six steps, steps out of order, `step: 6`",
        "exactly steps 1, 2, 3, 4, 5 in order",
    ),
    "MC211": (
        "role not among the protocol's roles",
        "`roles: [wijkagent]` on an item or an option, or a `role_titles` key, of a protocol for `huisarts` only",
        "add the role to the protocol's `roles` or fix the item or option",
    ),
    "MC212": (
        "duplicate option",
        "two options with the same id in one item",
        "give each option its own id",
    ),
    "MC213": (
        "unused source (warning)",
        "a declared source no item cites",
        "cite it or remove it",
    ),
    "MC214": (
        "invalid min_selected",
        "`min_selected` larger than the number of options",
        "lower it",
    ),
    "MC215": (
        "protocol id used by more than one file",
        "a copied file whose `id:` was not changed",
        "give each protocol its own id",
    ),
    "MC216": (
        "file name differs from protocol id (warning)",
        "`pg.yaml` with `id: partnergeweld`",
        "rename the file to `<id>.yaml`: scenario files find protocols by file name",
    ),
    "MC217": (
        "choice without options for a role",
        "a `single_choice` whose options all have `roles:` that leave out a role the item is asked for",
        "give that role an option, or limit the item with `roles:`",
    ),
    "MC218": (
        "closing block does not fit the kind of protocol",
        "`- kind: afwegingskader` in a protocol with `kind: informatieverzoek`, or `- kind: verstrekkingsbesluit` in a meldcode protocol",
        "use the marker of the protocol's kind ([Information requests](#information-requests))",
    ),
    "MC230": (
        "duplicate check id",
        "two `checks:` entries with the same id, or a check id that is also an item id",
        "give each check its own id",
    ),
    "MC231": (
        "unknown source in a check",
        "`sources: [knmg]` on a check without a source `knmg`",
        "declare the source at the top, or fix the id",
    ),
    "MC232": (
        "check without a source",
        "a check with `sources: []`: a check states a norm",
        "add `sources: [<bron-id>]`",
    ),
    "MC301": (
        "path without a decision",
        "should not happen for a valid protocol: guards the shared afwegingskader",
        "report it as a bug in meldcode",
    ),
    "MC302": (
        "decision deviates from the afwegingskader",
        "should not happen: guards the decision function against the table",
        "report it as a bug in meldcode",
    ),
    "MC303": (
        "unsafety without a report",
        "should not happen: guards meldnorm 1",
        "report it as a bug in meldcode",
    ),
    "MC304": (
        "too many paths to check exhaustively",
        "many items referenced by later conditions at once",
        "let later items depend on fewer, summarising questions (see [The limit](#the-limit-mc304))",
    ),
    "MC305": (
        "unreachable item (a warning after MC307)",
        "a `when` that is never true (`x == ja and x == nee`), `roles:` that contradict `when:`, `roles: []`",
        "fix `when` or `roles`",
    ),
    "MC306": (
        "unsafety signal depends on the consideration it decides",
        "an item with `acute_if`, `structureel_if` or an acute/structural option whose `when` reads `afweging_1`, `afweging_2` or `decision.*`, or reads an item that depends on them",
        "remove that reference from `when`; ask the signal independently of the afwegingen",
    ),
    "MC310": (
        "check fires on no path",
        "a check `when:` that is never true at the end of any walk (`x == ja and x == nee`, or `decision.melden` with an item only asked on afsluiten paths)",
        "fix `when` or `roles` of the check",
    ),
    "MC307": (
        "analysis of a long checklist approximated (warning)",
        "a `multi_choice` with more than 10 options named in conditions (see [What is enumerated](#what-is-enumerated))",
        "test fewer options in conditions, for example through a summarising question",
    ),
    "MC401": (
        "the protocol of the casus is not found or is invalid",
        "`protocol: huiselijk-geweld`",
        "a protocol id (`meldcode list`) or a path",
    ),
    "MC402": (
        "the role is not one of the protocol's roles",
        "`role: leerkracht`",
        "`huisarts`, `wijkagent` or `professional`",
    ),
    "MC403": (
        "the key names an item the protocol does not have",
        "`gesprekk:`",
        "the item id (`meldcode show PROTOCOL`); a suggestion is given",
    ),
    "MC404": (
        "an answer in the key the item does not accept, or an item the key cannot check",
        "an unknown option; `afweging_2: nee` with an acute signal; a text question in the key; `avoid` on a yes/no item",
        "the answer format of the item; key only yes/no and choice items",
    ),
    "MC405": (
        "a keyed item does not come up with the key's answers",
        "`kinderen_getuige` without `kindcheck: ja`; an item for another role",
        "key the answers its `when` depends on, or remove it",
    ),
    "MC406": (
        "a source id that the protocol does not declare",
        "`source: knmg-stap-33`",
        "a source id of the protocol",
    ),
    "MC407": (
        "the expected decision is not the one the engine computes",
        "`decision: hulp` while the key's afwegingen give melden",
        "fix the decision or the answers",
    ),
    "MC408": (
        "the expected path is not the one the engine computes",
        '`path: JNN--` while an acute signal makes afweging 2 "ja"',
        "fix the path or the answers",
    ),
    "MC409": (
        "the key's answers do not lead to a decision",
        "afweging 3 missing after `afweging_2: ja`",
        "key the afwegingen up to the decision",
    ),
    "MC410": (
        "two casus files use the same id (in one run)",
        "a copied file",
        "give each casus its own id",
    ),
    "MC411": (
        "the file name is not `<id>.casus.yaml` (a warning)",
        "`kopie.casus.yaml` holds `id: km-huisarts-val`",
        "rename the file; `meldcode train ID` looks for that name",
    ),
    "MC501": (
        "the same organisation id twice in a file",
        "",
        "one id per organisation",
    ),
    "MC502": (
        '`replaces:` names no national organisation (with "bedoelde u …?")',
        "",
        "use an id from `meldcode kaart`",
    ),
    "MC503": (
        "an organisation without `source`",
        "",
        "give the URL the data came from",
    ),
    "MC504": (
        "`checked_on` missing, not a date (`JJJJ-MM-DD`), or in the future",
        "",
        "the date you checked",
    ),
    "MC505": (
        "(warning) `checked_on` more than 12 months ago",
        "",
        "check the numbers at the source, update the date",
    ),
    "MC506": (
        "an unknown protocol id in `forms` (with a suggestion)",
        "",
        "an id from `meldcode list`",
    ),
    "MC507": (
        "an unknown role in `roles`",
        "",
        "a role the protocols use",
    ),
    "MC508": (
        "a contact with neither phone nor URL",
        "",
        "add one",
    ),
    "MC509": (
        "(warning) a phone number without `hours`",
        "",
        "say when it can be reached",
    ),
    "MC510": (
        "no area, or `national: true` together with a regio/gemeenten",
        "",
        "one or the other",
    ),
    "MC511": (
        "a protocol contact's `partner:` is not an id in the shipped ketenkaart",
        "",
        "use an id from `meldcode kaart` (the message suggests the nearest)",
    ),
    "MC601": (
        "`after:` names no item of the protocol (or of this version of it: the item was removed in an upgrade)",
        "",
        "use an item id of the protocol (`meldcode show`); after an upgrade pick another anchor",
    ),
    "MC602": (
        "`remove:`, `replace:`, `disable_checks:` or `afwegingskader:` in a protocol layer",
        "",
        "take it out; add your own guidance at an anchor, or propose a change to the protocol itself",
    ),
    "MC603": (
        "`veilig_thuis`, `partners` or `contacts_from` names no organisation of the ketenkaart",
        "",
        "use an id from `meldcode kaart`, or add the organisation to a regional ketenkaart",
    ),
    "MC604": (
        "a key under `protocols:` is no protocol id",
        "",
        "use an id from `meldcode list`",
    ),
    "MC605": (
        "two additions with the same `id`, or one that equals a shipped id",
        "",
        "give each addition its own id",
    ),
}

# the page that explains the code
CODE_DOCS: dict[str, str] = {
    code: (
        "docs/trainer.md"
        if code.startswith("MC4")
        else "docs/ketenkaart.md"
        if code.startswith("MC5")
        else "docs/organisatie.md"
        if code.startswith("MC6")
        else "docs/protocol-format.md"
    )
    for code in CODE_HELP
}
