"""Intellectual migration: flows between countries and the indicators researchers read from them
(DOMAIN.md, "Intellectual-migration indicators"). Pure functions; adapters feed them."""
