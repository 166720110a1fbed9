"""Pages built from every lesson: the course map, the course-wide glossary and the recap.

Authors place them with `course-map`, `course-glossary` and `course-recap`; each leaves a
placeholder (`course_listing`) that is filled when a page is written, once every lesson has
been read, and before Sphinx resolves references, so the {day} links made here are checked
like an author's. HTML writers get sphinx-design cards; other builders get plain lists.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .builders import builder_of
from .cards import card_grid, draft_badge, link_card
from .domain import CourseDomain, course_domain, day_link
from .editions import edition_line, is_preview
from .facts import Lesson, page_kind, week_heading, week_page
from .nodes import course_listing


class Listing(SphinxDirective):
    """A page part built from every lesson: the course map, the glossary, the recap."""

    kind = ""
    option_spec = {"week": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        node = course_listing(kind=self.kind, week=self.options.get("week"))
        self.set_source_info(node)
        course_domain(self.env).note_listing(self.env.docname, self.kind)
        return [node]


class CourseMap(Listing):
    kind = "map"


class CourseGlossary(Listing):
    kind = "glossary"


class CourseRecap(Listing):
    kind = "recap"


DIRECTIVES = {
    "course-map": CourseMap,
    "course-glossary": CourseGlossary,
    "course-recap": CourseRecap,
}


def _strip_ids(node: nodes.Element) -> nodes.Element:
    """A copy shown on a second page must not repeat the first page's anchors."""
    for element in node.findall(nodes.Element):
        element["ids"] = []
    return node


def _links_from(node: nodes.Element, docname: str) -> nodes.Element:
    """A copy's links are resolved from the page that shows it.

    Sphinx makes a link's relative address from its `refdoc`, the page it was written on; a
    {day} link copied from week2/day-09 into the glossary would otherwise point at
    "day-10.html" from the glossary (a broken link, and an epubcheck error).
    """
    for reference in node.findall(addnodes.pending_xref):
        reference["refdoc"] = docname
    return node


def glossary_order(name: str) -> str:
    """A to Z as a reader looks it up: ".env" sits under E."""
    return name.lower().lstrip("._-# ")


class FillListings(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10) resolves the links made here

    def run(self, **kwargs: Any) -> None:
        domain = course_domain(self.env)
        for node in list(self.document.findall(course_listing)):
            fill = {"map": self.course_map, "glossary": self.glossary, "recap": self.recap}
            node.replace_self(fill[node["kind"]](domain, node.get("week")))

    # -- links ---------------------------------------------------------------------
    def doc_link(self, docname: str, text: str, anchor: str = "") -> nodes.Node:
        inline = nodes.inline(text, text)
        builder = builder_of(self.env)
        if not hasattr(builder, "get_relative_uri"):
            return inline
        return make_refnode(builder, self.env.docname, docname, anchor, inline)

    @property
    def html(self) -> bool:
        """Cards wherever HTML is written: on the web and in the ePub, which styles them too."""
        return builder_of(self.env).format == "html"

    # -- the course map ----------------------------------------------------------------
    def course_map(self, domain: CourseDomain, week: int | None) -> list[nodes.Node]:
        weeks = [week] if week else list(self.config.course_weeks)
        lessons = domain.ordered_lessons()
        out: list[nodes.Node] = []
        line = None if week or is_preview(self.config) else edition_line(lessons, self.config.course_days)
        if line:
            out.append(nodes.paragraph(line, line, classes=["course-edition-line"]))
        if not week and self.prefaces():
            out.append(nodes.rubric("Before you start", "Before you start",
                                    classes=["course-map-week"]))
            out.append(self.preface_cards() if self.html else self.preface_list())
        for number in weeks:
            days = [lesson for lesson in lessons if lesson.week == number]
            if not week:
                heading = week_heading(number, self.config.course_weeks)
                docname = week_page(number)
                link = self.doc_link(docname, heading) if docname in self.env.all_docs else nodes.Text(heading)
                out.append(nodes.rubric("", "", link, classes=["course-map-week"]))
            out.append(self.day_cards(days, number) if self.html else self.day_list(days))
        return out

    def reference_page(self, kind: str) -> str | None:
        """The page that shows the course's recap or glossary, if the book has one."""
        domain = course_domain(self.env)
        return next((doc for doc, kinds in sorted(domain.listings.items()) if kind in kinds), None)

    def prefaces(self) -> list[str]:
        """Pages with a status but no day or week: the founding essay."""
        return sorted(doc for doc, meta in self.env.metadata.items()
                      if page_kind(doc, meta) == "preface" and doc in self.env.titles)

    def preface_cards(self) -> nodes.Element:
        columns = []
        for doc in self.prefaces():
            top: list[nodes.Node] = [nodes.Text("Preface")]
            if self.env.metadata[doc].get("status") == "draft" and is_preview(self.config):
                top += [nodes.Text(" "), draft_badge()]
            title = self.env.titles[doc].astext()
            columns.append(link_card(top, self.doc_link(doc, title), "Why this course exists.",
                                     ["course-preface-card"]))
        glossary = self.reference_page("glossary")
        if glossary is not None:
            columns.append(link_card([nodes.Text("Keep at hand")],
                                     self.doc_link(glossary, self.env.titles[glossary].astext()),
                                     "Every term the course defines, A to Z.",
                                     ["course-preface-card"]))
        return card_grid(columns)

    def preface_list(self) -> nodes.Element:
        items = nodes.bullet_list(classes=["course-map"])
        for doc in self.prefaces():
            title = self.env.titles[doc].astext()
            items += nodes.list_item("", nodes.paragraph("", "", self.doc_link(doc, title)))
        return items

    def day_cards(self, lessons: list[Lesson], week: int) -> nodes.Element:
        columns = []
        for lesson in lessons:
            top: list[nodes.Node] = [nodes.Text(lesson.label)]
            if lesson.is_draft and is_preview(self.config):
                top += [nodes.Text(" "), draft_badge()]
            columns.append(link_card(top, self.doc_link(lesson.docname, lesson.title), lesson.asks,
                                     ["course-day-card", f"course-day-{lesson.day}"],
                                     ids=[f"course-day-{lesson.day}"]))  # progress.js ticks it
        recap = self.reference_page("recap")
        if recap is not None and lessons:
            link = self.doc_link(recap, f"Week {week} in one page", f"recap-week-{week}")
            columns.append(link_card([nodes.Text("Recap")], link,
                                     "What each day lets you say, do and watch out for.",
                                     ["course-recap-card"]))
        return card_grid(columns)

    def day_list(self, lessons: list[Lesson]) -> nodes.Element:
        items = nodes.bullet_list(classes=["course-map"])
        for lesson in lessons:
            para = nodes.paragraph("", "", nodes.strong("", "", day_link(lesson.day)),
                                   nodes.Text(f": {lesson.title}. {lesson.asks}"))
            items += nodes.list_item("", para)
        return items

    # -- the glossary -----------------------------------------------------------------
    def glossary(self, domain: CourseDomain, week: int | None) -> list[nodes.Node]:
        """Every term, A to Z: a section per letter, and a line of letters to jump to."""
        lessons = {lesson.docname: lesson for lesson in domain.lessons.values()}
        by_letter: dict[str, nodes.definition_list] = {}
        for term in sorted(domain.terms.values(), key=lambda t: glossary_order(t.name)):
            definition = _links_from(_strip_ids(term.definition.deepcopy()), self.env.docname)
            lesson = lessons.get(term.docname)
            where = (f"Introduced on {lesson.label}: {lesson.title}" if lesson
                     else f"Introduced in {self.env.titles[term.docname].astext()}")
            definition += nodes.paragraph("", "", self.doc_link(term.docname, where, term.node_id),
                                          classes=["course-glossary-source"])
            # ".env" files under E; a term that starts with a digit under "0-9".
            first = next((char for char in term.name if char.isalnum()), "#").upper()
            letter = first if first.isalpha() else "0-9"
            entries = by_letter.setdefault(
                letter, nodes.definition_list(classes=["glossary", "course-glossary"]))
            entries += nodes.definition_list_item(
                "", nodes.term(term.name, term.name, ids=[nodes.make_id(f"glossary-{term.name}")]),
                definition)
        letters = nodes.paragraph("", "", classes=["course-glossary-letters"])
        sections: list[nodes.Node] = [letters]
        for letter, entries in by_letter.items():
            ident = f"glossary-letter-{nodes.make_id(letter) or 'digits'}"
            if len(letters):
                letters += nodes.Text(" · ")
            letters += nodes.reference(letter, letter, refid=ident)
            section = nodes.section("", nodes.title(letter, letter), entries, ids=[ident])
            sections.append(section)
        return sections

    # -- the recap ----------------------------------------------------------------------
    def recap(self, domain: CourseDomain, week: int | None) -> list[nodes.Node]:
        """A section per week, and in it a section per day: its question and its wrap-up."""
        out: list[nodes.Node] = []
        weeks = [week] if week else list(self.config.course_weeks)
        for number in weeks:
            days = []
            for lesson in domain.ordered_lessons():
                if lesson.week != number:
                    continue
                title = nodes.title("", "", nodes.Text(f"{lesson.label}: "),
                                    self.doc_link(lesson.docname, lesson.title))
                day = nodes.section("", title, ids=[f"recap-day-{lesson.day}"],
                                    classes=["course-recap-day"])
                day += nodes.paragraph("", "", nodes.strong(Lesson.ASKS, Lesson.ASKS),
                                       nodes.Text(f" {lesson.question}"),
                                       classes=["course-question"])
                wrap = domain.wraps.get(lesson.docname)
                if wrap is not None:
                    day += _links_from(_strip_ids(wrap.deepcopy()), self.env.docname)
                days.append(day)
            if week:
                out += days
                continue
            heading = week_heading(number, self.config.course_weeks)
            out.append(nodes.section("", nodes.title(heading, heading), *days,
                                     ids=[f"recap-week-{number}"], classes=["course-recap-week"]))
        return out


def setup_listings(app: Sphinx) -> None:
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_post_transform(FillListings)
