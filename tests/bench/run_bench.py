#!/usr/bin/env python3
"""The benchmark, in one run and on the same generated corpora: for each size
(default 3,000 and 20,000 documents) our indexer against the bare Xapian
loop (alternating, median of rounds), the database table by table after
--compact, query latency in-process -- ours with the whole pipeline, with
--facets, without the Danish expansion; the bare loop with and without a
ValueCountMatchSpy, and the bare loop over our database -- the programs
taking turns for --rounds rounds, medians reported; HTTP with wrk at 1 and
16 connections; and the indexer's peak RSS on a small corpus against the
largest. Ratios are against the bare loop measured in the same run: the
machine is noisy. --peers adds Omega's omindex and SQLite FTS5.

usage: run_bench.py --build BUILD [--docs 3000,20000] [--small 600] [--work var/bench] [--rounds 5]"""
import argparse, gzip, json, os, platform, re, shutil, socket, sqlite3, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(cmd, stdin=None):
    """Runs cmd; returns (seconds, completed process)."""
    t0 = time.time()
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return time.time() - t0, r


def peak_rss_mb(cmd):
    """Peak RSS of one run of cmd, in its own process (getrusage of children)."""
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True).stdout.split()
    return int(out[0]) / 1024.0


def dir_mb(path):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(path) for f in fs) / 1e6


def tables_mb(path):
    return {f.split(".")[0]: os.path.getsize(os.path.join(path, f)) / 1e6 for f in sorted(os.listdir(path))
            if f.endswith(".glass")}


def corpus_files(d):
    return sorted(os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs if f.startswith("gen_"))


def read_text(path):
    data = open(path, "rb").read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def generate(build, docs, work):
    out = os.path.join(work, f"corpus-{docs}")
    if not os.path.isdir(out):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--indexer", f"{build}/indexer/indexer",
                        "--docs", str(docs), "--out", out], check=True)
    return out


def median(xs):
    return sorted(xs)[len(xs) // 2]


def index_rounds(build, corpus, files, work, rounds):
    """Ours and the bare loop, alternating; median wall seconds of each."""
    ours_db, bare_db = os.path.join(work, "ours.db"), os.path.join(work, "bare.db")
    ours, bare = [], []
    for _ in range(rounds):
        shutil.rmtree(ours_db, ignore_errors=True)
        secs, r = timed([f"{build}/indexer/indexer", "--db", ours_db, "--quiet", corpus])
        if r.returncode != 0:
            sys.exit(f"indexer failed: {r.stderr[-500:]}")
        ours.append(secs)
        shutil.rmtree(bare_db, ignore_errors=True)
        secs, _ = timed([f"{build}/tests/bench/bare_xapian", "index", bare_db, "-"], stdin="\n".join(files) + "\n")
        bare.append(secs)
    return median(ours), median(bare), ours_db, bare_db


def omindex(corpus, db):
    if not shutil.which("omindex"):
        return None
    shutil.rmtree(db, ignore_errors=True)
    t0 = time.time()
    r = subprocess.run(["omindex", "--db", db, "--url", "/", "-Mmd:text/plain", "--no-delete", corpus],
                       capture_output=True, text=True)
    return time.time() - t0 if r.returncode == 0 else None


def sqlite_fts5(files, path):
    if os.path.exists(path):
        os.remove(path)
    t0 = time.time()
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path, body)")
    con.executemany("INSERT INTO docs VALUES (?, ?)", ((f, read_text(f)) for f in files))
    con.commit()
    con.close()
    return time.time() - t0


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wrk(build, db, queries, connections, seconds, work):
    if not shutil.which("wrk"):
        return None
    port = free_port()
    srv = subprocess.Popen([f"{build}/searcher/searcher", "--db", db, "--serve", "--port", str(port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import urllib.request, urllib.parse
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1); break
            except OSError:
                time.sleep(0.1)
        paths = ["/api/search?q=" + urllib.parse.quote(q) for q in queries]
        lua = os.path.join(work, "wrk.lua")
        with open(lua, "w") as f:
            f.write("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\ni = 0\n"
                    "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
                    "done = function(summary, latency, requests)\n"
                    "  io.write(string.format('JSON {\"rps\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"errors\": %d, "
                    "\"non2xx\": %d, \"requests\": %d}\\n', summary.requests / (summary.duration / 1e6), "
                    "latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect + "
                    "summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, "
                    "summary.requests))\nend\n")
        r = subprocess.run(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "-s",
                            lua, f"http://127.0.0.1:{port}"], capture_output=True, text=True)
        m = re.search(r"JSON (\{.*\})", r.stdout)
        return json.loads(m.group(1)) if m else None
    finally:
        srv.terminate(); srv.wait(10)


def latency(build, ours_db, bare_db, qfile, repeat, rounds):
    searcher = [f"{build}/searcher/searcher", "--db", ours_db, "--bench", qfile, "--repeat", str(repeat), "--json"]
    bare = [f"{build}/tests/bench/bare_xapian", "query"]
    runs = {
        "ours": searcher,
        "ours_facets": searcher + ["--facets"],
        # What the Danish query expansion and "did you mean" cost.
        "ours_plain": searcher + ["--no-compounds", "--no-variants", "--no-synonyms", "--no-spelling"],
        "bare": bare + [bare_db, qfile, str(repeat)],
        "bare_facets": bare + [bare_db, qfile, str(repeat), "facets"],
        # Xapian's own spies on the slots our facets count (facet key, topics,
        # case), over our database: what counting them costs in the engine.
        "bare_facets_on_ours": bare + [ours_db, qfile, str(repeat), "facets=12,13,4"],
        # The plain loop over our database (one document per agenda item).
        "bare_on_ours": bare + [ours_db, qfile, str(repeat)],
    }
    samples = {name: [] for name in runs}
    for _ in range(rounds):
        for name, cmd in runs.items():
            samples[name].append(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout))
    return {name: {k: median([s[k] for s in samples[name]]) for k in ("p50_us", "p99_us")} for name in runs}


def bench_size(a, build, docs, queries, qfile, lines, summary):
    work = os.path.join(a.work, f"run-{docs}")
    os.makedirs(work, exist_ok=True)
    corpus = generate(build, docs, a.work)
    files = corpus_files(corpus)
    raw_mb = sum(len(read_text(f).encode("utf-8")) for f in files) / 1e6
    ours_s, bare_s, ours_db, bare_db = index_rounds(build, corpus, files, work, a.index_rounds)
    rss = peak_rss_mb([f"{build}/indexer/indexer", "--db", os.path.join(work, "rss.db"), "--rebuild", "--quiet",
                       corpus])
    t0 = time.time()
    subprocess.run([f"{build}/indexer/indexer", "--db", ours_db, "--quiet", "--compact", corpus], check=True)
    compact_s = time.time() - t0
    items = int(re.search(r"number of documents = (\d+)",
                          subprocess.run(["xapian-delve", ours_db], capture_output=True, text=True).stdout).group(1))
    ours_mb, bare_mb = dir_mb(ours_db), dir_mb(bare_db)
    lat = latency(build, ours_db, bare_db, qfile, a.repeat, a.rounds)
    http1 = wrk(build, ours_db, queries, 1, a.wrk_seconds, work)
    http16 = wrk(build, ours_db, queries, 16, a.wrk_seconds, work)

    lines += [f"### {docs} documents: {raw_mb:.1f} MB of text, {items} agenda items", "",
              "| indexing | time | MB/s | throughput vs bare | database | notes |", "|---|---|---|---|---|---|",
              f"| ours | {ours_s:.1f} s | {raw_mb / ours_s:.2f} | {bare_s / ours_s:.2f}× | {ours_mb:.1f} MB "
              f"({ours_mb / raw_mb:.2f}× text) after `--compact` ({compact_s:.1f} s) | {items / ours_s:.0f} items/s, "
              f"peak RSS {rss:.0f} MB |",
              f"| bare Xapian loop | {bare_s:.1f} s | {raw_mb / bare_s:.2f} | 1× | {bare_mb:.1f} MB "
              f"({bare_mb / raw_mb:.2f}× text) | one document per file, no stored text |"]
    if a.peers:
        om_s = omindex(corpus, os.path.join(work, "omega.db"))
        fts_s = sqlite_fts5(files, os.path.join(work, "fts5.sqlite"))
        if om_s:
            om_mb = dir_mb(os.path.join(work, "omega.db"))
            lines.append(f"| Omega omindex | {om_s:.1f} s | {raw_mb / om_s:.2f} | {bare_s / om_s:.2f}× | {om_mb:.1f} MB "
                         f"({om_mb / raw_mb:.2f}× text) | skips the .gz files |")
        fts_mb = os.path.getsize(os.path.join(work, "fts5.sqlite")) / 1e6
        lines.append(f"| SQLite FTS5 | {fts_s:.1f} s | {raw_mb / fts_s:.2f} | {bare_s / fts_s:.2f}× | {fts_mb:.1f} MB "
                     f"({fts_mb / raw_mb:.2f}× text) | no stemming |")
    tables = tables_mb(ours_db)
    lines += ["", "| table (ours, after `--compact`) | " + " | ".join(tables) + " |",
              "|---|" + "---|" * len(tables),
              "| MB | " + " | ".join(f"{v:.1f}" for v in tables.values()) + " |",
              "| × text | " + " | ".join(f"{v / raw_mb:.2f}" for v in tables.values()) + " |", ""]
    b, bf, bo = lat["bare"], lat["bare_facets"], lat["bare_on_ours"]
    lines += [f"| queries (20, ×{a.repeat}, median of {a.rounds} alternating rounds) | p50 | p99 | p50 vs bare | "
              "p99 vs bare | p50 vs bare on ours | p99 vs bare on ours |", "|---|---|---|---|---|---|---|"]
    for name, label, ref, vs_ours in (("ours", "ours (Danish expansion, all-words first, snippets for 10)", b, True),
                                      ("ours_plain", "ours without the Danish expansion and did-you-mean", b, True),
                                      ("bare", "bare loop (QueryParser, top 10, document data)", b, True),
                                      ("bare_on_ours", "bare loop over our database", b, True)):
        x = lat[name]
        tail = (f"{x['p50_us'] / bo['p50_us']:.2f}× | {x['p99_us'] / bo['p99_us']:.2f}× |" if vs_ours else "– | – |")
        lines.append(f"| {label} | {x['p50_us']:.0f} µs | {x['p99_us']:.0f} µs | {x['p50_us'] / ref['p50_us']:.2f}× | "
                     f"{x['p99_us'] / ref['p99_us']:.2f}× | " + tail)
    bfo = lat["bare_facets_on_ours"]
    lines += ["", "| with facets (every match counted) | p50 | p99 | p50 vs bare with a spy | p99 vs bare with a spy | "
              "p50 vs Xapian's spies on our slots | p99 vs Xapian's spies on our slots |", "|---|---|---|---|---|---|---|"]
    for name, label in (("ours_facets", "ours with `--facets` (7 facets and the case, 3 value slots)"),
                        ("bare_facets", "bare loop with a ValueCountMatchSpy (slot 0, per-file index)"),
                        ("bare_facets_on_ours", "bare loop over our database with Xapian's spies on the same 3 slots")):
        x = lat[name]
        lines.append(f"| {label} | {x['p50_us']:.0f} µs | {x['p99_us']:.0f} µs | {x['p50_us'] / bf['p50_us']:.2f}× | "
                     f"{x['p99_us'] / bf['p99_us']:.2f}× | {x['p50_us'] / bfo['p50_us']:.2f}× | "
                     f"{x['p99_us'] / bfo['p99_us']:.2f}× |")
    lines.append("")
    if http1 and http16:
        lines += ["| HTTP (wrk, /api/search, 20 queries) | requests/s | p50 | p99 | errors |", "|---|---|---|---|---|"]
        for name, h in (("1 connection", http1), ("16 connections", http16)):
            lines.append(f"| {name} | {h['rps']:.0f} | {h['p50_ms']:.2f} ms | {h['p99_ms']:.2f} ms | "
                         f"{h['errors'] + h['non2xx']} |")
        lines.append("")
    summary[docs] = {"index_ratio": bare_s / ours_s, "size_ratio": ours_mb / raw_mb, "rss": rss,
                     "p50_vs_bare": lat["ours"]["p50_us"] / b["p50_us"],
                     "p50_vs_bare_on_ours": lat["ours"]["p50_us"] / bo["p50_us"],
                     "p99_vs_bare_on_ours": lat["ours"]["p99_us"] / bo["p99_us"],
                     "http16": http16["rps"] if http16 else None, "http16_p99": http16["p99_ms"] if http16 else None,
                     "http16_errors": http16["errors"] + http16["non2xx"] if http16 else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--docs", default="3000,20000", help="corpus sizes in documents, comma-separated")
    ap.add_argument("--small", type=int, default=600, help="small corpus for the RSS-flatness check")
    ap.add_argument("--work", default=os.path.join(ROOT, "var", "bench"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=5, help="query latency: alternating rounds, median reported")
    ap.add_argument("--index-rounds", type=int, default=2, help="indexing: alternating rounds, median reported")
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--peers", action="store_true", help="also omindex and SQLite FTS5 on the largest corpus")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    os.makedirs(a.work, exist_ok=True)
    qfile = os.path.join(HERE, "queries.txt")
    queries = [l.strip() for l in open(qfile, encoding="utf-8") if l.strip() and not l.startswith("#")]
    cpu = ""
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
    except Exception:
        pass
    lines = [f"Benchmark of {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores ({cpu}), {platform.platform()}", ""]
    summary = {}
    sizes = [int(d) for d in a.docs.split(",")]
    for docs in sizes:
        peers = a.peers
        a.peers = peers and docs == max(sizes)
        bench_size(a, build, docs, queries, qfile, lines, summary)
        a.peers = peers
    small = generate(build, a.small, a.work)
    small_rss = peak_rss_mb([f"{build}/indexer/indexer", "--db", os.path.join(a.work, "small.db"), "--rebuild",
                             "--quiet", small])
    largest = summary[max(sizes)]
    lines += ["Targets (issue: speed close to the engine's limit), this run:", ""]
    for docs in sizes:
        s = summary[docs]
        lines.append(f"- {docs} documents: query p50 {s['p50_vs_bare_on_ours']:.2f}× and p99 "
                     f"{s['p99_vs_bare_on_ours']:.2f}× the bare loop over our database (goals ≤ 1.25×, ≤ 2×), "
                     f"p50 {s['p50_vs_bare']:.2f}× the per-file bare loop (≤ 2×); database {s['size_ratio']:.2f}× the "
                     f"text (≤ 2.5×); indexing {s['index_ratio']:.2f}× the bare loop's throughput (≥ 1.5×); HTTP "
                     f"{s['http16'] or 0:.0f} req/s at 16 connections, p99 {s['http16_p99'] or 0:.1f} ms, "
                     f"{s['http16_errors'] or 0} errors (≥ 3,078, < 10 ms, 0)")
    lines.append(f"- indexer peak RSS {small_rss:.0f} MB on {a.small} documents, {largest['rss']:.0f} MB on "
                 f"{max(sizes)}: {largest['rss'] / small_rss:.2f}× (≤ 1.3×)")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.path.join(a.work, "results.md"), "w") as f:
        f.write(report)


if __name__ == "__main__":
    main()
