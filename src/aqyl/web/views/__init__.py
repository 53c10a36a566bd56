"""The web pages, one module per page or group of pages: the dashboard, uploads, the records list
and form, reports, the submissions board and one submission, the research pages, fieldwork
(surveys, interviews) and the error pages. Each view asks :mod:`aqyl.web.access` what the user may
see, calls :mod:`aqyl.app` (as the command line does) and renders what it returns; none queries
the database itself."""
