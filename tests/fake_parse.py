"""A stand-in parser with known output, so that storage tests do not depend on parser details.

Texts steer it: "BOOM" makes it crash, "无通报" gives no bulletin (unless a year hint
is given), "DUPLICATE" gives a district twice (which the database rejects), and
"数字N" sets the asymptomatic total to N.
"""

from __future__ import annotations

import datetime as dt
import re

from archive.parse import (
    ChannelCount,
    DistrictCount,
    Notice,
    ParsedDocument,
    ParseHints,
    Problem,
    Report,
)


def fake_parse_document(text: str, hints: ParseHints | None = None) -> ParsedDocument:
    if "BOOM" in text:
        raise RuntimeError("boom")
    if "无通报" in text and (hints is None or hints.year is None):
        return ParsedDocument(text=text, status="no_bulletin")
    number = re.search(r"数字(\d+)", text)
    total = int(number.group(1)) if number else 57
    districts = [
        DistrictCount("asymptomatic", "哈尔滨市", "南岗区", total - 10),
        DistrictCount("asymptomatic", "哈尔滨市", "香坊区", 10),
    ]
    if "DUPLICATE" in text:
        districts.append(DistrictCount("asymptomatic", "哈尔滨市", "香坊区", 1))
    region = "黑龙江省" if "黑龙江省" in text else "哈尔滨市"
    day = int(re.search(r"(\d+)日", text).group(1)) if "日" in text else 3
    report = Report(
        seq=1,
        region=region,
        region_level="province" if region == "黑龙江省" else "city",
        report_date=dt.date(2022, 12, day),
        window_start_hour=0,
        window_end_hour=14,
        span_start=0,
        span_end=min(len(text), 10),
        local_asymptomatic=total,
        headline="标题",
        districts=districts,
        channels=[ChannelCount("asymptomatic", "quarantine", "隔离管控人员中发现", total)],
        notices=[Notice(1, "请主动报备", "请主动报备行程。"), Notice(2, "戴口罩", "戴口罩。")],
        problems=[Problem("partial_breakdown", "a breakdown covers part of its total", 0, 4)],
    )
    return ParsedDocument(
        text=text, status="parsed", reports=[report], published_on=dt.date(2022, 12, day)
    )
