"""The course as written: lengths, drafts, the recap and the glossary links."""

from __future__ import annotations

import re

import pytest

from tests.book.wordcount import prose_words
from tests.conftest import ROOT, Build

LESSONS = sorted(ROOT.glob("week*/day-*.md"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_length(path) -> None:
    assert 800 <= prose_words(path) <= 1300, f"{path.name}: {prose_words(path)} words"


def test_essay_length() -> None:
    assert 800 <= prose_words(ROOT / "essay.md") <= 1200


#: Lessons the authors have signed off. Publishing is a decision, so it is made here too.
PUBLISHED = ["day-09"]


def test_only_signed_off_lessons_are_published() -> None:
    published = [p.stem for p in LESSONS if "\nstatus: published\n" in p.read_text(encoding="utf-8")]
    assert published == PUBLISHED


def test_recap_has_every_wrap_up_in_course_order(html_build: Build) -> None:
    recap = html_build.page("recap.html").split("<article")[1]
    days = [int(day) for day in re.findall(r'id="recap-day-(\d+)"', recap)]
    assert days == list(range(1, 22))
    for label in ("The thing you can now say plainly.", "The thing you can now do.",
                  "The guardrail to remember."):
        assert recap.count(label) == 21


def test_glossary_lists_terms_alphabetically_with_their_lesson(html_build: Build) -> None:
    glossary = html_build.page("glossary.html").split("<article")[1]
    terms = re.findall(r'<dt id="glossary-[^"]*">([^<]*)</dt>', glossary)
    assert len(terms) >= 21 * 3
    assert terms == sorted(terms, key=str.lower)
    assert "Cron job" in terms and "API" in terms
    assert 'href="week2/day-09.html#term-Cron-job"' in glossary


def test_later_lessons_link_terms_to_their_definition(html_build: Build) -> None:
    day17 = html_build.page("week3/day-17.html")
    assert re.search(r'href="\.\./week2/day-09\.html#term-Cron-job"', day17)
