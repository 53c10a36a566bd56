from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StoreConfig(AppConfig):
    name = "aqyl.store"
    label = "aqyl"
    verbose_name = _("Register")

    def ready(self) -> None:
        from aqyl.store.labels import localise_fields

        localise_fields()
        from aqyl.store.registry import sync_shipped_registry

        def _sync(sender, using="default", **kwargs):
            if sender is self:
                sync_shipped_registry(using=using)

        post_migrate.connect(_sync, dispatch_uid="aqyl-sync-registry", weak=False)
