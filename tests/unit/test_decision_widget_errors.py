"""A broken table of cases is one warning line naming the file, the line and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import sphinx_build
from tests.unit.minibook import lesson, write_minibook

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
    build = sphinx_build(book, book / "_build" / "html", "html")
    return [line for line in build.output.splitlines() if "WARNING" in line or "ERROR" in line]


def broken(**changes: object) -> str:
    return json.dumps({**GOOD, **changes}, indent=2)


def test_a_good_table_builds_clean_and_shows_every_case(tmp_path: Path) -> None:
    book = book_with_table(tmp_path, json.dumps(GOOD, indent=2))
    assert warnings(book) == []
    page = (book / "_build" / "html" / "week1" / "day-01.html").read_text(encoding="utf-8")
    assert "Every case" in page and "frontend: neither".capitalize().split(":")[0] in page


CASES = {
    "not JSON": ('{"title": "Try it",\n  "intro" "x"\n}', "tree.json:2:", "is not valid JSON"),
    "unknown question": (broken(cases=GOOD["cases"][:2] + [{"answers": {"secrt": False}, "result": "x: y"}]),
                         "tree.json:", "answers secrt, which is not a question (the questions are secret, shared)"),
    "a gap": (broken(cases=GOOD["cases"][:2]), "tree.json:1:",
              "no case covers secret no, shared no (add a case for it)"),
    "an overlap": (broken(cases=GOOD["cases"] + [{"answers": {"shared": True}, "result": "backend: again"}]),
                   "tree.json:", "both cover"),
    "no caption": (broken(caption=""), "tree.json:1:", "has no 'caption'"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_problem_is_one_line_with_file_line_and_fix(tmp_path: Path, case: str) -> None:
    text, where, words = CASES[case]
    found = warnings(book_with_table(tmp_path, text))
    assert found, "the broken table was not reported"
    assert any(where in line and words in line for line in found), found
    assert not any("Traceback" in line for line in found)


def test_a_missing_table_names_the_lesson_and_the_path(tmp_path: Path) -> None:
    book = book_with_table(tmp_path, "{}")
    (book / "widgets" / "tree.json").unlink()
    found = warnings(book)
    assert any("day-01.md:" in line and "widgets/tree.json does not exist" in line for line in found), found
