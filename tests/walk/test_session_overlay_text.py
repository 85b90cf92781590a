"""An organisation overlay that cannot be applied: the hint is in the chosen language (14p)."""

from __future__ import annotations

import pytest

from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.walk.casestore import CaseError
from meldcode_cli.walk.session import compile_text
from tests.conftest import ROOT

PROTOCOL = (ROOT / "protocols" / "partnergeweld.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", "; correct org.yaml ('meldcode validate org.yaml')"),
        ("nl", "; pas org.yaml aan ('meldcode validate org.yaml')"),
    ],
)
def test_a_bad_overlay_says_how_to_fix_it(lang: str, hint: str) -> None:
    with pytest.raises(CaseError) as caught:
        compile_text(PROTOCOL, "partnergeweld.yaml", organisatie=("bogus: 1\n", "org.yaml"))
    set_lang(lang)
    message = caught.value.message
    assert message.endswith(hint)
    assert message.startswith("org.yaml ")
