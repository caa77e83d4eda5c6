"""The statistics of the report, independent of any site generator.

load_report_data() reads a year's data file (yamlfile), validates it (schema,
with staff messages from messages) and computes its figures (compute);
formatting, charts and opendata turn them into text, chart geometry and
open-data files. The modules the MkDocs hook wires in (years, pages, markers,
placeholders, snippets, sections, jsonld) hold the rest, without MkDocs.
"""

from .loading import load_report_data
from .messages import FigureDataError
from .model import Figure, ReportData
from .formatting import format_figure, format_number, unit_label

__all__ = ["Figure", "FigureDataError", "ReportData", "load_report_data", "format_figure", "format_number", "unit_label"]
