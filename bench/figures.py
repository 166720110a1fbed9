"""Figures read from a build: what sphinx-build says it read and wrote, page weight, folder size."""

from __future__ import annotations

import gzip
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Sphinx prints one progress line per page when its output is not a terminal.
WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)\s*$")
READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)\s*$")
#: gzip level of `gzip` on the command line and of most web servers' defaults.
GZIP_LEVEL = 6


def _progress(output: str, pattern: re.Pattern[str]) -> list[str]:
    found: list[str] = []
    for line in ANSI.sub("", output).replace("\r", "\n").splitlines():
        match = pattern.match(line.strip())
        if match and match.group(1) not in found:
            found.append(match.group(1))
    return found


def pages_written(output: str) -> list[str]:
    """Docnames sphinx-build wrote, from its console output (run without -q)."""
    return _progress(output, WRITING)


def docs_read(output: str) -> list[str]:
    """Docnames sphinx-build (re-)read, from its console output (run without -q)."""
    return _progress(output, READING)


class _Assets(HTMLParser):
    """Collects stylesheet and script addresses in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").split() and values.get("href"):
            self.css.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])


def _local(page: Path, address: str) -> Path | None:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # served from elsewhere: not part of this site's weight
    return (page.parent / parts.path).resolve()


@dataclass(frozen=True)
class PageWeight:
    """A page as a browser downloads it from this site: the HTML and its local CSS and JS."""

    files: tuple[Path, ...]
    raw: int
    gzipped: int
    css: int = 0
    js: int = 0
    missing: tuple[str, ...] = field(default=())


def page_weight(page: Path) -> PageWeight:
    """Bytes of the HTML file plus every CSS/JS file it links locally, raw and gzipped each."""
    html = page.read_bytes()
    assets = _Assets()
    assets.feed(html.decode("utf-8", errors="replace"))
    files: list[Path] = [page]
    missing: list[str] = []
    css = js = 0
    for kind, addresses in (("css", assets.css), ("js", assets.js)):
        for address in addresses:
            path = _local(page, address)
            if path is None or path in files:
                continue
            if not path.is_file():
                missing.append(address)
                continue
            files.append(path)
            css, js = (css + 1, js) if kind == "css" else (css, js + 1)
    raw = sum(path.stat().st_size for path in files)
    gzipped = sum(len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)) for path in files)
    return PageWeight(tuple(files), raw, gzipped, css, js, tuple(missing))


def folder_size(folder: Path, skip: Iterable[str] = ()) -> int:
    """Bytes of every file under `folder`, leaving out top-level entries named in `skip`."""
    skipped = set(skip)
    total = 0
    for path in folder.rglob("*"):
        if path.relative_to(folder).parts[0] in skipped:
            continue
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MiB"
