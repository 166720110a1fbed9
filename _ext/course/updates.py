"""Incremental builds: which unchanged pages must be rewritten after some lessons were re-read.

Every page's navigation shows each lesson's title; the course map also shows questions and
draft badges; the recap shows wrap-ups; the glossary shows definitions; a {term} link shows
its term's short definition as a tip. Only the pages that
really show a changed fact are rewritten. A page whose image slot still waits for its image is
re-read once the image file appears.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import course_domain
from .term_tips import short_definition

_SNAPSHOT_KEY = "course_snapshot"


def _facts(env: BuildEnvironment) -> dict[str, Any]:
    domain = course_domain(env)
    return {
        "nav": {doc: (l.day, l.title) for doc, l in domain.lessons.items()},
        "map": {doc: (l.day, l.title, l.question, l.status) for doc, l in domain.lessons.items()},
        "recap": {doc: wrap.astext() for doc, wrap in domain.wraps.items()},
        "glossary": {name: (t.docname, t.definition.astext() if t.definition else "")
                     for name, t in domain.terms.items()},
        "tips": {name: short_definition(t.definition) for name, t in domain.terms.items()
                 if t.definition is not None},
    }


def snapshot(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    # Taken before any page is purged and re-read; never pickled with the environment.
    app.__dict__[_SNAPSHOT_KEY] = _facts(env)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = app.__dict__.pop(_SNAPSHOT_KEY, None)
    if before is None:
        return []
    after = _facts(env)
    if before["nav"] != after["nav"]:
        return sorted(env.found_docs)  # a title in the navigation of every page
    domain = course_domain(env)
    changed = {kind for kind in ("map", "recap", "glossary") if before[kind] != after[kind]}
    pages = {doc for doc, kinds in domain.listings.items() if kinds & changed}
    tips = {name for name in before["tips"].keys() | after["tips"].keys()
            if before["tips"].get(name) != after["tips"].get(name)}
    pages |= {doc for doc, terms in domain.term_refs.items() if terms & tips}
    return sorted(doc for doc in pages if doc in env.all_docs)


def reread_when_image_appears(app: Sphinx, env: BuildEnvironment, added: set[str],
                              changed: set[str], removed: set[str]) -> list[str]:
    wanted = course_domain(env).images_wanted
    return sorted(doc for doc, path in wanted.items()
                  if doc not in removed and any(Path(path).parent.glob(Path(path).name)))


def setup_updates(app: Sphinx) -> None:
    app.connect("env-get-outdated", reread_when_image_appears)
    app.connect("env-before-read-docs", snapshot)
    app.connect("env-get-updated", pages_to_rewrite)
