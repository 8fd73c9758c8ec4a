"""Layout at every width and in both directions: nothing runs off the side of a small
phone, and Arabic pages mirror."""

from tests.browser.world import build_world, public_paths

WIDTHS = [360, 768, 1280]
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Elements wider than the viewport, or starting or ending outside it (hidden ones aside).
OUTSIDE = """
() => [...document.querySelectorAll('body *')]
  .filter(el => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!r.width || style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link')) {
      return false;
    }
    return r.left < -1 || r.right > document.documentElement.clientWidth + 1;
  })
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))
"""

# Controls a finger must hit: at least 44 by 44 CSS pixels (links inside running text
# are exempt, as WCAG allows; so are checkboxes, whose whole 44px row is the target).
TOO_SMALL = """
() => [...document.querySelectorAll(
    'button, .button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]),'
    + ' .site-nav a, .languages a, .pagination a, .breadcrumb a, .steps a, summary,'
    + ' .quick-exit, .checkbox'
  )]
  .filter(el => el.getClientRects().length && !el.closest('.visually-hidden'))
  .filter(el => el.getBoundingClientRect().height < 43.5)
  .slice(0, 5)
  .map(el => el.outerHTML.slice(0, 80))
"""


def test_nothing_overflows_sideways_at_any_width(page, live_server, tmp_path):
    """Each page at each width (resized in place, not reloaded): no sideways scrolling,
    nothing outside the viewport, and touch targets of 44px."""
    world = build_world(crowd=True)
    problems = []
    for language in ["en", "ar", "vi"]:
        for path in [*public_paths(world).values(), "/provider/signup/"]:
            page.goto(f"{live_server.url}/{language}{path}")
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                where = f"/{language}{path} at {width}px"
                overflow = page.evaluate(OVERFLOW)
                outside = page.evaluate(OUTSIDE)
                small = page.evaluate(TOO_SMALL)
                if small:
                    problems.append(f"{where}: touch targets under 44px: {small}")
                if overflow > 0 or outside:
                    shot = tmp_path / f"{language}{path.replace('/', '_')}{width}.png"
                    page.screenshot(path=shot, full_page=True)
                    problems.append(f"{where}: {overflow}px too wide; {outside}; see {shot}")
    assert problems == []


TEXT_BOX = """
selector => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  const r = range.getBoundingClientRect();
  return {left: r.left, right: r.right};
}
"""


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def test_arabic_pages_read_right_to_left_and_mirror(page, live_server):
    world = build_world()
    page.set_viewport_size({"width": 1280, "height": 900})
    for language, rtl in [("en", False), ("ar", True)]:
        page.goto(f"{live_server.url}/{language}/search/?lang=es")
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == ("rtl" if rtl else "ltr")
        filters, results = box(page, ".filters"), box(page, ".results")
        # The filters column comes first in reading order: left in English, right in Arabic.
        assert (filters["x"] > results["x"]) is rtl, language
        # The quick exit sits at the end of the line: right in English, left in Arabic.
        exit_box = box(page, "[data-quick-exit]")
        assert (exit_box["x"] < 640) is rtl, language
        # The heading's text starts on the reading side.
        text = page.evaluate(TEXT_BOX, "h1")
        heading = box(page, "h1")
        left_gap = text["left"] - heading["x"]
        right_gap = heading["x"] + heading["width"] - text["right"]
        assert (right_gap < left_gap) is rtl, language

        page.goto(f"{live_server.url}/{language}{world.listing_path}")
        summary, text = box(page, ".listing__summary"), box(page, ".listing__main")
        assert (summary["x"] < text["x"]) is rtl, language


def test_a_listing_in_another_language_is_marked_as_such(page, live_server):
    world = build_world()
    page.goto(f"{live_server.url}/ar{world.listing_path}")
    about = page.locator("#about-heading").locator("xpath=..")
    assert about.locator(".text-language").is_visible()
    prose = about.locator(".prose")
    assert prose.get_attribute("lang") == "en"
    assert prose.get_attribute("dir") == "ltr"
    assert prose.inner_text() == "I work with Black families and couples."
    # English text in an Arabic page still reads left to right.
    assert prose.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_switching_language_keeps_the_page_and_the_search(page, live_server):
    build_world()
    page.goto(f"{live_server.url}/es/search/?lang=vi&near=94110")
    switcher = page.locator("nav.languages")
    assert switcher.locator("[aria-current=true]").get_attribute("hreflang") == "es"
    arabic = switcher.locator("a[hreflang=ar]")
    assert arabic.get_attribute("lang") == "ar" and arabic.get_attribute("dir") == "rtl"
    switcher.locator("a[hreflang=vi]").click()
    page.wait_for_url(f"{live_server.url}/vi/search/?lang=vi&near=94110")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("#filter-near").input_value() == "94110"
