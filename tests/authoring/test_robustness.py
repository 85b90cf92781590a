"""Robustness: malformed, hostile and mutated documents never crash the checker.

Three layers:

1. Property-based (Hypothesis): thousands of malformed documents (arbitrary text, YAML
   token soup, random YAML structures, mutations of ``protocols/voorbeeld.yaml``) go
   through ``check_text``. It never raises, and every diagnostic is well formed: a
   stable code ``MCnnn``, a message, and a position inside the document.
2. Adversarial documents: billion laughs, quadratic alias blowup, deep nesting, huge
   files, NUL bytes, invalid UTF-8, ``!!python`` tags, duplicate keys, YAML 1.1
   surprises. The dangerous ones run in a child process with a memory limit and a
   timeout, so a regression shows up as a failed test, not as a hung or killed run.
3. A source scan: the unsafe YAML loader is never used.

Known bugs in ``src/`` are pinned with ``xfail(strict=True)``: the test states the
intended behaviour and turns red (XPASS) once the bug is fixed.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldcode_cli.authoring.validate import FileResult, check_file, check_text
from meldcode_cli.protocol import yamlio
from meldcode_cli.protocol.diagnostics import CODES
from meldcode_cli.protocol.yamlio import MAX_BYTES, MAX_DEPTH, load_yaml_text

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
VOORBEELD = (ROOT / "protocols" / "voorbeeld.yaml").read_text(encoding="utf-8")
DISPLAY = "fuzz.yaml"
CODE_RE = re.compile(r"^MC\d{3}$")
MiB = 1024 * 1024


def _voorbeeld_data() -> dict[str, Any]:
    doc, diags = load_yaml_text(VOORBEELD, "voorbeeld.yaml")
    assert doc is not None, diags
    assert isinstance(doc.data, dict)
    return doc.data


VOORBEELD_DATA = _voorbeeld_data()


# --------------------------------------------------------------------------------------
# The property every result must satisfy
# --------------------------------------------------------------------------------------


def _line_bound(text: str) -> int:
    """Highest line a diagnostic may name: one past the last line (errors at EOF).

    ``str.splitlines`` also splits on ``\\r``, NEL, LS and PS, which libyaml counts as
    line breaks too (YAML 1.1), so this bound is the lenient one.
    """
    return max(1, len(text.splitlines())) + 1


def assert_well_formed(result: FileResult, text: str, display: str = DISPLAY) -> None:
    if not result.ok:
        assert result.errors, "not ok, but no error diagnostic"
    bound = _line_bound(text)
    for d in result.diagnostics:
        assert CODE_RE.match(d.code), d
        assert d.code in CODES, f"undocumented code {d.code}: {d}"
        assert d.severity in ("error", "warning"), d
        assert d.message.strip(), d
        assert d.path == display, d
        if d.line:
            assert 1 <= d.line <= bound, f"line {d.line} outside 1..{bound}: {d}"
            assert d.col >= 1, d


def check(text: str) -> FileResult:
    result = check_text(text, DISPLAY)
    assert_well_formed(result, text)
    return result


def codes(result: FileResult) -> list[str]:
    return [d.code for d in result.errors]


# --------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------

PROTOCOL_KEYS = sorted(
    {
        "schema_version",
        "id",
        "title",
        "version",
        "description",
        "roles",
        "sources",
        "acute_route",
        "steps",
        "step",
        "items",
        "kind",
        "text",
        "nl",
        "en",
        "options",
        "when",
        "nature",
        "contacts",
        "url",
        "phone",
        "name",
    }
)

# Strings that YAML 1.1, PyYAML or the protocol format treat specially.
TRICKY_STRINGS = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "2024-05-01",
    "2024-05-01T10:00:00Z",
    "1:30",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    ".inf",
    "-.Inf",
    ".nan",
    "1e5",
    "<<",
    "=",
    "!!str",
    "*a",
    "&a",
    "- x",
    "a: b",
    "#",
    "'",
    '"',
    "\t",
    "\n",
    "\r\n",
    "\x85",
    "\u2028",
    "\ufeff",
    "",
    " ",
    "yes_no",
    "afwegingskader",
    "decision.melden",
    "kinderen == ja",
    "role == huisarts",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(TRICKY_STRINGS)
)
keys = st.sampled_from(PROTOCOL_KEYS) | st.text(max_size=12) | st.integers(-5, 5) | st.booleans()


def _extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6)


yamlish = st.recursive(scalars, _extend, max_leaves=25)
small_yamlish = st.recursive(scalars, _extend, max_leaves=8)


class _NoAliasDumper(yaml.SafeDumper):
    """Never emit anchors for shared objects: aliases are refused (MC004) and would
    mask every other problem."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 (override)
        return True


def dump(data: Any, *, flow: bool | None = None) -> str:
    return yaml.dump(
        data,
        Dumper=_NoAliasDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=flow,
    )


# ---- mutations of the valid protocol -------------------------------------------------

Path_ = tuple[str | int, ...]


def _walk(node: Any, here: Path_ = ()) -> list[tuple[Path_, Any]]:
    out: list[tuple[Path_, Any]] = [(here, node)]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_walk(v, (*here, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_walk(v, (*here, i)))
    return out


def _parent(root: Any, path: Path_) -> Any:
    node = root
    for seg in path[:-1]:
        node = node[seg]
    return node


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """The voorbeeld data after 1-3 structural mutations."""
    data: Any = copy.deepcopy(VOORBEELD_DATA)
    for _ in range(draw(st.integers(1, 3))):
        nodes = _walk(data)
        op = draw(st.sampled_from(["delete_key", "replace_value", "duplicate_element"]))
        if op == "delete_key":
            candidates = [p for p, _ in nodes if p and isinstance(_parent(data, p), dict)]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            del _parent(data, path)[path[-1]]
        elif op == "replace_value":
            path = draw(st.sampled_from([p for p, _ in nodes]))
            value = draw(
                scalars | st.lists(scalars, max_size=4) | st.dictionaries(keys, scalars, max_size=4)
            )
            if not path:
                data = value
            else:
                _parent(data, path)[path[-1]] = value
        else:
            lists = [(p, n) for p, n in nodes if isinstance(n, list) and n]
            if not lists:
                continue
            _, target = draw(st.sampled_from(lists))
            index = draw(st.integers(0, len(target) - 1))
            at = draw(st.integers(0, len(target)))
            target.insert(at, copy.deepcopy(target[index]))
    return data


YAML_TOKENS = [
    ":",
    ": ",
    "- ",
    "-",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "%YAML 1.1",
    "---",
    "...",
    "\n",
    "\n  ",
    "\n    ",
    " ",
    "\t",
    "\r",
    "a",
    "id",
    "kind",
    "yes",
    "1",
    "0x1f",
    "~",
    "\\",
    "\x00",
    "é",
    "\ufeff",
]
yaml_soup = st.lists(st.sampled_from(YAML_TOKENS), max_size=150).map("".join)
inserted = st.text(min_size=1, max_size=10) | yaml_soup.filter(bool)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    """The voorbeeld text after 1-3 textual mutations."""
    text = VOORBEELD
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["insert", "truncate", "swap_lines", "delete_line", "indent"]))
        if op == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(inserted) + text[at:]
        elif op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            if op == "swap_lines":
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            elif op == "delete_line":
                del lines[i]
            else:
                lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
            text = "\n".join(lines)
    return text


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


# --------------------------------------------------------------------------------------
# 1. Property-based: malformed documents never crash, diagnostics are well formed
# --------------------------------------------------------------------------------------


def test_voorbeeld_is_valid() -> None:
    """Baseline for the mutation tests: the unmutated protocol passes."""
    result = check(VOORBEELD)
    assert result.ok, result.diagnostics


@fuzz(1000)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    check(text)


@fuzz(800)
@given(yaml_soup)
def test_yaml_token_soup(text: str) -> None:
    check(text)


@fuzz(400)
@given(yamlish, st.sampled_from([None, True, False]))
def test_arbitrary_yaml_structures(data: Any, flow: bool | None) -> None:
    check(dump(data, flow=flow))


@fuzz(200)
@given(st.dictionaries(st.sampled_from(PROTOCOL_KEYS) | keys, small_yamlish, max_size=8))
def test_protocol_shaped_structures(data: dict[Any, Any]) -> None:
    result = check(dump(data))
    assert not result.ok  # a valid protocol needs five well-formed steps


# Round trip: what the author wrote is what the loader returns (no YAML 1.1 surprises).
# NEL, LS and PS are left out: PyYAML's emitter writes them raw inside quotes, where a
# line break folds to a space (an emitter quirk, not a loader bug).
_LINE_SEPARATORS = "\x85\u2028\u2029"
plain_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters=_LINE_SEPARATORS), max_size=20
)
plain_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | plain_text
    | st.sampled_from([s for s in TRICKY_STRINGS if not set(s) & set(_LINE_SEPARATORS)])
)
plain_data = st.recursive(
    plain_scalars,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(plain_text, c, max_size=4),
    max_leaves=20,
)


@fuzz(250)
@given(st.dictionaries(plain_text, plain_data, max_size=6))
def test_loader_round_trips_dumped_data(data: dict[str, Any]) -> None:
    doc, diags = load_yaml_text(dump(data), DISPLAY)
    assert diags == []
    assert doc is not None
    assert doc.data == data


@fuzz(400)
@given(mutated_data(), st.sampled_from([None, False]))
def test_structural_mutations_of_voorbeeld(data: Any, flow: bool | None) -> None:
    check(dump(data, flow=flow))


@fuzz(800)
@given(mutated_text())
def test_textual_mutations_of_voorbeeld(text: str) -> None:
    check(text)


def test_lone_surrogate_does_not_raise() -> None:
    check("a: \ud800\n")


_BIG = "1" + "0" * 5000  # more digits than int() converts (sys.get_int_max_str_digits)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"a: {_BIG}\n", id="decimal-int-5001-digits"),
        pytest.param(f"a: -{_BIG}\n", id="negative-decimal-int"),
        pytest.param(
            VOORBEELD.replace("title: Signalen in kaart brengen", "title: " + _BIG),
            id="decimal-int-as-text-field",
        ),
        pytest.param(
            VOORBEELD.replace("id: voorbeeld", "id: " + _BIG),
            id="decimal-int-as-id",
        ),
        pytest.param(
            VOORBEELD.replace("schema_version: 1", "schema_version: " + _BIG),
            id="decimal-int-as-schema-version",
        ),
        pytest.param("a: 0x" + "f" * 100_000 + "\n", id="hex"),
        pytest.param(VOORBEELD.replace("id: voorbeeld", "id: 0x" + "f" * 4000), id="hex-as-id"),
        pytest.param("a: 1" + ":1" * 200 + ".5\n", id="sexagesimal-float"),
        pytest.param("a: 1" + "0" * 4000 + ".0\n", id="long-float"),
        pytest.param("a: 1.0e99999\n", id="float-overflow"),
        pytest.param(VOORBEELD.replace("step: 1", "step: 1e999"), id="inf-as-step"),
    ],
)
def test_huge_numbers_do_not_raise(text: str) -> None:
    check(text)


# --------------------------------------------------------------------------------------
# 2. Adversarial documents
# --------------------------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from pathlib import Path
    from meldcode_cli.authoring.validate import check_text
    result = check_text(Path(sys.argv[1]).read_text(encoding="utf-8"), "hostile.yaml")
    print(json.dumps([
        {"code": d.code, "severity": d.severity, "line": d.line, "col": d.col,
         "message": d.message}
        for d in result.diagnostics
    ]))
    """
)


@functools.cache
def _run_child(text: str, timeout: float) -> tuple[int, str, str] | None:
    """(returncode, stdout, stderr) of checking ``text`` in a child, None on timeout.
    Cached: the no-crash and the diagnostic-code tests share one child per document."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path), str(512 * MiB)],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=tmp,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
    return proc.returncode, proc.stdout, proc.stderr


def run_isolated(text: str, *, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Check ``text`` in a child process limited to 512 MiB of address space; return the
    error diagnostics.

    Fails the test on a timeout, a crash (segfault, MemoryError, any exception), an
    accepted document or malformed diagnostics.
    """
    outcome = _run_child(text, timeout)
    if outcome is None:
        pytest.fail(f"checking took longer than {timeout} s")
    returncode, stdout, stderr = outcome
    assert returncode == 0, f"child crashed (rc={returncode}): {stderr[-3000:]}"
    diags: list[dict[str, Any]] = json.loads(stdout)
    errors = [d for d in diags if d["severity"] == "error"]
    assert errors, "hostile document accepted"
    bound = _line_bound(text)
    for d in diags:
        assert CODE_RE.match(d["code"]), d
        assert d["message"], d
        assert 1 <= d["line"] <= bound, d
        assert d["col"] >= 1, d
    return errors


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    lines = ["lol0: &lol0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(billion_laughs(9), id="9-levels"),
        pytest.param(billion_laughs(10), id="10-levels"),
        pytest.param(
            billion_laughs(10).replace("lol9: &lol9", "steps: &lol9"), id="in-a-protocol-key"
        ),
        pytest.param(VOORBEELD + billion_laughs(10), id="appended-to-voorbeeld"),
        pytest.param(
            "a: &a {"
            + ", ".join(f"{k}: lol" for k in "qrstuvwxyz")
            + "}\n"
            + "".join(
                f"{n}: &{n} {{" + ", ".join(f"{k}: *{p}" for k in "qrstuvwxyz") + "}\n"
                for p, n in zip("abcdefghi", "bcdefghij", strict=True)
            ),
            id="mappings",
        ),
        pytest.param(billion_laughs(10) + "? *lol9\n: x\n", id="alias-as-key"),
    ],
)
def test_billion_laughs_is_refused_quickly(text: str) -> None:
    errors = run_isolated(text, timeout=10.0)
    assert [d["code"] for d in errors] == ["MC004"]


def test_quadratic_blowup_is_refused() -> None:
    """One anchor (a 1000-element list) referenced 100 000 times."""
    text = "a: &a [" + ", ".join(["lol"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 100_000) + "]\n"
    errors = run_isolated(text, timeout=10.0)
    assert [d["code"] for d in errors] == ["MC004"]


def test_merge_key_is_refused() -> None:
    result = check("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert codes(result) == ["MC004"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="flow-seq-100000"),
        pytest.param("[" * 100_000, id="flow-seq-unclosed"),
        pytest.param("{a: " * 100_000 + "}" * 100_000, id="flow-map-100000"),
        pytest.param("steps: " + "[" * 100_000 + "]" * 100_000 + "\n", id="flow-in-block"),
        pytest.param(
            "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", id="flow-max-depth+1"
        ),
    ],
)
def test_deep_flow_nesting_is_mc005(text: str) -> None:
    errors = run_isolated(text)
    assert [d["code"] for d in errors] == ["MC005"]


def test_flow_nesting_at_max_depth_is_not_a_depth_error() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert "MC005" not in codes(check(text))


def _indented_mappings(depth: int) -> str:
    return "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v\n"


DEEP_BLOCKS = [
    # 5000 levels with indentation is 12.5 MB: refused by the size limit (MC005)
    pytest.param(_indented_mappings(5000), id="indented-mappings-5000"),
    pytest.param(_indented_mappings(200), id="indented-mappings-200"),
    pytest.param("? " * 500 + "x\n", id="explicit-key-mappings-500"),
    pytest.param("- " * 500 + "x\n", id="block-seqs-500"),
    # under MAX_BYTES and deeper than libyaml's own limit of 1000 levels
    pytest.param(_indented_mappings(1400), id="indented-mappings-1400"),
    pytest.param("? " * 5000 + "x\n", id="explicit-key-mappings-5000"),
    pytest.param("- " * 5000 + "x\n", id="block-seqs-5000"),
    pytest.param("- " * 900_000 + "x\n", id="block-seqs-900000"),
]


@pytest.mark.parametrize(
    "text", [p.values[0] for p in DEEP_BLOCKS], ids=[p.id for p in DEEP_BLOCKS]
)
def test_deep_block_nesting_does_not_crash(text: str) -> None:
    run_isolated(text)


@pytest.mark.parametrize("text", DEEP_BLOCKS)
def test_deep_block_nesting_is_mc005(text: str) -> None:
    errors = run_isolated(text)
    assert [d["code"] for d in errors] == ["MC005"]


def test_sexagesimal_number_is_handled_quickly() -> None:
    """YAML 1.1 reads '1:1:1...' as a base-60 int, converted in quadratic time (a 2 MB
    document took minutes). It must stay cheap."""
    text = "a: 1" + ":1" * 1_000_000 + "\n"
    assert len(text) < MAX_BYTES
    run_isolated(text, timeout=10.0)


def test_three_mib_text_is_mc005() -> None:
    text = "a: " + "x" * (3 * MiB) + "\n"
    result = check(text)
    assert codes(result) == ["MC005"]
    assert (result.errors[0].line, result.errors[0].col) == (1, 1)


def test_three_mib_file_is_mc005(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text("a: " + "x" * (3 * MiB) + "\n", encoding="utf-8")
    result = check_file(path)
    assert codes(result) == ["MC005"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\x00", id="only-nul"),
        pytest.param("\x00" + VOORBEELD, id="nul-first"),
        pytest.param(VOORBEELD.replace("id: voorbeeld", "id: voor\x00beeld"), id="nul-in-value"),
        pytest.param(VOORBEELD.replace("# Voorbeeld", "# Voor\x00beeld"), id="nul-in-comment"),
        pytest.param(VOORBEELD + "\x00", id="nul-last"),
        pytest.param("a: \x07\n", id="bell"),
        pytest.param("a: \x1b[31m\n", id="ansi-escape"),
    ],
)
def test_control_characters_are_mc002(text: str) -> None:
    assert codes(check(text)) == ["MC002"]


def test_nul_byte_in_file(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(VOORBEELD.replace("id: voorbeeld", "id: voor\x00beeld").encode())
    result = check_file(path)
    assert_well_formed(result, path.read_text(encoding="utf-8"), str(path))
    assert codes(result) == ["MC002"]


def test_nul_byte_is_located() -> None:
    result = check("a: 1\nb: x\x00y\n")
    assert [(d.code, d.line, d.col) for d in result.errors] == [("MC002", 2, 5)]


def test_tab_indentation_is_mc002() -> None:
    result = check("a:\n\tb: 1\n")
    assert [(d.code, d.line) for d in result.errors] == [("MC002", 2)]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xff\xfe\x00\x00", id="utf32-bom"),
        pytest.param(VOORBEELD.encode("utf-16"), id="utf16"),
        pytest.param(b"schema_version: 1\nid: caf\xe9\n", id="latin1"),
        pytest.param(b"schema_version: 1\nid: \xc0\xaf\n", id="overlong"),
        pytest.param(b"a: \xed\xa0\x80\n", id="encoded-surrogate"),
        pytest.param(VOORBEELD.encode()[:-1] + b"\xe2\x82", id="truncated-multibyte"),
    ],
)
def test_invalid_utf8_file_is_mc001(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_bytes(data)
    result = check_file(path)
    assert_well_formed(result, data.decode("utf-8", errors="replace"), str(path))
    assert codes(result) == ["MC001"]
    with pytest.raises(UnicodeDecodeError) as bad:
        data.decode("utf-8")
    assert result.errors[0].line == data[: bad.value.start].count(b"\n") + 1


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VOORBEELD.encode())
    assert check_file(path).ok
    assert check("\ufeff" + VOORBEELD).ok


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_endings_are_accepted(newline: str) -> None:
    assert check(VOORBEELD.replace("\n", newline)).ok


PAYLOADS = [
    '!!python/object/apply:os.system ["{cmd}"]\n',
    'a: !!python/object/apply:os.system ["{cmd}"]\n',
    'a: !!python/object/apply:os.system\n  args: ["{cmd}"]\n',
    '!!python/object/apply:subprocess.check_output [["sh", "-c", "{cmd}"]]\n',
    'a: !!python/object/new:os.system ["{cmd}"]\n',
    "a: !!python/name:os.system\n",
    "a: !!python/module:os\n",
    '- !!python/object/apply:os.system ["{cmd}"]\n',
    '? !!python/object/apply:os.system ["{cmd}"]\n: x\n',
    '%TAG !p! tag:yaml.org,2002:python/\n---\na: !p!object/apply:os.system ["{cmd}"]\n',
    VOORBEELD.replace('version: "0.1.0"', 'version: !!python/object/apply:os.system ["{cmd}"]'),
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_are_refused_and_nothing_runs(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], payload: str
) -> None:
    marker = tmp_path / "pwned"
    text = payload.replace("{cmd}", f"echo hi; touch {marker}")
    result = check(text)
    assert codes(result) == ["MC004"]
    assert not marker.exists(), "the payload ran"
    out, err = capfd.readouterr()
    assert "hi" not in out
    assert "hi" not in err


def test_python_tag_payload_is_live() -> None:
    """Control: the same payload does run under the unsafe loader, so the test above is
    not vacuous. Runs in a child process so it cannot touch this one."""
    code = "import sys, yaml; yaml.unsafe_load('!!python/object/apply:os.system [\"echo hi\"]')"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert proc.stdout.strip() == "hi"


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("a: 1\na: 2\n", 2, id="top-level"),
        pytest.param("a: 1\n'a': 2\n", 2, id="quoted"),
        pytest.param('a: 1\n"\\x61": 2\n', 2, id="escaped"),
        pytest.param("{a: 1, b: 2, a: 3}\n", 1, id="flow"),
        pytest.param(
            VOORBEELD.replace('version: "0.1.0"', 'version: "0.1.0"\nid: ander'),
            _line_of(VOORBEELD, 'version: "0.1.0"') + 1,
            id="id",
        ),
        pytest.param(
            VOORBEELD.replace("acute: true\n", "acute: true\n            acute: false\n", 1),
            _line_of(VOORBEELD, "acute: true") + 1,
            id="nested-option",
        ),
    ],
)
def test_duplicate_keys_are_mc003(text: str, line: int) -> None:
    result = check(text)
    assert codes(result) == ["MC003"]
    assert result.errors[0].line == line


@pytest.mark.parametrize(
    "word", ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "n"]
)
def test_yaml11_booleans_stay_strings(word: str) -> None:
    doc, diags = load_yaml_text(f"a: {word}\n", DISPLAY)
    assert diags == []
    assert doc is not None
    assert doc.data == {"a": word}


@pytest.mark.parametrize(("word", "value"), [("true", True), ("False", False), ("TRUE", True)])
def test_true_false_are_booleans(word: str, value: bool) -> None:
    doc, _ = load_yaml_text(f"a: {word}\n", DISPLAY)
    assert doc is not None
    assert doc.data == {"a": value}


@pytest.mark.parametrize(
    "date",
    [
        "2024-05-01",
        "2024-5-1",
        "2024-05-01T10:00:00Z",
        "2024-05-01 10:00:00",
        "2024-05-01t10:00:00.5+02:00",
    ],
)
def test_dates_stay_strings(date: str) -> None:
    doc, diags = load_yaml_text(f"a: {date}\nb: [{date}]\n", DISPLAY)
    assert diags == []
    assert doc is not None
    assert doc.data == {"a": date, "b": [date]}


# Valid documents that merely look hostile must not be rejected.


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# " + "[" * (MAX_DEPTH + 6) + "\n" + VOORBEELD, id="comment"),
        pytest.param(
            VOORBEELD.replace(
                "title: Signalen in kaart brengen",
                "title: 'Signalen " + "[" * (MAX_DEPTH + 6) + "'",
            ),
            id="quoted-string",
        ),
    ],
)
def test_brackets_in_text_are_not_nesting(text: str) -> None:
    result = check(text)
    assert result.ok, result.diagnostics


def test_tab_inside_block_scalar_is_allowed() -> None:
    text = VOORBEELD.replace(
        "description: >\n  Een klein", "description: |\n  Een klein\n  \tgetabt"
    )
    result = check(text)
    assert result.ok, result.diagnostics


# --------------------------------------------------------------------------------------
# 3. The unsafe loader is never used
# --------------------------------------------------------------------------------------

_FORBIDDEN = [
    re.compile(r"\byaml\.unsafe_load(?:_all)?\b"),
    re.compile(r"\byaml\.full_load(?:_all)?\b"),
    re.compile(r"\byaml\.C?Loader\b"),
    re.compile(r"\b(?:C?FullLoader|C?UnsafeLoader|UnsafeConstructor|FullConstructor)\b"),
    re.compile(r"\bfrom\s+yaml\s+import\b[^\n]*\b(?:C?Loader|load|unsafe_load|full_load)\b"),
]
_LOAD_CALL = re.compile(r"\byaml\.load(?:_all)?\s*\(")
_SAFE_LOADER_ARG = re.compile(r"Loader\s*=\s*(?:yaml\.)?C?SafeLoader\b")


def _call_text(source: str, start: int) -> str:
    """The text of the call whose '(' ends at ``start``, up to its closing paren."""
    depth = 0
    for i in range(start - 1, len(source)):
        if source[i] == "(":
            depth += 1
        elif source[i] == ")":
            depth -= 1
            if depth == 0:
                return source[start : i + 1]
    return source[start:]


def unsafe_yaml_uses(source: str) -> list[str]:
    found = [m.group(0) for rx in _FORBIDDEN for m in rx.finditer(source)]
    for m in _LOAD_CALL.finditer(source):
        call = _call_text(source, m.end())
        if not _SAFE_LOADER_ARG.search(call):
            found.append(m.group(0) + call)
    return found


def test_unsafe_yaml_scanner_finds_unsafe_uses() -> None:
    """Control for the scan below."""
    assert unsafe_yaml_uses("yaml.load(text)")
    assert unsafe_yaml_uses("yaml.load(text, Loader=yaml.Loader)")
    assert unsafe_yaml_uses("yaml.load_all(\n  text,\n  Loader=yaml.FullLoader,\n)")
    assert unsafe_yaml_uses("yaml.unsafe_load(text)")
    assert unsafe_yaml_uses("from yaml import CLoader as L")
    assert not unsafe_yaml_uses("yaml.load(text, Loader=yaml.CSafeLoader)")
    assert not unsafe_yaml_uses("yaml.load(text, Loader=SafeLoader)")
    assert not unsafe_yaml_uses("yaml.safe_load(text)")


def test_src_never_uses_the_unsafe_loader() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert files
    problems = {
        str(f.relative_to(ROOT)): uses
        for f in files
        if (uses := unsafe_yaml_uses(f.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_yamlio_loaders_are_safe() -> None:
    loaders = [
        obj
        for obj in vars(yamlio).values()
        if isinstance(obj, type) and hasattr(obj, "construct_document")
    ]
    assert loaders
    for cls in loaders:
        assert issubclass(cls, yaml.constructor.SafeConstructor), cls
        assert not issubclass(cls, yaml.constructor.FullConstructor), cls
