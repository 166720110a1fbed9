"""epubcheck accepts both ePubs: the book's, and the tiny course full of interactive things."""

from __future__ import annotations

import pytest

from tests.offline.conftest import EpubEdition, run_epubcheck

pytestmark = pytest.mark.slow


def test_epubcheck_accepts_the_book(epub_edition: EpubEdition) -> None:
    check = run_epubcheck(epub_edition.epub)
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output


def test_epubcheck_accepts_the_static_forms(static_forms_epub: EpubEdition) -> None:
    check = run_epubcheck(static_forms_epub.epub)
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output
