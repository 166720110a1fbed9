"""On a 375 px phone, every illustration's smallest text renders at 12 CSS px or more.

The browser picks the picture (the narrow layout through `<picture>`); its rendered width and
the SVG's own viewBox and smallest font size give the size that text is drawn at. The picture
has no source for a colour scheme, so the dark theme shows the same one at the same size:
the test reads the light theme, and fails if a scheme-dependent source appears.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

import pytest

from tests.book.illustrations import smallest_text, view_box
from tests.browser.conftest import Site, Tab
from tests.conftest import ROOT

LESSON_PAGES = [f"{path.parent.name}/{path.stem}.html" for path in sorted(ROOT.glob("week*/day-*.md"))]
SMALLEST_PX = 12.0

pytestmark = pytest.mark.slow


def test_smallest_text_in_each_illustration_is_readable_on_a_phone(
        open_tab: Callable[..., Tab], site: Site) -> None:
    tab = open_tab("light", "phone")
    too_small = []
    for page in LESSON_PAGES:
        tab.open(page)
        shown = tab.page.evaluate("""() => [...document.querySelectorAll('.course-figure img')]
            .map(img => ({src: img.currentSrc, width: img.getBoundingClientRect().width,
                          complete: img.complete && img.naturalWidth > 0,
                          media: [...img.parentElement.querySelectorAll('source')]
                                 .map(source => source.media)}))""")
        assert len(shown) == 1, f"{page} shows {len(shown)} illustrations"
        picture = shown[0]
        assert not any("prefers-color-scheme" in media for media in picture["media"]), (
            f"{page}: the picture changes with the colour scheme; read the dark one too")
        assert picture["complete"], f"{page}: the picture did not load"
        svg = site.folder / "_images" / PurePosixPath(picture["src"]).name
        width, _ = view_box(svg)
        rendered = smallest_text(svg) * picture["width"] / width
        if rendered < SMALLEST_PX:
            too_small.append(f"{page}: {svg.name} text at {rendered:.1f} px")
    assert too_small == []
    assert tab.outside_requests == []
