"""The decision widgets' static form in the offline editions: the table of every case, no controls."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT
from tests.offline.conftest import EpubEdition, PDFEdition

pytestmark = pytest.mark.slow
WIDGETS = {"week2/day-09": "where-should-this-run", "week3/day-16": "should-i-set-up-a-server"}


def table(name: str) -> dict:
    return json.loads((ROOT / "widgets" / f"{name}.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


@pytest.mark.parametrize("page", WIDGETS)
def test_the_epub_shows_every_case_and_no_controls(epub_edition: EpubEdition, page: str) -> None:
    cases = table(WIDGETS[page])
    html = epub_edition.page(f"{page}.xhtml")
    widget = html[html.index('class="course-decision'):]
    widget = widget[: widget.index("</table>")]
    assert cases["caption"] in widget
    assert re.findall(r"<(script|form|button)\b", widget) == []
    text = words(widget)
    for case in cases["cases"]:
        assert case["result"].split(": ", 1)[-1] in text, case


def test_the_pdf_shows_every_case(pdf_edition: PDFEdition) -> None:
    text = " ".join(pdf_edition.text().split())
    for name in WIDGETS.values():
        cases = table(name)
        assert cases["caption"] in text
        shown = text.split(cases["caption"], 1)[1][:3000]  # the table, after its caption
        for question in cases["questions"]:
            assert f"{question['short']}: yes" in shown and f"{question['short']}: no" in shown
        for case in cases["cases"]:
            assert case["result"].split(": ", 1)[-1] in shown, case
