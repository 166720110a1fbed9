"""What the built site tells browsers, search engines and link previews: a description per page
(a lesson's from its question), social preview tags, a favicon, a sitemap, robots.txt, a 404
page, term tips that are links' descriptions, and one element per id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from html import unescape

from tests.conftest import ROOT, Build

META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"')
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(build: Build) -> dict[str, str]:
    return {path.relative_to(build.outdir).as_posix(): path.read_text(encoding="utf-8")
            for path in build.outdir.rglob("*.html")
            if not any(part.startswith("_") for part in path.relative_to(build.outdir).parts)}


def meta(html: str) -> dict[str, str]:
    return {name: unescape(content) for name, content in META.findall(html)}


def question_of(lesson: str) -> str:
    return re.search(r"^question: (.+)$", (ROOT / lesson).read_text(encoding="utf-8"), re.M).group(1)


def test_every_page_has_a_description_and_preview_tags(html_build: Build) -> None:
    descriptions = Counter()
    for name, html in pages(html_build).items():
        tags = meta(html)
        assert 40 <= len(tags.get("description", "")) <= 160, (name, tags.get("description"))
        assert tags["og:description"] == tags["description"], name
        assert tags["og:title"] and tags["og:site_name"] == "AI Asks", name
        assert tags["twitter:card"] == "summary", name
        descriptions[tags["description"]] += 1
        if re.fullmatch(r"week\d/day-\d\d\.html", name):
            assert tags["og:type"] == "article"
            assert question_of(name.replace(".html", ".md")) in tags["description"], name
    lessons_and_pages = [text for text, count in descriptions.items() if count == 1]
    assert len(lessons_and_pages) >= 21 + 5  # search and index pages may share the course's


def test_favicon_sitemap_robots_and_404(html_build: Build) -> None:
    site = pages(html_build)
    for name, html in site.items():
        icon = re.search(r'<link rel="(?:shortcut )?icon" href="([^"]+)"', html)
        assert icon, name
        assert (html_build.outdir / name).parent.joinpath(icon.group(1)).resolve().is_file(), name
    # Without the site's address there is no sitemap: its addresses must be absolute.
    assert not (html_build.outdir / "sitemap.xml").exists()
    robots = (html_build.outdir / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *") and "Sitemap" not in robots
    not_found = site["404.html"]
    assert '<base href="/">' in not_found and '<meta name="robots" content="noindex">' in not_found
    assert "<h1>Page not found</h1>" in not_found
    assert "<h1>Search the course</h1>" in site["search.html"]


def test_term_links_are_described_by_their_tips(html_build: Build) -> None:
    html = html_build.page("week3/day-16.html")
    tips = re.findall(r'<a aria-describedby="(course-term-tip-\d+)"[^>]*href="([^"]+)".*?'
                      r'<span class="course-term-tip" role="tooltip" id="\1">([^<]+)</span>', html)
    assert len(tips) >= 5
    for _, href, text in tips:
        assert "#term-" in href and len(text) > 20


def test_no_page_gives_one_id_to_two_elements(html_build: Build) -> None:
    for name, html in pages(html_build).items():
        repeated = [i for i, count in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if count > 1]
        assert repeated == [], name
