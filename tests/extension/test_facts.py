"""The course's facts, as pure functions: a lesson's labels, page kinds, conf.py's checks."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sphinx.errors import ConfigError

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
from course.facts import (Lesson, check_config, in_week_folder, lesson_source,  # noqa: E402
                          page_kind, source_lines, week_heading, week_of)

CONFIG: Any = SimpleNamespace(course_days=21, author="Shivali & Girish",
                              course_weeks={1: "The Foundations", 2: "The Layers", 3: "The Launch"})
DAY_9 = Lesson("week2/day-09", 9, 2, "Backend", "Where should this logic run?", "published")


def test_a_lesson_says_its_own_labels() -> None:
    assert DAY_9.label == "Day 9"
    assert DAY_9.position(CONFIG) == "Day 9 of 21"
    assert DAY_9.kicker(CONFIG) == "Week 2 · The Layers · by Shivali & Girish"
    assert DAY_9.asks == "AI asks: Where should this logic run?"
    assert not DAY_9.is_draft


def test_weeks_and_where_lessons_live() -> None:
    assert [week_of(day, CONFIG) for day in (1, 7, 8, 14, 15, 21)] == [1, 1, 2, 2, 3, 3]
    assert week_heading(3, CONFIG.course_weeks) == "Week 3 · The Launch"
    assert lesson_source(9, 2) == "week2/day-09.md"
    assert in_week_folder("week2/notes", CONFIG) and not in_week_folder("week2/index", CONFIG)


@pytest.mark.parametrize(("docname", "meta", "kind"), [
    ("week2/day-09", {"day": 9}, "lesson"),
    ("week2/day-09", {}, "lesson"),          # named like one: its missing `day:` is reported
    ("week2/index", {"week": 2}, "week"),
    ("essay", {"status": "draft"}, "preface"),
    ("glossary", {}, "other"),
])
def test_page_kinds(docname: str, meta: dict[str, object], kind: str) -> None:
    assert page_kind(docname, meta) == kind


@pytest.mark.parametrize(("days", "weeks", "words"), [
    (21, {1: "a", 2: "b", 4: "c"}, "1 to 3"),
    (20, {1: "a", 2: "b", 3: "c"}, "3 weeks of equal length"),
])
def test_a_course_that_is_not_whole_weeks_stops_at_load(days: int, weeks: dict[int, str],
                                                       words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        check_config(None, SimpleNamespace(course_days=days, course_weeks=weeks))  # type: ignore[arg-type]


def test_a_source_is_read_once_per_version_and_its_edits_are_seen(tmp_path: Path) -> None:
    page = tmp_path / "day-01.md"
    page.write_text("\ufeff---\nday: 1\n---\n", encoding="utf-8")
    first = source_lines(page)
    assert first == ("---", "day: 1", "---")  # the BOM is not part of the first line
    assert source_lines(page) is first  # the same read, not a second one
    page.write_text("---\nday: 12\n---\n", encoding="utf-8")
    assert source_lines(page) == ("---", "day: 12", "---")
