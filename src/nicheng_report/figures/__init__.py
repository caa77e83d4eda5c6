"""The statistics of the report, independent of any site generator.

load_report_data() reads and validates a year's data file and computes the
derived figures; formatting, charts and opendata turn them into text, chart
geometry and open-data files. The MkDocs hooks in ../ only wire these in.
"""

from .data import Figure, FigureDataError, ReportData, load_report_data
from .formatting import format_figure, format_number, unit_label

__all__ = ["Figure", "FigureDataError", "ReportData", "load_report_data", "format_figure", "format_number", "unit_label"]
