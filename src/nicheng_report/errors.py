"""Problems that stop the build, explained for the person who can fix them.

Above all mistakes staff can make: each names the file (and the line or key),
what is wrong and the fix, in Chinese and English. Also a dependency that
changed under one of our patches (Material's search worker). The package raises StaffError; the MkDocs hooks
turn it into a PluginError, which stops the build with that message and no
traceback (nicheng_report.mkdocs_adapter).
"""

from __future__ import annotations


class StaffError(Exception):
    """A mistake in the project's content or data, with its explanation as the message."""


def staff_message(where: str, *, problem: tuple[str, str], fix: tuple[str, str]) -> str:
    """The one layout of a message for staff: where (file, line), then the problem and the fix,
    each in Chinese on its own line and in English on the next. `problem` and `fix` are (zh, en)."""
    return (f"{where}\n"
            f"  问题：{problem[0]}\n  Problem: {problem[1]}\n"
            f"  修改：{fix[0]}\n  Fix: {fix[1]}")


def place(path: str, line: int | str | None = None) -> str:
    """`docs/zh/2024/measures.md, line 12 / 第12行`: the file and line a message is about."""
    return f"{path}, line {line} / 第{line}行" if line not in (None, "", "?") else path
