"""Cost of hostile YAML: ``validate`` of a file with N distinct unknown keys, for growing N.

Linear cost means the time per key stays flat as N grows (the old key lookup per
diagnostic made it quadratic: 20k keys 9.5 s, 100k keys over 30 s). Prints, per N, the file
size, the CPU time of ``validate_paths`` in-process (best of ``--repeat``) and the time per
1000 keys; target: 100k keys (1 MB) well under 2 s, and a ratio time(100k)/time(10k) near 10.

This is a measurement, not a test: it prints and exits 0. Usage::

    python benchmarks/hostile_yaml.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def make(path: Path, n: int) -> None:
    lines = ["schema_version: 1", "id: x", "title: X", 'version: "1"']
    lines += [f"k{i:05d}: {i % 10}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    from meldcode_cli.authoring.validate import validate_paths

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10_000, 50_000, 100_000):
            path = Path(tmp) / f"keys-{n}.yaml"
            make(path, n)
            best = float("inf")
            for _ in range(args.repeat):
                start = time.process_time()
                (result,) = validate_paths([str(path)])
                best = min(best, time.process_time() - start)
            assert not result.ok
            results[n] = best
            size = path.stat().st_size
            diags = len(result.diagnostics)
            print(
                f"{n:>7} keys {size / 1e6:5.2f} MB: {best:6.3f} s CPU "
                f"({best / n * 1000 * 1000:5.2f} ms per 1000 keys), {diags} diagnostics shown"
            )
    print(f"ratio 100k/10k: {results[100_000] / results[10_000]:.1f} (linear: about 10)")


if __name__ == "__main__":
    main()
