"""`make audit`: Lighthouse scores for the home page and Day 9, mobile preset, against targets.

The built site is served as a static host would serve it (tools/static_site.py: gzip, the 404
page) on 127.0.0.1 and a free port, and Lighthouse (npm, tools/lighthouse/) drives Debian's
Chromium with no network. Prints one line per page and exits 1 when a score misses its target.
tests/browser/test_lighthouse.py runs the same audit for the scores that do not vary from run
to run (accessibility, best practices, SEO); performance is timed, so it is only reported here.

usage: python tools/audit.py [SITE_FOLDER]   (default: _build/html, as `make html` writes it)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, INSTALL as CHROMIUM_INSTALL  # noqa: E402
from chromium import FLAGS as CHROMIUM_FLAGS  # noqa: E402
from static_site import served  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NPM_FOLDER = ROOT / "tools" / "lighthouse"  # package.json and package-lock.json; npm ci there
LIGHTHOUSE = NPM_FOLDER / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "index.html", "Day 9": "week2/day-09.html"}
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse_scores(url: str, categories: Sequence[str] = tuple(TARGETS),
                      lighthouse: Path | str = LIGHTHOUSE,
                      chromium: Path | str = CHROMIUM) -> dict[str, int]:
    """Lighthouse's scores (0-100) for one page, mobile preset (its default)."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        done = subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(categories)}", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"],
            env={**os.environ, "CHROME_PATH": str(chromium)}, capture_output=True, text=True,
            timeout=300)
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {(done.stderr or done.stdout).strip()[-500:]}")
        result = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(category["score"] * 100) for name, category in result["categories"].items()
            if category.get("score") is not None}


def audit(folder: Path) -> list[tuple[str, dict[str, int]]]:
    with served(folder) as site:
        return [(name, lighthouse_scores(site + path)) for name, path in PAGES.items()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    folder = parser.parse_args(argv).site
    for need, fix in ((folder / "index.html", "run `make html` first"),
                      (LIGHTHOUSE, "run `npm ci` in tools/lighthouse (needs Node.js and npm)"),
                      (CHROMIUM, CHROMIUM_INSTALL)):
        if not need.exists():
            print(f"audit: {need} is missing ({fix})")
            return 2
    missed = 0
    print("audit: Lighthouse, mobile preset; targets " +
          ", ".join(f"{name} {score}" for name, score in TARGETS.items()))
    for name, scores in audit(folder):
        below = [f"{category} {scores.get(category)} < {target}" for category, target in TARGETS.items()
                 if scores.get(category, 0) < target]
        missed += len(below)
        print(f"{name:6} " + "  ".join(f"{category} {scores.get(category)}" for category in TARGETS)
              + (f"   MISSED: {'; '.join(below)}" if below else ""))
    print(f"audit: {missed} target{'s' if missed != 1 else ''} missed" if missed else "audit: every target met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
