"""Two builds of the same sources write byte-identical HTML: no build-time stamps anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def commit_time() -> str:
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                          capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "1700000000"


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def first_difference(one: bytes, other: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))
    return f"byte {at}: {one[max(0, at - 40):at + 40]!r} vs {other[max(0, at - 40):at + 40]!r}"


def test_two_builds_write_the_same_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": commit_time()}
    outdirs = [tmp_path / "first", tmp_path / "second"]
    # Side by side, each with its own environment pickle outside the published folder.
    builds = [subprocess.Popen([sys.executable, "-m", "sphinx", "build", "-q", "-b", "html",
                                "-d", str(tmp_path / f"doctrees-{n}"), str(ROOT), str(outdir)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
              for n, outdir in enumerate(outdirs)]
    for build in builds:
        output, _ = build.communicate(timeout=600)
        assert build.returncode == 0, output

    first, second = (files(outdir) for outdir in outdirs)
    assert first.keys() == second.keys(), sorted(first.keys() ^ second.keys())
    assert any(name.endswith(".html") for name in first)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, "these files differ between two builds:\n" + "\n".join(
        f"  {name}: {first_difference(first[name], second[name])}" for name in differ)
