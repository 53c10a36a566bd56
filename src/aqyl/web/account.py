"""The second factor (TOTP, django-otp): setting it up with a QR code drawn here (SVG, no outside
service sees the secret), the code asked after the password, and turning it off."""

from __future__ import annotations

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from aqyl.domain.wording.interface import ui
from aqyl.web.audit import record
from aqyl.web.middleware import second_factor_required


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    return target if target.startswith("/") and not target.startswith("//") else "/"


def qr_svg(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    return qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string(encoding="unicode")


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """After the password: the code from the user's authenticator app."""
    lang = request.LANGUAGE_CODE
    if request.user.is_verified() or not user_has_device(request.user, confirmed=True):
        return HttpResponseRedirect(_next(request))
    error = ""
    if request.method == "POST":
        device = match_token(request.user, request.POST.get("otp", "").strip()[:16])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next(request))
        error = ui("otp_wrong", lang)
    return render(request, "aqyl/otp_verify.html", {"error": error, "next": _next(request)},
                  status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Turn the second factor on (scan, then confirm with a code) or off (unless it is required)."""
    lang = request.LANGUAGE_CODE
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    required = second_factor_required(user)
    error = ""
    if confirmed is not None:
        if request.method == "POST" and request.POST.get("off") and not required and user.is_verified():
            TOTPDevice.objects.filter(user=user).delete()
            record(user, "otp.off", user.get_username())
            messages.success(request, ui("otp_off", lang))
            return HttpResponseRedirect(request.path)
        return render(request, "aqyl/otp_setup.html", {"on": True, "required": required})
    # One unconfirmed device at a time: reloading the page keeps the QR code already scanned.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or \
        TOTPDevice.objects.create(user=user, name="Aqyl", confirmed=False)
    if request.method == "POST":
        if device.verify_token(request.POST.get("otp", "").strip()[:16]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            record(user, "otp.on", user.get_username())
            messages.success(request, ui("otp_on", lang))
            return HttpResponseRedirect(_next(request) if request.POST.get("next") else request.path)
        error = ui("otp_wrong", lang)
    key = b32encode(device.bin_key).decode()
    return render(request, "aqyl/otp_setup.html", {
        "on": False, "required": required, "error": error, "next": _next(request),
        "qr": mark_safe(qr_svg(device.config_url)), "key": " ".join(key[i:i + 4] for i in range(0, len(key), 4)),
    }, status=400 if error else 200)
