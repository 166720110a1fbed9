"""Offline, what only works in a browser is shown in its static form (tests/offline/static_forms_book.py).

The PDF's LaTeX is checked as Sphinx writes it (no TeX needed); what epubcheck says of the
ePub is in test_validation.py.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import sphinx_in_process
from tests.offline.conftest import EpubEdition
from tests.offline.static_forms_book import HIDDEN_WORDS, STATIC_WORDS, write_static_forms_book


@pytest.fixture(scope="module")
def latex(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = write_static_forms_book(tmp_path_factory.mktemp("static-forms-latex-src"))
    build = sphinx_in_process(folder, folder.parent / "static-forms" / "latex", "latex")
    assert build.returncode == 0, build.output
    return next(build.outdir.glob("*.tex")).read_text(encoding="utf-8")


def test_the_pdf_shows_the_static_form_and_no_hidden_link_text(latex: str) -> None:
    for words in STATIC_WORDS:
        assert words in latex, words
    for words in HIDDEN_WORDS:
        assert words not in latex, words
    # The card is a box, and its link now sits on its title.
    assert r"\begin{sphinxuseclass}{sd-card}" in latex
    assert re.search(r"\\hyperref\[\\detokenize\{recap::doc\}\]\{[^\n]*A card title", latex)


def test_the_epub_shows_the_static_form_and_no_controls(static_forms_epub: EpubEdition) -> None:
    page = static_forms_epub.page("week1/day-01.xhtml")
    for words in STATIC_WORDS:
        assert words in page, words
    for words in HIDDEN_WORDS:
        assert words not in page, words
    assert re.findall(r"<(script|input|button|label|details|svg)\b", page) == []
    assert re.search(r'<a [^>]*href="\.\./recap\.xhtml"[^>]*>A card title</a>', page)
