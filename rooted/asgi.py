"""The ASGI entry point, for a server that speaks ASGI (production runs rooted.wsgi
under gunicorn; README, Production)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rooted.settings")
application = get_asgi_application()
