"""A report of a period as text: the page of ``fmt`` built from the figures gathered."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from archive.query import report_data
from archive.report import FORMATS
from archive.report.data import Scope, gather
from archive.report.html_page import render_html
from archive.report.markdown_page import render_markdown

RENDERERS = {"html": render_html, "md": render_markdown}


def render_report(
    engine: Engine,
    *,
    fmt: str = "html",
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    generated_at: dt.datetime | None = None,
) -> str:
    """The report of the reports of ``region`` (exact name; all regions when None) dated from
    ``date_from`` to ``date_to`` (dates or YYYY-MM-DD; inclusive; open-ended when None), as
    ``fmt`` "html" or "md". ``generated_at`` is the time printed on it (default: now, UTC).

    Raises ValueError for an unknown format, and archive.query.QueryError (a ValueError) for
    a filter the read commands refuse too: a malformed date, a period that ends before it
    starts, a region the archive does not hold.
    """
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    scope = Scope(*report_data.checked_scope(engine, region, date_from, date_to))
    data = gather(engine, scope, generated_at or dt.datetime.now(dt.UTC))
    return RENDERERS[fmt](data)

