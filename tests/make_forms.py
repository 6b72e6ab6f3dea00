"""A page in every form a bulletin was kept in, written by the tests (and benchmarks/forms.py):
a three-column newspaper PDF page, a Word file, a browser's MHTML save, a web archive (WARC)
among other pages, a picture rendered with a Chinese font, a scanned PDF of that picture, and a
zip of them all.

reportlab, python-docx, warcio and Pillow write them; the font of the pictures is Debian's
fonts-wqy-microhei (.ci/run installs it).
"""

from __future__ import annotations

import datetime as dt
import email.charset
import email.utils
import gzip
import html
import io
import zipfile
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

PICTURE_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
# An article of the page the bulletin is printed on, invented: it names no cases.
OTHER_ARTICLE = (
    "冰雪季文旅活动启幕",
    "本报讯 第二十四届冰雪大世界园区建设进入冲刺阶段,园区总用冰量约二十万立方米,"
    "设置冰雪景观、游乐项目和演艺活动三大板块。市文旅局介绍,今年冰雪季将推出精品线路十条,"
    "各区县同步举办冰雪节庆活动,让市民游客在家门口感受冰雪乐趣。",
    "据了解,园区将于气温稳定后择机开园,具体时间另行公布。",
)
SEED_URL = "https://www.example.org/hrb/2022-11-30/fabuhui.html"


def lines_of(text: str) -> list[str]:
    """The page's non-empty lines, as they were laid out: each a paragraph or a headline."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def newspaper_pdf(text: str) -> bytes:
    """The page set in three columns on one newspaper page, under a masthead, beside another article."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK", spaceAfter=6, firstLineIndent=18)
    headline = ParagraphStyle("headline", parent=body, fontSize=14, leading=18, spaceBefore=8, spaceAfter=8, firstLineIndent=0)
    masthead = ParagraphStyle("masthead", parent=headline, fontSize=28, leading=34)
    width, height = 842, 900  # a tabloid page, which the page and its neighbour fill in three columns
    margin, gutter, top = 36, 14, 70
    column = (width - 2 * margin - 2 * gutter) / 3
    frames = [Frame(margin, height - margin - top, width - 2 * margin, top, id="masthead")] + [
        Frame(margin + i * (column + gutter), margin, column, height - 2 * margin - top, id=f"column{i}") for i in range(3)
    ]
    story = [Paragraph("哈尔滨日报 第3版 疫情防控", masthead), FrameBreak()]
    for line in [*lines_of(text), *OTHER_ARTICLE]:
        style = headline if _is_headline(line) else body
        story.append(Paragraph(html.escape(line), style))
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=(width, height), pageTemplates=[PageTemplate(frames=frames)])
    document.build(story)
    return out.getvalue()


def _is_headline(line: str) -> bool:
    return len(line) <= 30 and not any(mark in line for mark in ",。;")


def word_file(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in lines_of(text):
        if _is_headline(line):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def web_page(text: str, title: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines_of(text))
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>\n'
        f'<body><nav class="menu">首页 | 要闻 | 疫情防控</nav>\n<article>\n{paragraphs}\n</article></body></html>\n'
    )


def mhtml_save(text: str, url: str = SEED_URL, charset: str = "gb18030") -> bytes:
    """A browser's single-file save: the page in ``charset``, quoted-printable, and a picture beside it."""
    page_charset = email.charset.Charset(charset)
    page_charset.body_encoding = email.charset.QP
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "哈市新增本土新冠无症状感染者126例"
    message["Date"] = email.utils.format_datetime(dt.datetime(2022, 12, 1, 8, 30, tzinfo=dt.UTC))
    page = MIMEText(web_page(text, "哈尔滨日报").replace('charset="utf-8"', f'charset="{charset}"'), "html", page_charset)
    page["Content-Location"] = url
    message.attach(page)
    logo = MIMEImage(_png(16, 16), "png")
    logo["Content-Location"] = "https://www.example.org/logo.png"
    message.attach(logo)
    return message.as_bytes()


def web_archive(pages: list[tuple[str, str, dt.datetime]], *, compress: bool = True, extras: bool = True) -> bytes:
    """A WARC of (url, text, capture time) responses, each after its request; with ``extras``, also
    records that are no page: a picture, a redirect, metadata."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests/make_forms.py"}))

    def response(url: str, body: bytes, content_type: str, captured: dt.datetime, status: str = "200 OK") -> None:
        date = captured.strftime("%Y-%m-%dT%H:%M:%SZ")
        request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "www.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict={"WARC-Date": date}))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date})
        )

    for url, text, captured in pages:
        is_page = text.lstrip().startswith("<")
        content_type = "text/html; charset=utf-8" if is_page else "text/plain; charset=utf-8"
        response(url, text.encode("utf-8"), content_type, captured)
    if extras:
        captured = pages[0][2]
        response("https://www.example.org/logo.png", _png(16, 16), "image/png", captured)
        response("https://www.example.org/old", b"", "text/html", captured, status="301 Moved Permanently")
        metadata = writer.create_warc_record(
            "https://www.example.org/", "metadata", payload=io.BytesIO(b"outlink: https://www.example.org/a\n"),
            warc_content_type="application/warc-fields",
        )  # fmt: skip
        writer.write_record(metadata)
    return out.getvalue()


def other_pages(count: int, captured: dt.datetime) -> list[tuple[str, str, dt.datetime]]:
    """Pages of a site that hold no bulletin, invented."""
    return [
        (
            f"https://www.example.org/news/{n:03d}.html",
            web_page(f"市民生活第{n}期\n本市第{n}届社区运动会日前举行,居民踊跃参加拔河、跳绳等项目。", f"市民生活{n}"),
            captured,
        )
        for n in range(count)
    ]


def picture(text: str, *, width: int = 1080, glyph: int = 24, per_line: int = 40):
    """The page as a picture: black text in ``glyph``-pixel characters, ``per_line`` characters a line,
    a blank line between paragraphs."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(PICTURE_FONT), glyph)
    rows: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            if rows and rows[-1]:
                rows.append("")
            continue
        rows += [paragraph[start : start + per_line] for start in range(0, len(paragraph), per_line)]
    margin, pitch = 60, glyph * 3 // 2
    image = Image.new("L", (width, 2 * margin + pitch * len(rows)), 255)
    draw = ImageDraw.Draw(image)
    for number, row in enumerate(rows):
        draw.text((margin, margin + pitch * number), row, font=font, fill=0)
    return image


def png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scanned_pdf(image) -> bytes:
    """A PDF of one page that is the picture alone: no text layer, as a scanner makes it."""
    out = io.BytesIO()
    image.save(out, "PDF", resolution=144)
    return out.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    return png(Image.new("RGB", (width, height), (200, 30, 30)))


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)
