"""Cleaning drops page furniture: single lines ("Baca Juga: …") and, after a heading such as
"Trending On Reuters", the teasers of other stories down to the end of the page."""

from __future__ import annotations

from geokg.ingest.clean import clean_text

BODY = ("Russia sold arms to India, officials said.\n"
        "Read also: China and Japan sign a trade deal\n"
        "The United States imposed sanctions on Russia.")


def test_read_also_lines_go_and_the_body_stays() -> None:
    assert clean_text(BODY, "en") == ("Russia sold arms to India, officials said.\n"
                                      "The United States imposed sanctions on Russia.")


def test_everything_after_a_teaser_heading_goes() -> None:
    page = BODY + "\nTrending On Reuters\nBanking\nFrance and Germany agreed to cooperate."
    assert clean_text(page, "en") == clean_text(BODY, "en")


def test_teaser_headings_in_other_languages() -> None:
    assert clean_text("Rusia menjual senjata ke India.\nBerita Terkait:\nJepang mengecam "
                      "Tiongkok.", "id") == "Rusia menjual senjata ke India."
    chinese = "中国和俄罗斯签署协议。"
    assert clean_text(chinese + "\n作者最近文章\n美国制裁伊朗。", "zh") == chinese


def test_a_sentence_that_merely_mentions_trending_stays() -> None:
    line = "Trending on social media, the video showed Russian troops near the border of Ukraine."
    assert clean_text(line, "en") == line


def test_a_list_of_other_stories_with_their_times_goes() -> None:
    page = ("中国和俄罗斯签署协议。\n"
            "  - 习近平会见法国总统 2019-09-06 20:08 中国外交\n"
            "  - 美国制裁伊朗 2019-09-06 19:54\n"
            "- Russia and India sign an arms deal 2021-03-02 report\n"
            "日本批评朝鲜。")
    assert clean_text(page, "zh") == "中国和俄罗斯签署协议。\n日本批评朝鲜。"


def test_a_list_item_that_goes_on_after_its_date_stays() -> None:
    line = ("- 最后更新: 2019-09-07 09:27:48 "
            "中国和俄罗斯在北京签署了一项新的合作协议，双方表示将继续扩大贸易。")
    assert clean_text(line, "zh") == line
