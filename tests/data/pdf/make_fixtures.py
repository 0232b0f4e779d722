#!/usr/bin/python3
"""Writes the PDF fixtures from the text below with Debian's python3-reportlab
(apt-get install python3-reportlab): a FirstAgenda-style print of minutes
over three pages (running header and footer "Side N af M", a wrapped item
title, the case number under the heading, a closed item "Punkt N: Lukket:"),
an encrypted PDF, a PDF of images only, a damaged PDF and a small PDF that
takes poppler a minute. The PDFs are
committed, so the tests need no reportlab; run this after changing the text.
    /usr/bin/python3 tests/data/pdf/make_fixtures.py"""
import os
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.rl_config import defaultPageSize

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = A4

# (style, text): h = bold 14 pt heading, b = bold body size, t = body text, gap = blank space, page = new page
MINUTES = [
    ("h", "REFERAT Teknik- og Miljøudvalget d. 04-03-2025"),
    ("t", "Mødedato tirsdag d. 4. marts 2025 kl. 16:00"),
    ("t", "Mødested Rådhuset, mødelokale 2"),
    ("gap", ""),
    ("h", "Punkt 1: Godkendelse af dagsorden"),
    ("t", "24/1001"),
    ("gap", ""),
    ("b", "Beslutninger"),
    ("t", "Dagsordenen blev godkendt."),
    ("gap", ""),
    ("h", "Punkt 2: Ny plan for cykelstier og sikre skoleveje i den"),
    ("h", "nordlige bydel"),
    ("t", "24/2002"),
    ("gap", ""),
    ("b", "Sagsforløb"),
    ("t", "Forvaltningen har udarbejdet en plan for nye cykelstier langs"),
    ("t", "skolevejene i den nordlige bydel. Planen omfatter seks strækninger."),
    ("gap", ""),
    ("b", "Beslutningspunkter"),
    ("t", "Forvaltningen indstiller, at udvalget godkender planen."),
    ("gap", ""),
    ("b", "Beslutninger"),
    ("t", "Godkendt. Et flertal stemte for."),
    ("gap", ""),
    ("b", "Bilag"),
    ("t", "1. Kort over strækningerne"),
    ("page", ""),
    ("h", "Punkt 3: Lukket: Salg af grund ved havnen"),
    ("t", "24/3003"),
    ("gap", ""),
    ("t", "Zebrafinkeavl og narhvalsbudget i den lukkede sag."),
    ("gap", ""),
    ("h", "Punkt 4: Orientering om vintervedligeholdelse"),
    ("t", "24/4004"),
    ("gap", ""),
    ("b", "Baggrund"),
    ("t", "Saltning af veje og cykelstier i vinteren 2024/25 kostede 3,2 mio. kr."),
    ("gap", ""),
    ("b", "Beslutninger"),
    ("t", "Orienteringen blev taget til efterretning."),
]


def write_pages(path, lines, encrypt=None):
    c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt, invariant=1)
    pages = [[]]
    for style, text in lines:
        if style == "page":
            pages.append([])
        else:
            pages[-1].append((style, text))
    for n, page in enumerate(pages, 1):
        c.setFont("Helvetica", 8)
        c.drawString(50, H - 30, "Teknik- og Miljøudvalget, referat 4. marts 2025")
        c.drawString(W - 110, 30, f"Side {n} af {len(pages)}")
        y = H - 80
        for style, text in page:
            if style == "gap":
                y -= 14
                continue
            font = {"h": ("Helvetica-Bold", 14), "b": ("Helvetica-Bold", 10), "t": ("Helvetica", 10)}[style]
            c.setFont(*font)
            c.drawString(60, y, text)
            y -= font[1] + 5
        c.showPage()
    c.save()


def main():
    write_pages(os.path.join(HERE, "firstagenda_referat.pdf"), MINUTES)
    write_pages(os.path.join(HERE, "encrypted.pdf"), MINUTES[:6], encrypt="hemmeligt")
    c = canvas.Canvas(os.path.join(HERE, "images_only.pdf"), pagesize=A4, invariant=1)
    for _ in range(2):
        c.setFillGray(0.5)
        c.rect(50, 50, 400, 600, fill=1)  # a scanned page: graphics, no text
        c.showPage()
    c.save()
    # 9 KB whose text runs overlap: poppler's layout analysis takes a minute
    # on it (the indexer stops it at its time limit). Kept out of tests/data,
    # which the parser fuzzer replays in-process.
    c = canvas.Canvas(os.path.join(HERE, "..", "..", "e2e", "data", "slow_overlap.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for i in range(20000):
        c.drawString(100 + (i % 7) * 0.3, 500 + (i % 5) * 0.2, "Punkt overlap tekst")
    c.showPage()
    c.save()
    with open(os.path.join(HERE, "firstagenda_referat.pdf"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "damaged.pdf"), "wb") as f:
        f.write(data[:200])


if __name__ == "__main__":
    main()
