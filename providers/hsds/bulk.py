"""The API's bulk format (`?format=ndjson`): every matching record in one answer.

A bulk answer costs far more than a page, so:

- each client address may ask for BULK_PER_CLIENT of them an hour (a program
  that mirrors the directory needs one a day); more get HTTP 429;
- a dump of the whole directory (no search parameters, only `format` and the
  serialiser's flags) is written once to a file under BULK_ROOT and served from
  it, until the directory changes: the file's name carries a version made of
  the public listings' count, their latest change and the day (listings leave
  search by date), so an edit, an approval or midnight makes the next request
  write a new file, and older files for the same answer are removed then.
  Searches in bulk are computed per request, as pages are.
"""

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max
from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from providers import ratelimit
from providers.models import Listing

BULK_PER_CLIENT = ratelimit.Limit("api-bulk-client", attempts=10, period=ratelimit.HOUR)
WHOLE_DIRECTORY_PARAMS = {"format", "full", "minimal", "full_service"}
CONTENT_TYPE = "application/x-ndjson"


def limited(request: HttpRequest) -> bool:
    """Count one bulk request from the client's address; True when it is one too many."""
    return BULK_PER_CLIENT.hit(ratelimit.client_key(request))


def directory_version() -> str:
    now = timezone.now()
    public = Listing.objects.searchable(now).aggregate(count=Count("pk"), last=Max("updated_at"))
    text = f"{now.date()}:{public['count']}:{public['last']}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _answer_name(request: HttpRequest) -> str:
    """The same for every request that must get the same bytes, whatever the version."""
    flags = sorted((name, request.GET.get(name, "")) for name in request.GET if name != "format")
    what = f"{request.path.strip('/')}:{get_language()}:{flags}"
    return hashlib.sha256(what.encode()).hexdigest()[:16]


def _write(path: Path, lines: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines(lines)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def response(
    request: HttpRequest, lines: Callable[[], Iterable[str]]
) -> FileResponse | StreamingHttpResponse:
    """The bulk answer: from its file for the whole directory, else streamed."""
    if set(request.GET) - WHOLE_DIRECTORY_PARAMS:
        return StreamingHttpResponse(lines(), content_type=CONTENT_TYPE)
    root = Path(settings.BULK_ROOT)
    answer = _answer_name(request)
    path = root / f"{answer}-{directory_version()}.ndjson"
    if not path.exists():
        _write(path, lines())
        for older in root.glob(f"{answer}-*.ndjson"):
            if older != path:
                older.unlink(missing_ok=True)
    return FileResponse(path.open("rb"), content_type=CONTENT_TYPE)
