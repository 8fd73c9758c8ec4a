"""Error pages in the language of the URL, each with the crisis panel and quick exit.

Django calls these for requests that fail (urls.py names them); a page must never
fail itself, so the 500 page falls back to plain text if even it cannot render.
"""

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

PAGES = {
    400: (
        _("We could not understand that request"),
        _("The address or the form you sent was not one we could read. Please try again."),
    ),
    403: (
        _("That page is not open to you"),
        _(
            "You may need to sign in, or the form you sent had expired. Go back, reload "
            "the page and try again."
        ),
    ),
    404: (
        _("We could not find that page"),
        _("The address may be mistyped, or the page may have moved."),
    ),
    429: (
        _("Too many requests"),
        _("You have sent a lot of requests in a short time. Please wait a while and try again."),
    ),
    500: (
        _("Something went wrong on our side"),
        _("We have been told about it. Please try again in a few minutes."),
    ),
}


def error_page(request: HttpRequest, status: int) -> HttpResponse:
    """The page for `status`, in the language of the URL's prefix."""
    language = translation.get_language_from_path(request.path_info) or "en"
    title, message = PAGES[status]
    with translation.override(language):
        request.LANGUAGE_CODE = language
        context = {"status": status, "title": title, "message": message, "messages": ()}
        return render(request, "errors/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, 404)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return error_page(request, 429)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return error_page(request, 500)
    except Exception:
        logger.exception("The error page itself failed.")
        return HttpResponse(
            "Something went wrong on our side. If you are in immediate danger, call 911; "
            "to talk to someone now, call or text 988.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
