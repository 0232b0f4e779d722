#!/usr/bin/env python3
"""Relevance metrics of the query set (tests/relevance/queries.tsv) with every
Danish feature on, and with each one switched off, by running the real
searcher. Prints a Markdown table (MRR, recall@5, and MRR on the queries of
the feature itself).

usage: evaluate.py SEARCHER DB [--check]
--check: exit 1 unless every query reaches its rank with all features on and
every feature raises the MRR of its own queries."""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = [("all features", []), ("--no-compounds", ["--no-compounds"]), ("--no-variants", ["--no-variants"]),
           ("--no-synonyms", ["--no-synonyms"]), ("--no-spelling", ["--no-spelling"]),
           ("none (plain Snowball)", ["--no-compounds", "--no-variants", "--no-synonyms", "--no-spelling"])]
FEATURE_OF = {"--no-compounds": "compounds", "--no-variants": "variants", "--no-synonyms": "synonyms",
              "--no-spelling": "spelling"}


def load():
    rows = []
    for line in open(os.path.join(HERE, "queries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        q, item, rank, feature = (line.rstrip("\n").split("\t") + ["base"])[:4]
        rows.append((q, item, int(rank), feature))
    return rows


def ranked_ids(searcher, db, query, flags):
    def ask(q):
        r = subprocess.run([searcher, "--db", db, "--json", "--limit", "10", *flags, "--", q],
                           capture_output=True, text=True)
        return json.loads(r.stdout) if r.stdout.strip() else {"results": [], "suggestion": None}
    o = ask(query)
    if not o["results"] and o.get("suggestion"):
        o = ask(o["suggestion"])  # the user follows "did you mean"
    return [x["id"] for x in o["results"]]


def main():
    searcher, db = sys.argv[1], sys.argv[2]
    check = "--check" in sys.argv
    rows = load()
    table, ok = [], True
    by_config = {}
    for name, flags in CONFIGS:
        rr, top5, per_feature = [], 0, {}
        for q, item, max_rank, feature in rows:
            ids = ranked_ids(searcher, db, q, flags)
            rank = ids.index(item) + 1 if item in ids else 0
            rr.append(1.0 / rank if rank else 0.0)
            top5 += 1 if 0 < rank <= 5 else 0
            per_feature.setdefault(feature, []).append(1.0 / rank if rank else 0.0)
            if check and not flags and not (0 < rank <= max_rank):
                print(f"FAILED '{q}': {item} at rank {rank}, wanted <= {max_rank}")
                ok = False
        mrr = sum(rr) / len(rr)
        by_config[name] = per_feature
        table.append((name, mrr, top5 / len(rows), per_feature))
    features = ["base", "compounds", "variants", "synonyms", "spelling"]
    print(f"{len(rows)} queries\n")
    print("| configuration | MRR | recall@5 | " + " | ".join(f"MRR {f}" for f in features) + " |")
    print("|---|---|---|" + "---|" * len(features))
    for name, mrr, r5, pf in table:
        cells = [f"{sum(pf.get(f, [0])) / max(1, len(pf.get(f, []))):.3f}" for f in features]
        print(f"| {name} | {mrr:.3f} | {r5:.3f} | " + " | ".join(cells) + " |")
    if check:
        all_on = by_config["all features"]
        for flag, feature in FEATURE_OF.items():
            on = sum(all_on[feature]) / len(all_on[feature])
            off = sum(by_config[flag][feature]) / len(by_config[flag][feature])
            if not on > off:
                print(f"FAILED {feature}: MRR {on:.3f} with it, {off:.3f} without")
                ok = False
        print("relevance check passed" if ok else "relevance check FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
