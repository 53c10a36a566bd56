"""Login rate limiting by django-axes: per user name and address (AXES_FAILURE_LIMIT), and per
address over every user name together (AQYL_ADDRESS_FAILURES, higher, since an HEI's staff may
share one address), so trying a different name each time is limited too."""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def address_failures(address: str | None) -> int:
    if not address:
        return 0
    since = timezone.now() - get_cool_off()
    found = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return found.aggregate(n=Sum("failures_since_start"))["n"] or 0


class AddressLimitHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        own = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        if address_failures(address) >= settings.AQYL_ADDRESS_FAILURES:
            return max(own, get_failure_limit(request, credentials))
        return own


def lockout_response(request, original_response=None, credentials=None):
    """A locked-out sign-in: the page in the user's language, or JSON for the API; 429 both."""
    from django.http import JsonResponse
    from django.shortcuts import render

    from aqyl.domain.wording.interface import ui
    from aqyl.web.middleware import language_of

    if request.path.startswith("/api/"):
        from aqyl.web.api.errors import envelope

        return JsonResponse(envelope("locked", ui("locked", language_of(request))), status=429)
    return render(request, "aqyl/locked.html", status=429)
