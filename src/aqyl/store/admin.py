"""The admin: HEIs and users with their role in one form; submissions, records and the audit log
to read and filter only. A record never changes in place: the record form and uploads make a new,
audited version, so the admin does not offer to edit or delete one."""

from functools import wraps

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aqyl.domain.wording.catalogue import label
from aqyl.store import models as m
from aqyl.store.labels import COMMON, ROLE, action_text, help_texts, target_text, text


def _word(key: str) -> str:
    from aqyl.domain.wording.interface import ui

    lang = (get_language() or "kk")[:2]
    return ui(key, lang if lang in ("kk", "ru", "en") else "kk")


_lazy_word = lazy(_word, str)
admin.site.site_header = _lazy_word("admin_header")
admin.site.site_title = _lazy_word("admin_header")
admin.site.index_title = _lazy_word("admin")


def _login(request, extra_context=None):
    """The admin's own login page is not used: a signed-in user without the admin role gets the
    application's refusal page, anyone else the application's sign-in page."""
    if request.user.is_authenticated:
        raise PermissionDenied
    from django.utils.http import url_has_allowed_host_and_scheme, urlencode

    target = request.GET.get("next", "/admin/")
    target = target if url_has_allowed_host_and_scheme(target, None) else "/admin/"
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': target})}")


admin.site.login = _login
_admin_view = admin.site.admin_view


def _refusing_admin_view(view, cacheable=False):
    """Every admin page answers a signed-in user without the admin role with the application's 403
    page at once, instead of Django's "you are authenticated as … but not authorised" login form."""
    inner = _admin_view(view, cacheable)

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.user.is_authenticated and not admin.site.has_permission(request):
            raise PermissionDenied
        return inner(request, *args, **kwargs)

    return checked


admin.site.admin_view = _refusing_admin_view


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HeiAliasInline(admin.TabularInline):
    model = m.HeiAlias
    extra = 1


@admin.register(m.Hei)
class HeiAdmin(admin.ModelAdmin):
    list_display = ["code", "name_kk", "hei_type", "region", "city_kk", "bin", "schac", "active_from", "active_to",
                    "is_active"]
    list_filter = ["hei_type", "region", "profile", "is_active"]
    search_fields = ["code", "name_kk", "name_ru", "name_en", "aliases__name", "bin", "schac", "erasmus_code"]
    inlines = [HeiAliasInline]


@admin.register(m.Submission)
class SubmissionAdmin(ReadOnly):
    list_display = ["hei", "period", "version", "is_current", "source", "row_count", "rejected_count", "submitted_by",
                    "created_at"]
    list_filter = ["period", "is_current", "source"]
    search_fields = ["hei__code", "hei__name_kk", "file_name"]


@admin.register(m.MobilityRecord)
class MobilityRecordAdmin(ReadOnly):
    list_display = ["period", "direction", "category", "hei", "partner_country", "programme", "format", "field"]
    list_filter = ["period", "direction", "category", "format", "programme", "degree", "field"]
    search_fields = ["record_id", "person_id", "partner_institution", "hei__code", "hei__name_kk"]
    list_select_related = ["hei"]


class AuditEntryForm(forms.ModelForm):
    class Meta:
        model = m.AuditEntry
        fields = "__all__"
        help_texts = help_texts("AuditEntry")


@admin.register(m.AuditEntry)
class AuditEntryAdmin(ReadOnly):
    form = AuditEntryForm
    list_display = ["at", "username", "what", "about"]

    @admin.display(description=text(COMMON["action"]), ordering="action")
    def what(self, entry):
        return action_text(entry.action, entry.after)

    @admin.display(description=text(COMMON["target"]), ordering="target")
    def about(self, entry):
        return target_text(entry.action, entry.target)

    list_filter = ["action", "username"]
    search_fields = ["target", "username", "action"]
    date_hierarchy = "at"
    readonly_fields = ["at", "user", "username", "what", "about", "before", "after"]


@admin.register(m.CollectionPeriod)
class CollectionPeriodAdmin(ReadOnly):
    list_display = ["period", "deadline", "opened_by_name", "opened_at"]


@admin.register(m.SubmissionReview)
class SubmissionReviewAdmin(ReadOnly):
    list_display = ["submission", "decision", "reviewer_name", "at"]
    list_filter = ["decision"]


class ProfileInline(admin.StackedInline):
    """The role, HEI and language on the user's own form, so a user is created with them at once."""

    model = m.Profile
    can_delete = False
    min_num = 1
    max_num = 1
    verbose_name = _("role")
    verbose_name_plural = _("role")


User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)  # Aqyl's rights are its roles; groups are not used


def _unregister_task_results() -> None:
    """The background queue's results are shown where they belong (an upload's page, a research
    run's page); its own admin page is English-only and adds nothing for an administrator."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return
    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)


@admin.register(User)
class AqylUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),)
    list_display = ["username", "email", "role", "hei", "is_active", "last_login"]
    list_filter = ["aqyl_profile__role", "is_active"]

    @admin.display(description=_("role"))
    def role(self, user):
        profile = getattr(user, "aqyl_profile", None)
        return text(ROLE[profile.role]) if profile else "—"

    @admin.display(description=_("HEI"))
    def hei(self, user):
        profile = getattr(user, "aqyl_profile", None)
        return profile.hei.code if profile and profile.hei else "—"

    def save_model(self, request, obj, form, change):
        # An administrator's role gives the admin pages; the others never see them.
        profile = form.data.get("aqyl_profile-0-role")
        if profile:
            obj.is_staff = profile == "admin"
        super().save_model(request, obj, form, change)


# django-otp names its app and model in English only (and not for translation): named here for the
# admin's index and sidebar, without touching the models (nothing reaches a migration).
OTHER_APPS = {"otp_totp": label("two_factor")}
OTHER_MODELS = {"TOTPDevice": label("admin_otp_devices")}
_get_app_list = admin.site.get_app_list


def _app_list(request, app_label=None):
    found = _get_app_list(request, app_label)
    for app in found:
        if app["app_label"] in OTHER_APPS:
            app["name"] = text(OTHER_APPS[app["app_label"]])
        for model in app["models"]:
            if model["object_name"] in OTHER_MODELS:
                model["name"] = text(OTHER_MODELS[model["object_name"]])
    return found


admin.site.get_app_list = _app_list
_unregister_task_results()
