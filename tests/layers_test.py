#!/usr/bin/env python3
"""The layers of core/ point one way (docs/architecture.md): the read side
(search, the searcher program) never includes the writer (index/), and the
schema and store layers that both sides share include neither. A new
#include across a layer fails here, naming the file and line."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# layer -> the layers it may include (besides itself and system headers).
# io/ is bytes and errors; parse/ also holds vocabularies both sides read
# (decision outcomes, Danish dates, case IDs). index/ is the writer.
ALLOWED = {
    "core/util": {"util"},
    "core/model": {"util"},
    "core/text": {"util", "io"},
    "core/schema": {"util", "io", "model", "text", "parse"},
    "core/store": {"util", "io", "model", "text", "schema"},
    "core/search": {"util", "io", "model", "text", "schema", "store", "parse"},
    "searcher": {"util", "io", "model", "text", "schema", "store", "search", "parse"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')

failures = []
for layer, allowed in ALLOWED.items():
    for folder, _, files in os.walk(os.path.join(ROOT, layer)):
        for name in sorted(files):
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) not in allowed and m.group(1) != os.path.basename(layer):
                        failures.append(f"{os.path.relpath(path, ROOT)}:{number}: {layer} includes {m.group(1)}/")
for f in failures:
    print("FAILED " + f)
print(f"{len(failures)} include(s) across the layers" if failures else "ok     every include points down the layers")
sys.exit(1 if failures else 0)
