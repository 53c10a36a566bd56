"""Adapters that turn uploaded files into the interchange columns: readers for CSV and XLSX,
the column-wise validation engine, the template and the error workbook."""
