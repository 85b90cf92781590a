"""Sign and verify a realistic decision record in-process; prints per-operation times.

Target: well under 1 ms for sign + verify of a record of a complete walk. The record is
built from the example case (partnergeweld, huisarts) so its size is realistic.

    python benchmarks/sign_verify.py [--runs 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def build() -> tuple[dict[str, Any], Any]:
    import yaml

    from meldcode_cli.record import crypto
    from meldcode_cli.record.build import build_record
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.driver import replay
    from meldcode_cli.walk.session import Session, compile_text

    text = (ROOT / "protocols" / "partnergeweld.yaml").read_text(encoding="utf-8")
    spec = yaml.safe_load(
        (ROOT / "examples" / "casus-partnergeweld.yaml").read_text(encoding="utf-8")
    )
    store = CaseStore(Path(tempfile.mkdtemp()))
    day = dt.date.fromisoformat(str(spec["today"]))
    session = Session.start(
        store,
        "bench",
        protocol_text=text,
        compiled=compile_text(text, "partnergeweld.yaml"),
        role=spec["role"],
        lang="nl",
        today=lambda: day,
    )
    replay(session, spec["answers"])
    pair = crypto.generate()
    record = build_record(session, profile=None, key_fingerprint=pair.fingerprint)
    return record.to_dict(), pair


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args(argv)

    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical

    record, pair = build()
    size = len(json.dumps(record, ensure_ascii=False).encode())
    public = pair.public_bytes

    def timed(fn: Any) -> list[float]:
        out = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
        return out

    canon = timed(lambda: canonical(record))
    data = canonical(record)
    sig = pair.sign(data)
    sign = timed(lambda: pair.sign(canonical(record)))
    verify = timed(lambda: crypto.verify(public, sig, canonical(record)))
    both = timed(lambda: crypto.verify(public, pair.sign(canonical(record)), canonical(record)))
    print(
        f"record: {size / 1024:.1f} KB JSON, {len(data) / 1024:.1f} KB canonical; {args.runs} runs"
    )
    print(f"{'operation':<34}{'min ms':>9}{'median ms':>11}{'p95 ms':>9}")
    for name, xs in [
        ("canonicalise (RFC 8785)", canon),
        ("canonicalise + sign (Ed25519)", sign),
        ("canonicalise + verify", verify),
        ("sign + verify", both),
    ]:
        xs.sort()
        p95 = xs[int(len(xs) * 0.95) - 1]
        print(f"{name:<34}{xs[0]:>9.3f}{statistics.median(xs):>11.3f}{p95:>9.3f}")
    med = statistics.median(both)
    verdict = "PASS" if med < 1 else "MISS"
    print(f"target: sign + verify well under 1 ms (median {med:.3f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
