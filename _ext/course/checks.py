"""Course checks, reported as Sphinx warnings with file and line (so `-W` makes them errors).

Per page, when it is read: each lesson part present once, every "Day N" a link, no untested
`>>>` example. For the whole course, after reading: each day 1..N has exactly one lesson.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.nodes import get_node_line

from .domain import CourseDomain, course_domain, note_sections
from .facts import (FrontMatter, in_week_folder, lesson_source, page_kind, source_lines, week_of,
                    week_page)
from .nodes import REQUIRED_PARTS, course_listing, lesson_header, wrap_up

logger = logging.getLogger(__name__)

DAY_MENTION = re.compile(r"\bDay (\d{1,2})\b")
#: Text an author did not type: generated headers, listings, and the wrap-up's title.
GENERATED = (lesson_header, course_listing, pending_xref, nodes.reference, nodes.literal,
             nodes.literal_block, nodes.title, nodes.raw, nodes.comment)


def warn(message: str, docname: str, line: int | None, subtype: str) -> None:
    logger.warning(message, location=(docname, line or 1), type="course", subtype=subtype)


def _inside(node: nodes.Node, kinds: tuple[type, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def check_parts(docname: str, doctree: nodes.document) -> None:
    # One walk over the page for all five parts, not one walk per part.
    kinds = tuple(REQUIRED_PARTS)
    by_part: dict[type, list[nodes.Element]] = {part: [] for part in kinds}
    for node in doctree.findall(nodes.Element):
        if isinstance(node, kinds):
            for part in kinds:
                if isinstance(node, part):
                    by_part[part].append(node)
    for part, directive in REQUIRED_PARTS.items():
        found = by_part[part]
        if not found:
            warn(f"this lesson has no {directive} (add a `:::{{{directive}}}` block; "
                 "see CONTRIBUTING.md for the lesson's parts)", docname, 1, "parts")
        for extra in found[1:]:
            warn(f"this lesson has a second {directive} (a lesson has exactly one: "
                 "merge the two)", docname, get_node_line(extra), "parts")


def check_day_mentions(docname: str, doctree: nodes.document, own_day: int | None) -> None:
    for text in doctree.findall(nodes.Text):
        matches = list(DAY_MENTION.finditer(text.astext()))
        # Climbing to the root is the costly part: only for the few texts that say "Day N".
        if not matches or _inside(text, GENERATED):
            continue
        for match in matches:
            if own_day is not None and int(match.group(1)) == own_day:
                continue  # a lesson may name itself
            day = match.group(1)
            warn(f'"Day {day}" is not a link (write {{day}}`{day}#section-id`, the section of Day {day} '
                 'this sentence is about, so readers can follow it)',
                 docname, get_node_line(text.parent), "day-link")


def check_promises(docname: str, doctree: nodes.document) -> None:
    """A sentence about what another day does links to the section of that day that does it."""
    for ref in doctree.findall(pending_xref):
        if ref.get("refdomain") == "course" and "#" not in ref["reftarget"]:
            day = ref["reftarget"].strip()
            warn(f"the link to Day {day} names no section (write {{day}}`{day}#section-id`, "
                 f"the section of Day {day} that does what this sentence says)",
                 docname, get_node_line(ref) or get_node_line(ref.parent), "promise")


def check_examples(docname: str, doctree: nodes.document) -> None:
    for block in doctree.findall(nodes.literal_block):
        if ">>>" in block.astext() and "testnodetype" not in block:
            warn("this example has `>>>` prompts but is not tested (write ```{doctest} "
                 "instead of ```python so CI runs it)", docname, block.line, "untested-example")


#: What the PDF's fonts (GNU FreeFont, Sphinx's choice for xelatex) have no glyphs for:
#: emoji and the CJK scripts. xelatex leaves such a character out and only its log says so.
NOT_IN_PRINT = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe0f\uff00-\uffef"
                          "\U0001f000-\U0001faff\U00020000-\U0003ffff]")


def check_characters(docname: str, path: Path) -> None:
    """One line per source line holding a character the printed book cannot show."""
    try:
        lines = source_lines(path)
    except (OSError, UnicodeDecodeError):
        return  # reported when the page was set aside (lesson_safety.py)
    for number, line in enumerate(lines, 1):
        if found := NOT_IN_PRINT.search(line):
            char = found.group(0)
            warn(f"the PDF's fonts have no {char} (U+{ord(char):04X}), so the printed book "
                 "would leave it out (write it in words)", docname, number, "characters")


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    domain = course_domain(app.env)
    lesson = domain.lessons.get(docname)
    if lesson is not None:
        if docname not in domain.unloaded:  # a block left open swallowed what follows it
            check_parts(docname, doctree)
        note_sections(docname, doctree, domain)
    meta = app.env.metadata.get(docname, {})
    if (meta.get("day") is None and in_week_folder(docname, app.config)
            and page_kind(docname, meta) != "lesson"):  # a lesson's front matter has its own checks
        warn("this page is in a week folder but has no `day:` in its front matter "
             "(add the lesson's front matter, or move the page out of the week folder)",
             docname, 1, "front-matter")
    check_day_mentions(docname, doctree, lesson.day if lesson else None)
    if lesson is not None or "status" in app.env.metadata.get(docname, {}):
        check_promises(docname, doctree)
    check_examples(docname, doctree)
    check_characters(docname, Path(app.env.doc2path(docname)))


def check_course(app: Sphinx, env: BuildEnvironment) -> None:
    """Each day of the course has exactly one lesson."""
    by_day: dict[int, list[str]] = {}
    for lesson in course_domain(env).lessons.values():
        by_day.setdefault(lesson.day, []).append(lesson.docname)
    for day, docnames in sorted(by_day.items()):
        first, *others = sorted(docnames)
        for other in others:
            warn(f"Day {day} already has a lesson, {env.doc2path(first, False)} "
                 f"(each day has one lesson: change `day:` in one of them)",
                 other, FrontMatter.of(env, other).line_of("day"), "days")
    check_term_twins(env)
    reported = set(course_domain(env).unloaded.values())  # at the lesson's own line
    for day in range(1, app.config.course_days + 1):
        if day in by_day or day in reported:
            continue
        week = week_of(day, app.config)
        if lesson_source(day, week).removesuffix(".md") in env.all_docs:
            continue  # its file is there but did not load: that mistake is reported at its line
        where = week_page(week) if week_page(week) in env.all_docs else app.config.root_doc
        warn(f"no lesson has `day: {day}` (write {lesson_source(day, week)} with its front "
             "matter)", where, 1, "days")


def check_term_twins(env: BuildEnvironment) -> None:
    """A term defined again in other letter case ("API", "api"): the glossary keeps one, so the
    later day's is reported. (Sphinx reports a term written the same way twice.)"""
    domain = course_domain(env)
    day = {lesson.docname: lesson.day for lesson in domain.lessons.values()}
    first: dict[str, tuple[str, str]] = {}  # lower-case name -> (as written, docname)
    for docname in sorted(domain.data["term_lines"], key=lambda d: (day.get(d, 0), d)):
        for name, line in domain.data["term_lines"][docname]:
            seen = first.setdefault(name.lower(), (name, docname))
            if seen[0] != name and seen[1] != docname:
                where = (f"Day {day[seen[1]]}" if seen[1] in day else env.doc2path(seen[1], False))
                warn(f"`{name}` is already a term of {where}, written `{seen[0]}` (a term is "
                     f"defined once, where the course introduces it: remove it here and link "
                     f"it with {{term}}`{seen[0]}`)", docname, line, "vocabulary")


def missing_target(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    """A {day} link to no lesson, or to a section its lesson does not have: one line each."""
    if not isinstance(domain, CourseDomain):
        return None
    day, _, section = node["reftarget"].partition("#")
    lesson, _ = domain.find_target(node["reftarget"])
    if lesson is None and day.strip().isdigit() and 1 <= int(day) <= app.config.course_days:
        return True  # a day of the course without its lesson: check_course reports it, once
    if lesson is None:
        message = (f"Day {day.strip()} is linked here, but no lesson has `day: {day.strip()}` "
                   "in its front matter (check the number)")
    else:
        known = ", ".join(domain.data["sections"].get(lesson.docname, ())) or "none"
        message = (f"{lesson.label} has no section `#{section}` (link one of its sections: "
                   f"{known})")
    logger.warning(message, location=node, type="course", subtype="day-link")
    return True


def setup_checks(app: Sphinx) -> None:
    app.connect("warn-missing-reference", missing_target)
    app.connect("doctree-read", check_page)
    app.connect("env-check-consistency", check_course)
