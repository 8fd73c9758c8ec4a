"""Photos: real JPEG, PNG or WebP images only, re-encoded small without metadata, and
always with a text alternative."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from providers.models import Listing
from tests.factories import DraftListingFactory, UserFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def image_file(fmt="JPEG", size=(1600, 1200), name="amara-okafor-at-home.jpg", gps=False):
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # camera make
        exif[0x0112] = 1  # orientation
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (37.0, 45.0, 3.0), 3: "W", 4: (122.0, 25.0, 9.0)})
        options["exif"] = exif
    image.save(out, fmt, **options)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(fmt, "")
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def draft(owner):
    return DraftListingFactory(name="Amara Okafor", owners=[owner])


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


def upload(client, listing, **data):
    return client.post(f"/en/provider/listings/{listing.uuid}/edit/photo/", data)


def stored(listing):
    listing.refresh_from_db()
    listing.photo.open("rb")
    try:
        return Image.open(io.BytesIO(listing.photo.read()))
    finally:
        listing.photo.close()


def test_a_jpeg_is_resized_and_its_location_and_camera_details_removed(signed_in, draft):
    original = image_file(gps=True)
    assert Image.open(io.BytesIO(original.read())).getexif().get_ifd(GPS_IFD)
    original.seek(0)
    response = upload(signed_in, draft, photo=original, photo_alt="Amara in her office")
    assert response.status_code == 302
    image = stored(draft)
    assert image.format == "JPEG"
    assert max(image.size) == 800
    assert len(image.getexif()) == 0
    assert "exif" not in image.info
    assert draft.photo_alt == "Amara in her office"
    # the file name says nothing about the person
    assert "amara" not in draft.photo.name


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(signed_in, draft, fmt):
    response = upload(
        signed_in, draft, photo=image_file(fmt, size=(300, 200), name="p.img"), photo_alt="A logo"
    )
    assert response.status_code == 302
    image = stored(draft)
    assert image.format == fmt
    assert image.size == (300, 200)


def test_a_file_that_only_pretends_to_be_an_image_is_refused(signed_in, draft):
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = upload(signed_in, draft, photo=fake, photo_alt="Me")
    assert response.status_code == 200
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()
    draft.refresh_from_db()
    assert not draft.photo


def test_other_image_formats_are_refused(signed_in, draft):
    response = upload(signed_in, draft, photo=image_file("GIF", name="me.gif"), photo_alt="Me")
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()


def test_a_truncated_image_is_refused(signed_in, draft):
    whole = image_file(size=(400, 400)).read()
    broken = SimpleUploadedFile("me.jpg", whole[: len(whole) // 2], content_type="image/jpeg")
    response = upload(signed_in, draft, photo=broken, photo_alt="Me")
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()


def test_a_photo_over_5_mb_is_refused(signed_in, draft):
    big = SimpleUploadedFile(
        "big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024), content_type="image/jpeg"
    )
    response = upload(signed_in, draft, photo=big, photo_alt="Me")
    assert "larger than 5 MB" in response.content.decode()


def test_a_photo_needs_a_text_alternative(signed_in, draft):
    response = upload(signed_in, draft, photo=image_file(), photo_alt="")
    assert response.status_code == 200
    assert "Describe the photo for people who cannot see it." in response.content.decode()
    draft.refresh_from_db()
    assert not draft.photo


def test_the_refusal_is_translated(signed_in, draft):
    fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")
    response = signed_in.post(
        f"/es/provider/listings/{draft.uuid}/edit/photo/", {"photo": fake, "photo_alt": "Yo"}
    )
    assert response.status_code == 200
    assert '<html lang="es"' in response.content.decode()


def test_a_photo_can_be_removed_and_its_file_goes_too(
    signed_in, draft, django_capture_on_commit_callbacks
):
    upload(signed_in, draft, photo=image_file(), photo_alt="Me")
    draft.refresh_from_db()
    name = draft.photo.name
    assert draft.photo.storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(signed_in, draft, remove="on", photo_alt="Me")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.photo and draft.photo_alt == ""
    assert not Listing.objects.get(pk=draft.pk).photo
    assert not draft.photo.storage.exists(name)


def test_the_photo_is_optional(signed_in, draft):
    response = upload(signed_in, draft, photo_alt="")
    assert response.status_code == 302


def test_a_new_photo_on_a_published_listing_waits_for_review(client, owner):
    from tests.factories import OwnedListingFactory

    listing = OwnedListingFactory(name="Amara Okafor", slug="amara-okafor", owners=[owner])
    client.force_login(owner)
    upload(client, listing, photo=image_file(), photo_alt="Amara")
    listing.refresh_from_db()
    assert not listing.photo
    assert listing.pending_changes.get().photo


def test_a_transparent_png_keeps_its_transparency(signed_in, draft):
    image = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    logo = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    upload(signed_in, draft, photo=logo, photo_alt="Our logo")
    assert stored(draft).mode == "RGBA"
