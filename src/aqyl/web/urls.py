from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from aqyl.web import account, accounts, api, cycle_views, research_urls, views

router = DefaultRouter(trailing_slash=False)
router.register("records", api.RecordViewSet, basename="record")
router.register("submissions", api.SubmissionViewSet, basename="submission")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(template_name="aqyl/login.html", redirect_authenticated_user=True),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", views.set_language, name="set_language"),
    path("account/2fa/", account.otp_setup, name="otp_setup"),
    path("login/verify/", account.otp_verify, name="otp_verify"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("upload/", views.upload, name="upload"),
    path("upload/<str:upload_id>/errors.xlsx", views.upload_errors, name="upload_errors"),
    path("upload/<str:upload_id>/", views.upload_status, name="upload_status"),
    path("upload/<str:upload_id>/state.json", views.upload_state, name="upload_state"),
    path("template.xlsx", views.template_xlsx, name="template"),
    path("records/", views.records, name="records"),
    path("records/new/", views.record_new, name="record_new"),
    path("records/<int:pk>/edit/", views.record_edit, name="record_edit"),
    path("submissions/", cycle_views.board, name="board"),
    path("submissions/open", cycle_views.open_period, name="period_open"),
    path("submissions/remind", cycle_views.remind, name="remind"),
    path("submissions/<str:period>/<str:hei>/", cycle_views.submission, name="submission"),
    path("submissions/<str:period>/<str:hei>/review", cycle_views.review, name="submission_review"),
    path("submissions/<str:period>/<str:hei>/<int:version>/restore", cycle_views.restore, name="submission_restore"),
    path("submissions/<str:period>/<str:hei>/<int:version>/file", cycle_views.submission_file, name="submission_file"),
    path("", include(accounts.urls)),  # /account/password/…, /account/reset/…
    path("reports/", views.reports, name="reports"),
    path("reports/download", views.report_download, name="report_download"),
    path("reports/texts/", views.note_text_save, name="note_text_save"),
    path("reports/texts/history", views.note_text_history, name="note_text_history"),
    path("api/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("api/token", api.token, name="api_token"),
    path("api/aggregates", api.aggregates, name="api_aggregates"),
    path("api/report", api.report, name="api_report"),
    path("", include("aqyl.web.opendata_urls")),  # /open/ (public), /open/publish/, /api/persons
    *research_urls.urlpatterns,
    path("api/", include(router.urls)),
    path("admin/", admin.site.urls),
]

handler400 = "aqyl.web.views.bad_request"
handler403 = "aqyl.web.views.forbidden"
handler404 = "aqyl.web.views.not_found"
handler500 = "aqyl.web.views.server_error"
