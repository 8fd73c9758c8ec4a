"""Seeker reports in the curator area: the most severe first (harmful or
discriminatory conduct highlighted), resolved with an outcome and a note, and
reopened (which undoes the outcome). Writes go through `providers.triage`."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from providers import triage
from providers.admin.shared import action_page
from providers.models import Report, User


class ReportTriageForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["severity", "outcome", "resolution_note"]
        help_texts = {
            "outcome": gettext_lazy(
                "Hiding or suspending takes the listing out of the directory; "
                "reopening the report undoes it."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("outcome", "resolution_note"):
            if name in self.fields:  # not when the report is resolved and read-only
                self.fields[name].required = True

    def clean_resolution_note(self) -> str:
        note = str(self.cleaned_data.get("resolution_note", "")).strip()
        if not note:
            raise ValidationError(_("Say what was done about the report."))
        return note


class ReopenForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Why reopen it?"), widget=forms.Textarea(attrs={"rows": 3})
    )


REPORT_FIELDS = [
    "listing_link",
    "reason",
    "note",
    "created_at",
    "status",
    "severity",
    "outcome",
    "resolved_by",
    "resolved_at",
    "resolution_note",
]
TRIAGE_FIELDS = ("severity", "outcome", "resolution_note")


class OpenFirstFilter(admin.SimpleListFilter):
    """Open reports unless asked otherwise: the queue is what needs doing."""

    title = gettext_lazy("status")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("resolved", _("Resolved")), ("all", _("All"))]

    def choices(self, changelist: Any) -> Any:
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": pgettext("report status", "Open"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "all":
            return queryset
        if self.value() == "resolved":
            return queryset.filter(status=Report.Status.RESOLVED)
        return queryset.filter(status=Report.Status.OPEN)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Seeker reports, most severe and then oldest first."""

    form = ReportTriageForm
    list_display = [
        "severity_badge",
        "reason",
        "listing_link",
        "created_at",
        "status",
        "outcome",
        "resolved_by",
    ]
    list_filter = [OpenFirstFilter, "severity", "reason", "outcome"]
    list_select_related = ["listing", "resolved_by"]
    search_fields = ["listing__name", "note"]
    # Harmful or discriminatory conduct first, then the oldest.
    ordering = ["severity", "created_at", "id"]
    fields = tuple(REPORT_FIELDS)

    class Media:
        css = {"all": ["css/curator.css"]}

    @admin.display(description=gettext_lazy("severity"), ordering="severity")
    def severity_badge(self, report: Report) -> str:
        return format_html(
            '<span class="severity severity-{}">{}</span>',
            report.severity,
            report.get_severity_display(),
        )

    @admin.display(description=gettext_lazy("listing"))
    def listing_link(self, report: Report) -> str:
        url = reverse("admin:providers_listing_change", args=[report.listing_id])
        return format_html('<a href="{}">{}</a>', url, report.listing)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.status == Report.Status.RESOLVED:
            return list(REPORT_FIELDS)
        return [name for name in REPORT_FIELDS if name not in TRIAGE_FIELDS]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A resolved report is part of the record: it is reopened, not changed.
        if obj is not None and obj.status == Report.Status.RESOLVED:
            return False
        return super().has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        assert isinstance(request.user, User)
        triage.report_triage(
            report=obj,
            curator=request.user,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["resolution_note"],
            severity=form.cleaned_data["severity"],
        )

    def render_change_form(  # type: ignore[override]
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> HttpResponse:
        context["show_save_and_add_another"] = False
        context["show_save_and_continue"] = False
        obj = kwargs.get("obj")
        context["can_reopen"] = (
            obj is not None
            and obj.status == Report.Status.RESOLVED
            and super().has_change_permission(request, None)
        )
        return super().render_change_form(request, context, *args, **kwargs)

    # Reopening: undoes the outcome, and says why in the listing's history.

    def get_urls(self) -> list[URLPattern]:  # type: ignore[override]
        return [
            path(
                "<path:object_id>/reopen/",
                self.admin_site.admin_view(self.reopen_view),
                name="providers_report_reopen",
            ),
            *super().get_urls(),
        ]

    def reopen_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        report = get_object_or_404(Report.objects.select_related("listing"), pk=object_id)
        if not super().has_change_permission(request, None):
            raise PermissionDenied
        change_url = reverse("admin:providers_report_change", args=[report.pk])
        form = ReopenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                triage.report_reopen(
                    report=report, curator=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("The report is open again; its outcome is undone."))
                return HttpResponseRedirect(change_url)
        return action_page(
            self,
            request,
            report,
            form,
            title=_("Reopen: %(report)s") % {"report": report},
            submit=_("Reopen"),
            template="admin/providers/report/reopen.html",
        )
