"""Every year's data file of a project, loaded and validated, kept while unchanged
(`make serve` rebuilds reuse the figures of files nobody edited)."""

from __future__ import annotations

from pathlib import Path

from nicheng_report.errors import StaffError, staff_message

from .loading import load_report_data
from .messages import FigureDataError
from .model import ReportData

__all__ = ["load_years"]

_cache: dict[Path, tuple[float, int, ReportData]] = {}


def load_years(data_dir: Path, root: Path, skip: set[int] | frozenset[int] = frozenset()) -> dict[int, ReportData]:
    """Every data_dir/YEAR.yml, by year, but those in `skip` (drafts left out of the build);
    a mistake in one is a StaffError naming it, and so is a folder with no data file at all."""
    years: dict[int, ReportData] = {}
    files = sorted(data_dir.glob("[0-9][0-9][0-9][0-9].yml"))
    for path in files:
        if int(path.stem) in skip:
            continue
        stat = path.stat()
        cached = _cache.get(path)
        if cached and cached[:2] == (stat.st_mtime, stat.st_size):
            data = cached[2]
        else:
            try:
                data = load_report_data(path, display_path=str(path.relative_to(root)))
            except FigureDataError as error:
                raise StaffError(str(error)) from None
            _cache[path] = (stat.st_mtime, stat.st_size, data)
        if data.year != int(path.stem):
            shown = path.relative_to(root).as_posix()
            raise StaffError(staff_message(
                f"{shown}, key `report.year`",
                problem=(f"report.year 写的是 {data.year}，但文件名是 {path.name}。",
                         f"report.year is {data.year} but the file is named {path.name}."),
                fix=("让两者一致：改正 report.year，或给文件改名。", "make them the same: correct report.year, or rename the file.")))
        years[data.year] = data
    if not files:     # every year left out as a draft is no mistake here (make build says so: drafts.py)
        shown = data_dir.relative_to(root).as_posix() if data_dir.is_relative_to(root) else str(data_dir)
        raise StaffError(staff_message(
            f"{shown}/",
            problem=("没有找到任何年度的数据文件。", "No data file found: there is no year's data file."),
            fix=("添加 年份.yml（如 2025.yml），或用 make new-year YEAR=年份 建立一个年度。",
                 "add YEAR.yml (e.g. 2025.yml), or start a year with make new-year YEAR=year.")))
    return years
