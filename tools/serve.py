"""`make serve`: the book with live reload on 127.0.0.1, built the moment a file is saved.

sphinx-autobuild's watcher, server and reload script, with a builder made for authors:

* Fast. Each build runs in a worker forked from the server, which has Sphinx, MyST and the
  theme imported already; the worker loads conf.py, the extensions and the environment
  before the next edit comes, and only builds once it does. The course's own `_ext/` code and
  conf.py are always read fresh from disk. An edit reaches the open browser in about a second.
* Safe. Pages are built into a staging folder and published to the served folder only when
  the build had no problem. A broken edit prints one line per problem,
  `path:line: what is wrong (how to fix it)`, the browser keeps the last good page, and
  the page comes back with the fix. A page that had a problem is re-read on every build
  until it is clean, so a later edit elsewhere cannot publish it.
* Whole. A change to `_ext/`, `_static/`, `_templates/` or `conf.py` (even one made while
  the server was stopped) rebuilds every page from a fresh environment.

    python tools/serve.py [--host 127.0.0.1] [--port 8000] [--outdir _build/serve] [SOURCEDIR]

`--port 0` picks a free port. The served folder is OUTDIR; the staging folder is
OUTDIR-staging beside it, with the environment in its `.doctrees`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import io
import json
import logging
import multiprocessing
import os
import re
import shutil
import signal
import sys
import time
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from problems import Problem, parse_crash, parse_sphinx_warnings  # noqa: E402

#: What every page depends on: a change here rebuilds the whole book.
SITE_MACHINERY = ("_ext", "_static", "_templates", "conf.py")
#: Never a reason to rebuild: bytecode, editors' scratch files, tool caches, build output.
NOT_SOURCES = [r"(^|/)__pycache__(/|$)", r"\.py[co]$", r"(^|/)\.[^/]*$", r"~$",
               r"(^|/)\.#", r"(^|/)(_build|\.git|\.venv|node_modules|\.pytest_cache)(/|$)"]
FULL_BUILD_STAMP = "serve-full-build.stamp"
PROBLEM_PAGES = "serve-problem-pages.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def say(text: str) -> None:
    print(f"[serve] {text}", flush=True)


# -- deciding what to build ---------------------------------------------------------------

def _is_machinery(path: Path, srcdir: Path) -> bool:
    """A file every page depends on (under _ext/, _static/, _templates/, or conf.py)."""
    with contextlib.suppress(ValueError):
        relative = path.relative_to(srcdir).as_posix()
        return (relative.split("/")[0] in SITE_MACHINERY
                and not any(re.search(p, relative) for p in NOT_SOURCES))
    return False


def _machinery_files(srcdir: Path) -> list[Path]:
    files = []
    for name in SITE_MACHINERY:
        path = srcdir / name
        candidates = path.rglob("*") if path.is_dir() else [path]
        files += [file for file in candidates if file.is_file() and _is_machinery(file, srcdir)]
    return files


def needs_full_build(srcdir: Path, doctrees: Path) -> bool:
    """True when the site machinery changed after the last full build began (or never built)."""
    stamp = doctrees / FULL_BUILD_STAMP
    if not stamp.exists():
        return True
    built = stamp.stat().st_mtime_ns
    return any(file.stat().st_mtime_ns > built for file in _machinery_files(srcdir))


# -- one build ------------------------------------------------------------------------------

def _problem_pages(doctrees: Path) -> set[str]:
    with contextlib.suppress(OSError, ValueError):
        return set(json.loads((doctrees / PROBLEM_PAGES).read_text(encoding="utf-8")))
    return set()


def _innermost(error: BaseException) -> BaseException:
    # Sphinx wraps an extension's exception in ExtensionError; the author needs the cause.
    while (cause := getattr(error, "orig_exc", None) or error.__cause__) is not None:
        error = cause
    return error


def _crash(error: BaseException, srcdir: Path) -> Problem:
    """A build that raised: one line at the author's line, never a traceback."""
    cause = _innermost(error)
    text = "".join(traceback.format_exception(cause))
    return parse_crash(text, srcdir) or Problem(
        "conf.py", 1, f"{type(cause).__name__}: {cause} (the build stopped; see conf.py)")


class PreparedBuild:
    """A Sphinx application made ahead of the next edit: conf.py, extensions, environment.

    Making it is a third of an incremental build's time, so a standby worker makes it while
    the author is still typing; Sphinx only looks at which files changed in `run`.
    """

    def __init__(self, srcdir: Path, staging: Path, full: bool) -> None:
        from sphinx.application import Sphinx

        self.srcdir, self.full = srcdir, full
        self.doctrees = staging / ".doctrees"
        self.warnings = io.StringIO()
        self.started = time.time_ns()
        self.app: Sphinx | None = None
        self.failure: Problem | None = None
        try:
            self.app = Sphinx(srcdir, srcdir, staging, self.doctrees, "html", status=None,
                              warning=self.warnings, freshenv=full,
                              # the authors' preview: drafts, image briefs, sources
                              confoverrides={"nitpicky": True, "course_edition": "preview"})
            self.app.connect("env-get-outdated", self._read_problem_pages_again)
        except Exception as error:
            self.failure = _crash(error, srcdir)

    def _read_problem_pages_again(self, app, env, added, changed, removed) -> list[str]:
        # Pages that had a problem are read again until they are clean.
        return sorted(_problem_pages(self.doctrees) & env.found_docs)

    def run(self) -> list[Problem]:
        """Build what changed since the last build; the problems found, one line each."""
        if self.app is None or self.failure is not None:
            return [self.failure] if self.failure else []
        try:
            self.app.build(force_all=self.full)
        except Exception as error:
            return [_crash(error, self.srcdir)]
        text = ANSI.sub("", self.warnings.getvalue())
        problems = sorted(set(parse_sphinx_warnings(text, self.srcdir)))
        pages = {doc for p in problems if (doc := self.app.env.path2doc(str(self.srcdir / p.path)))}
        (self.doctrees / PROBLEM_PAGES).write_text(json.dumps(sorted(pages)), encoding="utf-8")
        if self.full:
            stamp = self.doctrees / FULL_BUILD_STAMP
            stamp.touch()
            os.utime(stamp, ns=(self.started, self.started))  # a later edit still counts
        return problems


def publish(staging: Path, served: Path) -> int:
    """Copy what changed from staging to the served folder, each file replaced atomically."""
    copied = 0
    for source in staging.rglob("*"):
        relative = source.relative_to(staging)
        if relative.parts[0] == ".doctrees" or not source.is_file():
            continue
        target = served / relative
        stat = source.stat()
        with contextlib.suppress(OSError):
            old = target.stat()
            if (old.st_size, old.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        shutil.copy2(source, partial)
        os.replace(partial, target)
        copied += 1
    return copied


def _standby(conn: Connection, servers_end: Connection, srcdir: Path, staging: Path,
             served: Path, full: bool) -> None:
    """A worker: prepare the build now, run it when the server says an edit has come."""
    servers_end.close()  # else a server that dies would leave this worker waiting for ever
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the server's graceful handler
    prepared = PreparedBuild(srcdir, staging, full)
    try:
        if conn.recv() != "go":
            return
    except (EOFError, OSError):
        return
    started = time.perf_counter()
    problems = prepared.run()
    if problems:
        for problem in problems:
            print(problem, flush=True)
        say(f"{len(problems)} problem{'s' if len(problems) > 1 else ''}: still serving the "
            "last good build; fix the line above and save")
    else:
        publish(staging, served)
        say(f"built in {time.perf_counter() - started:.2f} s")
    # The modules this build used, for the server to import before the next fork.
    conn.send([name for name, module in list(sys.modules.items())
               if not _in_project(getattr(module, "__file__", None), srcdir)])


class Builds:
    """What the watcher calls after each batch of changes: one standby worker at a time.

    Workers are forked from the server, which has imported what builds use (never the
    course's own code, which each worker reads fresh); a worker prepared before a change to
    the site machinery is thrown away for a fresh one that rebuilds everything.
    """

    def __init__(self, srcdir: Path, served: Path) -> None:
        self.srcdir, self.served = srcdir, served
        self.staging = served.with_name(served.name + "-staging")
        # Fork on Linux, so workers inherit the server's imports; elsewhere the default.
        self.context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        self.standby: tuple[multiprocessing.process.BaseProcess, Connection, bool] | None = None

    def _full(self) -> bool:
        return needs_full_build(self.srcdir, self.staging / ".doctrees")

    def _start(self, full: bool) -> tuple[multiprocessing.process.BaseProcess, Connection, bool]:
        ours, theirs = self.context.Pipe()
        worker = self.context.Process(target=_standby, daemon=True, args=(
            theirs, ours, self.srcdir, self.staging, self.served, full))
        worker.start()
        theirs.close()
        return worker, ours, full

    def _discard(self) -> None:
        if self.standby is not None:
            worker, conn, _ = self.standby
            with contextlib.suppress(OSError):
                conn.send("stop")
            worker.join(timeout=10)
            if worker.is_alive():
                worker.terminate()
            self.standby = None

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> None:
        full = self._full()
        names = ", ".join(sorted({_shown(path, self.srcdir) for path in changed_paths})[:5])
        say(("full rebuild" if full else "rebuilding") + (f" after {names}" if names else ""))
        # A worker prepared before this change read the old conf.py and _ext/ (perhaps a
        # broken one): after a change to the machinery, only a fresh worker sees the fix.
        machinery_changed = any(_is_machinery(path, self.srcdir) for path in changed_paths)
        if (self.standby is None or self.standby[2] != full or machinery_changed
                or not self.standby[0].is_alive()):
            self._discard()
            self.standby = self._start(full)
        worker, conn, _ = self.standby
        self.standby = None
        try:
            conn.send("go")
            warm_up(conn.recv())
        except (EOFError, OSError):
            say("the build stopped without a word; save again to retry")
        worker.join()
        self.standby = self._start(self._full())  # ready for the next edit

    def close(self) -> None:
        self._discard()


def _shown(path: Path, srcdir: Path) -> str:
    with contextlib.suppress(ValueError):
        return path.relative_to(srcdir).as_posix()
    return str(path)


def _in_project(file: str | None, srcdir: Path) -> bool:
    return file is not None and Path(file).resolve().is_relative_to(srcdir)


def warm_up(modules: list[str]) -> None:
    """Import, in the server, what builds use, so each forked build starts with them loaded."""
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


# -- the server ------------------------------------------------------------------------------

#: The Host headers the preview answers.
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

def serve(srcdir: Path, served: Path, host: str, port: int) -> None:
    import uvicorn
    import watchfiles
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from sphinx_autobuild.utils import find_free_port
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # we say what changed ourselves
    port = port or find_free_port()
    builds = Builds(srcdir, served)
    served.mkdir(parents=True, exist_ok=True)
    builds()  # the first build, in a worker too: the server never imports the course's code

    class Watcher(RebuildServer):
        """sphinx-autobuild's watcher, handing each batch of changes to `builds`."""

        async def watch(self) -> None:
            async for changes in watchfiles.awatch(
                    *self.paths, watch_filter=lambda _, path: not self.ignore(path)):
                await asyncio.to_thread(
                    self.change_callback, changed_paths=[Path(p).resolve() for _, p in changes])
                self.flag.set()  # every open page reloads

    ignore = IgnoreFilter([served, builds.staging], NOT_SOURCES)
    watcher = Watcher([srcdir], ignore, change_callback=builds)
    app = Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=served, html=True), name="static")],
        # Only this machine's own names: a page elsewhere cannot reach the preview by pointing
        # a domain of its own at 127.0.0.1 (DNS rebinding), since its Host header is refused.
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=sorted(LOCAL_HOSTS | {host})),
                    Middleware(JavascriptInjectorMiddleware, ws_url=f"{host}:{port}")],
        lifespan=watcher.lifespan,
    )
    say(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        builds.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sourcedir", nargs="?", type=Path, default=Path.cwd())
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--outdir", type=Path, default=None,
                        help="the served folder (default: SOURCEDIR/_build/serve)")
    args = parser.parse_args(argv)
    srcdir = args.sourcedir.resolve()
    if not (srcdir / "conf.py").is_file():
        print(f"{srcdir}: no conf.py here (run `make serve` in the project's folder)",
              file=sys.stderr)
        return 2
    served = (args.outdir or srcdir / "_build" / "serve").resolve()
    try:
        serve(srcdir, served, args.host, args.port)
    except KeyboardInterrupt:
        pass
    except OSError as error:  # most often: the port is taken
        print(f"make serve: {error} (try another port: make serve PORT=8001)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
