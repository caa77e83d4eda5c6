"""The engine-neutral Markdown stage, for site engines that run no hooks (Zensical).

What the MkDocs hooks do to a page's Markdown (the whole report on the print page,
figures and markers, the glossary table, page dates, the content checks, the
nav's `- YEAR:` pattern with labels from the pages, the same-page language link)
is done here, with the same package functions the hooks call, into a staging
project: finished Markdown in its docs folder and a config (mkdocs.yml, merged from
INHERIT, hooks left out) that any engine reading MkDocs' format can build.

- config.py: a language's config as MkDocs reads it (INHERIT, !ENV), and the generated one.
- pages.py: one page's Markdown stage.
- stage.py: one language's staging project, every page, the open data and the checks.
"""
