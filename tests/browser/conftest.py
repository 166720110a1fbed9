"""The built book served on 127.0.0.1, read by Debian's Chromium through Playwright.

Never `playwright install`: the browser is the system's /usr/bin/chromium (apt-get install
chromium). Without it these tests skip, or fail under CI=true (`require_tool`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Build, require_tool

sys.path.insert(0, str(ROOT / "tools"))
from chromium import INSTALL as CHROMIUM_INSTALL  # noqa: E402
from chromium import launch  # noqa: E402
from static_site import served  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
SCHEMES = ("light", "dark")


@dataclass(frozen=True)
class Site:
    """The book as a reader's browser gets it."""

    url: str      # http://127.0.0.1:PORT/
    folder: Path  # the HTML build

    def pages(self) -> list[str]:
        """Every HTML page of the site, as a path under its root."""
        return sorted(path.relative_to(self.folder).as_posix() for path in self.folder.rglob("*.html")
                      if not any(part.startswith("_") for part in path.relative_to(self.folder).parts))

    def local(self, url: str) -> bool:
        return url.startswith(self.url) or url.startswith(("data:", "blob:", "about:"))


@contextmanager
def serve(folder: Path) -> Iterator[Site]:
    """A static host for `folder` on a free port (tools/static_site.py)."""
    with served(folder) as url:
        yield Site(url, folder)


@pytest.fixture(scope="session")
def site(html_build: Build) -> Iterator[Site]:
    with serve(html_build.outdir) as served:
        yield served


@pytest.fixture(scope="session")
def chromium() -> str:
    return require_tool("chromium", CHROMIUM_INSTALL)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright.chromium, chromium)
        yield launched
        launched.close()


@dataclass
class Tab:
    """One page in its own browser context, with what went wrong while it was open."""

    page: Any
    site: Site
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        return self.page.goto(self.site.url + path)


@pytest.fixture
def open_tab(browser: Any, site: Site) -> Iterator[Callable[..., Tab]]:
    """open_tab(scheme="light", size="desktop", **context options) -> a fresh Tab."""
    contexts: list[Any] = []

    def opener(scheme: str = "light", size: str = "desktop", **options: Any) -> Tab:
        context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme, **options)
        contexts.append(context)
        tab = Tab(context.new_page(), site)

        def refuse(route: Any) -> None:
            tab.outside_requests.append(route.request.url)
            route.abort()

        context.route(lambda url: not site.local(url), refuse)
        tab.page.on("console", lambda message: tab.console_errors.append(message.text)
                    if message.type == "error" else None)
        tab.page.on("pageerror", lambda error: tab.console_errors.append(str(error)))
        return tab

    yield opener
    for context in contexts:
        context.close()
