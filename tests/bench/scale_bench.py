#!/usr/bin/env python3
"""The cost curve: generated corpora of about 10,000, 100,000 and 1,000,000
agenda items (seed text recombined by gen_corpus.py; about 5.5 items a
document), each indexed from scratch and compacted, then queried. Reports
indexing time, items/s, peak RSS, database size (and × text) and query
p50/p99 (searcher --bench, whole pipeline), and draws them as one chart with
gnuplot (docs/scale.svg). A benchmark, not a test: the 1M step takes most of
an hour on 2 cores and needs about 2 GB of text and 5 GB of disk.

usage: scale_bench.py --build BUILD [--items 10000,100000,1000000] [--work var/bench/scale] [--chart docs/scale.svg]"""
import argparse, json, os, re, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ITEMS_PER_DOC = 5.52  # measured on the generator's output


def peak_rss_and_time(cmd):
    probe = ("import resource, subprocess, sys, time; t = time.time(); r = subprocess.run(sys.argv[1:], "
             "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.time() - t, "
             "r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True).stdout.split()
    return int(out[0]) / 1024.0, float(out[1]), int(out[2])


def dir_mb(path):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(path) for f in fs) / 1e6


def text_mb(corpus):
    import gzip
    total = 0
    for r, _, fs in os.walk(corpus):
        for f in fs:
            if not f.startswith("gen_"):
                continue
            data = open(os.path.join(r, f), "rb").read()
            total += len(gzip.decompress(data)) if f.endswith(".gz") else len(data)
    return total / 1e6


def chart(rows, path):
    if not shutil.which("gnuplot"):
        print("scale_bench: gnuplot not installed, no chart", file=sys.stderr)
        return
    data = path + ".dat"
    with open(data, "w") as f:
        f.write("# items index_s peak_rss_mb db_mb p50_ms p99_ms\n")
        for r in rows:
            f.write(f"{r['items']} {r['index_s']:.1f} {r['rss']:.0f} {r['db_mb']:.0f} {r['p50_us'] / 1000:.3f} "
                    f"{r['p99_us'] / 1000:.3f}\n")
    script = f"""
set terminal svg size 960,640 font "DejaVu Sans,11" background "#ffffff"
set output "{path}"
set multiplot layout 2,2 title "sagsoeg: cost by corpus size (generated corpora, 2 cores)"
set logscale x 10
set format x "%.0s%c"
set grid
set key top left
set xlabel "agenda items"
set ylabel "seconds"
set logscale y 10
set title "Indexing time (from scratch)"
plot "{data}" using 1:2 with linespoints lw 2 pt 7 title "indexer"
unset logscale y
set ylabel "MB"
set title "Indexer peak RSS"
plot "{data}" using 1:3 with linespoints lw 2 pt 7 title "peak RSS"
set ylabel "MB"
set logscale y 10
set title "Database size (after --compact)"
plot "{data}" using 1:4 with linespoints lw 2 pt 7 title "database"
unset logscale y
set ylabel "ms"
set title "Query latency (20 queries, whole pipeline)"
plot "{data}" using 1:5 with linespoints lw 2 pt 7 title "p50", "{data}" using 1:6 with linespoints lw 2 pt 5 title "p99"
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    os.remove(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--items", default="10000,100000,1000000")
    ap.add_argument("--work", default=os.path.join(ROOT, "var", "bench", "scale"))
    ap.add_argument("--chart", default=os.path.join(ROOT, "docs", "scale.svg"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="keep corpora and databases")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    os.makedirs(a.work, exist_ok=True)
    qfile = os.path.join(HERE, "queries.txt")
    rows = []
    started = time.time()
    for items in [int(x) for x in a.items.split(",")]:
        docs = max(1, round(items / ITEMS_PER_DOC))
        corpus = os.path.join(a.work, f"corpus-{docs}")
        db = os.path.join(a.work, f"db-{docs}")
        if not os.path.isdir(corpus):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--indexer",
                            f"{build}/indexer/indexer", "--docs", str(docs), "--out", corpus], check=True)
        shutil.rmtree(db, ignore_errors=True)
        rss, index_s, status = peak_rss_and_time([f"{build}/indexer/indexer", "--db", db, "--quiet", corpus])
        if status != 0:
            sys.exit(f"scale_bench: indexer failed on {corpus}")
        t0 = time.time()
        subprocess.run([f"{build}/indexer/indexer", "--db", db, "--quiet", "--compact", corpus], check=True)
        compact_s = time.time() - t0
        n = int(re.search(r"number of documents = (\d+)",
                          subprocess.run(["xapian-delve", db], capture_output=True, text=True).stdout).group(1))
        q = json.loads(subprocess.run([f"{build}/searcher/searcher", "--db", db, "--bench", qfile, "--repeat",
                                       str(a.repeat), "--json"], capture_output=True, text=True, check=True).stdout)
        row = {"items": n, "docs": docs, "text_mb": text_mb(corpus), "index_s": index_s, "compact_s": compact_s,
               "rss": rss, "db_mb": dir_mb(db), "p50_us": q["p50_us"], "p99_us": q["p99_us"]}
        rows.append(row)
        print(f"scale_bench: {n} items done after {time.time() - started:.0f} s", file=sys.stderr, flush=True)
        if not a.keep:
            shutil.rmtree(db, ignore_errors=True)
    lines = [f"Scale benchmark of {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores "
             f"({time.time() - started:.0f} s in all)", "",
             "| items | documents | text | indexing | items/s | peak RSS | database (after --compact) | "
             "query p50 | query p99 |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['items']:,} | {r['docs']:,} | {r['text_mb']:.0f} MB | {r['index_s']:.0f} s "
                     f"(+{r['compact_s']:.0f} s compact) | {r['items'] / r['index_s']:.0f} | {r['rss']:.0f} MB | "
                     f"{r['db_mb']:.0f} MB ({r['db_mb'] / r['text_mb']:.2f}× text) | {r['p50_us'] / 1000:.2f} ms | "
                     f"{r['p99_us'] / 1000:.2f} ms |")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.path.join(a.work, "scale.md"), "w") as f:
        f.write(report)
    os.makedirs(os.path.dirname(os.path.abspath(a.chart)), exist_ok=True)
    chart(rows, a.chart)


if __name__ == "__main__":
    main()
