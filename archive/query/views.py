"""The views of revisions 0003 and 0006 (cross_pair and cross_check over table source_pair since
0008), and the tallies of 0008, described as typed tables for reading.

Typed columns give dates and booleans on SQLite too (where a view's columns carry no
type). Kept apart from the models' metadata: migrations create views, the models do not.
"""

from sqlalchemy import Boolean, Column, Date, Float, Integer, MetaData, Table, Text

from archive.parse.model import FIGURES

VIEWS = MetaData()


daily_report = Table(
    "daily_report",
    VIEWS,
    Column("region", Text),
    Column("region_level", Text),
    Column("region_code", Text),
    Column("report_date", Date),
    Column("window_start_hour", Integer),
    Column("window_end_hour", Integer),
    Column("partial", Boolean),
    *(Column(name, Integer) for name in FIGURES),
    Column("consistent", Boolean),
    Column("report_id", Integer),
    Column("document_id", Integer),
)

district_series = Table(
    "district_series",
    VIEWS,
    Column("region", Text),
    Column("report_date", Date),
    Column("city", Text),
    Column("district", Text),
    Column("city_code", Text),
    Column("district_code", Text),
    Column("case_type", Text),
    Column("count", Integer),
    Column("partial", Boolean),
    Column("report_id", Integer),
)

channel_share = Table(
    "channel_share",
    VIEWS,
    Column("region", Text),
    Column("report_date", Date),
    Column("channel", Text),
    Column("count", Integer),
    Column("day_total", Integer),
    Column("share", Float),
    Column("partial", Boolean),
    Column("report_id", Integer),
)

def _pair_columns() -> list[Column]:
    """The columns that cross_pair and cross_check share: the lower report's side."""
    return [
        Column("region", Text),
        Column("region_level", Text),
        Column("report_date", Date),
        Column("window_start_hour", Integer),
        Column("window_end_hour", Integer),
        Column("level_pair", Text),
        Column("case_type", Text),
        Column("report_id", Integer),
        Column("figure", Integer),
        Column("parent_region", Text),
        Column("parent_level", Text),
    ]

cross_pair = Table(
    "cross_pair",
    VIEWS,
    *_pair_columns(),
    Column("parent_window_start_hour", Integer),
    Column("parent_window_end_hour", Integer),
    Column("parent_report_id", Integer),
    Column("parent_figure", Integer),
    Column("parent_implied", Boolean),
    Column("same_window", Boolean),
)

cross_check = Table(
    "cross_check",
    VIEWS,
    *_pair_columns(),
    Column("parent_report_id", Integer),
    Column("parent_figure", Integer),
    Column("parent_implied", Boolean),
    Column("agree", Boolean),
)

# Per region and the region one level up: its pairs of one window and how many agree (revision 0008).
source_pair_tally = Table(
    "source_pair_tally",
    VIEWS,
    Column("region", Text),
    Column("parent_region", Text),
    Column("pairs", Integer),
    Column("agreeing", Integer),
)
