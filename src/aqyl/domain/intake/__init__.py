"""Import, the rules: what an upload must hold, free of files and databases. The declaration of the
mobility record and the cohort layout (``columns``: each column's name, kind, classifier, length,
required-ness and which group of categories fills it, from which the validation, the database's
CHECK constraints and the API's record fields are built), how one cell's text becomes a code
(``values``), and the problems an import reports (``problems``). Reading files is
``aqyl.importers``; checking a whole table, storing its rows and the import as a use case are
``aqyl.importers.validate``, ``aqyl.store`` and ``aqyl.app.imports``."""
