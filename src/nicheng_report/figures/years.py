"""Every year's data file of a project, loaded and validated, kept while unchanged
(`make serve` rebuilds reuse the figures of files nobody edited)."""

from __future__ import annotations

from pathlib import Path

from nicheng_report.errors import StaffError

from .loading import load_report_data
from .messages import FigureDataError
from .model import ReportData

__all__ = ["load_years"]

_cache: dict[Path, tuple[float, int, ReportData]] = {}


def load_years(data_dir: Path, root: Path, skip: set[int] | frozenset[int] = frozenset()) -> dict[int, ReportData]:
    """Every data_dir/YEAR.yml, by year, but those in `skip` (drafts left out of the build);
    a mistake in one is a StaffError naming it."""
    years: dict[int, ReportData] = {}
    for path in sorted(data_dir.glob("[0-9][0-9][0-9][0-9].yml")):
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
                raise StaffError(f"Figures data error / 数据文件错误\n{error}") from None
            _cache[path] = (stat.st_mtime, stat.st_size, data)
        if data.year != int(path.stem):
            raise StaffError(f"{path.relative_to(root)}: report.year is {data.year} but the file is named "
                             f"{path.name}. Fix: make them the same. / 修改：report.year 与文件名年份须一致。")
        years[data.year] = data
    if not years:
        raise StaffError(f"No data file found in {data_dir}. Fix: add docs/data/YEAR.yml. "
                         "/ 未找到数据文件，请添加 docs/data/年份.yml。")
    return years
