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
