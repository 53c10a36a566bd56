from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "aqyl.web"
    label = "aqyl_web"

    def ready(self) -> None:
        from aqyl.web import audit

        audit.connect()
