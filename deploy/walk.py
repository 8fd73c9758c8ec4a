"""The drill's walk through the site over HTTPS, as a seeker, a provider and a
curator would, with nothing but the standard library."""

import http.client
import re
import socket
import ssl
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

SAFE_MESSAGE = ("Need to talk to someone now?", 'href="tel:988"', "data-quick-exit")


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    text: str
    set_cookies: list[str]

    @property
    def location(self) -> str:
        return urlsplit(self.headers.get("location", "")).path or ""


class Client:
    """One visitor: its own cookies, talking to one port (nginx, or one app server)."""

    def __init__(
        self, address: str, port: int, host: str, *, cafile: Any = None, plain: bool = False
    ) -> None:
        self.address, self.port, self.host, self.plain = address, port, host, plain
        self.cookies: dict[str, str] = {}
        self.context = None
        if not plain:
            self.context = ssl.create_default_context(cafile=str(cafile))
        self.responses: list[tuple[str, int]] = []

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None, headers: Any = None
    ) -> Page:
        if self.plain:
            connection: http.client.HTTPConnection = http.client.HTTPConnection(
                self.address, self.port, timeout=60
            )
        else:
            connection = http.client.HTTPSConnection(
                self.address, self.port, timeout=60, context=self.context
            )
        all_headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers.setdefault("Origin", f"https://{self.host}:{self.port}")
            all_headers.setdefault("Referer", f"https://{self.host}:{self.port}{path}")
        if not self.plain:
            connection.sock = self.context.wrap_socket(  # type: ignore[union-attr]
                socket.create_connection((self.address, self.port), timeout=60),
                server_hostname=self.host,
            )
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        set_cookies = response.headers.get_all("Set-Cookie") or []
        for header in set_cookies:
            cookie = SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        connection.close()
        self.responses.append((f"{method} {path}", response.status))
        headers_out = {k.lower(): v for k, v in response.getheaders()}
        return Page(response.status, headers_out, text, set_cookies)

    def get(self, path: str, headers: Any = None) -> Page:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, body: dict[str, str], headers: Any = None) -> Page:
        return self.request("POST", path, body=body, headers=headers)


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, text


class Forms(HTMLParser):
    """Every form on a page with what a browser would send by default."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._select_first: tuple[str, str] | None = None
        self._select_chosen = False
        self._textarea: str | None = None
        self._text: list[str] = []
        self._button: tuple[str, str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
        if not self.forms:
            return
        form = self.forms[-1]
        if tag == "input" and "name" in a:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    form.fields.append((a["name"], a.get("value", "on")))
            elif kind == "submit":
                form.buttons.append((a["name"], a.get("value", ""), a.get("value", "")))
            elif kind not in ("file", "image", "reset", "button"):
                form.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea" and "name" in a:
            self._textarea, self._text = a["name"], []
        elif tag == "select" and "name" in a:
            self._select, self._select_first, self._select_chosen = a["name"], None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = (self._select, value)
            if "selected" in a:
                form.fields.append((self._select, value))
                self._select_chosen = True
        elif tag == "button":
            self._button, self._text = (a.get("name", ""), a.get("value", "")), []

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.forms:
            return
        form = self.forms[-1]
        if tag == "textarea" and self._textarea:
            form.fields.append((self._textarea, "".join(self._text)))
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first:
                form.fields.append(self._select_first)
            self._select = None
        elif tag == "button" and self._button is not None:
            form.buttons.append((*self._button, " ".join("".join(self._text).split())))
            self._button = None


def submit(
    client: Client,
    page_path: str,
    page: Page,
    values: dict[str, str],
    *,
    button: str | None = None,
) -> Page:
    """Fill the page's form (of its POST forms, the one with the most fields) and send
    it, pressing the button whose text contains `button`."""
    forms = [f for f in Forms(page.text).forms if f.method == "post"]
    if button:
        forms = [f for f in forms if any(button in text for _n, _v, text in f.buttons)]
    if not forms:
        raise AssertionError(f"no form on {page_path} (status {page.status})")
    form = max(forms, key=lambda f: len(f.fields))
    data = {name: value for name, value in form.fields if name not in values}
    data.update({k: v for k, v in values.items() if v is not None})
    if button:
        chosen = [b for b in form.buttons if button in b[2]]
        if chosen and chosen[0][0]:
            data[chosen[0][0]] = chosen[0][1]
    action = urljoin(page_path, form.action or page_path)
    return client.post(action, data)


def walk(checks: Any, context: dict[str, Any]) -> str:
    """The walk; returns the approved listing's slug."""
    host, https_port = context["host"], context["https_port"]

    def visitor() -> Client:
        return Client("127.0.0.1", https_port, host, cafile=context["cafile"])

    plain = Client("127.0.0.1", context["http_port"], host, plain=True)
    page = plain.get("/en/search/")
    checks.expect(
        "plain HTTP is redirected to HTTPS by nginx",
        page.status == 301 and page.headers["location"].startswith("https://"),
        page.status,
    )

    seeker = visitor()
    page = seeker.get("/")
    checks.expect("home: / sends to /en/", page.status == 302 and page.location == "/en/")
    page = seeker.get("/en/")
    checks.expect(
        "home: 200 with the crisis lines and quick exit, over HTTPS behind the proxy",
        page.status == 200 and all(s in page.text for s in SAFE_MESSAGE[1:]),
        page.status,
    )
    checks.expect(
        "home: HSTS sent", "max-age=" in page.headers.get("strict-transport-security", "")
    )
    for path, marker in (
        ("/en/search/?q=therapy", 'lang="en"'),
        ("/es/search/?lang=es&near=94110", 'lang="es"'),
        ("/ar/search/?accepting=1", 'dir="rtl"'),
    ):
        page = seeker.get(path)
        checks.expect(
            f"search {path}: 200 in its language",
            page.status == 200 and marker in page.text,
            page.status,
        )
    checks.expect("a seeker who only searches gets no cookie", not seeker.cookies, seeker.cookies)
    page = seeker.get("/healthz")
    checks.expect("/healthz through the proxy: 200", page.status == 200 and page.text == "ok\n")
    page = seeker.get("/es/no-such-page/")
    checks.expect(
        "a missing page: 404 in Spanish with the crisis lines",
        page.status == 404 and 'lang="es"' in page.text and 'href="tel:988"' in page.text,
        page.status,
    )

    # A provider signs up, verifies from the email, signs in and submits a listing.
    provider = visitor()
    email = f"provider-{uuid.uuid4().hex[:8]}@example.org"
    password = "drill-" + uuid.uuid4().hex
    page = provider.get("/en/provider/signup/")
    page = submit(
        provider,
        "/en/provider/signup/",
        page,
        {"email": email, "password1": password, "password2": password},
    )
    checks.expect("sign-up: account created", page.status == 302, page.status)
    message = context["sink"].wait_for(email)
    links = re.findall(r"https://\S+/provider/verify/\S+", message)
    checks.expect("sign-up: the verification email reached the SMTP sink", bool(links), message)
    page = provider.get(urlsplit(links[0]).path)
    checks.expect("sign-up: the link verifies the address", page.status in (200, 302), page.status)
    provider.cookies.clear()
    page = provider.get("/en/provider/login/")
    page = submit(provider, "/en/provider/login/", page, {"username": email, "password": password})
    checks.expect("sign-in: accepted", page.status == 302, page.status)
    page = provider.get("/en/provider/")
    checks.expect("sign-in: the dashboard answers", page.status == 200, page.status)

    name = f"Drill Okafor {uuid.uuid4().hex[:6]}"
    page = provider.get("/en/provider/listings/new/")
    page = submit(
        provider,
        "/en/provider/listings/new/",
        page,
        {"name": name, "kind": "clinician", "about_en": "Counselling for families."},
    )
    checks.expect("editor: the draft is created", page.status == 302, page.status)
    base = page.location.rsplit("/edit/", 1)[0]
    for step, values in (
        ("contact", {"phone": "415-555-0100"}),
        ("places", {"places-0-address": "2940 16th St", "places-0-postal_code": "94103"}),
        ("availability", {"in_person": "on", "accepting_new_clients": "on"}),
    ):
        path = f"{base}/edit/{step}/"
        page = submit(provider, path, provider.get(path), {**values, "then": "stay"})
        checks.expect(f"editor: the {step} step saves", page.status == 302, page.status)
    path = f"{base}/preview/"
    page = submit(provider, path, provider.get(path), {}, button="Submit for review")
    checks.expect(
        "editor: submitted for review",
        page.status == 302 and "/preview/" not in page.location,
        (page.status, page.location),
    )
    page = provider.get("/en/provider/")
    checks.expect("dashboard: the listing waits for review", "review" in page.text.lower())

    # A curator approves it in the admin.
    curator = visitor()
    page = curator.get("/admin/login/?next=/admin/")
    address, secret = context["curator"]
    page = submit(
        curator, "/admin/login/?next=/admin/", page, {"username": address, "password": secret}
    )
    checks.expect("admin: the curator signs in", page.status == 302, page.status)
    page = curator.get("/admin/providers/reviewitem/")
    found = re.search(
        r'href="(/admin/providers/reviewitem/\d+/change/)">' + re.escape(name), page.text
    )
    where = page.text.find(name)
    checks.expect(
        "admin: the listing is in the review queue",
        bool(found),
        (page.status, page.text[max(0, where - 300) : where + 50]),
    )
    assert found
    review = found.group(1)
    page = submit(
        curator,
        review,
        curator.get(review),
        {"decision": "approve", "message": "Welcome to Rooted."},
    )
    checks.expect("admin: approved", page.status == 302, page.status)
    page = curator.get("/admin/providers/reviewitem/")
    checks.expect(
        "admin: the review queue no longer holds it, and says it is published",
        review not in page.text and "is published" in page.text,
    )

    slug = ""
    for path in (
        "/en/search/?q=drill+okafor",
        "/es/search/?q=drill+okafor",
        "/zh-hans/search/?q=drill+okafor",
    ):
        page = seeker.get(path)
        match = re.search(r'href="/[a-z-]+/listings/([a-z0-9-]+)/', page.text)
        checks.expect(
            f"search {path}: the approved listing is found",
            page.status == 200 and bool(match),
            page.status,
        )
        assert match
        slug = match.group(1)
    page = seeker.get(f"/en/listings/{slug}/")
    checks.expect(
        "the listing page answers through the proxy",
        page.status == 200 and name in page.text,
        page.status,
    )
    for port in context["app_ports"]:
        direct = Client("127.0.0.1", port, host, plain=True)
        page = direct.get(f"/en/listings/{slug}/", headers={"X-Forwarded-Proto": "https"})
        checks.expect(
            f"the approved listing is served by the app server on port {port}",
            page.status == 200 and name in page.text,
            page.status,
        )

    reporter = visitor()
    path = f"/en/listings/{slug}/report/"
    page = reporter.get(path)
    form_page = page
    page = submit(reporter, path, form_page, {"reason": "closed", "note": "Drill report."})
    checks.expect(
        "report form: posted with its CSRF token, thanked",
        page.status == 302 and page.location.endswith("/report/thanks/"),
        page.status,
    )
    stranger = visitor()
    page = stranger.post(path, {"reason": "closed"})
    checks.expect(
        "report form: refused without its CSRF token (403, with the crisis lines)",
        page.status == 403 and 'href="tel:988"' in page.text,
        page.status,
    )

    every = seeker.responses + provider.responses + curator.responses + reporter.responses
    errors = [(request, status) for request, status in every if status >= 500]
    checks.expect("no response of 500 or more in the walk", not errors, errors)
    return slug
