"""What the curator area's pages share."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest


def _site_url(request: HttpRequest) -> str:
    """Where links in emails sent from the admin point: this site."""
    return request.build_absolute_uri("/").rstrip("/")


def _form_errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]
