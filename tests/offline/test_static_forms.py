"""Offline, what only works in a browser is shown in its static form (a tiny course).

A card's link, a dropdown, a tab set, an icon, a button in raw HTML and web-only material with
its fallback, in the PDF's LaTeX and in an ePub that epubcheck accepts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import sphinx_build
from tests.offline.conftest import EpubEdition, build_epub, epubcheck
from tests.unit.minibook import lesson, write_minibook

INTERACTIVE = """
::::{card} A card title
:link: /recap
:link-type: doc
:link-alt: HIDDEN LINK WORDS

Card body words.
::::

:::{dropdown} Dropdown title
Dropdown body words.
:::

::::{tab-set}
:::{tab-item} First tab
First tab words.
:::
:::{tab-item} Second tab
Second tab words.
:::
::::

An icon {octicon}`rocket` in a sentence.

```{raw} html
<button onclick="alert('hi')">Press me</button>
```

::::{container} course-web-only
Interactive words.

:::{container} course-static-fallback
Fallback words.
:::
::::
"""

EVERY_TAB = ("Dropdown title", "Dropdown body words.", "First tab", "First tab words.",
             "Second tab", "Second tab words.", "Card body words.", "Fallback words.")


@pytest.fixture(scope="module")
def minibook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_minibook(tmp_path_factory.mktemp("static-forms"))
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('copyright = "2026, Shivali & Girish"  # an EPUB 3 needs one\n')
    (folder / "week1" / "day-01.md").write_text(lesson(1, 1, next_day=2, body=INTERACTIVE),
                                                encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def latex(minibook: Path) -> str:
    build = sphinx_build(minibook, minibook.parent / "latex", "latex")
    assert build.returncode == 0, build.output
    return next((minibook.parent / "latex").glob("*.tex")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def epub(minibook: Path) -> EpubEdition:
    return build_epub(minibook, minibook.parent / "epub")


def test_the_pdf_shows_every_tab_and_no_hidden_link_text(latex: str) -> None:
    for words in EVERY_TAB:
        assert words in latex, words
    assert "HIDDEN LINK WORDS" not in latex
    assert "Interactive words" not in latex and "Press me" not in latex
    # The card's link now sits on its title, and the card is a box.
    assert re.search(r"\\hyperref\[\\detokenize\{recap::doc\}\]\{[^\n]*A card title", latex)
    assert r"\begin{sphinxuseclass}{sd-card}" in latex


def test_the_epub_shows_every_tab_and_no_controls(epub: EpubEdition) -> None:
    page = epub.page("week1/day-01.xhtml")
    for words in EVERY_TAB:
        assert words in page, words
    assert "HIDDEN LINK WORDS" not in page and "Interactive words" not in page
    assert re.findall(r"<(script|input|button|label|details|svg)\b", page) == []
    assert re.search(r'<a [^>]*href="\.\./recap\.xhtml"[^>]*>A card title</a>', page)


def test_the_static_forms_pass_epubcheck(epub: EpubEdition) -> None:
    check = epubcheck(epub.epub)
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output
