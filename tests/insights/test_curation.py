"""For curators: the admin home's top gaps, and keeping daily counts two years."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from insights.cells import Cell
from insights.counting import add
from insights.models import SearchCell
from insights.services import roll_up
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db


def test_the_admin_home_shows_the_top_gaps_with_a_search_and_the_listings_that_nearly_fit(
    as_curator,
):
    LocationFactory(listing=ListingFactory(speaks=["vi"]), postal_code="94110")
    LocationFactory(listing=ListingFactory(sliding_scale_min=25), postal_code="94112")
    today = timezone.localdate()
    add(Cell("lang=vi&sliding=1", "941", "CA"), today - datetime.timedelta(days=3), "en", "0", 30)
    add(Cell("lang=ko", "", "NY"), today, "ko", "0", 12)
    add(Cell("lang=es", "", "TX"), today, "es", "0", 9)  # too few
    add(Cell("lang=ht", "", "FL"), today - datetime.timedelta(days=40), "ht", "0", 50)  # too old
    content = as_curator.get("/admin/").content.decode()
    assert "Top gaps, last 30 days" in content
    panel = content.split('id="insights-top-gaps"')[1].split("</div>")[0]
    assert "ZIP codes 941xx" in panel and "Online in New York" in panel
    assert "Texas" not in panel and "Florida" not in panel
    assert 'href="/en/search/?near=94101&amp;radius=25&amp;lang=vi&amp;sliding=1"' in panel
    assert 'href="/en/search/?lang=ko&amp;online=NY"' in panel
    # Each filter dropped in turn: one listing speaks Vietnamese, one has a sliding scale.
    assert 'href="/en/search/?near=94101&amp;radius=25&amp;sliding=1"' in panel
    assert "Without “Language: Vietnamese”: 1 listing" in panel
    assert "Without “Sliding scale”: 1 listing" in panel


def test_daily_cells_older_than_two_years_become_monthly_and_nothing_is_lost():
    today = datetime.date(2026, 12, 3)
    cell = Cell("lang=vi", "941", "CA")
    add(cell, datetime.date(2024, 11, 5), "en", "0", 4)
    add(cell, datetime.date(2024, 11, 20), "en", "0", 7)
    add(cell, datetime.date(2024, 11, 20), "es", "5+", 2)
    add(cell, datetime.date(2024, 12, 10), "en", "0", 3)  # within two years: stays daily
    assert roll_up(today) == 3
    assert roll_up(today) == 0  # safe to run again
    add(cell, datetime.date(2024, 11, 28), "en", "0", 1)  # a late one folds into the same month
    assert roll_up(today) == 1
    rows = SearchCell.objects.values_list("span", "day", "language", "band", "searches")
    assert sorted(rows) == [
        ("day", datetime.date(2024, 12, 10), "en", "0", 3),
        ("month", datetime.date(2024, 11, 1), "en", "0", 12),
        ("month", datetime.date(2024, 11, 1), "es", "5+", 2),
    ]


def test_the_rollup_command_says_what_it_did():
    add(Cell("lang=vi"), timezone.localdate() - datetime.timedelta(days=800), "en", "0", 5)
    out = io.StringIO()
    call_command("rollup_insights", stdout=out)
    assert out.getvalue().strip() == "1 daily cells folded into monthly ones."
    assert SearchCell.objects.get().span == "month"
