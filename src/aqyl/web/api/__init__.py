"""The REST API (token or session auth; OpenAPI schema at /api/openapi.json), one module per group
of endpoints: records and submissions, aggregates and reports, tokens, the research data. Every
endpoint reads through :mod:`aqyl.web.access`, so an HEI officer's token sees only their HEI, and
every error answers the one envelope of :mod:`aqyl.web.api.errors`."""
