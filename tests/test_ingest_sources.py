"""Reading inputs: the real web pages of ../shared/eval/dev/html through trafilatura (text
without page furniture, the page's own metadata), encodings, and standard input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.ingest.html import extract_page
from geokg.ingest.sources import Document, Reader, decode_text

# page → (date, language, title start, a sentence of the article, junk that must be gone)
PAGES = {
    "de/trafilatura-wdr-german-weapons-for-russia": (
        "2023-11-06", "de", "Correctiv-Recherche: Deutsche Waffen",
        "Über Drittstaaten gelangten die Waffen dann nach Russland.",
        ["Studios in NRW", "Impressum", "Datenschutz"]),
    "de/trafilatura-bundespolizei-migration-belarus-poland": (
        "2021-11-10", "de", "Illegale Migration aus Belarus",
        "mit einem Bezug zu Belarus", ["Navigation", "Inhalt"]),
    "en/goose3-foxnews-russia-iran-nuclear-fuel": (
        "2010-08-14", "en", "Russia's Nuclear Help to Iran",
        "Russia's announcement that it will help Iran get nuclear fuel",
        ["You must login to comment", "Privacy Policy"]),
    "en/trafilatura-ticotimes-us-latam-migration-deal": (
        "2022-04-21", "en", "United States seeks agreement on migration",
        "The United States is seeking to reach a firm agreement",
        ["Related posts", "Leave a Reply", "Subscribe"]),
    "es/trafilatura-elheraldo-honduras-exleader-extradited-us": (
        "2022-04-26", "es", "¿Cuál sería el papel",
        "Tras la extradición del expresidente de Honduras", ["Suscríbete", "Comentarios"]),
    "pl/trafilatura-energetyka24-russia-poland-gas": (
        "2021-05-11", None, "Rosjanie sugerują natychmiastowe",
        "Rosyjskie media biją na alarm", ["Masakra", "Dokładnie tak i nikt za to nie siedzi"]),
    "zh/gne-guancha-us-china-trade-war-opinion": (
        "2019-09-07", "zh", "王文：中美贸易“持久战”",
        "中美贸易战正在变成一场持久战",
        ["相关推荐", "全部评论", "我要评论", "习近平会见德国总理默克尔"]),
    "en/newspaper-reuters-airasia-search-us-warship": (
        "2014-12-30", None, "Indonesia expands search",
        "Countries around Asia on Tuesday stepped up the search",
        ["Tweet this", "Share this", "Reprints", "Reuters India Mobile"]),
}


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(PAGES))
def test_real_pages(shared: Path, name: str):
    date, language, title, sentence, junk = PAGES[name]
    page = extract_page((shared / "eval/dev/html" / f"{name}.html").read_bytes())
    assert page.date == date
    assert page.language == language  # None: the page names none; detection decides
    assert page.title.startswith(title)
    assert sentence in page.text
    for furniture in junk:
        assert furniture not in page.text


@pytest.mark.eval
def test_every_shared_page_gives_text_and_a_date(shared: Path):
    pages = sorted((shared / "eval/dev/html").glob("*/*.html"))
    assert pages
    for path in pages:
        page = extract_page(path.read_bytes())
        assert len(page.text) > 500, path
        assert page.date and page.date[:2] in ("20", "19"), path


@pytest.mark.eval
def test_html_metadata_reaches_the_document(shared: Path):
    path = shared / "eval/dev/html/de/trafilatura-wdr-german-weapons-for-russia.html"
    [doc] = list(Reader().read([str(path)]))
    assert isinstance(doc, Document)
    assert (doc.language, doc.date, doc.author, doc.sitename) == (
        "de", "2023-11-06", "Sabine Schmitt", "Westdeutscher Rundfunk Köln")
    assert doc.url == ("https://www1.wdr.de/nachrichten/"
                       "correctiv-recherche-deutsche-waffen-fuer-russland-100.html")


@pytest.mark.eval
def test_ingest_the_html_folder(shared: Path):
    result = CliRunner().invoke(main, ["ingest", str(shared / "eval/dev/html")])
    assert result.exit_code == 0, result.output
    count = len(list((shared / "eval/dev/html").glob("*/*.html")))
    assert result.stdout.startswith(f"articles: {count} new, 0 unchanged, 0 failed")
    stats = json.loads(CliRunner().invoke(main, ["stats", "--format", "json"]).output)
    assert stats["articles"] == count


def test_decode_utf8_and_bom():
    assert decode_text("Grüße".encode()) == ("Grüße", None)
    assert decode_text(b"\xef\xbb\xbfhello") == ("hello", None)
    assert decode_text("Grüße".encode("utf-16")) == ("Grüße", None)


def test_decode_legacy_single_byte_with_a_note():
    text, note = decode_text("Le président français a visité la Côte d’Ivoire.".encode("cp1252"))
    assert text == "Le président français a visité la Côte d’Ivoire."
    assert note == "not UTF-8; read as Windows-1252"


def test_decode_refuses_mixed_encodings():
    data = "Grüße aus Köln, ".encode() + "und Zürich".encode("latin-1")
    with pytest.raises(ValueError, match=r"^mixed encodings \(UTF-8 with invalid bytes, "
                                         r"the first at offset 24\)$"):
        decode_text(data)


def test_stdin_text():
    result = CliRunner().invoke(main, ["ingest", "-"],
                                input="Russia sold fighter jets to India on Thursday.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles: 1 new")


def test_stdin_jsonl():
    records = [{"id": "a", "text": "Russia sold fighter jets to India.", "date": "2021-03-04"},
               {"id": "b", "text": "China criticised the agreement with India."},
               {"id": "c"}]
    result = CliRunner().invoke(main, ["ingest", "-"],
                                input="\n".join(json.dumps(r) for r in records) + "\n")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == ['error: <stdin>:3: record has no "text"']
    assert result.stdout.startswith("articles: 2 new, 0 unchanged, 1 failed")


def test_empty_stdin():
    result = CliRunner().invoke(main, ["ingest", "-"], input="  \n")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == ["error: <stdin>: empty input"]


def test_no_input_is_a_usage_error():
    result = CliRunner().invoke(main, ["ingest"])
    assert result.exit_code == 2
    assert "give at least one PATH, URL, - (standard input) or --feed" in result.stderr
