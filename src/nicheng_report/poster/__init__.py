"""一图读懂: the at-a-glance poster of a year, as SVG and PNG, built from its data file."""
