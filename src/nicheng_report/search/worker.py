"""Material's search worker, patched in four places (hooks/search_worker.py publishes it).

1. Let a Chinese query match a whole indexed word. Material's worker splits each
   run of Han characters in a query into words found in the index, but its loop
   stops one character short (`o<t.length`), so the whole query is never tried as
   a word: 文元调解工作室 became 文元调解工作* and 法到家 became 法* 到*. Fixed: `o<=t.length`.

2. Put the passage that has the query verbatim first (issue #16). lunr scores each
   word of a query on its own, so a passage holding 矛盾调处率达到95%以上 lost to a
   page where 矛盾 and 调处 are merely frequent. After lunr's score, a section whose
   text or title holds the whole query as typed, jieba's word breaks and the
   index's separators ignored, has its score multiplied by VERBATIM. Word
   boundaries count for non-Han queries ("legal aid" is not found in "illegal
   aide"), not between Han characters, which have none. The same for every
   language edition: nothing here names a language.

3. Count every word of a Chinese query as found. The worker joined the words it
   cut from a query with "* ", and then added its own "*" to each, so every word
   but the last became 矛盾**, which its tally of found words never matched: each
   result said 缺少: 矛盾* ("missing") under a highlighted 矛盾, and Material's bonus
   for results holding all the query's words only counted the last one. Joined
   with " ", each word gets the one "*" (the same prefix match as before).

4. Weigh a page that is one piece like a passage (issue #16). Material multiplies a
   result's score by 1 + g², where g counts the query's words found (0 to 1) plus 1
   for a page's own document: 5× instead of 2× when every word is found. A page's
   own document is normally its title and the few lines before its first heading,
   its sections being documents of their own. A page with no sections (the glossary
   is the only one) is indexed whole, so its own document is all its text, and the
   extra weight lifted every term it explains above the report's passage that uses
   it ("explaining the law through cases", "Law at Home"). Fixed: the extra 1 counts
   only for a page that has sections in the index; a page of one piece is scored as a
   passage. Nothing here names a page: it follows from the index.

The fixed copy is published under a new fingerprint (so caches never serve the old
one) and the pages point at it. If Material's worker no longer has each exact piece
of code patched here, the build stops, so an upgrade cannot silently drop a fix.
"""

from __future__ import annotations

from nicheng_report.errors import StaffError

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
WORKERS = "assets/javascripts/workers"

# Tuned on the tuning half of tests/search_queries.yml (python -m nicheng_report search-ranking).
# Any factor from 3 to 16 gave the same ranking there; without it, 3 of 66 tuning queries missed.
VERBATIM = 6

# Put before Material's code (still run in strict mode): the factor for a document
# that holds the query verbatim, its plain title and text normalised once per document;
# and whether a page has sections in the index (the pages found once per index).
VERBATIM_JS = r""""use strict";var nichengVerbatim=(()=>{const plain=new Map,han=/^\p{sc=Han}/u;let sep;
const norm=s=>String(s||"").replace(/<[^>]*>/g," ").replace(sep||=new RegExp(lunr.tokenizer.separator.source,"g")," ")
.replace(/(\p{sc=Han}) (?=\p{sc=Han})/gu,"$1").trim().toLowerCase();
const holds=(t,q)=>han.test(q)?t.includes(q):(" "+t).includes(" "+q);
return(doc,query)=>{const q=norm(query);if(!doc||!q)return 1;
let p=plain.get(doc);if(!p)plain.set(doc,p=[norm(doc.title),norm(doc.text)]);
return holds(p[0],q)||holds(p[1],q)?%(verbatim)s:1}})();
var nichengSplit=(()=>{const pages=new WeakMap;return(map,location)=>{let split=pages.get(map);
if(!split){split=new Set;for(const doc of map.values())if(doc.parent)split.add(doc.parent.location);pages.set(map,split)}
return split.has(location)}})();
""" % {"verbatim": VERBATIM}

# (what it does, Material's code, the patched code): each must occur exactly once.
PATCHES = (
    ("whole-word Chinese queries", BUGGY, FIXED),
    ("every word of a Chinese query counted as found",
     'invertedIndex)].join("* ")', 'invertedIndex)].join(" ")'),
    ("the query as typed, kept for the verbatim check",
     "search(e){if(e=e.replace(", "search(e){let nichengQuery=e;if(e=e.replace("),
    ("verbatim passages first",
     "{score:a*(1+K(g,2)),terms:f}", "{score:a*(1+K(g,2))*nichengVerbatim(this.map.get(o),nichengQuery),terms:f}"),
    ("a page of one piece weighed like a passage",
     "let g=+!c.parent+Object.values(f)",
     "let g=+(!c.parent&&nichengSplit(this.map,c.location))+Object.values(f)"),
)


def patch_worker(source: str) -> str:
    for purpose, original, patched in PATCHES:
        if source.count(original) != 1:
            raise StaffError(
                f"Material's search worker has changed, so nicheng_report/search/worker.py cannot apply its fix "
                f"for {purpose} (it looks for {original!r}). Fix: check whether the new Material version still "
                "needs the fix (see the module's docstring), then update or remove it in "
                "nicheng_report/search/worker.py. / 修改：Material 的搜索脚本已变，请按 nicheng_report/search/worker.py "
                "的说明更新或删除这项修补。"
            )
        source = source.replace(original, patched)
    # Drop the source map reference: the map describes the unpatched code.
    lines = source.splitlines()
    return VERBATIM_JS + "\n".join(line for line in lines if not line.startswith("//# sourceMappingURL=")) + "\n"
