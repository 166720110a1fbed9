"""The real book: strict build, doctests, Day 9 as published, the course map."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Build

SEED_CHECK = ROOT.parent / "shared" / "tools" / "seed_fidelity.py"
LESSONS = sorted(ROOT.glob("week*/day-*.md"))


def test_the_book_has_21_lessons_in_three_weeks() -> None:
    assert [path.parent.name for path in LESSONS] == ["week1"] * 7 + ["week2"] * 7 + ["week3"] * 7


def test_doctests_pass_and_cover_the_course(doctest_build: Build) -> None:
    assert doctest_build.returncode == 0, doctest_build.output[-3000:]
    summary = re.search(r"(\d+) tests\s+(\d+) failures in tests", doctest_build.output)
    assert summary, doctest_build.output[-2000:]
    tests, failures = map(int, summary.groups())
    assert failures == 0
    assert tests >= 40
    with_examples = [p for p in LESSONS if "```{doctest}" in p.read_text(encoding="utf-8")]
    assert len(with_examples) >= 9


def test_day9_has_every_part(html_build: Build) -> None:
    page = html_build.page("week2/day-09.html")
    assert "Week 2 · The Layers · by Shivali &amp; Girish" in page
    assert "Day 9 of 21" in page
    assert "<h1>Backend, where the real work happens" in page
    assert re.search(r"<strong>AI asks:</strong> Where should this logic run\?", page)
    for label in ("The thing you can now say plainly.", "The thing you can now do.",
                  "The guardrail to remember.", "Day 9 wrap", "A vocabulary sweep",
                  "Forward references"):
        assert label in page
    image = re.search(r'<img [^>]*src="[^"]*day-09-iceberg\.svg"[^>]*>', page)
    assert image, "Day 9 shows its iceberg"
    alt = re.search(r'alt="([^"]*)"', image.group(0)).group(1)
    for step in ("auth check", "rate limit check", "database read", "business logic",
                 "database write", "queueing a notification", "logging the event",
                 "returning a response", "the button you clicked"):
        assert step in alt
    assert "Draft" not in page.split("<article")[1], "Day 9 is published"


def test_day9_links_every_day_it_mentions(html_build: Build) -> None:
    page = html_build.page("week2/day-09.html").split("<article")[1]
    for day in (3, 10, 11, 12, 16):
        assert re.search(rf'<a [^>]*href="[^"]*day-{day:02d}\.html(#[^"]*)?"[^>]*>.*?Day\s{day}\b', page), day
    assert re.search(r'<a [^>]*href="\.\./essay\.html"[^>]*>.*?the founding essay', page)


@pytest.mark.skipif(not SEED_CHECK.exists(), reason="../shared/tools/seed_fidelity.py is not here")
def test_day9_publishes_every_seed_sentence(html_build: Build) -> None:
    done = subprocess.run([sys.executable, str(SEED_CHECK), str(html_build.outdir)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_course_map_shows_21_lessons_and_the_essay(html_build: Build) -> None:
    home = html_build.page("index.html").split("<article")[1]
    cards = re.findall(r'class="sd-card [^"]*course-day-card course-day-(\d+)', home)
    assert [int(day) for day in cards] == list(range(1, 22))
    assert 'href="essay.html"' in home
    assert "AI asks: Where should this logic run?" in home
    for week in (1, 2, 3):
        week_page = html_build.page(f"week{week}/index.html")
        assert week_page.count("course-day-card") == 7


def test_no_page_is_left_unwritten(html_build: Build) -> None:
    for page in html_build.outdir.rglob("*.html"):
        assert "not written yet" not in page.read_text(encoding="utf-8"), page
