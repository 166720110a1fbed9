"""Every example runs contained: a time limit each, a scratch folder, a clean environment, no
network, no programs started, nothing written into the project; and every example found runs.

A lesson is untrusted input, and `make doctest` runs its code. This builder is Sphinx's
doctest builder with those limits around each example (Python's audit hooks see what an
example tries; a timer stops one that runs too long). It records, before each example, where
that example is (`doctest-progress.txt`), and at the end how many ran of how many it found,
so an example that ends the whole run (`os._exit`) is named by `tools/doctests.py` instead of
passing in silence.
"""

from __future__ import annotations

import doctest
import os
import signal
import sys
import tempfile
from collections.abc import Iterator, Set
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sphinx.ext.doctest as sphinx_doctest
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.ext.doctest import DocTestBuilder, SphinxDocTestRunner
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Seconds one example may run (`course_example_seconds`). The course's slowest, Day 13's
#: scrypt, takes under one.
TIME_LIMIT = 10
PROGRESS = "doctest-progress.txt"
#: What an example may not do, by the audit event Python raises for it.
NO_PROGRAMS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
               "os.fork", "os.forkpty", "os.kill", "os.killpg"}
NO_NETWORK = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}
LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0", "")


class ExampleStopped(Exception):
    """What a contained example sees when it oversteps."""


class _Guard:
    """The limits, live only while an example runs (Sphinx itself writes and reads freely)."""

    active = False
    project = Path("/")
    installed = False

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.active:
            return
        if event in NO_PROGRAMS:
            cls.stop(f"starts a program ({event})")
        if event in NO_NETWORK and str(args[0]) not in ("localhost", "127.0.0.1", "::1"):
            cls.stop(f"looks up {args[0]} on the network")
        if event == "socket.connect":
            address = args[1]
            host = str(address[0]) if isinstance(address, tuple) else str(address)
            if not host.startswith(LOOPBACK):
                cls.stop(f"connects to {host}")
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            mode = str(args[1] or "r")
            if any(flag in mode for flag in "wax+"):
                path = Path(os.fsdecode(args[0])).resolve()
                if path.is_relative_to(cls.project):
                    cls.stop(f"writes {path.name} into the project")

    @classmethod
    def stop(cls, what: str) -> None:
        cls.active = False  # the report that follows may write freely
        raise ExampleStopped(f"an example in a lesson may not do this: it {what} "
                             "(examples run offline, in a scratch folder)")


def _out_of_time(signum: int, frame: Any) -> None:
    raise ExampleStopped(f"this example ran for more than {ContainedRunner.seconds:g} s "
                         "(an example must finish quickly: look for a loop that never ends)")


class ContainedRunner(SphinxDocTestRunner):
    """Sphinx's runner, with each example timed, guarded and its place recorded."""

    progress: Path | None = None
    examples_run = 0
    seconds: float = TIME_LIMIT

    def report_start(self, out: Any, test: doctest.DocTest, example: doctest.Example) -> None:
        if ContainedRunner.progress is not None:
            line = (test.lineno or 0) + example.lineno + 1
            ContainedRunner.progress.write_text(f"{test.filename}:{line}\n", encoding="utf-8")
        ContainedRunner.examples_run += 1
        signal.setitimer(signal.ITIMER_REAL, ContainedRunner.seconds)
        _Guard.active = True
        super().report_start(out, test, example)

    def _done(self) -> None:
        _Guard.active = False
        signal.setitimer(signal.ITIMER_REAL, 0)

    def report_success(self, *args: Any) -> None:
        self._done()
        super().report_success(*args)

    def report_failure(self, *args: Any) -> None:
        self._done()
        super().report_failure(*args)

    def report_unexpected_exception(self, *args: Any) -> None:
        self._done()
        super().report_unexpected_exception(*args)


@contextmanager
def _contained_runner() -> Iterator[None]:
    """Sphinx's doctest builder makes its runners from this module-level name."""
    sphinx_doctest.SphinxDocTestRunner = ContainedRunner  # type: ignore[misc]
    try:
        yield
    finally:
        sphinx_doctest.SphinxDocTestRunner = SphinxDocTestRunner  # type: ignore[misc]


def examples_in(doctree: nodes.Node) -> int:
    """How many examples a page shows: each `>>>` of a doctest block, each testcode block."""
    count = 0
    for node in doctree.findall(nodes.Element):
        kind = node.get("testnodetype")
        if kind == "doctest":
            count += len(doctest.DocTestParser().get_examples(node.get("test", node.astext())))
        elif kind == "testcode":
            count += 1
    return count


class ContainedDocTestBuilder(DocTestBuilder):
    name = "doctest"

    def init(self) -> None:
        super().init()
        self.scratch = tempfile.TemporaryDirectory(prefix="course-examples-")
        self.saved_cwd, self.saved_environ = os.getcwd(), dict(os.environ)
        os.chdir(self.scratch.name)
        # No CI variables or secrets: only what Python needs, and a home in the scratch folder.
        os.environ.clear()
        os.environ.update(PATH=self.saved_environ.get("PATH", "/usr/bin:/bin"),
                          HOME=self.scratch.name, TMPDIR=self.scratch.name, LANG="C.UTF-8")
        _Guard.project = Path(self.srcdir).resolve()
        if not _Guard.installed:  # audit hooks cannot be removed: one for the process
            sys.addaudithook(_Guard.hook)
            _Guard.installed = True
        self.saved_alarm = signal.signal(signal.SIGALRM, _out_of_time)
        ContainedRunner.progress = Path(self.outdir) / PROGRESS
        ContainedRunner.examples_run = 0
        ContainedRunner.seconds = float(self.config.course_example_seconds)
        self.examples_found = 0

    def write_documents(self, docnames: Set[str]) -> None:
        self.examples_found = sum(examples_in(self.env.get_doctree(name)) for name in docnames)
        with _contained_runner():
            super().write_documents(docnames)

    def finish(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.saved_alarm)
        os.chdir(self.saved_cwd)
        os.environ.clear()
        os.environ.update(self.saved_environ)
        self.scratch.cleanup()
        super().finish()
        assert ContainedRunner.progress is not None
        ran = self.total_tries
        ContainedRunner.progress.write_text(f"finished: {ran} of {self.examples_found}\n",
                                            encoding="utf-8")
        if ran != self.examples_found and not self.total_failures:
            logger.warning(f"{self.examples_found} examples were found but {ran} ran "
                           "(every example shown must run: no hidden or skipped examples)",
                           type="course", subtype="doctest")


def setup_contained_doctests(app: Sphinx) -> None:
    app.add_config_value("course_example_seconds", TIME_LIMIT, "", types=[int, float])
    app.add_builder(ContainedDocTestBuilder, override=True)
