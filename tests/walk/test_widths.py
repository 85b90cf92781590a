"""Nothing is cropped: panels, hints and option labels wrap at word boundaries (issue 10).

The acute panel, the longest checklist of the shipped protocols and the questions of step 5
are rendered at 40, 60, 80 and 120 columns; every word of the source text must appear,
whole, and no line may be wider than the terminal.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.protocol.model import MultiChoiceItem
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.engine import Walk
from meldcode_cli.walk.phone import acute_block
from meldcode_cli.walk.prompt.interactive import INDENT, QuestionaryPrompter
from meldcode_cli.walk.prompt.interactive_widgets import option_choice as _option_choice
from meldcode_cli.walk.session import compile_text
from tests.conftest import PROTOCOLS

WIDTHS = (40, 60, 80, 120)
BORDER = "│╭╮╰╯─ "
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def kindermishandeling() -> CompiledProtocol:
    path = PROTOCOLS / "kindermishandeling.yaml"
    return compile_text(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


def words(text: str) -> list[str]:
    return text.split()


def rendered_words(out: str) -> set[str]:
    found: set[str] = set()
    for line in out.splitlines():
        found.update(w.strip(BORDER) for w in line.split())
    return found


def assert_whole(source: list[str], out: str, width: int) -> None:
    seen = rendered_words(out)
    missing = [w for w in source if w not in seen]
    assert not missing, f"at {width} columns, broken or missing: {missing}"
    wide = [line for line in out.splitlines() if len(line) > width]
    assert not wide, f"lines wider than {width}: {wide}"


def console(width: int) -> Console:
    return Console(
        file=io.StringIO(), width=width, markup=False, highlight=False, color_system=None
    )


def output(c: Console) -> str:
    assert isinstance(c.file, io.StringIO)
    return c.file.getvalue()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ["huisarts", "wijkagent", "professional"])
def test_the_acute_panel_wraps_at_word_boundaries(
    pipe: PipeInput, kindermishandeling: CompiledProtocol, width: int, role: str
) -> None:
    if role not in kindermishandeling.roles:
        pytest.skip(f"no role {role}")
    walk = Walk(kindermishandeling, role, today=TODAY)
    walk.declare_acute(1)
    c = console(width)
    pipe.send_text("j")
    pipe.close()
    assert QuestionaryPrompter(c).acute(walk) is True
    source = [w for line in acute_block(walk) for w in words(line)]
    assert_whole(source, output(c), width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_longest_checklist_wraps_at_word_boundaries(
    kindermishandeling: CompiledProtocol, width: int
) -> None:
    lengths = {
        ci.id: sum(len(o.text.get("nl")) for o in ci.item.options)
        for ci in kindermishandeling.items
        if isinstance(ci.item, MultiChoiceItem)
    }
    longest = kindermishandeling.by_id[max(lengths, key=lambda k: lengths[k])]
    assert isinstance(longest.item, MultiChoiceItem)
    marked = 0
    for option in longest.item.options:
        title = str(_option_choice(option, width).title)
        label = walkview.option_label(option)
        assert title.split() == label.split()  # every word, whole, in order
        for line in title.splitlines():
            assert INDENT + len(line.lstrip()) <= width - 1, (width, line)
        if option.acute or option.structureel:
            marked += 1
            assert title.startswith("["), title  # the marker survives any width
    assert marked, "the longest checklist has no marked option: pick another fixture"


@pytest.mark.parametrize("width", WIDTHS)
def test_step_5_questions_and_hints_wrap_at_word_boundaries(
    kindermishandeling: CompiledProtocol, width: int
) -> None:
    walk = Walk(kindermishandeling, "huisarts", today=TODAY)
    c = console(width)
    prompter = QuestionaryPrompter(c)
    prompter.step_started(5, walk)
    source = [w for line in walkview.step_header(5, walk) for w in words(line)]
    from meldcode_cli.i18n.messages import t

    source += words(t("walk.ways_out.keys")) + words(t("walk.ways_out.typed"))
    step5 = [ci for ci in kindermishandeling.items if ci.step == 5 and ci.answerable]
    assert step5
    for ci in step5:
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text("\x1bp")  # the question is printed, then paused
            inp.close()
            prompter.ask(ci, walk, None, None)
        source += words(walkview.question_text(ci))
        help_text = walkview.help_text(ci)
        if help_text:
            source += words(help_text)
    assert_whole(source, output(c), width)
