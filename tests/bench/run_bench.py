#!/usr/bin/env python3
"""The benchmark: on one generated corpus, in one run, side by side --
our indexer, the bare Xapian reference, Omega's omindex and SQLite FTS5;
query latency in-process (ours vs the bare reference); HTTP throughput with
wrk at 1 and 16 connections; indexer peak RSS on a small and the full corpus.
Ratios are against the bare reference measured in the same run.

usage: run_bench.py --build BUILD [--docs 20000] [--small 600] [--work var/bench] [--rounds 5]"""
import argparse, gzip, json, os, platform, re, resource, shutil, socket, sqlite3, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB, completed process)."""
    t0 = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.time() - t0
    out, err = p.stdout.read(), p.stderr.read()
    p.returncode = os.waitstatus_to_exitcode(status)
    return secs, usage.ru_maxrss / 1024.0, subprocess.CompletedProcess(cmd, p.returncode, out, err)


def du_mb(path):
    total = 0
    for r, _, fs in os.walk(path):
        for f in fs:
            total += os.path.getsize(os.path.join(r, f))
    return total / 1e6 if os.path.isdir(path) else os.path.getsize(path) / 1e6


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


def our_index(build, corpus, db):
    shutil.rmtree(db, ignore_errors=True)
    secs, rss, r = timed([f"{build}/indexer/indexer", "--db", db, "--quiet", corpus])
    if r.returncode != 0:
        sys.exit(f"indexer failed: {r.stderr[-500:]}")
    t0 = time.time()
    subprocess.run([f"{build}/indexer/indexer", "--db", db, "--quiet", "--compact", corpus], check=True)
    compact_secs = time.time() - t0
    return secs, rss, compact_secs


def items_in(build, db):
    r = subprocess.run(["xapian-delve", db], capture_output=True, text=True)
    m = re.search(r"number of documents = (\d+)", r.stdout)
    return int(m.group(1)) if m else 0


def bare_index(build, files, db):
    shutil.rmtree(db, ignore_errors=True)
    t0 = time.time()
    p = subprocess.Popen([f"{build}/tests/bench/bare_xapian", "index", db, "-"], stdin=subprocess.PIPE, text=True)
    p.communicate("\n".join(files) + "\n")
    p.wait()
    return time.time() - t0


def omindex(corpus, db):
    if not shutil.which("omindex"):
        return None
    shutil.rmtree(db, ignore_errors=True)
    t0 = time.time()
    # omindex reads .txt, .html and (mapped) .md; it skips the 5 % of .gz files.
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
    secs = time.time() - t0
    con.close()
    return secs


def sqlite_query(path, queries, repeat):
    con = sqlite3.connect(path)
    us = []
    words = [re.sub(r'[^\wæøå ]', ' ', q.split(":")[-1]).strip() for q in queries]
    for _ in range(repeat):
        for w in words:
            t0 = time.perf_counter()
            try:
                con.execute("SELECT path, snippet(docs, 1, '<b>', '</b>', '…', 20) FROM docs WHERE docs MATCH ? "
                            "ORDER BY rank LIMIT 10", (" OR ".join(w.split()) or "x",)).fetchall()
            except sqlite3.OperationalError:
                pass
            us.append((time.perf_counter() - t0) * 1e6)
    us.sort()
    return us[len(us) // 2], us[min(len(us) - 1, int(0.99 * (len(us) - 1) + 0.5))]


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wrk(build, db, queries, connections, seconds):
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
        lua = os.path.join(os.path.dirname(db), "wrk.lua")
        with open(lua, "w") as f:
            f.write("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\ni = 0\n"
                    "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
                    "done = function(summary, latency, requests)\n"
                    "  io.write(string.format('JSON {\"rps\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"errors\": %d, "
                    "\"non2xx\": %d, \"requests\": %d}\\n', summary.requests / (summary.duration / 1e6), "
                    "latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect + "
                    "summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, "
                    "summary.requests))\nend\n")
        threads = min(connections, 2)
        r = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "-s", lua,
                            f"http://127.0.0.1:{port}"], capture_output=True, text=True)
        m = re.search(r"JSON (\{.*\})", r.stdout)
        return json.loads(m.group(1)) if m else None
    finally:
        srv.terminate(); srv.wait(10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--small", type=int, default=600)
    ap.add_argument("--work", default=os.path.join(ROOT, "var", "bench"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=5, help="query latency: alternating rounds, median reported")
    ap.add_argument("--wrk-seconds", type=int, default=10)
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    os.makedirs(a.work, exist_ok=True)
    qfile = os.path.join(HERE, "queries.txt")
    queries = [l.strip() for l in open(qfile, encoding="utf-8") if l.strip() and not l.startswith("#")]

    corpus = generate(build, a.docs, a.work)
    small = generate(build, a.small, a.work)
    files = corpus_files(corpus)
    raw_mb = sum(len(read_text(f).encode("utf-8")) for f in files) / 1e6

    db = os.path.join(a.work, "ours.db")
    ours_s, ours_rss, compact_s = our_index(build, corpus, db)
    items = items_in(build, db)
    ours_mb = du_mb(db)
    _, small_rss, _ = timed([f"{build}/indexer/indexer", "--db", os.path.join(a.work, "small.db"), "--rebuild",
                             "--quiet", small])
    bare_db = os.path.join(a.work, "bare.db")
    bare_s = bare_index(build, files, bare_db)
    bare_mb = du_mb(bare_db)
    om_s = omindex(corpus, os.path.join(a.work, "omega.db"))
    om_mb = du_mb(os.path.join(a.work, "omega.db")) if om_s else None
    fts_path = os.path.join(a.work, "fts5.sqlite")
    fts_s = sqlite_fts5(files, fts_path)
    fts_mb = du_mb(fts_path)

    # In-process query latency. The machine is noisy: the programs take turns
    # for --rounds rounds and each figure is the median over the rounds.
    searcher = [f"{build}/searcher/searcher", "--db", db, "--bench", qfile, "--repeat", str(a.repeat), "--json"]
    bare = [f"{build}/tests/bench/bare_xapian", "query"]
    latency_runs = {
        "ours": searcher,
        # What the Danish query expansion (compounds, spelling variants,
        # synonyms) and "did you mean" cost on top of ranking and snippets.
        "ours_plain": searcher + ["--no-compounds", "--no-variants", "--no-synonyms", "--no-spelling"],
        "bare": bare + [bare_db, qfile, str(a.repeat)],
        # The same plain query over our database (one document per agenda
        # item): separates the cost of the item granularity from our pipeline's.
        "bare_on_ours": bare + [db, qfile, str(a.repeat)],
    }
    samples = {name: [] for name in latency_runs}
    for _ in range(a.rounds):
        for name, cmd in latency_runs.items():
            samples[name].append(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout))
    median = lambda xs: sorted(xs)[len(xs) // 2]
    ours_q, ours_plain_q, bare_q, plain_q = (
        {k: median([r[k] for r in samples[name]]) for k in ("p50_us", "p99_us")}
        for name in ("ours", "ours_plain", "bare", "bare_on_ours"))
    fts_p50, fts_p99 = sqlite_query(fts_path, queries, a.repeat)
    http1 = wrk(build, db, queries, 1, a.wrk_seconds)
    http16 = wrk(build, db, queries, 16, a.wrk_seconds)

    def row(name, secs, mb, note=""):
        return (f"| {name} | {secs:.1f} s | {raw_mb / secs:.2f} MB/s | {bare_s / secs:.2f}× | "
                f"{mb:.0f} MB ({mb / raw_mb:.2f}× text) | {note} |")
    cpu = ""
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
    except Exception:
        pass
    lines = [f"Benchmark of {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores ({cpu}), {platform.platform()}",
             f"corpus: {len(files)} generated documents, {raw_mb:.0f} MB of text, {items} agenda items", "",
             "| indexer | time | MB/s | throughput vs bare Xapian | database | notes |", "|---|---|---|---|---|---|",
             row("ours (sagsoeg)", ours_s, ours_mb,
                 f"{items / ours_s:.0f} items/s, peak RSS {ours_rss:.0f} MB ({small_rss:.0f} MB on {a.small} docs: "
                 f"{ours_rss / small_rss:.2f}×); size after `--compact` ({compact_s:.1f} s)"),
             row("bare Xapian reference", bare_s, bare_mb, "one document per file, no stored text"),
             row("Omega omindex", om_s, om_mb, "one document per file; skips the .gz files") if om_s else "| Omega omindex | not installed | | | | |",
             row("SQLite FTS5", fts_s, fts_mb, "one row per file, unicode61 tokenizer, no stemming"), "",
             f"| queries (20, ×{a.repeat}, median of {a.rounds} alternating rounds) | p50 | p99 | p50 vs bare | "
             "p99 vs bare |", "|---|---|---|---|---|",
             f"| ours, in-process (ranking, snippets, top 10) | {ours_q['p50_us']:.0f} µs | {ours_q['p99_us']:.0f} µs | "
             f"{ours_q['p50_us'] / bare_q['p50_us']:.2f}× | {ours_q['p99_us'] / bare_q['p99_us']:.2f}× |",
             f"| ours without Danish query expansion and did-you-mean | {ours_plain_q['p50_us']:.0f} µs | "
             f"{ours_plain_q['p99_us']:.0f} µs | {ours_plain_q['p50_us'] / bare_q['p50_us']:.2f}× | "
             f"{ours_plain_q['p99_us'] / bare_q['p99_us']:.2f}× |",
             f"| bare Xapian (QueryParser + top 10) | {bare_q['p50_us']:.0f} µs | {bare_q['p99_us']:.0f} µs | 1× | 1× |",
             f"| bare Xapian's query over our database (one document per item; BM25 reading every match's length) | {plain_q['p50_us']:.0f} µs | "
             f"{plain_q['p99_us']:.0f} µs | {plain_q['p50_us'] / bare_q['p50_us']:.2f}× | "
             f"{plain_q['p99_us'] / bare_q['p99_us']:.2f}× |",
             f"| SQLite FTS5 (MATCH, rank, snippet) | {fts_p50:.0f} µs | {fts_p99:.0f} µs | "
             f"{fts_p50 / bare_q['p50_us']:.2f}× | {fts_p99 / bare_q['p99_us']:.2f}× |", ""]
    if http1 and http16:
        lines += ["| HTTP (wrk, /api/search, 20 queries) | requests/s | p50 | p99 | errors |", "|---|---|---|---|---|"]
        for name, h in (("1 connection", http1), ("16 connections", http16)):
            lines.append(f"| {name} | {h['rps']:.0f} | {h['p50_ms']:.2f} ms | {h['p99_ms']:.2f} ms | "
                         f"{h['errors'] + h['non2xx']} |")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.path.join(a.work, f"results-{a.docs}.md"), "w") as f:
        f.write(report)


if __name__ == "__main__":
    main()
