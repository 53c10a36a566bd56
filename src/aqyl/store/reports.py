from aqyl.app.reports import generate_report, report_stem  # noqa: F401  # shim: lead removes at merge
