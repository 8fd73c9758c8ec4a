"""A listing's photo: re-encoded from its pixels, resized, its text alternative."""

import io
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from providers.models import Listing, User
from providers.services.shared import _delete_photo_file, _edited, _fresh, _snapshot

PHOTO_MAX_SIDE = 800


def _reencode(upload: UploadedFile) -> "ContentFile[bytes]":
    """The image re-encoded from its pixels alone, at most PHOTO_MAX_SIDE on a side.

    Saving only the pixels drops EXIF (GPS position, camera, dates), XMP and
    comments, and anything hidden after the image data.
    """
    upload.seek(0)
    with Image.open(upload) as opened:
        source_format = opened.format
        # Turn the pixels upright first: the orientation tag goes with the rest of EXIF.
        image: Image.Image = ImageOps.exif_transpose(opened)
        image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
        transparent = image.mode in ("RGBA", "LA", "P") or "transparency" in image.info
        if source_format == "JPEG":
            image = image.convert("RGB")
            options: dict[str, Any] = {"format": "JPEG", "quality": 85, "optimize": True}
            extension = "jpg"
        else:
            image = image.convert("RGBA" if transparent else "RGB")
            if source_format == "WEBP":
                options, extension = {"format": "WEBP", "quality": 85}, "webp"
            else:
                options, extension = {"format": "PNG", "optimize": True}, "png"
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        out = io.BytesIO()
        clean.save(out, **options)
    # A random name: an uploaded file's own name often carries a person's name.
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


@transaction.atomic
def listing_set_photo(
    *, listing: Listing, by: User, upload: UploadedFile | None, alt: str, remove: bool = False
) -> None:
    """Store a new photo (re-encoded, resized, metadata stripped), remove it, or change
    its text alternative. The upload must already be checked to be an image."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    old = listing.photo.name if listing.photo else ""
    if remove:
        listing.photo = None
        listing.photo_alt = ""
    else:
        if (upload is not None or listing.photo) and not alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo for people who cannot see it.")}
            )
        if upload is not None:
            photo = _reencode(upload)
            listing.photo.save(photo.name or "photo", photo, save=False)
        listing.photo_alt = alt.strip()
    listing.full_clean()
    listing.save()
    if old and old != (listing.photo.name if listing.photo else ""):
        _delete_photo_file(listing, old)
    _edited(listing, by, before)
