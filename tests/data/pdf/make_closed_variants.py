#!/usr/bin/python3
"""Writes tests/data/pdf/closed/*.pdf: one minutes print per way a PDF marks an
item closed, each with items 1-3 on pages of their own and the closed text
"kanarie..." in item 2 (or, for stamps on every page, in every item). The
PDFs are committed; run this with Debian's python3-reportlab after changing
it:  /usr/bin/python3 tests/data/pdf/make_closed_variants.py"""
import os
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "closed")
W, H = A4


def item_page(c, n, title, closed_text, extra=None):
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, H - 90, f"Punkt {n}: {title}")
    if extra:
        extra(c)
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 110, f"24/100{n}")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, H - 140, "Sagsfremstilling")
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 155, closed_text if closed_text else f"Offentlig tekst om punkt {n} og cykelstier.")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, H - 185, "Beslutninger")
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 200, "Godkendt.")


def write(name, header=None, mark2=None, every_item_closed=False):
    c = canvas.Canvas(os.path.join(HERE, name), pagesize=A4, invariant=1)
    titles = {1: "Godkendelse af dagsorden", 2: "Salg af grund ved havnen", 3: "Trafikplan for midtbyen"}
    for n in (1, 2, 3):
        c.setFont("Helvetica", 8)
        c.drawString(50, H - 30, "REFERAT Teknik- og Miljøudvalget d. 04-03-2025")
        if header:
            c.drawString(W - 150, H - 30, header)
        c.drawString(W - 110, 30, f"Side {n} af 3")
        secret = f"kanarie{n} fortroligt grundkøb" if (n == 2 or every_item_closed) else None
        item_page(c, n, titles[n], secret, mark2 if n == 2 else None)
        c.showPage()
    c.save()


def right_aligned(c):
    c.setFont("Helvetica-Bold", 14)
    c.drawRightString(W - 60, H - 90, "Lukket")


def letter_spaced(c):
    c.setFont("Helvetica-Bold", 11)
    x = 60
    for ch in "LUKKET PUNKT":
        c.drawString(x, H - 125, ch)
        x += 14 if ch != " " else 20


def watermark(c):
    c.saveState()
    c.setFont("Helvetica-Bold", 60)
    c.setFillGray(0.85)
    c.translate(W / 2, H / 2)
    c.rotate(45)
    c.drawCentredString(0, 0, "FORTROLIGT")
    c.restoreState()


def line(text):
    def draw(c):
        c.setFont("Helvetica", 10)
        c.drawString(60, H - 125, text)
    return draw


def main():
    os.makedirs(HERE, exist_ok=True)
    for n, h in (("fortroligt", "FORTROLIGT"), ("lukket-punkt", "Lukket punkt"),
                 ("lukket-dagsorden", "Lukket dagsorden")):
        write(f"header-{n}.pdf", header=h, every_item_closed=True)
    write("right-aligned.pdf", mark2=right_aligned)
    write("letter-spaced.pdf", mark2=letter_spaced)
    write("watermark.pdf", mark2=watermark)
    for n, text in (("sagen-er-lukket", "Sagen er lukket."),
                    ("jf", "Lukket punkt jf. styrelseslovens § 10"),
                    ("behandles-som", "Punktet behandles som lukket punkt"),
                    ("lukkede-doere", "Sagen behandles for lukkede døre.")):
        write(f"line-{n}.pdf", mark2=line(text))


if __name__ == "__main__":
    main()
