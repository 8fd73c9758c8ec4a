"""What keeps a seeker safe on every page: the crisis panel and a quick exit that
leaves no trace in history.

Accessibility, privacy, layout, keyboard and no-JavaScript journeys have their own
modules beside this one.
"""

import pytest

from tests.browser.world import public_paths

# The module's world (conftest.served_world), built once: these tests only look.
WORLD_CROWD = False
NEUTRAL_SITE = "https://www.weather.gov/"
CRISIS_LINES = ["tel:988", "sms:988", "sms:741741", "tel:+18775658860", "tel:+18664887386"]
CRISIS_LINES += ["sms:678678", "tel:+18447628483", "sms:+18447628483", "tel:911"]


def stay_offline(page):
    """The neutral site is outside this sandbox; answer it locally."""
    page.route(f"{NEUTRAL_SITE}**", lambda route: route.fulfill(body="Weather"))


def test_every_page_has_the_crisis_panel_and_a_quick_exit(page, served_world):
    world = served_world.world
    paths = [f"/en{path}" for path in public_paths(world).values()]
    paths += ["/ar/", "/en/provider/signup/", "/en/provider/login/"]
    for path in paths:
        page.goto(f"{served_world.url}{path}")
        crisis = page.locator("#crisis")
        assert crisis.is_visible(), path
        targets = crisis.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert set(CRISIS_LINES) <= set(targets), path
        exit_link = page.locator("[data-quick-exit]")
        assert exit_link.is_visible(), path
        assert exit_link.get_attribute("href") == NEUTRAL_SITE, path
        assert page.locator(".site-nav a[href='#crisis']").is_visible(), path


def test_quick_exit_leaves_and_back_does_not_return(page, served_world):
    world = served_world.world
    stay_offline(page)
    page.goto(f"{served_world.url}/en/")
    page.goto(f"{served_world.url}/en{world.listing_path}")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    # The listing page was replaced in history: back goes to the page before it.
    assert page.url == f"{served_world.url}/en/"


def test_quick_exit_by_keyboard_replaces_the_page_in_history(page, served_world):
    stay_offline(page)
    page.goto(f"{served_world.url}/ar/")
    page.goto(f"{served_world.url}/ar/search/?lang=es&near=94110")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-quick-exit]')"):
            break
    assert page.evaluate("document.activeElement.matches('[data-quick-exit]')")
    entries = page.evaluate("history.length")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    assert page.evaluate("history.length") == entries  # replaced, not added to
    page.go_back()
    assert page.url == f"{served_world.url}/ar/"


def test_escape_twice_leaves_too(page, served_world):
    world = served_world.world
    stay_offline(page)
    page.goto(f"{served_world.url}/en/")
    page.goto(f"{served_world.url}/en{world.listing_path}")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    assert page.url == f"{served_world.url}/en/"


ROOTED_PAGES_IN_THE_TAB = "history.length"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_after_a_whole_visit_quick_exit_leaves_no_rooted_page_behind(
    page, served_world, language, width
):
    """Home, a search from the form, a filter, a result, the crisis panel, then the
    quick exit: moving around Rooted replaced the page each time, so Back cannot
    return to any of it."""
    world = served_world.world
    stay_offline(page)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{served_world.url}/{language}/")
    entries = page.evaluate(ROOTED_PAGES_IN_THE_TAB)

    page.locator("#id_near").fill("94110")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**/search/?**near=94110**")
    if width < 900:
        page.locator(".filters__summary").click()
    page.locator("#filter-sliding").check()
    page.locator(".search-filters button[type=submit]").click()
    page.wait_for_url("**sliding=1**")
    page.locator(f"[data-listing='{world.listing.slug}'] h3 a").click()
    page.wait_for_url(f"**/{language}{world.listing_path}?**")
    page.locator(".site-nav a[href='#crisis']").click()
    page.wait_for_url("**#crisis")
    assert page.evaluate(ROOTED_PAGES_IN_THE_TAB) == entries  # each page replaced the last

    page.locator("[data-quick-exit]").click()
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    assert not page.url.startswith(served_world.url), page.url


@pytest.mark.parametrize("language", ["en", "ar"])
def test_escape_twice_after_a_visit_leaves_nothing_behind_either(page, served_world, language):
    world = served_world.world
    stay_offline(page)
    page.goto(f"{served_world.url}/{language}/search/?near=94110")
    page.locator(f"[data-listing='{world.listing.slug}'] h3 a").click()
    page.wait_for_url(f"**{world.listing_path}**")
    page.locator(".breadcrumb a").click()
    page.wait_for_url("**/search/?**")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    assert not page.url.startswith(served_world.url), page.url


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_browsing_safely_is_beside_the_quick_exit_on_every_page(
    page, served_world, language, width
):
    world = served_world.world
    page.set_viewport_size({"width": width, "height": 800})
    for path in ["/", "/search/?near=94110", world.listing_path]:
        page.goto(f"{served_world.url}/{language}{path}")
        header = page.locator(".site-header")
        assert header.locator("[data-quick-exit]").is_visible()
        header.locator("a[data-safety]").click()
        page.wait_for_url(f"**/{language}/browsing-safely/")
        assert page.locator("h1").is_visible()
        headings = page.locator("main h2").all_inner_texts()
        assert len(headings) == 4  # leaving quickly, private windows, history, shared devices
    assert page.locator("[data-quick-exit]").is_visible()


def test_browsing_safely_is_written_in_every_language(page, served_world):
    page.goto(f"{served_world.url}/en/browsing-safely/")
    english = page.locator("main").inner_text()
    assert "private window" in english
    for language in ["es", "zh-hans", "zh-hant", "vi", "ko", "tl", "ar", "ht"]:
        page.goto(f"{served_world.url}/{language}/browsing-safely/")
        assert page.locator("html").get_attribute("lang") == language
        paragraphs = page.locator("main p").all_inner_texts()
        english_paragraphs = set(english.split("\n"))
        untranslated = [text for text in paragraphs if text in english_paragraphs]
        assert untranslated == [], language
