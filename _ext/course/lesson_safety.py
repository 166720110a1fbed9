"""A lesson is untrusted input: what a contributor may write, checked, and nothing from outside
the project reaching the output.

Reading the page's source (with its real line numbers): only the directives and roles
CONTRIBUTING.md documents; no raw HTML; examples that always run (no `+SKIP`, `:skipif:` or
`:hide:`); every code fence closed; no `# Title` (the title is the front matter's). Reading
its doctree: raw HTML and files from outside the project's own folders are reported and
removed, so a build that goes on (`--keep-going`) still publishes none of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import is_directive_registered, is_role_registered

from .domain import course_domain

logger = logging.getLogger(__name__)

#: What a lesson may use (CONTRIBUTING.md, "Every directive and role").
DIRECTIVES = ("image-slot", "vocabulary", "forward-references", "wrap-up", "sign-off",
              "decision-widget", "doctest", "testcode", "testoutput")
ROLES = ("day", "term")
#: Folders a lesson may take files from: its pictures and its widget tables.
CONTENT_FOLDERS = ("images", "widgets")

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,}|:{3,})\s*(?:\{(?P<name>[\w:-]+)\})?")
ROLE = re.compile(r"(?<![\w`])\{(?P<name>[\w:-]+)\}`")
RAW_HTML = re.compile(r"</?[a-zA-Z][\w-]*(\s[^>]*)?/?>|<!--")
NOT_RUN = re.compile(r"doctest:\s*[+-]?SKIP|^:(skipif|hide):", re.IGNORECASE)


def known_directive(name: str) -> bool:
    """One the build would run: an unknown name is MyST's to report (one mistake, one line)."""
    return ":" in name or is_directive_registered(name)


def known_role(name: str) -> bool:
    return ":" in name or is_role_registered(name)


def warn(message: str, docname: str, line: int) -> None:
    logger.warning(message, location=(docname, line), type="course", subtype="untrusted")


def check_source(docname: str, path: Path, allowed_directives: tuple[str, ...] = DIRECTIVES,
                 allowed_roles: tuple[str, ...] = ROLES) -> None:
    """What the page's Markdown asks for, line by line."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = 1
    if lines and lines[0].strip() == "---":  # front matter: its own checks (facts.py)
        start = next((n for n, line in enumerate(lines[1:], 2) if line.strip() == "---"), 1) + 1
    code: tuple[str, int] | None = None  # the open code fence and its line
    for number, line in enumerate(lines[start - 1:], start):
        fence = FENCE.match(line.strip())
        if code is not None:
            if fence and fence["fence"] == code[0] and not fence["name"]:
                code = None
            elif NOT_RUN.search(line):
                warn("this example would not run (every example shown must run: remove "
                     "`+SKIP`, `:skipif:` or `:hide:`)", docname, number)
            continue
        if fence:
            name = fence["name"]
            if name and name not in allowed_directives and known_directive(name):
                warn(f"`{{{name}}}` is not a directive a lesson may use (use one of "
                     f"{', '.join(allowed_directives)}; see CONTRIBUTING.md)", docname, number)
            if fence["fence"].startswith(("`", "~")):
                code = (fence["fence"], number)
            continue
        if line.startswith("# "):
            warn("a lesson has no `# Title` line (its title is `title:` in the front matter: "
                 "remove this line)", docname, number)
        for role in ROLE.finditer(line):
            if role["name"] not in allowed_roles and known_role(role["name"]):
                warn(f"`{{{role['name']}}}` is not a role a lesson may use (use one of "
                     f"{', '.join(allowed_roles)}; see CONTRIBUTING.md)", docname, number)
        prose = re.sub(r"`[^`]*`", "", line)  # HTML inside code spans is text, not markup
        if RAW_HTML.search(prose):
            warn("raw HTML is not allowed in a lesson (write it in Markdown; a picture goes "
                 "in the image slot)", docname, number)
    if code is not None:
        warn("this code block is never closed (end it with a line of "
             f"{code[0]}, or the prose after it becomes part of the example)", docname, code[1])


def outside(path: str | Path, srcdir: Path) -> bool:
    """True when `path` is not in one of the project's content folders."""
    resolved = Path(path).resolve()
    return not any(resolved.is_relative_to(srcdir / folder) for folder in CONTENT_FOLDERS)


def guard_doctree(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    srcdir = Path(env.srcdir).resolve()
    is_course_page = (docname in course_domain(env).lessons
                      or "status" in env.metadata.get(docname, {}))
    if not is_course_page:
        return
    allowed = tuple(app.config.course_lesson_directives)
    check_source(docname, Path(env.doc2path(docname)), allowed,
                 tuple(app.config.course_lesson_roles))
    for node in list(doctree.findall(nodes.raw)):
        if "raw" not in allowed:
            node.parent.remove(node)  # reported by the source check, at its line
    for meta in list(doctree.findall(nodes.meta)):  # front matter's `myst: html_meta:`
        meta.parent.remove(meta)  # reported by the front matter's check (facts.py)
    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if "://" in uri or outside(srcdir / uri.lstrip("/"), srcdir):
            warn(f"the picture {uri} is outside images/ (keep a lesson's pictures in "
                 "images/)", docname, image.line or 1)
            image.parent.remove(image)
    for block in list(doctree.findall(nodes.literal_block)):
        source = block.get("source")
        if source and Path(source).resolve() != Path(env.doc2path(docname)).resolve():
            warn("an example may not be read from a file (write it in the lesson)",
                 docname, block.line or 1)
            block.parent.remove(block)
    for download in list(doctree.findall(addnodes.download_reference)):
        warn("a lesson offers no downloads (link to a page instead)", docname, download.line or 1)
        download.replace_self(nodes.Text(download.astext()))
    for dependency in sorted(env.dependencies.get(docname, ())):
        if outside(srcdir / dependency, srcdir):  # an included page or file, not a picture or table
            warn(f"a lesson may not include another file ({dependency}; write it in the "
                 "lesson)", docname, 1)


def setup_lesson_safety(app: Sphinx) -> None:
    # What lessons may use; a test book of interactive things widens it (tests/offline).
    app.add_config_value("course_lesson_directives", DIRECTIVES, "env", types=[tuple, list])
    app.add_config_value("course_lesson_roles", ROLES, "env", types=[tuple, list])
    app.connect("doctree-read", guard_doctree, priority=400)  # before the search index reads it
