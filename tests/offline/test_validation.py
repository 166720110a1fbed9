"""epubcheck accepts both ePubs (the book's, and the tiny course full of interactive things),
and Ace by DAISY, the standard ePub accessibility checker, finds nothing in the book."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool
from tests.offline.conftest import EpubEdition, run_epubcheck

pytestmark = pytest.mark.slow


def test_epubcheck_accepts_the_book(epub_edition: EpubEdition) -> None:
    check = run_epubcheck(epub_edition.epub)
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output


def test_epubcheck_accepts_the_static_forms(static_forms_epub: EpubEdition) -> None:
    check = run_epubcheck(static_forms_epub.epub)
    assert (check.fatals, check.errors, check.warnings) == (0, 0, 0), check.output


ACE = ROOT / "tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
ACE_INSTALL = "npm ci --prefix tools/ace --ignore-scripts (Node.js and npm), and apt-get install chromium"


def ace_violations(epub: Path, report: Path) -> tuple[list[str], str]:
    """Ace by DAISY's findings for `epub`, one line each, offline with Debian's Chromium."""
    require_tool(str(ACE), ACE_INSTALL)
    chromium = require_tool("chromium", ACE_INSTALL)
    done = subprocess.run([str(ACE), "--silent", "-o", str(report), "-f", str(epub)],
                          env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium},
                          capture_output=True, text=True, timeout=600)
    results = json.loads((report / "report.json").read_text(encoding="utf-8"))
    found = [f"{check['earl:test']['dct:title']} ({check['earl:test'].get('earl:impact')}) in "
             f"{item['earl:testSubject']['url']}"
             for item in results["assertions"] for check in item.get("assertions", [])]
    return found, done.stdout + done.stderr


def test_ace_by_daisy_finds_no_accessibility_violation(epub_edition: EpubEdition,
                                                       tmp_path: Path) -> None:
    found, output = ace_violations(epub_edition.epub, tmp_path / "ace")
    assert found == [], "\n".join(found) + output[-1000:]
