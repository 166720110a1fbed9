"""Every course check fires on a broken mini course with one clear line naming file and line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from problems import parse_sphinx_warnings  # noqa: E402

from tests.conftest import sphinx_in_process
from tests.extension.minibook import lesson, write_minibook


def build(book: Path, builder: str = "html"):
    return sphinx_in_process(book, book / "_build" / builder, builder)


def warnings_of(output: str) -> list[str]:
    return [line for line in output.splitlines() if "WARNING" in line or "ERROR" in line]


def test_clean_minibook_builds_without_warnings(tmp_path: Path) -> None:
    result = build(write_minibook(tmp_path))
    assert result.returncode == 0, result.output
    assert warnings_of(result.output) == []
    lesson_page = result.page("week1/day-01.html")
    assert "Day 1 of 2" in lesson_page
    assert "Week 1 · The Start · by Shivali &amp; Girish" in lesson_page


def encoded(name: str, text: str, encoding: str):
    def edit(book: Path) -> None:
        (book / name).write_bytes(text.encode(encoding))
    return edit


def rewrite(name: str, text: str | None, *, remove: str = ""):
    """An edit to the clean mini course: write (or delete, when text is None) one file."""
    def edit(book: Path) -> None:
        if remove:
            (book / remove).unlink()
        if text is None:
            (book / name).unlink()
        else:
            (book / name).write_text(text, encoding="utf-8")
    return edit


DAY2 = "week2/day-02.md"
# case -> (the edit, the file:line the message must name, words the message must say)
BROKEN = {
    "missing day": (rewrite(DAY2, None), "week2/index.md:1", "no lesson has `day: 2` (write"),
    "duplicate day": (rewrite("week1/day-01-again.md", lesson(1, 1, terms=("Delta", "Eta", "Zeta"))),
                      "week1/day-01-again.md:2", "Day 1 already has a lesson"),
    "wrong week": (rewrite(DAY2, lesson(2, 1)), "week2/day-02.md:3",
                   "Day 2 belongs to week 2, not week 1"),
    "wrong folder": (rewrite("week1/day-02.md", lesson(2, 2), remove=DAY2), "week1/day-02.md:3",
                     "a week 2 lesson belongs in the folder week2/"),
    "no question": (rewrite(DAY2, lesson(2, 2).replace("question: Is this a question?\n", "")),
                    "week2/day-02.md:6", "the front matter has no `question:` (add it before this line"),
    "missing keys": (rewrite(DAY2, lesson(2, 2).replace("title: Lesson 2, a test\n", "")
                             .replace("status: draft\n", "")),
                     "week2/day-02.md:5", "the front matter has no `title:` or `status:` (add them"),
    "no front matter": (rewrite(DAY2, lesson(2, 2).split("---\n", 2)[2]), "week2/day-02.md:1",
                        "this lesson has no front matter (begin the file with a line of ---"),
    "YAML mistake": (rewrite(DAY2, lesson(2, 2, question="What: is this?")), "week2/day-02.md:5",
                     "the front matter cannot be read here"),
    "latin-1 file": (encoded(DAY2, lesson(2, 2, body="\nCaf\u00e9 cr\u00e8me.\n"), "latin-1"),
                     "week2/day-02.md:15", "this file is not UTF-8 text"),
    "BOM before the front matter": (rewrite(DAY2, "\ufeff" + lesson(2, 2, body="\nAs Day 1 says.\n")),
                                    "week2/day-02.md:15", '"Day 1" is not a link'),
    "block never closed": (rewrite(DAY2, lesson(2, 2).replace("Draw something.\n:::\n", "Draw something.\n")),
                           "week2/day-02.md:15", "the `:::{image-slot}` block is never closed (end it "
                           "with a line of ::: before line 21)"),
    "term in other letter case": (rewrite(DAY2, lesson(2, 2).replace("Alpha2", "alpha1")),
                                  "week2/day-02.md:23", "`alpha1` is already a term of Day 1, written `Alpha1`"),
    "emoji in the title": (rewrite(DAY2, lesson(2, 2, title="Launch day \U0001f680")), "week2/day-02.md:4",
                           "the PDF's fonts have no \U0001f680 (U+1F680)"),
    "CJK in the prose": (rewrite(DAY2, lesson(2, 2, body="\nThe word \u4e2d means middle.\n")),
                         "week2/day-02.md:15", "the PDF's fonts have no \u4e2d (U+4E2D)"),
    "empty title": (rewrite(DAY2, lesson(2, 2).replace("title: Lesson 2, a test", "title:")),
                    "week2/day-02.md:4", "`title:` is empty"),
    "day not a number": (rewrite(DAY2, lesson(2, 2).replace("day: 2", "day: two")),
                         "week2/day-02.md:2", "`day: two` is not a day of the course"),
    "unknown status": (rewrite(DAY2, lesson(2, 2, status="finished")), "week2/day-02.md:6",
                       "`status: finished` is not a status"),
    "missing part": (rewrite(DAY2, re.sub(r":::\{sign-off\}.*?:::\n", "", lesson(2, 2),
                                          flags=re.S)), "week2/day-02.md:1",
                     "this lesson has no sign-off"),
    "wrap-up of two": (rewrite(DAY2, lesson(2, 2).replace("- Mind this.\n", "")),
                       "week2/day-02.md:37", "the wrap-up needs exactly three bullet items"),
    "dangling day link": (rewrite(DAY2, lesson(2, 2, body="\nAs {day}`9#a-section` says.\n")),
                          "week2/day-02.md:15", "Day 9 is linked here, but no lesson has `day: 9`"),
    "unlinked day": (rewrite(DAY2, lesson(2, 2, body="\nAs Day 1 says.\n")),
                     "week2/day-02.md:15", '"Day 1" is not a link'),
    "untested example": (rewrite(DAY2, lesson(2, 2, body="\n```python\n>>> 1 + 1\n2\n```\n")),
                         "week2/day-02.md:15", "this example has `>>>` prompts but is not tested"),
    "image without alt": (rewrite(DAY2, lesson(2, 2).replace(":alt: A picture of day 2.\n", "")),
                          "week2/day-02.md:15", "the image slot has no `:alt:` text"),
    "too few terms": (rewrite(DAY2, lesson(2, 2, terms=("Alpha",))), "week2/day-02.md:22",
                      "the vocabulary sweep has 1 terms"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_check_names_file_line_and_fix(tmp_path: Path, case: str) -> None:
    edit, where, words = BROKEN[case]
    book = write_minibook(tmp_path)
    edit(book)
    result = build(book)
    assert result.returncode != 0, f"{case}: the strict build passed\n{result.output}"
    assert "Traceback" not in result.output
    # One mistake, one line: nothing that follows from it is reported again.
    lines = [line.replace(str(book) + "/", "") for line in warnings_of(result.output)]
    assert len(lines) == 1, f"{case}: expected one line saying {words!r}\n{result.output}"
    assert words in lines[0], lines[0]
    assert lines[0].startswith(f"{where}: WARNING: "), lines[0]
    assert "(" in lines[0], "the message says how to fix it, in brackets"
    # `make check` reads the same build's warnings (tools/problems.py): the same one line.
    path, line = where.split(":")
    assert [(p.path, p.line) for p in parse_sphinx_warnings(result.output, book)] == [(path, int(line))]


def test_wrong_doctest_fails_with_file_and_line(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    body = "\n```{doctest}\n>>> 1 + 1\n3\n```\n"
    (book / "week2/day-02.md").write_text(lesson(2, 2, body=body), encoding="utf-8")
    result = build(book, "doctest")
    assert result.returncode != 0
    assert "week2/day-02.md" in result.output and "Failed example" in result.output
    assert "Traceback" not in result.output.split("Failed example")[0]


def test_glossary_and_recap_collect_every_lesson(tmp_path: Path) -> None:
    result = build(write_minibook(tmp_path))
    glossary = result.page("glossary.html")
    assert glossary.index("Alpha1") < glossary.index("Alpha2") < glossary.index("Gamma2")
    assert 'href="week1/day-01.html#term-Alpha1"' in glossary
    recap = result.page("recap.html")
    assert recap.index("Lesson 1, a test") < recap.index("Lesson 2, a test")
    assert recap.count("The thing you can now say plainly.") == 2
