from django.contrib import admin

from aqyl.store import models as m


class HeiAliasInline(admin.TabularInline):
    model = m.HeiAlias
    extra = 1


@admin.register(m.Hei)
class HeiAdmin(admin.ModelAdmin):
    list_display = ["code", "name_kk", "hei_type", "region", "city_kk", "is_active"]
    list_filter = ["hei_type", "region", "profile", "is_active"]
    search_fields = ["code", "name_kk", "name_ru", "name_en", "aliases__name"]
    inlines = [HeiAliasInline]


@admin.register(m.Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["hei", "period", "version", "is_current", "source", "row_count", "created_by", "created_at"]
    list_filter = ["period", "is_current", "source"]
    search_fields = ["hei__code", "hei__name_kk", "file_name"]


@admin.register(m.MobilityRecord)
class MobilityRecordAdmin(admin.ModelAdmin):
    list_display = ["period", "direction", "category", "hei", "partner_country", "programme", "format", "field"]
    list_filter = ["period", "direction", "category", "format", "programme", "degree", "field"]
    search_fields = ["record_id", "person_id", "partner_institution", "hei__code", "hei__name_kk"]
    list_select_related = ["hei"]
    raw_id_fields = ["submission"]


@admin.register(m.Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "hei", "language"]
    list_filter = ["role"]
