"""Pseudonymising a file: read it, replace its IINs (``aqyl.importers.pseudonymise``), write it
back in its format (``aqyl.render.rows``). Used by ``aqyl pseudonymise`` and the web upload."""

from __future__ import annotations

from pathlib import Path

from aqyl.domain.pseudonym import Key
from aqyl.importers.pseudonymise import Outcome, best_layout, pseudonymise_table
from aqyl.importers.readers import read_table
from aqyl.render.rows import write_table


def pseudonymise_file(source: Path, target: Path, key: Key | None) -> Outcome:
    """Read ``source`` (CSV or XLSX), replace its IINs and write ``target`` in the same format. Nothing
    is written when the file holds no IIN (the source can go on as it is), when a cell is not a
    valid IIN, or when there is no key."""
    table = read_table(source, best_layout)
    out = pseudonymise_table(table, key)
    if out.had_iins and not out.problems and key is not None:
        write_table(target, out.headers, out.rows, table.kind)
    return out
