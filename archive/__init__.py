"""Bulletin archive: Chinese epidemic bulletins as normalized, traceable SQL tables."""

__version__ = "0.1.0"
