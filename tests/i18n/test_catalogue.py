"""The gettext catalogues: complete, used, consistent, and compiled."""

from __future__ import annotations

import ast
import gettext
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "meldcode_cli"
LOCALE = SRC / "i18n" / "locale"
LANGS = ("nl", "en")

# English equal to Dutch on purpose (names, codes, words both languages share)
SAME_IN_EN: set[str] = {
    "count.exports",  # "export", "exports": the same words in Dutch and English
    "count.records",  # "record", "records": the same words in Dutch and English
    "kenmerk.what.postcode",  # "postcode" is the English word too
    "cases.protocol",
    "casus.list.id",
    "casus.list.protocol",
    "debrief.title",
    "error.answer",  # "{item_id}: {reason}": the reason is translated
    "yaml.where",  # " ({context})": the context is translated
    "io.os_error",
    "journaal.O",
    "journaal.P",
    "journaal.S",
    "kaart.col.contact",
    "list.header.id",
    "report.about.protocol",
    "report.about.record",
    "report.about.record_value",
    "report.acuut",
    "report.ask.email",
    "report.person.email",
    "show.check.own",
    "test.summary",
    "report.about.organisatie_value",
}

# unused on main at b15430d (found by this test); kept until the branches in flight are merged,
# then to be deleted from both PO files. Do not add to this list.
KNOWN_UNUSED = {
    "validate.none",
    "key.passphrase.mismatch",
    "json.not_object",
    "journaal.grondslag",
    "kaart.col.does",
    "kaart.col.pillars",
    "kaart.col.checked",
    "kaart.forms",
    "kaart.source",
    "kaart.generated",
}


def _catalog(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "meldcode.po").open("rb") as f:
        return read_po(f, locale=lang)


def _texts(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _catalog(lang):
        if not m.id:
            continue
        key = m.id if isinstance(m.id, str) else m.id[0]
        out[key] = m.string if isinstance(m.string, str) else " | ".join(m.string or ())
    return out


def _used() -> tuple[set[str], set[str], set[str]]:
    """(literal keys of t()/tn() calls, every string constant, f-string prefixes in t())."""
    literal: set[str] = set()
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
                if re.fullmatch(r"[a-z_]+(\.[a-z_-]+)*\.", node.value):
                    prefixes.add(node.value)  # "cases.kind." + kind
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "tn")
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and arg.values:
                    first = arg.values[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        prefixes.add(first.value)
            # a key built elsewhere and handed to t() later: f"report.item.{name}"
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", first.value)
                ):
                    prefixes.add(first.value)
    prefixes.add("code.")  # code_title(code)
    return literal, constants, prefixes


def test_no_missing_key() -> None:
    literal, _, _ = _used()
    for lang in LANGS:
        texts = _texts(lang)
        missing = sorted(k for k in literal if k not in texts)
        assert not missing, f"{lang}: t() keys without a PO entry: {missing}"


def test_no_unused_key() -> None:
    _, constants, prefixes = _used()
    unused = [
        k
        for k in _texts("nl")
        if k not in constants and not k.startswith(tuple(prefixes)) and k not in KNOWN_UNUSED
    ]
    assert not unused, f"PO entries no code uses: {unused}"


def test_languages_have_the_same_keys() -> None:
    assert list(_texts("nl")) == list(_texts("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_text(lang: str) -> None:
    empty = [k for k, v in _texts(lang).items() if not v.strip()]
    assert not empty, f"{lang}: empty msgstr: {empty}"


def test_english_is_translated() -> None:
    nl, en = _texts("nl"), _texts("en")
    same = sorted(k for k in nl if en.get(k) == nl[k] and k not in SAME_IN_EN)
    assert not same, f"English msgstr equal to the Dutch (untranslated?): {same}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_placeholders_match_between_languages() -> None:
    nl, en = _texts("nl"), _texts("en")
    bad = {k: (_fields(nl[k]), _fields(en[k])) for k in nl if _fields(nl[k]) != _fields(en[k])}
    assert not bad, f"placeholders differ between nl and en: {bad}"


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_mo_is_up_to_date(lang: str) -> None:
    """The committed .mo says what the .po says (run `python scripts/i18n.py compile`)."""
    folder = LOCALE / lang / "LC_MESSAGES"
    with (folder / "meldcode.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    mo = {k: v for k, v in compiled._catalog.items() if k != ""}  # type: ignore[attr-defined]
    po: dict[object, str] = {}
    for m in _catalog(lang):
        if not m.id or not m.string or m.fuzzy:
            continue
        if isinstance(m.id, str):
            po[m.id] = str(m.string)
        else:
            for i, s in enumerate(m.string):
                po[(m.id[0], i)] = s
    assert mo == po
