from aqyl.app.submissions import BoardLine, board, compare, history  # noqa: F401  # shim: lead removes at merge
