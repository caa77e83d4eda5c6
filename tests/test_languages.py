"""nicheng_report.languages: the one table of the site's languages, and the twin links it gives."""

from __future__ import annotations

import yaml

from conftest import ROOT
from nicheng_report.languages import AUTHORED, LANGUAGES, ORIGINAL, language_of_site_path, twin_url


def test_every_language_has_its_config_and_folder() -> None:
    for language in LANGUAGES:
        config = yaml.load((ROOT / language.config).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert config.get("extra", {}).get("lang") == language.code, language.config
        assert (ROOT / language.docs).is_dir()
    assert ORIGINAL.folder == "" and ORIGINAL.code == "zh"


def test_twin_links_go_to_the_same_page_in_the_other_language() -> None:
    assert twin_url("2024/measures/", lang="zh", other="en") == "../../en/2024/measures/"
    assert twin_url("2024/measures/", lang="en", other="zh") == "../../../2024/measures/"
    assert twin_url("", lang="zh", other="en") == "en/"
    assert twin_url("", lang="en", other="zh") == "../"


def test_the_language_of_a_path_in_the_whole_site() -> None:
    assert language_of_site_path("/en/2024/").code == "en"
    assert language_of_site_path("/2024/").code == "zh"
    assert language_of_site_path("/english/").code == "zh"


def test_the_traditional_edition_is_built_from_the_chinese_pages_under_its_own_prefix() -> None:
    edition = language_of_site_path("/zh-hant/2024/")
    assert (edition.code, edition.hreflang, edition.source, edition.docs) == ("zh-Hant", "zh-Hant", "zh", "docs/zh")
    assert twin_url("2024/measures/", lang="zh-Hant", other="zh") == "../../../2024/measures/"
    assert twin_url("2024/measures/", lang="en", other="zh-Hant") == "../../../zh-hant/2024/measures/"
    assert [language.code for language in AUTHORED] == ["zh", "en"]
