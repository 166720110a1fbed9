"""The course as written: lengths, drafts, the recap and the glossary links."""

from __future__ import annotations

import re
import sys

import pytest

from tests.conftest import ROOT, Build

sys.path.insert(0, str(ROOT / "tools"))
from wordcount import prose_words  # noqa: E402

LESSONS = sorted(ROOT.glob("week*/day-*.md"))


#: Day 9's measure: it has about 990 words of prose; drafts stay within this range.
WORDS = range(750, 1050 + 1)
#: Phones and the printed page: no example line longer than this.
EXAMPLE_WIDTH = 60
CODE_BLOCK = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```", re.S | re.M)


@pytest.mark.parametrize("path", [*LESSONS, ROOT / "essay.md"], ids=lambda p: p.stem)
def test_prose_length_is_day_9s_measure(path) -> None:
    if "\nstatus: published\n" in path.read_text(encoding="utf-8"):
        pytest.skip("the authors' own lesson is published as written")
    assert prose_words(path) in WORDS, f"{path.name}: {prose_words(path)} words"


@pytest.mark.parametrize("path", [*LESSONS, ROOT / "essay.md"], ids=lambda p: p.stem)
def test_every_example_line_fits_a_phone(path) -> None:
    text = path.read_text(encoding="utf-8")
    long = []
    for block in CODE_BLOCK.finditer(text):
        first = text.count("\n", 0, block.start("body")) + 1
        for offset, line in enumerate(block["body"].splitlines()):
            if len(line) > EXAMPLE_WIDTH and not line.startswith(":"):
                long.append(f"{path.name}:{first + offset}: {len(line)} characters")
    assert long == []


def test_the_course_repeats_at_most_five_phrases() -> None:
    from tools.phrases import course_pages, repeated_runs

    runs = [" ".join(run) for run, _ in repeated_runs(course_pages(ROOT))]
    assert len(runs) <= 5, runs


#: Lessons the authors have signed off. Publishing is a decision, so it is made here too.
PUBLISHED = ["day-09"]


def test_only_signed_off_lessons_are_published() -> None:
    published = [p.stem for p in LESSONS if "\nstatus: published\n" in p.read_text(encoding="utf-8")]
    assert published == PUBLISHED


def test_recap_has_every_wrap_up_in_course_order(html_build: Build) -> None:
    recap = html_build.page("recap.html").split("<article")[1]
    days = [int(day) for day in re.findall(r'id="recap-day-(\d+)"', recap)]
    assert days == list(range(1, 22))
    weeks = re.findall(r'<section[^>]*id="recap-week-(\d)">\s*<h2>Week \d · ', recap)
    assert weeks == ["1", "2", "3"]
    assert recap.count("<h3>") == 21  # a heading per day, under its week
    for label in ("The thing you can now say plainly.", "The thing you can now do.",
                  "The guardrail to remember."):
        assert recap.count(label) == 21


def test_glossary_lists_terms_alphabetically_with_their_lesson(html_build: Build) -> None:
    glossary = html_build.page("glossary.html").split("<article")[1]
    terms = re.findall(r'<dt id="glossary-[^"]*">([^<]*)</dt>', glossary)
    assert len(terms) >= 21 * 3
    assert terms == sorted(terms, key=lambda name: name.lower().lstrip("._-# "))
    letters = re.findall(r'<section[^>]*id="glossary-letter-([a-z0-9-]+)"', glossary)
    assert letters == sorted(letters) and len(letters) >= 15, letters
    assert "Cron job" in terms and "API" in terms
    assert 'href="week2/day-09.html#term-Cron-job"' in glossary


def test_later_lessons_link_terms_to_their_definition(html_build: Build) -> None:
    day17 = html_build.page("week3/day-17.html")
    assert re.search(r'href="\.\./week2/day-09\.html#term-Cron-job"', day17)
