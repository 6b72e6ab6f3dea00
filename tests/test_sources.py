"""The sources layer: files, folders and stdin to decoded text, with no database.

Every input is written here, in the encoding under test, from short invented bulletins.
"""

import hashlib
import io
import os

import pytest

from archive.sources import (
    DecodeError,
    InputProblem,
    SourceDocument,
    decode_bytes,
    html_to_text,
    iter_sources,
    read_file,
)

SIMPLIFIED = (
    "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒阳性感染者23例,其中确诊病例9例,道里区5例、南岗区3例、平房区1例。"
)
TRADITIONAL = "哈爾濱市新增本土新冠病毒陽性感染者23例,其中確診病例9例"


def write(folder, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def read_source(path: str) -> SourceDocument:
    [document] = read_file(path)
    return document


def read(tmp_path, data: bytes, name: str = "bulletin.txt") -> SourceDocument:
    return read_source(write(tmp_path, name, data))


# --- encodings -------------------------------------------------------------------------


def test_utf8(tmp_path):
    raw = SIMPLIFIED.encode("utf-8")
    path = write(tmp_path, "utf8.txt", raw)

    document = read_source(path)

    assert document == SourceDocument(
        source=path,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=SIMPLIFIED,
        encoding="utf-8",
        error=None,
    )


def test_utf8_with_bom_drops_the_bom(tmp_path):
    document = read(tmp_path, b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"))

    assert (document.text, document.encoding) == (SIMPLIFIED, "utf-8-sig")


def test_gb18030_with_a_character_outside_gbk(tmp_path):
    text = "•" + SIMPLIFIED  # U+2022 has a four-byte GB18030 code and none in GBK
    document = read(tmp_path, text.encode("gb18030"))

    assert (document.text, document.encoding) == (text, "gb18030")


def test_gbk_is_read_as_gb18030(tmp_path):
    document = read(tmp_path, SIMPLIFIED.encode("gbk"))

    assert (document.text, document.encoding) == (SIMPLIFIED, "gb18030")


def test_big5_traditional(tmp_path):
    document = read(tmp_path, TRADITIONAL.encode("big5"))

    assert (document.text, document.encoding) == (TRADITIONAL, "big5")


@pytest.mark.parametrize("text", ["確診1例", "新增確診病例", "道裡區5例"])
def test_short_big5_that_also_decodes_as_gb18030(text):
    raw = text.encode("big5")
    raw.decode("gb18030")  # the trap: no error, only mojibake

    assert decode_bytes(raw) == (text, "big5")


def test_big5_with_hong_kong_characters():
    text = "新增確診個案,佢哋都係本地個案"  # 哋 is only in Big5-HKSCS

    assert decode_bytes(text.encode("big5hkscs")) == (text, "big5hkscs")


def test_utf16_with_bom():
    assert decode_bytes(SIMPLIFIED.encode("utf-16")) == (SIMPLIFIED, "utf-16")


def test_line_endings_become_newlines():
    raw = "第一行\r\n第二行\r第三行\n".encode("gb18030")

    assert decode_bytes(raw) == ("第一行\n第二行\n第三行\n", "gb18030")


def test_no_other_normalisation():
    text = "２０２２年11月25日,哈爾濱市新增確診病例9例\u3000"  # full-width digits, traditional script

    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_truncated_utf8_keeps_utf8_and_marks_the_cut():
    raw = SIMPLIFIED.encode("utf-8") + "例".encode()[:2]

    assert decode_bytes(raw) == (SIMPLIFIED + "\ufffd", "utf-8")


def test_ascii_then_one_gbk_character_is_not_truncated_utf8():
    raw = b"Total: " + "濮".encode("gbk")  # E5 A7: also the start of a 3-byte UTF-8 sequence

    assert decode_bytes(raw) == ("Total: 濮", "gb18030")


def test_other_encodings_fall_back_to_generic_detection():
    text = "東京都で新たに感染者が確認されました"

    text_read, encoding = decode_bytes(text.encode("shift_jis"))

    assert text_read == text
    assert encoding in {"cp932", "shift_jis"}


# --- unreadable inputs -----------------------------------------------------------------


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")

    document = read_source(path)

    assert document.text is None and document.encoding is None
    assert document.raw == b""
    assert document.sha256 == hashlib.sha256(b"").hexdigest()
    assert document.error == (
        f"{path} is empty: there is no bulletin in it; remove it or save the bulletin's text into it"
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Word/Excel document (.doc, .xls: save it as .docx)"),
        ("通报".encode("gb18030") + b"\x00\x01\x02", "binary data (it contains NUL bytes)"),
        (bytes(range(1, 9)) * 20, "binary data (it is full of control characters)"),
    ],
)
def test_binary_files(tmp_path, data, kind):
    path = write(tmp_path, "scan.bin", data)

    document = read_source(path)

    assert document.text is None and document.encoding is None
    assert document.raw == data and document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.error == (
        f"{path} is {kind}, not a text bulletin; ingest the bulletin as a text or HTML file, in UTF-8 if you can"
    )


def test_undecodable_bytes(tmp_path):
    path = write(tmp_path, "mixed.txt", SIMPLIFIED.encode("gb18030") + b"\xff" + SIMPLIFIED.encode("gb18030"))

    document = read_source(path)

    assert document.text is None and document.encoding is None
    assert document.error == f"cannot decode {path} as UTF-8, GB18030 or Big5; convert it to UTF-8 and ingest again"


def test_decode_bytes_raises_with_the_given_name():
    with pytest.raises(DecodeError, match=r"^note\.txt is empty"):
        decode_bytes(b"", "note.txt")


def test_unreadable_file_is_an_error_not_an_exception(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", SIMPLIFIED.encode("utf-8"))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("archive.sources.inputs.open", refuse, raising=False)  # chmod does not stop root
    document = read_source(path)

    assert document.error == f"cannot read {path}: permission denied; give your user read access to it and try again"
    assert (document.raw, document.text, document.encoding) == (b"", None, None)


def test_read_file_on_a_folder_is_an_error(tmp_path):
    assert read_source(str(tmp_path)).error == (
        f"cannot read {tmp_path}: it is a folder; ingest the folder to read the files in it"
    )


def test_unlistable_folder_is_an_input_problem(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(os, "scandir", refuse)

    assert list(iter_sources([str(tmp_path)])) == [
        InputProblem(
            str(tmp_path),
            f"cannot list the folder {tmp_path}: permission denied; give your user read access to it and try again",
        )
    ]


# --- saved web pages -------------------------------------------------------------------


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html>\n<head>{head}<title>哈尔滨市疫情通报</title></head>\n<body>{body}</body>\n</html>\n"
    )


def test_html_with_meta_charset_gb18030(tmp_path):
    html = page(f"<p>{SIMPLIFIED}</p>", head='<meta charset="gb18030">')

    document = read(tmp_path, html.encode("gb18030"), "page.html")

    assert document.encoding == "gb18030"
    assert document.text == f"哈尔滨市疫情通报\n{SIMPLIFIED}"


def test_html_with_http_equiv_gbk_charset_honours_it_over_a_big5_reading():
    # Short text whose GBK bytes are also valid Big5: the declaration settles it.
    html = page("<p>新增本土病例</p>", head='<meta http-equiv="Content-Type" content="text/html; charset=gbk">')

    assert decode_bytes(html.encode("gbk")) == (html, "gb18030")


def test_html_with_meta_charset_big5():
    html = page(f"<p>{TRADITIONAL}</p>", head="<meta charset=big5>").replace("哈尔滨市疫情通报", "疫情通報")

    assert decode_bytes(html.encode("big5")) == (html, "big5")


@pytest.mark.parametrize("wrong", ["utf-8", "big5", "iso-8859-1"])
def test_html_with_a_wrong_meta_charset_is_detected_instead(tmp_path, wrong):
    html = page("<p>新增本土病例</p>", head=f'<meta charset="{wrong}">')

    document = read(tmp_path, html.encode("gb18030"), "page.html")

    assert document.encoding == "gb18030"
    assert document.text == "哈尔滨市疫情通报\n新增本土病例"


def test_html_keeps_visible_text_only():
    html = page(
        head="<style>p { color: red }</style><script>var note = '<p>不可见</p>';</script>",
        body="""
<nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<div class="breadcrumb">当前位置: 首页 &gt; 通报</div>
<ul id="topMenu"><li>机构<li>政务公开</ul>
<div id="content">
  <h1>新增本土感染者23例</h1>
  <p>&nbsp;&nbsp;2022年11月25日0-15时,哈尔滨市新增本土新冠
  病毒阳性感染者23例,
  其中确诊病例9例。</p>
  <p>道里区5例&amp;南岗区3例<br>平房区1例</p>
  <table><tr><td>香坊区</td><td>8例</td></tr><tr><td>道外区</td><td>4例</td></tr></table>
  <p style="display:none">隐藏段落</p><div hidden>隐藏区块</div>
  <noscript>请开启浏览器脚本</noscript>
  <template><p>模板</p></template>
  <!-- 注释 -->
  <p>Press
  conference</p>
</div>
<footer>主办: 哈尔滨市卫生健康委员会</footer>
""",
    )

    assert html_to_text(html) == (
        "哈尔滨市疫情通报\n"
        "新增本土感染者23例\n"
        "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒阳性感染者23例,其中确诊病例9例。\n"
        "道里区5例&南岗区3例\n"
        "平房区1例\n"
        "香坊区 8例\n"
        "道外区 4例\n"
        "Press conference\n"
        "主办: 哈尔滨市卫生健康委员会"
    )


def test_html_container_with_a_nav_class_is_not_hidden():
    html = '<html><body class="has-nav"><article id="menu-target"><p>新增确诊病例9例</p></article></body></html>'

    assert html_to_text(html) == "新增确诊病例9例"


def test_html_pre_keeps_its_lines():
    assert html_to_text("<html><body><pre>第一行\n第二行</pre></body></html>") == "第一行\n第二行"


def test_html_unclosed_hidden_element_ends_with_its_parent():
    html = "<div><p>通报</p><div><ul class='menu'><li>菜单</div><p>新增确诊病例9例</p></div>"

    assert html_to_text(html) == "通报\n新增确诊病例9例"


def test_html_is_recognised_without_a_doctype(tmp_path):
    document = read(tmp_path, "<div><p>新增确诊病例9例</p></div>".encode())

    assert document.text == "新增确诊病例9例"


def test_plain_text_is_not_treated_as_html(tmp_path):
    text = "新增确诊病例9例 (详见附件 <1>)\n\n  道里区5例\n"

    assert read(tmp_path, text.encode("utf-8")).text == text


# --- files, folders, stdin -------------------------------------------------------------


@pytest.fixture
def archive_folder(tmp_path):
    """b.txt, a.txt, .hidden.txt, sub/c.txt, sub/deeper/d.txt, .git/e.txt."""
    root = tmp_path / "bulletins"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    for relative, text in {
        "b.txt": "二",
        "a.txt": "一",
        ".hidden.txt": "隐藏",
        "sub/c.txt": "三",
        "sub/deeper/d.txt": "四",
        ".git/e.txt": "五",
    }.items():
        (root / relative).write_bytes(text.encode("utf-8"))
    return root


def sources(documents) -> list[str]:
    return [document.source for document in documents]


def test_folder_gives_its_files_sorted_without_hidden_or_subfolders(archive_folder):
    documents = list(iter_sources([str(archive_folder)]))

    assert sources(documents) == [str(archive_folder / "a.txt"), str(archive_folder / "b.txt")]
    assert [document.text for document in documents] == ["一", "二"]


def test_recursive_folder_includes_subfolders_but_not_hidden_ones(archive_folder):
    documents = iter_sources([str(archive_folder)], recursive=True)

    assert sources(documents) == [
        str(archive_folder / "a.txt"),
        str(archive_folder / "b.txt"),
        str(archive_folder / "sub" / "c.txt"),
        str(archive_folder / "sub" / "deeper" / "d.txt"),
    ]


def test_a_hidden_file_given_directly_is_read(archive_folder):
    path = str(archive_folder / ".hidden.txt")

    assert [document.text for document in iter_sources([path])] == ["隐藏"]


def test_symlink_loop_terminates_and_reads_each_folder_once(archive_folder):
    (archive_folder / "sub" / "loop").symlink_to(archive_folder, target_is_directory=True)
    (archive_folder / "self").symlink_to(archive_folder / "self")

    items = list(iter_sources([str(archive_folder)], recursive=True))

    documents = [item for item in items if isinstance(item, SourceDocument)]
    assert [document.text for document in documents] == ["一", "二", "三", "四"]
    assert [item.source for item in items if isinstance(item, InputProblem)] == [str(archive_folder / "self")]


def test_broken_link_in_folder_is_a_problem(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")

    (problem,) = iter_sources([str(tmp_path)])

    assert problem == InputProblem(
        str(tmp_path / "gone.txt"),
        f"{tmp_path / 'gone.txt'} does not exist: it is a symbolic link to {tmp_path / 'missing.txt'},"
        " which leads to no file; fix or remove the link",
    )


def test_missing_path_is_an_input_problem(tmp_path):
    missing = str(tmp_path / "nowhere.txt")

    assert list(iter_sources([missing])) == [
        InputProblem(missing, f"{missing} does not exist; check the path and try again")
    ]


def test_stdin_and_files_keep_the_order_given(tmp_path):
    path = write(tmp_path, "big5.txt", TRADITIONAL.encode("big5"))
    stdin = io.BytesIO(SIMPLIFIED.encode("gb18030"))

    first, second = iter_sources(["-", path], stdin=stdin)

    assert (first.source, first.text, first.encoding) == ("-", SIMPLIFIED, "gb18030")
    assert first.sha256 == hashlib.sha256(SIMPLIFIED.encode("gb18030")).hexdigest()
    assert (second.source, second.text, second.encoding) == (path, TRADITIONAL, "big5")


def test_empty_stdin_names_standard_input():
    (document,) = iter_sources(["-"], stdin=io.BytesIO(b""))

    assert document.source == "-"
    assert document.error.startswith("standard input is empty")


def test_files_are_read_one_at_a_time(archive_folder):
    items = iter_sources([str(archive_folder)])

    first = next(items)
    (archive_folder / "b.txt").write_bytes("改后".encode())  # not read yet

    assert first.text == "一"
    assert next(items).text == "改后"
