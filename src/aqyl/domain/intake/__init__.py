"""Data collection, the pure part: the interchange columns, how a cell's text becomes a code,
and the problems an import reports. Reading files and storing rows are adapters
(``aqyl.importers``, ``aqyl.store``)."""
