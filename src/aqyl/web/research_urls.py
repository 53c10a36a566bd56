"""The research pages' and their API's addresses (included whole by :mod:`aqyl.web.urls`)."""

from django.urls import path

from aqyl.web.api import research as api
from aqyl.web.views import emigration, interviews, migration, surveys

urlpatterns = [
    path("migration/", migration.migration_home, name="research"),
    path("migration/flows/", migration.flows, name="research_flows"),
    path("migration/reconcile/", migration.reconcile, name="research_reconcile"),
    path("migration/forecast/", migration.forecast, name="research_forecast"),
    path("migration/gravity/", migration.gravity, name="research_gravity"),
    path("migration/note/", emigration.note, name="research_note"),
    path("migration/typology/", emigration.typology, name="research_typology"),
    path("migration/cohorts/", emigration.cohorts, name="research_cohorts"),
    path("migration/cohorts/template.xlsx", emigration.cohort_template, name="research_cohort_template"),
    path("migration/runs/<int:pk>.json", emigration.run_status, name="research_run"),
    path("surveys/", surveys.surveys, name="surveys"),
    path("surveys/questionnaire", surveys.questionnaire, name="questionnaire"),
    path("surveys/<str:upload_id>/report", surveys.survey_report, name="survey_report"),
    path("interviews/", interviews.interviews, name="interviews"),
    path("interviews/quotes/", interviews.quotes, name="interview_quotes"),
    path("interviews/export.<str:fmt>", interviews.interview_export, name="interview_export"),
    # <path:…>: an interview stored before the code rule may hold a "/"; its page, coding and
    # deletion must still be reachable (aqyl.app.interviews.CODE_RULE keeps new codes plain).
    path("interviews/<path:code>/", interviews.interview, name="interview"),
    path("interviews/<path:code>/code", interviews.interview_code, name="interview_code"),
    path("interviews/<path:code>/delete", interviews.interview_delete, name="interview_delete"),
    path("api/flows", api.flows, name="api_flows"),
    path("api/flows/series", api.flow_series, name="api_flow_series"),
    path("api/flows/reconcile", api.reconcile, name="api_reconcile"),
    path("api/forecast", api.forecast, name="api_forecast"),
    path("api/gravity", api.gravity, name="api_gravity"),
    path("api/gravity/fit", api.gravity_fit, name="api_gravity_fit"),
    path("api/runs/<int:pk>", api.run, name="api_run"),
    path("api/typology", api.typology, name="api_typology"),
    path("api/cohorts", api.cohorts, name="api_cohorts"),
    path("api/surveys/analysis", api.survey_analysis, name="api_survey_analysis"),
    path("api/interviews/codes", api.interview_codes, name="api_interview_codes"),
    path("api/interviews/quotes", api.interview_quotes, name="api_interview_quotes"),
]
