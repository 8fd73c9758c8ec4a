"""The whole seeker journey with JavaScript switched off: home, search, a filter, the
next page, a listing and a report about it."""

import pytest

from tests.browser.world import build_world


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_the_seeker_journey_works_without_javascript(page_without_javascript, live_server):
    page = page_without_javascript
    world = build_world(crowd=True)

    page.goto(f"{live_server.url}/es/")
    assert "js" not in (page.locator("html").get_attribute("class") or "")
    page.locator("#id_near").fill("94110")
    page.locator("#id_lang").select_option("es")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**/es/search/?**")
    total = int(page.locator("[data-total]").get_attribute("data-total"))
    assert total == 21

    page.locator("#filter-sliding").check()
    page.locator(".search-filters button[type=submit]").click()
    page.wait_for_url("**sliding=1**")
    assert page.locator("[data-listing]").count() == 1

    page.go_back()
    page.wait_for_url("**/es/search/?**")
    page.locator(".pagination a[rel=next]").click()
    page.wait_for_url("**page=2**")
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"
    assert page.locator("[data-listing]").count() == 1

    page.locator(".pagination a[rel=prev]").click()
    page.wait_for_url("**page=1**")
    page.locator(f"[data-listing='{world.listing.slug}'] h3 a").click()
    page.wait_for_url(f"**/es{world.listing_path}?**")
    assert page.locator("[data-reasons] li").count() >= 1

    # The quick exit is a plain link to the neutral site, so it still leaves.
    assert page.locator("[data-quick-exit]").get_attribute("href") == "https://www.weather.gov/"

    page.locator(f"a[href$='{world.listing_path}report/']").click()
    page.wait_for_url(f"**/es{world.listing_path}report/")
    page.locator("input[name=reason]").first.check()
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"**/es{world.listing_path}report/thanks/")
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_without_javascript_the_filters_still_open_and_apply(
    page_without_javascript, live_server, language
):
    page = page_without_javascript
    build_world(crowd=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/{language}/search/?near=94110&lang=es")
    # A side panel on a wide screen, with no script to open it.
    assert page.locator("#filter-sliding").is_visible()

    page.set_viewport_size({"width": 360, "height": 800})
    assert not page.locator("#filter-sliding").is_visible()
    page.locator(".filters__summary").click()
    page.locator("#filter-sliding").check()
    page.locator(".search-filters button[type=submit]").click()
    page.wait_for_url("**sliding=1**")
    assert page.locator("[data-chip]").count() == 3
    page.locator("[data-chip=lang]").click()
    page.wait_for_url(lambda url: "lang=" not in url)
    assert page.locator("[data-chip]").count() == 2
