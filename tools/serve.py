"""`make serve`: the book with live reload on 127.0.0.1, built the moment a file is saved.

sphinx-autobuild's watcher, server and reload script, with a builder made for authors:

* Fast. Every build runs in a process forked from the server, which has Sphinx, MyST and the
  theme imported already (the course's own `_ext/` code and conf.py are always read fresh
  from disk), so an edit reaches the open browser in about a second.
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
import contextlib
import importlib
import io
import json
import logging
import multiprocessing
import os
import re
import shutil
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
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

def _machinery_files(srcdir: Path) -> list[Path]:
    files = []
    for name in SITE_MACHINERY:
        path = srcdir / name
        candidates = path.rglob("*") if path.is_dir() else [path]
        files += [file for file in candidates if file.is_file()
                  and not any(re.search(p, file.relative_to(srcdir).as_posix()) for p in NOT_SOURCES)]
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


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _innermost(error: BaseException) -> BaseException:
    # Sphinx wraps an extension's exception in ExtensionError; the author needs the cause.
    while (cause := getattr(error, "orig_exc", None) or error.__cause__) is not None:
        error = cause
    return error


def build(srcdir: Path, staging: Path, full: bool) -> list[Problem]:
    """Build into `staging` with Sphinx in this process; the problems found, one line each."""
    import traceback

    from jinja2 import FileSystemBytecodeCache
    from sphinx.application import Sphinx

    doctrees = staging / ".doctrees"
    sticky = _problem_pages(doctrees)
    warnings = io.StringIO()
    started = time.time_ns()
    try:
        app = Sphinx(srcdir, srcdir, staging, doctrees, "html", status=None, warning=warnings,
                     freshenv=full, confoverrides={"nitpicky": True})
        # Each build is a new process: keep the theme's compiled templates on disk (Jinja
        # checks each template's source, so an edited template is compiled again).
        app.builder.templates.environment.bytecode_cache = FileSystemBytecodeCache(
            str(_folder(doctrees / "jinja")))
        # Pages that had a problem are read again until they are clean.
        app.connect("env-get-outdated",
                    lambda app, env, added, changed, removed: sorted(sticky & env.found_docs))
        app.build(force_all=full)
    except Exception as error:  # the author gets one line at their line, never a traceback
        cause = _innermost(error)
        text = "".join(traceback.format_exception(cause))
        crash = parse_crash(text, srcdir) or Problem(
            "conf.py", 1, f"{type(cause).__name__}: {cause} (the build stopped; see conf.py)")
        return [crash]
    problems = sorted(set(parse_sphinx_warnings(ANSI.sub("", warnings.getvalue()), srcdir)))
    pages = {doc for p in problems if (doc := app.env.path2doc(str(srcdir / p.path)))}
    (doctrees / PROBLEM_PAGES).write_text(json.dumps(sorted(pages)), encoding="utf-8")
    if full:
        stamp = doctrees / FULL_BUILD_STAMP
        stamp.touch()
        os.utime(stamp, ns=(started, started))  # an edit during this build still counts
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


class Builder:
    """What the watcher calls, in a forked worker, after each batch of changes."""

    def __init__(self, srcdir: Path, served: Path) -> None:
        self.srcdir, self.served = srcdir, served
        self.staging = served.with_name(served.name + "-staging")

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> list[str]:
        full = needs_full_build(self.srcdir, self.staging / ".doctrees")
        names = ", ".join(sorted({_shown(path, self.srcdir) for path in changed_paths})[:5])
        say(("full rebuild" if full else "rebuilding") + (f" after {names}" if names else ""))
        started = time.perf_counter()
        problems = build(self.srcdir, self.staging, full)
        if problems:
            for problem in problems:
                print(problem, flush=True)
            say(f"{len(problems)} problem{'s' if len(problems) > 1 else ''}: still serving the "
                "last good build; fix the line above and save")
        else:
            publish(self.staging, self.served)
            say(f"built in {time.perf_counter() - started:.2f} s")
        # The modules this build used, for the server to import before the next fork.
        return [name for name, module in list(sys.modules.items())
                if not _in_project(getattr(module, "__file__", None), self.srcdir)]


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

def serve(srcdir: Path, served: Path, host: str, port: int) -> None:
    import uvicorn
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from sphinx_autobuild.utils import find_free_port
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # we say what changed ourselves
    if sys.platform == "linux":
        multiprocessing.set_start_method("fork", force=True)  # workers inherit warm imports
    port = port or find_free_port()
    builder = Builder(srcdir, served)
    served.mkdir(parents=True, exist_ok=True)
    # The first build also runs in a worker, so the server never imports the course's code.
    with ProcessPoolExecutor(max_workers=1) as pool:
        warm_up(pool.submit(builder).result())

    ignore = IgnoreFilter([served, builder.staging], NOT_SOURCES)
    watcher = RebuildServer([srcdir], ignore, change_callback=builder)
    app = Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=served, html=True), name="static")],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=f"{host}:{port}")],
        lifespan=watcher.lifespan,
    )
    say(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
