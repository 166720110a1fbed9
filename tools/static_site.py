"""Serve a built site on 127.0.0.1 and a free port as a static host would: text gzipped for
browsers that accept it, and 404.html (status 404) for an address with no file.

Run as `python static_site.py FOLDER`; it prints the port it bound, then serves until stopped.
`served(folder)` starts it that way and stops it by its process id: the browser tests
(tests/browser/) and `make audit` (tools/audit.py) use it.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".inv"}


@lru_cache(maxsize=512)
def gzipped(path: str, modified: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6, mtime=0)


class StaticSite(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        # A browser that has what it needs closes the connection mid-answer (Lighthouse does):
        # nothing is wrong, so no traceback.
        with suppress(BrokenPipeError, ConnectionResetError):
            if not self.send_gzipped():
                super().do_GET()

    def do_HEAD(self) -> None:
        if not self.send_gzipped(body=False):
            super().do_HEAD()

    def send_gzipped(self, body: bool = True) -> bool:
        """A compressible file, gzipped, when the browser accepts gzip; False to serve it plainly."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return False  # the plain handler redirects to the address with a slash
            path = os.path.join(path, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "")
                or Path(path).suffix not in COMPRESSIBLE or not os.path.isfile(path)):
            return False
        data = gzipped(path, os.path.getmtime(path))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(data)
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests read the browser, not the access log


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/ for `folder`, until the block ends (stopped by its process id)."""
    process = subprocess.Popen([sys.executable, __file__, str(folder)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None  # stdout=PIPE
    try:
        yield f"http://127.0.0.1:{int(process.stdout.readline())}/"
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def main(folder: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticSite, directory=folder))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
