"""What keeps a seeker safe on every page: the crisis panel and a quick exit that
leaves no trace in history.

Accessibility, privacy, layout, keyboard and no-JavaScript journeys have their own
modules beside this one.
"""

from tests.browser.world import build_world, public_paths

NEUTRAL_SITE = "https://www.weather.gov/"
CRISIS_LINES = ["tel:988", "sms:988", "sms:741741", "tel:+18775658860", "tel:+18664887386"]
CRISIS_LINES += ["sms:678678", "tel:+18447628483", "sms:+18447628483", "tel:911"]


def stay_offline(page):
    """The neutral site is outside this sandbox; answer it locally."""
    page.route(f"{NEUTRAL_SITE}**", lambda route: route.fulfill(body="Weather"))


def test_every_page_has_the_crisis_panel_and_a_quick_exit(page, live_server):
    world = build_world()
    paths = [f"/en{path}" for path in public_paths(world).values()]
    paths += ["/ar/", "/en/provider/signup/", "/en/provider/login/"]
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        crisis = page.locator("#crisis")
        assert crisis.is_visible(), path
        targets = crisis.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert set(CRISIS_LINES) <= set(targets), path
        exit_link = page.locator("[data-quick-exit]")
        assert exit_link.is_visible(), path
        assert exit_link.get_attribute("href") == NEUTRAL_SITE, path
        assert page.locator(".site-nav a[href='#crisis']").is_visible(), path


def test_quick_exit_leaves_and_back_does_not_return(page, live_server):
    world = build_world()
    stay_offline(page)
    page.goto(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en{world.listing_path}")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    # The listing page was replaced in history: back goes to the page before it.
    assert page.url == f"{live_server.url}/en/"


def test_quick_exit_by_keyboard_replaces_the_page_in_history(page, live_server):
    build_world()  # a result to search for
    stay_offline(page)
    page.goto(f"{live_server.url}/ar/")
    page.goto(f"{live_server.url}/ar/search/?lang=es&near=94110")
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
    assert page.url == f"{live_server.url}/ar/"


def test_escape_twice_leaves_too(page, live_server):
    world = build_world()
    stay_offline(page)
    page.goto(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en{world.listing_path}")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()
    assert page.url == f"{live_server.url}/en/"
