"""Language identification: the supported languages are told apart, and text plainly in
another language is refused with one line instead of being read as the nearest supported one
(Japanese as Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.ingest.language import detect_language
from tests.conftest import SEED

SUPPORTED_LINE = "(supported: ar, de, en, es, fr, id, pl, pt, ru, zh)"


@pytest.mark.parametrize(("text", "language"), [
    ("Russia and China signed an agreement on energy cooperation on Monday.", "en"),
    ("Rusia menjual senjata ke India, kata pejabat pemerintah pada hari Senin.", "id"),
    ("Rosja i Chiny podpisały w poniedziałek porozumienie o współpracy energetycznej.", "pl"),
    ("Россия и Китай подписали в понедельник соглашение о сотрудничестве.", "ru"),
    ("中国和俄罗斯周一签署了能源合作协议。", "zh"),
    ("وقعت روسيا والصين اتفاقية للتعاون في مجال الطاقة يوم الاثنين.", "ar"),
    # Short capitalised headlines fool the full classifier (it says Aragonese), not us.
    ("TRANSPORTISTAS SE MOVILIZAN CONTRA LA NUEVA POLITICA DEL GOBIERNO", "es"),
])
def test_supported_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(("text", "language"), [
    ("日本政府は、ロシアに対する制裁を強化すると発表した。首相は記者会見で述べた。", "ja"),
    ("Türkiye ve Rusya, enerji alanında yeni bir anlaşma imzaladı. Bakan açıklama yaptı.", "tr"),
    ("Việt Nam và Trung Quốc đã ký thỏa thuận hợp tác kinh tế mới trong tuần này.", "vi"),
])
def test_other_languages_are_named(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_unsupported_article_fails_alone(tmp_path: Path) -> None:
    japanese = tmp_path / "nikkei.txt"
    japanese.write_text("日本政府は、ロシアに対する制裁を強化すると発表した。岸田首相は記者会見"
                        "で、中国との協力も続けると述べた。", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(japanese), str(SEED)])
    assert result.exit_code == 3
    assert result.stderr == f"error: {japanese}: language 'ja' is not supported {SUPPORTED_LINE}\n"
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 1 failed;")
