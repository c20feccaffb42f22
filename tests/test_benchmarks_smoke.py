"""The benchmark script still runs: `python -m benchmarks.run --quick` prints every row."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from benchmarks.run import REFERENCE_ROWS, ROW_NAMES

REPO = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_every_row_with_a_ratio() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    summary = result.stdout.split("Results (medians", 1)[1]
    for name in ROW_NAMES:
        line = next((x for x in summary.splitlines() if x.startswith(name)), None)
        assert line is not None, f"no row '{name}' in:\n{summary}"
        if name in REFERENCE_ROWS:
            assert re.search(r"ratio +\d+\.\d\dx +reference, no target", line), line
        else:
            assert re.search(r"ratio +\d+\.\d\dx +target <= \d+\.\d\dx +(PASS|FAIL)", line), line
