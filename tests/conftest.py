"""Shared test plumbing: where the book is, one build per builder, and required system tools.

`make test` runs the suite with pytest-xdist (`--dist loadgroup`). A session fixture is built
once per worker that asks for it, so the tests sharing an expensive one form one xdist group
(`pytest_collection_modifyitems` below) and run on one worker; every other test goes to
whichever worker is free. No test depends on the order tests run in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"

# Sphinx colours its output whenever CI=true, even into a pipe; tests read that output as
# text, so every build a test starts is colourless.
os.environ["NO_COLOR"] = "1"


def require_tool(name: str, install_hint: str) -> str:
    """The tool's path; without it, skip (on a user's machine) or fail (under CI=true)."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (install it with: {install_hint})"
    if IN_CI:
        pytest.fail(message + "; CI must have every tool the suite needs")
    pytest.skip(message)


@dataclass
class Build:
    """A finished sphinx-build run: its output folder, exit code and console text."""

    outdir: Path
    returncode: int
    output: str

    def page(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def sphinx_build(srcdir: Path, outdir: Path, builder: str = "html", *extra: str,
                 env: dict[str, str] | None = None) -> Build:
    """Run sphinx-build as a user would, strict, and keep what it printed."""
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", builder,
               *extra, str(srcdir), str(outdir)]
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)
    return Build(outdir, done.returncode, done.stdout + done.stderr)


def sphinx_in_process(srcdir: Path, outdir: Path, builder: str = "html") -> Build:
    """The same strict build (-n -W --keep-going) in this process, with sphinx.testing.

    For tests of the extension on tiny books: a build takes a fraction of a second here,
    against a second for a new Python that imports Sphinx. Warnings make the exit code 1, as
    with -W; the output is what sphinx-build would print, without colours. `outdir` should
    end in the builder's name (SphinxTestApp writes to BUILDDIR/BUILDER).
    """
    from sphinx.testing.util import SphinxTestApp
    from sphinx.util.console import nocolor

    nocolor()
    builddir = outdir.parent if outdir.name == builder else outdir.parent / f"{outdir.name}.build"
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir,
                        confoverrides={"nitpicky": True}, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    failed = bool(warnings.strip()) or app.statuscode != 0  # -W; the doctest builder's failures
    return Build(Path(app.outdir), int(failed), app.status.getvalue() + warnings)


@pytest.fixture(scope="session")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real book, built once per test session with -n -W."""
    build = sphinx_build(ROOT, tmp_path_factory.mktemp("html"), "html")
    assert build.returncode == 0, build.output
    return build


#: Read the Docs' environment for a build of this project's `latest` version.
READ_THE_DOCS = {"READTHEDOCS": "True",
                 "READTHEDOCS_CANONICAL_URL": "https://ai-asks.readthedocs.io/en/latest/",
                 "READTHEDOCS_GIT_CLONE_URL": "https://github.com/example/ai-asks.git"}


@pytest.fixture(scope="session")
def published_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real book as Read the Docs builds it: under /en/latest/, with its address known."""
    build = sphinx_build(ROOT, tmp_path_factory.mktemp("published"), "html", env=READ_THE_DOCS)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def doctest_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return sphinx_build(ROOT, tmp_path_factory.mktemp("doctest"), "doctest")


#: Session fixtures worth building once: the tests that use one share its worker.
#: (The served site's tests are spread out instead: each variant of the page sweep is slow
#: enough to pay for a second HTML build.)
EXPENSIVE_FIXTURES = {
    "pdf_edition": "pdf",
    "epub_edition": "epub",
    "static_forms_epub": "static-forms",
    "broken_copy": "check",
    "doctest_build": "doctest",
    "published_build": "published",
    "server": "serve",  # tests/serve: one preview server for the module
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        fixtures = getattr(item, "fixturenames", ())
        group = next((name for fixture, name in EXPENSIVE_FIXTURES.items() if fixture in fixtures), None)
        if group is None and "html_build" in fixtures and "site" not in fixtures:
            group = "html"
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
