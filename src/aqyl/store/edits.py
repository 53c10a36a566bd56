# shim: lead removes at merge
from aqyl.app.edits import EditResult, change_record, record_values  # noqa: F401
