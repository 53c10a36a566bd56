"""Every word the product shows a user, in Kazakh, Russian and English, in one catalogue.

One registry (:data:`catalogue.CATALOGUE`) holds every key, unique across the modules below; two
lookups read it: :func:`messages.render` (messages of checks and faults: parameters may be labels,
written in the message's language) and :func:`interface.ui` (interface words: fields filled only
when given). Any key may be read with either; :func:`catalogue.label` gives a key's three texts (a
parameter of another message, a lazy admin label) and :func:`catalogue.filled` the same with its
fields filled.

Modules, by area (none much over 500 lines):

- ``messages``: import cells, columns and files, the HEI registry; ``research``: surveys,
  interviews, note texts, flows, forecasts, models; ``operations``: database, collection cycle and
  mails, backup, background work;
- ``command_help``: the command line's --help; ``interface``: pages and shared words; ``cycle``: the collection cycle, records and accounts
  pages; ``research_pages``: migration, surveys and interviews pages; ``admin``: the admin's field
  names, decisions and audit actions; ``privacy``: pseudonymisation and the open-data release;
  ``analysis``: words of analytical results (persons' indicators, cohorts, models, forecasts);
  ``documents``: words of the files Aqyl writes (template, error workbook, questionnaire, exports).

How a module joins the catalogue (``commands.py`` for the command line and ``web.py`` for the web
do the same)::

    from aqyl.domain.i18n import Label as L
    from aqyl.domain.wording.catalogue import register

    WORDS = {"my_key": L("қазақша {n}", "по-русски {n}", "in English {n}")}
    register(__name__, WORDS)

and one name in the import below. Rules (``tests/test_wording.py`` enforces them): a key is
defined once in the whole catalogue, every language has the same ``{fields}`` and no language is
empty, every key is used, every key used is defined, and a call names its key as a string literal
(never ``"bad_" + kind``: write the keys out and choose among them with a literal mapping).

The note's sentence patterns are not here: they live with the note in
:mod:`aqyl.domain.report.phrases`; classifier labels live with the classifiers, the emigration
note's and the survey report's prose with their documents.
"""

# Each import registers the module's words (the order does not matter: keys are unique).
from aqyl.domain.wording import (  # noqa: F401
    admin,
    analysis,
    command_help,
    commands,
    cycle,
    documents,
    interface,
    messages,
    operations,
    privacy,
    registry,
    research,
    research_pages,
    web,
)
