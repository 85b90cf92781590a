"""Maintain the gettext catalogues of meldcode (src/meldcode_cli/i18n/locale).

    python scripts/i18n.py from-dict [SOURCE]   add the entries of an old-style messages.py
                                                (CATALOGUE dict, CODE_TITLES_EN) to the PO files:
                                                new keys only, edited translations are kept
    python scripts/i18n.py compile              PO -> MO (the .mo files are committed)
    python scripts/i18n.py extract              write locale/meldcode.pot from the t("...") calls

SOURCE is a file path or a git object (``MERGE_HEAD:src/meldcode_cli/i18n/messages.py``), so
the lead can feed in the dict of a branch that was begun before the conversion. The old file
is read with ``ast`` (never imported). Babel is a dev dependency; the runtime uses only the
standard library's ``gettext``.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "meldcode_cli" / "i18n" / "locale"
DOMAIN = "meldcode"
LANGS = ("nl", "en")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def load(lang: str, domain: str = DOMAIN) -> Catalog:
    path = po_path(lang, domain)
    if path.exists():
        with path.open("rb") as f:
            return read_po(f, locale=lang, domain=domain)
    cat = Catalog(locale=lang, domain=domain, project="meldcode-cli", fuzzy=False)
    return cat


def save(cat: Catalog, lang: str, domain: str = DOMAIN) -> None:
    path = po_path(lang, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    cat.plural_forms  # noqa: B018 - read: Babel derives it from the locale
    with path.open("wb") as f:
        write_po(f, cat, width=0, omit_header=False, sort_output=False, include_lineno=False)


def _read_source(source: str) -> str:
    path = Path(source)
    if path.exists():
        return path.read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "show", source], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def _dict_entries(text: str) -> tuple[dict[str, dict[str, object]], dict[str, str]]:
    """CATALOGUE and CODE_TITLES_EN of an old-style messages.py, by ast (never imported)."""
    tree = ast.parse(text)
    catalogue: dict[str, dict[str, object]] = {}
    titles: dict[str, str] = {}
    for node in tree.body:
        target = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        if target == "CATALOGUE" and value is not None:
            catalogue = ast.literal_eval(value)
        elif target == "CODE_TITLES_EN" and value is not None:
            titles = ast.literal_eval(value)
    return catalogue, titles


def _dutch_code_titles() -> dict[str, str]:
    text = (ROOT / "src/meldcode_cli/protocol/diagnostics.py").read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id == "CODES" and node.value is not None:
                return dict(ast.literal_eval(node.value))
    return {}


def from_dict(source: str) -> int:
    catalogue, titles = _dict_entries(_read_source(source))
    if titles:
        nl_titles = _dutch_code_titles()
        for code, en in titles.items():
            catalogue.setdefault(f"code.{code}", {"nl": nl_titles.get(code, en), "en": en})
    cats = {lang: load(lang) for lang in LANGS}
    added = 0
    for key, entry in catalogue.items():
        if key in cats["nl"]:
            continue  # never clobber: the PO file is the source once a key is in it
        added += 1
        for lang in LANGS:
            text = entry.get(lang) or ""
            if isinstance(text, dict):  # {"one": ..., "other": ...}: a plural entry
                cats[lang].add((key, key), (text.get("one", ""), text.get("other", "")))
            else:
                cats[lang].add(key, str(text))
    for lang in LANGS:
        save(cats[lang], lang)
    print(f"{added} new key(s) added from {source}; run 'python scripts/i18n.py compile'")
    return 0


def compile_all() -> int:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            cat = read_po(f)
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, cat, use_fuzzy=False)
        print(f"compiled {po.relative_to(ROOT)}")
    return 0


def extract() -> int:
    cmd = [
        sys.executable,
        "-m",
        "babel.messages.frontend",
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        "-k",
        "t",
        "-k",
        "tn:1",
        "--no-default-keywords",
        "--omit-header",
        "--no-location",
        "-o",
        str(LOCALE / f"{DOMAIN}.pot"),
        str(ROOT / "src" / "meldcode_cli"),
    ]
    return subprocess.run(cmd, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    fd = sub.add_parser("from-dict", help="add the entries of an old-style messages.py")
    fd.add_argument("source", nargs="?", default="src/meldcode_cli/i18n/messages.py")
    sub.add_parser("compile", help="PO -> MO")
    sub.add_parser("extract", help="write the POT template from the t() calls")
    args = parser.parse_args(argv)
    if args.cmd == "from-dict":
        return from_dict(args.source)
    if args.cmd == "compile":
        return compile_all()
    return extract()


if __name__ == "__main__":
    sys.exit(main())
