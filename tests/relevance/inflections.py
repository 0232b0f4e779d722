#!/usr/bin/env python3
"""Singular, plural and definite forms of the commonest nouns of a corpus:
do they meet on one stem? Nouns are found with Debian's Danish word list
(wdanish, /usr/share/dict/danish): a word is a noun when the list has its
definite and plural forms. Stems come from the real pipeline
(`searcher --analyze --json`), overrides included.

    tests/relevance/inflections.py SEARCHER CORPUS... [--nouns 200] [--propose]

Prints the misses; --propose prints stem_overrides.tsv lines that join each
paradigm on the stem most of its forms share."""
import collections, json, os, re, subprocess, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
nouns_wanted = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--nouns=")), 200))
propose = "--propose" in sys.argv
searcher, corpora = args[0], args[1:]
dictionary = set(w.strip() for w in open("/usr/share/dict/danish", encoding="utf-8") if w.strip().islower())

words = collections.Counter()
for root in corpora:
    for dirpath, _, files in os.walk(root):
        for f in files:
            try:
                text = open(os.path.join(dirpath, f), encoding="utf-8").read().lower()
            except (UnicodeDecodeError, OSError):
                continue
            words.update(re.findall(r"[a-zæøåéü]{3,}", text))


def paradigm(lemma):
    """The forms of a noun the word list has: definite, plural, definite plural."""
    endings = [("en", "et", "n", "t"), ("er", "e", "r"), ("erne", "ene", "rne", "ne")]
    forms = [lemma]
    for group in endings:
        for e in group:
            if lemma + e in dictionary:
                forms.append(lemma + e)
                break
        else:
            return None
    return forms


def lemma_of(w):
    # The singular must itself be a word of the corpus: the word list's
    # chance paradigms of verbs and short words ("vær", "sig") are not nouns.
    for cut in (4, 3, 2, 1, 0):
        base = w[:-cut] if cut else w
        if len(base) >= 4 and base in dictionary and words[base] >= 2 and paradigm(base):
            return base
    return None


lemmas = []
for w, _ in words.most_common():
    l = lemma_of(w)
    if l and l not in lemmas:
        lemmas.append(l)
    if len(lemmas) >= nouns_wanted:
        break
forms = {l: paradigm(l) for l in lemmas}
all_forms = sorted({f for fs in forms.values() for f in fs})
out = subprocess.run([searcher, "--analyze", "--json", "--", " ".join(all_forms)], capture_output=True, text=True)
stem = {t["token"]: t["stem"] for t in json.loads(out.stdout)}
misses = sg_pl = definite = 0
proposals = []
for l in lemmas:
    fs = forms[l]
    stems = [stem.get(f, f) for f in fs]
    if len(set(stems)) == 1:
        continue
    misses += 1
    sg_pl += stems[0] != stems[2]
    definite += stems[0] != stems[1]
    print(f"miss: {l}: " + ", ".join(f"{f}->{s}" for f, s in zip(fs, stems)))
    best = collections.Counter(stems).most_common()
    target = best[0][0] if best[0][1] > 1 else stems[0]
    proposals += [f"{f}\t{target}" for f, s in zip(fs, stems) if s != target]
print(f"{len(lemmas)} nouns, {len(all_forms)} forms: {misses} paradigms split over stems "
      f"({sg_pl} singular/plural, {definite} definite)")
if propose:
    print("\n".join(proposals))
