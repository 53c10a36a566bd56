"""Accounts: changing one's password, and resetting a forgotten one by e-mail (the link is
Django's signed, single-use token; the message goes out in the page's language)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.shortcuts import render
from django.urls import path, reverse_lazy

from aqyl.domain.wording import messages as catalogue
from aqyl.domain.wording.interface import ui


def _lang(request) -> str:
    return getattr(request, "LANGUAGE_CODE", "kk")


class ResetForm(PasswordResetForm):
    lang = "kk"

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        profile = getattr(context["user"], "aqyl_profile", None)
        lang = profile.language if profile is not None else self.lang
        link = f"{context['protocol']}://{context['domain']}{reverse_lazy('password_reset_confirm', args=[context['uid'], context['token']])}"
        EmailMessage(catalogue.render("password_reset_subject", lang),
                     catalogue.render("password_reset_body", lang, user=context["user"].get_username(), link=link),
                     from_email, [to_email]).send()


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "aqyl/password_change.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        messages.success(self.request, ui("password_changed", _lang(self.request)))
        return super().form_valid(form)


class PasswordReset(auth_views.PasswordResetView):
    template_name = "aqyl/password_reset.html"
    form_class = ResetForm
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        form.lang = _lang(self.request)
        messages.success(self.request, ui("reset_sent", _lang(self.request)))
        return super().form_valid(form)


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "aqyl/password_reset_confirm.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(self.request, ui("reset_done", _lang(self.request)))
        return super().form_valid(form)


@login_required
def account(request):
    """The user's account: password, second factor, and their API token (listed with its expiry,
    created — the key shown once — and revoked). Token creation and revocation are audited."""
    from django.conf import settings
    from django.utils import timezone
    from django_otp import user_has_device
    from rest_framework.authtoken.models import Token

    from aqyl.web.audit import record
    from aqyl.web.tokens import expires

    lang = _lang(request)
    token = Token.objects.filter(user=request.user).first()
    if token is not None and expires(token) <= timezone.now():
        token.delete()  # as the API does: an expired token is gone
        token = None
    new_key = ""
    if request.method == "POST":
        if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
            raise PermissionDenied  # a token is as strong as the sign-in that made it
        if "revoke" in request.POST and token is not None:
            token.delete()
            token = None
            record(request.user, "token.revoke", request.user.get_username())
            messages.success(request, ui("token_revoked", lang))
        elif "create" in request.POST:
            Token.objects.filter(user=request.user).delete()
            token = Token.objects.create(user=request.user)
            record(request.user, "token.create", request.user.get_username(), None,
                   {"expires": expires(token).isoformat()})
            new_key = token.key  # shown on this page once; never again
    return render(request, "aqyl/account.html", {
        "token": token, "new_key": new_key, "days": settings.AQYL_TOKEN_DAYS,
        "created": timezone.localtime(token.created) if token else None,
        "expires": timezone.localtime(expires(token)) if token else None,
        "hint": token.key[:4] + "…" if token else "",
    })


urls = [
    path("account/", account, name="account"),
    path("account/password/", PasswordChange.as_view(), name="password_change"),
    path("account/reset/", PasswordReset.as_view(), name="password_reset"),
    path("account/reset/<uidb64>/<token>/", PasswordResetConfirm.as_view(), name="password_reset_confirm"),
]
