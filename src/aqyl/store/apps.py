from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StoreConfig(AppConfig):
    name = "aqyl.store"
    label = "aqyl"
    verbose_name = "Aqyl"

    def ready(self) -> None:
        from aqyl.store.registry import sync_shipped_registry

        def _sync(sender, using="default", **kwargs):
            if sender is self:
                sync_shipped_registry(using=using)

        post_migrate.connect(_sync, dispatch_uid="aqyl-sync-registry", weak=False)
