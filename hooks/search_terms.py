"""Teach jieba the local and legal terms of the report, for Chinese search.

Material's search plugin segments Chinese text with jieba; without these words
a query such as 文元调解工作室 or 双随机一公开 would not match the passage. The
terms come from the glossary (docs/data/glossary.yml) plus a few search-only
words below, so no dictionary file path depends on the working directory.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.search_terms")
jieba.setLogLevel(logging.WARNING)

# Words residents search for that are not glossary entries.
EXTRA_TERMS = (
    "泥城镇", "泥城", "文元调解工作室", "文元工作室", "三所联动", "法到家", "管家公婆", "八方会谈",
    "双随机一公开", "保交楼", "万达未来城", "宪法广场", "红色泥城主题馆", "公平村", "秋雨路",
    "云夏路", "三合一", "述法", "法律明白人", "法治带头人", "枫桥经验", "行政复议", "行政诉讼",
    "法律援助", "人民调解", "政务公开", "依申请公开", "公益诉讼", "检察建议书", "合法性审查",
    "重大行政决策", "规范性文件", "法治政府", "习近平法治思想", "宪法宣传周", "第一责任人",
    "民转刑", "公共法律服务", "法律顾问", "调解成功率", "出庭应诉", "主动公开率", "普法宣传",
    "四个责任制", "以案释法", "红色+法治", "点线面", "行政执法", "执法监督", "保密", "乡村徒步",
    "法治徒步", "调解员", "矛盾纠纷", "营商环境", "民法典", "述职", "学法用法",
)

_loaded: set[str] = set()


def glossary_terms(config_dir: Path) -> list[str]:
    path = config_dir / "docs" / "data" / "glossary.yml"
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise PluginError(f"{path}: the glossary cannot be read as YAML: {error}") from None
    return [str(entry["zh"]) for entry in data.get("terms", []) if isinstance(entry, dict) and entry.get("zh")]


def on_config(config: MkDocsConfig) -> None:
    config_dir = Path(config.config_file_path).parent
    for term in (*EXTRA_TERMS, *glossary_terms(config_dir)):
        if term not in _loaded:
            # A high frequency keeps the term whole even where jieba's own
            # dictionary would split it.
            jieba.add_word(term, freq=100000)
            _loaded.add(term)
    return None
