"""The message catalogue: every chrome string, Dutch by default, English complete.

The texts live in gettext catalogues, ``locale/<lang>/LC_MESSAGES/meldcode.po`` (compiled
to the ``.mo`` beside it, which is what runs); the message ids are symbolic keys
(``"cmd.start"``), Dutch is the source language. See docs/translating.md. Only the
standard library's ``gettext`` is used here: Babel is for the maintainers' script
(scripts/i18n.py), not for the installed tool.

Language: ``--lang`` beats ``MELDCODE_LANG``, which beats Dutch; ``resume`` speaks the
language the case was started in when neither is given (:func:`adopt_lang`). A key missing in a
language falls back to Dutch (tests/i18n/test_catalogue.py keeps both complete).
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

__all__ = [
    "LANGS",
    "adopt_lang",
    "code_title",
    "entries",
    "get_lang",
    "has",
    "lang_chosen",
    "set_lang",
    "t",
    "tn",
]

LANGS = ("nl", "en")
DOMAIN = "meldcode"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_lang: str | None = None
_translations: dict[str, gettext.NullTranslations] = {}


def set_lang(lang: str | None) -> None:
    global _lang  # noqa: PLW0603 - one process-wide setting, chosen once at start-up
    _lang = lang if lang in LANGS else None


def lang_chosen() -> bool:
    """Did the user choose a language (``--lang`` or a valid ``MELDCODE_LANG``)?"""
    env = os.environ.get("MELDCODE_LANG", "").strip().lower()[:2]
    return _lang is not None or env in LANGS


def adopt_lang(lang: object) -> bool:
    """Speak ``lang`` (a case's own language) unless the user chose one; True if it did."""
    if not isinstance(lang, str) or lang not in LANGS or lang_chosen():
        return False
    set_lang(lang)
    return True


def get_lang() -> str:
    if _lang:
        return _lang
    env = os.environ.get("MELDCODE_LANG", "").strip().lower()[:2]
    return env if env in LANGS else "nl"


def translation(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``, Dutch behind it as the fallback (cached)."""
    cache_key = f"{domain}:{lang}"
    found = _translations.get(cache_key)
    if found is None:
        found = gettext.translation(domain, LOCALE_DIR, languages=[lang], fallback=True)
        if lang != "nl":
            found.add_fallback(
                gettext.translation(domain, LOCALE_DIR, languages=["nl"], fallback=True)
            )
        _translations[cache_key] = found
    return found


def has(key: str) -> bool:
    """Whether the catalogue has ``key`` (for texts that exist only for some values)."""
    cat = getattr(translation("nl"), "_catalog", {})
    return key in cat or (key, 0) in cat


def entries() -> dict[str, dict[str, str]]:
    """Every key with its text per language (for tests and tools; plural entries: "one")."""
    out: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        cat = getattr(gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang]), "_catalog", {})
        for raw, text in cat.items():
            if isinstance(raw, tuple) and raw[1]:
                continue
            key = raw[0] if isinstance(raw, tuple) else raw
            if key:
                out.setdefault(key, {})[lang] = text
    return out


def t(key: str, **params: object) -> str:
    """The catalogue text for ``key`` in the current language, formatted."""
    text = translation(get_lang()).gettext(key)
    return text.format(**params) if params else text


def tn(key: str, n: int, **params: object) -> str:
    """The plural-aware text for ``key`` (gettext ``ngettext``); ``{n}`` is the count."""
    text = translation(get_lang()).ngettext(key, key, n)
    return text.format(n=n, **params)


def code_title(code: str) -> str:
    """The title of a diagnostic code (``code.MC204``) in the current language."""
    key = f"code.{code}"
    return t(key) if has(key) else code


def _is_plural(key: str) -> bool:
    return (key, 0) in getattr(translation("nl"), "_catalog", {})


def _translate(key: str, **params: object) -> str | None:
    """An error's (or a ``Text``'s) key said: a plural entry takes its count from ``n``."""
    if not has(key):
        return None
    n = params.get("n")
    if isinstance(n, int) and _is_plural(key):
        return tn(key, n, **{k: v for k, v in params.items() if k != "n"})
    return t(key, **params)


def _install() -> None:
    from meldcode_cli import errors

    errors.install_translator(_translate)


_install()  # exceptions of the pure core carry keys; this catalogue says them (errors.py)
