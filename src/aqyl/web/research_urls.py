"""The research pages' and their API's addresses (included whole by :mod:`aqyl.web.urls`)."""

from django.urls import path

from aqyl.web import fieldwork_views as fw
from aqyl.web import research_api as api
from aqyl.web import research_views as rv

urlpatterns = [
    path("migration/", rv.migration_home, name="research"),
    path("migration/flows/", rv.flows, name="research_flows"),
    path("migration/reconcile/", rv.reconcile, name="research_reconcile"),
    path("migration/forecast/", rv.forecast, name="research_forecast"),
    path("migration/gravity/", rv.gravity, name="research_gravity"),
    path("migration/note/", rv.note, name="research_note"),
    path("migration/typology/", rv.typology, name="research_typology"),
    path("migration/cohorts/", rv.cohorts, name="research_cohorts"),
    path("migration/cohorts/template.xlsx", rv.cohort_template, name="research_cohort_template"),
    path("migration/runs/<int:pk>.json", rv.run_status, name="research_run"),
    path("surveys/", fw.surveys, name="surveys"),
    path("surveys/questionnaire", fw.questionnaire, name="questionnaire"),
    path("surveys/<str:upload_id>/report", fw.survey_report, name="survey_report"),
    path("interviews/", fw.interviews, name="interviews"),
    path("interviews/quotes/", fw.quotes, name="interview_quotes"),
    path("interviews/export.<str:fmt>", fw.interview_export, name="interview_export"),
    path("interviews/<str:code>/", fw.interview, name="interview"),
    path("interviews/<str:code>/code", fw.interview_code, name="interview_code"),
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
