"""Every word the product shows a user, in Kazakh, Russian and English, in one catalogue.

``messages`` holds the texts of checks and faults (:func:`messages.render`, whose parameters may be
labels), ``interface`` and ``cycle`` the words of pages and commands (:func:`interface.ui`). The
note's sentence patterns are not here: they live with the note in :mod:`aqyl.domain.report.phrases`.
"""
