#!/usr/bin/env python3
"""Deterministic corpus generator: realistic committee documents at any size,
recombined from the real text of the bundled corpus.

usage: gen_corpus.py --indexer BUILD/indexer/indexer --docs N --out DIR [--seed S]

The real items of corpus/ (read through `indexer --dry-run --json`, so the
text is exactly what the parser sees) give titles, sections and paragraphs:
real Danish words with real term statistics. Each generated document takes
one of the layouts the parser knows -- Markdown minutes, raw PDF text
minutes without header (metadata in manifest.tsv), a region's "mødesager"
page, an HTML page, an agreement -- with its own date, committee,
organisation, case IDs, and public and confidential items. 20,000 documents
come to about 200 MB and 110,000 items. Same arguments, same bytes."""
import argparse, gzip, html, json, os, random, subprocess, sys

COMMITTEES = ["Udvalget for det nære sundhedsvæsen", "Udvalget for det nære og sammenhængende sundhedsvæsen",
              "Forretningsudvalget", "Regionsrådet", "Social- og Sundhedsudvalget", "Psykiatriudvalget",
              "Udvalget for forebyggelse og lighed i sundhed", "Ældre- og Sundhedsudvalget",
              "Økonomiudvalget", "Udvalget for regional udvikling", "Sundhedsudvalget", "Praksisplanudvalget"]
ORGS = ["Danske Regioner", "Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland",
        "Region Nordjylland", "Aarhus Kommune", "Odense Kommune", "Aalborg Kommune", "Københavns Kommune"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
LABELS = ["Beslutning", "Orientering", "Drøftelse"]


def load_items(indexer, corpus):
    files = [os.path.join(corpus, f) for f in sorted(os.listdir(corpus)) if f.endswith(".txt")]
    out = subprocess.run([indexer, "--dry-run", "--json", *files], capture_output=True, text=True, check=True).stdout
    items = [json.loads(l) for l in out.splitlines()]
    return [i for i in items if i["access"] == "public" and i["sections"]]


class Pools:
    def __init__(self, items):
        self.titles = [i["title"] for i in items if i["title"]]
        self.sections = {}
        self.paragraphs = []
        for i in items:
            for s in i["sections"]:
                paras = [p for p in s["text"].split("\n\n") if len(p) > 40]
                self.sections.setdefault(s["name"], []).extend(paras)
                self.paragraphs.extend(paras)
        for name in ("resume", "indstilling", "sagsfremstilling", "decision", "baggrund"):
            self.sections.setdefault(name, self.paragraphs)


def case_id(rng):
    return f"{rng.choice(['EMN', 'EMN', 'MDR', 'SAG'])}-{rng.randint(2015, 2025)}-{rng.randint(1, 99999):05d}"


def item_texts(rng, pools):
    def paras(name, lo, hi):
        return [rng.choice(pools.sections[name]) for _ in range(rng.randint(lo, hi))]
    title = rng.choice(pools.titles)
    if rng.random() < 0.5:  # vary titles so items differ
        title = title + " " + rng.choice(pools.titles).split(" ")[0].lower()
    return {"title": title, "resume": paras("resume", 1, 2), "indstilling": paras("indstilling", 1, 1),
            "sagsfremstilling": paras("sagsfremstilling", 2, 6), "decision": paras("decision", 1, 1),
            "case": case_id(rng), "contact": f"{rng.choice(['jho', 'robek', 'lk', 'abn'])}@regioner.dk",
            "confidential": rng.random() < 0.25, "label": rng.choice(LABELS)}


def markdown_minutes(rng, meta, items):
    out = [f"## Referat fra møde i {meta['committee']} den {meta['dmy']} 10:00", "", "# Indholdsfortegnelse", ""]
    for n, it in enumerate(items, 1):
        acc = "Fortrolig" if it["confidential"] else "Offentlig"
        out.append(f"<b>{n} ({acc}) {'' if it['confidential'] else it['title']} .....</b>\t<b>{n + 1}</b>")
    out.append("")
    for n, it in enumerate(items, 1):
        if it["confidential"]:
            out += [f"{n} (Fortrolig)", "", it["case"], ""]
            continue
        out += [f"{'#' * rng.randint(1, 3)} {n} (Offentlig) {it['title']}", "", "---", "", it["contact"] + "  ", it["case"], ""]
        for head, key in (("Resumé", "resume"), ("Indstilling", "indstilling"), ("Sagsfremstilling", "sagsfremstilling"),
                          ("Beslutninger:", "decision")):
            out += [f"## {head}", ""] + [p + "\n" for p in it[key]] + ["---", ""]
        out += ["## Bilag", "", f"1. Bilag til sagen ({rng.randint(1000000, 1999999)} - {case_id(rng)})", ""]
    return "\n".join(out)


def pdf_minutes(rng, meta, items):
    out = []
    for n, it in enumerate(items, 1):
        if it["confidential"]:
            out += [f"{n} (Fortrolig)  ", " ", f"Sags ID: {it['case']}   ", " "]
            continue
        out += [f" {n} (Offentlig) {it['title']}  ", " ", "", f"   {it['contact']} ", f" {it['case']}  ", ""]
        for head, key in (("Resumé", "resume"), ("Indstilling", "indstilling"), ("Sagsfremstilling", "sagsfremstilling"),
                          ("Beslutninger:", "decision")):
            out.append(head + " ")
            for p in it[key]:
                words, line = p.split(), ""
                for w in words:  # wrap like PDF text
                    if len(line) + len(w) > 75:
                        out.append(line + " ")
                        line = ""
                    line += ("" if not line else " ") + w
                out += [line + " ", " "]
        out += ["Bilag ", ""]
    return "\n".join(out)


def page_text(rng, meta, items):
    out = [f"{meta['committee']} - mødesager", "", "Punkter på dagsordenen", ""]
    for n, it in enumerate(items, 1):
        out.append(f"  {n}. Lukket punkt." if it["confidential"] else f"  {n}. {it['label']}: {it['title']}")
    out += ["", "Medlemmer", ""]
    for n, it in enumerate(items, 1):
        if it["confidential"]:
            out += [f"{n}. Lukket punkt.", ""]
            continue
        out += [f"{n}. {it['label']}: {it['title']}", ""]
        for head, key in (("INDSTILLING", "indstilling"), ("POLITISK BEHANDLING", "decision"), ("BAGGRUND", "resume"),
                          ("SAGSFREMSTILLING", "sagsfremstilling")):
            out += [head, ""] + [p + "\n" for p in it[key]]
        out += ["POLITISK BESLUTNINGSPROCES", "", f"Sagen forelægges udvalget den {meta['long']}.", "",
                "JOURNALNUMMER", "", str(rng.randint(20000000, 26999999)), ""]
    return "\n".join(out)


def html_page(rng, meta, items):
    e = html.escape
    out = [f"<!doctype html><html><head><title>{e(meta['committee'])}</title></head><body>",
           f"<h1>{e(meta['committee'])} - referat</h1><p>Mødet den {e(meta['long'])}</p>"]
    for n, it in enumerate(items, 1):
        if it["confidential"]:
            out.append(f"<h2>{n}. Lukket punkt.</h2>")
            continue
        out.append(f"<h2>{n}. {e(it['label'])}: {e(it['title'])}</h2>")
        for head, key in (("INDSTILLING", "indstilling"), ("POLITISK BEHANDLING", "decision"),
                          ("SAGSFREMSTILLING", "sagsfremstilling")):
            out.append(f"<h3>{head}</h3>" + "".join(f"<p>{e(p)}</p>" for p in it[key]))
        out.append(f"<h3>JOURNALNUMMER</h3><p>{rng.randint(20000000, 26999999)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def agreement(rng, meta, items):
    out = [f"Aftale mellem regeringen, Danske Regioner og KL om {items[0]['title'].lower()}", "", f"D. {meta['long']}", ""]
    out += [f"{n}. {it['title']}" for n, it in enumerate(items, 1)] + [""]
    for n, it in enumerate(items, 1):
        out += [f"{n}. {it['title']}", ""] + [p + "\n" for p in it["sagsfremstilling"] + it["resume"]]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--indexer", required=True)
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "corpus"))
    a = ap.parse_args()
    pools = Pools(load_items(a.indexer, a.corpus))
    os.makedirs(a.out, exist_ok=True)
    manifest = ["# file\tdate\tcommittee\torganisation\tkind\turl"]
    layouts = [("md", markdown_minutes), ("txt", pdf_minutes), ("txt", page_text), ("html", html_page),
               ("md", markdown_minutes), ("txt", page_text), ("txt", agreement)]
    total = 0
    for d in range(a.docs):
        rng = random.Random(a.seed * 1_000_003 + d)
        y, m, day = rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)
        meta = {"committee": rng.choice(COMMITTEES), "org": rng.choice(ORGS), "dmy": f"{day:02d}-{m:02d}-{y}",
                "long": f"{day}. {MONTHS[m - 1]} {y}", "iso": f"{y}-{m:02d}-{day:02d}"}
        ext, layout = layouts[d % len(layouts)]
        items = [item_texts(rng, pools) for _ in range(rng.randint(3, 8))]
        if layout is agreement:
            for it in items:
                it["confidential"] = False
        text = layout(rng, meta, items)
        sub = f"{d // 1000:03d}"
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)
        name = f"{sub}/gen_{d:06d}.{ext}"
        data = text.encode("utf-8")
        if d % 20 == 7:
            name += ".gz"
            data = gzip.compress(data, mtime=0)
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(data)
        total += len(text.encode("utf-8"))
        kind = "referat" if layout is pdf_minutes else ""
        committee = meta["committee"] if layout in (pdf_minutes, agreement) else ""
        manifest.append(f"{os.path.basename(name)}\t{meta['iso'] if layout is pdf_minutes else ''}\t{committee}\t{meta['org']}\t{kind}\t")
        if d % 1000 == 999 or d == a.docs - 1:
            pass
    # one manifest per sub-folder (the indexer reads the file's own folder)
    by_dir = {}
    for line in manifest[1:]:
        fname = line.split("\t", 1)[0]
        num = int(fname[4:10])
        by_dir.setdefault(f"{num // 1000:03d}", []).append(line)
    for sub, lines in by_dir.items():
        with open(os.path.join(a.out, sub, "manifest.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join([manifest[0]] + lines) + "\n")
    print(f"gen_corpus: {a.docs} documents, {total / 1e6:.1f} MB of text in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
