"""A lesson is untrusted input: each hostile or careless case is one line naming the file, the
line and the fix, the build fails, and nothing from outside the project reaches the output."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import Build, sphinx_build, sphinx_in_process
from tests.extension.minibook import lesson, write_minibook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from problems import parse_sphinx_warnings  # noqa: E402

DAY1 = "week1/day-01.md"
FENCE = "```"
ENVIRON_SECRET = "COURSE_TEST_SECRET_7f3a"


def build(book: Path) -> Build:
    return sphinx_in_process(book, book / "_build" / "html")


def day1(**kwargs: object) -> str:
    return lesson(1, 1, next_day=2, **kwargs)  # type: ignore[arg-type]


def with_front(extra: str) -> str:
    return day1().replace("status: draft\n", f"status: draft\n{extra}", 1)


CASES: dict[str, tuple[str, str, str]] = {
    # case: (text of week1/day-01.md, the line named, words of the message)
    "script in the title": (day1(title="Hello <script>alert(1)</script>"), "4",
                            "the title is plain words"),
    "empty title": (day1().replace("title: Lesson 1, a test", "title:"), "4", "`title:` is empty"),
    "question without words": (day1(question='"?"'), "5", "has no words"),
    "unknown front-matter key": (with_front("colour: blue\n"), "7",
                                 "`colour:` is not a front-matter key"),
    "html_meta in front matter": (with_front('myst:\n  html_meta:\n    "http-equiv=refresh": "0"\n'),
                                  "7", "`myst:` is not a front-matter key"),
    "raw HTML block": (day1(body='\n<script>fetch("https://evil.example/")</script>\n'), "15",
                       "raw HTML is not allowed"),
    "raw HTML inline": (day1(body='\nClick <img src=x onerror="alert(1)"> here.\n'), "15",
                        "raw HTML is not allowed"),
    "raw directive": (day1(body=f"\n{FENCE}{{raw}} html\n<b>x</b>\n{FENCE}\n"), "15",
                      "`{raw}` is not a directive a lesson may use"),
    "literalinclude": (day1(body=f"\n{FENCE}{{literalinclude}} /../../../../../../etc/os-release\n{FENCE}\n"),
                       "15", "`{literalinclude}` is not a directive"),
    "a second title": (day1(body="\n# Lesson 1, a test\n"), "15", "no `# Title` line"),
    "skipped example": (day1(body=f"\n{FENCE}{{doctest}}\n>>> 1  # doctest: +SKIP\n2\n{FENCE}\n"),
                        "16", "every example shown must run"),
    "unclosed fence": (day1().replace(":::{sign-off}", f"{FENCE}{{doctest}}\n>>> 1\n1\n\n:::{{sign-off}}"),
                       "43", "this code block is never closed"),
    "unknown role": (day1(body="\nSee {download}`x <x.txt>`.\n"), "15",
                     "`{download}` is not a role a lesson may use"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_case_is_one_line_with_file_line_and_fix(tmp_path: Path, case: str) -> None:
    book = write_minibook(tmp_path)
    text, line, words = CASES[case]
    (book / DAY1).write_text(text, encoding="utf-8")
    result = build(book)
    assert result.returncode == 1, result.output
    warnings = [w for w in result.output.splitlines() if "WARNING" in w or "ERROR" in w]
    assert len(warnings) == 1, result.output  # one mistake, one line
    assert words in warnings[0] and f"{DAY1}:{line}: " in warnings[0], warnings[0]
    assert "Traceback" not in result.output
    # `make check` reads the same warnings (tools/problems.py): the same one line.
    assert [(p.path, p.line) for p in parse_sphinx_warnings(result.output, book)] == [(DAY1, int(line))]
    page = book / "_build" / "html" / "week1" / "day-01.html"
    if page.exists():  # --keep-going writes the page: none of the hostile markup is on it
        html = page.read_text(encoding="utf-8")
        for hostile in ("<script>alert", "onerror=", "evil.example", "http-equiv"):
            assert hostile not in html, hostile


def test_a_file_from_outside_never_reaches_the_output(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    text = day1().replace("/images/day-01.*", "/../../../../../../../../proc/self/environ")
    (book / DAY1).write_text(text, encoding="utf-8")
    # A new process, so its /proc/self/environ holds the secret as CI's would.
    result = sphinx_build(book, book / "_build" / "html", env={ENVIRON_SECRET: "hunter2"})
    assert result.returncode == 1
    assert "is outside images/" in result.output
    for written in (book / "_build" / "html").rglob("*"):
        if written.is_file():
            assert b"hunter2" not in written.read_bytes(), written


def test_a_lesson_file_is_named_for_its_day(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / DAY1).rename(book / "week1" / "day-1.md")
    result = build(book)
    assert result.returncode == 1
    assert "week1/day-1.md:2: WARNING: Day 1's file must be named day-01.md" in result.output


def test_day_written_out_in_a_link_means_that_day(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / DAY1).write_text(day1(body="\n{day}`Day 2#a-section` follows.\n"), encoding="utf-8")
    result = build(book)
    assert result.returncode == 0, result.output
    page = (book / "_build" / "html" / "week1" / "day-01.html").read_text(encoding="utf-8")
    assert "Day\u00a02" in page and "Day Day" not in page
