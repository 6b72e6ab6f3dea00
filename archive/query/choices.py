"""The values read filters accept, and the defaults of read options, known without SQLAlchemy:
`archive --help` lists them."""

from archive.parse.channels import CHANNEL_KEYWORDS
from archive.parse.model import CASE_TYPES

CHANNELS = (*CHANNEL_KEYWORDS, "other")
SQL_TIMEOUT_SECONDS = 60  # how long `archive sql` lets a query run unless given --timeout

__all__ = ["CASE_TYPES", "CHANNELS", "SQL_TIMEOUT_SECONDS"]
