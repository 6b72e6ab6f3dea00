"""How cases were found: canonical channel keys for the method phrases bulletins use."""

from __future__ import annotations

import re
from functools import lru_cache

CHANNEL_KEYWORDS: dict[str, tuple[str, ...]] = {
    "quarantine": ("隔离管控", "集中隔离", "居家隔离", "隔离观察", "管控人员"),
    "community_screening": ("社区筛查", "区域核酸检测", "全员核酸", "社会面筛查"),
    "close_contact": ("密切接触者",),
    "cross_region": ("跨区域协查",),
    "key_population": ("非闭环管理重点人员", "重点人员", "重点人群"),
    "closed_loop": ("闭环管理重点人员", "闭环管理重点人群", "手递手"),
    "clinic": ("主动就诊", "发热门诊", "因症就诊"),
    "arrival_testing": ("落地检",),
    "risk_screening": ("风险人群排查", "风险人员"),
    "converted": ("转归", "转为确诊"),
}
_KEYWORD_KEY = {word: key for key, words in CHANNEL_KEYWORDS.items() for word in words}
_ANY_KEYWORD = re.compile("|".join(sorted(map(re.escape, _KEYWORD_KEY), key=len, reverse=True)))


@lru_cache(maxsize=4096)  # labels repeat from page to page
def channel_key(label: str) -> str:
    """The key of the channel a label names: ``other`` when it names none or several.

    Every keyword occurrence is found (overlaps included); a match lying inside a
    longer match is dropped (闭环管理重点人员 inside 非闭环管理重点人员).
    """
    matches = []
    for word in _KEYWORD_KEY:
        start = label.find(word)
        while start != -1:
            matches.append((start, start + len(word), word))
            start = label.find(word, start + 1)
    kept = {
        _KEYWORD_KEY[word]
        for start, end, word in matches
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
    }
    return kept.pop() if len(kept) == 1 else "other"


def names_a_channel(phrase: str) -> bool:
    return bool(_ANY_KEYWORD.search(phrase)) or phrase.endswith("发现")
