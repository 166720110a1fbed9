"""Every page of the site, light and dark, desktop and 375 px wide: no violation of any of axe's
rules (all of them switched on, AAA contrast and experimental rules included), no console
error, no request leaving 127.0.0.1, and no sideways scroll.

axe's AA contrast rule is left to its AAA twin: same measurement, a higher bar, so a page that
passes `color-contrast-enhanced` passes `color-contrast` (and the sweep takes a third less time).
Each variant is its own test, so pytest-xdist shares them out between its workers.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT  # axe-core as the package ships it: offline

from tests.browser.conftest import VARIANTS, VIEWPORTS, Site

pytestmark = pytest.mark.slow
IMPLIED = {"color-contrast": "color-contrast-enhanced"}  # rule -> the stricter rule that covers it
EVERY_RULE = """(implied) => axe.run(document, {
  rules: Object.fromEntries(axe.getRules().map((rule) => [rule.ruleId, {enabled: !implied.includes(rule.ruleId)}])),
  resultTypes: ["violations"],
})"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def describe(violation: dict[str, Any]) -> str:
    node = violation["nodes"][0]
    summary = " ".join(node.get("failureSummary", "").split())
    return (f"axe {violation['id']} ({violation['impact']}) on {len(violation['nodes'])} "
            f"element(s), first {node['target'][0]}: {summary[:300]}")


def read_variant(browser: Any, site: Site, scheme: str, size: str) -> list[str]:
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)
    context.add_init_script(AXE_SCRIPT)
    problems: list[str] = []
    where = {"page": ""}

    def note(problem: str) -> None:
        problems.append(f"{scheme} {size} {where['page']}: {problem}")

    def refuse(route: Any) -> None:
        note(f"request leaving 127.0.0.1: {route.request.url}")
        route.abort()

    context.route(lambda url: not site.local(url), refuse)
    page = context.new_page()
    page.on("console", lambda message: note(f"console error: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: note(f"script error: {error}"))
    try:
        for path in site.pages():
            where["page"] = path
            response = page.goto(site.url + path)
            if response is None or not response.ok:
                note(f"HTTP {response.status if response else 'no response'}")
            if (overflow := page.evaluate(SIDEWAYS)) > 0:
                note(f"scrolls sideways by {overflow} px")
            for violation in (page.evaluate(EVERY_RULE, list(IMPLIED)))["violations"]:
                note(describe(violation))
    finally:
        context.close()
    return problems


@pytest.mark.parametrize(("scheme", "size"), VARIANTS, ids=[f"{s}-{z}" for s, z in VARIANTS])
def test_every_page_in_every_variant_is_clean(browser: Any, site: Site, scheme: str,
                                              size: str) -> None:
    pages = site.pages()
    assert {"index.html", "week2/day-09.html", "week3/day-16.html", "search.html",
            "404.html"} <= set(pages), pages
    problems = read_variant(browser, site, scheme, size)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
