"""Run `tools/serve.py` (what `make serve` runs) from Python, for the tests and the benchmark.

Binds 127.0.0.1 on a free port, waits until the first build is served, and stops the server
and its build workers by the process-group id of the process it started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

SERVE = Path(__file__).resolve().parent / "serve.py"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(step)


class PreviewServer:
    """`python tools/serve.py --port N SRCDIR` in its own process group, its output in a file."""

    def __init__(self, srcdir: Path, log: Path, python: str = sys.executable) -> None:
        self.srcdir, self.log = srcdir, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        with open(log, "w", encoding="utf-8") as output:
            self.process = subprocess.Popen(
                [python, str(SERVE), "--host", "127.0.0.1", "--port", str(self.port),
                 str(srcdir)],
                cwd=srcdir, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = 180) -> None:
        def ready() -> bool:
            if self.process.poll() is not None:
                raise RuntimeError(f"the preview server exited:\n{self.output()}")
            return "Serving on" in self.output() and self.fetch("") is not None
        wait_until(ready, timeout, "the first build to be served")

    def fetch(self, page: str) -> str | None:
        try:
            with urllib.request.urlopen(self.url + page, timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def stop(self) -> None:
        """SIGTERM to the group we started (server and build workers); SIGKILL if it lingers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)

    def __enter__(self) -> PreviewServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
