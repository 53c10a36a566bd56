"""Words of stored things: model and field names, audit actions, the open-data release."""

from __future__ import annotations

from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import register

WORDS = {
}
register(__name__, WORDS)
