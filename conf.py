"""Sphinx configuration for the course. Course facts live here once: title, authors, weeks."""

import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))

# -- The course -------------------------------------------------------------
project = "AI Asks"
author = "Shivali & Girish"
copyright = "2026, Shivali & Girish"
version = release = "2026.11"
language = "en"

course_days = 21
course_weeks = {
    1: "The Foundations",
    2: "The Layers",
    3: "The Launch",
}

# -- Extensions ---------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinx.ext.doctest",
    "sphinxcontrib.rsvgconverter",  # SVG illustrations as vector PDF in the printed book
    "sphinx_last_updated_by_git",  # "Last updated" from git; the course keeps it on lessons
    "course",
]

myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_title_to_header = True  # a lesson's title is its front matter `title`
myst_heading_anchors = 2

exclude_patterns = [
    # Only the book is a source: not tooling, tests, hidden folders or dependencies.
    "_build", ".*", "**/.*", "**/node_modules", "README.md", "CONTRIBUTING.md", "LICENSE-lessons.md",
    "tests", "bench", "tools", "Thumbs.db", ".DS_Store",
]
templates_path = ["_templates"]

# Readers copy code, not prompts or output.
copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# The doctest builder runs only what a page shows.
doctest_test_doctest_blocks = ""

# -- HTML -----------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
# Each lesson's date: its newest commit, or a newer one of its widget table or image
# (sphinx-last-updated-by-git). In UTC, so every machine writes the same page; no meta tag.
html_last_updated_fmt = "%-d %B %Y"
git_last_updated_timezone = "UTC"
git_last_updated_metatags = False
# A copy or a source tarball has no git history: its pages are simply not dated.
suppress_warnings = ["git.subprocess_error", "git.command_not_found"]
html_copy_source = False
html_show_sourcelink = False

# -- LaTeX / PDF ------------------------------------------------------------------
# `make pdf`: one book from the root toctree, by xelatex through latexmk. The essay is front
# matter, each week a part, each day a chapter, recap and glossary back matter (see
# _ext/course/latex_edition.py); its look is _static/latex/course.sty.
course_tagline = (f"A {course_days}-day course for people who build software "
                  "by directing AI coding tools")
latex_engine = "xelatex"  # Unicode text and the system's fonts; pdflatex stops on them
latex_use_xindy = False
latex_docclass = {"manual": "book"}  # front, main and back matter
latex_toplevel_sectioning = "part"   # weeks are parts, days chapters
latex_documents = [  # the root toctree only: the course map is the web's front page
    ("index", "ai-asks.tex", project, author.replace("&", r"\&"), "manual", True),
]
latex_additional_files = ["_static/latex/course.sty"]
latex_domain_indices = False
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # read on screens: no blank left-hand pages
    "fncychap": "",
    "fvset": r"\fvset{fontsize=\small}",  # most doctest lines fit the page's width
    "makeindex": "",
    "printindex": "",     # the glossary is the book's index of terms
    "sphinxsetup": "hmargin={28mm,28mm}, vmargin={24mm,26mm}, TitleColor={HTML}{0B2D4D}, "
                   "InnerLinkColor={HTML}{2F6FB0}, OuterLinkColor={HTML}{2F6FB0}",
    "preamble": "\\usepackage{course}\n"
                f"\\CourseBookFacts{{{course_tagline}}}{{Edition {release}}}"
                f"{{{copyright.replace('&', chr(92) + '&')}}}{{{language}}}\n",
    "maketitle": r"\CourseTitlePage",
    "tableofcontents": r"\CourseContents",
}

# -- ePub -------------------------------------------------------------------------
# `make epub`: EPUB 3 that epubcheck accepts. Sphinx's epub theme, whose stylesheet is
# _static/epub.css; contents by week and day; the cover is drawn at build time from the
# facts above (_ext/course/epub_edition.py).
epub_theme = "epub"
epub_css_files: list[str] = []  # furo's course.css is for the web
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_language = language
epub_description = course_tagline
epub_identifier = epub_uid = "ai-asks"  # one value: the NCX repeats the uid as the identifier
epub_basename = "ai-asks"
epub_cover = ("_static/course-cover.svg", "epub-cover.html")
epub_tocscope = "includehidden"  # the root toctree is hidden on the web, not in the ePub
epub_tocdepth = 2                # weeks, then days
epub_use_index = False
epub_show_urls = "no"

# -- Readers in a browser ------------------------------------------------------------
# Widgets, progress, term tips, meta tags, sitemap and the 404 page come from the course
# extension (_ext/course/widgets.py, progress.py, term_tips.py, page_meta.py, site_files.py). For absolute URLs in
# the sitemap and link previews, publish with `-D html_baseurl=https://where.the.site.lives/`.
html_favicon = "_static/favicon.svg"
# Colours with at least 7:1 contrast (WCAG AAA) for text and links, light and dark; code too.
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#1d44b0", "color-brand-content": "#1d44b0",
        "color-foreground-secondary": "#3f4247", "color-foreground-muted": "#4a4d53",
        "color-brand-visited": "#6a22b8",
    },
    "dark_css_variables": {
        "color-brand-primary": "#91bcff", "color-brand-content": "#91bcff",
        "color-foreground-secondary": "#b8bcc1", "color-foreground-muted": "#b0b4ba",
        "color-brand-visited": "#c4a1ff",
    },
}
pygments_style = "a11y-high-contrast-light"
pygments_dark_style = "a11y-high-contrast-dark"

# -- Links out on every page: the offline editions, the source, the licence -----------------
# Read the Docs gives the site's address; a plain build has none, and then makes no absolute
# links (the sitemap is left out rather than made of relative addresses).
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
# The repository, set once: "View source" and "Suggest a change" on every page when it is known
# (here, or from Read the Docs' clone address).
course_repository = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "").removesuffix(".git")
course_branch = "main"
# The licences, until the authors choose: the lessons as the Carpentries license theirs, the
# code as most Sphinx extensions do. The texts are LICENSE (code) and LICENSE-lessons.md.
course_licenses = {
    "lessons": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "code": ("MIT", "https://opensource.org/license/mit"),
}
# `make site` and Read the Docs publish ai-asks.pdf and ai-asks.epub beside the pages.
course_downloads = bool(os.environ.get("COURSE_DOWNLOADS") or os.environ.get("READTHEDOCS"))
html_context = {
    "course_repository": course_repository,
    "course_branch": course_branch,
    "course_licenses": course_licenses,
    "course_downloads": course_downloads,
    "course_basename": epub_basename,
}

# -- Contributors' tools (make check, make serve) ---------------------------------------------
# Sphinx's "**/node_modules" only skips node_modules folders below the root: a top-level one
# (left by `npm install` for the site audits) needs its own pattern, or its READMEs become pages.
exclude_patterns += ["node_modules"]
