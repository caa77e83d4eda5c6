"""泥城镇法治政府建设情况报告: the report site's own code, independent of the site engine.

The MkDocs hooks in hooks/ and the commands (`python -m nicheng_report build`,
`serve`, `new-year`, `check-translations`, `screenshots`, `bench`) call it; so
do the tests. `figures` is the statistics core; `languages` the one table of
the site's languages.
"""
