"""The search index (providers.search_index): every change the public could notice
shows on the next search, and nothing else touches it."""

import sqlite3
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.counts import PLANNER_COSTS, count_search
from directory.filters import read_search
from providers import curation, search_bits, services
from providers.models import AgeGroup, Format, Language, Listing, SearchEntry, Specialty
from providers.search_index import search_index_update
from tests.directory.test_search_support import search
from tests.factories import (
    DraftListingFactory,
    ListingFactory,
    OwnedListingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_published_listing_is_found_at_once(client):
    curator = UserFactory(is_staff=True, is_superuser=True)
    ListingFactory(name="Anh Tran", speaks=["vi"])
    assert search(client, lang="vi").listings == ["anh-tran"]
    submitted = DraftListingFactory(
        name="Bao Le", slug="bao-le", status=Listing.Status.SUBMITTED, speaks=["vi"]
    )

    services.listing_approve(listing=submitted, curator=curator)

    page = search(client, lang="vi")
    assert page.listings == ["anh-tran", "bao-le"]
    assert page.total == 2


def test_a_hidden_listing_leaves_at_once(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", speaks=["vi"], owners=[owner])
    assert search(client, lang="vi").total == 1

    services.listing_hide(listing=listing, by=owner)

    assert search(client, lang="vi").total == 0


def test_self_service_availability_changes_the_counts_at_once(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", accepting_new_clients=False, owners=[owner])
    assert 'name="accepting" value="1"' in client.get("/en/search/").content.decode()
    assert search(client, accepting="1").total == 0

    services.listing_set_availability(
        listing=listing,
        by=owner,
        accepting_new_clients=True,
        in_person=True,
        video=False,
        phone_sessions=False,
        ages=AgeGroup.objects.none(),
        formats=Format.objects.none(),
    )

    assert search(client, accepting="1").listings == ["anh-tran"]


def test_a_renamed_language_shows_its_new_name_at_once(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    assert ">vietnamita<" in client.get("/es/search/").content.decode()
    vietnamese = Language.objects.get(code="vi")
    vietnamese.name_es = "Idioma vietnamita"
    vietnamese.save()

    assert "Idioma vietnamita" in client.get("/es/search/").content.decode()


def test_a_bulk_load_is_found_at_once(client):
    assert search(client).total == 0
    call_command("seed_demo", verbosity=0)
    assert search(client).total > 500


def test_words_are_searched_in_each_language_separately(client):
    ListingFactory(name="Lin Wei", about_en="Support after a loss.", about_es="Apoyo en el duelo.")
    assert search(client, "/es/search/", q="apoyo").listings == ["lin-wei"]
    assert search(client, "/en/search/", q="apoyo").listings == []


def test_a_suspended_listing_leaves_and_a_restored_one_returns(client):
    curator = UserFactory(is_staff=True, is_superuser=True)
    listing = ListingFactory(name="Anh Tran", speaks=["vi"])

    curation.listing_suspend(listing=listing, curator=curator, message="Complaint under review.")
    assert search(client, lang="vi").total == 0
    curation.listing_restore(listing=listing, curator=curator)
    assert search(client, lang="vi").listings == ["anh-tran"]


def test_confirming_brings_back_a_listing_that_left_search_for_age(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", speaks=["vi"], owners=[owner], hidden=True)
    assert search(client, lang="vi").total == 0

    services.listing_confirm_current(listing=listing, by=owner)

    assert search(client, lang="vi").listings == ["anh-tran"]


def test_a_listing_a_year_unconfirmed_leaves_search_when_mark_stale_runs(client):
    listing = ListingFactory(name="Anh Tran", speaks=["vi"])
    a_year_ago = timezone.now() - timedelta(days=366)
    # As if confirmed a year and a day ago.
    Listing.objects.filter(pk=listing.pk).update(last_confirmed_at=a_year_ago)
    SearchEntry.objects.filter(pk=listing.pk).update(confirmed_at=a_year_ago)
    assert search(client, lang="vi").total == 1  # until the hourly job runs

    call_command("mark_stale", verbosity=0)

    assert not SearchEntry.objects.filter(pk=listing.pk).exists()
    page = search(client, lang="vi")
    assert page.total == 0
    assert "(1)" not in client.get("/en/search/").content.decode()


def test_a_pending_change_touches_nothing_public_until_approved(client):
    curator = UserFactory(is_staff=True, is_superuser=True)
    owner = UserFactory()
    listing = OwnedListingFactory(
        name="Anh Tran",
        speaks=["vi"],
        owners=[owner],
        phone="555-0100",
        in_person=False,
        video=True,
        online_states=["CA"],
    )
    change = services.listing_working_copy(listing=listing, by=owner)
    services.listing_set_languages(
        listing=change, by=owner, speaks=Language.objects.filter(code="ko"), interpreter=[]
    )
    services.listing_submit(listing=change, by=owner)

    assert search(client, lang="vi").listings == ["anh-tran"]
    assert search(client, lang="ko").total == 0
    assert SearchEntry.objects.count() == 1

    services.listing_approve(listing=change, curator=curator)

    assert search(client, lang="ko").listings == ["anh-tran"]
    assert search(client, lang="vi").total == 0


def test_a_draft_is_never_indexed(client):
    DraftListingFactory(name="Bao Le", speaks=["vi"])

    assert SearchEntry.objects.count() == 0
    assert search(client, lang="vi").total == 0


def test_a_deleted_listing_leaves_search(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", speaks=["vi"], owners=[owner])

    services.listing_delete(listing=listing, by=owner)

    assert search(client, lang="vi").total == 0
    assert SearchEntry.objects.count() == 0


def test_the_work_of_an_edit_does_not_grow_with_the_directory():
    """Keeping the index current costs the same few queries whatever the directory's size."""

    def queries_to_update(listing):
        with CaptureQueriesContext(connection) as captured:
            search_index_update(listing_ids=[listing.pk])
        return len(captured.captured_queries)

    first = ListingFactory(name="First", speaks=["vi", "es"], online_states=["CA"], video=True)
    alone = queries_to_update(first)
    for n in range(30):
        ListingFactory(name=f"Listing {n}", speaks=["vi", "es"], online_states=["CA"], video=True)

    assert queries_to_update(first) == alone <= 10


def test_hundreds_of_listings_changing_at_once_stay_inside_sqlites_limits(client):
    """An import or a vocabulary change re-indexes hundreds of listings that each
    lose many terms, or leave: every statement stays inside SQLite's standard limit
    of 32,766 parameters (some builds allow more; this test asks for the standard)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
    concerns = Specialty.objects.bulk_create(
        Specialty(slug=f"concern-{n}", name=f"Concern {n}") for n in range(90)
    )
    listings = [ListingFactory(name=f"Listing {n:03d}") for n in range(400)]
    through = Listing.specialties.through
    through.objects.bulk_create(
        through(listing_id=listing.pk, specialty_id=concern.pk)
        for listing in listings
        for concern in concerns
    )
    ids = [listing.pk for listing in listings]
    search_index_update(listing_ids=ids)
    assert search(client, specialty="concern-7").total == 400

    through.objects.all().delete()  # each listing loses 90 terms
    Listing.objects.filter(pk__in=ids[:200]).update(status=Listing.Status.SUSPENDED)
    search_index_update(listing_ids=ids)

    assert search(client, specialty="concern-7").total == 0
    assert search(client).total == 200


def test_counts_beside_each_choice_stay_true_through_edits(client):
    """The count beside a choice is the number of listings shown on choosing it,
    after listings are published, changed, hidden, suspended and deleted."""
    curator = UserFactory(is_staff=True, is_superuser=True)
    owner = UserFactory()
    anh = OwnedListingFactory(name="Anh Tran", speaks=["vi", "en"], owners=[owner])
    bao = OwnedListingFactory(name="Bao Le", speaks=["vi"], owners=[owner], free=True)
    chi = OwnedListingFactory(name="Chi Do", speaks=["ko", "vi"], owners=[owner])
    dee = OwnedListingFactory(name="Dee Ray", speaks=["es"], owners=[owner])
    services.listing_hide(listing=bao, by=owner)
    full_and_for_teens_only(chi, owner)
    curation.listing_suspend(listing=dee, curator=curator, message="Checking a report.")
    services.listing_delete(listing=anh, by=owner)
    services.listing_unhide(listing=bao, by=owner)

    page = client.get("/en/search/").content.decode()
    for choice, query in (
        ("filter-lang-vi", {"lang": "vi"}),
        ("filter-lang-ko", {"lang": "ko"}),
        ("filter-age-teens", {"age": "teens"}),
        ("filter-free", {"free": "1"}),
        ("filter-accepting", {"accepting": "1"}),
    ):
        found = search(client, **query)
        assert f'for="{choice}">' in page
        label = page.split(f'for="{choice}">', 1)[1].split("</label>", 1)[0]
        assert f"({len(found.listings)})" in label, (choice, label)
        assert found.total == len(found.listings)
    assert search(client).total == 2
    assert search(client, lang="es").total == 0


def test_deleting_a_vocabulary_term_in_the_admin_takes_it_out_of_search(client):
    from providers.models import Insurance

    curator = UserFactory(is_staff=True, is_superuser=True)
    sliding = Insurance.objects.get(slug="sliding-scale-without-insurance")
    listing = ListingFactory(name="Clinic")
    listing.insurance.set([sliding])
    search_index_update(listing_ids=[listing.pk])
    assert search(client, sliding="1").listings == ["clinic"]

    client.force_login(curator)
    client.post(f"/admin/providers/insurance/{sliding.pk}/delete/", {"post": "yes"})
    client.logout()

    assert not Insurance.objects.filter(pk=sliding.pk).exists()
    assert search(client, sliding="1").total == 0
    assert search(client).total == 1


def test_the_bits_counted_on_postgresql_say_what_the_term_rows_say(client):
    """On PostgreSQL the counts are read from each term's bits (providers.search_bits):
    after listings in two segments are published, changed, hidden and deleted, every
    listing's bit is set for exactly the terms it has, and the counts beside the
    choices are the numbers of results."""
    if not search_bits.kept():
        pytest.skip("SQLite keeps no bits: its counts group the term rows")
    owner = UserFactory()
    near = OwnedListingFactory(name="Near", speaks=["vi", "es"], owners=[owner])
    # Past the first segment of 8,192 listing ids.
    far = OwnedListingFactory(id=3 * search_bits.SEGMENT + 5, name="Far", speaks=["vi"])
    gone = OwnedListingFactory(name="Gone", speaks=["ko"], owners=[owner])
    full_and_for_teens_only(near, owner)
    services.listing_hide(listing=gone, by=owner)
    services.listing_unhide(listing=gone, by=owner)
    services.listing_delete(listing=gone, by=owner)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.term, t.entry_id FROM providers_searchterm t "
            "FULL JOIN (SELECT b.term, b.segment * %s + n AS entry_id FROM providers_searchbits b, "
            "generate_series(0, %s - 1) n WHERE get_bit(b.bits, n) = 1) set "
            "ON set.term = t.term AND set.entry_id = t.entry_id "
            "WHERE t.term IS NULL OR set.term IS NULL",
            [search_bits.SEGMENT, search_bits.SEGMENT],
        )
        assert cursor.fetchall() == []
    assert SearchEntry.objects.filter(pk=far.pk).exists()
    page = search(client, lang="vi")
    assert sorted(page.listings) == ["far", "near"]
    assert search(client, age="teens").listings == ["near"]
    assert search(client, lang="ko").total == 0


def test_bits_made_by_parallel_workers_count_what_one_pass_counts():
    """PostgreSQL may share out the making of a large set's bits among parallel
    workers and merge their parts (migration 0029): the counts are the same as
    from one pass, in every segment."""
    if not search_bits.kept():
        pytest.skip("SQLite keeps no bits: its counts group the term rows")
    for n in range(30):  # in three segments; every other one within the fee
        ListingFactory(
            id=(n % 3) * search_bits.SEGMENT + n + 1,
            fee_min=40 if n % 2 else 200,
            speaks=["vi"] if n % 3 else ["es"],
        )
    params = read_search("max_fee=80")
    expected = {"total": 15, "vi": 10, "es": 5}

    def counted() -> dict[str, int]:
        counts = count_search(params)
        by_code = {
            term.code: counts.facets["lang"].get(str(term.pk), 0) for term in Language.objects.all()
        }
        return {"total": counts.total, "vi": by_code["vi"], "es": by_code["es"]}

    assert counted() == expected
    with connection.cursor() as cursor:
        # However small the table, in parallel: starting workers and sending rows up
        # from them cost nothing, each row aggregated much (so that sharing out the
        # aggregating pays), and the planner is told how few segments there are.
        cursor.execute("ANALYZE providers_searchentry")
        for setting, value in [
            ("parallel_setup_cost", 0),
            ("parallel_tuple_cost", 0),
            ("min_parallel_table_scan_size", 0),
            ("cpu_operator_cost", 10),
            ("max_parallel_workers_per_gather", 2),
        ]:
            cursor.execute(f"SET LOCAL {setting} = {value}")
        with CaptureQueriesContext(connection) as captured:
            assert counted() == expected
        (statement,) = [q["sql"] for q in captured.captured_queries if "search_bits_of" in q["sql"]]
        cursor.execute(f"EXPLAIN {statement.removeprefix(f'{PLANNER_COSTS}; ')}")
        plan = [row[0].strip() for row in cursor.fetchall()]
    # Each worker made its part of the segments' bits, merged above them.
    partial = [n for n, line in enumerate(plan) if line.startswith("->  Partial")]
    assert any("listing_id / 8192" in plan[n + 1] for n in partial), "\n".join(plan)


def full_and_for_teens_only(listing, owner):
    """The owner says the listing takes no new clients, in person only, teens only."""
    services.listing_set_availability(
        listing=listing,
        by=owner,
        accepting_new_clients=False,
        in_person=True,
        video=False,
        phone_sessions=False,
        ages=AgeGroup.objects.filter(slug="teens"),
        formats=Format.objects.none(),
    )
