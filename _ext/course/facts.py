"""Course facts: lessons from front matter, the course's shape from conf.py, and where pages live.

Every other module derives its words and paths from here: a lesson's labels ("Day 9",
"Day 9 of 21", its kicker, "AI asks: ..."), a week's heading, the week{N}/ folders, and which
kind of page a page is. `check_config` checks conf.py's course facts when it loads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, Mapping

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

STATUSES = ("draft", "published")
LESSON_KEYS = ("day", "week", "title", "question", "status")
#: Keys a lesson may have besides those: for the authors' review (editions.py).
REVIEW_KEYS = ("sources", "project_text")
#: Markup has no place in a title: it is shown as plain words everywhere (and never as HTML).
TITLE_MARKUP = re.compile(r"[<>`*_\[\]{}|\\]")
#: The draft badge's word, on the web, in the ePub and on paper.
DRAFT = "Draft"


# -- The course's shape (conf.py) ----------------------------------------------------------
def days_per_week(config: Config) -> int:
    return int(config.course_days) // len(config.course_weeks)


def week_of(day: int, config: Config) -> int:
    return (day - 1) // days_per_week(config) + 1


def week_heading(week: int, titles: Mapping[int, str]) -> str:
    """A week's title, on its page, the course map and the cover: "Week 2 · The Layers"."""
    return f"Week {week} · {titles[week]}"


def check_config(app: Sphinx, config: Config) -> None:
    """conf.py's course facts, checked when they load: weeks 1..N, each the same number of days."""
    weeks, days = config.course_weeks, config.course_days
    if sorted(weeks) != list(range(1, len(weeks) + 1)):
        raise ConfigError(f"course_weeks must number its weeks 1 to {len(weeks) or 'N'}, "
                          f"in conf.py (found {sorted(weeks)})")
    if days < 1 or days % len(weeks):
        raise ConfigError(f"course_days ({days}) must split into {len(weeks)} weeks of equal "
                          "length (course_days and course_weeks in conf.py)")


# -- Where pages live ------------------------------------------------------------------------
def week_folder(week: int) -> str:
    """A week's lessons and its page live in week{N}/."""
    return f"week{week}"


def week_page(week: int) -> str:
    return f"{week_folder(week)}/index"


def lesson_source(day: int, week: int) -> str:
    """Where the lesson of `day` is written, as a path from the book's root."""
    return f"{week_folder(week)}/day-{day:02d}.md"


PageKind = Literal["lesson", "week", "preface", "other"]


def page_kind(docname: str, meta: Mapping[str, object]) -> PageKind:
    """What a page is, from its name and front matter, before it is read.

    lesson: has `day:` or is named day-NN; week: an index page with `week:`; preface: front
    matter with a `status:` but no day or week (the founding essay).
    """
    name = docname.rpartition("/")[2]
    if "day" in meta or name.startswith("day-"):
        return "lesson"
    if "week" in meta:
        return "week" if name == "index" else "other"
    return "preface" if "status" in meta else "other"


def in_week_folder(docname: str, config: Config) -> bool:
    """A page of a week folder other than the week's own page: only lessons belong there."""
    folder = docname.partition("/")[0]
    return (folder in {week_folder(week) for week in config.course_weeks}
            and not docname.endswith("/index"))


@dataclass(frozen=True)
class Lesson:
    docname: str
    day: int
    week: int
    title: str
    question: str
    status: str

    #: What the question is introduced by, wherever it is shown.
    ASKS: ClassVar[str] = "AI asks:"

    @property
    def label(self) -> str:
        """How readers name a lesson: "Day 9"."""
        return day_label(self.day)

    @property
    def asks(self) -> str:
        """The question as readers see it: "AI asks: Where should this logic run?"."""
        return f"{self.ASKS} {self.question}"

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def position(self, config: Config) -> str:
        """Where the lesson stands in the course: "Day 9 of 21"."""
        return f"{self.label} of {config.course_days}"

    def kicker(self, config: Config) -> str:
        """The line above the lesson's title: "Week 2 · The Layers · by Shivali & Girish"."""
        return f"{week_heading(self.week, config.course_weeks)} · {byline(config)}"


def day_label(day: int | str) -> str:
    """A day's name, also before its lesson is read (a link, a wrap-up's title): "Day 9"."""
    return f"Day {day}"


def byline(config: Config) -> str:
    return f"by {config.author}"


def load_yaml(text: str) -> object:
    """YAML as the course reads it: safe, and with libyaml when PyYAML has it (its wheels
    bundle it; the pure-Python loader is many times slower). Raises yaml.YAMLError."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def source_lines(path: Path | str) -> tuple[str, ...]:
    """A source file's lines as its author wrote them (a BOM left out).

    The front matter, the source checks, the character check and the glossary's term lines
    all read the page; it is read from disk once per version of the file (its modification
    time and size), so `make serve` sees each edit. Raises OSError, UnicodeDecodeError.
    """
    stat = os.stat(path)
    return _read_lines(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8-sig").splitlines())


@dataclass(frozen=True)
class Problem:
    """Something wrong with a page, in an author's words, and the line it is on."""

    line: int
    message: str


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter as its author wrote it: its lines, where it ends, its keys.

    MyST has parsed it into env.metadata already; this is for what the metadata cannot say
    (the line of each key, keys MyST takes away such as `myst:`, where a YAML mistake is).
    """

    lines: tuple[str, ...]  # the page's lines
    end: int | None  # the line of the closing ---; None when the page has no front matter
    keys: Mapping[str, int]  # top-level key -> its line

    @classmethod
    def of(cls, env: BuildEnvironment, docname: str) -> FrontMatter:
        try:
            lines = source_lines(env.doc2path(docname))
        except (OSError, UnicodeDecodeError):
            return cls((), None, {})
        if not lines or lines[0].strip() != "---":
            return cls(lines, None, {})
        end = next((n for n, line in enumerate(lines[1:], 2) if line.strip() == "---"), None)
        keys: dict[str, int] = {}
        for number, line in enumerate(lines[1:(end or len(lines) + 1) - 1], start=2):
            if match := re.match(r"([A-Za-z_][\w-]*)\s*:", line):
                keys.setdefault(match.group(1), number)
        return cls(lines, end, keys)

    @property
    def starts(self) -> bool:
        """The page begins with a --- line (whether or not it is ever closed)."""
        return bool(self.lines) and self.lines[0].strip() == "---"

    def line_of(self, key: str) -> int:
        """The line of `key:` (1 when it is not there)."""
        return self.keys.get(key, 1)

    def data(self) -> object:
        """The YAML (`load_yaml`). Raises yaml.YAMLError."""
        return load_yaml("\n".join(self.lines[1:(self.end or 1) - 1]))

    def error(self) -> Problem | None:
        """The front matter's YAML mistake, at its own line, or None when it reads."""
        import yaml

        if not self.starts:
            return None
        if self.end is None:
            return Problem(1, "the front matter never ends (close it with a line of ---)")
        try:
            self.data()
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = 2 + mark.line if mark is not None else 1
            what = getattr(error, "problem", None) or "it is not valid YAML"
            return Problem(line, f"the front matter cannot be read here: {what} (write `key: "
                                 "value`; put a value with `:`, `#`, `?` or quotes inside "
                                 "\"double quotes\")")
        return None

    def title(self) -> str:
        """`title:` as written, or "" when there is none that reads."""
        import yaml

        if self.end is None or "title" not in self.keys:
            return ""
        try:
            data = self.data()
        except yaml.YAMLError:
            return ""
        title = data.get("title") if isinstance(data, dict) else None
        return str(title).strip() if title is not None else ""


def day_of_file(docname: str) -> int | None:
    """The day a lesson's file is named for (week2/day-09 -> 9), before it is read."""
    match = re.fullmatch(r"day-(\d{1,3})", docname.rpartition("/")[2])
    return int(match.group(1)) if match else None


def _whole_number(value: object) -> int | None:
    text = str(value).strip()
    return int(text) if re.fullmatch(r"\d{1,3}", text) else None


def read_lesson(
    env: BuildEnvironment, docname: str, meta: dict[str, object]
) -> tuple[Lesson | None, list[Problem]]:
    """Check a lesson's front matter; return the lesson when it is complete and well typed."""
    config = env.config
    problems: list[Problem] = []

    written = FrontMatter.of(env, docname)

    def problem(key: str, message: str) -> None:
        problems.append(Problem(written.line_of(key), message))

    blank = [key for key in LESSON_KEYS if str(meta.get(key, "")).strip() in ("", "null", "None")]
    # One mistake, one line: front matter that cannot be read is that mistake, not five keys.
    # (Only worth asking when MyST's reading left a key blank: the YAML is parsed again.)
    if blank and (unreadable := written.error()):
        return None, [unreadable]
    if written.end is None:
        return None, [Problem(1, "this lesson has no front matter (begin the file with a line "
                                 f"of ---, then {', '.join(f'`{k}:`' for k in LESSON_KEYS)} "
                                 "one per line, then ---; see CONTRIBUTING.md)")]

    missing = [key for key in blank if key not in written.keys]
    for key in blank:
        if key in written.keys:  # `title:` with nothing after it
            problem(key, f"`{key}:` is empty (write the lesson's {key} after it)")
    if missing:  # at the closing ---, where the keys go; all of them in one line
        named = " or ".join(f"`{key}:`" for key in missing)
        problems.append(Problem(written.end, f"the front matter has no {named} (add "
                                f"{'it' if len(missing) == 1 else 'them'} before this line; "
                                f"every lesson needs {', '.join(LESSON_KEYS)})"))

    day = _whole_number(meta.get("day", ""))
    if "day" not in blank and (day is None or not 1 <= day <= config.course_days):
        problem("day", f"`day: {meta['day']}` is not a day of the course "
                       f"(write a whole number from 1 to {config.course_days})")
        day = None
    week = _whole_number(meta.get("week", ""))
    if "week" not in blank and week not in config.course_weeks:
        problem("week", f"`week: {meta['week']}` is not a week of the course "
                        f"(write one of {', '.join(map(str, config.course_weeks))})")
        week = None
    if day is not None and week is not None and week_of(day, config) != week:
        problem("week", f"Day {day} belongs to week {week_of(day, config)}, not week {week} "
                        f"(write `week: {week_of(day, config)}`)")
    elif week is not None and not docname.startswith(f"{week_folder(week)}/"):
        problem("week", f"a week {week} lesson belongs in the folder {week_folder(week)}/ "
                        f"(move this file there)")
    status = str(meta.get("status", "")).strip()
    if "status" not in blank and status not in STATUSES:
        problem("status", f"`status: {status}` is not a status "
                          f"(write `status: draft` or `status: published`)")
    question = str(meta.get("question", "")).strip()
    if "question" not in blank and not question.endswith("?"):
        problem("question", "the question should end with a question mark "
                            "(it is what AI asks the reader)")
    elif "question" not in blank and not re.search(r"\w{2,}", question):
        problem("question", f"`question: {question}` has no words (write what the AI asks)")
    title = str(meta.get("title", "")).strip()
    if "title" not in blank and (markup := TITLE_MARKUP.search(title)):
        problem("title", "the title is plain words, one line, no markup or HTML "
                         f"(found {markup.group(0)!r}: remove it)")
    unknown = [key for key in written.keys if key not in (*LESSON_KEYS, *REVIEW_KEYS)]
    for key in unknown:
        problem(key, f"`{key}:` is not a front-matter key of a lesson (the keys are "
                     f"{', '.join((*LESSON_KEYS, *REVIEW_KEYS))})")
    # (A second file for a day, "day-01-again.md", gets the duplicate-day message instead.)
    if day is not None and not docname.rpartition("/")[2].startswith(f"day-{day:02d}"):
        problem("day", f"Day {day}'s file must be named day-{day:02d}.md (rename this file, so "
                       "the lessons stay in course order everywhere)")

    if problems or day is None or week is None:
        return None, problems
    return Lesson(docname, day, week, str(meta["title"]).strip(), question, status), []
