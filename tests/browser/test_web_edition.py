"""The web edition as readers get it: lesson parts styled like the print edition, headings
that fit a phone, code that keeps its lines, a print stylesheet, search results one a page,
and a 404 page that works under Read the Docs' sub-path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import VIEWPORTS, Site, Tab, serve
from tests.conftest import Build

pytestmark = pytest.mark.slow
LESSON = "week2/day-09.html"


def styles(tab: Tab, selector: str, *properties: str) -> dict[str, str]:
    return tab.page.eval_on_selector(
        selector, "(el, names) => Object.fromEntries(names.map((n) => "
                  "[n, getComputedStyle(el).getPropertyValue(n)]))", list(properties))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lesson_parts_look_like_the_printed_ones(open_tab: Callable[..., Tab], scheme: str) -> None:
    tab = open_tab(scheme, "desktop")
    tab.open(LESSON)
    term = styles(tab, ".course-card-vocabulary dl.glossary > dt", "font-weight")
    assert int(term["font-weight"]) >= 700, "vocabulary terms are bold"
    tab.open("glossary.html")
    assert int(styles(tab, "dl.course-glossary > dt", "font-weight")["font-weight"]) >= 700
    tab.open(LESSON)
    heading = styles(tab, ".course-card-vocabulary .course-card-heading", "color")
    text = styles(tab, "article p", "color")
    assert heading["color"] != text["color"], "a part's heading wears its accent"
    position = styles(tab, ".course-position", "font-weight", "background-color")
    assert int(position["font-weight"]) >= 700
    assert position["background-color"] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_headings_fit_a_phone_and_code_keeps_its_lines(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab("light", "phone")
    tab.open(LESSON)
    h1 = styles(tab, "article h1", "font-size", "line-height")
    assert float(h1["font-size"].removesuffix("px")) <= 28
    height = tab.page.eval_on_selector("article h1", "(el) => el.getBoundingClientRect().height")
    assert height / float(h1["line-height"].removesuffix("px")) <= 3.2, "the title runs to 3 lines at most"
    assert float(styles(tab, "article h2", "font-size")["font-size"].removesuffix("px")) <= 22
    code = styles(tab, ".highlight pre", "white-space", "overflow-x", "overflow-wrap")
    assert code == {"white-space": "pre", "overflow-x": "auto", "overflow-wrap": "normal"}
    assert tab.page.eval_on_selector(".highlight pre", "(el) => el.tabIndex") == 0


def test_a_lesson_prints_its_table_and_no_controls(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab("light", "desktop")
    tab.open(LESSON)
    tab.page.emulate_media(media="print")
    visible = tab.page.evaluate("""() => {
        const shown = (el) => !!el && el.getClientRects().length > 0;
        return {table: shown(document.querySelector('.course-decision table')),
                buttons: [...document.querySelectorAll('button')].filter(shown).length,
                skip: shown(document.querySelector('.skip-to-content'))};
    }""")
    assert visible == {"table": True, "buttons": 0, "skip": False}


def test_search_gives_one_result_per_page_with_its_title_and_prose(
        open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("search.html?q=database")
    tab.page.wait_for_function("() => document.querySelector('#search-results .search-summary')")
    tab.page.wait_for_timeout(500)  # snippets arrive page by page
    results = tab.page.eval_on_selector_all(
        "#search-results ul.search li", "(items) => items.map((li) => ({"
        "href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').textContent,"
        "snippet: (li.querySelector('.context') || {}).textContent || ''}))")
    pages = [result["href"].split("#")[0].split("?")[0] for result in results]
    assert len(pages) >= 5 and len(pages) == len(set(pages)), pages
    day11 = next(r for r in results if r["href"].startswith("week2/day-11.html"))
    assert day11["title"] == "The database, where the data lives"
    assert "#" not in day11["href"].split("?")[0]
    lessons = [r for r in results if "/day-" in r["href"]]
    assert len(lessons) >= 3
    for result in lessons:  # a lesson's snippet is its prose, never its header line
        for header in ("Week 2 · The Layers", "by Shivali", "AI asks:", "Draft", "Day 11 of 21"):
            assert header not in result["snippet"], (result["title"], result["snippet"])
    assert tab.page.locator("h1").count() == 1


@pytest.fixture(scope="module")
def sub_path_site(published_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The published build served under /en/latest/, as Read the Docs serves it."""
    host = tmp_path_factory.mktemp("readthedocs")
    (host / "en").mkdir()
    os.symlink(published_build.outdir, host / "en" / "latest")
    os.symlink(published_build.outdir / "404.html", host / "404.html")
    with serve(host) as site:
        yield site


def test_the_404_page_under_a_sub_path_loads_everything(browser: Any, sub_path_site: Site) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and "no/such/page" not in response.url else None)
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    response = page.goto(sub_path_site.url + "en/latest/no/such/page.html")
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert failed == []
    home = page.locator("a", has_text="The course map").get_attribute("href")
    page.click("text=The course map")
    assert page.url == sub_path_site.url + "en/latest/index.html", (home, page.url)
    context.close()
