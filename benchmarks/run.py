"""The performance targets (issues 6 and 17), each a ratio measured side by side in one run.

    python -m benchmarks.run [--sizes 1000,4000] [--repeat 5] [--quick] [--check]

Generates synthetic notebooks (benchmarks.generate) into a temporary folder, then
runs every command as a subprocess, alternating the two sides of a ratio (A, B,
B, A, A, B, ...) so that a burst of load from other processes lands on both, and
prints the medians, the ratio and PASS/FAIL per target. Exit status is 0 unless
--check is given and a target fails (or a command fails).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import generate

HEAVY_MODULES = ("mkdocs", "material", "pydantic", "jinja2", "yaml", "markdown")
ROW_NAMES = (
    "build vs same pages, mkdocs",
    "build vs bare notes, mkdocs",
    "build linearity",
    "serve save vs build, small",
    "serve save vs build, large",
    "check vs bare loop",
    "help vs import click",
    "peak memory vs plain mkdocs",
    "big entry: build time",
    "big entry: peak memory",
    "locked share vs build",
    "share vs build",
    "share memory, one big entry",
)
# Shown for comparison, no target (issue 17 retired the linearity row's target).
REFERENCE_ROWS = ("build linearity",)
BIN = Path(sys.executable).parent
SHARE_PASSPHRASE = "benchmark passphrase, four words"
HERE = Path(__file__).resolve().parent


class CommandFailed(Exception):
    pass


@dataclass
class Sample:
    seconds: float
    max_rss_kb: int
    cpu: float  # user + system seconds of the child: steadier than wall time under load


@dataclass
class Row:
    name: str
    what_a: str
    what_b: str
    target: float | None  # None: a reference, shown but not judged
    unit: str = "s"
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    a_cpu: list[float] = field(default_factory=list)
    b_cpu: list[float] = field(default_factory=list)
    extra_ok: bool = True
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if not self.a or not self.b or statistics.median(self.b) == 0:
            return None
        return statistics.median(self.a) / statistics.median(self.b)

    @property
    def cpu_ratio(self) -> float | None:
        if not self.a_cpu or not self.b_cpu or statistics.median(self.b_cpu) == 0:
            return None
        return statistics.median(self.a_cpu) / statistics.median(self.b_cpu)

    @property
    def passed(self) -> bool:
        ratio = self.ratio
        if self.target is None:
            return self.error is None
        return self.error is None and ratio is not None and ratio <= self.target and self.extra_ok

    def line(self) -> str:
        if self.error is not None:
            return f"{self.name:<28} ERROR: {self.error}"
        ratio = self.ratio
        shown = f"{ratio:.2f}x" if ratio is not None else "n/a"
        cpu = self.cpu_ratio
        judged = (
            "reference, no target"
            if self.target is None
            else f"target <= {self.target:.2f}x  {'PASS' if self.passed else 'FAIL'}"
        )
        return (
            f"{self.name:<28} A {_fmt(self.a, self.unit):>10}  B {_fmt(self.b, self.unit):>10}"
            f"  ratio {shown:>7}  {judged}"
            + (f"  (CPU-time ratio {cpu:.2f}x)" if cpu is not None else "")
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "a": self.what_a,
            "b": self.what_b,
            "unit": self.unit,
            "a_samples": self.a,
            "b_samples": self.b,
            "a_median": statistics.median(self.a) if self.a else None,
            "b_median": statistics.median(self.b) if self.b else None,
            "ratio": self.ratio,
            "a_cpu_samples": self.a_cpu,
            "b_cpu_samples": self.b_cpu,
            "cpu_ratio": self.cpu_ratio,
            "target": self.target,
            "passed": self.passed if self.target is not None else None,
            "notes": self.notes,
            "error": self.error,
        }


def _fmt(values: list[float], unit: str) -> str:
    if not values:
        return "-"
    value = statistics.median(values)
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBRIEF_TODAY=generate.TODAY,
        NO_MKDOCS_2_WARNING="1",  # mkdocs-material's banner, printed by both sides
        NO_COLOR="1",
        DEBRIEF_SHARE_PASSPHRASE=SHARE_PASSPHRASE,  # for `debrief share --encrypt`
    )
    return env


def executable(name: str) -> list[str]:
    """The console script next to this Python (never a pyenv shim: it adds its own startup)."""
    script = BIN / name
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"benchmarks: '{name}' is not installed (pip install -e .)")
    return [found]


def measure(command: Sequence[str], *, cwd: Path | None = None, timeout: float = 7200) -> Sample:
    """Wall time and peak RSS of one fresh subprocess (os.wait4 gives that child's own
    rusage, so an earlier, bigger child cannot mask it)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=_environment()
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise CommandFailed(f"timed out after {timeout:.0f} s: {' '.join(command)}")
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailed(f"exit {process.returncode}: {' '.join(command)}\n{tail}")
    return Sample(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def _fill(row: Row, a: list[Sample], b: list[Sample]) -> None:
    row.a, row.b = [s.seconds for s in a], [s.seconds for s in b]
    row.a_cpu, row.b_cpu = [s.cpu for s in a], [s.cpu for s in b]


def alternate(
    a: Callable[[], Sample], b: Callable[[], Sample], repeat: int
) -> tuple[list[Sample], list[Sample]]:
    """A B, B A, A B, ...: each side goes first half of the time."""
    results_a: list[Sample] = []
    results_b: list[Sample] = []
    for i in range(repeat):
        for side in "ab" if i % 2 == 0 else "ba":
            if side == "a":
                results_a.append(a())
            else:
                results_b.append(b())
    return results_a, results_b


def say(text: str) -> None:
    print(text, flush=True)


# --- rows -----------------------------------------------------------------------------


def write_export(notebook: Path, out: Path) -> None:
    """`debrief export --format markdown`: the pages debrief builds, for plain MkDocs."""
    if out.exists():
        shutil.rmtree(out)
    config = str(notebook / "mkdocs.yml")
    command = [*executable("debrief"), "export", "--format", "markdown", str(out), "-f", config]
    done = subprocess.run(command, env=_environment(), capture_output=True, text=True)
    if done.returncode != 0:
        raise CommandFailed(f"exit {done.returncode}: {' '.join(command)}\n{done.stderr[-2000:]}")


def build_rows(
    notebooks: dict[int, Path],
    plains: dict[int, Path],
    export: Path,
    sizes: list[int],
    repeat: int,
) -> list[Row]:
    small, large = sizes[0], sizes[-1]
    debrief, mkdocs = executable("debrief"), executable("mkdocs")
    # What debrief itself costs: MkDocs alone building the very pages debrief builds (its
    # Markdown export, same theme, extensions and search).
    same_pages = Row(
        "build vs same pages, mkdocs",
        f"debrief build, {small} entries",
        f"mkdocs build of debrief's Markdown export of them, {small}",
        0.50,
    )
    # The cost of showing the front matter: MkDocs building each entry's body alone.
    vs_plain = Row(
        "build vs bare notes, mkdocs",
        f"debrief build, {small} entries",
        f"mkdocs build of the same notes as pages, {small}",
        1.5,
    )
    linear = Row(
        "build linearity",
        f"debrief build, {large} entries",
        f"debrief build, {small} entries",
        None,
    )
    memory = Row(
        "peak memory vs plain mkdocs",
        f"peak RSS of debrief build, {large} entries",
        f"peak RSS of mkdocs build, {large}",
        1.10,
        unit="MB",
    )
    samples: dict[tuple[str, int], list[Sample]] = {}

    def run(kind: str, size: int) -> None:
        if kind == "debrief":
            command = [*debrief, "build", "-f", str(notebooks[size] / "mkdocs.yml")]
        elif kind == "export":
            command = [*mkdocs, "build", "-q", "-f", str(export / "mkdocs.yml")]
        else:
            command = [*mkdocs, "build", "-q", "-f", str(plains[size] / "mkdocs.yml")]
        sample = measure(command)
        samples.setdefault((kind, size), []).append(sample)
        say(
            f"  {kind:>7} build {size:>6}: {sample.seconds:8.2f} s  "
            f"cpu {sample.cpu:8.2f} s  {sample.max_rss_kb / 1024:7.0f} MB"
        )

    plan = [("debrief", small), ("plain", small), ("export", small)]
    if large != small:
        plan += [("debrief", large), ("plain", large)]
    try:
        write_export(notebooks[small], export)
    except CommandFailed as error:
        same_pages.error = "debrief export: " + str(error).splitlines()[0]
        say(str(error))
        plan.remove(("export", small))
    try:
        for i in range(repeat):
            for kind, size in plan if i % 2 == 0 else plan[::-1]:
                try:
                    run(kind, size)
                except CommandFailed as error:
                    if kind != "export":
                        raise
                    # A reference only: the judged rows go on without it.
                    same_pages.error = str(error).splitlines()[0]
                    say(str(error))
                    plan.remove((kind, size))
    except CommandFailed as error:
        for row in (same_pages, vs_plain, linear, memory):
            row.error = row.error or str(error).splitlines()[0]
        say(str(error))
        return [same_pages, vs_plain, linear, memory]

    def seconds(kind: str, size: int) -> list[float]:
        return [s.seconds for s in samples[(kind, size)]]

    def cpu(kind: str, size: int) -> list[float]:
        return [s.cpu for s in samples[(kind, size)]]

    vs_plain.a, vs_plain.b = seconds("debrief", small), seconds("plain", small)
    vs_plain.a_cpu, vs_plain.b_cpu = cpu("debrief", small), cpu("plain", small)
    if same_pages.error is None:
        same_pages.a, same_pages.b = seconds("debrief", small), seconds("export", small)
        same_pages.a_cpu, same_pages.b_cpu = cpu("debrief", small), cpu("export", small)
    linear.a, linear.b = seconds("debrief", large), seconds("debrief", small)
    linear.a_cpu, linear.b_cpu = cpu("debrief", large), cpu("debrief", small)
    memory.a = [s.max_rss_kb / 1024 for s in samples[("debrief", large)]]
    memory.b = [s.max_rss_kb / 1024 for s in samples[("plain", large)]]
    return [same_pages, vs_plain, linear, memory]


def big_entry_rows(small: Path, large: Path, sizes: tuple[float, float], repeat: int) -> list[Row]:
    """One entry of `sizes[1]` MB against one of `sizes[0]` MB: build time and peak memory
    should grow with the size, not faster."""
    little, big = sizes
    factor = 5.0 * (big / little) / 4.0  # issue 17: 16 MB within 5x the 4 MB figures
    time_row = Row(
        "big entry: build time",
        f"debrief build, one entry of {big:g} MB",
        f"debrief build, one entry of {little:g} MB",
        round(factor, 2),
    )
    memory_row = Row(
        "big entry: peak memory",
        f"peak RSS of debrief build, one entry of {big:g} MB",
        f"peak RSS, one entry of {little:g} MB",
        round(factor, 2),
        unit="MB",
    )
    debrief = executable("debrief")

    def build(root: Path, megabytes: float) -> Callable[[], Sample]:
        def run() -> Sample:
            sample = measure([*debrief, "build", "-f", str(root / "mkdocs.yml")])
            say(
                f"  debrief build, one entry of {megabytes:g} MB: {sample.seconds:.2f} s"
                f"  cpu {sample.cpu:.2f} s  {sample.max_rss_kb / 1024:.0f} MB"
            )
            return sample

        return run

    try:
        a, b = alternate(build(large, big), build(small, little), repeat)
    except CommandFailed as error:
        for row in (time_row, memory_row):
            row.error = str(error).splitlines()[0]
        return [time_row, memory_row]
    _fill(time_row, a, b)
    memory_row.a = [s.max_rss_kb / 1024 for s in a]
    memory_row.b = [s.max_rss_kb / 1024 for s in b]
    for row in (time_row, memory_row):
        row.notes.append(
            f"{little:g} MB: {_fmt(row.b, row.unit)}; {big:g} MB: {_fmt(row.a, row.unit)}"
        )
    return [time_row, memory_row]


def share_rows(notebook: Path, count: int, big: Path, megabytes: float, repeat: int) -> list[Row]:
    """The plain share against the build of the same notebook: time, then peak memory on
    a notebook of one big entry."""
    debrief = executable("debrief")
    time_row = Row(
        "share vs build",
        f"debrief share, {count} entries",
        f"debrief build, the same {count} entries",
        2.0,
    )
    memory_row = Row(
        "share memory, one big entry",
        f"peak RSS of debrief share, one {megabytes:g} MB entry",
        "peak RSS of debrief build, the same entry",
        3.0,
        unit="MB",
    )

    def command(kind: str, root: Path) -> Callable[[], Sample]:
        def run() -> Sample:
            sample = measure([*debrief, kind, "-f", str(root / "mkdocs.yml")])
            say(
                f"  debrief {kind:<5} {root.name}: {sample.seconds:.2f} s  "
                f"cpu {sample.cpu:.2f} s  {sample.max_rss_kb / 1024:.0f} MB"
            )
            return sample

        return run

    for row, root in ((time_row, notebook), (memory_row, big)):
        try:
            a, b = alternate(command("share", root), command("build", root), repeat)
        except CommandFailed as error:
            row.error = str(error).splitlines()[0]
            say(str(error))
            continue
        if row.unit == "MB":
            row.a = [s.max_rss_kb / 1024 for s in a]
            row.b = [s.max_rss_kb / 1024 for s in b]
        else:
            _fill(row, a, b)
        row.notes.append("A runs: " + ", ".join(_fmt([x], row.unit) for x in row.a))
        row.notes.append("B runs: " + ", ".join(_fmt([x], row.unit) for x in row.b))
    return [time_row, memory_row]


def check_row(notebook: Path, count: int, repeat: int) -> Row:
    row = Row(
        "check vs bare loop",
        f"debrief check, {count} entries",
        "read + split + yaml.CSafeLoader per file",
        1.5,
    )
    debrief = executable("debrief")
    config = str(notebook / "mkdocs.yml")

    def check() -> Sample:
        sample = measure([*debrief, "check", "-f", config, "--today", generate.TODAY])
        say(f"  debrief check {count}: {sample.seconds:.2f} s  cpu {sample.cpu:.2f} s")
        return sample

    def bare() -> Sample:
        sample = measure([sys.executable, str(HERE / "bare_loop.py"), str(notebook / "entries")])
        say(f"  bare loop     {count}: {sample.seconds:.2f} s  cpu {sample.cpu:.2f} s")
        return sample

    try:
        _fill(row, *alternate(check, bare, repeat))
    except CommandFailed as error:
        row.error = str(error).splitlines()[0]
        say(str(error))
    return row


def share_row(notebook: Path, count: int, repeat: int) -> Row:
    """The passphrase-locked share (built, sealed, its search index sealed, every file
    checked for anything readable) against the owner's build of the same notebook."""
    row = Row(
        "locked share vs build",
        f"debrief share --encrypt, {count} entries",
        f"debrief build, {count} entries",
        3.0,
    )
    debrief = executable("debrief")
    config = str(notebook / "mkdocs.yml")

    def locked() -> Sample:
        sample = measure([*debrief, "share", "--encrypt", "-f", config])
        say(f"  debrief share --encrypt {count}: {sample.seconds:.2f} s  cpu {sample.cpu:.2f} s")
        return sample

    def build() -> Sample:
        sample = measure([*debrief, "build", "-f", config])
        say(f"  debrief build           {count}: {sample.seconds:.2f} s  cpu {sample.cpu:.2f} s")
        return sample

    try:
        _fill(row, *alternate(locked, build, repeat))
    except CommandFailed as error:
        row.error = str(error).splitlines()[0]
        say(str(error))
    return row


_IMPORT_AUDIT = """
import runpy, sys, io, contextlib
sys.argv = [{script!r}, "--help"]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        runpy.run_path({script!r}, run_name="__main__")
    except SystemExit:
        pass
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print("HEAVY:" + ",".join(heavy))
"""


def help_row(repeat: int) -> Row:
    row = Row("help vs import click", "debrief --help", 'python -c "import click"', 1.5)
    debrief = executable("debrief")
    try:
        _fill(
            row,
            *alternate(
                lambda: measure([*debrief, "--help"]),
                lambda: measure([sys.executable, "-c", "import click"]),
                repeat,
            ),
        )
        audit = subprocess.run(
            [sys.executable, "-c", _IMPORT_AUDIT.format(script=debrief[0], heavy=HEAVY_MODULES)],
            capture_output=True,
            text=True,
            env=_environment(),
            check=True,
        ).stdout
        heavy = re.search(r"HEAVY:(.*)", audit)
        imported = [m for m in (heavy.group(1).split(",") if heavy else ["?"]) if m]
    except (CommandFailed, subprocess.CalledProcessError) as error:
        row.error = str(error).splitlines()[0]
        return row
    if imported:
        row.extra_ok = False
        row.notes.append("imported at startup: " + ", ".join(imported))
    else:
        row.notes.append("no import of " + ", ".join(HEAVY_MODULES))
    return row


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a running process so far (Linux /proc), else 0."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _get(url: str, timeout: float = 600) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return bytes(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


_ENTRY_PAGE = re.compile(r"^entries/[^/#]+/$")


def serve_row(
    notebook: Path,
    count: int,
    edits: int,
    *,
    name: str,
    target: float,
    poll: float = 0.02,
    settle: float = 1.0,
) -> Row:
    """Time from writing an edited entry to `debrief serve` serving the edit, against a
    full `debrief build` of the same notebook, alternated."""
    row = Row(
        name,
        f"debrief serve, save to page shows edit, {count} entries",
        f"debrief build, {count} entries",
        target,
    )
    with tempfile.TemporaryFile() as log:
        return _serve_and_edit(row, log, notebook, count, edits, poll=poll, settle=settle)


def _serve_and_edit(
    row: Row, log: Any, notebook: Path, count: int, edits: int, *, poll: float, settle: float
) -> Row:
    debrief = executable("debrief")
    config = str(notebook / "mkdocs.yml")
    files = sorted((notebook / "entries").rglob("*.md"))
    step = max(1, len(files) // max(1, edits))
    chosen = files[::step][:edits]
    originals = {path: path.read_bytes() for path in chosen}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*debrief, "serve", "-a", f"127.0.0.1:{port}", "-f", config],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=_environment(),
        cwd=notebook,
    )
    try:
        started = time.perf_counter()
        while _get(base + "/", timeout=5) is None:
            if server.poll() is not None or time.perf_counter() - started > 3600:
                log.seek(0)
                raise CommandFailed(
                    "debrief serve did not start:\n" + log.read().decode("utf-8", "replace")[-2000:]
                )
            time.sleep(0.1)
        say(f"  serve up after {time.perf_counter() - started:.1f} s")
        index_ok = True
        done = 0

        def edit() -> Sample:
            nonlocal index_ok, done
            path = chosen[done % len(chosen)]
            done += 1
            marker = f"benchmarkmarker{done:03d}x{os.getpid()}x{time.monotonic_ns() % 10**9}"
            url = f"{base}/entries/{path.stem}/"
            time.sleep(settle)  # each edit starts from an idle server
            cpu_before = _cpu_of(server.pid)
            start = time.perf_counter()
            with open(path, "a", encoding="utf-8") as file:
                file.write(f"\n\n{marker}\n")
            while True:
                page = _get(url)
                if page is not None and marker.encode() in page:
                    break
                if time.perf_counter() - start > 1800:
                    raise CommandFailed(f"the edit of {path.name} never showed at {url}")
                time.sleep(poll)
            seconds = time.perf_counter() - start
            cpu = _cpu_of(server.pid) - cpu_before
            raw = _get(base + "/search/search_index.json") or b"{}"
            docs = json.loads(raw).get("docs", [])
            pages = sum(1 for d in docs if _ENTRY_PAGE.match(d.get("location", "")))
            has_marker = marker.encode() in raw
            if pages != count or not has_marker:
                index_ok = False
                row.notes.append(
                    f"search index after editing {path.name}: {pages} of {count} entry pages,"
                    f" marker {'found' if has_marker else 'missing'}"
                )
            say(
                f"  serve edit -> served: {seconds:.2f} s, serve cpu {cpu:.2f} s"
                f" (search index: {pages} entry pages,"
                f" marker {'found' if has_marker else 'missing'})"
            )
            return Sample(seconds, 0, cpu)

        def full_build() -> Sample:
            sample = measure([*debrief, "build", "-f", config])
            say(f"  debrief build {count}: {sample.seconds:.2f} s  cpu {sample.cpu:.2f} s")
            return sample

        a, b = alternate(edit, full_build, edits)
        _fill(row, a, b)
        row.extra_ok = index_ok
        if index_ok:
            row.notes.append("search index held every entry page and the edit, each time")
    except CommandFailed as error:
        row.error = str(error).splitlines()[0]
        say(str(error))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        for path, data in originals.items():
            path.write_bytes(data)
    return row


# --- main -----------------------------------------------------------------------------


def code_state() -> str:
    """The commit and a digest of generator/ as it is on disk: others edit it while we run."""
    repo = HERE.parent
    digest = hashlib.sha1()
    for path in sorted((repo / "generator").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(repo).as_posix().encode() + path.read_bytes())
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--", "generator"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        head, dirty = "?", []
    changed = [line[3:] for line in dirty if line.strip()]
    edits = f" + uncommitted {', '.join(changed)}" if changed else ""
    return f"{head}{edits} (generator/ digest {digest.hexdigest()[:10]})"


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "cpu": cpu,
        "load average": load,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        default="1000,4000",
        help="entries for the build rows: SMALL,LARGE (default 1000,4000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side (default 5)")
    parser.add_argument(
        "--build-repeat", type=int, default=None, help="runs of each build (default: --repeat)"
    )
    parser.add_argument("--check-entries", type=int, default=10_000)
    parser.add_argument(
        "--serve-entries",
        default="300,1000",
        help="entries for the two serve rows: SMALL,LARGE (default 300,1000)",
    )
    parser.add_argument(
        "--big-mb",
        default="4,16",
        help="sizes in MB of the one-entry notebooks: SMALL,LARGE (default 4,16)",
    )
    parser.add_argument("--share-entries", type=int, default=1000)
    parser.add_argument(
        "--serve-edits", type=int, default=None, help="edits timed under serve (default: --repeat)"
    )
    parser.add_argument(
        "--help-repeat",
        type=int,
        default=None,
        help="runs of each side of the --help row (default 4 x --repeat)",
    )
    parser.add_argument(
        "--only",
        default=None,
        help="comma-separated rows to run: build,check,help,serve,share,big",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a few dozen entries, one run each, thresholds not enforced",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="generate the notebooks here and keep them (default: a temp dir)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)

    if args.quick:
        sizes, repeat = [5, 20], 1
        check_entries, serve_entries, serve_edits, help_repeat = 50, [5, 10], 1, 3
        big_mb = (0.05, 0.2)
        share_entries = 20
    else:
        sizes = [int(s) for s in args.sizes.split(",")]
        repeat = args.repeat
        check_entries = args.check_entries
        share_entries = args.share_entries
        serve_entries = [int(s) for s in args.serve_entries.split(",")]
        serve_edits = args.serve_edits or repeat
        help_repeat = args.help_repeat or 4 * repeat
        low, high = (float(s) for s in args.big_mb.split(","))
        big_mb = (low, high)
    everything = {"build", "check", "help", "serve", "share", "big"}
    only = set(args.only.split(",")) if args.only else everything
    share_big_mb = 0.2 if args.quick else 4.0  # the share memory row's entry

    # An installed package has its bytecode compiled (pip does it); an editable checkout
    # under PYTHONDONTWRITEBYTECODE=1 would compile generator/ from source in every
    # command measured, a third of `debrief --help`.
    compileall.compile_dir(HERE.parent / "generator", quiet=1)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="debrief-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    info["code"] = code_state()
    say("debrief benchmarks: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    say(
        f"sizes {sizes}, repeat {repeat}, check {check_entries}, serve {serve_entries} "
        f"x {serve_edits} edits, one entry of {big_mb} MB, work dir {workdir}"
    )
    rows: list[Row] = []
    try:
        notebooks: dict[int, Path] = {}
        plains: dict[int, Path] = {}
        if "build" in only:
            for size in sorted(set(sizes)):
                notebooks[size] = workdir / f"notebook-{size}"
                plains[size] = workdir / f"plain-{size}"
                generate.write_notebook(notebooks[size], size)
                generate.write_plain(notebooks[size], plains[size])
        if "help" in only:
            say("help vs import click ...")
            rows.append(help_row(help_repeat))
            say(rows[-1].line())
        if "check" in only:
            say("check vs bare loop ...")
            path = workdir / f"check-{check_entries}"
            generate.write_notebook(path, check_entries)
            rows.append(check_row(path, check_entries, repeat))
            say(rows[-1].line())
        if "serve" in only:
            names_and_targets = [
                ("serve save vs build, small", 0.15),
                ("serve save vs build, large", 0.10),
            ]
            for count, (name, target) in zip(serve_entries, names_and_targets, strict=False):
                say(f"{name} ({count} entries) ...")
                path = workdir / f"serve-{count}"
                generate.write_notebook(path, count)
                rows.append(
                    serve_row(
                        path,
                        count,
                        serve_edits,
                        name=name,
                        target=target,
                        settle=0.2 if args.quick else 1.0,
                    )
                )
                say(rows[-1].line())
        if "big" in only:
            say("one big entry ...")
            small_big, large_big = workdir / "big-small", workdir / "big-large"
            generate.write_big_entry(small_big, big_mb[0])
            generate.write_big_entry(large_big, big_mb[1])
            built_big = big_entry_rows(small_big, large_big, big_mb, 1 if args.quick else repeat)
            rows.extend(built_big)
            for row in built_big:
                say(row.line())
        if "share" in only:
            say("locked share vs build ...")
            path = workdir / f"share-{share_entries}"
            generate.write_notebook(path, share_entries)
            rows.append(share_row(path, share_entries, repeat))
            say(rows[-1].line())
        if "share" in only:
            say("share vs build ...")
            path = workdir / f"share-{share_entries}"  # written for the locked row above
            big = workdir / "share-big-entry"
            generate.write_big_entry(big, share_big_mb)
            rows += share_rows(path, share_entries, big, share_big_mb, repeat)
            for row in rows[-2:]:
                say(row.line())
        if "build" in only:
            say("builds ...")
            build_repeat = 1 if args.quick else (args.build_repeat or repeat)
            export = workdir / f"export-{sizes[0]}"
            built = build_rows(notebooks, plains, export, sizes, build_repeat)
            rows.extend(built)
            for row in built:
                say(row.line())
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    rows.sort(key=lambda r: ROW_NAMES.index(r.name))
    info["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    info["code at end"] = code_state()
    if info["code at end"] != info["code"]:
        say(
            f"WARNING: generator/ changed during the run ({info['code']} -> "
            f"{info['code at end']}): the samples mix two versions of the code"
        )
    say("")
    say(
        "Results (medians; ratio = A / B"
        + ("; --quick: thresholds not enforced)" if args.quick else ")")
    )
    for row in rows:
        say(row.line())
        say(f"    A: {row.what_a}; B: {row.what_b}")
        for note in row.notes:
            say(f"    {note}")
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {"machine": info, "quick": args.quick, "rows": [r.as_dict() for r in rows]},
                indent=2,
            )
        )
    failed = [r for r in rows if not r.passed]
    if args.check and not args.quick and failed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
