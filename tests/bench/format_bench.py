#!/usr/bin/env python3
"""Reading speed per input format, on the fixtures of tests/data: each
fixture copied --copies times into a scratch folder, then `indexer --dry-run`
(read, parse, print a line per item; no database) timed over it, against the
same run over as many copies of a text seed. Reports MB/s for each format and
pages/s for PDF (the fixture's pages counted from its page objects).

usage: format_bench.py --build BUILD [--copies 300] [--rounds 3]"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = [
    ("text (Markdown minutes seed)", "corpus/000_95b85b1cae4d3646.txt"),
    ("PDF print (FirstAgenda)", "tests/data/pdf/firstagenda_referat.pdf"),
    ("HTML (FirstAgenda page)", "tests/data/html/firstagenda_referat.html"),
    ("HTML (eDoc/Fujitsu agenda)", "tests/data/html/fujitsu_dagsorden.html"),
    ("XML (eDoc publishing)", "tests/data/xml/edoc_meeting.xml"),
    ("XML (SBSYS publication)", "tests/data/xml/sbsys_publication.xml"),
    ("XML (SBSYS agenda)", "tests/data/xml/sbsys_dagsorden.xml"),
    ("XML (eDoc/Fujitsu)", "tests/data/xml/fujitsu_dagsorden.xml"),
    ("XML (Acadre items)", "tests/data/xml/acadre/agenda_4711.xml"),
]


def pdf_pages(path):
    return len(re.findall(rb"/Type\s*/Page(?!s)", open(path, "rb").read()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    indexer = os.path.join(os.path.abspath(a.build), "indexer", "indexer")
    rows = []
    for label, rel in FIXTURES:
        src = os.path.join(ROOT, rel)
        work = tempfile.mkdtemp(prefix="sagsoeg-formats-")
        try:
            ext = os.path.splitext(src)[1]
            for i in range(a.copies):
                shutil.copy(src, os.path.join(work, f"copy_{i:04d}{ext}"))
            best = None
            items = 0
            for _ in range(a.rounds):
                t0 = time.time()
                r = subprocess.run([indexer, "--dry-run", work], capture_output=True, text=True)
                secs = time.time() - t0
                items = len(r.stdout.splitlines())
                best = secs if best is None else min(best, secs)
            mb = os.path.getsize(src) * a.copies / 1e6
            pages = pdf_pages(src) * a.copies if ext == ".pdf" else 0
            rows.append((label, mb, best, items, pages))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Reading speed per format (indexer --dry-run, {a.copies} copies of each fixture, best of {a.rounds}):\n")
    print("| format | input | time | MB/s | items/s | pages/s |")
    print("|---|---|---|---|---|---|")
    for label, mb, secs, items, pages in rows:
        print(f"| {label} | {mb:.1f} MB | {secs:.2f} s | {mb / secs:.1f} | {items / secs:.0f} | "
              f"{pages / secs:.0f} |" if pages else
              f"| {label} | {mb:.1f} MB | {secs:.2f} s | {mb / secs:.1f} | {items / secs:.0f} | – |")


if __name__ == "__main__":
    main()
