"""`make bench`: how long the course takes to build and how much a page weighs, against budgets.

Every build runs on a copy of the project in a temporary folder, through the project's own
Makefile targets (`make html`, `make doctest`, `make pdf`, `make epub`), so the bench times
exactly what authors run. Next to it, a plain Sphinx + furo course of the same size (see
`plain_course`) shows what the project's extension and settings cost, as a ratio.

Runs are interleaved (project, plain, project, plain, ...) so a busy machine slows both
alike; the figures are medians. Each time is given twice: wall seconds (what you wait) and
CPU seconds (user + system of the build's processes, browsers included: the bench adopts
the processes a command leaves behind and counts them when they end). Budgets compare CPU seconds: they
stay put when other jobs share the machine, while wall seconds do not; on an idle machine
the two agree within a few percent because a build is one process.

`make test` takes minutes, so it is timed only with `make bench BENCH_FULL=1` (under
`taskset` on two cores when the machine has more); the result is recorded in
_build/bench/make-test.json and later benches report and check that record. Its budget is
checked on wall seconds when the machine was otherwise quiet (other jobs used at most a
quarter of a core: the cores' busy time in /proc/stat less the suite's own CPU seconds),
else on CPU seconds shared over the cores, with the wall figure shown as not comparable.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from bench.figures import (PageWeight, docs_read, folder_size, kib, median, mib, page_weight,
                           pages_written)
from bench.plain_course import measure_course, write_plain_course

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("BENCH_VENV", ROOT / ".venv"))
SPHINX = VENV / "bin" / "sphinx-build"
RECORD = ROOT / "_build" / "bench" / "make-test.json"
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache",
                                     "node_modules")

LESSON = "week2/day-09"  # the page the bench edits and weighs: the course's published lesson
STRICT = ["-n", "-W", "--keep-going"]


# -- budgets --------------------------------------------------------------------------------
COLD_RATIO = 1.15        # cold HTML build, project / plain, CPU seconds
EDIT_SHARE = 0.4         # one-lesson text edit rebuild / cold build, CPU seconds
DAY9_GZIP = 48 * 1024    # Day 9's HTML + local CSS + JS, gzipped
PDF_SECONDS = 30.0       # make pdf, CPU seconds
TEST_SECONDS = 120.0     # make test, wall seconds on 2 cores
QUIET_OTHERS = 0.25      # other jobs' mean use of the suite's cores, below which wall time counts


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass
class Run:
    """One command's timing and what it printed."""

    timing: Timing
    output: str
    returncode: int


@dataclass
class Series:
    """Every run of one measurement."""

    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return median(run.timing.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return median(run.timing.cpu for run in self.runs)


class BenchError(Exception):
    """A build the bench needs failed; the message says which and how to see why."""


def adopt_orphans() -> bool:
    """Make this process the reaper of every process its commands leave behind (Linux).

    A process's CPU time reaches RUSAGE_CHILDREN only when its parent waits for it. Chromium's
    processes, and the Node.js that Playwright starts, outlive the parent that started them,
    so without this the CPU seconds of `make test` left the browsers out (about half of them).
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(36, 1, 0, 0, 0) == 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def reap_orphans(patience: float = 10.0) -> int:
    """Wait for the adopted processes; how many are still running after `patience` seconds."""
    deadline = time.monotonic() + patience
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return 0  # none left
        if pid:
            continue
        if time.monotonic() > deadline:
            return len(children_running())
        time.sleep(0.1)


def children_running() -> list[int]:
    """This process's live children, from /proc (each stat's fourth field is the parent)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8", **(env or {})})
    wall = time.perf_counter() - start
    left = reap_orphans()
    if left:
        print(f"bench: {left} process(es) left running by {' '.join(command)[:80]}",
              file=sys.stderr, flush=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(Timing(wall, cpu), done.stdout + done.stderr, done.returncode)


def checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        tail = "\n".join(run.output.strip().splitlines()[-15:])
        raise BenchError(f"{what} failed (exit {run.returncode}); its last lines:\n{tail}")
    return run


# -- the two courses ------------------------------------------------------------------------
class Project:
    """The copy of the real course, built through its Makefile with the real virtualenv."""

    name = "project"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lesson = folder / f"{LESSON}.md"

    def make(self, target: str) -> list[str]:
        installed = VENV / "bin" / ".installed"
        # VENV= uses the real virtualenv; -o keeps make from (re)installing it for the copy.
        return ["make", "--no-print-directory", "-C", str(self.folder),
                f"VENV={VENV}", "-o", str(installed), target]

    def has_target(self, target: str) -> bool:
        # make's rule database, not `make -n`: a dry run still runs recipe lines that call $(MAKE).
        done = subprocess.run(["make", "--no-print-directory", "-C", str(self.folder), "-pRr",
                               "-f", "Makefile", ".bench-no-such-target"],
                              capture_output=True, text=True)
        return any(line.startswith(f"{target}:") for line in done.stdout.splitlines())

    def html(self) -> list[str]:
        return self.make("html")

    @property
    def html_dir(self) -> Path:
        return self.folder / "_build" / "html"

    title_prefix = "title:"  # the project's titles live in front matter

    def retitle(self, text: str) -> str:
        """The lesson with ", revised" added to its title line."""
        lines = text.splitlines(keepends=True)
        for number, line in enumerate(lines):
            if line.startswith(self.title_prefix):
                lines[number] = line.rstrip("\n") + ", revised\n"
                return "".join(lines)
        raise BenchError(f"{self.lesson}: no `{self.title_prefix}` line to change")


class Plain(Project):
    """The generated plain Sphinx + furo course; same builder and flags, no Makefile."""

    name = "plain"

    def html(self) -> list[str]:
        return [str(SPHINX), *STRICT, "-b", "html", ".", "_build/html"]

    title_prefix = "# "  # plain MyST: the title is the first heading


def add_sentence(text: str) -> str:
    """The lesson with one sentence more in its opening paragraph, as an author edits text."""
    lines = text.splitlines(keepends=True)
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---") + 1
    for number in range(start, len(lines)):
        if lines[number][:1].isalpha():
            lines[number] = lines[number].rstrip("\n") + " One more plain sentence.\n"
            return "".join(lines)
    raise ValueError("no paragraph to add a sentence to")


# -- measurements ----------------------------------------------------------------------------
@dataclass
class Rebuild:
    series: Series = field(default_factory=Series)
    written: list[list[str]] = field(default_factory=list)
    read: list[list[str]] = field(default_factory=list)


@dataclass
class Results:
    cold: dict[str, Series] = field(default_factory=dict)
    edit: dict[str, Rebuild] = field(default_factory=dict)
    title: dict[str, Rebuild] = field(default_factory=dict)
    doctest: Series = field(default_factory=Series)
    editions: dict[str, Series | str] = field(default_factory=dict)
    serve: list[float] | str = field(default_factory=list)
    weight: PageWeight | None = None
    site_size: dict[str, int] = field(default_factory=dict)
    doctrees_size: int = 0


def clean(folder: Path) -> None:
    shutil.rmtree(folder / "_build", ignore_errors=True)


def rebuild_after(course: Project, change: Callable[[str], str], into: Rebuild, what: str) -> None:
    course.lesson.write_text(change(course.lesson.read_text(encoding="utf-8")), encoding="utf-8")
    run = checked(timed(course.html(), course.folder), f"{course.name}: {what}")
    into.series.runs.append(run)
    into.written.append(pages_written(run.output))
    into.read.append(docs_read(run.output))


def edition_available(project: Project, target: str) -> str | None:
    """None when `make <target>` can run here; else why not."""
    if not project.has_target(target):
        return f"not available (the Makefile has no `{target}` target yet)"
    if target == "pdf" and not shutil.which("latexmk"):
        return "not available (latexmk is not installed: apt-get install latexmk texlive-xetex)"
    return None


def serve_latency() -> Callable[[Path], float] | str:
    """The edit-to-browser probe another module provides, or why it is not available."""
    try:
        module = importlib.import_module("bench.serve_latency")
    except ModuleNotFoundError as error:
        if error.name != "bench.serve_latency":
            return f"not available (bench/serve_latency.py needs {error.name})"
        return "not available (bench/serve_latency.py does not exist yet)"
    probe = getattr(module, "edit_to_browser_seconds", None)
    if not callable(probe):
        return "not available (bench/serve_latency.py has no edit_to_browser_seconds())"
    return probe


def measure(runs: int, work: Path, log: Callable[[str], None]) -> Results:
    project = Project(work / "project")
    plain = Plain(work / "plain")
    shutil.copytree(ROOT, project.folder, ignore=COPY_IGNORE)
    shape, pool = measure_course(project.folder)
    write_plain_course(plain.folder, shape, pool)
    originals = {course.name: course.lesson.read_text(encoding="utf-8") for course in (project, plain)}

    results = Results()
    editions = {target: edition_available(project, target) for target in ("pdf", "epub")}
    probe = serve_latency()
    for target, reason in editions.items():
        results.editions[target] = reason if reason else Series()
    results.serve = probe if isinstance(probe, str) else []

    for round_number in range(1, runs + 1):
        log(f"round {round_number}/{runs}")
        # Alternate who goes first, so neither always meets a cold file cache.
        order = (project, plain) if round_number % 2 else (plain, project)
        for course in order:
            clean(course.folder)
            run = checked(timed(course.html(), course.folder), f"{course.name}: cold HTML build")
            results.cold.setdefault(course.name, Series()).runs.append(run)
        results.weight = page_weight(project.html_dir / f"{LESSON}.html")
        for course in (project, plain):
            results.site_size[course.name] = folder_size(course.html_dir, skip=(".doctrees", ".buildinfo"))
        results.doctrees_size = folder_size(project.html_dir / ".doctrees")
        for course in order:
            rebuild_after(course, add_sentence, results.edit.setdefault(course.name, Rebuild()),
                          "rebuild after a text edit")
        for course in order:
            rebuild_after(course, course.retitle, results.title.setdefault(course.name, Rebuild()),
                          "rebuild after a title change")
        for course in (project, plain):
            course.lesson.write_text(originals[course.name], encoding="utf-8")

        clean(project.folder)
        results.doctest.runs.append(checked(timed(project.make("doctest"), project.folder),
                                            "project: make doctest"))
        for target, series in results.editions.items():
            if isinstance(series, Series):
                clean(project.folder)
                series.runs.append(checked(timed(project.make(target), project.folder),
                                           f"project: make {target}"))
        if isinstance(results.serve, list) and not isinstance(probe, str):
            try:
                results.serve.append(float(probe(project.folder)))
            except Exception as error:  # the probe drives a browser: say why, keep the rest
                reason = (str(error).strip() or type(error).__name__).splitlines()[0]
                results.serve = f"failed ({reason[:100]})"
    return results


# -- make test -------------------------------------------------------------------------------
def time_make_test(work: Path, log: Callable[[str], None]) -> dict[str, object]:
    project = Project(work / "project")
    if not project.folder.exists():
        shutil.copytree(ROOT, project.folder, ignore=COPY_IGNORE)
    command = project.make("test")
    cores = os.cpu_count() or 1
    if cores > 2 and shutil.which("taskset"):
        command = ["taskset", "-c", "0,1", *command]
    log("timing make test (BENCH_FULL=1)")
    cpus = ["cpu0", "cpu1"] if cores > 2 and command[0] == "taskset" else ["cpu"]
    busy_before = machine_busy(cpus)
    # pytest's own list of the slowest tests says where the suite's minutes go.
    run = timed(command, project.folder, env={"PYTEST_ADDOPTS": "--durations=10"})
    # What else ran on the suite's cores meanwhile: their busy time less the suite's own.
    others = max(machine_busy(cpus) - busy_before - run.timing.cpu, 0.0)
    record = {
        "seconds": round(run.timing.wall, 1),
        "cpu_seconds": round(run.timing.cpu, 1),
        "cores": min(cores, 2),
        "passed": run.returncode == 0,
        "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "others_cores": round(others / run.timing.wall, 2) if run.timing.wall else 0.0,
    }
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    if slowest := slowest_tests(run.output):
        log("make test, slowest tests:\n" + "\n".join(slowest))
    if run.returncode != 0:
        log("make test failed; its last lines:\n" + "\n".join(run.output.splitlines()[-10:]))
    return record


def machine_busy(cpus: Sequence[str]) -> float:
    """CPU seconds the named cores (/proc/stat's "cpu" is all of them) spent busy since boot."""
    ticks = os.sysconf("SC_CLK_TCK")
    busy = 0
    for line in Path("/proc/stat").read_text().splitlines():
        name, *fields = line.split()
        if name in cpus:
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
            busy += user + nice + system + irq + softirq + steal
    return busy / ticks


def slowest_tests(pytest_output: str) -> list[str]:
    """The lines of pytest's `--durations` table."""
    lines = pytest_output.splitlines()
    start = next((i for i, line in enumerate(lines) if "slowest" in line and "durations" in line), None)
    if start is None:
        return []
    table = []
    for line in lines[start + 1:]:
        if line.startswith("=") or not line.strip():
            break
        table.append(line.strip())
    return table


def recorded_make_test() -> dict[str, object] | None:
    try:
        return json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def git_commit() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


# -- report ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    ok: bool | None  # None: not checked
    text: str

    def line(self) -> str:
        mark = {True: "PASS", False: "FAIL", None: "SKIP"}[self.ok]
        return f"  {mark}  {self.text}"


def seconds(series: Series) -> str:
    return f"{series.wall:6.2f}  {series.cpu:6.2f}"


def pages_text(pages: list[str], limit: int = 4) -> str:
    shown = ", ".join(pages[:limit]) + (", ..." if len(pages) > limit else "")
    return f"{len(pages)} ({shown})"


def report(results: Results, runs: int, test_record: dict[str, object] | None) -> tuple[list[str], list[Verdict]]:
    out: list[str] = []
    project, plain = results.cold["project"], results.cold["plain"]
    ratio = project.cpu / plain.cpu
    out.append(f"{'':44}{'project':>14}    {'plain baseline':>14}   ratio")
    out.append(f"{'':44}{'wall s   CPU s':>14}    {'wall s   CPU s':>14}   (CPU)")
    out.append(f"{'cold HTML build':44}{seconds(project):>14}    {seconds(plain):>14}   {ratio:5.2f}")
    for label, rebuilds in (("rebuild after editing one lesson's text", results.edit),
                            ("rebuild after changing one lesson's title", results.title)):
        mine, base = rebuilds["project"], rebuilds["plain"]
        out.append(f"{label:44}{seconds(mine.series):>14}    {seconds(base.series):>14}   "
                   f"{mine.series.cpu / base.series.cpu:5.2f}")
        out.append(f"{'  pages rewritten (project)':44}{pages_text(mine.written[-1])}; "
                   f"re-read {len(mine.read[-1])}")
        out.append(f"{'  pages rewritten (plain)':44}{pages_text(base.written[-1])}; "
                   f"re-read {len(base.read[-1])}")
        if rebuilds is results.title and len(base.written[-1]) < len(mine.written[-1]):
            out.append(f"{'':44}(plain Sphinx leaves the old title in the other pages' navigation;")
            out.append(f"{'':44} the project rewrites every page that shows it: _ext/course/updates.py)")
    out.append(f"{'doctest run (make doctest)':44}{seconds(results.doctest):>14}")
    for target, label in (("pdf", "PDF build (make pdf)"), ("epub", "ePub build (make epub)")):
        series = results.editions[target]
        out.append(f"{label:44}" + (f"{seconds(series):>14}" if isinstance(series, Series) else series))
    if isinstance(results.serve, str):
        out.append(f"{'edit-to-browser (make serve)':44}{results.serve}")
    else:
        out.append(f"{'edit-to-browser (make serve)':44}{median(results.serve):6.2f} s wall")
    weight = results.weight
    assert weight is not None
    out.append(f"{'Day 9 page, HTML + CSS + JS':44}{kib(weight.raw)} raw, {kib(weight.gzipped)} gzipped "
               f"(1 HTML, {weight.css} CSS, {weight.js} JS)")
    if weight.missing:
        out.append(f"{'  linked but missing':44}{', '.join(weight.missing)}")
    out.append(f"{'output folder (_build/html)':44}{mib(results.site_size['project'])} site "
               f"+ {mib(results.doctrees_size)} doctrees; plain site {mib(results.site_size['plain'])}")
    if test_record:
        out.append(f"{'make test':44}{test_record['seconds']} s wall, {test_record['cpu_seconds']} s CPU "
                   f"on {test_record['cores']} cores, other jobs {test_record.get('others_cores', '?')} of a core "
                   f"({'passed' if test_record['passed'] else 'FAILED'}; "
                   f"recorded {test_record['when']}, commit {test_record['commit']})")
    else:
        out.append(f"{'make test':44}not measured (run `make bench BENCH_FULL=1` to time it)")

    verdicts: list[Verdict] = []
    verdicts.append(Verdict(ratio <= COLD_RATIO,
                            f"cold build <= {COLD_RATIO} x plain baseline: {ratio:.2f} x"))
    mine, base = results.edit["project"], results.edit["plain"]
    extra = sorted({page for pages in mine.written for page in pages}
                   - {page for pages in base.written for page in pages})
    verdicts.append(Verdict(
        not extra and all(LESSON in pages for pages in mine.written),
        f"text edit rewrites only pages that depend on it: {pages_text(mine.written[-1])}"
        + (f"; beyond plain Sphinx: {', '.join(extra)}" if extra else
           "; plain Sphinx rewrites the same (a page and the page whose toctree lists it)")))
    share = mine.series.cpu / project.cpu
    verdicts.append(Verdict(share <= EDIT_SHARE,
                            f"text edit rebuild <= {EDIT_SHARE} x cold build: {share:.2f} x"))
    verdicts.append(Verdict(weight.gzipped <= DAY9_GZIP and not weight.missing,
                            f"Day 9 page <= {kib(DAY9_GZIP)} gzipped: {kib(weight.gzipped)}"))
    pdf = results.editions["pdf"]
    if isinstance(pdf, Series):
        verdicts.append(Verdict(pdf.cpu <= PDF_SECONDS,
                                f"PDF build <= {PDF_SECONDS:.0f} s CPU: {pdf.cpu:.1f} s (wall {pdf.wall:.1f} s)"))
    else:
        verdicts.append(Verdict(None, f"PDF build <= {PDF_SECONDS:.0f} s: make pdf {pdf}"))
    if test_record:
        verdicts.append(make_test_verdict(test_record))
    else:
        verdicts.append(Verdict(None, f"make test <= {TEST_SECONDS:.0f} s on 2 cores: not measured "
                                      "(make bench BENCH_FULL=1)"))
    return out, verdicts


def make_test_verdict(record: dict[str, object]) -> Verdict:
    """Wall seconds when the machine was otherwise quiet; CPU seconds per core when other jobs
    shared it.

    The suite runs on two pytest-xdist workers, so on a quiet two-core machine its wall time
    is what a contributor waits; while other jobs crowd the cores, wall time measures them,
    and the suite's CPU seconds shared over its cores stand in for it.
    """
    wall, cpu = float(str(record["seconds"])), float(str(record["cpu_seconds"]))
    cores = int(str(record["cores"]))
    others = float(str(record["others_cores"])) if "others_cores" in record else None
    suite = "" if record["passed"] else "; the suite itself FAILED"
    when = f"recorded {record['when']}{suite}"
    if others is not None and others <= QUIET_OTHERS:
        return Verdict(wall <= TEST_SECONDS,
                       f"make test <= {TEST_SECONDS:.0f} s on 2 cores: {wall:.0f} s wall "
                       f"({cpu:.0f} s CPU; other jobs used {others:.2f} of a core; {when})")
    busy = "an unrecorded share of them" if others is None else f"{others:.2f} of a core"
    return Verdict(cpu / cores <= TEST_SECONDS,
                   f"make test <= {TEST_SECONDS:.0f} s on 2 cores: {cpu:.0f} s CPU "
                   f"({cpu / cores:.0f} s a core); wall {wall:.0f} s is not comparable, "
                   f"other jobs used {busy} ({when})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per figure (>= 3)")
    parser.add_argument("--full", action="store_true", help="also time `make test` and record it")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1 (3 or more for figures worth comparing)")

    def log(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    if not adopt_orphans():
        log("cannot adopt orphaned processes here: CPU seconds leave out browsers")
    work = Path(tempfile.mkdtemp(prefix="course-bench-"))
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    try:
        results = measure(args.runs, work, log)
        record = time_make_test(work, log) if args.full else recorded_make_test()
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            log(f"copies kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    lines, verdicts = report(results, args.runs, record)
    print(f"make bench: medians of {args.runs} interleaved runs"
          + ("" if args.runs >= 3 else " (fewer than 3: indicative only)")
          + f"; Sphinx {version('sphinx')}, furo {version('furo')}; {os.cpu_count()} cores; load {load_before:.1f} -> "
            f"{os.getloadavg()[0]:.1f}; {time.perf_counter() - started:.0f} s in all")
    print("CPU s = user + system time of the build's processes (budgets use it); wall s = elapsed")
    print()
    print("\n".join(lines))
    print()
    print("budgets:")
    print("\n".join(verdict.line() for verdict in verdicts))
    broken = sum(1 for verdict in verdicts if verdict.ok is False)
    print(f"bench: {broken} budget{'s' if broken != 1 else ''} broken" if broken
          else "bench: every checked budget met")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
