"""What the curator area's pages share."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.template.response import TemplateResponse


def _site_url(request: HttpRequest) -> str:
    """Where links in emails sent from the admin point: this site."""
    return request.build_absolute_uri("/").rstrip("/")


def _form_errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def action_page(
    model_admin: admin.ModelAdmin[Any],
    request: HttpRequest,
    obj: models.Model,
    form: forms.Form,
    *,
    title: str,
    submit: str,
    template: str,
) -> TemplateResponse:
    """A curator's action on one object (suspending a listing, reopening a report):
    its short form, under what `template` says about the object first. Each such
    template extends admin/providers/action_form.html."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "object": obj,
        "form": form,
        "submit_label": submit,
    }
    return TemplateResponse(request, template, context)
