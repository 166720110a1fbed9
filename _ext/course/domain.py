"""The course domain: what every lesson contributes to the whole book, and the {day} role.

Like `sphinx.ext.todo`, the data lives in a Domain so that `clear_doc` forgets a page that is
re-read or removed, and `merge_domaindata` joins what parallel readers collected.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .facts import Lesson, day_label


@dataclass(frozen=True)
class Term:
    """A vocabulary term where the course introduces it."""

    name: str
    docname: str
    node_id: str
    definition: nodes.Element  # the definition as the lesson shows it (unresolved)


#: Domain data kept per page (docname -> value): forgotten and merged page by page.
PER_PAGE = ("lessons", "wraps", "listings", "images", "term_refs", "sections", "unloaded",
            "term_lines")


def link_label(day: int | str) -> str:
    """A link's "Day 10", with a no-break space: "Day" and its number never part at a line's
    end, on a phone or in the PDF."""
    return day_label(day).replace(" ", "\u00a0")


class DayRole(XRefRole):
    """{day}`9` links "Day 9"; {day}`the database lesson <11>` links other words;
    {day}`21#what-it-costs` links "Day 21" to that section of Day 21 (a promise kept there)."""

    def run(self):
        self.name = "course:day"  # registered globally as {day}, resolved by this domain
        return super().run()

    def process_link(self, env, refnode, has_explicit_title, title, target):
        # {day}`Day 9` means Day 9, not "Day Day 9".
        target = re.sub(r"(?i)^day\s+(?=\d)", "", target.strip())
        if not has_explicit_title:
            title = link_label(target.partition("#")[0])
        else:  # "Day 12" in an author's own words keeps its number too
            title = re.sub(r"\bDay (?=\d)", "Day\u00a0", title)
        return title, target


class CourseDomain(Domain):
    name = "course"
    label = "Course"
    data_version = 5  # 1: images_wanted; 2: term_refs; 3: sections; 4: no "pages"; 5: unloaded
    roles = {"day": DayRole(warn_dangling=True, innernodeclass=nodes.inline)}
    # A link to a missing day or section is reported by checks.missing_target.
    initial_data: ClassVar[dict[str, dict[str, Any]]] = {
        "lessons": {},   # docname -> Lesson
        "wraps": {},     # docname -> wrap_up node (as written, unresolved)
        "terms": {},     # lower-case term -> Term
        "listings": {},  # docname -> set of listing kinds the page shows
        "images": {},    # docname -> absolute path (or glob) of the image its slot still wants
        "term_refs": {}, # docname -> lower-case terms its {term} links show as tips
        "sections": {},  # docname -> ids of the lesson's sections, for {day}`N#section`
        # docname -> the day a lesson file is named for, when a mistake (reported at its
        # line) stopped it loading: what follows from that mistake is not reported again.
        "unloaded": {},
        "term_lines": {},  # docname -> [(term as written, line)], to find case-variant twins
    }

    # -- what lessons contribute ----------------------------------------------------
    @property
    def lessons(self) -> dict[str, Lesson]:
        return self.data["lessons"]

    def lessons_by_day(self) -> dict[int, Lesson]:
        return {lesson.day: lesson for lesson in sorted(self.lessons.values(), key=lambda l: l.docname)}

    def ordered_lessons(self) -> list[Lesson]:
        return sorted(self.lessons.values(), key=lambda lesson: (lesson.day, lesson.docname))

    @property
    def unloaded(self) -> dict[str, int | None]:
        return self.data["unloaded"]

    def note_unloaded(self, docname: str, day: int | None) -> None:
        """A lesson whose mistake is reported already: its day's absence is not reported again."""
        self.unloaded[docname] = day

    @property
    def wraps(self) -> dict[str, nodes.Element]:
        return self.data["wraps"]

    @property
    def terms(self) -> dict[str, Term]:
        return self.data["terms"]

    @property
    def listings(self) -> dict[str, set[str]]:
        return self.data["listings"]

    def note_listing(self, docname: str, kind: str) -> None:
        self.listings.setdefault(docname, set()).add(kind)

    @property
    def term_refs(self) -> dict[str, set[str]]:
        return self.data["term_refs"]

    @property
    def images_wanted(self) -> dict[str, str]:
        return self.data["images"]

    # -- incremental and parallel builds ---------------------------------------------
    def clear_doc(self, docname: str) -> None:
        for key in PER_PAGE:
            self.data[key].pop(docname, None)
        for name in [name for name, term in self.terms.items() if term.docname == docname]:
            del self.terms[name]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        wanted = set(docnames)
        for key in PER_PAGE:
            for docname, value in otherdata[key].items():
                if docname in wanted:
                    self.data[key][docname] = value
        for name, term in otherdata["terms"].items():
            if term.docname in wanted:
                self.terms[name] = term

    # -- the {day} role ----------------------------------------------------------------
    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        lesson, section = self.find_target(target)
        if lesson is None or section is None:
            return None
        return make_refnode(builder, fromdocname, lesson.docname, section, contnode, lesson.title)

    def find_target(self, target: str) -> tuple[Lesson | None, str | None]:
        """The lesson a {day} target names, and its section id ("" for the top of the page)."""
        day, _, section = target.partition("#")
        lesson = self.lessons_by_day().get(int(day)) if day.strip().isdigit() else None
        if lesson is None:
            return None, None
        if section and section not in self.data["sections"].get(lesson.docname, ()):
            return lesson, None
        return lesson, section

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # Priority -1: in the object inventory, not in search results (the page itself is).
        for lesson in self.lessons.values():
            yield (f"day-{lesson.day}", f"{lesson.label}: {lesson.title}", "doc",
                   lesson.docname, "", -1)


NodeT = TypeVar("NodeT", bound=nodes.Node)


def detached(node: NodeT) -> NodeT:
    """A copy of part of a page to keep in the domain, without the page itself.

    docutils' deepcopy keeps each node's link to its document, so pickling the copy with the
    environment would pickle the whole page too (a megabyte for the book's terms, read and
    written again on every incremental build).
    """
    copy = node.deepcopy()
    for part in copy.findall():
        part.document = None  # type: ignore[assignment]
    return copy


def note_sections(docname: str, doctree: nodes.document, domain: CourseDomain) -> None:
    """Remember a lesson's section ids, so a {day}`N#section` promise can be checked."""
    domain.data["sections"][docname] = sorted(
        {ident for section in doctree.findall(nodes.section) for ident in section["ids"]})


def course_domain(env: BuildEnvironment) -> CourseDomain:
    return env.get_domain("course")  # type: ignore[return-value]


def day_link(day: int, text: str | None = None) -> pending_xref:
    """A {day} reference made in code, resolved like one an author wrote."""
    label = text or link_label(day)
    ref = pending_xref("", refdomain="course", reftype="day", reftarget=str(day),
                       refexplicit=text is not None, refwarn=True)
    ref += nodes.inline(label, label, classes=["xref", "course", "course-day"])
    return ref
