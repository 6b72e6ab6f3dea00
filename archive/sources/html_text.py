"""Saved web pages: recognise them, read their declared charset, keep only visible text.

The module is not called ``html`` so that it never shadows the standard library's
``html`` package, whose parser it uses.
"""

import codecs
import re
from html.parser import HTMLParser

_HTML_START = re.compile(r"\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(html|head|body|p|div|meta|title|table)[\s>/]", re.IGNORECASE)
_SNIFF_CHARS = 1024

# <meta charset="gbk"> and <meta http-equiv="Content-Type" content="text/html; charset=gbk">
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_SCAN_BYTES = 4096

# As browsers do (WHATWG Encoding): GB2312/GBK labels are read with the GB18030
# decoder, its superset; a page cannot really be UTF-16 if its meta tag is readable.
_CODEC_FOR_LABEL = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "x-x-big5": "big5",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}

_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "nav"})
_NAVIGATION = re.compile(r"nav|menu|breadcrumb", re.IGNORECASE)
# Page-wide containers are never hidden for their class (<body class="has-nav">).
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# fmt: off
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "ol", "p", "pre",
    "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
# fmt: on
_CELL_TAGS = frozenset({"td", "th"})
# Elements whose end tag is optional: a new one closes the previous sibling.
_SELF_CLOSING_SIBLINGS = frozenset({"li", "p", "dt", "dd", "tr", "td", "th", "option"})

# Line breaks between blocks are collected as U+2029 (paragraph separator), so that they
# survive the collapsing of the page source's own whitespace.
_BLOCK_BREAK = "\u2029"
# An empty paragraph that only holds a line break (<p><br></p>, the spacing between the lines of a
# WeChat post) is a blank line, as in the post's text: it tells an address list's lines apart.
_EMPTY_PARAGRAPH = "\ufdd0"  # a noncharacter (pages do not use it), and not whitespace
_SOURCE_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_SPACES = re.compile(r"[ \u00a0]+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


def looks_like_html(text: str) -> bool:
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head) or _HTML_TAG.search(head))


def declared_charset(raw: bytes) -> str | None:
    """The Python codec named by the page's meta charset, or None (absent or unknown)."""
    if not looks_like_html(raw[:_SNIFF_CHARS].decode("ascii", "replace")):
        return None
    match = _META_CHARSET.search(raw[:_META_SCAN_BYTES])
    if not match:
        return None
    return codec_for_label(match.group(1).decode("ascii", "replace"))


def codec_for_label(label: str) -> str | None:
    """The Python codec a charset label names, as browsers read it; None for an unknown label."""
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_CODEC_FOR_LABEL.get(label, label)).name
    except LookupError:
        return None
    return _CODEC_FOR_LABEL.get(name, name)


def html_to_text(html: str) -> str:
    """The visible text of a page: the title as the first line, then one line per block."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _collapse_source_whitespace(text: str) -> str:
    """Whitespace in page source is one space, or nothing where a line break meets Chinese
    (Chinese is written without spaces; 23例,\n其中 is one phrase)."""

    def replace(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        breaks_line = "\n" in match.group() or "\r" in match.group()
        if breaks_line and (_WIDE.match(before) or _WIDE.match(after)):
            return ""
        return " "

    return _SOURCE_WHITESPACE.sub(replace, text)


def _lines(text: str) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in _collapse_source_whitespace(text).split(_BLOCK_BREAK))
    kept: list[str] = []
    for line in lines:
        if line == _EMPTY_PARAGRAPH:  # a blank line, once, between lines of text
            if kept and kept[-1]:
                kept.append("")
        elif line:
            kept.append(line)
    return kept[:-1] if kept and not kept[-1] else kept


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._hidden_depth = 0
        self._pre_depth = 0
        self._in_title = False
        self._title_seen = False
        self._title: list[str] = []
        self._body: list[str] = []
        self._block_text = False  # the current block holds visible text
        self._block_break = False  # the current block holds a <br>

    def text(self) -> str:
        return "\n".join(_lines("".join(self._title)) + _lines("".join(self._body)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self._title_seen:
            self._in_title = self._title_seen = True
        if tag in _VOID_TAGS:
            if tag in ("br", "hr"):
                self._emit(_BLOCK_BREAK)
                self._block_break |= tag == "br"
            return
        if tag in _SELF_CLOSING_SIBLINGS and self._open and self._open[-1][0] == tag:
            self._pop()
        hides = _hides_content(tag, dict(attrs))
        self._open.append((tag, hides))
        self._hidden_depth += hides
        self._pre_depth += tag == "pre"
        if tag in _BLOCK_TAGS:
            self._emit(_BLOCK_BREAK)
            self._block_text = self._block_break = False
        elif tag in _CELL_TAGS:
            self._emit(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            if self._block_break and not self._block_text:
                self._emit(_EMPTY_PARAGRAPH)
            self._emit(_BLOCK_BREAK)
            self._block_text = self._block_break = False
        # An end tag closes everything opened inside it, so an unclosed hidden element
        # never hides more than its parent.
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth and data.strip():
            self._block_text = True
        if self._in_title:
            self._title.append(data)
        elif self._pre_depth:
            self._emit(data.replace("\n", _BLOCK_BREAK))
        else:
            self._emit(data)

    def _emit(self, text: str) -> None:
        if not self._hidden_depth:
            self._body.append(text)

    def _pop(self) -> str:
        tag, hides = self._open.pop()
        self._hidden_depth -= hides
        self._pre_depth -= tag == "pre"
        return tag


def _hides_content(tag: str, attrs: dict[str, str | None]) -> bool:
    """Scripts and styles, what the page itself hides, and navigation (menus, breadcrumbs)."""
    if tag in _HIDDEN_TAGS or "hidden" in attrs or _DISPLAY_NONE.search(attrs.get("style") or ""):
        return True
    names = " ".join(attrs.get(key) or "" for key in ("class", "id", "role"))
    return tag not in _CONTAINER_TAGS and bool(_NAVIGATION.search(names))
