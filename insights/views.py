"""The gap report, public: the page, and the same figures as CSV and JSON."""

import csv
import io
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insights import charts
from insights.report import PERIODS, Need, Report, describe, report
from insights.suppression import K
from providers.states import US_STATES

CSV_COLUMNS = ["gap", "filters", "zip3", "state", "searches", "found_nothing", "listings"]


def _report(request: HttpRequest) -> Report:
    return report(
        period_key=request.GET.get("period", ""),
        state=request.GET.get("state", "").upper(),
        need=request.GET.get("need", ""),
    )


def licence_statement(chosen: Report) -> str:
    return _(
        "Rooted gap report, searches from %(start)s to %(end)s, cells of %(k)s or more "
        "searches only. Licensed under %(licence)s (%(url)s)."
    ) % {
        "start": chosen.period.start.isoformat() if chosen.period.start else "-",
        "end": chosen.period.last_day.isoformat(),
        "k": K,
        "licence": settings.OPEN_DATA_LICENCE["name"],
        "url": settings.OPEN_DATA_LICENCE["url"],
    }


def searches_words(value: int) -> str:
    return ngettext("%(n)s search", "%(n)s searches", value) % {"n": charts.number(value)}


def listings_words(value: int) -> str:
    return ngettext("%(n)s listing", "%(n)s listings", value) % {"n": charts.number(value)}


SEARCHES = charts.Series("chart__bar--a", searches_words)
LISTINGS = charts.Series("chart__bar--b", listings_words)


def insights(request: HttpRequest) -> HttpResponse:
    chosen = _report(request)
    hidden = _("not shown (fewer than %(k)s)") % {"k": K}
    top = [(need, describe(need.cell)) for need in chosen.top]
    context = {
        "report": chosen,
        "top": top,
        "periods": [(key, label) for key, (label, _m) in PERIODS.items()],
        "states": US_STATES,
        "k": K,
        "licence_name": settings.OPEN_DATA_LICENCE["name"],
        "licence_url": settings.OPEN_DATA_LICENCE["url"],
        "query": request.GET.urlencode(),
        "top_chart": charts.bar_chart(
            _("Top unmet needs"),
            _("Searches and the listings that could serve them, for each need in the table."),
            [(label, [need.searches, need.listings]) for need, label in top],
            [SEARCHES, LISTINGS],
            hidden,
        ),
        "month_chart": charts.bar_chart(
            _("Searches by month"),
            _("Searches in each month of the period; the table below has the same figures."),
            [(row.label, [row.searches]) for row in chosen.months],
            [SEARCHES],
            hidden,
        ),
        "language_chart": charts.bar_chart(
            _("Languages asked for and offered"),
            _("For each language: searches asking for it, and listings offering it."),
            [(row.label, [row.searches, row.listings]) for row in chosen.languages],
            [SEARCHES, LISTINGS],
            hidden,
        ),
    }
    return render(request, "insights/insights.html", context)


def need_record(need: Need) -> dict[str, Any]:
    return {
        "gap": need.gap,
        "filters": need.cell.filters,
        "zip3": need.cell.zip3,
        "state": need.cell.state,
        "searches": need.searches,
        "found_nothing": need.nothing,
        "listings": need.listings,
    }


def data_csv(request: HttpRequest) -> HttpResponse:
    """The published cells, one a row, after a line with the licence statement."""
    chosen = _report(request)
    out = io.StringIO()
    out.write(f"# {licence_statement(chosen)}\n")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for need in chosen.needs:
        record = need_record(need)
        record["found_nothing"] = "" if need.nothing is None else need.nothing
        writer.writerow(record)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rooted-gap-report.csv"'
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    return response


def data_json(request: HttpRequest) -> HttpResponse:
    chosen = _report(request)
    document = {
        "licence": {
            "name": settings.OPEN_DATA_LICENCE["name"],
            "url": settings.OPEN_DATA_LICENCE["url"],
        },
        "statement": licence_statement(chosen),
        "period": {
            "start": chosen.period.start.isoformat() if chosen.period.start else None,
            "end": chosen.period.last_day.isoformat(),
        },
        "minimum_searches": K,
        "cells": [need_record(need) for need in chosen.needs],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    return response
