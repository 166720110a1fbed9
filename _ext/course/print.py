"""The offline editions: the PDF book (LaTeX) and the ePub.

PDF. `make pdf` builds one book from the root toctree (conf.py `latex_documents`):
  * `BookShape` gives it a book's shape: the pages before the first week (the founding
    essay) are front matter, each week is a part and each day a chapter, the pages after the
    last week (recap, glossary) are back matter. Weeks are found from the lessons they hold,
    never from a list of names.
  * The LaTeX visitors below write each lesson part as an environment or macro of
    `_static/latex/course.sty`, which owns the look.
ePub. `make epub` builds an EPUB 3 that epubcheck accepts: Sphinx's epub theme, whose only
stylesheet is `_static/epub.css`; a cover drawn from conf.py's facts; only the static files
the book uses; and no scripts or form controls.

Both: whatever only works in a browser is shown as its static form (`StaticForOffline`):
sphinx-design dropdowns open, tab sets one tab after the other, card links on the card's
title instead of hidden link text, icons dropped. Web-only material is marked by authors
with the class `course-web-only`; a descendant with the class `course-static-fallback`
takes its place offline.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from docutils import nodes
from docutils.utils import smartquotes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.highlighting import PygmentsBridge
from sphinx.transforms.post_transforms import SphinxPostTransform

from .domain import course_domain
from .nodes import (forward_references, image_placeholder, image_slot, lesson_header,
                    sign_off, vocabulary, wrap_up, wrap_up_part)

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

EPUB_BUILDERS = ("epub",)
#: A lesson's picture on paper: large, with room for text on its page.
PRINTED_IMAGE_WIDTH = "80%"
#: Static files the ePub uses (its stylesheet and code colours); the rest stay out of it.
EPUB_STATIC = ("_static/epub.css", "_static/pygments.css")
EPUB_COVER = "_static/course-cover.svg"
EPUB_CODE_STYLE = "sphinx"  # the PDF's (Sphinx's LaTeX default)
#: Raw HTML holding any of these is interactive and has no place in an ePub.
INTERACTIVE_MARKUP = ("<script", "<form", "<input", "<button", "<select", "<textarea",
                      "<iframe")


class book_division(nodes.General, nodes.Element):
    """PDF only: wraps the pages of one division of the book; `division` is front, main, back."""


# -- The book's shape (LaTeX) -----------------------------------------------------------
class BookShape(SphinxPostTransform):
    """Front matter, weeks as parts, back matter; each lesson's opening before its title.

    Runs on the one tree the LaTeX builder assembles from every page.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        self.divide()
        for header in list(self.document.findall(lesson_header)):
            section = header.parent
            if isinstance(section, nodes.section):
                # The chapter heading prints the kicker and "Day N of 21" above the title,
                # so their macro must come before \chapter.
                section.remove(header)
                section.insert(0, header)
        for slot in self.document.findall(image_slot):
            for figure in slot.findall(nodes.figure):
                caption_from_alt(figure, self.config.language or "en")
                for image in figure.findall(nodes.image):
                    image.setdefault("width", PRINTED_IMAGE_WIDTH)

    def divide(self) -> None:
        lessons = set(course_domain(self.env).lessons)
        pages = list(top_pages(self.document))
        holds_lessons = [any(inner["docname"] in lessons
                             for inner in page.findall(addnodes.start_of_file))
                         for page in pages]
        if not any(holds_lessons):
            return
        first = holds_lessons.index(True)
        last = len(holds_lessons) - 1 - holds_lessons[::-1].index(True)
        divisions = {"front": pages[:first], "main": pages[first:last + 1],
                     "back": pages[last + 1:]}
        for division, members in divisions.items():
            if not members:
                continue
            wrapper = book_division(division=division)
            members[0].replace_self(wrapper)
            for page in members[1:]:
                page.parent.remove(page)
            wrapper.extend(members)


def top_pages(node: nodes.Element):
    """The pages the root toctree includes, in order.

    Walked from the top: Sphinx gives an included page's children a new parent without
    telling them, so `.parent` cannot be trusted in the assembled tree.
    """
    for child in node.children:
        if isinstance(child, addnodes.start_of_file):
            yield child
        elif isinstance(child, nodes.Element):
            yield from top_pages(child)


def caption_from_alt(figure: nodes.figure, language: str = "en") -> None:
    """A printed figure is captioned: by its `:caption:`, else by its alt text.

    On paper nobody can reach the alt text, and the alt text is the authors' description.
    """
    if any(isinstance(child, nodes.caption) for child in figure.children):
        return
    image = next(iter(figure.findall(nodes.image)), None)
    alt = image.get("alt", "") if image is not None else ""
    if alt:
        text = smartquotes.educateQuotes(alt, language=language)  # as MyST does for prose
        figure += nodes.caption(text, text)


# -- LaTeX visitors ----------------------------------------------------------------------
DIVISION_COMMANDS = {
    "front": "",  # opened by \CourseContents, so page numbers stay roman
    "main": r"\mainmatter",
    "back": r"\backmatter",
}


def visit_book_division(self: LaTeXTranslator, node: book_division) -> None:
    self.body.append("\n" + DIVISION_COMMANDS[node["division"]] + "\n")
    if node["division"] != "main":
        self.sectionlevel += 1  # an essay or the glossary is a chapter, not a part


def depart_book_division(self: LaTeXTranslator, node: book_division) -> None:
    if node["division"] != "main":
        self.sectionlevel -= 1


def _paragraph(header: nodes.Element, cls: str) -> nodes.paragraph | None:
    return next((p for p in header.findall(nodes.paragraph) if cls in p["classes"]), None)


def _words(paragraph: nodes.paragraph | None, skip: type[nodes.Node] | None = None) -> str:
    """A paragraph's text without the draft badge (and without `skip` nodes)."""
    if paragraph is None:
        return ""
    parts = [child.astext() for child in paragraph.children
             if not (isinstance(child, nodes.inline) and "course-draft" in child["classes"])
             and not (skip and isinstance(child, skip))]
    return " ".join("".join(parts).split())


def visit_lesson_header(self: LaTeXTranslator, node: lesson_header) -> None:
    is_draft = any("course-draft" in inline["classes"] for inline in node.findall(nodes.inline))
    draft = "draft" if is_draft else ""
    kicker = self.encode(_words(_paragraph(node, "course-kicker")))
    position = _words(_paragraph(node, "course-position"))
    lesson = course_domain(self.builder.env).lessons.get(self.curfilestack[-1])
    if lesson is None or not position:
        self.body.append(f"\n\\CourseByline{{{kicker}}}{{{draft}}}\n")
        raise nodes.SkipNode
    question = self.encode(_words(_paragraph(node, "course-question"), skip=nodes.strong))
    self.body.append(f"\n\\CourseLessonTop{{{lesson.day}}}{{{kicker}}}"
                     f"{{{self.encode(position)}}}{{{question}}}{{{draft}}}\n")
    raise nodes.SkipNode


#: Lesson part -> `kind` of the coursepart box in course.sty.
PART_KINDS: dict[type[nodes.Element], str] = {
    vocabulary: "vocabulary",
    forward_references: "forward",
    wrap_up: "wrapup",
    image_placeholder: "image",
}


def visit_part(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The part's title node follows and writes itself as "{title}": the box's second argument.
    self.body.append(f"\n\\begin{{coursepart}}{{{PART_KINDS[type(node)]}}}")
    self.no_latex_floats += 1


def depart_part(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.no_latex_floats -= 1
    self.body.append("\\end{coursepart}\n")


def visit_wrap_up_part(self: LaTeXTranslator, node: wrap_up_part) -> None:
    label = node.children[0] if node.children else None
    if not (isinstance(label, nodes.paragraph) and "course-wrap-up-label" in label["classes"]):
        self.body.append("\n\\begin{coursewrapuppart}{}\n")
        return
    self.body.append(f"\n\\begin{{coursewrapuppart}}{{{self.encode(label.astext())}}}\n")
    for child in node.children[1:]:
        child.walkabout(self)
    raise nodes.SkipChildren


def depart_wrap_up_part(self: LaTeXTranslator, node: wrap_up_part) -> None:
    self.body.append("\\end{coursewrapuppart}\n")


def visit_sign_off(self: LaTeXTranslator, node: sign_off) -> None:
    self.body.append("\n\\begin{coursesignoff}\n")


def depart_sign_off(self: LaTeXTranslator, node: sign_off) -> None:
    self.body.append("\\end{coursesignoff}\n")


# -- Static forms of interactive things (LaTeX and ePub) --------------------------------
class StaticForOffline(SphinxPostTransform):
    # After references are resolved (10); before sphinx-design makes dropdowns (199) and
    # tab sets (200) interactive, and before html_cards (200).
    default_priority = 150

    def is_supported(self) -> bool:
        return self.app.builder.format == "latex" or self.app.builder.name in EPUB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        self.make_static(self.document)

    def make_static(self, parent: nodes.Element) -> None:
        # Walked from the top with each node's real parent (see `top_pages`).
        for node in list(parent.children):
            if not isinstance(node, nodes.Element):
                continue
            static = self.static_form(node)
            if static is None:
                self.make_static(node)
            else:
                parent.replace(node, static)

    @staticmethod
    def static_form(node: nodes.Element) -> nodes.Node | list[nodes.Node] | None:
        """What a reader offline gets instead of `node`, or None to keep it (and look inside)."""
        classes = node.get("classes", [])
        if "course-web-only" in classes:
            fallback = next((n for n in node.findall(nodes.Element)
                             if "course-static-fallback" in n.get("classes", [])), None)
            return fallback.deepcopy() if fallback is not None else []
        if node.get("design_component") == "dropdown":
            return static_dropdown(node)
        if node.get("design_component") == "tab-set":
            return static_tab_set(node)
        if type(node).__name__ == "sd_icon":
            return []  # decorative, and SVG markup inside an ePub's text
        if isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
            interactive = any(tag in node.astext().lower() for tag in INTERACTIVE_MARKUP)
            return [] if interactive else None
        if "sd-card" in classes:
            link_card_title(node)
        return None


def _card(title: list[nodes.Node], body: list[nodes.Node], classes: list[str]) -> nodes.container:
    heading = nodes.paragraph("", "", *title, classes=["sd-card-title", "course-static-title"])
    return nodes.container("", nodes.container("", heading, classes=["sd-card-header"]),
                           nodes.container("", *body, classes=["sd-card-body"]),
                           classes=["sd-card", *classes])


def static_dropdown(node: nodes.Element) -> nodes.container:
    """An open dropdown: its title as the card's heading, its content below."""
    if node.get("has_title") and node.children:
        title, body = list(node[0].children), [child.deepcopy() for child in node.children[1:]]
    else:
        title, body = [], [child.deepcopy() for child in node.children]
    return _card([child.deepcopy() for child in title], body, ["course-static-dropdown"])


def static_tab_set(node: nodes.Element) -> nodes.container:
    """Every tab, one after the other, each under its label."""
    out = nodes.container("", classes=["course-static-tabs"])
    for item in node.children:
        if item.get("design_component") != "tab-item" or len(item.children) != 2:
            out += item.deepcopy()
            continue
        label, content = item.children
        out += _card([child.deepcopy() for child in label.children],
                     [child.deepcopy() for child in content.children], ["course-static-tab"])
    return out


def link_card_title(card: nodes.Element) -> None:
    """A card's stretched link, whose text is hidden on the web, moves onto the card's title.

    Offline nothing hides the link text (in a PDF it would print the link's target), and a
    title is what a reader expects to follow.
    """
    # sphinx-design appends the link to the card itself, in a text holder of its own; a
    # resolved cross-reference may have lost the link's "sd-hide-link-text" class.
    hidden = [ref for ref in card.findall(nodes.reference)
              if "sd-hide-link-text" in ref["classes"]
              or (type(ref.parent).__name__ == "PassthroughTextElement"
                  and ref.parent.parent is card)]
    for ref in hidden:
        holder = ref.parent if ref.parent.parent is card else ref
        title = next((n for n in card.findall(nodes.Element)
                      if "sd-card-title" in n.get("classes", [])), None)
        # A link lives in text: the title's text element (sphinx-design wraps the words).
        words = next(iter(title.findall(nodes.TextElement)), None) if title is not None else None
        if words is not None and not any(words.findall(nodes.reference)):
            link = nodes.reference("", "", *[child.deepcopy() for child in words.children],
                                   **{key: ref[key] for key in ("refuri", "refid", "internal")
                                      if key in ref})
            words.children = []
            words += link
        holder.parent.remove(holder)


# -- ePub --------------------------------------------------------------------------------
class CourseEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with the reader's "Day 9" in the contents and a real cover.

    Sphinx marks the cover only the EPUB 2 way (`<meta name="cover">`), which EPUB 3 reading
    systems need not look at; here the cover image also carries EPUB 3's `cover-image`.
    """

    def get_toc(self) -> None:
        super().get_toc()
        days = {lesson.docname + self.out_suffix: lesson
                for lesson in course_domain(self.env).lessons.values()}
        for entry in self.refnodes:  # the contents (nav.xhtml and toc.ncx) list "Day 9: ..."
            lesson = days.get(entry["refuri"])
            if lesson is not None:
                title = smartquotes.educateQuotes(lesson.title, language=self.config.language)
                entry["text"] = escape(f"{lesson.label}: {title}")  # quotes as on the page

    def build_content(self) -> None:
        super().build_content()
        if not self.config.epub_cover:
            return
        href = escape(quote(self.config.epub_cover[0].replace(os.sep, "/")))
        opf = Path(self.outdir, "content.opf")
        text = re.sub(rf'(<item id="[^"]*" href="{re.escape(href)}" media-type="[^"]*")( ?/>)',
                      r'\1 properties="cover-image"\2', opf.read_text(encoding="utf-8"), count=1)
        opf.write_text(text, encoding="utf-8")


def prepare_epub(app: Sphinx) -> None:
    if app.builder.name not in EPUB_BUILDERS:
        return
    leave_out_unused_static(app)
    if app.config.pygments_style is None:
        # The epub theme colours no code; unless conf.py chose a style, the ePub's code is
        # coloured like the PDF's.
        app.builder.highlighter = PygmentsBridge("html", EPUB_CODE_STYLE)
    if tuple(app.config.epub_cover)[:1] == (EPUB_COVER,):
        write_cover(app)


def leave_out_unused_static(app: Sphinx) -> None:
    """Static files from the theme, conf.py and extensions stay out of the ePub's package.

    The ePub uses its stylesheets and what they reference, and no scripts; furo's,
    sphinx-design's and copybutton's files (and the LaTeX style) would be dead weight in it.
    """
    static_dirs = [Path(app.confdir, entry) for entry in app.config.html_static_path]
    theme = getattr(app.builder, "theme", None)
    if theme is not None:  # the project's static files win over the theme's, as Sphinx copies
        static_dirs += [Path(folder, "static") for folder in theme.get_theme_dirs()]
    files: dict[str, Path] = {}
    for folder in (folder for folder in static_dirs if folder.is_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = "_static/" + path.relative_to(folder).as_posix()
                files.setdefault(name.removesuffix(".jinja").removesuffix("_t"), path)
    used = set(EPUB_STATIC)
    for stylesheet in EPUB_STATIC:
        if stylesheet in files:
            text = files[stylesheet].read_text(encoding="utf-8", errors="replace")
            used |= {"_static/" + ref for ref in re.findall(r"url\(['\"]?([^'\")]+)", text)}
    unused = {name for name in files if name not in used}
    app.config.epub_exclude_files = sorted(unused | set(app.config.epub_exclude_files))


def epub_page_assets(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Each ePub page links only the ePub's stylesheets, and no scripts."""
    if app.builder.name not in EPUB_BUILDERS:
        return
    keep = {Path(name).name for name in EPUB_STATIC}
    context["css_files"] = [css for css in context.get("css_files", [])
                            if Path(getattr(css, "filename", str(css))).name in keep]
    context["script_files"] = []


def write_cover(app: Sphinx) -> None:
    """The ePub's cover, drawn from conf.py: title, the course in one line, weeks, authors."""
    config = app.config
    weeks = [f"Week {number} · {title}" for number, title in config.course_weeks.items()]
    lines = "\n".join(
        f'  <text x="60" y="{560 + 44 * index}" font-size="26" fill="#cfe7f5">'
        f"{escape(week)}</text>" for index, week in enumerate(weeks))
    first, second = (escape(line) for line in two_lines(config.epub_description))
    svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 900" width="600" height="900">
  <title>{escape(config.epub_title)}</title>
  <defs>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b7bb0"/><stop offset="1" stop-color="#0b2d4d"/>
    </linearGradient>
  </defs>
  <rect width="600" height="900" fill="url(#sea)"/>
  <rect x="60" y="120" width="90" height="6" fill="#ffffff"/>
  <text x="60" y="250" font-family="sans-serif" font-size="96" font-weight="bold"
        fill="#ffffff">{escape(config.epub_title)}</text>
  <text x="60" y="320" font-family="sans-serif" font-size="26" fill="#ffffff">{first}</text>
  <text x="60" y="356" font-family="sans-serif" font-size="26" fill="#ffffff">{second}</text>
  <g font-family="sans-serif">
{lines}
  </g>
  <text x="60" y="820" font-family="sans-serif" font-size="30" fill="#ffffff">{escape(config.epub_author)}</text>
</svg>
"""
    target = Path(app.outdir, EPUB_COVER)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg, encoding="utf-8")


def two_lines(text: str) -> tuple[str, str]:
    """A cover's tagline in two lines, broken at the space nearest the middle."""
    words = text.split()
    if len(words) < 2:
        return text, ""
    cut = min(range(1, len(words)), key=lambda n: abs(len(" ".join(words[:n])) - len(text) / 2))
    return " ".join(words[:cut]), " ".join(words[cut:])


# -- Registration ------------------------------------------------------------------------
def setup_print(app: Sphinx) -> None:
    app.add_node(book_division, latex=(visit_book_division, depart_book_division))
    app.add_node(lesson_header, override=True, latex=(visit_lesson_header, None))
    for part in PART_KINDS:
        app.add_node(part, override=True, latex=(visit_part, depart_part))
    app.add_node(wrap_up_part, override=True, latex=(visit_wrap_up_part, depart_wrap_up_part))
    app.add_node(sign_off, override=True, latex=(visit_sign_off, depart_sign_off))
    app.add_builder(CourseEpub3Builder, override=True)
    app.add_post_transform(BookShape)
    app.add_post_transform(StaticForOffline)
    app.connect("builder-inited", prepare_epub, priority=900)  # after extensions add files
    app.connect("html-page-context", epub_page_assets, priority=900)
