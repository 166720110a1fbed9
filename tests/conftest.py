"""Shared test plumbing: where the book is, one build per builder, and required system tools.

`make test` runs the suite with pytest-xdist (`--dist loadgroup`). Every expensive build (the
book's HTML, doctests, PDF, ePub, the broken copy `make check` reads) is made once for the
whole run, by whichever worker needs it first (`once_per_run`), and the tests that read it
spread over the workers; tests sharing a module's server form one xdist group. No test
depends on the order tests run in. (pytest 9.2 stops xdist from honouring groups,
pytest-dev/pytest-xdist#1386; the groups take effect again once that is fixed, and nothing
relies on them meanwhile but the serve tests' one server.)
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TypeVar

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


def sphinx_in_process(srcdir: Path, outdir: Path, builder: str = "html",
                      overrides: dict[str, object] | None = None) -> Build:
    """The same strict build (-n -W --keep-going) in this process, with sphinx.testing.

    For tests of the extension on tiny books: a build takes a fraction of a second here,
    against a second for a new Python that imports Sphinx. Warnings make the exit code 1, as
    with -W; the output is what sphinx-build would print, without colours. `outdir` should
    end in the builder's name (SphinxTestApp writes to BUILDDIR/BUILDER). `overrides` are
    conf.py values, as -D gives them.
    """
    from sphinx.testing.util import SphinxTestApp
    from sphinx.util.console import nocolor

    nocolor()
    builddir = outdir.parent if outdir.name == builder else outdir.parent / f"{outdir.name}.build"
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir,
                        confoverrides={"nitpicky": True, **(overrides or {})},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    failed = bool(warnings.strip()) or app.statuscode != 0  # -W; the doctest builder's failures
    return Build(Path(app.outdir), int(failed), app.status.getvalue() + warnings)


T = TypeVar("T")


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str,
                 make: Callable[[Path], T]) -> T:
    """`make(folder)` once for the whole test run, whichever xdist worker asks first.

    pytest-xdist gives each worker its own session, so a session fixture would be built once
    per worker; here the first worker builds it into the run's shared folder while the others
    wait on a lock, then read the pickled result (xdist's documented recipe, with fcntl).
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder
    record = shared / f"{name}.pickle"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            result: T = pickle.loads(record.read_bytes())
            return result
        folder = shared / name
        shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed left behind
        folder.mkdir()
        result = make(folder)
        record.write_bytes(pickle.dumps(result))
        return result


@pytest.fixture(scope="session")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real book, built once per test run with -n -W."""
    build = once_per_run(tmp_path_factory, "html", lambda folder: sphinx_build(ROOT, folder, "html"))
    assert build.returncode == 0, build.output
    return build


#: Read the Docs' environment for a build of this project's `latest` version.
READ_THE_DOCS = {"READTHEDOCS": "True",
                 "READTHEDOCS_CANONICAL_URL": "https://ai-asks.readthedocs.io/en/latest/",
                 "READTHEDOCS_GIT_CLONE_URL": "https://github.com/example/ai-asks.git"}


@pytest.fixture(scope="session")
def published_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real book as Read the Docs builds it: under /en/latest/, with its address known."""
    build = once_per_run(tmp_path_factory, "published",
                         lambda folder: sphinx_build(ROOT, folder, "html", env=READ_THE_DOCS))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def doctest_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return once_per_run(tmp_path_factory, "doctest",
                        lambda folder: sphinx_build(ROOT, folder, "doctest"))


#: Tests that share a module-scoped server stay on one worker (tests/serve).
GROUPS = {"server": "serve"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        group = next((name for fixture, name in GROUPS.items() if fixture in fixtures), None)
        if group is not None and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))
