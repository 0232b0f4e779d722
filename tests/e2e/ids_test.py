"""Never lose an item: IDs of same-named files, one file through different
spellings, pruning only below the folders given and never too much, errors
for unusable PATHs, and items withdrawn when their file stops reading."""
import os, shutil, subprocess
from common import *

SEED = open(os.path.join(CORPUS, SEEDS[0]), encoding="utf-8").read()
OTHER = open(os.path.join(CORPUS, SEEDS[1]), encoding="utf-8").read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def ids(db):
    return [t[1:] for t in q_terms(db)]


work = tmpdir()
try:
    # Two folders that each hold a minutes.txt: two documents, on every run.
    two = os.path.join(work, "two")
    write(os.path.join(two, "a", "minutes.txt"), SEED)
    write(os.path.join(two, "b", "minutes.txt"), OTHER)
    db = os.path.join(work, "db1")
    r = run(INDEXER, "--db", db, os.path.join(two, "a"), os.path.join(two, "b"))
    first = ids(db)
    check(r.returncode == 0 and len(first) == 14, f"two minutes.txt: 9 + 5 items kept (got {len(first)})")
    check(any(i.startswith("a/minutes.txt:") for i in first) and any(i.startswith("b/minutes.txt:") for i in first),
          "IDs name the folder: a/minutes.txt:N and b/minutes.txt:N")
    r = run(INDEXER, "--db", db, os.path.join(two, "a"), os.path.join(two, "b"))
    check(ids(db) == first and "2 unchanged" in r.stderr, "a re-run keeps both, unchanged")

    # One file through other spellings is the same document.
    cwd_rel = os.path.relpath(os.path.join(two, "a", "minutes.txt"))
    os.symlink(os.path.join(two, "a"), os.path.join(work, "link-to-a"))
    for spelling in (cwd_rel, os.path.join(two, "a", "..", "a", "minutes.txt"), two,
                     os.path.join(work, "link-to-a", "minutes.txt")):
        r = run(INDEXER, "--db", db, "--no-prune", spelling)
        check(ids(db) == first and "(0 indexed" in r.stderr, f"same document via {spelling}")

    # Indexing a sub-folder replaces nothing of its parent's.
    docs = os.path.join(work, "docs")
    write(os.path.join(docs, "ref.txt"), SEED)
    write(os.path.join(docs, "sub", "ref.txt"), OTHER)
    db2 = os.path.join(work, "db2")
    run(INDEXER, "--db", db2, docs)
    before = ids(db2)
    r = run(INDEXER, "--db", db2, os.path.join(docs, "sub"))
    check(ids(db2) == before and len(before) == 14 and r.returncode == 3,
          "indexing docs/sub keeps docs/ref.txt and removes nothing (exit 3: nothing to do)")

    # Unusable PATHs: exit 2, nothing removed.
    empty = os.path.join(work, "emptydir")
    os.makedirs(empty)
    r = run(INDEXER, "--db", db2, empty)
    check(r.returncode == 2 and "no files in this folder" in r.stderr and ids(db2) == before,
          "an empty folder: exit 2, nothing removed")
    r = run(INDEXER, "--db", db2, os.path.join(work, "missing"))
    check(r.returncode == 2 and "missing: no such file or folder" in r.stderr and ids(db2) == before,
          "a missing PATH: exit 2, nothing removed")
    plain = os.path.join(work, "plainfile")
    write(plain, "x")
    r = run(INDEXER, "--db", plain, docs)
    check(r.returncode == 2 and "is a file, not a database folder" in r.stderr, "--db naming a plain file says so")

    # Pruning: a file gone from a folder given goes; more than half needs --prune.
    os.remove(os.path.join(docs, "sub", "ref.txt"))
    r = run(INDEXER, "--db", db2, docs)
    check(r.returncode == 0 and "1 removed" in r.stderr and len(ids(db2)) == 9, "a removed file is pruned")
    write(os.path.join(docs, "sub", "ref.txt"), OTHER)
    # Another meeting (the same text twice would be one meeting, served once).
    write(os.path.join(docs, "sub", "third.txt"),
          OTHER.replace("Behandlingsrådet", "Sundhedsrådet").replace("19-04-2024", "20-04-2024"))
    run(INDEXER, "--db", db2, docs)
    for name in ("ref.txt", "sub/ref.txt"):
        os.remove(os.path.join(docs, name))
    r = run(INDEXER, "--db", db2, docs)
    check(r.returncode == 2 and "would remove 2 of the 3 indexed files" in r.stderr and len(ids(db2)) == 19,
          "removing more than half is refused without --prune, nothing changed")
    r = run(INDEXER, "--db", db2, "--prune", docs)
    check(r.returncode == 0 and "2 removed" in r.stderr and len(ids(db2)) == 5, "--prune removes them")

    # A file that stops reading withdraws its items (it may now mark them closed).
    db3 = os.path.join(work, "db3")
    lone = os.path.join(work, "lone")
    write(os.path.join(lone, "minutes.txt"), SEED)
    write(os.path.join(lone, "other.txt"), OTHER)
    run(INDEXER, "--db", db3, lone)
    with open(os.path.join(lone, "minutes.txt"), "wb") as f:
        f.write(bytes(range(256)) * 10)
    r = run(INDEXER, "--db", db3, lone)
    check(r.returncode == 1 and "9 earlier items are withdrawn" in r.stderr, "a failed file's items are withdrawn, and it says so")
    check(not any(i.startswith("minutes.txt:") for i in ids(db3)), "its items are no longer searchable")
    check(any(i.startswith("other.txt:") for i in ids(db3)), "the other file's items stay")

    # An unreadable subfolder is an error and nothing below it is pruned
    # (run as an unprivileged user: root reads everything).
    if os.geteuid() == 0 and shutil.which("setpriv"):
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    else:
        as_nobody = []
    shared = os.path.join(work, "shared")
    write(os.path.join(shared, "open", "a.txt"), SEED)
    write(os.path.join(shared, "secret", "b.txt"), OTHER)
    db4 = os.path.join(work, "db4")
    os.makedirs(db4)
    for root, dirs, files in os.walk(work):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o777)
        for f in files:
            os.chmod(os.path.join(root, f), 0o666)
    os.chmod(work, 0o777)
    subprocess.run(as_nobody + [INDEXER, "--db", db4, shared], capture_output=True)
    os.chmod(os.path.join(shared, "secret"), 0)
    p = subprocess.run(as_nobody + [INDEXER, "--db", db4, shared], capture_output=True, text=True)
    if os.geteuid() != 0 or as_nobody:
        check(p.returncode == 1 and "secret: Permission denied" in p.stderr, "an unreadable subfolder is named, exit 1")
        check(any(i.startswith("secret/b.txt:") for i in ids(db4)), "nothing below it is pruned")
    os.chmod(os.path.join(shared, "secret"), 0o777)
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
