"""The 繁體 edition: the simplified Chinese site converted to Traditional characters at build time.

OpenCC's `s2t` (its standard Traditional characters, character for character, no regional
vocabulary such as 信息→資訊), corrected by the project's phrase table
(docs/data/traditional.yml). What a reader sees is converted after rendering: the text and
reader-visible attributes of each page (convert_html), the search index (search_index), and
simplified queries typed on the edition are turned into its characters in the search worker
(query_map). The text is never stored twice: docs/zh/ is the one source.
"""
