"""`make check`: every course problem at once, one line each, `path:line: what (how to fix)`.

Runs, on a fresh copy of the build every time (so no problem hides in a cached page):
  1. the strict HTML build (-n -W --keep-going): the course's checks, links, terms, MyST;
  2. the doctest builder: every `>>>` example runs as shown;
  3. codespell over the prose, with the project's word list (tools/codespell-words.txt);
  4. mypy over the extension, tools/ and bench/ (settings in pyproject.toml);
  5. actionlint, with shellcheck, over .github/workflows/;
  6. style notes (tools/style.py): six-word phrases on three or more pages, and the prose
     linter's findings. Notes are advice and do not fail the check, except when the course
     has more repeated phrases than its budget.
The builds and mypy run side by side. Output is sorted and deduplicated; the exit status is 1 when
anything is wrong. Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as
an `::error file=...,line=...::` annotation, so a pull request shows it beside the line.

    python tools/check.py [--root PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from problems import (Problem, parse_codespell, parse_crash,  # noqa: E402
                      parse_doctest_report, parse_sphinx_warnings, parse_tool_lines)
from style import PHRASE_BUDGET, lint_notes, phrase_notes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORDS_FILE = "tools/codespell-words.txt"
#: Prose that shows a misspelling on purpose sits between these two HTML comments.
NOT_SPELLED = r"<!-- codespell:ignore-begin -->.*?<!-- codespell:ignore-end -->"
#: Folders that are not prose: tooling, dependencies, build output, tests' own fixtures.
NOT_PROSE = {"_build", "node_modules", "tests", "bench", "tools", "_ext", "_static",
             "_templates"}


def sphinx(builder: str, root: Path, outdir: Path) -> subprocess.Popen[str]:
    """Start a strict build; the caller collects its warnings (stderr) when it ends."""
    command = [sys.executable, "-m", "sphinx", "build", "-b", builder, "-n", "-W",
               "--keep-going", "-N", "-E", "-T", "-d", str(outdir / ".doctrees"),
               str(root), str(outdir)]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def crashed(builder: str, returncode: int, stderr: str, found: list[Problem],
            root: Path) -> list[Problem]:
    """A build that stopped with an error (not a warning) gets one line, never a traceback."""
    if returncode == 0:
        return []
    if crash := parse_crash(stderr, root):
        return [crash]
    if found:
        return []
    return [Problem("conf.py", 1, f"the {builder} build stopped without saying where "
                                  f"(exit {returncode}; run `make html` for Sphinx's message)")]


def prose_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.md")):
        parts = path.relative_to(root).parts
        if any(part.startswith(".") or part in NOT_PROSE for part in parts[:-1]):
            continue
        yield path


def spelling(root: Path) -> list[Problem]:
    files = [str(path.relative_to(root)) for path in prose_files(root)]
    words = root / WORDS_FILE
    command = [sys.executable, "-m", "codespell_lib", "--check-filenames",
               "--ignore-multiline-regex", NOT_SPELLED, *files]
    if words.exists():
        command[3:3] = ["--ignore-words", str(words)]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
    except OSError as error:
        return [Problem(WORDS_FILE, 1, f"codespell could not run: {error} (run `make venv`)")]
    if "No module named codespell_lib" in done.stderr:
        return [Problem(WORDS_FILE, 1, "codespell is not installed "
                                       "(run `make venv`; it is pinned in requirements.txt)")]
    found = parse_codespell(done.stdout, root, WORDS_FILE)
    if done.returncode not in (0, 65) and not found:
        return [Problem(WORDS_FILE, 1, f"codespell failed: {done.stderr.strip()[-200:]} "
                                       "(check the word list's format: one word a line)")]
    return found


def tool_env() -> dict[str, str]:
    """The virtual environment's programs first: actionlint finds shellcheck on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}


def type_check(root: Path) -> subprocess.Popen[str]:
    """Start mypy (its files and settings are in pyproject.toml); `types` collects its lines."""
    return subprocess.Popen([sys.executable, "-m", "mypy", "--no-error-summary",
                             "--no-color-output", "--show-error-codes"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=tool_env())


def types(process: subprocess.Popen[str], root: Path) -> list[Problem]:
    output, _ = process.communicate(timeout=900)
    if "No module named mypy" in output:
        return [Problem("pyproject.toml", 1, "mypy is not installed "
                                             "(run `make venv`; it is pinned in requirements.txt)")]
    found = parse_tool_lines(output, root, "mypy")
    if process.returncode and not found:
        return [Problem("pyproject.toml", 1, f"mypy failed: {output.strip()[-200:]} "
                                             "(its settings are [tool.mypy] in pyproject.toml)")]
    return found


def workflows(root: Path) -> list[Problem]:
    """actionlint over the GitHub workflows; it runs shellcheck on their `run:` scripts."""
    files = sorted(str(path.relative_to(root)) for path in (root / ".github" / "workflows").glob("*.y*ml"))
    if not files:
        return []
    program = Path(sys.executable).parent / "actionlint"
    try:  # files named: a copy of the project outside git is checked too
        done = subprocess.run([str(program), "-oneline", "-no-color", *files], cwd=root,
                              capture_output=True, text=True, timeout=300, env=tool_env())
    except OSError:
        return [Problem(".github/workflows", 1, "actionlint is not installed "
                                                "(run `make venv`; it is pinned in requirements.txt)")]
    found = parse_tool_lines(done.stdout, root, "actionlint")
    if done.returncode and not found:
        return [Problem(".github/workflows", 1, f"actionlint failed: "
                                                f"{(done.stdout + done.stderr).strip()[-200:]} "
                                                "(run it yourself: .venv/bin/actionlint)")]
    return found


def check(root: Path) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="course-check-") as scratch:
        html_out, doctest_out = Path(scratch, "html"), Path(scratch, "doctest")
        html, doctest = sphinx("html", root, html_out), sphinx("doctest", root, doctest_out)
        mypy = type_check(root)
        # Spelling and the workflow lint run while the two builds and mypy do.
        problems = spelling(root) + workflows(root)
        for name, process in (("html", html), ("doctest", doctest)):
            _, stderr = process.communicate(timeout=900)
            found = parse_sphinx_warnings(stderr, root)
            problems += found + crashed(name, process.returncode, stderr, found, root)
        problems += types(mypy, root)
        report = doctest_out / "output.txt"
        if report.exists():
            problems += parse_doctest_report(report.read_text(encoding="utf-8"), root, root)
    return sorted(set(problems))


def style(root: Path) -> tuple[list[Problem], list[Problem]]:
    """Style notes, and the problem of a course over its repeated-phrase budget."""
    phrases = phrase_notes(root)
    over = [] if len(phrases) <= PHRASE_BUDGET else [Problem(
        "essay.md", 1, f"the course repeats {len(phrases)} six-word phrases across three or more "
                       f"pages (at most {PHRASE_BUDGET}: reword the ones listed as style notes)")]
    return sorted(set(phrases + lint_notes(root))), over


def report(problems: Iterable[Problem], notes: Iterable[Problem], annotate: bool) -> None:
    problems, notes = list(problems), list(notes)
    for note in notes:
        print(f"{note.path}:{note.line}: style: {note.message}")
    for problem in problems:
        print(problem)
    if annotate:
        for problem in problems:
            print(problem.annotation())
    count = len(problems)
    advice = f"; {len(notes)} style note{'s' if len(notes) != 1 else ''}" if notes else ""
    print(f"check: {count} problem{'s' if count != 1 else ''}{advice}" if count
          else f"check: no problems (build, doctests, spelling, types, workflows){advice}",
          file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to check")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "conf.py").is_file():
        print(f"{root}: no conf.py here (give the project's folder with --root)", file=sys.stderr)
        return 2
    try:
        problems = check(root)
        notes, over_budget = style(root)
        problems = sorted(set(problems + over_budget))
    except (OSError, subprocess.SubprocessError) as error:
        print(f"tools/check.py:1: the check could not run: {error} (run `make venv`)",
              file=sys.stderr)
        return 2
    report(problems, notes, annotate=os.environ.get("GITHUB_ACTIONS") == "true")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
