"""Hostile input for the indexer: each bad file gets a clear error naming it
(or is handled), the rest of the corpus is indexed, and the exit status
says some files failed."""
import gzip, os, shutil, subprocess, sys, threading, time
from common import *

work = tmpdir()
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    bad = os.path.join(corpus, "bad")
    os.makedirs(bad)
    seed = open(os.path.join(CORPUS, SEEDS[0]), encoding="utf-8").read()

    def write(name, data):
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)

    write("empty.txt", b"")
    write("binary.txt", bytes(range(256)) * 64)
    # Copies of a seed in other encodings, each dated as a meeting of its own
    # (copies of one meeting would be served once: meeting_ledger.h).
    def meeting(day):
        return seed.replace("31-01-2025", f"{day}-01-2025")
    write("invalid-utf8.txt", meeting(28).encode("utf-8")[:5000] + b"\xff\xfe\xc3\x28 " + meeting(28).encode("utf-8")[5000:])
    write("latin1.txt", meeting(29).encode("latin-1", "replace"))
    write("cp1252.txt", meeting(30).replace("–", "\u2013").encode("cp1252", "replace"))
    write("one-line-50mb.txt", b"Referat " + b"lorem ipsum dolor " * (50 * 1024 * 1024 // 18))
    write("repeated-headings.md", ("# 1 (Offentlig) Samme punkt igen\n\nTekst.\n\n" * 20000).encode())
    write("thousands-of-items.txt",
          "".join(f"{n} (Offentlig) Punkt nummer {n}\n\nEMN-2024-{n:05d}\n\nBeslutninger:\nGodkendt.\n\n"
                  for n in range(1, 3001)).encode())
    write("truncated.txt.gz", gzip.compress(seed.encode())[:300])
    write("bomb.txt.gz", gzip.compress(b"a" * (300 * 1024 * 1024), compresslevel=1))
    write("unreadable.txt", meeting(26).encode())  # readable to root: then one more meeting
    os.chmod(os.path.join(bad, "unreadable.txt"), 0)
    os.symlink("loop-b.txt", os.path.join(bad, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(bad, "loop-b.txt"))
    os.symlink(".", os.path.join(bad, "dirloop"))  # a folder linked to itself
    write("disappears.txt", seed.replace("31-01-2025", "27-01-2025").encode())
    # A 50 KB header line (the header reader once recursed on it and crashed)
    # and 512 KB of numbered lines (table-of-contents detection once took minutes).
    write("header-50kb.txt", ("Referat fra møde i " + "Udvalget " * 6000 + "den 3. marts 2025\n\n"
                              "1 (Offentlig) Langt hoved\n\nTekst.\n").encode())
    write("numbered-512kb.txt", "".join(f"{i % 900 + 1}. Punkt nummer {i}\n\nTekst {i}.\n\n"
                                         for i in range(20000)).encode())

    db = os.path.join(work, "db")
    p = subprocess.Popen([INDEXER, "--db", db, "--threads", "1", corpus], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    time.sleep(0.05)
    try:
        os.remove(os.path.join(bad, "disappears.txt"))  # while the indexer runs
    except FileNotFoundError:
        pass
    out, err = p.communicate(timeout=600)
    print("   " + err.strip().replace("\n", "\n   "))
    check(p.returncode == 1, f"exit status 1: some files failed (got {p.returncode})")

    def named(name, message):
        check(f"indexer: {bad}/{name}: {message}" in err, f"{name}: '{message}'")
    check(f"indexer: warning: {bad}/empty.txt: empty file" in err, "empty.txt: a warning, not a failure")
    named("binary.txt", "binary file, not text")
    named("truncated.txt.gz", "truncated gzip data")
    named("bomb.txt.gz", "gzip data expands beyond the size limit of 256 MB")
    named("loop-a.txt", "Too many levels of symbolic links")
    if os.geteuid() != 0:
        named("unreadable.txt", "cannot open: Permission denied")
    check("dirloop" not in err or "Too many levels" in err, "a folder linked to itself does not trap the walk")

    check("header-50kb.txt" not in err, "a 50 KB header line is read, no error")

    # Peak memory for one file is a small multiple of its size: 24 MB of
    # short lines in a 0.3 MB .gz, measured in a process of its own.
    small = os.path.join(work, "small")
    os.makedirs(small)
    with gzip.open(os.path.join(small, "short-lines.txt.gz"), "wb") as f:
        f.write(b"1. a\n" * (24 * 1024 * 1024 // 5))
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    t0 = time.time()
    r = run(sys.executable, "-c", probe, INDEXER, "--db", os.path.join(work, "db-small"), small)
    peak_mb = int(r.stdout.strip() or 0) / 1024
    print(f"   24 MB of short lines: {time.time() - t0:.1f} s, peak RSS {peak_mb:.0f} MB")
    if os.environ.get("SAGSOEG_SANITIZED"):
        print("   (sanitizer build: ASan's shadow memory and quarantine, the memory bound is not checked)")
    else:
        check(0 < peak_mb < 8 * 24 + 60, f"peak RSS {peak_mb:.0f} MB within 8x the inflated size (+60 MB)")

    terms = q_terms(db)
    for src, want in (("invalid-utf8.txt", 9), ("latin1.txt", 9), ("cp1252.txt", 9), ("repeated-headings.md", 20000), ("one-line-50mb.txt", 1),
                      ("thousands-of-items.txt", 3000)):
        got = sum(1 for t in terms if t.startswith(f"Qbad/{src}:"))
        check(got == want, f"{src}: {got} items (want {want})")
    seeds_ok = all(any(t.startswith(f"Q{s}:") for t in terms) for s in SEEDS)
    check(seeds_ok, "the good seed files are all indexed")
    code, o, _ = search_json(db, "lægedækning")
    check(code == 0 and o["results"], "the database answers queries")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
