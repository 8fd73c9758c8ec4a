"""Numbers read in their own order on right-to-left pages.

In an Arabic sentence a phone number such as 877-565-8860 is laid out right to left
group by group (8860-565-877) unless it is isolated. This reads where the browser
actually draws every digit of every number on the Arabic pages, and checks that,
read left to right, the digits are in the order they were written.
"""

import pytest

from tests.browser.world import build_world, public_paths

# Every number on the page (a price, a phone number, a ZIP code, a licence number),
# with where each of its digits is drawn, in the order written and in the order seen.
NUMBERS = r"""
() => {
  const NUMBER = /[$+]?\d(?:[\d.,:\/\-\u2013$+]*\d)?/g;
  const found = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('script, style')) continue;
    for (const match of node.data.matchAll(NUMBER)) {
      const digits = [];
      for (let i = match.index; i < match.index + match[0].length; i++) {
        if (!/\d/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (!r.width) continue;
        digits.push({digit: node.data[i], x: r.left + r.width / 2, line: Math.round(r.bottom / 4)});
      }
      if (!digits.length) continue;
      const seen = [...digits].sort((a, b) => (a.line - b.line) || (a.x - b.x));
      found.push({
        text: match[0],
        written: digits.map(d => d.digit).join(''),
        seen: seen.map(d => d.digit).join(''),
      });
    }
  }
  return found;
}
"""
CRISIS_NUMBERS = ["988", "741741", "877-565-8860", "1-866-488-7386", "678-678", "1-844-762-8483"]


def numbers_out_of_order(page):
    found = page.evaluate(NUMBERS)
    wrong = [f"{n['text']} reads {n['seen']}" for n in found if n["seen"] != n["written"]]
    return {n["text"] for n in found}, wrong


@pytest.mark.parametrize("width", [360, 1280])
def test_every_number_on_the_arabic_pages_reads_in_its_own_order(page, live_server, width):
    world = build_world()
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for name, path in public_paths(world).items():
        page.goto(f"{live_server.url}/ar{path}")
        # Every disclosure open, so the numbers inside are drawn too.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        numbers, wrong = numbers_out_of_order(page)
        problems += [f"{name}: {problem}" for problem in wrong]
        missing = set(CRISIS_NUMBERS) - numbers
        if missing:
            problems.append(f"{name}: crisis numbers not found: {sorted(missing)}")
        if name == "listing":
            listing_numbers = numbers
    assert problems == []
    # The listing's phone, licence number, ZIP code and fees were among those checked.
    assert {"415-555-0134", "123-4567", "94110", "$80", "$140", "$30"} <= listing_numbers


def test_web_addresses_and_phone_numbers_are_isolated_left_to_right(page, live_server):
    world = build_world()
    page.goto(f"{live_server.url}/ar{world.listing_path}")
    directions = page.locator(".contact dd bdi").evaluate_all(
        "els => els.map(el => [el.textContent, getComputedStyle(el).direction,"
        " getComputedStyle(el).unicodeBidi])"
    )
    assert ["415-555-0134", "ltr", "isolate"] in directions
    assert ["amara.example.org/", "ltr", "isolate"] in directions


def test_the_same_numbers_were_misread_before_isolation(page, live_server):
    """The check above can fail: the crisis panel without its isolation, as it was."""
    build_world()
    page.goto(f"{live_server.url}/ar/")
    page.evaluate(
        "document.querySelectorAll('#crisis bdi').forEach(b => b.replaceWith(b.textContent))"
    )
    _, wrong = numbers_out_of_order(page)
    assert any(problem.startswith("877-565-8860 reads") for problem in wrong), wrong
