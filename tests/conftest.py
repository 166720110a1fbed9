"""Shared test plumbing: where the book is, one build per builder, and required system tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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


@pytest.fixture(scope="session")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real book, built once per test session with -n -W."""
    build = sphinx_build(ROOT, tmp_path_factory.mktemp("html"), "html")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def doctest_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return sphinx_build(ROOT, tmp_path_factory.mktemp("doctest"), "doctest")
