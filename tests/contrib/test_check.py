"""`make check` on a broken copy of the book: every problem at once, one line each, at its line."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
from tests.contrib.conftest import CheckedCopy, copy_project, run_check

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?P<message>.+\(.+\))$")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of the file that contains `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def problems(output: str) -> list[re.Match[str]]:
    """The problem lines; style notes (`path:line: style: ...`) are advice, not problems."""
    return [match for match in map(LINE.match, output.splitlines())
            if match and not match["message"].startswith("style: ")]


def test_every_problem_is_one_line_at_its_line(broken_copy: CheckedCopy) -> None:
    book, done = broken_copy.book, broken_copy.done
    assert done.returncode == 1, done.stdout + done.stderr
    day9, day10 = book / "week2" / "day-09.md", book / "week2" / "day-10.md"
    expected = {
        ("week2/day-10.md", line_of(day10, "Day 3 told you"), "teh"),
        ("week2/day-10.md", line_of(day10, "Day 3 told you"), '"Day 3" is not a link'),
        ("week2/day-10.md", line_of(day10, "image-slott"), "image-slott"),
        ("week2/day-09.md", line_of(day9, "where_should_this_run(needs_secret=True"),
         "'backend: a secret'"),
        ("week2/day-09.md", line_of(day9, ">>> unliked_photos"), "NameError"),
    }
    found = problems(done.stdout)
    for path, line, words in expected:
        assert any(m["path"] == path and int(m["line"]) == line and words in m["message"]
                   for m in found), f"no `{path}:{line}: ...{words}...` in:\n{done.stdout}"
    # Nothing else in the two broken files. (Other files may show problems when Day 13,
    # replaced by CONTRIBUTING.md's lesson, no longer defines a term they link.)
    # (Nor when they link a section of the real Day 13 that the minimal lesson lacks.)
    in_broken = [m for m in found if m["path"] in {"week2/day-09.md", "week2/day-10.md"}
                 and "Day 13 has no section" not in m["message"]]
    assert len(in_broken) == len(expected), done.stdout
    # A wrong doctest output is one line at the example, never a second one about conf.py.
    assert not [m for m in found if m["path"] == "conf.py"], done.stdout


def test_output_is_sorted_unique_and_has_no_traceback(broken_copy: CheckedCopy) -> None:
    done = broken_copy.done
    lines = [line for line in done.stdout.splitlines()
             if not line.startswith("::") and ": style: " not in line]
    keys = [(m["path"], int(m["line"]), m["message"]) for m in problems("\n".join(lines))]
    assert len(keys) == len(lines), f"a line that is not `path:line: message (fix)`:\n{done.stdout}"
    assert keys == sorted(set(keys))
    assert "Traceback" not in done.stdout + done.stderr


def test_github_actions_sees_each_problem_beside_its_line(broken_copy: CheckedCopy) -> None:
    done = broken_copy.done
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(problems(done.stdout))
    for match in problems(done.stdout):
        assert any(a.startswith(f"::error file={match['path']},line={match['line']}::")
                   for a in annotations), match.group(0)


def test_a_crashing_extension_is_one_line_at_the_broken_line(tmp_path: Path) -> None:
    book = copy_project(ROOT, tmp_path / "book")
    facts = book / "_ext" / "course" / "facts.py"
    facts.write_text(facts.read_text(encoding="utf-8") + "\ndef broken(:\n", encoding="utf-8")
    done = run_check(book, GITHUB_ACTIONS="")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert not any(line.startswith("::") for line in done.stdout.splitlines())
    wanted = f"_ext/course/facts.py:{line_of(facts, 'def broken(:')}: SyntaxError"
    assert any(line.startswith(wanted) for line in done.stdout.splitlines()), done.stdout
