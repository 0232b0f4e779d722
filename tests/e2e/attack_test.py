"""What an attack on the server found, re-run: slow clients cannot starve
other requests, wildcard floods and deep nesting cost bounded time and get a
clear error, and a database swapped by --compact is served at once."""
import json, os, shutil, socket, subprocess, threading, time, urllib.parse
from common import *

work = tmpdir()
server = None
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    server, base = start_server(db, "--threads", "4")
    host, port = "127.0.0.1", int(base.rsplit(":", 1)[1])

    # Slow clients: each sends a header line every second, never finishing
    # its head. They hold all 4 workers, but only for the head deadline (3 s).
    stop = threading.Event()
    cut_after = []

    def slow_client():
        s = socket.create_connection((host, port))
        t0 = time.time()
        try:
            s.sendall(b"GET /health HTTP/1.1\r\n")
            while not stop.is_set():
                time.sleep(1)
                s.sendall(b"X-Slow: 1\r\n")
                s.settimeout(0.01)
                try:
                    s.recv(100)
                    break  # an answer (400) or the close: cut off
                except socket.timeout:
                    pass
        except OSError:
            pass
        cut_after.append(time.time() - t0)
        s.close()

    clients = [threading.Thread(target=slow_client) for _ in range(8)]
    for c in clients:
        c.start()
    time.sleep(0.5)
    t0 = time.time()
    st = http("GET", base + "/health", timeout=30)[0]
    waited = time.time() - t0
    stop.set()
    for c in clients:
        c.join(10)
    print(f"   /health answered after {waited:.1f} s; slow clients cut after {sorted(round(x, 1) for x in cut_after)}")
    check(st == 200 and waited < 7, f"/health answers within the head deadline plus a turn ({waited:.1f} s)")
    check(cut_after and max(cut_after) < 9, "slow clients are cut off after their head deadline")

    # Wildcards: too many are refused; the allowed number stays fast.
    flood = " ".join(["sa*"] * 300)
    st, _, body = http("GET", base + "/api/search?q=" + urllib.parse.quote(flood))
    check(st == 400 and "wildcards" in json.loads(body)["error"], "300 wildcards: 400 with a clear error")
    eight = " ".join(f"{p}*" for p in ("sa", "se", "so", "st", "si", "sk", "sp", "sy"))
    t0 = time.time()
    st, _, body = http("GET", base + "/api/search?facets=1&q=" + urllib.parse.quote(eight))
    took = time.time() - t0
    check(st in (200, 503) and took < 3, f"eight short wildcards with facets: bounded ({took:.2f} s, status {st})")

    # Deep nesting: a clear error on the CLI and over HTTP, no crash.
    qfile = os.path.join(work, "nested.txt")
    with open(qfile, "w") as f:
        f.write("(" * 20000 + "palliation" + ")" * 20000 + "\n")
    r = run(SEARCHER, "--db", db, "--bench", qfile, "--repeat", "1", "--json")
    check(r.returncode == 0, f"--bench with 20,000 nested parentheses does not crash (exit {r.returncode})")
    r = run(SEARCHER, "--db", db, "(" * 20000 + "x" + ")" * 20000)
    check(r.returncode == 2 and "parentheses" in r.stderr, "CLI: deep nesting is a clear error")

    # A reclassified item after --compact: the running server serves the new files.
    word = "vandrefalkeunger"
    extra = os.path.join(corpus, "extra.txt")
    with open(extra, "w", encoding="utf-8") as fh:
        fh.write(f"# 1 (Offentlig) Falke\n\n{word} på rådhuset.\n\n# 2 (Offentlig) Andet\n\nTekst.\n")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    check(json.loads(http("GET", base + "/api/search?q=" + word)[2])["total"] == 1, "the public word is found")
    with open(extra, "w", encoding="utf-8") as fh:
        fh.write(f"# 1 (Fortrolig) Falke\n\n{word} på rådhuset.\n\n# 2 (Offentlig) Andet\n\nTekst.\n")
    run(INDEXER, "--db", db, "--quiet", "--compact", corpus, check=True)
    o = json.loads(http("GET", base + "/api/search?q=" + word)[2])
    check(o["total"] == 0, "after --compact the server serves the new database: the closed word is gone")
    raw = b"".join(open(os.path.join(db, n), "rb").read() for n in os.listdir(db))
    check(word.encode() not in raw, "and no database file holds it after --compact")
finally:
    if server:
        server.terminate()
    shutil.rmtree(work, ignore_errors=True)
finish()
