"""Write a deterministic corpus of bulletin pages for the benchmark.

The corpus grows by regions, not days. Its sources are regions of the archive's gazetteer,
taken one after another, each publishing every day of 2020-01-01..2022-12-31 (DAYS = 1,096
pages): page ``i`` is source ``i // DAYS`` on day ``i % DAYS``. The sources come province
by province (the provinces in the gazetteer's order, then the four municipalities): each
prefecture-level city with at least three districts or counties; after it, for one city in
DISTRICT_POSTS_EVERY (the first included), its district posts; then its first
COUNTIES_PER_CITY districts or counties; and after the first city's, the province itself.
So the first source, the city 石家庄市, is complete from 1,096 pages on, and the first 10,000
pages hold it, its district posts and three districts, 河北省, and 唐山市 with two of its
districts. len(sources()) * DAYS = 1,596,872 pages are possible (1,000,000 reach 16
provinces); a larger count is refused.

A city publishes city bulletins (shapes C1-C5, O1, O2, zero). A province publishes province
bulletins (P1-P3) listing every city of the province whose bulletin of the day covers the full
day, with that bulletin's figures (now and then misprinted). A district or county publishes,
in its city's window, the figures its city's bulletin of the day lists for it (now and then
misprinted; its own when the city lists no areas). A city's district post repeats the city's
bulletin of the day: its totals again, then a block per district with the figures of the
city's lists (a few misprinted) and a list of addresses. So sources one level apart state the
same day's figures and check each other. Pages carry noise (mastheads, headlines, datelines,
numbered guidance, other articles with figures that are not new cases, lines broken mid-word)
and are saved as UTF-8 text, GB18030 text, Big5 text in traditional script, or HTML pages
(UTF-8 or GBK).

Each page depends only on the seed and its index, so the first 10,000 pages of a
100,000-page corpus are the 10,000-page corpus, and a region holds the same reports at
every size that reaches it. Pages are written one at a time: memory stays flat whatever the
count.

    python benchmarks/make_corpus.py OUT_DIR --count 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

FIRST_DAY = dt.date(2020, 1, 1)
DAYS = (dt.date(2022, 12, 31) - FIRST_DAY).days + 1  # 1,096
_CITY_SUFFIX = "市"
_MIN_DISTRICTS = 3
COUNTIES_PER_CITY = 3
# One city in this many (the first of the corpus included) also has its district posts as a
# source: a block per district (新增N例本土确诊病例…, 分别居住于: and an address list).
DISTRICT_POSTS_EVERY = 3
# How often a district post's or a county's figure differs from its city's list (a misprint, as
# in real posts), and a province's list from its city's bulletin.
DISTRICT_POST_MISPRINTS = 0.03
PROVINCE_MISPRINTS = 0.02
FULL_DAY_WINDOWS = ("0-24时", "0—24时", "0时至24时")
STREETS = ("建设路", "人民路", "解放路", "和平街", "中山路", "新华路", "胜利街", "朝阳路", "文化路", "光明巷")
_WEEKDAYS = "一二三四五六日"

# How often each shape appears among city pages and among province pages.
CITY_SHAPES = {"C1": 24, "C2": 14, "C3": 8, "C4": 8, "C5": 8, "O1": 8, "O2": 10, "Z": 10, "T": 10}
PROVINCE_SHAPES = {"P1": 40, "P2": 25, "P3": 25, "T": 10}
# (file suffix, encoding, as HTML) and how often each is used for simplified pages.
SAVED_AS = {("txt", "utf-8", False): 70, ("txt", "gb18030", False): 12, ("html", "utf-8", True): 12, ("html", "gb18030", True): 6}

CHANNELS = ("隔离管控人员中发现", "社区筛查发现", "非闭环管理重点人员筛查发现", "密切接触者筛查发现", "跨区域协查发现", "主动就诊发现")
PROVINCE_CHANNELS = ("主动就诊发现", "区域核酸检测发现", "集中隔离管控筛查发现", "密切接触者筛查发现")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "明立新华建国晓红志强海燕文杰丽娟宏伟春梅玉兰"
OTHER_ARTICLES = (
    (
        "本报讯(记者 {reporter}){m}月{d}日,{city}工信局副局长{speaker}介绍,1—10月份全市规上工业增加值同比增长1.5%,"
        "目前全市212户规上工业企业实施闭环生产,确保了重点企业不停产、不停工。"
    ),
    "截至{m}月{d}日下午,党员小分队已经在14号区域连续坚守了6天6夜。9名党员每人都身兼数职,负责扫码录入、楼道消杀和物资配送。",
    "本次疫情发生以来,{city}累计报告本土确诊病例{big}例,病例分布在:{d1}{small}例,{d2}{smaller}例。",
    "当日治愈出院本土确诊病例{small}例,解除医学观察无症状感染者{smaller}例({d1}{smaller}例)。",
    "{d1}疾控中心 5166{phone} {d2}疾控中心 8627{phone}",
    "自{m}月{d}日12时起,{d1}某小区调整为中风险地区,其他地区风险等级不变。",
    "连日来,{d2}百余名志愿者冒着严寒在小区门口值守,为2768户居民配送生活物资,累计服务居民3200余户。",
)
NOTICES = (
    "请抵返人员务必主动报备行程,配合落实防控措施。",
    "请市民密切关注疫情动态变化,配合流调排查。",
    "按要求参加核酸检测,确保应检尽检。",
    "认真规范佩戴口罩,降低感染风险。",
    "出现发热、干咳等症状时,请及时到就近医疗机构发热门诊就诊。",
)
ORDINALS = "一二三四五"


@dataclass(frozen=True)
class City:
    """A prefecture-level unit (a municipality included), or a district or county, which the
    page noise treats alike: a name, its province, and districts to name in other articles."""

    name: str
    province: str
    districts: tuple[str, ...]

    @property
    def short(self) -> str:
        return self.name.removesuffix(_CITY_SUFFIX)


# The kinds of source: a region's bulletins, or a city's district posts.
PROVINCE, CITY, COUNTY, DISTRICT_POSTS = "province", "city", "county", "district posts"


@dataclass(frozen=True)
class Source:
    """A region publishing one page a day. ``city`` is the city itself, the county's city, the
    city whose districts are posted, or a province's first city; ``cities`` are a province's."""

    kind: str
    name: str
    province: str
    city: City
    cities: tuple[City, ...] = ()

    def path(self, day: dt.date, suffix: str) -> str:
        folder = {
            PROVINCE: self.province,
            CITY: f"{self.province}/{self.name}",
            COUNTY: f"{self.province}/{self.city.name}/{self.name}",
            DISTRICT_POSTS: f"{self.province}/{self.city.name}",
        }[self.kind]
        name = f"{day.isoformat()}-districts" if self.kind == DISTRICT_POSTS else day.isoformat()
        return f"{folder}/{name}.{suffix}"

    @property
    def publisher(self) -> City:
        """The region the page's noise names, with its city's districts."""
        return self.city if self.kind in (CITY, DISTRICT_POSTS) else City(self.name, self.province, self.city.districts)


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    """The prefecture-level units (municipalities included) with at least three districts or
    counties, in the gazetteer's order, provinces first and then the municipalities."""
    with resources.files("archive").joinpath("data/gazetteer.csv").open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["code"] and not row["current_code"]]
    names = {row["code"]: row["name"] for row in rows}
    districts: dict[str, list[str]] = {}
    for row in rows:
        if row["level"] == "county":
            districts.setdefault(row["parent_code"], []).append(row["name"])
    found = [
        # A municipality (北京市) has no province: it is its own.
        City(row["name"], names.get(row["parent_code"], row["name"]), tuple(districts[row["code"]]))
        for row in rows
        if row["level"] == "city" and len(districts.get(row["code"], ())) >= _MIN_DISTRICTS
    ]
    return tuple(sorted(found, key=lambda city: city.province == city.name))


@lru_cache(maxsize=1)
def sources() -> tuple[Source, ...]:
    """Every source of the corpus, in the order their pages come."""
    by_province: dict[str, list[City]] = {}
    for city in cities():
        by_province.setdefault(city.province, []).append(city)
    found: list[Source] = []
    posting = 0
    for province, members in by_province.items():
        for number, city in enumerate(members):
            found.append(Source(CITY, city.name, province, city))
            if posting % DISTRICT_POSTS_EVERY == 0:
                found.append(Source(DISTRICT_POSTS, city.name, province, city))
            posting += 1
            for county in city.districts[:COUNTIES_PER_CITY]:
                found.append(Source(COUNTY, county, province, city))
            if number == 0 and province != city.name:
                found.append(Source(PROVINCE, province, province, city, tuple(members)))
    return tuple(found)


@lru_cache(maxsize=1)
def _city_sources() -> dict[City, int]:
    """The position of each city's own source among sources()."""
    return {source.city: position for position, source in enumerate(sources()) if source.kind == CITY}


def capacity() -> int:
    """The most pages the corpus has."""
    return len(sources()) * DAYS


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


@dataclass(frozen=True)
class Page:
    path: str  # relative to the corpus folder
    raw: bytes


def make_page(index: int, seed: int = 1) -> Page:
    """Page ``index`` of the corpus: the same bytes for the same index and seed."""
    rng, source, day, shape, traditional = _start(index, seed)
    if source.kind == DISTRICT_POSTS:
        text = _district_post(rng, source.city, day, _city_bulletin(source.city, day, seed))
        return Page(source.path(day, "txt"), text.encode("utf-8"))
    if source.kind == PROVINCE:
        bulletin = _PROVINCE_BULLETINS[shape](rng, source, day, seed)
    elif source.kind == COUNTY:
        bulletin = _county(rng, source, day, seed)
    else:
        bulletin = _BULLETINS[shape](rng, source.city, day)
    suffix, encoding, as_html = ("txt", "big5hkscs", False) if traditional else _pick(rng, SAVED_AS)
    # Page-text dumps of newspapers (plain text only) come with mastheads and broken lines.
    text = _page_text(rng, source.publisher, day, bulletin, newspaper=not as_html and rng.random() < 0.4)
    if traditional:
        raw = _to_traditional().convert(text).encode(encoding, errors="replace")
    else:
        raw = (_as_html(text, encoding) if as_html else text).encode(encoding)
    return Page(source.path(day, suffix), raw)


def _start(index: int, seed: int) -> tuple[random.Random, Source, dt.date, str, bool]:
    """The random stream of page ``index``, its source, day, shape, and whether it is in
    traditional script."""
    if not 0 <= index < capacity():
        raise ValueError(f"page {index} is beyond the corpus: it has {capacity():,} pages")
    rng = random.Random(seed * 1_000_003 + index)
    source = sources()[index // DAYS]
    day = FIRST_DAY + dt.timedelta(days=index % DAYS)
    shapes = {PROVINCE: PROVINCE_SHAPES, CITY: CITY_SHAPES}.get(source.kind)
    if shapes is None:  # a county's bulletin or a district post: one shape
        return rng, source, day, source.kind, False
    shape = _pick(rng, shapes)
    traditional = shape == "T"
    if traditional:
        shape = _pick(rng, {"P1": 1} if source.kind == PROVINCE else {"C1": 1, "C2": 1})
    return rng, source, day, shape, traditional


def _city_bulletin(city: City, day: dt.date, seed: int) -> _Bulletin:
    """The bulletin of ``city``'s page of ``day`` (whether or not the corpus reaches that page)."""
    rng, _source, _day, shape, _traditional = _start(_city_sources()[city] * DAYS + (day - FIRST_DAY).days, seed)
    return _BULLETINS[shape](rng, city, day)


def write_corpus(out: Path, count: int, seed: int = 1, start: int = 0) -> int:
    """Write pages ``start`` to ``count`` - 1 under ``out``; returns the bytes written."""
    if count > capacity():
        raise ValueError(f"the corpus has at most {capacity():,} pages, not {count:,}")
    written = 0
    for index in range(start, count):
        page = make_page(index, seed)
        path = out / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.raw)
        written += len(page.raw)
    return written


# --- the bulletins -------------------------------------------------------------


@dataclass(frozen=True)
class _Bulletin:
    text: str
    headline: str
    # What a district post of the same day repeats: the window as written, the stated totals
    # and the area lists by case type (confirmed, asymptomatic, positive).
    window: str = "0-24时"
    totals: dict[str, int] = field(default_factory=dict)
    areas: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` as ``parts`` positive numbers (fewer when the total is small), largest first."""
    parts = max(1, min(parts, total))
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return sorted((b - a for a, b in zip([0, *cuts], [*cuts, total])), reverse=True)


def _areas(rng: random.Random, districts: tuple[str, ...], total: int, most: int = 6) -> list[tuple[str, int]]:
    counts = _split(rng, total, rng.randint(1, min(most, len(districts))))
    return list(zip(rng.sample(districts, len(counts)), counts))


def _list(items: list[tuple[str, int]], separator: str = "、") -> str:
    return separator.join(f"{name}{count}例" for name, count in items)


def _channels(rng: random.Random, total: int, phrases=CHANNELS) -> str:
    counts = _split(rng, total, rng.randint(1, 4))
    return ",".join(f"{phrase}{count}例" for phrase, count in zip(rng.sample(phrases, len(counts)), counts))


def _window(rng: random.Random) -> str:
    return _pick(rng, {"0—14时": 3, "0-24时": 3, "0时至24时": 2, "0—12时": 1, "0-15时": 1})


def _full_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _c1(rng, city: City, day: dt.date) -> _Bulletin:
    noun = _pick(rng, {"无症状感染者": 3, "确诊病例": 1})
    case_type = "asymptomatic" if noun == "无症状感染者" else "confirmed"
    total = rng.randint(1, 150)
    window, channels = _window(rng), _channels(rng, total)
    areas = _areas(rng, city.districts, total)
    text = (
        f"{_full_date(day)}{window},{city.name}新增本土新冠病毒{noun}{total}例。"
        f"其中,{channels}。{_list(areas)}。"
        "新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治疗。"
    )
    return _Bulletin(text, f"{city.short}新增本土{noun}{total}例", window, {case_type: total}, {case_type: areas})


def _c2(rng, city: City, day: dt.date) -> _Bulletin:
    confirmed, asymptomatic = rng.randint(1, 40), rng.randint(1, 80)
    window = _window(rng)
    confirmed_areas, confirmed_channels = _areas(rng, city.districts, confirmed), _channels(rng, confirmed)
    asymptomatic_areas = _areas(rng, city.districts, asymptomatic)
    text = (
        f"{_full_date(day)}{window},{city.name}新增本土新冠病毒阳性感染者{confirmed + asymptomatic}例,"
        f"其中确诊病例{confirmed}例,{_list(confirmed_areas)};{confirmed_channels}。"
        f"无症状感染者{asymptomatic}例,{_list(asymptomatic_areas)};"
        f"{_channels(rng, asymptomatic)}。"
    )
    return _Bulletin(
        text, f"{city.short}新增本土阳性感染者{confirmed + asymptomatic}例", window,
        {"confirmed": confirmed, "asymptomatic": asymptomatic},
        {"confirmed": confirmed_areas, "asymptomatic": asymptomatic_areas},
    )  # fmt: skip


def _c3(rng, city: City, day: dt.date) -> _Bulletin:
    asymptomatic = rng.randint(1, 30)
    confirmed_in = rng.choice(city.districts)
    areas = _areas(rng, city.districts, asymptomatic)
    text = (
        f"{_full_date(day)}0-14时,{city.name}新增本土新冠病毒阳性感染者{asymptomatic + 1}例,其中确诊病例1例,"
        f"在{confirmed_in},社区筛查发现。无症状感染者{asymptomatic}例,"
        f"{_list(areas)};隔离管控人员中发现{asymptomatic}例。"
    )
    return _Bulletin(
        text, f"{city.short}新增本土阳性感染者{asymptomatic + 1}例", "0-14时",
        {"confirmed": 1, "asymptomatic": asymptomatic}, {"confirmed": [(confirmed_in, 1)], "asymptomatic": areas},
    )  # fmt: skip


def _c4(rng, city: City, day: dt.date) -> _Bulletin:
    confirmed, asymptomatic, initial = rng.randint(1, 5), rng.randint(1, 5), rng.randint(2, 9)
    first, second = rng.sample(city.districts, 2)
    split = rng.randint(1, initial - 1)
    text = (
        f"{day.month}月{day.day}日0时至16时,{city.short}新增本土新冠病毒阳性感染者{confirmed + asymptomatic + initial}例。"
        f"其中确诊病例{confirmed}例、无症状感染者{asymptomatic}例,初筛阳性{initial}例。"
        f"确诊病例与无症状感染者均在{first},隔离管控人员中发现。初筛阳性人员{first}{split}例,{second}{initial - split}例。"
    )
    return _Bulletin(
        text, f"{city.short}新增本土阳性感染者{confirmed + asymptomatic + initial}例", "0时至16时",
        {"confirmed": confirmed, "asymptomatic": asymptomatic},
        {"confirmed": [(first, confirmed)], "asymptomatic": [(first, asymptomatic)]},
    )  # fmt: skip


def _c5(rng, city: City, day: dt.date) -> _Bulletin:
    confirmed, asymptomatic = rng.randint(1, 3), rng.randint(1, 6)
    first, second = rng.sample(city.districts, 2)
    screening = rng.randint(0, confirmed + asymptomatic - 1)
    text = (
        f"{_full_date(day)}0时至12时,{city.name}新增本土新冠病毒阳性感染者{confirmed + asymptomatic}例,"
        f"其中新冠病毒肺炎确诊病例{confirmed}例,在{first}。新增新冠病毒无症状感染者{asymptomatic}例,在{second}。"
        + (f"{screening}例在区域核酸检测中发现," if screening else "")
        + f"{confirmed + asymptomatic - screening}例在密切接触者筛查中发现。\n"
        f"新增确诊病例主要情况:确诊病例{rng.randint(10, 90)}:普通型,现住{first}某小区。"
    )
    return _Bulletin(
        text, f"{city.short}新增本土阳性感染者{confirmed + asymptomatic}例", "0时至12时",
        {"confirmed": confirmed, "asymptomatic": asymptomatic},
        {"confirmed": [(first, confirmed)], "asymptomatic": [(second, asymptomatic)]},
    )  # fmt: skip


def _o1(rng, city: City, day: dt.date) -> _Bulletin:
    confirmed, asymptomatic = rng.randint(10, 900), rng.randint(100, 9000)
    converted = rng.randint(0, confirmed // 2)
    found_c, found_a = rng.randint(0, confirmed - converted), rng.randint(0, asymptomatic)
    text = (
        f"{_full_date(day)}0—24时,新增本土新冠肺炎确诊病例{confirmed}例和无症状感染者{asymptomatic}例,"
        f"其中{converted}例确诊病例为此前无症状感染者转归,{found_c}例确诊病例和{found_a}例无症状感染者在隔离管控中发现,"
        "其余在相关风险人群排查中发现。"
    )
    return _Bulletin(
        text, f"{city.name}卫生健康委员会关于{city.short}疫情情况的通报", "0—24时",
        {"confirmed": confirmed, "asymptomatic": asymptomatic},
    )  # fmt: skip


def _o2(rng, city: City, day: dt.date) -> _Bulletin:
    confirmed, asymptomatic = rng.randint(1, 150), rng.randint(1, 300)
    areas = _areas(rng, city.districts, confirmed + asymptomatic)
    text = (
        f"{day.month}月{day.day}日0时至15时,{city.name}新增本土感染者{confirmed + asymptomatic}例,"
        f"其中确诊病例{confirmed}例、无症状感染者{asymptomatic}例。{_list(areas)}。"
    )
    return _Bulletin(
        text, f"{city.short}新增本土感染者{confirmed + asymptomatic}例", "0时至15时",
        {"confirmed": confirmed, "asymptomatic": asymptomatic}, {"positive": areas},
    )  # fmt: skip


def _zero(rng, city: City, day: dt.date) -> _Bulletin:
    text = f"{_full_date(day)}0-24时,{city.name}无新增本土确诊病例和无症状感染者。"
    return _Bulletin(text, f"{city.short}无新增本土病例", "0-24时", {"confirmed": 0, "asymptomatic": 0})


@dataclass(frozen=True)
class _CityFigure:
    """A city's new cases of one type in its province's list: areas when known, else the city alone."""

    city: City
    count: int
    areas: list[tuple[str, int]] | None

    def nested(self) -> str:  # 哈尔滨市5例,其中道里区2例、五常市3例
        if not self.areas:
            return f"{self.city.name}{self.count}例"
        if len(self.areas) == 1:
            return f"{self.city.name}{self.count}例,在{self.areas[0][0]}"
        return f"{self.city.name}{self.count}例,其中{_list(self.areas)}"

    def flat(self) -> str:  # 哈尔滨市道里区2例、哈尔滨市五常市3例
        if not self.areas:
            return f"{self.city.name}{self.count}例"
        return "、".join(f"{self.city.name}{district}{count}例" for district, count in self.areas)


def _province_lists(rng, source: Source, day: dt.date, seed: int) -> dict[str, list[_CityFigure]]:
    """Per case type, the cities of the province with new cases: every city whose bulletin of the
    day covers the full day, with that bulletin's figures (now and then misprinted), as a
    province's list repeats its cities' bulletins."""
    lists: dict[str, list[_CityFigure]] = {"confirmed": [], "asymptomatic": []}
    for city in source.cities:
        bulletin = _city_bulletin(city, day, seed)
        if bulletin.window not in FULL_DAY_WINDOWS:
            continue
        for case_type, figures in lists.items():
            count = bulletin.totals.get(case_type, 0)
            if not count:
                continue
            areas = bulletin.areas.get(case_type)
            if rng.random() < PROVINCE_MISPRINTS:
                count += rng.choice((-1, 1, 8))
                areas = None
            figures.append(_CityFigure(city, count, areas))
    return lists


def _p1(rng, source: Source, day: dt.date, seed: int) -> _Bulletin:
    lists = _province_lists(rng, source, day, seed)
    confirmed, asymptomatic = (sum(f.count for f in lists[key]) for key in ("confirmed", "asymptomatic"))
    province, city = source.province, source.city
    text = (
        f"{day.month}月{day.day}日0-24时,{province}"
        + (
            f"新增新冠肺炎本土确诊病例{confirmed}例({';'.join(f.nested() for f in lists['confirmed'])}),"
            f"{_channels(rng, confirmed, PROVINCE_CHANNELS)};"
            if confirmed else "无新增新冠肺炎本土确诊病例;"
        )
        + (
            f"新增本土无症状感染者{asymptomatic}例({';'.join(f.nested() for f in lists['asymptomatic'])}),"
            f"集中隔离管控筛查发现{asymptomatic}例。"
            if asymptomatic else "无新增本土无症状感染者。"
        )
        + f"当日治愈出院境外输入确诊病例2例;解除医学观察本土无症状感染者3例({city.name}{city.districts[0]}3例)。"
        f"截至{day.month}月{day.day}日24时,{province}现有境外输入确诊病例5例,全省现有本土确诊病例{rng.randint(40, 400)}例。"
    )  # fmt: skip
    return _Bulletin(text, f"{province}新增本土确诊病例{confirmed}例")


def _p2(rng, source: Source, day: dt.date, seed: int) -> _Bulletin:
    lists = _province_lists(rng, source, day, seed)
    confirmed, asymptomatic = (sum(f.count for f in lists[key]) for key in ("confirmed", "asymptomatic"))
    text = (
        f"{day.month}月{day.day}日0时至24时,{source.province}"
        + (
            f"新增新冠肺炎本土确诊病例{confirmed}例({'、'.join(f.flat() for f in lists['confirmed'])}),"
            f"其中无症状感染者转为确诊病例{rng.randint(1, confirmed)}例。"
            if confirmed else "无新增新冠肺炎本土确诊病例。"
        )
        + (
            f"此外,新增新冠病毒本土无症状感染者{asymptomatic}例({'、'.join(f.flat() for f in lists['asymptomatic'])})。"
            if asymptomatic else "此外,无新增新冠病毒本土无症状感染者。"
        )
    )  # fmt: skip
    return _Bulletin(text, f"{source.province}新增本土确诊病例{confirmed}例")


def _p3(rng, source: Source, day: dt.date, seed: int) -> _Bulletin:
    lists = _province_lists(rng, source, day, seed)
    confirmed, asymptomatic = (sum(f.count for f in lists[key]) for key in ("confirmed", "asymptomatic"))
    text = (
        f"{day.day}日0-24时,{source.province}新增新冠肺炎本土确诊病例{confirmed}例;新增本土无症状感染者{asymptomatic}例;"
        "新增境外输入无症状感染者1例。"
        + (f"新增本土确诊病例中{';'.join(f.nested() for f in lists['confirmed'])}。" if confirmed else "")
        + (f"新增本土无症状感染者中{';'.join(f.nested() for f in lists['asymptomatic'])}。" if asymptomatic else "")
        + "以上阳性感染者均为隔离管控筛查或对风险人员主动排查发现。"
    )
    return _Bulletin(text, f"{source.province}新增本土确诊病例{confirmed}例")


def _county(rng, source: Source, day: dt.date, seed: int) -> _Bulletin:
    """A district's or county's bulletin in its city's window of the day, with the figures the
    city's bulletin lists for it (now and then misprinted), or its own when the city lists no
    areas but states cases."""
    city_bulletin = _city_bulletin(source.city, day, seed)
    figures = {"confirmed": 0, "asymptomatic": 0}
    if "positive" in city_bulletin.areas:  # positives by area: split by type
        positive = dict(city_bulletin.areas["positive"]).get(source.name, 0)
        figures["confirmed"] = rng.randint(0, positive)
        figures["asymptomatic"] = positive - figures["confirmed"]
    for case_type in figures:
        if case_type in city_bulletin.areas:
            figures[case_type] = dict(city_bulletin.areas[case_type]).get(source.name, 0)
        elif city_bulletin.totals.get(case_type) and not city_bulletin.areas:
            figures[case_type] = rng.randint(0, min(9, city_bulletin.totals[case_type]))
        if figures[case_type] and rng.random() < DISTRICT_POST_MISPRINTS:
            figures[case_type] = max(0, figures[case_type] + rng.choice((-1, 1, 8)))
    confirmed, asymptomatic = figures["confirmed"], figures["asymptomatic"]
    stated = "、".join(
        f"{noun}{count}例" for noun, count in (("确诊病例", confirmed), ("无症状感染者", asymptomatic)) if count
    )
    text = (
        f"{_full_date(day)}{city_bulletin.window},{source.city.name}{source.name}"
        + (f"新增本土新冠病毒{stated}。" if stated else "无新增本土确诊病例和无症状感染者。")
        + ("均已闭环转运至定点医疗机构进行隔离观察治疗。" if stated else "")
    )
    headline = f"{source.name}新增本土病例{confirmed + asymptomatic}例" if stated else f"{source.name}无新增本土病例"
    return _Bulletin(text, headline, city_bulletin.window, figures)


_BULLETINS = {"C1": _c1, "C2": _c2, "C3": _c3, "C4": _c4, "C5": _c5, "O1": _o1, "O2": _o2, "Z": _zero}
# Province bulletins list their cities' figures of the day, so they take the corpus's seed too.
_PROVINCE_BULLETINS = {"P1": _p1, "P2": _p2, "P3": _p3}


# --- district posts ---------------------------------------------------------------


def _district_post(rng: random.Random, city: City, day: dt.date, bulletin: _Bulletin) -> str:
    """A post repeating the city's totals, then one block per district: the districts the city's
    lists name, with the same figures (now and then misprinted), and a few it does not name."""
    figures = _district_figures(rng, city, bulletin)
    named = [district for district in city.districts if any(figures[district].values())]
    quiet = [district for district in city.districts if district not in named]
    shown = [district for district in city.districts if district in named or district in quiet[:3]]
    stated = ", ".join(f"{noun}{bulletin.totals[key]}例" for key, noun in (("confirmed", "确诊病例"), ("asymptomatic", "无症状感染者")) if key in bulletin.totals)
    lines = [
        f"{city.short}发布 {_full_date(day + dt.timedelta(days=1))}",
        "",
        f"{city.short}卫健委今早通报:{_full_date(day)}{bulletin.window},{city.name}新增本土{stated.replace(', ', '和')}。各区信息如下:",
        "",
    ]
    for district in shown:
        lines += [district, "", *_district_block(rng, day, district, figures[district]), ""]
    return "\n".join(lines)


def _district_figures(rng: random.Random, city: City, bulletin: _Bulletin) -> dict[str, dict[str, int]]:
    """Confirmed and asymptomatic cases per district of the city, as its post states them."""
    figures = {district: {"confirmed": 0, "asymptomatic": 0} for district in city.districts}
    for case_type in ("confirmed", "asymptomatic"):
        listed = bulletin.areas.get(case_type)
        if listed is None and "positive" in bulletin.areas:  # positives by area: split them by type
            listed = [(district, rng.randint(0, count)) for district, count in bulletin.areas["positive"]]
            if case_type == "asymptomatic":
                listed = [(district, count - figures[district]["confirmed"]) for district, count in bulletin.areas["positive"]]
        if listed is None:  # the city gives no areas: the post spreads the stated total itself
            listed = _areas(rng, city.districts, bulletin.totals[case_type]) if bulletin.totals.get(case_type) else []
        for district, count in listed:
            if count and rng.random() < DISTRICT_POST_MISPRINTS:
                count = max(0, count + rng.choice((-8, -1, 1, 8)))
            figures[district][case_type] += count
    return figures


def _district_block(rng: random.Random, day: dt.date, district: str, figures: dict[str, int]) -> list[str]:
    confirmed, asymptomatic = figures["confirmed"], figures["asymptomatic"]
    if not confirmed and not asymptomatic:
        return [f"{_full_date(day)},{district}无新增本土确诊病例和本土无症状感染者。"]
    parts = [
        f"新增{confirmed}例本土确诊病例" if confirmed else "无新增本土确诊病例",
        f"新增{asymptomatic}例本土无症状感染者" if asymptomatic else "无新增本土无症状感染者",
    ]
    addresses = [f"{rng.choice(STREETS)}{rng.randint(1, 999)}号" for _ in range(min(confirmed + asymptomatic, 4))]
    return [
        f"{_full_date(day)},{district}{','.join(parts)},分别居住于:",
        *(f"{address}," for address in addresses[:-1]),
        f"{addresses[-1]}。",
        "已对相关居住地落实终末消毒措施。",
    ]


# --- the page around a bulletin -----------------------------------------------------


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))


def _page_text(rng: random.Random, city: City, day: dt.date, bulletin: _Bulletin, newspaper: bool) -> str:
    published = day + dt.timedelta(days=rng.randint(0, 1))
    speaker = f"市卫健委副主任{_person(rng)}"
    lines = []
    if newspaper:
        lines += [f"{city.short}日报 {_full_date(published)} 星期{_WEEKDAYS[published.weekday()]} 第0{rng.randint(1, 8)}版", ""]
    else:
        lines += [f"发布时间:{published.isoformat()} {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d} 来源:{city.name}卫生健康委员会", ""]
    lines += [bulletin.headline, ""]
    if rng.random() < 0.5:
        dateline = (
            f"本报讯(记者 {_person(rng)}){published.month}月{published.day}日,{city.name}政府新闻办召开疫情防控新闻发布会,"
            f"{speaker}作主旨发布。"
        )
        lines += [dateline, ""]
    lines += [bulletin.text, ""]
    if rng.random() < 0.5:
        lines += ["当前疫情防控形势依然严峻复杂,请广大市民朋友坚持做好个人防护,非必要不外出、不聚集。", ""]
        for ordinal, notice in zip(ORDINALS, rng.sample(NOTICES, rng.randint(2, 4))):
            lines += [f"{ordinal}是{notice}", ""]
    for _ in range(rng.randint(0, 2)):
        lines += [_other_article(rng, city, day), ""]
    text = "\n".join(lines)
    return _break_lines(rng, text) if newspaper else text


def _other_article(rng: random.Random, city: City, day: dt.date) -> str:
    first, second = rng.sample(city.districts, 2)
    body = rng.choice(OTHER_ARTICLES).format(
        reporter=_person(rng), speaker=_person(rng), city=city.name, m=day.month, d=day.day, d1=first, d2=second,
        big=rng.randint(100, 999), small=rng.randint(10, 99), smaller=rng.randint(1, 9), phone=rng.randint(1000, 9999),
    )  # fmt: skip
    title = rng.choice(("防疫一线党旗红", "重点企业闭环生产不停工", "志愿者坚守一线", "社区防控有温度"))
    return f"{title}\n\n{body}"


def _break_lines(rng: random.Random, text: str) -> str:
    """A page-text dump: long lines broken in the middle of a word, as page columns do."""
    out = []
    for line in text.split("\n"):
        while len(line) > 60 and rng.random() < 0.5:
            cut = rng.randint(20, len(line) - 10)
            out += [line[:cut], ""]
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def _as_html(text: str, encoding: str) -> str:
    charset = "gbk" if encoding == "gb18030" else "utf-8"
    title, *body = [line for line in text.split("\n") if line]
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{title}</title>'
        "<script>var _hmt = _hmt || [];</script></head>\n<body>"
        '<div class="nav">首页 &gt; 疫情防控 &gt; 通知公告</div>\n'
        f'<div class="article">\n{paragraphs}\n</div>\n'
        '<div class="footer">主办单位:卫生健康委员会 版权所有</div></body></html>\n'
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the pages into")
    parser.add_argument("--count", type=int, default=10_000, help="number of pages (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    written = write_corpus(args.out, args.count, args.seed)
    print(f"{args.count} pages, {written / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
