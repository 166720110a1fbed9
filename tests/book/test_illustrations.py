"""Every lesson is illustrated: a wide SVG for screens and print, a narrow one for phones, alt
text and a caption; each picture self-contained, with real text that a phone can read."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from tests.book.illustrations import SVG_NS, illustration, smallest_text, view_box
from tests.conftest import ROOT

LESSONS = sorted(ROOT.glob("week*/day-*.md"))
#: Smallest text in SVG units: the wide picture shows at 560 px or more, the narrow at 343 px
#: on a 375 px phone; both keep text at 12 px or more (tests/browser measures it rendered).
SMALLEST = {"wide": 16.0, "narrow": 13.0}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_its_picture_alt_text_and_caption(lesson) -> None:
    picture = illustration(lesson, ROOT)
    assert picture is not None, f"{lesson.name} has no image slot"
    assert picture.wide.is_file(), picture.wide
    assert picture.narrow.is_file(), picture.narrow
    assert len(picture.alt.split()) >= 12, "the alt text carries the picture's content"
    assert 3 <= len(picture.caption.split()) <= 25, picture.caption


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_pictures_are_self_contained_with_real_readable_text(lesson) -> None:
    picture = illustration(lesson, ROOT)
    assert picture is not None
    for kind, svg in (("wide", picture.wide), ("narrow", picture.narrow)):
        root = ElementTree.parse(svg).getroot()
        tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
        assert root.get("role") == "img" and {"title", "desc", "text"} <= tags, svg.name
        assert root.get("aria-labelledby") == "t d", svg.name  # its title and description
        assert not tags & {"script", "image", "foreignObject", "use"}, svg.name
        source = svg.read_text(encoding="utf-8")
        assert "http://" not in source.replace("http://www.w3.org/", "") and "https://" not in source
        assert smallest_text(svg) >= SMALLEST[kind], f"{svg.name}: text at {smallest_text(svg)}"
        width, _ = view_box(svg)
        assert width == (800 if kind == "wide" else 360), f"{svg.name}: viewBox width {width}"
