"""The plain-language guides: their addresses, titles and summaries, in one list.

Each guide's text is its own template, `templates/directory/guides/<slug>.html`,
one `{% blocktranslate %}` per paragraph so translators work a paragraph at a time.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Guide:
    slug: str
    title: Promise
    summary: Promise

    @property
    def template(self) -> str:
        return f"directory/guides/{self.slug}.html"


FIRST_SESSION = Guide(
    slug="first-session",
    title=_("What a first session is like"),
    summary=_("What happens when you meet a therapist or a group for the first time."),
)
QUESTIONS = Guide(
    slug="questions-to-ask",
    title=_("Questions to ask a provider"),
    summary=_("What to ask about cost, identity and language, so there are no surprises."),
)
INTERPRETER = Guide(
    slug="free-interpreter",
    title=_("Your right to a free interpreter"),
    summary=_("Many providers must give you language help at no cost, and what to do if not."),
)
COMMUNITY = Guide(
    slug="community-supports",
    title=_("Community supports and warm lines"),
    summary=_("Care that is not therapy, and how a warm line differs from a crisis line."),
)

GUIDES = (FIRST_SESSION, QUESTIONS, INTERPRETER, COMMUNITY)


def guide_by_slug(slug: str) -> Guide | None:
    """The guide at this address, or None."""
    return next((guide for guide in GUIDES if guide.slug == slug), None)
