"""Aqyl: monitoring of academic mobility and intellectual migration."""

__version__ = "0.1.0"
