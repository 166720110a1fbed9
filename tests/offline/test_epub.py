"""`make epub`: an EPUB 3, navigable by week and day, with a cover and no scripts.

What epubcheck says is in test_validation.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from posixpath import dirname, join, normpath

import pytest

from tests.offline.conftest import EpubEdition, book_facts, lessons

pytestmark = pytest.mark.slow

XHTML = "{http://www.w3.org/1999/xhtml}"


def packed(edition: EpubEdition) -> dict[str, bytes]:
    with zipfile.ZipFile(edition.epub) as epub:
        return {name: epub.read(name) for name in epub.namelist()}


def test_it_is_an_epub_3_with_the_books_metadata(epub_edition: EpubEdition) -> None:
    facts = book_facts()
    opf = packed(epub_edition)["content.opf"].decode()
    assert re.search(r'<package [^>]*version="3\.0"', opf)
    assert f"<dc:title>{facts['project']}</dc:title>" in opf
    assert f"<dc:creator>{facts['author'].replace('&', '&amp;')}</dc:creator>" in opf
    assert f"<dc:language>{facts['language']}</dc:language>" in opf


def test_navigation_is_by_week_then_day(epub_edition: EpubEdition) -> None:
    facts = book_facts()
    nav = ET.fromstring(packed(epub_edition)["nav.xhtml"])
    top = nav.find(f".//{XHTML}nav/{XHTML}ol")
    entries = {item.find(f"{XHTML}a").text: item for item in top.findall(f"{XHTML}li")}
    for number, title in facts["course_weeks"].items():
        week = entries[f"Week {number} · {title}"]
        days = [a.text.replace("\u2019", "'")
                for a in week.findall(f"{XHTML}ol/{XHTML}li/{XHTML}a")]
        assert days == [f"Day {lesson['day']}: {lesson['title']}" for lesson in lessons()
                        if lesson["week"] == number]


def test_it_has_a_cover(epub_edition: EpubEdition) -> None:
    files = packed(epub_edition)
    opf = files["content.opf"].decode()
    cover = re.search(r'<item id="[^"]*" href="([^"]+)" media-type="image/[^"]+" '
                      r'properties="cover-image"', opf)
    assert cover, "the manifest names a cover image"
    svg = files[cover.group(1)].decode()
    facts = book_facts()
    assert facts["project"] in svg and facts["author"].replace("&", "&amp;") in svg
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    first = re.search(rf'<item id="{spine[0]}" href="([^"]+)"', opf).group(1)
    assert cover.group(1).split("/")[-1] in files[first].decode()  # the cover page comes first


def test_every_image_is_in_the_package(epub_edition: EpubEdition) -> None:
    files = packed(epub_edition)
    pages = {name: data.decode() for name, data in files.items() if name.endswith(".xhtml")}
    sources = [(name, src) for name, page in pages.items()
               for src in re.findall(r'<img [^>]*src="([^"]+)"', page)]
    assert any("day-09-iceberg" in src or "course-cover" in src for _, src in sources)
    missing = [(name, src) for name, src in sources
               if normpath(join(dirname(name), src)) not in files]
    assert missing == []


def test_no_scripts_and_no_form_controls(epub_edition: EpubEdition) -> None:
    files = packed(epub_edition)
    assert [name for name in files if name.endswith(".js")] == []
    for name, data in files.items():
        if name.endswith(".xhtml"):
            found = re.findall(r"<(script|form|input|button|select|textarea|iframe)\b",
                               data.decode())
            assert found == [], name


def test_lesson_parts_are_styled_by_the_epub_stylesheet(epub_edition: EpubEdition) -> None:
    files = packed(epub_edition)
    day9 = files["week2/day-09.xhtml"].decode()
    stylesheets = re.findall(r'<link rel="stylesheet" [^>]*href="([^"]+)"', day9)
    assert sorted(name.split("/")[-1] for name in stylesheets) == ["epub.css", "pygments.css"]
    css = files["_static/epub.css"].decode()
    for part in ("course-kicker", "course-position", "course-question", "course-card-vocabulary",
                 "course-card-forward", "course-card-wrap-up", "course-wrap-up-label",
                 "course-sign-off"):
        assert f'class="{part}' in day9 or f" {part}" in day9, part
        assert f".{part}" in css, part
    assert "Day 9 of 21" in day9


def test_every_lesson_has_its_picture_and_no_production_notes(epub_edition: EpubEdition) -> None:
    pages = {name: data.decode() for name, data in packed(epub_edition).items()
             if name.endswith(".xhtml")}
    for name, page in pages.items():
        text = re.sub(r"<[^>]+>", " ", page)
        for note in ("Draft", "Image wanted", "Save it as", "images/day-", "Image brief",
                     "Sources (authors", "Added by the project", "<picture"):
            assert note not in text and note not in page[:0], (name, note)
        assert "<picture" not in page, name  # the ePub shows the wide picture only
        if re.fullmatch(r"week\d/day-\d\d\.xhtml", name):
            figure = re.search(r'<figure[^>]*>.*?<img [^>]*src="[^"]*day-\d\d-[^"]+\.svg"[^>]*/>'
                               r'.*?<figcaption>.*?</figcaption>', page, re.S)
            assert figure, f"{name}: no picture with a caption"
        assert 'lang="en" xml:lang="en"' in page, name
