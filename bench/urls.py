"""The project's URLs, plus `/bench/minimal/`: the framework's floor on this machine."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from rooted.urls import urlpatterns as project_urlpatterns


def minimal(request: HttpRequest) -> HttpResponse:
    """A trivial template through the same middleware as every page."""
    return render(request, "bench/minimal.html", {"greeting": "Hello"})


urlpatterns = [path("bench/minimal/", minimal), *project_urlpatterns]
