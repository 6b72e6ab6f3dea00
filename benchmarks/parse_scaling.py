"""How parse time grows with page size: a 10 MB page must parse in time linear in its size.

    python benchmarks/parse_scaling.py            # pages of 1, 2.5, 5 and 10 MB
    python benchmarks/parse_scaling.py --sizes 1,2

Each page is the seed-like shape repeated with a different date per copy (so every copy
is a bulletin of its own, not a duplicate), plus page noise between copies.
"""

from __future__ import annotations

import argparse
import time

from archive.parse import parse_document

_COPY = (
    "哈尔滨市疫情防控新闻发布会\n\n哈市新增本土新冠病毒阳性感染者17例\n\n"
    "本报讯 {month}月{day}日,哈尔滨市政府新闻办召开新闻发布会,市卫健委副主任王示例作主旨发布。\n\n"
    "2022年{month}月{day}日0-15时,哈尔滨市新增本土新冠病毒阳性感染者17例,其中确诊病例4例,南岗区3例、道外区1例;"
    "隔离管控人员中发现3例,社区筛查发现1例。无症状感染者13例,香坊区7例、松北区4例、宾县2例;"
    "隔离管控人员中发现9例,密切接触者筛查发现4例。\n\n"
    "一是请市民减少非必要外出,不聚集、不聚餐。\n\n二是请按要求参加核酸检测,确保应检尽检。\n\n"
    "全市212户规上工业企业实施闭环生产,1—10月份工业增加值同比增长1.5%,守护着社区2768户居民的安全,"
    "防疫人员连续坚守了6天6夜。\n\n"
)


def page_of(megabytes: float) -> str:
    target = int(megabytes * 1_000_000)
    parts, size, index = [], 0, 0
    while size < target:
        copy = _COPY.format(month=1 + index % 12, day=1 + index % 28)
        parts.append(copy)
        size += len(copy.encode("utf-8"))
        index += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,2.5,5,10", help="page sizes in MB, comma-separated")
    args = parser.parse_args()
    print(f"{'MB':>6} {'chars':>10} {'reports':>8} {'seconds':>8} {'s per MB':>9}")
    for megabytes in (float(s) for s in args.sizes.split(",")):
        page = page_of(megabytes)
        started = time.perf_counter()
        parsed = parse_document(page)
        elapsed = time.perf_counter() - started
        print(f"{megabytes:>6} {len(page):>10} {len(parsed.reports):>8} {elapsed:>8.2f} {elapsed / megabytes:>9.2f}")


if __name__ == "__main__":
    main()
