"""Uploads are capped while they stream, never after.

`SizeCappedUploadHandler` comes first in FILE_UPLOAD_HANDLERS (settings). It
counts a request body's bytes as Django reads them and stops reading, keeping
nothing, once they pass the cap: UPLOAD_MAX_BYTES (6 MB: a 5 MB photo and the
form around it, as nginx's `client_max_body_size 6m`), or for staff, whose CSV
imports are larger, STAFF_UPLOAD_MAX_BYTES. A body that announces a larger size
is refused before its first byte is read. Below the cap a file stays in memory
(FILE_UPLOAD_MAX_MEMORY_SIZE is the same 6 MB), so a provider's upload never
touches the disk.

The request is then marked `upload_too_large`, and the view says so
(providers.views.listing_edit) instead of seeing a form with no file.
"""

from typing import IO, Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest


def upload_too_large(request: HttpRequest) -> bool:
    return bool(getattr(request, "upload_too_large", False))


class SizeCappedUploadHandler(FileUploadHandler):
    def _cap(self) -> int:
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            return int(settings.STAFF_UPLOAD_MAX_BYTES)
        return int(settings.UPLOAD_MAX_BYTES)

    def handle_raw_input(
        self,
        input_data: IO[bytes],
        META: dict[str, str],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        self.cap = self._cap()
        self.received = 0
        self.refused = content_length > self.cap

    def _stop(self) -> None:
        if self.request is not None:
            self.request.upload_too_large = True  # type: ignore[attr-defined]
        # Read no further: nothing more of this body is wanted.
        raise StopUpload(connection_reset=True)

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        if self.refused:
            self._stop()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.cap:
            self._stop()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
