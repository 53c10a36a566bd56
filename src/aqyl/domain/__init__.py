"""The pure core of Aqyl: classifiers, validation vocabulary, indicators, report models.

Nothing in this package may import Django or any adapter (``aqyl.web``, ``aqyl.cli``,
``aqyl.store``, ``aqyl.importers``, ``aqyl.renderers``); ``tests/test_architecture.py`` keeps it so.
"""
