"""parse_document never raises, whatever text it is given."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.parse import parse_document

BULLETIN_PIECES = [
    "2022年11月30日0—14时,", "11月30日0-24时,", "22日0-24时,", "哈尔滨市", "黑龙江省", "哈市", "我市",
    "新增本土新冠病毒", "无症状感染者", "确诊病例", "阳性感染者", "初筛阳性", "境外输入", "无新增",
    "126例", "0例", "1000000000000000000000000000000例", "十二例", "其中", "其余", "以上", "均为", "均在", "在",
    "隔离管控人员中发现", "社区筛查发现", "转为确诊病例", "转归", "香坊区", "南岗区", "绥化海伦市",
    "(", ")", ",", "、", ";", "。", "\n", "\n\n", "一是", "二是", "发布时间:2022-10-29 20:15\n",
    "截至", "累计", "治愈出院", "哈爾濱市", "確診", "\x00", "\u200b", "\ufeff", "０-２５時", "2月30日0-24时,",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(BULLETIN_PIECES), max_size=40))
def test_bulletin_like_text_never_raises(pieces):
    parsed = parse_document("".join(pieces))
    assert parsed.status in ("parsed", "no_bulletin", "failed")
    for report in parsed.reports:
        assert 0 <= report.span_start <= report.span_end <= len(parsed.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    parse_document(text)


def test_empty_text():
    parsed = parse_document("")
    assert (parsed.status, parsed.reports, parsed.text) == ("no_bulletin", [], "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BULLETIN_PIECES + ["，", "；", "　", " ", "例 ", "０"]), max_size=40))
def test_normalizing_twice_changes_nothing(pieces):
    """reparse parses the stored (already normalized) text: normalization must be idempotent."""
    from archive.parse.normalize import normalize_text

    once = normalize_text("".join(pieces))
    assert normalize_text(once) == once
