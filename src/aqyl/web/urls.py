from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from aqyl.web import account, accounts, research_urls
from aqyl.web.api import records as api_records
from aqyl.web.api import reports as api_reports
from aqyl.web.api import token as api_token
from aqyl.web.views import board, dashboard, errors, record_form, records, reports, submission, upload

router = DefaultRouter(trailing_slash=False)
router.register("records", api_records.RecordViewSet, basename="record")
router.register("submissions", api_records.SubmissionViewSet, basename="submission")

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("healthz", errors.healthz, name="healthz"),
    path("errors/414", errors.uri_too_long, name="uri_too_long"),  # nginx's error_page for an over-long address
    path("login/", auth_views.LoginView.as_view(template_name="aqyl/login.html", redirect_authenticated_user=True),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", dashboard.set_language, name="set_language"),
    path("account/2fa/", account.otp_setup, name="otp_setup"),
    path("login/verify/", account.otp_verify, name="otp_verify"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("upload/", upload.upload, name="upload"),
    path("upload/<str:upload_id>/errors.xlsx", upload.upload_errors, name="upload_errors"),
    path("upload/<str:upload_id>/", upload.upload_status, name="upload_status"),
    path("upload/<str:upload_id>/state.json", upload.upload_state, name="upload_state"),
    path("template.xlsx", upload.template_xlsx, name="template"),
    path("records/", records.records, name="records"),
    path("records/new/", record_form.record_new, name="record_new"),
    path("records/<int:pk>/edit/", record_form.record_edit, name="record_edit"),
    path("submissions/", board.board, name="board"),
    path("submissions/open", board.open_period, name="period_open"),
    path("submissions/remind", board.remind, name="remind"),
    path("submissions/<str:period>/<str:hei>/", submission.submission, name="submission"),
    path("submissions/<str:period>/<str:hei>/review", submission.review, name="submission_review"),
    path("submissions/<str:period>/<str:hei>/<int:version>/restore", submission.restore, name="submission_restore"),
    path("submissions/<str:period>/<str:hei>/<int:version>/file", submission.submission_file, name="submission_file"),
    path("", include(accounts.urls)),  # /account/password/…, /account/reset/…
    path("reports/", reports.reports, name="reports"),
    path("reports/download", reports.report_download, name="report_download"),
    path("reports/texts/", reports.note_text_save, name="note_text_save"),
    path("reports/texts/history", reports.note_text_history, name="note_text_history"),
    path("api/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("api/token", api_token.token, name="api_token"),
    path("api/aggregates", api_reports.aggregates, name="api_aggregates"),
    path("api/report", api_reports.report, name="api_report"),
    path("", include("aqyl.web.opendata_urls")),  # /open/ (public), /open/publish/, /api/persons
    *research_urls.urlpatterns,
    path("api/", include(router.urls)),
    path("admin/", admin.site.urls),
]

handler400 = "aqyl.web.views.errors.bad_request"
handler403 = "aqyl.web.views.errors.forbidden"
handler404 = "aqyl.web.views.errors.not_found"
handler500 = "aqyl.web.views.errors.server_error"
