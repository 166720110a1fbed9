"""Compiled page templates kept between builds, beside the environment.

Sphinx compiles the theme's Jinja templates again in every process: a quarter of a second,
a tenth of a one-lesson rebuild. Jinja's bytecode cache keeps them on disk, keyed by each
template's source, so an edited template is compiled afresh (jinja2.FileSystemBytecodeCache).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from sphinx.application import Sphinx


def keep_compiled_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if isinstance(environment, Environment) and app.doctreedir:
        folder = Path(app.doctreedir) / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def setup_template_cache(app: Sphinx) -> None:
    app.connect("builder-inited", keep_compiled_templates)
