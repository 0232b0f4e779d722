"""Bounded on every input: a PDF that takes poppler a minute is stopped at
the per-file time limit and named, one that needs more memory than allowed
is stopped and named, and the files beside them are indexed all the same,
in bounded time."""
import os, shutil, time
from common import *

work = tmpdir()
try:
    docs = os.path.join(work, "docs")
    os.makedirs(docs)
    shutil.copy(os.path.join(SOURCE, "tests", "e2e", "data", "slow_overlap.pdf"), docs)
    shutil.copy(os.path.join(SOURCE, "tests", "data", "pdf", "firstagenda_referat.pdf"), docs)
    for f in SEEDS[:2]:
        shutil.copy(os.path.join(CORPUS, f), docs)
    db = os.path.join(work, "db")
    started = time.time()
    r = run(INDEXER, "--db", db, "--file-timeout", "2", docs, timeout=120)
    took = time.time() - started
    check(r.returncode == 1, f"exit 1: a file failed ({r.returncode})")
    check("slow_overlap.pdf: PDF took longer than 2 s to read: stopped" in r.stderr,
          "the slow PDF is stopped at the time limit and named")
    check(took < 30, f"the run is bounded by the limit ({took:.1f} s)")
    ids = q_terms(db)
    check(any(t.startswith("Qfirstagenda_referat.pdf:") for t in ids) and
          all(any(t.startswith(f"Q{s}:") for t in ids) for s in SEEDS[:2]),
          "the files beside it are indexed")

    # (A sanitizer build sets no address-space limit: ASan's shadow memory would not fit.)
    r = run(INDEXER, "--dry-run", "--file-memory-mb", "64", os.path.join(docs, "firstagenda_referat.pdf"))
    check(os.environ.get("SAGSOEG_SANITIZED") or"PDF needed more than 64 MB" in r.stderr and r.returncode == 1,
          "a PDF that needs more than the memory limit is stopped and named")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
