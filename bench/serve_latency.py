"""Edit-to-browser latency of `make serve`: seconds from saving a lesson to its new text on screen.

For the bench (`make bench`, bench/run.py):

* `serve_latencies(project, samples)` -> list[float]: one figure per edit, in seconds.
* `edit_to_browser_seconds(project)` -> float: their median, the figure the budget checks
  (the target is 1 s). bench/run.py calls it once per round with its project folder.

How one figure is taken: the project is copied to a temporary folder (the caller's folder is
never edited), `tools/serve.py` -- exactly what `make serve` runs -- serves the copy on a free
127.0.0.1 port, and headless /usr/bin/chromium (driven by Playwright; no browser is ever
downloaded) opens Day 9. Each sample writes a new sentence into the lesson, starts the clock
right before the write, and stops it at the reloaded page's first contentful paint, as the
browser itself records it, once the sentence is on the page; then it waits for the page's live-reload
connection before the next edit. A first edit warms the
server up and is not counted. The server is stopped by the PID of its process group.

    .venv/bin/python -m bench.serve_latency [--samples 7]   # prints the figures and the median
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from chromium import CHROMIUM, launch  # noqa: E402
from preview_server import PreviewServer  # noqa: E402
from project_copy import copy_project  # noqa: E402

LESSON = "week2/day-09.md"
PAGE = "week2/day-09.html"
#: The page's live-reload socket is open (sphinx-autobuild injects `const ws = new WebSocket`).
RELOAD_READY = "() => typeof ws !== 'undefined' && ws.readyState === WebSocket.OPEN"
#: When the page showing the edit painted, as wall-clock milliseconds: the browser's own first
#: contentful paint of that page load (its DOMContentLoaded if no paint was recorded).
#: Waiting in Python alone would add Playwright's polling back-off, up to half a second.
PAINTED_AT = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const load = performance.getEntriesByType("navigation")[0];
  return performance.timeOrigin + (paint ? paint.startTime : load.domContentLoadedEventEnd);
}"""
PAINTED = "() => performance.getEntriesByName('first-contentful-paint').length > 0"


def _with_sentence(text: str, sentence: str) -> str:
    heading = text.index("\n## ")
    return f"{text[:heading]}\n\n{sentence}\n{text[heading:]}"


def serve_latencies(project: Path = ROOT, samples: int = 7) -> list[float]:
    """Seconds from each lesson save to the new sentence visible in Chromium, one per sample."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as scratch:
        book = copy_project(Path(project), Path(scratch) / "book")
        lesson = book / LESSON
        original = lesson.read_text(encoding="utf-8")
        figures: list[float] = []
        with PreviewServer(book, Path(scratch) / "serve.log") as server, sync_playwright() as pw:
            server.wait_ready()
            browser = launch(pw.chromium)
            try:
                page = browser.new_page()
                page.goto(server.url + PAGE)
                for sample in range(samples + 1):  # sample 0 warms the server up
                    page.wait_for_function(RELOAD_READY, timeout=30_000)
                    sentence = f"Latency probe {sample} {uuid.uuid4().hex[:8]}."
                    edited = _with_sentence(original, sentence)
                    started = time.time()  # wall clock, as the page's Date.now()
                    lesson.write_text(edited, encoding="utf-8")
                    page.get_by_text(sentence).wait_for(state="visible", timeout=60_000)
                    with contextlib.suppress(PlaywrightTimeout):
                        page.wait_for_function(PAINTED, timeout=5_000)
                    painted = page.evaluate(PAINTED_AT) / 1000
                    if sample:
                        figures.append(painted - started)
                    time.sleep(0.3)  # let the build's last writes settle before the next edit
            except Exception as error:
                raise RuntimeError(f"{error}\nserver output:\n{server.output()[-2000:]}") from error
            finally:
                browser.close()
        return figures


def edit_to_browser_seconds(project: Path = ROOT, samples: int = 5) -> float:
    """The median of `serve_latencies`: the figure `make bench` reports against 1 s."""
    return statistics.median(serve_latencies(project, samples))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args(argv)
    figures = serve_latencies(ROOT, args.samples)
    print(json.dumps({"edit_to_browser_seconds": [round(f, 3) for f in figures],
                      "median": round(statistics.median(figures), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
