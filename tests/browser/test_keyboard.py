"""Keyboard alone: a seeker searches in Spanish and opens a result without a mouse."""

from playwright.sync_api import Page

from tests.browser.world import build_world

MAX_TABS = 400  # a bound, so a focus trap fails the test instead of hanging it


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def tab_to(page: Page, selector: str) -> int:
    """Press Tab until the element matching `selector` has focus; return how many."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return presses
    raise AssertionError(f"Tab never reached {selector}")


def test_the_first_tab_stops_are_the_skip_link_and_quick_exit(page, live_server):
    page.goto(f"{live_server.url}/en/")
    stops = []
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
        # Whatever has focus is visibly marked.
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", stops[-1]
    assert set(stops) == {"Skip to main content", "Quick exit"}


def test_a_keyboard_only_search_in_spanish(page, live_server):
    world = build_world()
    page.goto(f"{live_server.url}/es/")

    # The skip link first, then straight into the search form.
    page.keyboard.press("Tab")
    assert focused(page, ".skip-link")
    page.keyboard.press("Enter")
    tab_to(page, "#id_near")
    page.keyboard.type("94110")

    tab_to(page, "#id_lang")
    for _ in range(100):
        if page.eval_on_selector("#id_lang", "select => select.value") == "es":
            break
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#id_lang", "select => select.value") == "es"

    tab_to(page, ".search-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/search/?**")
    assert "near=94110" in page.url and "lang=es" in page.url
    assert page.locator("html").get_attribute("lang") == "es"

    # From the results, straight to the first result's link, then open it.
    page.keyboard.press("Tab")
    assert focused(page, ".skip-link")
    page.keyboard.press("Enter")
    tab_to(page, f"[data-listing='{world.listing.slug}'] h3 a")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/es{world.listing_path}?**")
    assert page.locator("h1").inner_text().startswith("Amara Okafor")
