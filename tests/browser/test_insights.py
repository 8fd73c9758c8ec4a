"""The gap report in a browser: 0 axe violations in English, Spanish and Arabic at a
phone's and a desktop's width, nothing wider than the screen, filters that work."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from insights.cells import Cell
from insights.counting import add
from insights.report import month_start
from tests.browser.test_accessibility import Checker
from tests.factories import ListingFactory, LocationFactory


def seed() -> None:
    LocationFactory(
        listing=ListingFactory(speaks=["vi"], sliding_scale_min=30), postal_code="94110"
    )
    ListingFactory(video=True, online_states=["NY"], speaks=["es"])
    months = [month_start(timezone.localdate(), back) for back in (1, 2, 3)]
    for month, searches in zip(months, (40, 25, 12), strict=True):
        add(Cell("lang=vi&sliding=1", "941", "CA"), month, "en", "0", searches)
        add(Cell("lang=es", "", "NY"), month, "es", "1-4", searches + 5)
    add(Cell("identity=black&lang=ko", "606", "IL"), months[0], "en", "0", 14)
    add(Cell("lang=ko", "100", "NY"), months[0], "en", "0", 9)  # never shown


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_gap_report_has_no_axe_violations(page: Page, live_server, language):
    seed()
    axe = Checker(page)
    axe.visit("gap report", f"{live_server.url}/{language}/insights/")
    axe.visit("gap report for a state", f"{live_server.url}/{language}/insights/?state=NY")
    axe.visit(
        "gap report, nothing to show", f"{live_server.url}/{language}/insights/?need=x&state=WY"
    )
    axe.assert_clean()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_report_fits_a_phone_and_its_filters_work_without_script(
    browser, live_server, language
):
    seed()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/insights/")
    assert page.locator("[data-gap]").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("svg[role=img] title").count() == 3
    page.locator("#insights-state").select_option("NY")
    page.locator(".insights__filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "state=NY" in page.url
    assert page.locator("[data-gap]").count() == 1
    assert page.locator("[data-gap]").get_attribute("data-searches") == "92"
    context.close()
