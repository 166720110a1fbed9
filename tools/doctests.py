"""`make doctest`: every example in the lessons runs as shown, contained, and all of them run.

Runs Sphinx's doctest builder (the course's contained one, _ext/course/contained_doctests.py)
in its own process group, stops the whole group if the run outlives its limit, and then reads
the run's record: an example that ended the run early (an `os._exit`, a crash) is named with
its file and line, instead of the run passing in silence.

    python tools/doctests.py [--root PATH] [--outdir PATH]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRESS = "doctest-progress.txt"
#: The whole run; each example has its own, much shorter limit inside.
RUN_LIMIT = 600


def run_doctests(root: Path, outdir: Path, limit: int = RUN_LIMIT) -> tuple[int, str, str | None]:
    """Run the doctest builder; return its exit status, what it printed, and a problem line
    when the run ended early or had to be stopped."""
    command = [sys.executable, "-m", "sphinx", "build", "-b", "doctest", "-n", "-W",
               "--keep-going", "-E", "-d", str(outdir / ".doctrees"), str(root), str(outdir)]
    progress = outdir / PROGRESS
    progress.unlink(missing_ok=True)
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the builder and anything it started
        stdout, stderr = process.communicate()
        return 1, stdout + stderr, _where(progress, root) + (
            f" the examples ran for more than {limit} s and were stopped")
    record = progress.read_text(encoding="utf-8").strip() if progress.exists() else ""
    if process.returncode != 0 and not record.startswith("finished"):
        return process.returncode or 1, stdout + stderr, _where(progress, root) + (
            " this example ended the run: the examples after it never ran (an example "
            "must not stop Python: remove os._exit, sys.exit or what crashed)")
    if not record.startswith("finished"):
        return 1, stdout + stderr, _where(progress, root) + (
            " this example ended the run: the examples after it never ran (an example "
            "must not stop Python: remove os._exit, sys.exit or what crashed)")
    return process.returncode, stdout + stderr, None


def _where(progress: Path, root: Path) -> str:
    """`path:line:` of the example that was running, or of the project."""
    if progress.exists():
        place = progress.read_text(encoding="utf-8").strip()
        if place and not place.startswith("finished"):
            path, _, line = place.rpartition(":")
            try:
                path = Path(path).resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                pass
            return f"{path}:{line}:"
    return "conf.py:1:"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--outdir", type=Path, default=ROOT / "_build" / "doctest")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    status, output, problem = run_doctests(args.root.resolve(), args.outdir.resolve())
    print(output, end="")
    if problem:
        print(problem, file=sys.stderr)
    return status or (1 if problem else 0)


if __name__ == "__main__":
    sys.exit(main())
