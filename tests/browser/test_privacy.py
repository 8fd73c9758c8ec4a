"""Privacy in a real browser: nothing a page loads comes from anywhere but Rooted,
and a seeker who only searches is given no cookie."""

from urllib.parse import urlsplit

from tests.browser.world import build_world, public_paths

STRICT_REFERRER_POLICIES = {"same-origin", "no-referrer"}


def test_no_page_makes_a_request_to_another_origin(context, live_server):
    world = build_world()
    origin = urlsplit(live_server.url).netloc
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    paths = [f"/en{path}" for path in public_paths(world).values()]
    paths += ["/ar/", f"/ar{world.listing_path}", "/en/provider/signup/", "/en/provider/login/"]
    pages = []
    for path in paths:
        page = context.new_page()  # a tab each, left open
        page.on("websocket", lambda socket: requested.append(socket.url))
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        assert response.headers["referrer-policy"] in STRICT_REFERRER_POLICIES, path
        pages.append(page)
    # What a page's script asks for once it has loaded counts too: every tab stays open
    # until the network has been quiet for half a second, the waits running together.
    for page in pages:
        page.wait_for_load_state("networkidle")
    assert len(requested) > len(paths), "the recorder saw no stylesheet or script"
    # data: URLs never leave the browser; everything else must come from this origin.
    elsewhere = [url for url in requested if urlsplit(url).scheme != "data"]
    elsewhere = [url for url in elsewhere if urlsplit(url).netloc != origin]
    assert elsewhere == []


def test_a_seeker_who_only_searches_is_given_no_cookie(page, live_server):
    world = build_world(crowd=True)
    base = f"{live_server.url}/en"
    page.goto(f"{base}/")
    page.locator("#id_sliding").check()
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{base}/search/?lang=es&near=94110")
    page.locator(".search-filters input[name=sliding]").check()
    page.locator(".search-filters button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{base}/search/?lang=es&near=94110")
    page.get_by_role("link", name="Next").click()
    page.wait_for_load_state()
    page.goto(f"{base}{world.listing_path}?lang=es")
    page.goto(f"{base}/community/")
    page.goto(f"{live_server.url}/ar/")
    assert page.context.cookies() == []
