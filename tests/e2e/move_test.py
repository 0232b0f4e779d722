"""Backup, restore and move, as the README tells them (issue 24): moving
the documents and the database is refused without --root (it would add
every item again under new IDs) and kept whole with it; a hot backup made
with xapian-compact while the server runs restores a damaged database; a
shard database refuses a run for another shard."""
import json, os, shutil, subprocess
from common import *

work = tmpdir()
server = None
try:
    old = os.path.join(work, "old")
    corpus = copy_corpus(os.path.join(old, "corpus"))
    db = os.path.join(old, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    before = q_terms(db)

    # Backup while serving: xapian-compact reads one committed revision.
    server, base = start_server(db)
    backup = os.path.join(work, "backup")
    r = run("xapian-compact", "--no-full", db, backup)
    check(r.returncode == 0 and q_terms(backup) == before, "a hot backup with xapian-compact holds every item")
    server.terminate()
    server.wait(10)
    server = None

    # Move documents and database together.
    new = os.path.join(work, "new")
    os.rename(old, new)
    db, corpus = os.path.join(new, "db"), os.path.join(new, "corpus")
    r = run(INDEXER, "--db", db, "--quiet", corpus)
    check(r.returncode == 2 and "--root" in r.stderr and q_terms(db) == before,
          f"moved without --root: refused, nothing added ({r.returncode}: {r.stderr.strip()[:100]})")
    r = run(INDEXER, "--db", db, "--root", os.path.join(work), corpus)
    check(r.returncode == 2 and q_terms(db) == before, "--root naming the wrong folder: refused")
    r = run(INDEXER, "--db", db, "--root", corpus, corpus)
    check(r.returncode == 0 and q_terms(db) == before and "IDs are unchanged" in r.stderr,
          f"--root re-anchors: the same {len(before)} items under the same IDs")
    r = run(INDEXER, "--db", db, "--quiet", corpus)
    check(r.returncode == 3 and q_terms(db) == before, "the next run finds nothing to do")

    # Restore: a damaged database replaced by the backup; the next run
    # brings it up to date with what changed since.
    with open(os.path.join(corpus, "late.txt"), "w", encoding="utf-8") as f:
        f.write("# 1 (Offentlig) Sent punkt\n\nVandrefalkeredegørelse efter backuppen.\n")
    run(INDEXER, "--db", db, "--quiet", corpus)
    os.remove(os.path.join(db, "termlist.glass"))
    s = run(SEARCHER, "--db", db, "sundhed")
    check(s.returncode == 2 and "damaged" in s.stderr, "the damaged database is a clear error")
    shutil.rmtree(db)
    shutil.copytree(backup, db)
    # The backup was made at the old place: re-anchor as after a move.
    r = run(INDEXER, "--db", db, "--quiet", "--root", corpus, corpus)
    check(r.returncode == 0, f"restored backup brought up to date (exit {r.returncode})")
    code, o, _ = search_json(db, "vandrefalkeredegørelse")
    check(code == 0 and o["total"] == 1 and len(q_terms(db)) == len(before) + 1,
          "restored: the old items and the one added after the backup, once each")

    # Shard membership is recorded and checked.
    shard = os.path.join(work, "shard")
    run(INDEXER, "--db", shard, "--quiet", "--shard", "0/3", corpus, check=True)
    n = len(q_terms(shard))
    r = run(INDEXER, "--db", shard, "--quiet", "--shard", "0/4", corpus)
    check(r.returncode == 2 and "shard 0/3" in r.stderr and len(q_terms(shard)) == n, "a run for shard 0/4 on 0/3: refused")
    r = run(INDEXER, "--db", shard, "--quiet", corpus)
    check(r.returncode == 2 and "whole corpus" in r.stderr and len(q_terms(shard)) == n,
          "a run without --shard on a shard: refused")
    r = run(INDEXER, "--db", shard, "--quiet", "--shard", "0/3", corpus)
    check(r.returncode == 3, "the same shard again: nothing to do")
finally:
    if server and server.poll() is None:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)
finish()
