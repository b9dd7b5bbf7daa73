"""Reading a page does not depend on what was read before in the same process: the same page
read many times (a re-ingest, a feed seen again, a long-running batch) gives the same text."""

from __future__ import annotations

from geokg.ingest.html import extract_page

PARAGRAPHS = [
    "Russia and India signed an agreement on the supply of air defence systems on Monday, "
    "officials in New Delhi said after the talks had ended.",
    "The United States criticised the deal and warned that it could impose sanctions on "
    "companies taking part in the sale of the weapons.",
    "China said it would deepen its cooperation with Russia in energy and trade, according "
    "to a statement published by the foreign ministry in Beijing.",
]
PAGE = ("<html lang='en'><head><title>Russia and India sign air defence deal</title></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Russia and India sign air defence "
        "deal</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
        "<footer>© News Site</footer></body></html>")


def test_the_same_page_read_again_and_again_gives_the_same_text() -> None:
    texts = {extract_page(PAGE).text for _ in range(6)}
    assert len(texts) == 1
    (text,) = texts
    assert all(p in text for p in PARAGRAPHS)
