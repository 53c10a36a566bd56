"""Import, the readers: adapters that turn an uploaded file into rows of text in the interchange
columns and check them against the rules of ``aqyl.domain.intake`` — CSV, XLSX and ODS tables
(``readers``), the column-wise validation (``validate``), flow files, survey responses, and the
replacement of IINs by pseudonyms on the way in (``pseudonymise``). Nothing here lays out a file
(the template, the error workbook, the questionnaire, row exports and the pseudonymised copy are
``aqyl.render``) or stores a row (``aqyl.store``); the import as a use case (read, check, store, report) is
``aqyl.app.imports``."""
