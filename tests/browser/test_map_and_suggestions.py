"""The results map and the suggestions, as a seeker sees them at a phone's and a
desktop's width, left to right and right to left, with axe at 0 violations."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import Checker
from tests.browser.world import build_world

LANGUAGES = ["en", "ar"]
SEARCH = "/search/?lang=es&near=94110"
NARROW = "/search/?near=94110&radius=5&lang=ko"


def outside_requests(page: Page, live_server) -> list[str]:
    """Every request the page makes to anywhere but Rooted (filled as it loads)."""
    seen: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((live_server.url, "data:")) else seen.append(request.url)
        ),
    )
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_sits_beside_the_list_on_a_desktop(page, live_server, language):
    build_world(crowd=True)
    outside = outside_requests(page, live_server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/{language}{SEARCH}")

    wide = page.locator(".results-map__wide svg")
    expect(wide).to_be_visible()
    expect(page.locator(".results-map__phone")).to_be_hidden()
    cards = page.locator(".result-list > li")
    markers = page.locator(".results-map__wide [data-map-marker]")
    numbers = markers.evaluate_all("els => els.map(el => el.dataset.mapMarker)")
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert 0 < len(numbers) <= cards.count()
    # Beside the list: after it in the reading direction, level with its top.
    map_box, list_box = wide.bounding_box(), page.locator(".result-list").bounding_box()
    assert map_box and list_box
    if language == "ar":
        assert map_box["x"] + map_box["width"] <= list_box["x"]
    else:
        assert map_box["x"] >= list_box["x"] + list_box["width"]
    assert map_box["y"] < list_box["y"] + 400
    # Each card shows its number, as on the map.
    first = page.locator(".result-list > li h3").first
    shown = first.evaluate("el => getComputedStyle(el, '::before').content")
    assert "counter(result)" in shown
    assert outside == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_is_behind_a_disclosure_on_a_phone(page, live_server, language):
    build_world(crowd=True)
    outside = outside_requests(page, live_server)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/{language}{SEARCH}")

    phone = page.locator(".results-map__phone")
    expect(page.locator(".results-map__wide")).to_be_hidden()
    expect(phone.locator("svg")).to_be_hidden()
    # The first result is not pushed down by the map.
    assert (
        page.locator(".result-list > li").first.bounding_box()["y"]
        < page.locator(".results-map__phone summary").bounding_box()["y"] + 200
    )
    phone.locator("summary").click()
    expect(phone.locator("svg")).to_be_visible()
    box = phone.locator("svg").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    # Screen readers get the list, and the caption saying the map repeats it.
    assert phone.locator("svg").get_attribute("aria-hidden") == "true"
    expect(phone.locator("figcaption")).to_be_visible()
    assert outside == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_suggestion_is_a_link_with_its_count_that_finds_that_many(page, live_server, language):
    build_world()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/{language}{NARROW}")
        suggestion = page.locator("a[data-suggestion]").first
        expect(suggestion).to_be_visible()
        count = suggestion.get_attribute("data-count")
        assert count == "1"
        suggestion.click()
        page.wait_for_load_state()
        assert page.locator("[data-total]").get_attribute("data-total") == count
        assert "lang=ko" in page.url  # the language was kept


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_and_suggestion_pages_have_no_axe_violations(page, live_server, language):
    # The search with its map and the one with suggestions, as they load, are public
    # pages test_accessibility checks in the same world; here, what they do not see.
    build_world(crowd=True)
    axe = Checker(page)
    page.set_viewport_size({"width": 360, "height": 900})
    page.goto(f"{live_server.url}/{language}{SEARCH}")
    page.locator(".results-map__phone summary").click()
    axe.check("search with the map opened on a phone")
    axe.visit("words read as filters", f"{live_server.url}/{language}/search/?q=spanish+therapist")
    axe.assert_clean()
