"""Reports for people: one self-contained HTML page with inline SVG charts, or Markdown.

    from archive.store import open_archive
    from archive.report import render_report
    html = render_report(open_archive("archive.db"), region="哈尔滨市")

The figures come from ``archive.query``; this package holds no SQL.

Names are imported from their modules on first use (archive.lazy).
"""

from archive.lazy import lazy_exports

# The keys of rendering.RENDERERS, named here so that `archive --help` lists them
# without loading the renderers.
FORMATS = ("html", "md")

_EXPORTS = {
    "archive.report.data": ("ReportData", "Scope"),
    "archive.report.rendering": ("render_report",),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(["FORMATS", *(name for names in _EXPORTS.values() for name in names)])
