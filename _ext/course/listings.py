"""Pages built from every lesson: the course map, the course-wide glossary and the recap.

Placeholders (`course_listing`) are filled when a page is written, once every lesson has been
read, and before Sphinx resolves references, so the {day} links made here are checked like
an author's. HTML gets sphinx-design cards; other builders get plain lists.
"""

from __future__ import annotations


from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from .domain import CourseDomain, course_domain, day_link
from .facts import Lesson
from .editions import edition_line, is_preview
from .header import draft_badge, week_heading
from .nodes import course_listing


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


def _container(classes: list[str], *children: nodes.Node) -> nodes.container:
    # is_div: sphinx-design's marker for a bare <div> without docutils' container styles
    return nodes.container("", *children, is_div=True, classes=classes)


class FillListings(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10) resolves the links made here

    def run(self, **kwargs) -> None:
        domain = course_domain(self.env)
        for node in list(self.document.findall(course_listing)):
            fill = {"map": self.course_map, "glossary": self.glossary, "recap": self.recap}
            node.replace_self(fill[node["kind"]](domain, node.get("week")))

    # -- links ---------------------------------------------------------------------
    def doc_link(self, docname: str, text: str, anchor: str = "") -> nodes.Node:
        inline = nodes.inline(text, text)
        if not hasattr(self.app.builder, "get_relative_uri"):
            return inline
        return make_refnode(self.app.builder, self.env.docname, docname, anchor, inline)

    @property
    def html(self) -> bool:
        return self.app.builder.format == "html"

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
                docname = f"week{number}/index"
                link = self.doc_link(docname, heading) if docname in self.env.all_docs else nodes.Text(heading)
                out.append(nodes.rubric("", "", link, classes=["course-map-week"]))
            out.append(self.day_cards(days) if self.html else self.day_list(days))
        return out

    def prefaces(self) -> list[str]:
        """Pages with a status but no day or week: the founding essay."""
        return sorted(doc for doc, meta in self.env.metadata.items()
                      if "status" in meta and "day" not in meta and "week" not in meta
                      and doc in self.env.titles)

    def card(self, top: list[nodes.Node], docname: str, title: str, text: str,
             classes: list[str]) -> nodes.container:
        top_line = nodes.paragraph("", "", *top, classes=["sd-card-text", "course-card-day"])
        heading = nodes.paragraph("", "", self.doc_link(docname, title),
                                  classes=["sd-card-title", "sd-font-weight-bold",
                                           "course-card-title"])
        body = nodes.paragraph("", "", nodes.Text(text),
                               classes=["sd-card-text", "course-card-question"])
        card = _container(["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm",
                           "sd-card-hover", *classes],
                          _container(["sd-card-body"], top_line, heading, body))
        return _container(["sd-col", "sd-d-flex-row"], card)

    @staticmethod
    def grid(columns: list[nodes.Node]) -> nodes.container:
        row = _container(["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3",
                          "sd-g-3"], *columns)
        return _container(["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                           "course-map"], row)

    def preface_cards(self) -> nodes.Element:
        columns = []
        for doc in self.prefaces():
            top: list[nodes.Node] = [nodes.Text("Preface")]
            if self.env.metadata[doc].get("status") == "draft" and is_preview(self.config):
                top += [nodes.Text(" "), draft_badge()]
            columns.append(self.card(top, doc, self.env.titles[doc].astext(),
                                     "Why this course exists.", ["course-preface-card"]))
        return self.grid(columns)

    def preface_list(self) -> nodes.Element:
        items = nodes.bullet_list(classes=["course-map"])
        for doc in self.prefaces():
            title = self.env.titles[doc].astext()
            items += nodes.list_item("", nodes.paragraph("", "", self.doc_link(doc, title)))
        return items

    def day_cards(self, lessons: list[Lesson]) -> nodes.Element:
        columns = []
        for lesson in lessons:
            top: list[nodes.Node] = [nodes.Text(f"Day {lesson.day}")]
            if lesson.status == "draft" and is_preview(self.config):
                top += [nodes.Text(" "), draft_badge()]
            column = self.card(top, lesson.docname, lesson.title, f"AI asks: {lesson.question}",
                               ["course-day-card", f"course-day-{lesson.day}"])
            column[0]["ids"] = [f"course-day-{lesson.day}"]
            columns.append(column)
        return self.grid(columns)

    def day_list(self, lessons: list[Lesson]) -> nodes.Element:
        items = nodes.bullet_list(classes=["course-map"])
        for lesson in lessons:
            para = nodes.paragraph("", "", nodes.strong("", "", day_link(lesson.day)),
                                   nodes.Text(f": {lesson.title}. AI asks: {lesson.question}"))
            items += nodes.list_item("", para)
        return items

    # -- the glossary -----------------------------------------------------------------
    def glossary(self, domain: CourseDomain, week: int | None) -> list[nodes.Node]:
        lessons = {lesson.docname: lesson for lesson in domain.lessons.values()}
        entries = nodes.definition_list(classes=["glossary", "course-glossary"])
        for term in sorted(domain.terms.values(), key=lambda t: t.name.lower()):
            definition = _links_from(_strip_ids(term.definition.deepcopy()), self.env.docname)
            lesson = lessons.get(term.docname)
            where = (f"Introduced on Day {lesson.day}: {lesson.title}" if lesson
                     else f"Introduced in {self.env.titles[term.docname].astext()}")
            definition += nodes.paragraph("", "", self.doc_link(term.docname, where, term.node_id),
                                          classes=["course-glossary-source"])
            entries += nodes.definition_list_item(
                "", nodes.term(term.name, term.name, ids=[nodes.make_id(f"glossary-{term.name}")]),
                definition)
        return [entries]

    # -- the recap ----------------------------------------------------------------------
    def recap(self, domain: CourseDomain, week: int | None) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for lesson in domain.ordered_lessons():
            if week and lesson.week != week:
                continue
            block = _container(["course-recap-day"])
            block["ids"] = [f"recap-day-{lesson.day}"]
            block += nodes.rubric("", "", nodes.Text(f"Day {lesson.day}: "),
                                  self.doc_link(lesson.docname, lesson.title))
            block += nodes.paragraph("", "", nodes.strong("AI asks:", "AI asks:"),
                                     nodes.Text(f" {lesson.question}"),
                                     classes=["course-question"])
            wrap = domain.wraps.get(lesson.docname)
            if wrap is not None:
                block += _links_from(_strip_ids(wrap.deepcopy()), self.env.docname)
            out.append(block)
        return out
