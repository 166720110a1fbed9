"""Two builds of the same sources write byte-identical HTML: no build-time stamps anywhere."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, Build, sphinx_build


def files(folder: Path) -> dict[str, bytes]:
    """The published files: not the environment pickle Sphinx keeps in .doctrees."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and ".doctrees" not in path.relative_to(folder).parts}


def first_difference(one: bytes, other: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))
    return f"byte {at}: {one[max(0, at - 40):at + 40]!r} vs {other[max(0, at - 40):at + 40]!r}"


def test_two_builds_write_the_same_bytes(html_build: Build, tmp_path: Path) -> None:
    # The session's build is the first; the second runs later, at another time, with the
    # same settings. No SOURCE_DATE_EPOCH: the pages read no clock (lessons are dated from git),
    # and Sphinx would also move copyright years to that epoch's year.
    second_build = sphinx_build(ROOT, tmp_path / "second", "html")
    assert second_build.returncode == 0, second_build.output

    first, second = (files(build.outdir) for build in (html_build, second_build))
    assert first.keys() == second.keys(), sorted(first.keys() ^ second.keys())
    assert any(name.endswith(".html") for name in first)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, "these files differ between two builds:\n" + "\n".join(
        f"  {name}: {first_difference(first[name], second[name])}" for name in differ)
