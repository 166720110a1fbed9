"""One course problem as one line: `path:line: what is wrong (how to fix it)`.

Reads what Sphinx, its doctest builder and codespell print, and turns each complaint into a
`Problem` that `make check` and `make serve` print the same way. Standard library only, so it
runs before the virtual environment exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CONTRIBUTING = "CONTRIBUTING.md"


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in the sources, where it is, and how to fix it (in `message`)."""

    path: str  # relative to the project root when the file is inside it
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown beside the line."""
        return (f"::error file={_escape_property(self.path)},line={self.line}"
                f"::{_escape_data(self.message)}")


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping: data and properties escape these, properties more.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def relative(path: str, root: Path) -> str:
    """`path` relative to the project root, as a pull request names it; else as given."""
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = root / candidate
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


# -- Code and workflow checks: mypy, actionlint ---------------------------------------------

#: `_ext/course/facts.py:12: error: Name "x" is not defined  [name-defined]` (mypy), and
#: `.github/workflows/book.yml:28:15: the message [action]` (actionlint -oneline).
TOOL_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?:\d+:)? (?:error: )?(?P<message>.+)$")


def parse_tool_lines(output: str, root: Path, tool: str) -> list[Problem]:
    """mypy's and actionlint's one-line reports, each as a Problem naming the tool."""
    found = []
    for line in output.splitlines():
        match = TOOL_LINE.match(line)
        if match and not match["message"].startswith("note: "):  # mypy's notes explain the line before
            message = " ".join(match["message"].split())
            found.append(Problem(relative(match["path"], root), int(match["line"]),
                                 f"{message} ({tool})"))
    return found


# -- Sphinx warnings ---------------------------------------------------------------------

#: `/abs/week2/day-10.md:13: WARNING: Unknown directive type: 'nosuch' [myst.directive_unknown]`
#: The location may lack a line (`file: WARNING`) or be missing altogether (`WARNING: ...`).
SPHINX_WARNING = re.compile(
    r"^(?:(?P<path>.+?):(?P<line>\d+)?:? )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): "
    r"(?P<message>.*?)(?: \[(?P<type>[\w.-]+)\])?$"
)

#: How to fix the Sphinx and MyST warnings an author meets most, by warning type. The
#: course's own warnings (type `course`) already end with their fix, in parentheses.
FIXES = {
    "myst.directive_unknown": "check the directive's name; CONTRIBUTING.md lists the course's directives",
    "myst.role_unknown": "check the role's name; CONTRIBUTING.md lists the course's roles",
    "myst.directive_parse": "check the directive's options and the blank line before its text",
    "myst.header": "headings go down one level at a time: `##` sections, `###` inside them",
    "myst.xref_missing": "check the link target: a page is linked as /path/page.md",
    "ref.term": "use a term some lesson's vocabulary defines, or define it in a vocabulary sweep",
    "ref.doc": "check the page's path, written from the book's root, like /essay.md",
    "ref.ref": "check the label's spelling",
    "toc.not_included": "add the page to a toctree, or move it out of the book",
    "toc.not_readable": "check the toctree entry's path",
    "image.not_readable": "check the image's file name and folder (images/)",
    "glossary": "a term is defined once in the whole course: keep one definition",
    "docutils": "see the Markdown at that line",
}
GENERIC_FIX = "see 'When a check fails' in CONTRIBUTING.md"


def _with_fix(message: str, kind: str | None) -> str:
    message = message.strip()
    if message.endswith(")") and "(" in message:
        return message  # already says how to fix it
    if "duplicate term description" in message or "glossary term" in message:
        return f"{message} ({FIXES['glossary']})"
    if kind is None:
        return f"{message} ({GENERIC_FIX})"
    fix = FIXES.get(kind) or FIXES.get(kind.split(".")[0]) or GENERIC_FIX
    return f"{message} ({fix})"


def parse_sphinx_warnings(text: str, root: Path) -> list[Problem]:
    """Every warning Sphinx printed, one problem each; continuation lines are dropped."""
    problems = []
    for raw in text.splitlines():
        match = SPHINX_WARNING.match(raw.strip())
        if not match:
            continue
        message = match["message"]
        if message.startswith("*****"):
            continue  # a doctest report printed as a warning under -q; read from output.txt
        path = match["path"]
        if path is None or path.startswith(("WARNING", "ERROR")):
            path = "conf.py"  # a warning with no place is about the configuration
        problems.append(Problem(relative(path, root), int(match["line"] or 1),
                                _with_fix(message, match["type"])))
    return problems


# -- a build that stopped --------------------------------------------------------------------

FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+)')
EXCEPTION = re.compile(r"^\s*(?P<type>[A-Za-z_][\w.]*(?:Error|Exception|Exit)): (?P<text>.+)$")
#: `... syntax error in your configuration file: ... (conf.py, line 57)`
WHERE_IN_TEXT = re.compile(r"\((?P<path>[^,()]+), line (?P<line>\d+)\)")


def parse_crash(traceback_text: str, root: Path) -> Problem | None:
    """A build that raised instead of warning, as one line at the author's line.

    The place is the last traceback frame in the project's own files (a lesson, conf.py,
    `_ext/`), or the file and line the error names; the text is the error's own.
    """
    lines = traceback_text.splitlines()
    error = next((m for m in map(EXCEPTION.match, reversed(lines)) if m), None)
    if error is None:
        return None
    path, line = "conf.py", 1
    for frame in filter(None, map(FRAME.match, lines)):
        candidate = relative(frame["path"], root)
        if not Path(candidate).is_absolute() and not candidate.startswith(".venv/"):
            path, line = candidate, int(frame["line"])
    if where := WHERE_IN_TEXT.search(error["text"]):
        path, line = relative(where["path"], root), int(where["line"])
    kind = error["type"].rsplit(".", 1)[-1]
    return Problem(path, line, f"{kind}: {error['text'].strip()} (the build stopped here; "
                               "fix this line and build again)")


# -- doctest failures ----------------------------------------------------------------------

DOCTEST_FAILURE = re.compile(
    r'^File "(?P<path>[^"]+)", line (?P<line>\d+), in .*\n'
    r"Failed example:\n(?P<example>(?:    .*\n)+)"
    r"(?P<outcome>(?:Expected:\n(?:    .*\n)+|Expected nothing\n)"
    r"(?:Got:\n(?:    .*\n?)+|Got nothing\n?)"
    r"|Exception raised:\n(?:    .*\n?)+)",
    re.MULTILINE,
)


def _indented(block: str) -> list[str]:
    return [line[4:] for line in block.splitlines() if line.startswith("    ")]


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _example_line(source: Path, reported: int, first_line: str) -> int:
    """The line where the failing `>>>` example really is.

    Sphinx's doctest builder reports MyST examples a line or two off; the example's own
    text, nearest the reported line, is exact.
    """
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return reported
    wanted = f">>> {first_line.strip()}"
    found = [number for number, line in enumerate(lines, start=1) if line.strip() == wanted]
    # On a tie, the later line: the builder reports a line early, never late.
    return min(found, key=lambda number: (abs(number - reported), number < reported),
               default=reported)


def parse_doctest_report(text: str, root: Path, srcdir: Path) -> list[Problem]:
    """Each failing example in the doctest builder's output.txt, at its own line."""
    problems = []
    for match in DOCTEST_FAILURE.finditer(text if text.endswith("\n") else text + "\n"):
        example = _indented(match["example"])
        outcome = match["outcome"]
        line = _example_line(srcdir / match["path"], int(match["line"]), example[0])
        code = _short(example[0], 50)
        if outcome.startswith("Exception raised:"):
            error = _short(_indented(outcome)[-1])
            message = (f"the example `{code}` raised {error} (an example must run exactly as "
                       "shown in a fresh Python session: fix the code)")
        else:
            expected_block, _, got_block = outcome.partition("Got")
            expected = _short("\n".join(_indented(expected_block))) or "nothing"
            got = _short("\n".join(_indented(got_block))) or "nothing"
            message = (f"the example `{code}` printed {got}, but the lesson shows {expected} "
                       "(fix the expected output under the example, or the code)")
        problems.append(Problem(relative(str(srcdir / match["path"]), root), line, message))
    return problems


# -- spelling ------------------------------------------------------------------------------

#: `./week2/day-10.md:11: teh ==> the`
CODESPELL = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fixes>.+)$")


def parse_codespell(text: str, root: Path, words_file: str) -> list[Problem]:
    problems = []
    for raw in text.splitlines():
        match = CODESPELL.match(raw.strip())
        if not match:
            continue
        fixes = " or ".join(f'"{fix.strip()}"' for fix in match["fixes"].split("|")[0].split(","))
        problems.append(Problem(
            relative(match["path"], root), int(match["line"]),
            f'"{match["word"]}" looks misspelt (write {fixes}; if "{match["word"]}" is right, '
            f"add it to {words_file})"))
    return problems
