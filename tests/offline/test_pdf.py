"""`make pdf`: a real book, every day in order, lesson parts set for print, links that work."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.offline.conftest import PDFEdition, book_facts, lessons

pytestmark = pytest.mark.slow

#: The wrap-up's three labels, as the course defines them (outline, "Lesson anatomy").
WRAP_UP_LABELS = ("The thing you can now say plainly.", "The thing you can now do.",
                  "The guardrail to remember.")


def plain(text: str) -> str:
    """Typographic quotes and line breaks as plain text, for comparing titles."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'")
                    .replace("\u201c", '"').replace("\u201d", '"').split())


def pdf_language(pdf: Path) -> list[bytes]:
    """The catalog's /Lang entries (xdvipdfmx may put the catalog in a compressed stream)."""
    data = pdf.read_bytes()
    found = re.findall(rb"/Lang\s*\(([^)]*)\)", data)
    for stream in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", stream.end())
        try:
            found += re.findall(rb"/Lang\s*\(([^)]*)\)", zlib.decompress(data[stream.end():end]))
        except zlib.error:
            continue
    return found


def test_title_author_and_language_are_set(pdf_edition: PDFEdition) -> None:
    facts = book_facts()
    info = pdf_edition.info()
    assert info["Title"].strip() == facts["project"]
    assert info["Author"].strip() == facts["author"]
    assert pdf_language(pdf_edition.pdf) == [facts["language"].encode()]
    title_page = plain(pdf_edition.text("-f", "1", "-l", "1"))
    assert facts["project"] in title_page and facts["author"] in title_page


def page_title(name: str) -> str:
    """A page's title as its source gives it: front matter `title`, else its first heading."""
    text = (ROOT / f"{name}.md").read_text(encoding="utf-8")
    if text.startswith("---"):
        front = yaml.safe_load(text.split("---")[1]) or {}
        if "title" in front:
            return front["title"]
    return next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))


def test_the_book_has_front_matter_a_part_per_week_a_chapter_per_day_and_back_matter(
        pdf_edition: PDFEdition) -> None:
    facts = book_facts()
    heads = [(kind, plain(title)) for kind, title in re.findall(
        r"^\\(mainmatter|backmatter|part|chapter)\{?([^}\n]*)", pdf_edition.tex, re.M)]
    expected = [("chapter", page_title("essay")), ("mainmatter", "")]
    for number, title in facts["course_weeks"].items():
        expected.append(("part", f"Week {number} · {title}"))
        expected += [("chapter", plain(lesson["title"])) for lesson in lessons()
                     if lesson["week"] == number]
    expected += [("backmatter", ""), ("chapter", page_title("recap")),
                 ("chapter", page_title("glossary"))]
    assert heads == expected
    # The contents page opens the front matter (roman page numbers until Week 1).
    assert r"\CourseContents" in pdf_edition.tex


def test_the_contents_list_weeks_and_days_in_order(pdf_edition: PDFEdition) -> None:
    facts = book_facts()
    contents = plain(pdf_edition.text("-f", "2", "-l", "4"))
    contents = contents[contents.index("Contents"):]
    position = 0
    for number, title in facts["course_weeks"].items():
        position = contents.index(f"Week {number} · {title}", position)
        for lesson in (lesson for lesson in lessons() if lesson["week"] == number):
            position = contents.index(f"Day {lesson['day']} {plain(lesson['title'])}", position)
    assert contents.index("Glossary") > position


def test_every_day_of_21_in_order(pdf_edition: PDFEdition) -> None:
    days = book_facts()["course_days"]
    found = re.findall(r"Day (\d+) of (\d+)", pdf_edition.text())
    assert found == [(str(day), str(days)) for day in range(1, days + 1)]


def test_every_wrap_up_has_its_three_labels(pdf_edition: PDFEdition) -> None:
    text = plain(pdf_edition.text())
    for label in WRAP_UP_LABELS:
        assert text.count(label) >= len(lessons()), label


def test_no_link_text_leaks_into_the_pdf(pdf_edition: PDFEdition) -> None:
    """Link targets never show: no page names, no web addresses of the site's own pages."""
    text = pdf_edition.text()
    leaks = re.findall(r"\bweek\d+/[\w-]+|\b[\w-]+\.x?html\b|\bsd-[a-z-]+", text)
    assert leaks == []


def test_every_day_link_is_a_working_link_in_the_book(pdf_edition: PDFEdition) -> None:
    targets = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]\{\\sphinxcrossref\{"
                         r"\\DUrole\{xref\}\{\\DUrole\{course\}\{\\DUrole\{course-day\}\{[^}]*",
                         pdf_edition.tex)
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", pdf_edition.tex))
    assert len(targets) > len(lessons())  # the book is full of them
    assert sorted(set(targets) - labels) == []
    assert "undefined" not in " ".join(line for line in pdf_edition.log.splitlines()
                                       if "reference" in line.lower())


def test_no_missing_characters(pdf_edition: PDFEdition) -> None:
    missing = [line for line in pdf_edition.log.splitlines() if "Missing character" in line]
    assert missing == []


def test_code_is_highlighted(pdf_edition: PDFEdition) -> None:
    assert r"\PYG{k}{def}" in pdf_edition.tex


def test_lesson_parts_are_set_for_print(pdf_edition: PDFEdition) -> None:
    tex = pdf_edition.tex
    day9 = tex[tex.index(r"\CourseLessonTop{9}"):tex.index(r"\CourseLessonTop{10}")]
    assert r"{Day 9 of 21}{Where should this logic run?}" in day9
    assert day9.index(r"\CourseLessonTop{9}") < day9.index(r"\chapter{")  # opening above title
    assert r"\begin{coursepart}{vocabulary}{A vocabulary sweep}" in day9
    assert r"\begin{description}" in day9  # the sweep is a definition list
    assert r"\begin{coursepart}{forward}{Forward references}" in day9
    assert r"\begin{coursepart}{wrapup}{Day 9 wrap}" in day9
    labels = re.findall(r"\\begin\{coursewrapuppart\}\{([^}]*)\}", day9)
    assert tuple(labels) == WRAP_UP_LABELS
    assert r"\begin{coursesignoff}" in day9
    figure = day9[day9.index(r"\begin{figure}"):day9.index(r"\end{figure}")]
    assert "day-09-iceberg" in figure and r"\caption{" in figure


# -- A well-made book: its outline, its pages, its pictures, and no production notes ----------
def outline(pdf: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), in order."""
    from pypdf import PdfReader

    found: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))
    walk(PdfReader(str(pdf)).outline, 0)
    return found


def test_contents_recap_and_glossary_are_top_level_bookmarks(pdf_edition: PDFEdition) -> None:
    top = [title for depth, title in outline(pdf_edition.pdf) if depth == 0]
    weeks = [f"Week {n} · {title}" for n, title in book_facts()["course_weeks"].items()]
    assert top == ["Contents", "The founding essay", *weeks,
                   "Recap: 21 questions, 21 answers", "Glossary"], top


def test_no_page_is_blank_or_holds_only_a_sign_off(pdf_edition: PDFEdition) -> None:
    pages = int(pdf_edition.info()["Pages"])
    for page in range(3, pages + 1):  # after the title page and its back
        words = pdf_edition.text("-f", str(page), "-l", str(page)).split()
        assert len(words) >= 40, f"page {page} holds only: {' '.join(words)}"


def test_day_and_its_number_never_part(pdf_edition: PDFEdition) -> None:
    assert not re.search(r"\bDay\n\s*\d", pdf_edition.text())
    assert not re.search(r"course-day\}\{Day \d", pdf_edition.tex), "a {day} link has a breakable space"


def test_no_code_line_is_wrapped(pdf_edition: PDFEdition) -> None:
    assert "\u21aa" not in pdf_edition.text(), "a code line was wrapped with a continuation mark"


def test_every_lesson_has_its_vector_picture_and_caption(pdf_edition: PDFEdition) -> None:
    text = plain(pdf_edition.text())
    for path in sorted(ROOT.glob("week*/day-*.md")):
        source = path.read_text(encoding="utf-8")
        stem = re.search(r"^:::\{image-slot\} /images/(\S+)\.\*", source, re.M).group(1)
        caption = re.search(r"^:caption: (.+)$", source, re.M).group(1)
        assert re.search(rf"\\sphinxincludegraphics[^{{]*\{{\{{{re.escape(stem)}\}}\.pdf\}}",
                         pdf_edition.tex), f"{stem}: no vector picture"
        assert plain(caption.replace("`", "")) in text, f"{path.name}: its caption is missing"


def test_the_reader_edition_has_no_production_notes(pdf_edition: PDFEdition) -> None:
    text = pdf_edition.text()
    for note in ("Draft", "Image wanted", "Save it as", "images/day-", "Image brief",
                 "Sources (authors", "Added by the project"):
        assert note not in text, note
    drafts = sum(1 for lesson in lessons() if lesson["status"] == "draft")
    if drafts:
        assert f"Preview edition: {drafts} of 21 lessons" in plain(
            pdf_edition.text("-f", "2", "-l", "2"))
