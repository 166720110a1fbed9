"""A plain Sphinx + furo course of the same size as the real one, with no project extension.

The bench builds it next to the real course so the project's own cost shows as a ratio. The
shape (pages, words per page, lines of example code) and the words themselves come from the
real course, dealt out again in a seeded shuffle: the search indexer, which stems every
distinct word, gets a vocabulary like the real one. Each lesson keeps its parts as plain
MyST and sphinx-design (admonitions, a glossary, a card), each week page lists its lessons,
and the home page, glossary and recap repeat what the lessons say, as the real ones do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
DIRECTIVE_LINE = re.compile(r"^\s*(:{3,}|:[\w-]+:)")

CONF = '''"""A plain Sphinx + furo course for the benchmark: no project extension."""
project = "Plain course"
author = "Bench"
extensions = ["myst_parser", "sphinx_design"]
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build"]
html_theme = "furo"
'''


@dataclass(frozen=True)
class PageShape:
    """What a page of the real course weighs: prose words and lines of example code."""

    docname: str
    title: str
    words: int  # all prose, the parts below included
    code_lines: int = 0
    terms: int = 4  # vocabulary terms, and the words of their definitions
    term_words: int = 100
    wrap_words: int = 45  # the wrap-up's three lines


@dataclass(frozen=True)
class CourseShape:
    lessons: tuple[PageShape, ...]  # in day order; docnames weekW/day-NN
    essay: PageShape
    week_words: int  # each week page's introduction


def prose_and_code(markdown: str) -> tuple[list[str], int]:
    """The words a reader reads (no front matter, code or directive syntax) and code lines."""
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1:]
    words: list[str] = []
    code_lines = 0
    fence: str | None = None  # the open fence's marker, while inside one
    counting = False  # inside an example (not a directive such as ```{toctree})
    for line in lines:
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1).startswith(fence) and not line.strip()[len(opened.group(1)):]:
                fence = None
            elif counting:
                code_lines += 1
            continue
        if opened:
            fence = opened.group(1)
            info = line.strip()[len(fence):].strip()
            counting = not info.startswith("{") or info.startswith(("{doctest}", "{code"))
            continue
        if DIRECTIVE_LINE.match(line):
            continue
        words.extend(WORD.findall(re.sub(r"\{\w+\}`([^`]*)`", r"Day \1", line)))
    return words, code_lines


def _block(markdown: str, directive: str) -> list[str]:
    """The lines inside the page's `:::{directive}` block."""
    match = re.search(rf"^:{{3,}}\{{{re.escape(directive)}\}}[^\n]*\n(.*?)^:{{3,}}\s*$", markdown,
                      re.MULTILINE | re.DOTALL)
    return match.group(1).splitlines() if match else []


def _parts(markdown: str) -> dict[str, int]:
    vocabulary = _block(markdown, "vocabulary")
    terms = [line for line in vocabulary if line.strip() and not line[0].isspace()]
    definitions = [line for line in vocabulary if line[:1].isspace()]
    return {
        "terms": len(terms),
        "term_words": sum(len(WORD.findall(line)) for line in definitions),
        "wrap_words": sum(len(WORD.findall(line)) for line in _block(markdown, "wrap-up")),
    }


def _front_matter_title(markdown: str, fallback: str) -> str:
    match = re.search(r"^title:\s*(.+)$", markdown.split("\n---", 2)[0], re.MULTILINE)
    return match.group(1).strip() if match else fallback


def measure_course(project: Path) -> tuple[CourseShape, list[str]]:
    """The real course's shape and the words it uses (every occurrence, in file order)."""
    pool: list[str] = []
    lessons: list[PageShape] = []
    for path in sorted(project.glob("week*/day-*.md")):
        text = path.read_text(encoding="utf-8")
        words, code = prose_and_code(text)
        pool += words
        docname = path.relative_to(project).with_suffix("").as_posix()
        lessons.append(PageShape(docname, _front_matter_title(text, docname), len(words), code,
                                 **_parts(text)))
    essay_path = project / "essay.md"
    essay_text = essay_path.read_text(encoding="utf-8") if essay_path.is_file() else ""
    essay_words, _ = prose_and_code(essay_text)
    pool += essay_words
    week_texts = [p.read_text(encoding="utf-8") for p in sorted(project.glob("week*/index.md"))]
    week_words = [len(prose_and_code(text)[0]) for text in week_texts]
    shape = CourseShape(
        lessons=tuple(lessons),
        essay=PageShape("essay", _front_matter_title(essay_text, "The founding essay"),
                        len(essay_words)),
        week_words=round(sum(week_words) / len(week_words)) if week_words else 100,
    )
    return shape, pool


class Words:
    """An endless, seeded deal of the pool's words."""

    def __init__(self, pool: Sequence[str], seed: int = 0) -> None:
        if not pool:
            raise ValueError("the word pool is empty (measure a course with some prose first)")
        self._pool = list(pool)
        self._random = random.Random(seed)
        self._deal: Iterator[str] = iter(())

    def take(self, count: int) -> list[str]:
        out: list[str] = []
        while len(out) < count:
            word = next(self._deal, None)
            if word is None:
                self._random.shuffle(self._pool)
                self._deal = iter(self._pool)
                continue
            out.append(word)
        return out

    def sentence(self, count: int) -> str:
        words = self.take(max(count, 1))
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def paragraph(self, count: int) -> str:
        sentences, left = [], count
        while left > 0:
            size = min(left, 17)
            sentences.append(self.sentence(size))
            left -= size
        return " ".join(sentences)


@dataclass(frozen=True)
class _Lesson:
    day: int
    week: int
    shape: PageShape
    question: str
    terms: tuple[tuple[str, str], ...]
    wrap: tuple[str, ...]


def _link(from_doc: str, to_doc: str, text: str) -> str:
    depth = from_doc.count("/")
    return f"[{text}]({'../' * depth}{to_doc}.md)"


def _code(lines: int) -> list[str]:
    """Doctest-like examples, at most 12 lines a block, as the lessons show them."""
    blocks, left, n = [], lines, 0
    while left > 0:
        size = min(left, 12)
        body = []
        for i in range(size):
            n += 1
            body.append(f">>> total_{n} = sum(range({n}))" if i % 2 == 0 else f"{n * (n - 1) // 2}")
        blocks += ["```pycon", *body, "```", ""]
        left -= size
    return blocks


def _lesson_page(lesson: _Lesson, lessons: Sequence[_Lesson], words: Words) -> str:
    doc = lesson.shape.docname
    by_day = {other.day: other for other in lessons}
    parts_words = sum(len(d.split()) + 1 for _, d in lesson.terms) + sum(len(w.split()) for w in lesson.wrap)
    body_words = max(lesson.shape.words - parts_words - 80, 60)
    earlier = by_day.get(lesson.day - 1)
    later = [by_day[d] for d in (lesson.day + 1, lesson.day + 3) if d in by_day]
    out = [f"# {lesson.shape.title}", "", f"*AI asks: {lesson.question}*", ""]
    opening = words.paragraph(50)
    if earlier:
        opening += " " + _link(doc, earlier.shape.docname, f"Day {earlier.day}") + " " + words.sentence(8)
    out += [opening, ""]
    sections = 3
    per_section = max((body_words - 50) // sections, 20)
    for number in range(sections):
        out += [f"## {words.sentence(4)[:-1]}", ""]
        left = per_section
        while left > 0:
            size = min(left, 70)
            out += [words.paragraph(size), ""]
            left -= size
        if number == 1:
            out += [f"- {words.sentence(10)}" for _ in range(3)] + [""]
            out += _code(lesson.shape.code_lines)
    out += [":::{admonition} Image wanted", words.paragraph(40), ":::", ""]
    out += [":::{glossary}"]
    for term, definition in lesson.terms:
        out += [term, f"   {definition}", ""]
    out += [":::", ""]
    out += [":::{admonition} Forward references"]
    out += [f"{_link(doc, other.shape.docname, f'Day {other.day}')} {words.sentence(8)}" for other in later]
    out += [] if later else [words.sentence(12)]
    out += [":::", ""]
    out += [f"::::{{card}} Day {lesson.day} wrap"]
    out += [f"- {line}" for line in lesson.wrap]
    out += ["::::", ""]
    following = by_day.get(lesson.day + 1)
    closing = words.sentence(10)
    if following:
        closing += " " + _link(doc, following.shape.docname, f"See you on Day {following.day}") + "."
    out += [closing, ""]
    return "\n".join(out)


def _week_page(week: int, lessons: Sequence[_Lesson], intro_words: int, words: Words) -> str:
    doc = f"week{week}/index"
    out = [f"# Week {week}", "", words.paragraph(max(intro_words, 20)), ""]
    for lesson in lessons:
        out += [f"- {_link(doc, lesson.shape.docname, f'Day {lesson.day}: {lesson.shape.title}')}"
                f" AI asks: {lesson.question}"]
    out += ["", "```{toctree}", ":hidden:", ":glob:", "", "day-*", "```", ""]
    return "\n".join(out)


def _index_page(lessons: Sequence[_Lesson], weeks: Sequence[int], words: Words) -> str:
    out = ["# Plain course", "", words.paragraph(60) + " " + _link("index", "essay", "The essay") + ".", ""]
    for week in weeks:
        out += [f"**{_link('index', f'week{week}/index', f'Week {week}')}**", "",
                "::::{grid} 1 2 3 3", ":gutter: 3", ""]
        for lesson in (lesson for lesson in lessons if lesson.week == week):
            out += [":::{grid-item-card}", f":link: {lesson.shape.docname}", ":link-type: doc", "",
                    f"Day {lesson.day}", "", f"**{lesson.shape.title}**", "",
                    f"AI asks: {lesson.question}", ":::", ""]
        out += ["::::", ""]
    out += ["```{toctree}", ":hidden:", "", "essay", *(f"week{week}/index" for week in weeks),
            "recap", "glossary", "```", ""]
    return "\n".join(out)


def _glossary_page(lessons: Sequence[_Lesson], words: Words) -> str:
    out = ["# Glossary", "", words.paragraph(30), ""]
    entries = [(term, definition, lesson) for lesson in lessons for term, definition in lesson.terms]
    for term, definition, lesson in sorted(entries, key=lambda entry: entry[0].lower()):
        where = _link("glossary", lesson.shape.docname, f"Day {lesson.day}: {lesson.shape.title}")
        out += [term, f": {definition} Introduced on {where}.", ""]
    return "\n".join(out)


def _recap_page(lessons: Sequence[_Lesson], words: Words) -> str:
    out = ["# Recap", "", words.paragraph(40), ""]
    for lesson in lessons:
        out += [f"**Day {lesson.day}: {_link('recap', lesson.shape.docname, lesson.shape.title)}**", "",
                f"AI asks: {lesson.question}", ""]
        out += [f"- {line}" for line in lesson.wrap] + [""]
    return "\n".join(out)


def _essay_page(shape: PageShape, words: Words) -> str:
    out = [f"# {shape.title}", ""]
    left, section = max(shape.words, 40), 0
    while left > 0:
        if section and section % 8 == 0:
            out += [f"## {words.sentence(3)[:-1]}", ""]
        size = min(left, 90)
        out += [words.paragraph(size), ""]
        left -= size
        section += 1
    return "\n".join(out)


def _week_of(docname: str) -> int:
    match = re.match(r"week(\d+)/", docname)
    if not match:
        raise ValueError(f"{docname}: a lesson's docname is weekW/day-NN (rename the page)")
    return int(match.group(1))


def write_plain_course(folder: Path, shape: CourseShape, pool: Sequence[str], seed: int = 0) -> list[Path]:
    """Write the plain course into `folder`; returns the files written, conf.py first."""
    words = Words(pool, seed)
    lessons: list[_Lesson] = []
    for day, page in enumerate(shape.lessons, start=1):
        per_term = max(page.term_words // max(page.terms, 1), 1)
        terms = tuple((f"{words.sentence(1)[:-1]} {day}{chr(ord('a') + k)}", words.paragraph(per_term))
                      for k in range(page.terms))
        wrap = tuple(words.paragraph(max(page.wrap_words // 3, 1)) for _ in range(3))
        lessons.append(_Lesson(day, _week_of(page.docname), page, words.sentence(7)[:-1] + "?",
                               terms, wrap))
    weeks = sorted({lesson.week for lesson in lessons})
    pages: dict[str, str] = {"conf.py": CONF}
    for lesson in lessons:
        pages[f"{lesson.shape.docname}.md"] = _lesson_page(lesson, lessons, words)
    for week in weeks:
        pages[f"week{week}/index.md"] = _week_page(
            week, [lesson for lesson in lessons if lesson.week == week], shape.week_words, words)
    pages["essay.md"] = _essay_page(shape.essay, words)
    pages["glossary.md"] = _glossary_page(lessons, words)
    pages["recap.md"] = _recap_page(lessons, words)
    pages["index.md"] = _index_page(lessons, weeks, words)
    written: list[Path] = []
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
