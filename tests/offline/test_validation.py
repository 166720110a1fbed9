"""epubcheck accepts both ePubs: the book's, and the tiny course full of interactive things.

This module runs last in tests/offline on purpose: the checks start with the PDF build
(`pdf_edition`), so their JVMs work while xelatex does, and are read only here.
"""

from __future__ import annotations

import pytest

from tests.offline.conftest import RunningEpubCheck

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("edition", ["book", "static forms"])
def test_epubcheck_finds_no_error_and_no_warning(epub_checks: dict[str, RunningEpubCheck],
                                                 edition: str) -> None:
    check = epub_checks[edition].verdict()
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output
