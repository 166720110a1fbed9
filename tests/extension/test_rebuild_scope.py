"""An incremental build re-reads and rewrites only what changed (the bench's budget, here as behaviour).

A lesson waiting for its illustration used to be re-read on every build; now it is re-read
once, when the image appears. One book goes through the edits in turn (five builds, not
one fresh book per step: the suite's four minutes are shared).
"""

from __future__ import annotations

from pathlib import Path

from bench.figures import docs_read, pages_written
from tests.conftest import sphinx_in_process
from tests.extension.minibook import lesson as minibook_lesson
from tests.extension.minibook import write_minibook

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n'


def build(book: Path):
    result = sphinx_in_process(book, book / "_build" / "html")
    assert result.returncode == 0, result.output
    return result


def test_rebuilds_read_and_write_only_what_changed(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    first = build(book)
    assert "day-02.svg" not in first.page("week2/day-02.html")

    unchanged = build(book)
    assert docs_read(unchanged.output) == [], "an unchanged book re-read pages"
    assert pages_written(unchanged.output) == []

    lesson = book / "week1" / "day-01.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Words.", "More words."),
                      encoding="utf-8")
    edited = build(book)
    assert docs_read(edited.output) == ["week1/day-01"]
    # Sphinx also rewrites the page whose toctree lists the lesson, as for any Sphinx book.
    assert sorted(pages_written(edited.output)) == ["week1/day-01", "week1/index"]
    assert "More words." in edited.page("week1/day-01.html")

    (book / "images").mkdir()
    (book / "images" / "day-02.svg").write_text(SVG, encoding="utf-8")
    with_image = build(book)
    assert docs_read(with_image.output) == ["week2/day-02"], "the lesson did not see its new image"
    page = with_image.page("week2/day-02.html")
    assert "Image wanted" not in page and "day-02.svg" in page

    assert docs_read(build(book).output) == [], "the lesson is re-read more than once"


def test_changed_definition_rewrites_the_pages_showing_its_tip(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    (book / "week2" / "day-02.md").write_text(
        minibook_lesson(2, 2, body="\nAs {term}`Alpha1` says.\n"), encoding="utf-8")
    build(book)
    lesson = book / "week1" / "day-01.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "The meaning of alpha.", "The sense of alpha.", 1), encoding="utf-8")
    edited = build(book)
    assert docs_read(edited.output) == ["week1/day-01"]
    # The lesson, the glossary (a listing) and the page whose tip shows the definition, each
    # with the page whose toctree lists it (Sphinx rewrites those for any page it rewrites).
    assert sorted(pages_written(edited.output)) == ["glossary", "index", "week1/day-01",
                                                    "week1/index", "week2/day-02", "week2/index"]
    assert "The sense of alpha." in edited.page("week2/day-02.html")
