"""Words of analytical results: persons' traces, cohorts, pseudonyms, the gravity model."""

from __future__ import annotations

from aqyl.domain.wording.catalogue import register

WORDS = {
}
register(__name__, WORDS)
