"""Uploads stop at the cap while they stream: an oversized photo is refused with
a clear message, its bytes neither read to the end nor written to disk (issue
19, item 10)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory

from providers.uploads import SizeCappedUploadHandler
from tests.factories import DraftListingFactory, UserFactory

pytestmark = pytest.mark.django_db
BOUNDARY = "----rooted-test-boundary"
MB = 1024 * 1024


class HugeBody(io.RawIOBase):
    """A multipart body of `size` bytes, made as it is read, counting what is read."""

    def __init__(self, size: int) -> None:
        head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="photo_alt"\r\n\r\nMe\r\n'
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="photo"; filename="huge.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.head, self.size, self.position = head, size, 0

    def readable(self) -> bool:
        return True

    def _bytes(self, start: int, end: int) -> bytes:
        head_end, tail_start = len(self.head), self.size - len(self.tail)
        out = bytearray(self.head[start : min(end, head_end)])
        out += b"\xff" * max(0, min(end, tail_start) - max(start, head_end))
        if end > tail_start:
            out += self.tail[max(start, tail_start) - tail_start : end - tail_start]
        return bytes(out)

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.size - self.position)
        buffer[:count] = self._bytes(self.position, self.position + count)
        self.position += count
        return count


def test_a_500_mb_upload_is_refused_before_it_is_read_or_stored(monkeypatch):
    stored = []
    monkeypatch.setattr(
        TemporaryFileUploadHandler, "new_file", lambda self, *a, **k: stored.append(a)
    )
    body = HugeBody(500 * MB)
    environ = RequestFactory()._base_environ(
        PATH_INFO="/en/provider/",
        REQUEST_METHOD="POST",
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(body.size),
        **{"wsgi.input": body},
    )
    request = WSGIRequest(environ)
    request.user = UserFactory()

    assert request.POST.get("photo_alt") == "Me"
    assert "photo" not in request.FILES
    assert request.upload_too_large is True
    assert body.position < 1 * MB  # read no further than the first chunks
    assert stored == []  # nothing went to a temporary file


@pytest.fixture
def owner(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_an_oversized_photo_is_refused_with_a_clear_message(client, owner):
    draft = DraftListingFactory(owners=[owner])
    big = SimpleUploadedFile("big.jpg", b"\xff" * (7 * MB), content_type="image/jpeg")
    response = client.post(
        f"/en/provider/listings/{draft.uuid}/edit/photo/", {"photo_alt": "Me", "photo": big}
    )
    assert response.status_code == 200
    assert "This photo is larger than 5 MB; please choose a smaller one." in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert not draft.photo


def test_a_translated_message_for_an_oversized_photo(client, owner):
    draft = DraftListingFactory(owners=[owner])
    big = SimpleUploadedFile("big.jpg", b"\xff" * (7 * MB), content_type="image/jpeg")
    response = client.post(
        f"/es/provider/listings/{draft.uuid}/edit/photo/", {"photo_alt": "Yo", "photo": big}
    )
    assert "5 MB" in response.content.decode()
    assert "This photo is larger than 5 MB" not in response.content.decode()


def test_staff_may_upload_larger_files():
    request = RequestFactory().post("/admin/")
    request.user = UserFactory(is_staff=True)
    handler = SizeCappedUploadHandler(request)
    handler.handle_raw_input(None, {}, 20 * MB, BOUNDARY)
    assert not handler.refused
    request.user = UserFactory(email="provider@example.org")
    handler.handle_raw_input(None, {}, 20 * MB, BOUNDARY)
    assert handler.refused
