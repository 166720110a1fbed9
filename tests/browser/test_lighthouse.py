"""Lighthouse on the home page and Day 9 (mobile preset): accessibility, best practices and SEO
score 100. Performance varies from run to run, so `make audit` reports it instead.
"""

from __future__ import annotations

import sys

import pytest

from tests.browser.conftest import Site
from tests.conftest import ROOT, require_tool

sys.path.insert(0, str(ROOT / "tools"))
from audit import LIGHTHOUSE, PAGES, lighthouse_scores  # noqa: E402

pytestmark = pytest.mark.slow
STEADY = ("accessibility", "best-practices", "seo")


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_lighthouse_gives_full_marks_where_scores_are_steady(chromium: str, site: Site,
                                                            page: str) -> None:
    lighthouse = require_tool(str(LIGHTHOUSE), "npm ci --prefix tools/lighthouse (Node.js and npm)")
    scores = lighthouse_scores(site.url + page, STEADY, lighthouse=lighthouse, chromium=chromium)
    assert scores == {category: 100 for category in STEADY}
