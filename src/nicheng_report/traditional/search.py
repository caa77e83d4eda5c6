"""The 繁體 edition's search: its index in Traditional characters, and simplified queries.

The index is made by Material's search plugin from the simplified pages, cut into words by
jieba (whose dictionary is simplified, so it cuts the simplified text best); its titles and
texts are then converted with the word breaks kept (convert_segmented). A reader may type a
simplified query on the edition (调解 for 調解): the search worker is given a small map, made
from the edition's own text, that turns the query into the edition's characters before it
searches (worker_prelude). A character with more than one Traditional form in the text (复: 複,
覆, 復) is mapped by the two-character words it stands in, then by its commonest form.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from nicheng_report.traditional.convert import convert_segmented

HAN = re.compile(r"[\u3400-\u9fff]")
TAGS = re.compile(r"<[^>]*>")


def convert_index(site: Path, *, convert: Callable[[str], str]) -> None:
    """Rewrite `site`'s search index with its titles and texts in the edition's characters."""
    index = site / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data.get("docs", []):
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = convert_segmented(doc[field], convert=convert)
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def query_map(texts: Iterable[str], *, convert: Callable[[str], str]) -> tuple[dict[str, str], dict[str, str]]:
    """(characters, words): simplified → the edition's, learnt from `texts` (simplified HTML or text).
    Only what the edition's text holds: a query's other characters could not match anyway."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: list[tuple[str, str]] = []
    for text in texts:
        text = TAGS.sub(" ", text)
        converted = convert(text)
        if len(converted) != len(text):
            continue
        pairs.append((text, converted))
        for simple, traditional in zip(text, converted):
            if simple != traditional or HAN.match(simple):
                forms[simple][traditional] += 1
    chars = {simple: counts.most_common(1)[0][0] for simple, counts in sorted(forms.items())
             if counts.most_common(1)[0][0] != simple}
    ambiguous = {simple for simple, counts in forms.items() if len(counts) > 1}
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for text, converted in pairs:
        for at, simple in enumerate(text):
            if simple not in ambiguous:
                continue
            for start in (at - 1, at):
                word, form = text[start:start + 2], converted[start:start + 2]
                if start >= 0 and len(word) == 2 and HAN.match(word[0]) and HAN.match(word[1]):
                    words[word][form] += 1
    plain = {word: "".join(chars.get(c, c) for c in word) for word in words}
    chosen = {word: counts.most_common(1)[0][0] for word, counts in sorted(words.items())}
    return chars, {word: form for word, form in chosen.items() if form != plain[word]}


# Material's worker reads each message's `data`; a query is {type: 2, data: "…"}.
PRELUDE = """// The Traditional edition: a simplified query is turned into its characters first
// (nicheng_report.traditional.search).
(()=>{const c=%s,w=%s,q=s=>{let o="";for(let i=0;i<s.length;){const p=s.slice(i,i+2);if(p in w){o+=w[p];i+=2}else{o+=c[s[i]]||s[i];i+=1}}return o};const a=self.addEventListener.bind(self);self.addEventListener=(t,f,x)=>a(t,t==="message"?e=>f(e.data&&e.data.type===2&&typeof e.data.data==="string"?{data:{type:2,data:q(e.data.data)}}:e):f,x)})();
"""


def worker_prelude(chars: dict[str, str], words: dict[str, str]) -> str:
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # noqa: E731
    return PRELUDE % (dump(chars), dump(words))
