import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aqyl.web.settings")
application = get_wsgi_application()


def _prune_uploads() -> None:
    # At start-up too, not only on the next upload: a quiet server keeps no stale files either.
    from aqyl.app.uploads import prune

    prune()


_prune_uploads()
