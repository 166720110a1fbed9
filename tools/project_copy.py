"""A throwaway copy of the project's sources, for tests and benchmarks that edit files."""

from __future__ import annotations

import shutil
from pathlib import Path

#: Not sources: the environment, build output, version control and tool caches.
NOT_COPIED = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", ".mypy_cache",
                                    "node_modules", "*.pyc")


def copy_project(source: Path, destination: Path) -> Path:
    """Copy the project at `source` to `destination` (which must not exist yet)."""
    shutil.copytree(source, destination, ignore=NOT_COPIED, symlinks=True)
    return destination
