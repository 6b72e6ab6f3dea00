"""Which region a bulletin speaks for: named in its lead, else found on its page.

Many bulletins never name their region in the count sentence (市卫健委, 本市, 全省
and 我区 stand for it). The page names it elsewhere: a title, a masthead or source
line (上海发布), a dateline, the text just before the bulletin, the areas the
bulletin's own lists name (浦东新区, 黄浦区 … → 上海市), or, last, the region the
page mentions most. Words that stand for a region are never taken as its name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from archive.parse import lexicon
from archive.parse.gazetteer import COUNTY_SUFFIXES, REGION_SUFFIXES, Area, Gazetteer, gazetteer
from archive.parse.lexer import AREA, tokens

NATIONAL = "全国"
# Words standing for the issuer's own region (lexicon/regions.tsv), by the level they imply; 全区/我区 is an
# autonomous region's own word in 2020 (广西, 新疆), a district's in 2022.
_STANDS_FOR = {level: lexicon.words("self", level) for level in ("city", "province", "region", "county")}
_NATIONAL_RE = re.compile(lexicon.alternation(lexicon.words("self", "national")))
# What may stand between a window and 新增 without being a region's name: a bracket, the disease, origins,
# verbs of reporting, issuers, 累计/共/均, punctuation.
_FILLER_WORDS = (
    lexicon.words("filler", "disease", "total")
    + lexicon.words("origin", "local", "imported")
    + lexicon.words("new")
    + lexicon.words("issuer")
    + lexicon.words("trap", "cumulative")
    + lexicon.words("scope", "all")
)
_FILLER_RE = re.compile(rf"\([^()]*\)|{lexicon.alternation(_FILLER_WORDS)}|[,:、;\s]")
# An unknown name has the shape of an area when it ends with a division's suffix.
_AREA_SHAPE_RE = re.compile(rf"^[\u4e00-\u9fff]{{1,10}}(?:{lexicon.alternation(set(REGION_SUFFIXES + COUNTY_SUFFIXES))})$")
# A region name that continues as a street or a building is not a mention of the region,
# nor is a traveller's origin or route (来自中国香港, 在香港生活, 自英国出发, 经新加坡转机).
_NOT_A_MENTION_AFTER = re.compile(lexicon.alternation(lexicon.words("street") + lexicon.words("travel", "after")))
_NOT_A_MENTION_BEFORE = re.compile(f"(?:{lexicon.alternation(lexicon.words('travel', 'before'))})$")
_AREA_SUFFIX_RE = re.compile(r"[区县]")
_LONGEST_AREA_NAME = 8
_TITLE_REACH = 300  # the title block and masthead of a page
_CONTEXT_REACH = 400  # how far before a bulletin the text may name its region
_AREA_SCAN_REACH = 20_000


class Unplaced(Exception):
    """A bulletin whose region neither its lead nor its page tells."""


@dataclass(frozen=True)
class Placement:
    region: Area | str  # an Area, NATIONAL, or a name of area shape the gazetteer does not know
    unknown: bool = False
    # 辽宁省盘锦市新增3例: the province reports, and all its new cases are in this area.
    within: Area | None = None

    @property
    def level(self) -> str:
        if self.region == NATIONAL:
            return "national"
        if isinstance(self.region, Area):
            return {"province": "province", "city": "city"}.get(self.region.level, "district")
        return "city"


def named_region_text(raw: str) -> str:
    """What remains of the text between a window and 新增 once filler is gone (the named region, if any)."""
    return _FILLER_RE.sub("", raw)


class PagePlacer:
    """Places the bulletins of one page, looking at the page once."""

    def __init__(self, text: str, first_lead: int):
        self.text = text
        self.first_lead = first_lead  # the page's title block ends where its first bulletin starts
        self.gaz: Gazetteer = gazetteer()
        self._last: Area | str | None = None  # the region of the page's previous bulletin

    def place(self, region_text: str, lead_start: int, body: str) -> Placement:
        placement = self._place(region_text, lead_start, body)
        self._last = placement.region
        return placement

    def _place(self, region_text: str, lead_start: int, body: str) -> Placement:
        raw = region_text
        if _NATIONAL_RE.search(raw):
            return Placement(NATIONAL)
        stands_for = _stands_for(raw)
        named = _STANDS_FOR_RE.sub("", named_region_text(raw))
        if named:
            area = self.gaz.region(named) or self._area_at_end(named)
            if area is not None:
                province = self.gaz.province_of(area)
                if area is not province and province.level == "province" and named.startswith(province.name):
                    return Placement(province, within=area)
                return Placement(area)
            if _AREA_SHAPE_RE.match(named):
                return Placement(named, unknown=True)
        if stands_for in ("county", "region") and (county := self._county_in_title()) is not None:
            return Placement(county)  # 我县, 我旗, 我区 on a page whose title names its county or district
        found = self._from_page(lead_start, body)
        if found is None:
            raise Unplaced(
                f"the bulletin at character {lead_start} does not say which region it covers and the page names none"
            )
        return Placement(self._at_level(found, stands_for) if isinstance(found, Area) else found)

    def _county_in_title(self) -> Area | None:
        """The one county-level area the page's title block names (宾县卫生健康局通报, 浦东新区疫情通报)."""
        title_end = min(_TITLE_REACH, self.first_lead)
        for token in tokens(self.text, 0, title_end):
            if token.kind == AREA:
                named = [self.gaz.current(a) for a in self.gaz.areas_called(token.value) if a.level in ("county", "zone")]
                if len(named) == 1:
                    return named[0]
        return None

    def _area_at_end(self, named: str) -> Area | None:
        hit = self.gaz.region_at_end(named) or self.gaz.area_at_end(named, None)
        if hit is None:
            return None
        area, length = hit
        # Same-name areas (桥西区 of 石家庄市 and of 张家口市): the one in the region named before it.
        parent = self.gaz.region_at_end(named[:-length])
        within = self.gaz.area_at_end(named, parent[0]) if parent is not None else None
        return within[0] if within is not None else area

    def _at_level(self, area: Area, stands_for: str | None) -> Area:
        if stands_for == "province" or (stands_for == "region" and self.gaz.province_of(area).name.endswith("自治区")):
            return self.gaz.province_of(area)
        return area

    # --- the page ----------------------------------------------------------
    def _from_page(self, lead_start: int, body: str) -> Area | str | None:
        title = self.mentions(self.text[: min(_TITLE_REACH, self.first_lead)])
        if title:
            return title[0][1]
        if self._last is not None:  # the sections of a bulletin (local, then imported) share its region
            return self._last
        before = self.mentions(self.text[max(0, lead_start - _CONTEXT_REACH) : lead_start])
        if before:
            return before[-1][1]
        return self.city_of_listed_areas(body) or self._city_of_page_areas or self._most_mentioned

    @cached_property
    def _city_of_page_areas(self) -> Area | None:
        return self.city_of_listed_areas(self.text)

    @cached_property
    def _most_mentioned(self) -> Area | None:
        counts = Counter(area for _, area in self.mentions(self.text))
        return counts.most_common(1)[0][0] if counts else None

    def mentions(self, text: str) -> list[tuple[int, Area]]:
        """Provinces and cities the text names (full or short names), in order."""
        found = []
        for match in self.gaz.region_name_re.finditer(text):
            if _NOT_A_MENTION_AFTER.match(text, match.end()) or _NOT_A_MENTION_BEFORE.search(text, 0, match.start()):
                continue
            area = self.gaz.region(match.group())
            if area is not None:
                found.append((match.start(), area))
        return found

    def city_of_listed_areas(self, text: str) -> Area | None:
        """The city most of the districts and counties named in ``text`` (its first _AREA_SCAN_REACH
        characters: a post's address lists add nothing its first districts do not tell) belong to."""
        votes: Counter = Counter()
        for match in _AREA_SUFFIX_RE.finditer(text, 0, _AREA_SCAN_REACH):
            end = match.end()
            cities = _cities_named_at_end(text[max(0, end - _LONGEST_AREA_NAME) : end])
            for city in cities:
                votes[city] += 1 / len(cities)
        if not votes:
            return None
        (city, score), *rest = votes.most_common(2) + [(None, 0)]
        return city if score >= 2 and score > rest[0][1] else None


@lru_cache(maxsize=4096)  # the same few characters before a 区 come back (岁,居住于黄浦区 in every case line)
def _cities_named_at_end(window: str) -> tuple[Area, ...]:
    """The cities of the areas that the longest name ending ``window`` names (none when no name ends it)."""
    gaz = gazetteer()
    for length in range(len(window), 1, -1):
        areas = gaz.areas_called(window[-length:])
        if areas:
            return tuple({gaz.city_of(gaz.current(area)) for area in areas})
    return ()


_STANDS_FOR_RE = re.compile(lexicon.alternation(word for words in _STANDS_FOR.values() for word in words))


def _stands_for(raw: str) -> str | None:
    for level, words in _STANDS_FOR.items():
        if any(word in raw for word in words):
            return level
    return None
