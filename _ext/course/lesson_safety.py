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
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import is_directive_registered, is_role_registered

from .domain import course_domain
from .facts import day_of_file, source_lines

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
                 allowed_roles: tuple[str, ...] = ROLES) -> tuple[int, bool]:
    """What the page's Markdown asks for, line by line.

    Returns how many problems were reported, and whether a block was left open (then what
    follows it is not what the author meant, and no later check of the page is trusted).
    """
    reported = 0

    def problem(message: str, line: int) -> None:
        nonlocal reported
        reported += 1
        warn(message, docname, line)

    lines = source_lines(path)
    start = 1
    if lines and lines[0].strip() == "---":  # front matter: its own checks (facts.py)
        start = next((n for n, line in enumerate(lines[1:], 2) if line.strip() == "---"), 1) + 1
    code: tuple[str, int] | None = None  # the open code fence and its line
    blocks: list[tuple[str, str, int]] = []  # open ::: blocks: fence, directive, line
    left_open = False
    for number, line in enumerate(lines[start - 1:], start):
        fence = FENCE.match(line.strip())
        if code is not None:
            if fence and fence["fence"] == code[0] and not fence["name"]:
                code = None
            elif NOT_RUN.search(line):
                problem("this example would not run (every example shown must run: remove "
                        "`+SKIP`, `:skipif:` or `:hide:`)", number)
            continue
        if fence:
            name = fence["name"]
            if name and name not in allowed_directives and known_directive(name):
                problem(f"`{{{name}}}` is not a directive a lesson may use (use one of "
                        f"{', '.join(allowed_directives)}; see CONTRIBUTING.md)", number)
            if fence["fence"].startswith(("`", "~")):
                code = (fence["fence"], number)
            elif not name and line.strip() == fence["fence"]:
                if blocks and len(fence["fence"]) >= len(blocks[-1][0]):
                    blocks.pop()
            elif name:
                # A lesson's parts stand side by side; a block inside another is opened
                # with fewer colons. The same number means the one before was never closed.
                if blocks and len(fence["fence"]) >= len(blocks[-1][0]):
                    colons, opened, at = blocks.pop()
                    problem(f"the `{colons}{{{opened}}}` block is never closed (end it with a "
                            f"line of {colons} before line {number})", at)
                    left_open = True
                    break
                blocks.append((fence["fence"], name, number))
            continue
        if line.startswith("# "):
            problem("a lesson has no `# Title` line (its title is `title:` in the front "
                    "matter: remove this line)", number)
        for role in ROLE.finditer(line):
            if role["name"] not in allowed_roles and known_role(role["name"]):
                problem(f"`{{{role['name']}}}` is not a role a lesson may use (use one of "
                        f"{', '.join(allowed_roles)}; see CONTRIBUTING.md)", number)
        prose = re.sub(r"`[^`]*`", "", line)  # HTML inside code spans is text, not markup
        if RAW_HTML.search(prose):
            problem("raw HTML is not allowed in a lesson (write it in Markdown; a picture goes "
                    "in the image slot)", number)
    if code is not None:
        problem("this code block is never closed (end it with a line of "
                f"{code[0]}, or the prose after it becomes part of the example)", code[1])
        left_open = True
    elif blocks and not left_open:
        colons, opened, at = blocks[-1]
        problem(f"the `{colons}{{{opened}}}` block is never closed (end it with a line of "
                f"{colons})", at)
        left_open = True
    return reported, left_open


def outside(path: str | Path, srcdir: Path) -> bool:
    """True when `path` is not in one of the project's content folders."""
    resolved = Path(path).resolve()
    return not any(resolved.is_relative_to(srcdir / folder) for folder in CONTENT_FOLDERS)


#: The nodes a lesson's doctree is guarded against (see guard_doctree).
GUARDED = (nodes.raw, nodes.meta, nodes.image, nodes.literal_block, addnodes.download_reference)


def guard_doctree(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    srcdir = Path(env.srcdir).resolve()
    is_course_page = (docname in course_domain(env).lessons
                      or "status" in env.metadata.get(docname, {}))
    if not is_course_page:
        return
    allowed = tuple(app.config.course_lesson_directives)
    domain = course_domain(env)
    reported, left_open = check_source(docname, Path(env.doc2path(docname)), allowed,
                                       tuple(app.config.course_lesson_roles))
    if left_open and docname in domain.lessons:
        domain.note_unloaded(docname, domain.lessons[docname].day)

    def removed(message: str, line: int | None) -> None:
        # What the source check reported is removed without a second line (one mistake,
        # one line); what it cannot see (a path that leads outside) is reported here.
        if not reported:
            warn(message, docname, line or 1)
    this_file = Path(env.doc2path(docname)).resolve()
    # One walk over the page for every kind of node the guard looks at.
    for node in list(doctree.findall(lambda node: isinstance(node, GUARDED))):
        if isinstance(node, nodes.raw):
            if "raw" not in allowed:
                node.parent.remove(node)  # reported by the source check, at its line
        elif isinstance(node, nodes.meta):  # front matter's `myst: html_meta:`
            node.parent.remove(node)  # reported by the front matter's check (facts.py)
        elif isinstance(node, nodes.image):
            uri = node.get("uri", "")
            if "://" in uri or outside(srcdir / uri.lstrip("/"), srcdir):
                removed(f"the picture {uri} is outside images/ (keep a lesson's pictures in "
                        "images/)", node.line)
                node.parent.remove(node)
        elif isinstance(node, nodes.literal_block):
            source = node.get("source")
            if source and Path(source).resolve() != this_file:
                removed("an example may not be read from a file (write it in the lesson)",
                        node.line)
                node.parent.remove(node)
        elif isinstance(node, addnodes.download_reference):
            removed("a lesson offers no downloads (link to a page instead)", node.line)
            node.replace_self(nodes.Text(node.astext()))
    for dependency in sorted(env.dependencies.get(docname, ())):
        if outside(srcdir / dependency, srcdir):  # an included page or file, not a picture or table
            removed(f"a lesson may not include another file ({dependency}; write it in the "
                    "lesson)", 1)


def set_aside_unreadable(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """A page that is not UTF-8 text is named with the line of its first unreadable byte and
    left out of this build (Sphinx would stop with a traceback reading it)."""
    domain = course_domain(env)
    for docname in [d for d, _ in domain.unloaded.items() if d not in env.all_docs]:
        del domain.unloaded[docname]  # set aside last time: checked again below
    for docname in list(docnames):
        data = Path(env.doc2path(docname)).read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            warn("this file is not UTF-8 text, and cannot be read from this line on (save it "
                 "as UTF-8: in most editors, File > Save with Encoding)", docname, line)
            docnames.remove(docname)
            env.project.docnames.discard(docname)
            domain.note_unloaded(docname, day_of_file(docname))


def setup_lesson_safety(app: Sphinx) -> None:
    app.connect("env-before-read-docs", set_aside_unreadable)
    # What lessons may use; a test book of interactive things widens it (tests/offline).
    app.add_config_value("course_lesson_directives", DIRECTIVES, "env", types=[tuple, list])
    app.add_config_value("course_lesson_roles", ROLES, "env", types=[tuple, list])
    app.connect("doctree-read", guard_doctree, priority=400)  # before the search index reads it
