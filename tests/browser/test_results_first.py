"""The search page on a phone and on a desktop: results first, filters in a
disclosure on phones and a side panel on wide screens, applied filters as chips,
and result cards a seeker can act on."""

from urllib.parse import parse_qsl, urlsplit

import pytest

SCREEN = {360: 800, 1280: 900}  # the first screen's height at each width
SEARCH = "/search/?near=94110&lang=es"
WORLD_CROWD = True  # the module's world (conftest.served_world): two pages of results


def top(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_phone_the_count_and_first_results_come_before_the_filters(
    page, served_world, language
):
    page.set_viewport_size({"width": 360, "height": SCREEN[360]})
    page.goto(f"{served_world.url}/{language}{SEARCH}")

    # The filters are closed, their summary says how many apply, and the count and
    # the first result are on the first screen.
    summary = page.locator(".filters__summary")
    assert summary.is_visible()
    assert "2" in summary.inner_text()
    assert not page.locator("#filter-near").is_visible()
    assert page.locator(".filters__disclosure").get_attribute("open") is None
    assert top(page, "[data-total]") < SCREEN[360]
    first = page.locator("[data-listing] h3").first.bounding_box()
    assert first["y"] + first["height"] < SCREEN[360]
    assert first["y"] > top(page, ".filters__summary")

    # The summary opens them, in place.
    summary.click()
    assert page.locator("#filter-near").is_visible()
    assert page.locator("#filter-near").input_value() == "94110"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_desktop_the_filters_are_a_side_panel(page, served_world, language):
    page.set_viewport_size({"width": 1280, "height": SCREEN[1280]})
    page.goto(f"{served_world.url}/{language}{SEARCH}")
    assert page.locator("#filter-near").is_visible()
    assert not page.locator(".filters__summary").is_visible()
    assert page.locator("#filters-heading").is_visible()
    filters = page.locator(".filters").bounding_box()
    results = page.locator(".results").bounding_box()
    assert (filters["x"] > results["x"]) is (language == "ar")
    assert top(page, "[data-listing]") < SCREEN[1280]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_applied_filter_is_a_chip_that_removes_it(page, served_world, language, width):
    page.set_viewport_size({"width": width, "height": SCREEN[width]})
    page.goto(f"{served_world.url}/{language}/search/?near=94110&lang=es&sliding=1")
    chips = page.locator("[data-chip]")
    assert sorted(chips.evaluate_all("els => els.map(el => el.dataset.chip)")) == [
        "lang",
        "near",
        "sliding",
    ]
    assert "3" in page.locator(".filters__summary").inner_text() or width >= 900
    assert page.locator("[data-total]").get_attribute("data-total") == "1"
    # Above the results.
    assert top(page, "[data-chip]") < top(page, "[data-listing]")

    # Each chip is the same search without that one filter.
    for chip in chips.all():
        kept = dict(parse_qsl(urlsplit(chip.get_attribute("href")).query))
        assert chip.get_attribute("data-chip") not in kept
        assert len(kept.keys() & {"near", "lang", "sliding"}) == 2
    page.locator("[data-chip=sliding]").click()
    page.wait_for_url(lambda url: "sliding" not in url)
    assert "near=94110" in page.url and "lang=es" in page.url
    assert page.locator("[data-total]").get_attribute("data-total") == "21"
    assert page.locator("[data-chip]").count() == 2
    page.locator("a.chip--clear").click()
    page.wait_for_url(f"{served_world.url}/{language}/search/")
    assert page.locator("[data-chip]").count() == 0


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_result_cards_can_be_acted_on(page, served_world, language, width):
    world = served_world.world
    page.set_viewport_size({"width": width, "height": SCREEN[width]})
    page.goto(f"{served_world.url}/{language}{SEARCH}")
    card = page.locator(f"[data-listing='{world.listing.slug}']")
    actions = card.locator("[data-action]")
    assert actions.evaluate_all("els => els.map(el => [el.dataset.action, el.href])") == [
        ["call", "tel:4155550134"],
        ["book", "https://amara.example.org/book/"],
        ["website", "https://amara.example.org/"],
    ]
    assert all(action.is_visible() for action in actions.all())
    assert "415-555-0134" in card.locator("[data-action=call]").inner_text()
    assert card.locator("[data-licence-verified]").is_visible()
    # Listings without a phone, a booking link or a website get no buttons, and
    # no licence mark without a curator's check.
    other = page.locator("[data-listing^='consejera']").first
    assert other.locator("[data-action]").count() == 0
    assert other.locator("[data-licence-verified]").count() == 0

    # Not taking anyone new: said beside the name, before anything else on the card.
    page.goto(f"{served_world.url}/{language}/community/")
    circle = page.locator(f"[data-listing='{world.community.slug}']")
    status = circle.locator(".result__head .status--no")
    assert status.is_visible()
    name = circle.locator("h3").bounding_box()
    assert status.bounding_box()["y"] < name["y"] + name["height"] + 4
    assert status.bounding_box()["y"] < circle.locator(".result__meta").bounding_box()["y"]
