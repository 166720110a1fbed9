"""The one way this project starts a browser: Debian's Chromium, headless, reaching nothing
beyond this machine. Used by the browser tests, `make audit` (Lighthouse) and `make bench`.

Never `playwright install`: Playwright drives the system's /usr/bin/chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
INSTALL = "apt-get install chromium chromium-driver"
#: Headless, and nothing that would reach beyond this machine.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(browser_type: Any, executable: Path | str = CHROMIUM) -> Any:
    """Playwright's `playwright.chromium.launch` with our browser and flags (sync or async API)."""
    return browser_type.launch(executable_path=str(executable), headless=True, args=FLAGS)
