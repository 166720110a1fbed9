"""A broken table of cases is one warning line naming the file, the line and the fix.

`load_decision_table` is a pure function: each kind of mistake is tested on it directly;
builds show that its problems reach the author as warnings at `file:line`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, sphinx_in_process
from tests.extension.minibook import lesson, write_minibook

sys.path.insert(0, str(ROOT / "_ext"))
from course.widgets import load_decision_table  # noqa: E402

GOOD = {
    "title": "Try it", "intro": "Answer in order.", "caption": "Every case",
    "function": "decide",
    "questions": [{"name": "secret", "ask": "Does it need a secret?", "short": "Secret"},
                  {"name": "shared", "ask": "Is it shared?", "short": "Shared"}],
    "cases": [{"answers": {"secret": True}, "result": "backend: a secret"},
              {"answers": {"secret": False, "shared": True}, "result": "backend: shared"},
              {"answers": {"secret": False, "shared": False}, "result": "frontend: neither"}],
}


def book_with_table(folder: Path, table_text: str) -> Path:
    book = write_minibook(folder)
    (book / "widgets").mkdir()
    (book / "widgets" / "tree.json").write_text(table_text, encoding="utf-8")
    (book / "week1" / "day-01.md").write_text(
        lesson(1, 1, next_day=2, body="\n:::{decision-widget} /widgets/tree.json\n:::\n"), encoding="utf-8")
    return book


def warnings(book: Path) -> list[str]:
    build = sphinx_in_process(book, book / "_build" / "html", "html")
    return [line for line in build.output.splitlines() if "WARNING" in line or "ERROR" in line]


def broken(**changes: object) -> str:
    return json.dumps({**GOOD, **changes}, indent=2)


def test_a_good_table_builds_clean_and_shows_every_case(tmp_path: Path) -> None:
    book = book_with_table(tmp_path, json.dumps(GOOD, indent=2))
    assert warnings(book) == []
    page = (book / "_build" / "html" / "week1" / "day-01.html").read_text(encoding="utf-8")
    assert "Every case" in page and "frontend: neither".capitalize().split(":")[0] in page


# case -> (the file's text, the line the problem names or None for any, words it must say)
CASES = {
    "not JSON": ('{"title": "Try it",\n  "intro" "x"\n}', 2, "is not valid JSON"),
    "unknown question": (broken(cases=GOOD["cases"][:2] + [{"answers": {"secrt": False}, "result": "x: y"}]),
                         None, "answers secrt, which is not a question (the questions are secret, shared)"),
    "a gap": (broken(cases=GOOD["cases"][:2]), 1,
              "no case covers secret no, shared no (add a case for it)"),
    "an overlap": (broken(cases=GOOD["cases"] + [{"answers": {"shared": True}, "result": "backend: again"}]),
                   None, "both cover"),
    "no caption": (broken(caption=""), 1, "has no 'caption'"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_problem_is_named_with_its_line_and_fix(tmp_path: Path, case: str) -> None:
    text, line, words = CASES[case]
    path = tmp_path / "tree.json"
    path.write_text(text, encoding="utf-8")
    table, problems = load_decision_table(path)
    assert table is None
    assert any(words in problem.message and line in (None, problem.line) for problem in problems), problems


def test_a_broken_table_is_one_warning_line_at_its_file_and_line(tmp_path: Path) -> None:
    found = warnings(book_with_table(tmp_path, CASES["not JSON"][0]))
    assert len(found) == 1 and "tree.json:2:" in found[0] and "is not valid JSON" in found[0], found


def test_a_missing_table_names_the_lesson_and_the_path(tmp_path: Path) -> None:
    book = book_with_table(tmp_path, "{}")
    (book / "widgets" / "tree.json").unlink()
    found = warnings(book)
    assert any("day-01.md:" in line and "widgets/tree.json does not exist" in line for line in found), found
