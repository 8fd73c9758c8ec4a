"""The public gap report: what is published, and that the page and its data agree."""

import csv
import datetime
import io
import json
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from insights.cells import Cell
from insights.counting import add
from insights.report import month_start
from insights.suppression import nested_ok, suppress
from tests.factories import ListingFactory, LocationFactory


def last_month(day: int = 10) -> datetime.date:
    return month_start(timezone.localdate(), 1).replace(day=day)


def count(cell: Cell, searches: int, *, band: str = "0", day: datetime.date | None = None):
    add(cell, day or last_month(), "en", band, searches)


class Cells(HTMLParser):
    """Every element with data-gap: its gap, searches and listings."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, tuple[int, int]] = {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "data-gap" in found:
            self.cells[found["data-gap"]] = (
                int(found["data-searches"]),
                int(found["data-listings"]),
            )


def page_cells(client, path="/en/insights/", **query) -> dict[str, tuple[int, int]]:
    response = client.get(path, query)
    assert response.status_code == 200
    parser = Cells()
    parser.feed(response.content.decode())
    return parser.cells


def test_the_suppression_rules():
    assert suppress([3, 12]) == [None, None]  # 3 alone would be 15 - 12
    assert suppress([0, 15]) == [0, 15]
    assert suppress([12, 30, 4, 6]) == [12, 30, None, None]
    assert suppress([12, 30, 4, 11]) == [12, 30, None, None]
    assert nested_ok(25, [25, 12]) and nested_ok(40, [30]) and nested_ok(12, [9])
    assert not nested_ok(31, [25])


@pytest.mark.django_db
def test_a_cell_of_nine_searches_is_not_published_and_one_of_ten_is(client):
    LocationFactory(
        listing=ListingFactory(speaks=["vi"], sliding_scale_min=20), postal_code="94110"
    )
    count(Cell("lang=vi&sliding=1", "941", "CA"), 10)
    count(Cell("lang=ko", "100", "NY"), 9)
    cells = page_cells(client)
    assert cells == {"lang=vi&sliding=1&zip3=941": (10, 1)}
    data = client.get("/en/insights/data.json").json()
    assert [c["gap"] for c in data["cells"]] == ["lang=vi&sliding=1&zip3=941"]
    assert "CC BY-SA 4.0" in data["statement"]


@pytest.mark.django_db
def test_supply_counts_listings_with_the_filters_in_the_area_or_online_in_the_state(client):
    LocationFactory(listing=ListingFactory(speaks=["vi"]), postal_code="94110")
    LocationFactory(listing=ListingFactory(speaks=["vi"]), postal_code="94601")  # 946, not 941
    LocationFactory(listing=ListingFactory(speaks=["ko"]), postal_code="94110")
    ListingFactory(speaks=["vi"], video=True, online_states=["CA"])
    count(Cell("lang=vi", "941", "CA"), 12)
    count(Cell("lang=vi", "", "CA"), 11)
    assert page_cells(client) == {"lang=vi&zip3=941": (12, 1), "lang=vi&online=CA": (11, 1)}


@pytest.mark.django_db
def test_found_nothing_is_hidden_when_either_part_is_small(client):
    count(Cell("lang=vi", "941", "CA"), 8, band="0")
    count(Cell("lang=vi", "941", "CA"), 6, band="5+")
    count(Cell("lang=ko", "941", "CA"), 20, band="0")
    content = client.get("/en/insights/").content.decode()
    assert "not shown (fewer than 10)" in content
    assert "100%" in content  # all 20 Korean searches found nothing
    rows = list(
        csv.DictReader(
            line
            for line in client.get("/en/insights/data.csv").content.decode().splitlines()
            if not line.startswith("#")
        )
    )
    by_gap = {row["gap"]: row["found_nothing"] for row in rows}
    assert by_gap == {"lang=vi&zip3=941": "", "lang=ko&zip3=941": "20"}


@pytest.mark.django_db
def test_a_period_is_hidden_when_it_differs_from_a_shorter_one_by_a_few(client):
    cell = Cell("lang=vi", "941", "CA")
    count(cell, 12)  # last month: in every period
    count(cell, 3, day=month_start(timezone.localdate(), 6))  # only in 12 months and longer
    assert page_cells(client, period="3") == {"lang=vi&zip3=941": (12, 0)}
    assert page_cells(client, period="12") == {}  # 15 would reveal those 3
    assert page_cells(client, period="all") == {}


@pytest.mark.django_db
def test_the_current_month_is_not_published_until_it_ends(client):
    add(Cell("lang=vi", "941", "CA"), timezone.localdate(), "en", "0", 50)
    assert page_cells(client) == {}


@pytest.mark.django_db
def test_the_csv_and_json_hold_the_page_numbers(client):
    LocationFactory(listing=ListingFactory(speaks=["vi"], free=True), postal_code="94110")
    ListingFactory(video=True, online_states=["NY"], speaks=["es"])
    count(Cell("lang=vi", "941", "CA"), 40)
    count(Cell("free=1&lang=vi", "941", "CA"), 14, band="5+")
    count(Cell("lang=es", "", "NY"), 23)
    count(Cell("identity=black", "100", "NY"), 11)
    count(Cell("lang=ko", "100", "NY"), 4)
    for query in ({}, {"state": "NY"}, {"need": "lang=vi"}, {"period": "3"}):
        on_page = page_cells(client, **query)
        text = client.get("/en/insights/data.csv", query).content.decode()
        assert text.startswith("# Rooted gap report") and "CC BY-SA 4.0" in text.splitlines()[0]
        rows = csv.DictReader(io.StringIO("\n".join(text.splitlines()[1:])))
        in_csv = {row["gap"]: (int(row["searches"]), int(row["listings"])) for row in rows}
        assert in_csv == on_page and on_page
        document = json.loads(client.get("/en/insights/data.json", query).content)
        assert {c["gap"]: (c["searches"], c["listings"]) for c in document["cells"]} == on_page
    assert set(page_cells(client, state="NY")) == {"lang=es&online=NY", "identity=black&zip3=100"}
    assert set(page_cells(client, need="lang=vi")) == {
        "lang=vi&zip3=941",
        "free=1&lang=vi&zip3=941",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language", ["en", "es", "zh-hans", "zh-hant", "vi", "ko", "tl", "ar", "ht"]
)
def test_the_page_in_every_language_with_charts_that_are_also_tables(client, language):
    ListingFactory(video=True, online_states=["NY"], speaks=["es"])
    count(Cell("lang=es", "", "NY"), 23)
    count(Cell("lang=es", "", "NY"), 17, day=last_month(2))
    response = client.get(
        f"/{language}/insights/", {"period": "nonsense", "state": "<x>", "need": "?"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{language}"' in content
    assert content.count("<svg") == 3 and content.count("<table") == 4
    assert 'data-gap="lang=es&amp;online=NY" data-searches="40" data-listings="1"' in content
    assert "<script" not in content.split("<main")[1].split("</main>")[0]


@pytest.mark.django_db
def test_the_page_reads_few_queries(client, django_assert_max_num_queries):
    for zip3 in ("941", "100", "606"):
        count(Cell("lang=vi", zip3, "CA"), 12)
    client.get("/en/insights/")  # the published cells are then shared for an hour
    with django_assert_max_num_queries(8):
        client.get("/en/insights/", {"state": "CA"})


@pytest.mark.django_db
def test_an_empty_report_says_so(client):
    content = client.get("/ar/insights/").content.decode()
    assert 'dir="rtl"' in content and "<svg" not in content


@pytest.mark.django_db
def test_months_count_only_needs_with_enough_searches_in_every_month(client):
    steady, patchy = Cell("lang=vi", "941", "CA"), Cell("lang=ko", "941", "CA")
    for back, searches in ((1, 12), (2, 15)):
        count(steady, searches, day=month_start(timezone.localdate(), back))
    count(patchy, 20, day=month_start(timezone.localdate(), 1))
    count(patchy, 4, day=month_start(timezone.localdate(), 2))  # 24 in all: published
    content = client.get("/en/insights/", {"period": "3"}).content.decode()
    months = {
        month_start(timezone.localdate(), back).isoformat()[:7]: value
        for back, value in ((1, "12"), (2, "15"), (3, "0"))
    }
    for month, value in months.items():
        assert f'<tr data-month="{month}"><th scope="row">' in content
        row = content.split(f'<tr data-month="{month}">')[1].split("</tr>")[0]
        assert f"<td>{value}</td>" in row, (month, row)
    assert set(page_cells(client, period="3")) == {"lang=vi&zip3=941", "lang=ko&zip3=941"}


@pytest.mark.django_db
def test_the_state_chosen_stays_chosen_in_the_form(client):
    html = client.get("/en/insights/", {"state": "NY"}).content.decode()

    assert '<option value="NY" selected>New York</option>' in html
    assert '<option value="CA">California</option>' in html
