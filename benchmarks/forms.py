"""Time a page of each form a bulletin is kept in, read into text by archive/sources, and OCR's time
and peak memory a picture.

The seed page (../shared/seeds) is written in every form by tests/make_forms.py; with
--shanghai, the ten Shanghai bulletins of the OCR test are rendered as pictures too. Each file is
read in a process of its own (the `archive` reading path: forms told from the bytes, containers
opened, each document read), timed from inside after the imports; peak memory is that process's
(os.wait4), imports included.

    python benchmarks/forms.py              # the seed in every form
    python benchmarks/forms.py --shanghai   # and ten pictures of Shanghai bulletins
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
import make_forms  # noqa: E402  (the tests' writer of forms)

SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_fe24fd3066b55818.txt"
SHANGHAI_DAYS = ("20220214", "20220216", "20220218", "20220429", "20220505", "20220506", "20220510", "20220513", "20220515", "20220517")

# Reads every document of the file given, timing what follows the imports.
_READ = """
import json, sys, time
from archive.sources import PassedOver, iter_sources
start, cpu = time.perf_counter(), time.process_time()
documents = [item for item in iter_sources([sys.argv[1]]) if not isinstance(item, PassedOver)]
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
failed = [item.error for item in documents if getattr(item, "error", None)]
print(json.dumps({"documents": len(documents), "seconds": seconds, "cpu": cpu, "failed": failed}))
"""


def measure(path: Path) -> dict:
    """Read ``path`` in a child process: its documents, seconds and peak memory."""
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen([sys.executable, "-c", _READ, str(path)], stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        result = json.loads(out.read())
    if result["failed"] or child.returncode:
        raise SystemExit(f"{path.name} was not read: {result['failed']}")
    return {**result, "peak_mb": usage.ru_maxrss / 1024}


def seed_forms(folder: Path) -> dict[str, Path]:
    seed = SEED.read_text(encoding="utf-8")
    captured = dt.datetime(2022, 12, 1, tzinfo=dt.UTC)
    image = make_forms.picture(seed)
    pages = [(make_forms.SEED_URL, make_forms.web_page(seed, "哈尔滨日报"), captured), *make_forms.other_pages(50, captured)]
    written = {
        "text (the seed page)": ("seed.txt", seed.encode("utf-8")),
        "web page (HTML)": ("seed.html", make_forms.web_page(seed, "哈尔滨日报").encode("utf-8")),
        "newspaper PDF (3 columns)": ("seed.pdf", make_forms.newspaper_pdf(seed)),
        "Word (.docx)": ("seed.docx", make_forms.word_file(seed)),
        "MHTML": ("seed.mhtml", make_forms.mhtml_save(seed)),
        "WARC.gz (51 pages)": ("site.warc.gz", make_forms.web_archive(pages)),
        "picture (OCR)": ("seed.png", make_forms.png(image)),
        "scanned PDF (OCR)": ("seed-scan.pdf", make_forms.scanned_pdf(image)),
    }
    forms = {}
    for form, (name, data) in written.items():
        (folder / name).write_bytes(data)
        forms[form] = folder / name
    members = {path.name: path.read_bytes() for form, path in forms.items() if "OCR" not in form}
    (folder / "forms.zip").write_bytes(make_forms.zipped(members))
    forms[f"zip ({len(members)} forms, {len(members) + 50} documents)"] = folder / "forms.zip"
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shanghai", action="store_true", help="also OCR ten Shanghai bulletins rendered as pictures")
    options = parser.parse_args()
    if not SEED.is_file():
        raise SystemExit(f"{SEED} is absent: the benchmark writes the seed page in every form")
    # CPU seconds say what a document costs when other work shares the processors (wall seconds do not)
    print(f"{'form':<34} {'documents':>9} {'s/document':>11} {'CPU s/doc':>10} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for form, path in seed_forms(folder).items():
            result = measure(path)
            count = result["documents"]
            print(
                f"{form:<34} {count:>9} {result['seconds'] / count:>11.3f} {result['cpu'] / count:>10.3f} "
                f"{result['peak_mb']:>8.0f}"
            )
        if options.shanghai:
            results = []
            for day in SHANGHAI_DAYS:
                text = (SHARED / "real" / "shanghai-2022" / f"number-{day}.txt").read_text(encoding="utf-8")
                image = make_forms.picture(text)
                path = folder / f"number-{day}.png"
                path.write_bytes(make_forms.png(image))
                results.append((image.size, measure(path)))
            seconds = [result["seconds"] for _, result in results]
            cpu = [result["cpu"] for _, result in results]
            heights = [size[1] for size, _ in results]
            print(
                f"{'Shanghai pictures (OCR), 10':<34} {len(results):>9} {sum(seconds) / len(seconds):>11.3f} "
                f"{sum(cpu) / len(cpu):>10.3f} {max(result['peak_mb'] for _, result in results):>8.0f}"
            )
            print(
                f"  1,080 × {min(heights):,}–{max(heights):,} pixels; {min(seconds):.1f}–{max(seconds):.1f} s a picture, "
                f"{sum(cpu) / sum(heights) * 1000:.2f} CPU s per 1,000 pixels of height"
            )


if __name__ == "__main__":
    main()
