"""Style notes for `make check`: phrases repeated across pages, and the prose linter's findings.

Both print in the check's one-line format, `path:line: what (how to fix)`. Neither is an
error on its own: a style note is advice for the author. What the course holds itself to is a
budget: at most `PHRASE_BUDGET` six-word runs shared by three or more pages (tests check it).

The prose linter is textlint (tools/textlint, pinned by its package-lock.json): sentence
length, filler and clichés (write-good), and the house list of phrases and US spellings
(house-phrases.yml, textlint-rule-prh). It reads each page's prose only (no front matter,
code or directive lines), with line numbers kept. The authors' own published lessons are not
linted: their sentences are theirs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from phrases import course_pages, repeated_runs  # noqa: E402
from problems import Problem  # noqa: E402
from wordcount import prose_lines  # noqa: E402

PHRASE_BUDGET = 5
TEXTLINT = Path("tools/textlint")
INSTALL = f"npm ci --prefix {TEXTLINT} --ignore-scripts"
#: textlint's unix format: `/tmp/x/week1/day-01.md:12:5: message [Error/rule]`
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<message>.*?) \[\w+/(?P<rule>[\w-]+)\]$")


def phrase_notes(root: Path = ROOT) -> list[Problem]:
    notes = []
    for run, where in repeated_runs(course_pages(root)):
        page, line = sorted(where.items())[0]
        others = ", ".join(p.relative_to(root).as_posix() for p in sorted(where) if p != page)
        notes.append(Problem(page.relative_to(root).as_posix(), line,
                             f'"{" ".join(run)}" is also on {others} (a phrase on {len(where)} '
                             "pages reads as a formula: say it once, in your own words)"))
    return notes


def _published(page: Path) -> bool:
    head = page.read_text(encoding="utf-8").split("\n---", 1)[0]
    return re.search(r"^status:\s*published\s*$", head, re.M) is not None


LONG_SENTENCE = re.compile(r"sentence length\((\d+)\) exceeds the maximum sentence length of (\d+)")


def _in_authors_words(match: re.Match[str]) -> str:
    if long := LONG_SENTENCE.search(match["message"]):
        return (f"a sentence of {long[1]} characters, over {long[2]} "
                "(split it in two; Day 9's sentences are short) (sentence-length)")
    return f"{match['message']} ({match['rule']})"


def _findings(output: str, scratch: str) -> list[str]:
    """textlint's findings, one a line (a rule's message may run over several lines)."""
    findings: list[str] = []
    for line in output.splitlines():
        if line.startswith(scratch):
            findings.append(line)
        elif findings and line.strip() and not line[0].isdigit():
            findings[-1] += " " + line.strip()
    return findings


def lint_notes(root: Path = ROOT) -> list[Problem]:
    """textlint on each unpublished page's prose; one note per finding."""
    # The linter is the project's tooling, beside this file: it lints any copy of the course.
    binary = ROOT / TEXTLINT / "node_modules" / ".bin" / "textlint"
    if not binary.exists() or shutil.which("node") is None:
        return [Problem(f"{TEXTLINT.as_posix()}/package.json", 1,
                        f"the prose linter is not installed (run `{INSTALL}`; needs Node.js)")]
    pages = [page for page in course_pages(root) if not _published(page)]
    with tempfile.TemporaryDirectory(prefix="course-prose-") as scratch:
        copies = []
        for page in pages:
            lines = dict(prose_lines(page))
            copy = Path(scratch, page.relative_to(root))
            copy.parent.mkdir(parents=True, exist_ok=True)
            # Each prose line is its own paragraph: no sentence runs across a removed block.
            copy.write_text("\n".join(lines.get(n, "") for n in range(1, max(lines, default=0) + 1)),
                            encoding="utf-8")
            copies.append(str(copy))
        done = subprocess.run([str(binary), "--config", str(ROOT / TEXTLINT / ".textlintrc.json"),
                               "--format", "unix", *copies], cwd=ROOT / TEXTLINT,
                              capture_output=True, text=True, timeout=300)
        notes = []
        for line in _findings(done.stdout, scratch):
            if match := FINDING.match(line):
                path = Path(match["path"]).relative_to(scratch).as_posix()
                notes.append(Problem(path, int(match["line"]), _in_authors_words(match)))
        if done.returncode not in (0, 1) or (done.returncode == 1 and not notes):
            return [Problem(f"{TEXTLINT.as_posix()}/.textlintrc.json", 1,
                            f"the prose linter failed: {done.stderr.strip()[-200:]} "
                            f"(run `{INSTALL}` again)")]
    return notes


def main() -> int:
    phrases = phrase_notes()
    for note in sorted(set(phrases + lint_notes())):
        print(note)
    print(f"style: {len(phrases)} repeated phrases (budget {PHRASE_BUDGET})", file=sys.stderr)
    return 1 if len(phrases) > PHRASE_BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
