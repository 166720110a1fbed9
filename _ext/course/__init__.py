"""The course's Sphinx extension: lessons from front matter, their parts, links and checks.

Modules, one job each (`setup` below registers them in this order):

  front_matter_parser  MyST, reading a page's front matter once, with libyaml
  facts           course facts: Lesson and its labels, the course's shape from conf.py
                  (checked when it loads), where pages live, what kind of page a page is
  builders        which edition a builder makes: `is_web`, `is_offline`, `is_epub`
  editions        the reader edition (default) and the authors' preview: which notes show
  nodes           the document nodes: page tops and lesson parts
  domain          what lessons contribute to the book (kept right for incremental and
                  parallel builds) and the {day} role
  header          a page's top: the lesson header and preface byline as data, with their
                  visitors for HTML/ePub, LaTeX and text; week page titles
  parts           the directives for a lesson's parts (image-slot, vocabulary, ...)
  figures         the illustration: <picture> with a phone layout on the web, the wide
                  picture elsewhere
  listings        the pages built from every lesson: course-map, course-glossary, course-recap
  cards           HTML presentation: lesson parts and map days as sphinx-design cards
  checks          course checks as warnings with file and line
  follow_ons      one mistake, one line: MyST's and Sphinx's echoes of a mistake the
                  course reports are left out
  lesson_safety   a lesson as untrusted input: allowed markup only, nothing from outside
  contained_doctests  examples run with a time limit, offline, in a scratch folder, all
                  counted
  code_blocks     code that scrolls sideways on phones takes keyboard focus
  updates         which pages an incremental build rewrites
  latex_edition   the PDF book: its shape and course.sty's environments
  epub_edition    the ePub: builder, contents, cover, static files
  offline_forms   static forms of interactive things, for the PDF and the ePub
  widgets         decision widgets: a lesson's yes/no questions from one table of cases
  progress        "Mark Day N done" and "k of 21 done", kept in the reader's browser
  term_tips       glossary terms show their definition on hover, focus and tap
  page_meta       meta description and link-preview tags in each web page's head
  site_files      the 404 page, sitemap.xml, robots.txt
  theme_fixes     furo's drawers and table ids mended, unused scripts left out
  lesson_dates    "Last updated" (sphinx-last-updated-by-git) on lessons only
  template_cache  the theme's compiled templates kept between builds
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import nodes as course_nodes
from .cards import setup_cards
from .checks import setup_checks
from .code_blocks import setup_code_blocks
from .contained_doctests import setup_contained_doctests
from .domain import CourseDomain
from .editions import setup_editions
from .epub_edition import setup_epub_edition
from .facts import check_config
from .figures import setup_figures
from .follow_ons import setup_follow_ons
from .front_matter_parser import setup_front_matter_parser
from .header import setup_header
from .latex_edition import setup_latex_edition
from .lesson_dates import setup_lesson_dates
from .lesson_safety import setup_lesson_safety
from .listings import setup_listings
from .offline_forms import setup_offline_forms
from .page_meta import setup_page_meta
from .parts import DIRECTIVES
from .progress import setup_progress
from .site_files import setup_site_files
from .template_cache import setup_template_cache
from .term_tips import setup_term_tips
from .theme_fixes import setup_theme_fixes
from .updates import setup_updates
from .widgets import setup_widgets

__version__ = "1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("course_days", 21, "env", types=[int])
    app.add_config_value("course_weeks", {}, "env", types=[dict])
    app.connect("config-inited", check_config)
    setup_editions(app)  # the reader edition by default; the authors' preview on request
    setup_front_matter_parser(app)

    app.add_domain(CourseDomain)
    app.add_role("day", CourseDomain.roles["day"])
    for node in (course_nodes.image_slot, course_nodes.image_placeholder, course_nodes.vocabulary,
                 course_nodes.forward_references, course_nodes.wrap_up, course_nodes.wrap_up_part,
                 course_nodes.sign_off):
        app.add_node(node)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)

    # The book, for every builder.
    for setup_part in (setup_header, setup_listings, setup_cards,
                       setup_figures, setup_checks, setup_follow_ons, setup_lesson_safety, setup_contained_doctests,
                       setup_updates):
        setup_part(app)
    # The offline editions.
    for setup_edition in (setup_latex_edition, setup_epub_edition, setup_offline_forms):
        setup_edition(app)
    # Readers in a browser; theme_fixes last: it drops the scripts a page does not use.
    for setup_reader_feature in (setup_lesson_dates, setup_widgets, setup_progress, setup_term_tips,
                                 setup_code_blocks, setup_page_meta, setup_site_files,
                                 setup_theme_fixes, setup_template_cache):
        setup_reader_feature(app)
    return {"version": __version__, "env_version": 2,
            "parallel_read_safe": True, "parallel_write_safe": True}
