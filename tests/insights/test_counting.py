"""Counting searches into cells: what is counted, what is kept, and what never is."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from insights.cells import Cell
from insights.counting import add
from insights.models import SearchCell
from tests.factories import ListingFactory, LocationFactory

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
SECRET_IP = "203.0.113.187"
SECRET_AGENT = "Mozilla/5.0 (X11; Linux x86_64) QuietWillowAgent/7.31"
SECRET_WORDS = "grief after my brother marigoldquest"


def cells() -> list[tuple[str, str, str, str, int]]:
    return list(
        SearchCell.objects.values_list("filters", "zip3", "state", "band", "searches").order_by(
            "filters", "band"
        )
    )


@pytest.mark.django_db
def test_a_search_is_kept_as_its_cell_only(client):
    LocationFactory(listing=ListingFactory(speaks=["vi"]), postal_code="94110")
    response = client.get(
        "/en/search/",
        {"near": "94117", "lang": ["vi", "ko"], "sliding": "1", "max_fee": "60", "q": "calm"},
        **BROWSER,
    )
    assert response.status_code == 200
    (cell,) = SearchCell.objects.all()
    assert (cell.filters, cell.zip3, cell.state) == (
        "lang=ko&lang=vi&max_fee=75&sliding=1",
        "941",
        "CA",
    )
    assert (cell.language, cell.band, cell.searches, cell.span) == ("en", "0", 1, "day")


@pytest.mark.django_db
def test_an_online_search_is_kept_by_state_and_the_community_page_by_its_kinds(client):
    ListingFactory(video=True, online_states=["NY"], speaks=["es"])
    client.get("/es/search/", {"online": "NY", "lang": "es"}, **BROWSER)
    client.get("/en/community/", {"online": "NY"}, **BROWSER)
    assert cells() == [
        ("kind=community&kind=crisis-line", "", "NY", "0", 1),
        ("lang=es", "", "NY", "1-4", 1),
    ]
    assert SearchCell.objects.get(filters="lang=es").language == "es"


@pytest.mark.django_db
def test_the_result_band_follows_the_results(client):
    for _ in range(5):
        ListingFactory(video=True, online_states=["WA"])
    client.get("/en/search/", {"online": "WA"}, **BROWSER)
    client.get("/en/search/", {"online": "WA", "free": "1"}, **BROWSER)
    assert cells() == [("", "", "WA", "5+", 1), ("free=1", "", "WA", "0", 1)]


@pytest.mark.django_db
def test_the_same_search_twice_counts_twice_even_from_the_shared_page(client, settings):
    settings.SEARCH_PAGE_SECONDS = 60  # the second is served from the cache
    for _ in range(2):
        client.get("/en/search/", {"online": "OR"}, **BROWSER)
    assert cells() == [("", "", "OR", "0", 2)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, headers, query",
    [
        ("head", BROWSER, {}),
        ("get", {}, {}),
        ("get", {"HTTP_ACCEPT": "application/json"}, {}),
        ("get", {**BROWSER, "HTTP_CACHE_CONTROL": "max-age=0"}, {}),
        ("get", {**BROWSER, "HTTP_SEC_PURPOSE": "prefetch"}, {}),
        ("get", {**BROWSER, "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1)"}, {}),
        ("get", BROWSER, {"page": "2"}),
    ],
    ids=["head", "no-accept", "json", "reload", "prefetch", "robot", "page-2"],
)
def test_what_is_not_counted(client, method, headers, query):
    for _ in range(12):
        ListingFactory(video=True, online_states=["TX"])
    response = getattr(client, method)("/en/search/", {"online": "TX", **query}, **headers)
    assert response.status_code == 200
    assert SearchCell.objects.count() == 0


@pytest.mark.django_db
def test_signed_in_people_and_a_switched_off_counter_are_not_counted(client, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    client.get("/en/search/", {"online": "TX"}, **BROWSER)
    del client.cookies[settings.SESSION_COOKIE_NAME]
    settings.INSIGHTS_COUNTING = False
    client.get("/en/search/", {"online": "TX"}, **BROWSER)
    assert SearchCell.objects.count() == 0


@pytest.mark.django_db
def test_nothing_identifying_is_anywhere_in_the_database(client):
    """Searches with an address, a user agent, words and an exact ZIP code, then every
    text value in every table is read: none of them is there."""
    LocationFactory(listing=ListingFactory(speaks=["vi"]), postal_code="94110")
    for near in ("94117", "37.7712,-122.4413"):
        response = client.get(
            "/vi/search/",
            {"near": near, "lang": "vi", "q": SECRET_WORDS},
            REMOTE_ADDR=SECRET_IP,
            HTTP_USER_AGENT=SECRET_AGENT,
            HTTP_X_FORWARDED_FOR=SECRET_IP,
            **BROWSER,
        )
        assert response.status_code == 200
    assert SearchCell.objects.count() == 2  # both were counted
    secrets = [SECRET_IP, "203.0.113", "QuietWillow", "marigoldquest", "brother", "94117", "37.77"]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                found += [(table, secret) for secret in secrets if secret in text]
    assert found == []
    assert not response.cookies


@pytest.mark.django_db(transaction=True)
def test_counts_are_right_when_many_count_the_same_cell_at_once():
    """Eight threads, each with its own database connection, count one cell 25 times
    each (and a second cell once each): no count is lost."""
    threads_count, each = 8, 25
    errors: list[BaseException] = []
    start = threading.Barrier(threads_count)

    def count() -> None:
        try:
            start.wait()
            for _ in range(each):
                add(Cell("lang=vi", "941", "CA"), timezone.localdate(), "en", "0")
            add(Cell("lang=ko", "", "NY"), timezone.localdate(), "en", "5+")
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=count) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cells() == [
        ("lang=ko", "", "NY", "5+", threads_count),
        ("lang=vi", "941", "CA", "0", threads_count * each),
    ]
