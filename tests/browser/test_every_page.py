"""Every page of the site, light and dark, desktop and 375 px wide: no violation of any of axe's
rules (all of them switched on, AAA contrast and experimental rules included), no console
error, no request leaving 127.0.0.1, and no sideways scroll.

Each page is loaded once per width and read in light, then switched to dark (the reader's
system setting, as `prefers-color-scheme` tells furo). What each variant measures, so
nothing is measured twice:
* light, 1280 px: every rule on every page. axe's AA contrast rule is left to its AAA twin
  (same measurement, a higher bar: a page that passes `color-contrast-enhanced` passes
  `color-contrast`).
* light, 375 px: every rule again, since the layout differs, but the colour rules only where
  the phone layout differs (furo's phone header, and headings, smaller there and so held to
  the ratio of normal text). Colours do not change with the width.
* dark, both widths: the rules about colour (contrast, links told apart from text), where
  the light variant of that width measured them. The dark scheme changes colours only:
  furo's and course.css's dark blocks set colour variables, nothing else.
Contrast is most of axe's time.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT  # axe-core as the package ships it: offline

from tests.browser.conftest import SCHEMES, VIEWPORTS, Site

pytestmark = pytest.mark.slow
IMPLIED = {"color-contrast": "color-contrast-enhanced"}  # rule -> the stricter rule that covers it
CONTRAST = ["color-contrast", "color-contrast-enhanced"]
COLOUR_RULES = ["color-contrast-enhanced", "link-in-text-block"]
#: What the phone layout shows differently: its header, and smaller headings.
PHONE_ONLY = [".mobile-header", "article h1", "article h2", "article h3", "article h4"]
ALL_BUT = """(skipped) => axe.run(document, {
  rules: Object.fromEntries(axe.getRules().map((rule) => [rule.ruleId, {enabled: !skipped.includes(rule.ruleId)}])),
  resultTypes: ["violations"],
})"""
ONLY = """([rules, where]) => axe.run(
  where ? {include: where.filter((selector) => document.querySelector(selector))} : document,
  {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]})"""
#: (scheme, size) -> the axe runs on each page: (script, its argument)
RUNS: dict[tuple[str, str], list[tuple[str, Any]]] = {
    ("light", "desktop"): [(ALL_BUT, list(IMPLIED))],
    ("light", "phone"): [(ALL_BUT, CONTRAST + ["link-in-text-block"]),
                         (ONLY, [["color-contrast-enhanced"], PHONE_ONLY])],
    ("dark", "desktop"): [(ONLY, [COLOUR_RULES, None])],
    ("dark", "phone"): [(ONLY, [["color-contrast-enhanced"], PHONE_ONLY])],
}
BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def describe(violation: dict[str, Any]) -> str:
    node = violation["nodes"][0]
    summary = " ".join(node.get("failureSummary", "").split())
    return (f"axe {violation['id']} ({violation['impact']}) on {len(violation['nodes'])} "
            f"element(s), first {node['target'][0]}: {summary[:300]}")


def read_pages(browser: Any, site: Site, pages: list[str],
               size: str) -> tuple[list[str], dict[str, set[str]]]:
    """The pages at one width, light then dark: the problems, and the page backgrounds seen
    in each scheme (which show that the switch to dark took effect)."""
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme="light")
    context.add_init_script(AXE_SCRIPT)
    problems: list[str] = []
    backgrounds: dict[str, set[str]] = {scheme: set() for scheme in SCHEMES}
    where = {"variant": f"light {size}", "page": ""}

    def note(problem: str) -> None:
        problems.append(f"{where['variant']} {where['page']}: {problem}")

    def refuse(route: Any) -> None:
        note(f"request leaving 127.0.0.1: {route.request.url}")
        route.abort()

    context.route(lambda url: not site.local(url), refuse)
    page = context.new_page()
    page.on("console", lambda message: note(f"console error: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: note(f"script error: {error}"))
    try:
        for path in pages:
            where["page"] = path
            page.emulate_media(color_scheme=SCHEMES[0])
            response = page.goto(site.url + path)
            if response is None or not response.ok:
                note(f"HTTP {response.status if response else 'no response'}")
            for scheme in SCHEMES:
                where["variant"] = f"{scheme} {size}"
                page.emulate_media(color_scheme=scheme)
                backgrounds[scheme].add(page.evaluate(BACKGROUND))
                if (overflow := page.evaluate(SIDEWAYS)) > 0:
                    note(f"scrolls sideways by {overflow} px")
                for script, argument in RUNS[(scheme, size)]:
                    for violation in page.evaluate(script, argument)["violations"]:
                        note(describe(violation))
    finally:
        context.close()
    return problems, backgrounds


#: The pages are read in SHARES tests per width, every SHARES-th page each, so pytest-xdist
#: can keep both workers busy to the end.
SHARES = 2


@pytest.mark.parametrize("share", range(SHARES), ids=[f"share{n + 1}" for n in range(SHARES)])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_page_in_both_schemes_is_clean(browser: Any, site: Site, size: str,
                                             share: int) -> None:
    pages = site.pages()
    assert {"index.html", "week2/day-09.html", "week3/day-16.html", "search.html",
            "404.html"} <= set(pages), pages
    problems, backgrounds = read_pages(browser, site, pages[share::SHARES], size)
    assert backgrounds["light"].isdisjoint(backgrounds["dark"]), backgrounds
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
