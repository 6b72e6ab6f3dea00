"""The values read filters accept, known without SQLAlchemy: `archive --help` lists them."""

from archive.parse.channels import CHANNEL_KEYWORDS
from archive.parse.model import CASE_TYPES

CHANNELS = (*CHANNEL_KEYWORDS, "other")

__all__ = ["CASE_TYPES", "CHANNELS"]
