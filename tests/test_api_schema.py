"""Schemathesis generates requests from /api/openapi.json for every operation, signed in as an
analyst and as an HEI officer; no request may end in a server error (5xx)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from aqyl.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(scope="module")
def tokens(django_db_setup, django_db_blocker):
    """The demo and two tokens, made once for every generated case and rolled back after them
    (each case runs in a transaction of its own inside this one)."""
    from django.db import transaction
    from rest_framework.authtoken.models import Token

    from aqyl.store.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield {name: Token.objects.get_or_create(user__username=name, defaults={"user": _user(name)})[0].key
               for name in ("analyst", "officer")}
        transaction.set_rollback(True)


def _user(name):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error(case, tokens):
    for token in tokens.values():
        response = case.call(headers={"Authorization": f"Token {token}"})
        assert response.status_code < 500, (case.method, case.path, case.query, case.body, response.text[:500])
