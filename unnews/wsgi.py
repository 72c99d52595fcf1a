"""WSGI entry point (gunicorn unnews.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from unnews import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unnews.settings")
application = get_wsgi_application()
require_secret_key()
