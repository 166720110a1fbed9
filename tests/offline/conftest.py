"""The offline editions, each built once per test session: the PDF book and the ePub.

Needs TeX Live (xelatex, latexmk), poppler-utils (pdftotext, pdfinfo) and epubcheck. Without
them the tests skip and say what to install; with CI=true they fail (tests/conftest.py).
"""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Build, once_per_run, require_tool, sphinx_build
from tests.offline.static_forms_book import write_static_forms_book

TEX_HINT = ("apt-get install latexmk texlive-xetex texlive-latex-recommended "
            "texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf lmodern")
POPPLER_HINT = "apt-get install poppler-utils"
EPUBCHECK_HINT = "apt-get install epubcheck"
QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")


def book_facts() -> dict:
    """conf.py's values (title, authors, days...), so tests compare with the source of truth."""
    return runpy.run_path(str(ROOT / "conf.py"))


def lessons() -> list[dict]:
    """Every lesson's front matter, in course order."""
    found = [yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
             for path in ROOT.glob("week*/day-*.md")]
    return sorted(found, key=lambda lesson: lesson["day"])


def makefile_latexmk_options() -> list[str]:
    """The latexmk options `make pdf` uses, read from the Makefile (one place for them)."""
    found = re.search(r"^LATEXMKOPTS\s*:?=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert found, "the Makefile defines LATEXMKOPTS for `make pdf`"
    return found.group(1).split()


@dataclass
class PDFEdition:
    build: Build
    pdf: Path
    log: str   # xelatex's log of the last run
    tex: str   # what Sphinx wrote

    def text(self, *pages: str) -> str:
        done = subprocess.run(["pdftotext", *pages, str(self.pdf), "-"],
                              capture_output=True, text=True, check=True)
        return done.stdout

    def info(self) -> dict[str, str]:
        done = subprocess.run(["pdfinfo", str(self.pdf)], capture_output=True, text=True,
                              check=True)
        return dict(line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)


def latexmk(folder: Path, tex: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["latexmk", "-pdf", "-dvi-", "-ps-", *makefile_latexmk_options(), tex],
                          cwd=folder, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def pdf_edition(tmp_path_factory: pytest.TempPathFactory) -> PDFEdition:
    """`make pdf`, once per test run: Sphinx's LaTeX, then latexmk with the Makefile's options."""
    for tool in ("xelatex", "latexmk"):
        require_tool(tool, TEX_HINT)
    for tool in ("pdftotext", "pdfinfo"):
        require_tool(tool, POPPLER_HINT)
    return once_per_run(tmp_path_factory, "pdf", build_pdf)


def build_pdf(outdir: Path) -> PDFEdition:
    build = sphinx_build(ROOT, outdir, "latex", "-d", str(outdir / ".doctrees"))
    assert build.returncode == 0, build.output
    tex = next(outdir.glob("*.tex"))
    done = latexmk(outdir, tex.name)
    log = tex.with_suffix(".log")
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return PDFEdition(build, tex.with_suffix(".pdf"),
                      log.read_text(encoding="utf-8", errors="replace"),
                      tex.read_text(encoding="utf-8"))


def epubcheck_command() -> list[str] | None:
    """How to run epubcheck here, or None. Debian installs it as a jar at /usr/bin/epubcheck."""
    path = shutil.which("epubcheck")
    if path is None:
        return None
    with open(path, "rb") as file:
        is_jar = file.read(2) == b"PK"
    if not is_jar:
        return [path]
    java = shutil.which("java")
    # A short run: the JVM's quick compiler and single-threaded collector halve its CPU time
    # (18 s -> 8 s for the book) without changing what epubcheck reports.
    return [java, *QUICK_JVM, "-jar", path] if java else None


@dataclass
class EpubCheck:
    errors: int
    warnings: int
    fatals: int
    output: str


def run_epubcheck(epub: Path) -> EpubCheck:
    """epubcheck's tally for `epub` (skips without epubcheck and Java, fails under CI=true)."""
    command = epubcheck_command()
    if command is None:
        require_tool("epubcheck", EPUBCHECK_HINT)
        require_tool("java", "apt-get install default-jre-headless")
        raise AssertionError("unreachable: require_tool skipped or failed")
    done = subprocess.run([*command, str(epub)], capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", output)
    if counts is None:  # "No errors or warnings detected." without a tally on some versions
        assert done.returncode == 0 and "No errors or warnings" in output, output
        return EpubCheck(0, 0, 0, output)
    fatals, errors, warnings = map(int, counts.groups())
    return EpubCheck(errors, warnings, fatals, output)


@dataclass
class EpubEdition:
    build: Build
    epub: Path

    def page(self, name: str) -> str:
        return self.build.page(name)

    def pages(self) -> dict[str, str]:
        return {path.relative_to(self.build.outdir).as_posix(): path.read_text(encoding="utf-8")
                for path in self.build.outdir.rglob("*.xhtml")}


def build_epub(srcdir: Path, outdir: Path) -> EpubEdition:
    # Doctrees outside the output folder: the ePub packs what that folder holds.
    build = sphinx_build(srcdir, outdir, "epub", "-d", str(outdir.parent / f"{outdir.name}-doctrees"))
    assert build.returncode == 0, build.output
    return EpubEdition(build, next(outdir.glob("*.epub")))


@pytest.fixture(scope="session")
def epub_edition(tmp_path_factory: pytest.TempPathFactory) -> EpubEdition:
    """`make epub`, once per test run."""
    return once_per_run(tmp_path_factory, "epub", lambda folder: build_epub(ROOT, folder / "epub"))


@pytest.fixture(scope="session")
def static_forms_epub(tmp_path_factory: pytest.TempPathFactory) -> EpubEdition:
    def make(folder: Path) -> EpubEdition:
        source = write_static_forms_book(folder / "source")
        return build_epub(source, folder / "epub")
    return once_per_run(tmp_path_factory, "static-forms-epub", make)
