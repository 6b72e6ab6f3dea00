"""Independent derivation helper for tests/real/shanghai_bulletins.json — NOT the project's parser.

It was written by the labeller to add up the Shanghai bulletins' case-number ranges
(病例a—病例b / 无症状感染者a—无症状感染者b, then 居住于<district>) per district and case type,
and to pick out the section totals, so that the hand-read figures could be checked against a
count done another way. It imports nothing from `archive`. Every number it prints was compared
with a reading of the page before it went into the JSON; channels, conversions and all judgement
calls were written by hand.

Usage: python tests/real/derive_shanghai_districts.py ../shared/real/shanghai-2022/number-20220410.txt …
"""

import json
import re
import sys
from collections import Counter

DISTRICTS = (
    "浦东新区 黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 "
    "嘉定区 金山区 松江区 青浦区 奉贤区 崇明区"
).split()
DASH = "[—–\\-－~～至]"
NOUN = "(?:病例|无症状感染者)"
GROUP = re.compile(
    rf"(?<!死亡)(?P<noun>{NOUN})\s*(?P<body>\d+(?:\s*(?:{DASH}|、|和)\s*{NOUN}?\s*\d+)*)"
)
RESIDENCE = re.compile("居住(?:于|地为)(" + "|".join(DISTRICTS) + ")")
LOCAL_CONFIRMED = re.compile(r"^\d{4}年\d+月\d+日0—24时，新增本土新冠肺炎确诊病例(\d+)例")
LOCAL_ASYMPTOMATIC = re.compile(r"^\d{4}年\d+月\d+日0—24时，新增本土无症状感染者(\d+)例")
OTHER_SECTION = re.compile(r"^(\d{4}年\d+月\d+日0—24时|截至)")


def numbers_of(body: str) -> list[int]:
    out, parts = [], re.split(r"\s*(、|和)\s*", body)
    for part in parts:
        if part in ("、", "和"):
            continue
        ends = [int(n) for n in re.findall(r"\d+", part)]
        out.extend(range(ends[0], ends[-1] + 1))
    return out


def sections(text: str):
    """(case type, section text) for the local sections; lines inside a section are joined with
    nothing, since some pages break a line inside a case label (无症状感染 / 者209)."""
    section, lines, totals = None, [], {}
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        header = LOCAL_CONFIRMED.match(line) or LOCAL_ASYMPTOMATIC.match(line)
        if header or OTHER_SECTION.match(line):
            if section:
                yield section, "".join(lines)
            section, lines = None, []
            if header:
                section = "confirmed" if header.re is LOCAL_CONFIRMED else "asymptomatic"
                totals[section] = int(header.group(1))
                yield "total", (section, totals[section])
            continue
        if section:
            lines.append(line)
    if section:
        yield section, "".join(lines)


def derive(text: str) -> dict:
    totals = {}
    by_type = {"confirmed": {}, "asymptomatic": {}}
    unplaced = {"confirmed": set(), "asymptomatic": set()}
    for section, line in sections(text):
        if section == "total":
            totals[line[0]] = line[1]
            continue
        groups = list(GROUP.finditer(line))
        for i, g in enumerate(groups):
            noun_type = "confirmed" if g.group("noun") == "病例" else "asymptomatic"
            if noun_type != section:
                continue  # a reference to the other type (…的密切接触者)
            stop = groups[i + 1].start() if i + 1 < len(groups) else len(line)
            place = RESIDENCE.search(line, g.end(), stop)
            for n in numbers_of(g.group("body")):
                if place:
                    by_type[section].setdefault(n, []).append(place.group(1))
                else:
                    unplaced[section].add(n)
    result = {"totals": totals, "districts": {}, "problems": []}
    for case_type, cases in by_type.items():
        counts = Counter()
        for n, places in cases.items():
            if len(set(places)) > 1:
                result["problems"].append(f"{case_type} {n} placed in {places}")
            counts[places[0]] += 1
        result["districts"][case_type] = dict(counts)
        total = totals.get(case_type)
        numbered = set(cases) | unplaced[case_type]
        missing = sorted(set(range(1, (total or 0) + 1)) - numbered)
        extra = sorted(n for n in numbered if total is None or n > total)
        never_placed = sorted(unplaced[case_type] - set(cases))
        if missing:
            result["problems"].append(f"{case_type} numbers never named: {missing[:20]}")
        if extra:
            result["problems"].append(f"{case_type} numbers beyond total: {extra[:20]}")
        if never_placed:
            result["problems"].append(f"{case_type} numbers with no district: {never_placed}")
        result[f"{case_type}_placed"] = sum(counts.values())
    return result


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            print(path, json.dumps(derive(f.read()), ensure_ascii=False))
