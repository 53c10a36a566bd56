from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "aqyl.web"
    label = "aqyl_web"

    def ready(self) -> None:
        from aqyl.domain.wording import web  # noqa: F401  (adds the web's words to the catalogue)
        from aqyl.web import audit

        audit.connect()
