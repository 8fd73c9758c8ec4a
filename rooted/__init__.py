"""The project: settings, the root URLs, and the WSGI and ASGI entry points."""
