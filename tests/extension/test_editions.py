"""The reader edition (default) shows no production notes; the authors' preview shows them all.

Builds run in this process (tests/conftest.py, sphinx_in_process), but for the -D mistake.

Also the illustration as readers get it (a `<picture>` with a phone layout, a caption) and
promises as section links, on the two-day mini course.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import sphinx_build, sphinx_in_process
from tests.extension.minibook import lesson, write_minibook

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text y="9">x</text></svg>'
SOURCES = "sources:\n  - claim: A claim the lesson makes\n    url: https://example.org/doc\n"
PREVIEW = {"course_edition": "preview"}


def with_sources(text: str) -> str:
    return text.replace("status: draft\n", "status: draft\n" + SOURCES, 1)


def test_reader_edition_shows_no_production_notes(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "week1" / "day-01.md").write_text(with_sources(lesson(1, 1, next_day=2)), "utf-8")
    result = sphinx_in_process(book, book / "_build" / "html")
    assert result.returncode == 0, result.output
    pages = [result.page(name) for name in ("index.html", "week1/day-01.html",
                                             "week2/day-02.html", "week1/index.html")]
    for page in pages:
        for note in ("Draft", "Image wanted", "Draw something", "/images/day-0",
                     "A claim the lesson makes", "authors' preview"):
            assert note not in page, note
    assert "Preview edition: 2 of 2 lessons await the authors’ review." in pages[0] or \
        "Preview edition: 2 of 2 lessons await the authors' review." in pages[0]


def test_preview_shows_drafts_briefs_and_sources(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "week1" / "day-01.md").write_text(with_sources(lesson(1, 1, next_day=2)), "utf-8")
    result = sphinx_in_process(book, book / "_build" / "preview", "html", PREVIEW)
    assert result.returncode == 0, result.output
    page = result.page("week1/day-01.html")
    for note in ("Draft", "Image wanted", "Draw something", "/images/day-01.svg",
                 "A claim the lesson makes", "https://example.org/doc"):
        assert note in page, note
    assert "Preview edition" not in result.page("index.html")


def test_illustration_is_a_picture_with_caption_and_phone_layout(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "images").mkdir()
    for name in ("day-01.svg", "day-01-narrow.svg"):
        (book / "images" / name).write_text(SVG, encoding="utf-8")
    reader = sphinx_in_process(book, book / "_build" / "html")
    assert reader.returncode == 0, reader.output
    page = reader.page("week1/day-01.html")
    assert '<picture><source media="(max-width: 40em)" srcset="../_images/day-01-narrow.svg"' in page
    assert 'src="../_images/day-01.svg"' in page and "Day 1 in a picture." in page
    assert "Draw something" not in page
    preview = sphinx_in_process(book, book / "_build" / "preview", "html", PREVIEW)
    assert "Image brief" in preview.page("week1/day-01.html")
    text = sphinx_in_process(book, book / "_build" / "text", "text")
    assert text.returncode == 0, text.output
    assert "Day 1 in a picture." in text.page("week1/day-01.txt")


def test_published_lesson_without_its_picture_fails(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "week1" / "day-01.md").write_text(
        lesson(1, 1, next_day=2, status="published"), encoding="utf-8")
    result = sphinx_in_process(book, book / "_build" / "html")
    assert result.returncode == 1
    warnings = [line for line in result.output.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings
    assert "week1/day-01.md:15: WARNING: the picture /images/day-01.svg does not exist" in warnings[0]


def test_promise_links_to_a_section_and_a_missing_one_fails(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    day1 = book / "week1" / "day-01.md"
    day1.write_text(lesson(1, 1, body="\n{day}`2#a-section` keeps it.\n"), encoding="utf-8")
    good = sphinx_in_process(book, book / "_build" / "html")
    assert good.returncode == 0, good.output
    assert 'href="../week2/day-02.html#a-section"' in good.page("week1/day-01.html")
    day1.write_text(lesson(1, 1, body="\n{day}`2#no-such` keeps it.\n"), encoding="utf-8")
    bad = sphinx_in_process(book, book / "_build" / "html")
    warnings = [line for line in bad.output.splitlines() if "WARNING" in line]
    assert bad.returncode == 1 and len(warnings) == 1, warnings
    assert "day-01.md:15: WARNING: Day 2 has no section `#no-such` (link one of its " \
           "sections: a-section" in warnings[0]


def test_a_day_link_without_a_section_is_one_line(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "week1" / "day-01.md").write_text(
        lesson(1, 1, body="\n{day}`2` does it.\n"), encoding="utf-8")
    result = sphinx_in_process(book, book / "_build" / "html")
    warnings = [line for line in result.output.splitlines() if "WARNING" in line]
    assert result.returncode == 1 and len(warnings) == 1, warnings
    assert "day-01.md:15: WARNING: the link to Day 2 names no section (write {day}`2#section-id`" \
        in warnings[0]


def test_unknown_edition_is_one_line(tmp_path: Path) -> None:
    # As a user runs it: a wrong -D value stops sphinx-build before any page is read.
    book = write_minibook(tmp_path)
    result = sphinx_build(book, book / "_build" / "html", "html", "-D", "course_edition=final")
    assert result.returncode != 0
    assert "course_edition" in result.output and "'preview'" in result.output
    assert "Traceback" not in result.output


def test_preview_marks_what_the_project_added_to_a_published_lesson(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "images").mkdir()
    (book / "images" / "day-01.svg").write_text(SVG, encoding="utf-8")
    published = lesson(1, 1, next_day=2, status="published").replace(
        "status: published\n", "status: published\nproject_text: [a-section]\n", 1)
    (book / "week1" / "day-01.md").write_text(published, encoding="utf-8")
    preview = sphinx_in_process(book, book / "_build" / "preview", "html", PREVIEW)
    assert preview.returncode == 0, preview.output
    assert "Added by the project, not the authors" in preview.page("week1/day-01.html")
    reader = sphinx_in_process(book, book / "_build" / "html")
    assert "Added by the project" not in reader.page("week1/day-01.html")
