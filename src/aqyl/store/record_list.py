# shim: lead removes at merge
from aqyl.app.records import CODED, FILTERS, SORTS, filtered, header, rows, sort_of, to_csv, to_xlsx  # noqa: F401
from aqyl.app.records import record_filter as chosen  # noqa: F401
