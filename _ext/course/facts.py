"""Lesson facts from front matter: read once, checked, and shared by every other module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

STATUSES = ("draft", "published")
LESSON_KEYS = ("day", "week", "title", "question", "status")


@dataclass(frozen=True)
class Lesson:
    docname: str
    day: int
    week: int
    title: str
    question: str
    status: str

    @property
    def label(self) -> str:
        return f"Day {self.day}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with a page, in an author's words, and the line it is on."""

    line: int
    message: str


def week_of(day: int, config: Config) -> int:
    per_week = config.course_days // len(config.course_weeks)
    return (day - 1) // per_week + 1


def key_line(env: BuildEnvironment, docname: str, key: str) -> int:
    """The line of `key:` in the page's front matter (1 when it is not there)."""
    try:
        lines = Path(env.doc2path(docname)).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    if not lines or lines[0].strip() != "---":
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return 1


def _whole_number(value: object) -> int | None:
    text = str(value).strip()
    return int(text) if re.fullmatch(r"\d{1,3}", text) else None


def read_lesson(
    env: BuildEnvironment, docname: str, meta: dict[str, object]
) -> tuple[Lesson | None, list[Problem]]:
    """Check a lesson's front matter; return the lesson when it is complete and well typed."""
    config = env.config
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(key_line(env, docname, key), message))

    missing = [key for key in LESSON_KEYS if not str(meta.get(key, "")).strip()]
    for key in missing:
        problem("day", f"the front matter has no `{key}:` (every lesson needs {', '.join(LESSON_KEYS)})")

    day = _whole_number(meta.get("day", ""))
    if "day" not in missing and (day is None or not 1 <= day <= config.course_days):
        problem("day", f"`day: {meta['day']}` is not a day of the course "
                       f"(write a whole number from 1 to {config.course_days})")
        day = None
    week = _whole_number(meta.get("week", ""))
    if "week" not in missing and week not in config.course_weeks:
        problem("week", f"`week: {meta['week']}` is not a week of the course "
                        f"(write one of {', '.join(map(str, config.course_weeks))})")
        week = None
    if day is not None and week is not None and week_of(day, config) != week:
        problem("week", f"Day {day} belongs to week {week_of(day, config)}, not week {week} "
                        f"(write `week: {week_of(day, config)}`)")
    if week is not None and not docname.startswith(f"week{week}/"):
        problem("week", f"a week {week} lesson belongs in the folder week{week}/ "
                        f"(move this file there)")
    status = str(meta.get("status", "")).strip()
    if "status" not in missing and status not in STATUSES:
        problem("status", f"`status: {status}` is not a status "
                          f"(write `status: draft` or `status: published`)")
    question = str(meta.get("question", "")).strip()
    if "question" not in missing and not question.endswith("?"):
        problem("question", "the question should end with a question mark "
                            "(it is what AI asks the reader)")

    if problems or day is None or week is None:
        return None, problems
    return Lesson(docname, day, week, str(meta["title"]).strip(), question, status), []
