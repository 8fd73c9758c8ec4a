"""The one import writer (providers/writing.py): every import path writes a listing the
same way, records one history entry per listing it writes, and keeps search current."""

import io
import json
from datetime import date
from uuid import uuid4

import pytest

from providers.hsds.importer import import_hsds
from providers.importing import import_listings_csv
from providers.incoming import Incoming
from providers.models import Language, Listing, ListingEvent
from providers.samhsa import import_samhsa
from providers.vocabulary import Vocabularies
from providers.writing import ImportWriter
from tests.directory.test_search_support import search

pytestmark = pytest.mark.django_db

TODAY = date.today().isoformat()


def import_csv(text: str):
    return import_listings_csv(file=io.StringIO(text))


def hsds_service(service_id: str, name: str, *, location_id: str) -> dict:
    """One active HSDS service at a clinic on Valencia Street, San Francisco."""
    address = {
        "address_1": "1 Valencia St",
        "city": "San Francisco",
        "state_province": "CA",
        "postal_code": "94110",
        "country": "US",
    }
    location = {"id": location_id, "name": "Clinic", "addresses": [address]}
    return {
        "id": service_id,
        "name": name,
        "status": "active",
        "assured_date": TODAY,
        "service_at_locations": [{"location": location}],
    }


def import_one_of_each(tmp_path) -> dict[str, Listing]:
    """The same Spanish-speaking practice in San Francisco, once through each path."""
    import_csv(
        "slug,name,kind,status,languages,postal_code,in_person,last_confirmed\n"
        f"from-csv,From CSV,practice,published,es,94110,1,{TODAY}\n"
    )
    service = hsds_service("from-hsds", "From HSDS", location_id="place")
    service["languages"] = [{"code": "es"}]
    (tmp_path / "service.json").write_text(json.dumps(service))
    import_hsds(path=tmp_path / "service.json", publish=True)
    samhsa = tmp_path / "facilities.csv"
    samhsa.write_text(
        "name1,name2,street1,street2,city,state,zip,phone,service_code_info\n"
        "From SAMHSA,,1 Mission St,,San Francisco,CA,94110,415-555-0100,SP IPT\n"
    )
    reference = tmp_path / "reference.csv"
    reference.write_text(
        "service_code,category_code,service_name\n"
        "SP,LANG,Spanish\nIPT,TAP,Individual psychotherapy\n"
    )
    import_samhsa(path=samhsa, reference_path=reference)
    return {
        path: Listing.objects.get(name__startswith=f"From {path}")
        for path in ("CSV", "HSDS", "SAMHSA")
    }


def test_a_listing_imported_by_each_path_is_found_with_the_same_reasons(client, tmp_path):
    listings = import_one_of_each(tmp_path)

    page = search(client, lang="es")

    assert sorted(page.listings) == sorted(listing.slug for listing in listings.values())
    reasons = {path: page.reasons[listing.slug] for path, listing in listings.items()}
    assert reasons["CSV"] == reasons["HSDS"] == reasons["SAMHSA"]
    assert reasons["CSV"]  # the language is a reason to show it


def test_each_import_records_one_history_entry_per_listing(tmp_path):
    listings = import_one_of_each(tmp_path)
    for listing in listings.values():
        assert listing.events.filter(action=ListingEvent.Action.IMPORTED).count() == 1

    import_one_of_each(tmp_path)

    # SAMHSA's facilities are confirmed by each import; nothing else changed.
    confirmed = {"CSV": [], "HSDS": [], "SAMHSA": ["last_confirmed_at"]}
    for path, listing in listings.items():
        events = list(listing.events.order_by("id"))
        assert [event.changes["created"] for event in events] == [True, False]
        assert events[1].changes["changed"] == confirmed[path]


def test_the_writer_writes_a_batch_in_a_constant_number_of_queries(
    django_assert_max_num_queries,
):
    rows = "".join(
        f"row-{n},Row {n},clinician,published,es;vi,CA;OR,anxiety,94110,{TODAY}\n"
        for n in range(60)
    )
    header = (
        "slug,name,kind,status,languages,online_states,specialties,postal_code,last_confirmed\n"
    )

    with django_assert_max_num_queries(70):
        report = import_csv(header + rows)

    assert report.created == 60
    assert Listing.objects.filter(listing_languages__language__code="vi").count() == 60


def test_a_listing_the_database_refuses_costs_only_itself():
    vocabularies = Vocabularies.load()
    writer = ImportWriter(source="import", vocabularies=vocabularies)
    spanish = Language.objects.get(code="es")

    def incoming(slug: str, **fields) -> Incoming:
        return Incoming(
            fields={"slug": slug, "name": slug.title(), "kind": "clinician", **fields},
            slug=slug,
            languages={"speaks": [spanish]},
        )

    written = writer.write(
        [
            incoming("before"),
            incoming("upside-down", fee_min=200, fee_max=80),  # only the database checks
            incoming("after"),
        ]
    )

    assert [result.failed for result in written] == [False, True, False]
    assert "listing_fee_min_lte_fee_max" in str(written[1].error)
    assert set(Listing.objects.values_list("slug", flat=True)) == {"before", "after"}
    assert Listing.objects.get(slug="after").languages.get() == spanish
    assert ListingEvent.objects.count() == 2


def test_a_place_keeps_the_id_its_open_data_gives_it(tmp_path):
    def place_ids_after_importing(location_id: str) -> list[str]:
        path = tmp_path / "service.json"
        path.write_text(
            json.dumps(hsds_service("clinic", "Mission Clinic", location_id=location_id))
        )
        import_hsds(path=path, publish=True)
        return [
            str(place) for place in Listing.objects.get().locations.values_list("uuid", flat=True)
        ]

    first, second = str(uuid4()), str(uuid4())
    assert place_ids_after_importing(first) == [first]
    assert place_ids_after_importing(first) == [first]
    # The same place under a new id in the source: the API publishes the new id.
    assert place_ids_after_importing(second) == [second]
