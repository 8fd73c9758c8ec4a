"""The directory's domain: listings, where and how they meet people, and the
vocabularies (languages, identities, specialties, ...) seekers search by."""

import uuid
from datetime import datetime, timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from providers.states import US_STATES

STALE_AFTER = timedelta(days=180)
HIDDEN_AFTER = timedelta(days=365)
# "Accepting new clients" unconfirmed for longer is shown with its date and no
# longer ranks a listing higher (directory.criterion_types.AcceptingCriterion).
AVAILABILITY_FRESH_FOR = timedelta(days=30)


# Accounts ------------------------------------------------------------------


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """An account: a provider who keeps listings, or a curator. Email is the login."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    email_verified_at = models.DateTimeField(_("email verified"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        help_text=_("The interface language Rooted writes to this account in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    def __str__(self) -> str:
        return self.email


# Vocabularies --------------------------------------------------------------


def synonyms_field() -> models.CharField:
    """What else seekers call a term, in each language (directory/words.py reads it)."""
    return models.CharField(
        _("other words for it"),
        max_length=500,
        blank=True,
        help_text=_(
            "Other words or spellings seekers type for it, separated by commas "
            "(“bereavement, loss”). A search's words that name it apply it as a filter."
        ),
    )


class Vocabulary(models.Model):
    """A curated term. `name` is translated into every interface language."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    synonyms = synonyms_field()
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language care can be offered in, by its ISO 639 code (639-1 where one exists)."""

    code = models.CharField(_("ISO 639 code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    synonyms = synonyms_field()
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        return self.code


class Identity(Vocabulary):
    class Group(models.TextChoices):
        RACE_ETHNICITY = "race-ethnicity", _("Race and ethnicity")
        GENDER = "gender", _("Gender identity")
        SEXUALITY = "sexuality", _("Sexual orientation")
        FAITH = "faith", _("Faith")
        MIGRATION = "migration", _("Immigrant and refugee experience")

    group = models.CharField(_("group"), max_length=20, choices=Group.choices)

    class Meta(Vocabulary.Meta):
        verbose_name = _("identity")
        verbose_name_plural = _("identities")


class Specialty(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("specialty")
        verbose_name_plural = _("specialties")


class Approach(Vocabulary):
    """A therapy or practice. A culturally rooted practice credits its community."""

    originating_community = models.CharField(
        _("originating community"),
        max_length=200,
        blank=True,
        help_text=_("For a culturally rooted practice: the community it comes from."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")

    @property
    def is_culturally_rooted(self) -> bool:
        return bool(self.originating_community)


class Insurance(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("insurance")
        verbose_name_plural = _("insurance plans")


class AgeGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")


class Format(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class PaymentMethod(Vocabulary):
    """A way to pay beyond insurance: cash, card, HSA/FSA, a payment plan, ..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("payment method")
        verbose_name_plural = _("payment methods")


class AccessibilityFeature(Vocabulary):
    """Something about the place or the care that makes it reachable: a step-free
    entrance, ASL on site, a quiet waiting room, ..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")


class LicenceType(Vocabulary):
    """A kind of licence to practise (LCSW, LMFT, psychologist, ...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("licence type")
        verbose_name_plural = _("licence types")


def vocabulary_relations() -> dict[str, type[models.Model]]:
    """Listing's vocabulary relations (identifies_as, specialties, ...) -> their term
    model: its many-to-many fields to a Vocabulary."""
    return {
        relation.name: relation.related_model
        for relation in Listing._meta.many_to_many
        if isinstance(relation.related_model, type)
        and issubclass(relation.related_model, Vocabulary)
    }


# Listings ------------------------------------------------------------------


class LicenceCheck(models.TextChoices):
    """How a curator checked a licence."""

    BOARD_WEBSITE = "board_website", _("State board website lookup")
    DOCUMENT = "document", _("Licence document seen")
    PHONE = "phone", _("Phone call to the licensing board")
    OTHER = "other", _("Other (see note)")


class ListingQuerySet(models.QuerySet["Listing"]):
    def published(self) -> "ListingQuerySet":
        return self.filter(status=Listing.Status.PUBLISHED)

    def searchable(self, now: datetime | None = None) -> "ListingQuerySet":
        """Published, confirmed within the last year (of `now`) and hidden by neither
        its owner nor a curator: what the public can see."""
        return self.shown().filter(last_confirmed_at__gte=(now or timezone.now()) - HIDDEN_AFTER)

    def shown(self) -> "ListingQuerySet":
        """Published and hidden by no one: searchable while confirmed within a year,
        and after that gone (its page says so, HTTP 410) until it is confirmed again."""
        return self.published().filter(
            hidden_by_owner_at__isnull=True, hidden_by_curator_at__isnull=True
        )

    def community(self) -> "ListingQuerySet":
        return self.filter(kind__in=Listing.COMMUNITY_KINDS)

    def with_details(self) -> "ListingQuerySet":
        """Everything a listing page or result card shows, in a fixed number of queries."""
        return self.prefetch_related(
            "locations",
            "service_areas",
            models.Prefetch(
                "listing_languages",
                queryset=ListingLanguage.objects.select_related("language").order_by(
                    "offered", "language__position", "language__name"
                ),
            ),
            *vocabulary_relations(),
        )


class Listing(models.Model):
    """One provider of care: a person, a practice, a community group or a line."""

    class Kind(models.TextChoices):
        CLINICIAN = "clinician", _("Clinician")
        PRACTICE = "practice", _("Practice or clinic")
        COMMUNITY = "community", _("Community support")
        CRISIS_LINE = "crisis-line", _("Crisis or warm line")

    # What the community page shows: community supports, crisis and warm lines.
    COMMUNITY_KINDS = (Kind.COMMUNITY.value, Kind.CRISIS_LINE.value)

    class CommunityType(models.TextChoices):
        PEER_SUPPORT = "peer-support", _("Peer support")
        SUPPORT_GROUP = "support-group", _("Support group")
        MUTUAL_AID = "mutual-aid", _("Mutual aid")
        HEALING_CIRCLE = "healing-circle", _("Healing circle")
        AFFINITY_GROUP = "affinity-group", _("Affinity group")
        WARM_LINE = "warm-line", _("Warm line")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")
        # Deleted by its owner while suspended or reported: kept for curators only.
        DELETED = "deleted", _("Deleted by its owner")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    community_type = models.CharField(
        _("type of community support"), max_length=20, choices=CommunityType.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )

    name = models.CharField(_("name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=60, blank=True)
    credentials = models.CharField(
        _("credentials"), max_length=120, blank=True, help_text=_("For example LCSW, PhD, LMFT.")
    )
    about = models.TextField(_("about"), blank=True)
    approach_text = models.TextField(_("approach"), blank=True)
    # The interface language the provider first wrote the texts in; blank when
    # unknown (then the first language they are written in, see `original_text_language`).
    original_language = models.CharField(
        _("original language"),
        max_length=7,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language you first wrote your texts in."),
    )
    # The texts that are reviewed community translations (providers.translating):
    # language -> {"reviewed": ISO date, "digest": the texts' digest when reviewed}.
    # Read from the row itself, so cards and pages need no query to say who wrote a text.
    community_texts = models.JSONField(
        _("community translations"), default=dict, blank=True, editable=False
    )

    licence_types = models.ManyToManyField(
        LicenceType, verbose_name=_("licence types"), related_name="listings", blank=True
    )
    # What the list cannot say: the title as the board writes it, a licence it lacks.
    licence_type = models.CharField(_("licence, as the board writes it"), max_length=60, blank=True)
    licence_number = models.CharField(_("licence number"), max_length=60, blank=True)
    licence_state = models.CharField(
        _("licence state"), max_length=2, choices=US_STATES, blank=True
    )
    licence_verified_at = models.DateTimeField(_("licence verified"), null=True, blank=True)
    licence_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("licence verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    licence_verification_method = models.CharField(
        _("how the licence was verified"),
        max_length=20,
        choices=LicenceCheck.choices,
        blank=True,
    )
    licence_verification_note = models.TextField(_("licence verification note"), blank=True)

    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=250, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    booking_url = models.URLField(_("booking link"), blank=True)

    accepting_new_clients = models.BooleanField(_("accepting new clients"), default=True)
    waitlist_weeks = models.PositiveSmallIntegerField(
        _("waitlist estimate (weeks)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(104)],
    )
    # When the provider last set availability (accepting, waitlist); confirming the
    # whole listing current confirms it too (see `availability_as_of`).
    availability_set_at = models.DateTimeField(_("availability last set"), null=True, blank=True)
    in_person = models.BooleanField(_("in person"), default=False)
    video = models.BooleanField(_("video sessions"), default=False)
    phone_sessions = models.BooleanField(_("phone sessions"), default=False)
    ages = models.ManyToManyField(AgeGroup, verbose_name=_("ages served"), blank=True)
    formats = models.ManyToManyField(Format, verbose_name=_("formats"), blank=True)
    accessibility = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility"),
        related_name="listings",
        blank=True,
    )
    accessibility_note = models.CharField(
        _("accessibility note"),
        max_length=200,
        blank=True,
        help_text=_("Anything the list cannot say, for example “the lift is small”."),
    )

    languages = models.ManyToManyField(
        Language, through="ListingLanguage", verbose_name=_("languages"), blank=True
    )
    identifies_as = models.ManyToManyField(
        Identity, verbose_name=_("identifies as"), related_name="identified_listings", blank=True
    )
    experienced_with = models.ManyToManyField(
        Identity,
        verbose_name=_("experienced with"),
        related_name="experienced_listings",
        blank=True,
    )
    specialties = models.ManyToManyField(Specialty, verbose_name=_("specialties"), blank=True)
    approaches = models.ManyToManyField(Approach, verbose_name=_("approaches"), blank=True)

    fee_min = models.PositiveIntegerField(_("lowest fee per session"), null=True, blank=True)
    fee_max = models.PositiveIntegerField(_("highest fee per session"), null=True, blank=True)
    sliding_scale_min = models.PositiveIntegerField(_("sliding scale from"), null=True, blank=True)
    free = models.BooleanField(_("free option"), default=False)
    payment_methods = models.ManyToManyField(
        PaymentMethod, verbose_name=_("payment methods"), related_name="listings", blank=True
    )
    # The one note for what the list of payment methods cannot say.
    payment_options = models.CharField(
        _("payment note"),
        max_length=200,
        blank=True,
        help_text=_("Anything the list cannot say, for example “first session free”."),
    )
    insurance = models.ManyToManyField(Insurance, verbose_name=_("insurance accepted"), blank=True)

    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("owners"), related_name="listings", blank=True
    )
    last_confirmed_at = models.DateTimeField(_("last confirmed current"), null=True, blank=True)
    # Where an imported listing came from (e.g. "samhsa-2022", "hsds") and its id there,
    # so running an import again updates it instead of adding a copy.
    source = models.CharField(_("source"), max_length=40, blank=True)
    source_id = models.CharField(_("id at the source"), max_length=200, blank=True)
    reminder_sent_at = models.DateTimeField(_("confirmation reminder sent"), null=True, blank=True)
    hidden_by_owner_at = models.DateTimeField(_("hidden by its owner"), null=True, blank=True)
    # A curator's answer to a report (providers.triage): out of the directory until the
    # report is reopened, without the weight of a suspension.
    hidden_by_curator_at = models.DateTimeField(_("hidden by a curator"), null=True, blank=True)
    # Seekers could not reach it (two open wrong-contact reports): its owners were asked
    # to confirm it; confirming it after this date answers.
    reconfirm_requested_at = models.DateTimeField(
        _("re-confirmation requested"), null=True, blank=True
    )
    # A published listing's edits wait in a copy (status draft, no slug, no owners) until
    # a curator approves them, so the public keeps seeing the last approved version.
    draft_of = models.ForeignKey(
        "self",
        verbose_name=_("proposed change to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_changes",
    )
    # The curator who took this item in the review queue ("assign to me").
    review_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("review assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Bumped by every editor step and curator edit; a form read at an older version
    # is refused instead of reverting the newer save (providers.concurrency).
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    # A pending change's base: the listing as it was when the change was started, so
    # approval applies only what the provider changed (providers.merging).
    merge_base = models.JSONField(
        _("published version when the change was started"), null=True, blank=True, editable=False
    )

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=~Q(slug=""), name="listing_slug_unique"
            ),
            models.CheckConstraint(
                condition=Q(fee_min__isnull=True)
                | Q(fee_max__isnull=True)
                | Q(fee_min__lte=models.F("fee_max")),
                name="listing_fee_min_lte_fee_max",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | (~Q(name="") & ~Q(slug="")),
                name="listing_published_has_name_and_slug",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["clinician", "practice", "community", "crisis-line"]),
                name="listing_kind_valid",
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="listing_source_id_unique",
            ),
            models.UniqueConstraint(
                fields=["draft_of"],
                condition=Q(draft_of__isnull=False),
                name="listing_one_pending_change",
            ),
            models.CheckConstraint(
                condition=Q(draft_of__isnull=True) | ~Q(status="published"),
                name="listing_pending_change_unpublished",
                violation_error_message=_(
                    "A pending change is never published itself; approve it to apply it "
                    "to the listing it changes."
                ),
            ),
        ]
        indexes = [
            # The public set: published and recently confirmed.
            models.Index(
                fields=["last_confirmed_at"],
                condition=Q(status="published"),
                name="listing_public_idx",
            ),
            models.Index(fields=["status", "kind"], name="listing_status_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.name or str(_("Untitled listing"))

    def get_absolute_url(self) -> str:
        return reverse("directory:listing", kwargs={"slug": self.slug})

    @property
    def is_stale(self) -> bool:
        confirmed = self.last_confirmed_at
        return confirmed is None or confirmed < timezone.now() - STALE_AFTER

    @property
    def is_hidden(self) -> bool:
        confirmed = self.last_confirmed_at
        return confirmed is None or confirmed < timezone.now() - HIDDEN_AFTER

    @property
    def availability_as_of(self) -> datetime | None:
        """When "accepting new clients" (and the waitlist) were last set or confirmed."""
        dates = [d for d in (self.availability_set_at, self.last_confirmed_at) if d is not None]
        return max(dates, default=None)

    @property
    def availability_is_dated(self) -> bool:
        """Accepting, but not confirmed for 30 days: say since when, and do not rank on it."""
        as_of = self.availability_as_of
        return self.accepting_new_clients and (
            as_of is None or as_of < timezone.now() - AVAILABILITY_FRESH_FOR
        )

    @property
    def licence_verified(self) -> bool:
        return self.licence_verified_at is not None

    @property
    def lowest_fee(self) -> int | None:
        """What a seeker pays at least: the sliding-scale floor, else the lowest fee."""
        candidates = [f for f in (self.sliding_scale_min, self.fee_min) if f is not None]
        if self.free:
            candidates.append(0)
        return min(candidates) if candidates else None

    @property
    def has_cost_information(self) -> bool:
        return (
            self.free
            or self.fee_min is not None
            or self.fee_max is not None
            or self.sliding_scale_min is not None
        )

    def text(self, field: str, language: str | None = None) -> tuple[str, str]:
        """A translated text and the language it is actually in.

        The current language first, then the language the provider first wrote in (when
        they named it), then English, then any language it was written in, so a seeker
        always sees what the provider wrote and can be told which language.
        """
        wanted = language or get_language() or settings.LANGUAGE_CODE
        order = [wanted, self.original_language or settings.LANGUAGE_CODE]
        order += [settings.LANGUAGE_CODE] + [code for code, _name in settings.LANGUAGES]
        for code in order:
            value = getattr(self, f"{field}_{code.replace('-', '_')}", "")
            if value:
                return value, code
        return "", wanted

    @property
    def original_text_language(self) -> str:
        """The language the texts were first written in: as the provider named it, else
        the first interface language (English first) they are written in."""
        written = self.text_languages
        if self.original_language and (self.original_language in written or not written):
            return self.original_language
        return written[0] if written else settings.LANGUAGE_CODE

    @property
    def text_languages(self) -> list[str]:
        """The interface languages its about text is written in."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if getattr(self, f"about_{code.replace('-', '_')}", "")
        ]


def index_entry_join(related_name: str) -> models.ForeignObject:
    """A relation from a row of a listing's to the listing's index entry (the same id),
    with no column of its own: for a search to join the rows to the entries it
    finds (`related_name`, from the entry). Not edited or serialized: a draft's
    rows have no entry."""
    return models.ForeignObject(
        "SearchEntry",
        from_fields=["listing"],
        to_fields=["listing"],
        on_delete=models.DO_NOTHING,
        related_name=related_name,
        editable=False,
        serialize=False,
    )


class SearchDocument(models.Model):
    """A listing's words as the search matches them in one interface language (PostgreSQL).

    Written by a database trigger (migrations 0007 and 0028) whenever a listing's
    name or texts change, never by Django: one row in English (the name and the
    English texts), and one for each other language the listing has texts in (the
    name, those texts and the English ones, the search's fallback). A search in
    language L reads the row for L, or the English one when there is none: the
    one row whose `read_by` names L, so that a search joins each listing to one
    document and ranks it as it matches. The GIN index on `document` makes a
    match a lookup rather than a pass over every listing. On SQLite, which has no
    full-text search, the table stays empty and words are matched with LIKE
    (directory.text_search).
    """

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=7)  # a column suffix: "en", "zh_hans"
    # The interface languages whose searches read this document: column suffixes.
    read_by = models.JSONField(default=list)
    document = SearchVectorField()
    # For a search to join its documents (directory.text_search).
    entry = index_entry_join("documents")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["listing", "language"], name="search_document_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.listing_id} ({self.language})"


class SearchEntry(models.Model):
    """A listing the public can find, as search reads it: one row per searchable listing.

    Written only by `providers.search_index` from the services that change what
    the public sees, in the same transaction; a draft or a pending change never
    has one. The listing's terms (languages, identities, vocabularies, kind,
    online states, cost and availability flags) are its `SearchTerm` rows.
    """

    listing = models.OneToOneField(
        Listing, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    kind = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    confirmed_at = models.DateTimeField()
    # When "accepting new clients" was last set or confirmed; null when not accepting
    # (a crisis line always is). Among equal matches those accepting rank first, and
    # `accepting=1` counts it as a strength only within 30 days of this.
    accepting_as_of = models.DateTimeField(null=True)
    # What a seeker pays at least: 0 when free, else the sliding-scale floor or lowest fee.
    lowest_fee = models.PositiveIntegerField(null=True)
    # The order among equal matches, as columns an index can walk: accepting new
    # clients (`accepting_as_of` set), then confirmed within STALE_AFTER, which
    # mark_stale turns off hourly as confirmations age (search_index_age).
    accepting = models.BooleanField(default=False, db_default=False)
    fresh = models.BooleanField(default=False, db_default=False)

    class Meta:
        indexes = [
            # The one-year cut-off, and the order of `sort=confirmed`.
            models.Index(fields=["confirmed_at", "name"], name="search_entry_confirmed_idx"),
            models.Index(fields=["lowest_fee"], name="search_entry_fee_idx"),
            # The order of a search whose results all match equally: a search that
            # finds much of the directory reads its first page straight off it.
            models.Index(
                fields=["-accepting", "-fresh", "name", "listing"], name="search_entry_order_idx"
            ),
            # The first tier alone (directory.selectors.first_tier), everything a search
            # narrowed to it reads of an entry: read whole from the index, not the table,
            # when the matching documents of a words search are joined to it.
            models.Index(
                fields=["listing", "accepting", "fresh", "name"],
                condition=Q(accepting=True, fresh=True),
                name="search_entry_tier_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SearchTerm(models.Model):
    """One thing a searchable listing has, as a short code: "speaks:12", "kind:community",
    "online:CA", "sliding" (see providers.search_index).

    The primary key (term, entry) answers "which listings have any of these
    terms" from the index alone; `search_term_entry_idx` (entry, term) answers
    "what do these listings have", which the facet counts group.
    """

    pk = models.CompositePrimaryKey("term", "entry")
    term = models.CharField(max_length=40)
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")

    class Meta:
        indexes = [models.Index(fields=["entry", "term"], name="search_term_entry_idx")]

    def __str__(self) -> str:
        return self.term


class BitString(models.Field):
    """PostgreSQL's `bit varying`, read and written only in SQL (providers.search_bits)."""

    def db_type(self, connection: Any) -> str:
        return "bit varying" if connection.vendor == "postgresql" else "blob"


class SearchBits(models.Model):
    """Which searchable listings have a term, as bits: bit n of segment s is the
    listing with id s * 8,192 + n.

    On PostgreSQL, providers.search_bits keeps these beside the SearchTerm rows,
    in the same transaction, and the counts beside a search are read from them
    (directory/counts.py): ANDing a segment's bits and counting the ones costs the
    same however many listings a search finds. SQLite has no operators on bits;
    there the table stays empty and the counts group the SearchTerm rows.
    """

    pk = models.CompositePrimaryKey("term", "segment")
    term = models.CharField(max_length=40)
    segment = models.IntegerField()
    bits = BitString()

    def __str__(self) -> str:
        return f"{self.term} ({self.segment})"


class ListingLanguage(models.Model):
    class Offered(models.TextChoices):
        SPEAKS = "speaks", _("Speaks")
        INTERPRETER = "interpreter", _("Interpreter available")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="listing_languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    offered = models.CharField(
        _("how it is offered"), max_length=12, choices=Offered.choices, default=Offered.SPEAKS
    )

    class Meta:
        verbose_name = _("language offered")
        verbose_name_plural = _("languages offered")
        constraints = [
            models.UniqueConstraint(fields=["listing", "language"], name="listing_language_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.language} ({self.get_offered_display()})"


class Location(models.Model):
    """A place where a listing meets people."""

    # The place's id in the open data (HSDS location and service_at_location).
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    address = models.CharField(_("street address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("state"), max_length=2, choices=US_STATES)
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    transit_notes = models.CharField(_("getting there by transit"), max_length=250, blank=True)
    # For a search to join the places around a point (directory.distances.nearest_places).
    entry = index_entry_join("places")

    class Meta:
        ordering = ["id"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="location_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="location_longitude_range",
            ),
        ]
        # Radius search pre-filters on a bounding box over these two columns.
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_coords_idx")]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.address, self.city, self.region) if part)

    def clean_fields(self, exclude: Any = None) -> None:
        # `entry` is a join for search, not a value of the place to check.
        super().clean_fields(exclude={*(exclude or ()), "entry"})

    @property
    def map_url(self) -> str:
        """An OpenStreetMap link (a link, not an embed: the page itself loads nothing)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            "https://www.openstreetmap.org/?mlat="
            f"{self.latitude:.5f}&mlon={self.longitude:.5f}#map=16/"
            f"{self.latitude:.5f}/{self.longitude:.5f}"
        )


class ServiceArea(models.Model):
    """A state where a provider may see clients by video or phone."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="service_areas")
    state = models.CharField(_("state"), max_length=2, choices=US_STATES)

    class Meta:
        ordering = ["state"]
        verbose_name = _("telehealth state")
        verbose_name_plural = _("telehealth states")
        constraints = [
            models.UniqueConstraint(fields=["listing", "state"], name="service_area_unique"),
        ]
        indexes = [models.Index(fields=["state"], name="service_area_state_idx")]

    def __str__(self) -> str:
        return self.get_state_display()


class ListingEvent(models.Model):
    """One entry in a listing's history: who did what, when. Never deleted."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        IMPORTED = "imported", _("Imported")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")
        RESTORED = "restored", _("Restored")
        CONFIRMED = "confirmed", _("Confirmed current")
        LICENCE_VERIFIED = "licence_verified", _("Licence verified")
        WITHDRAWN = "withdrawn", _("Withdrawn from review")
        DISCARDED = "discarded", _("Pending changes discarded")
        HIDDEN = "hidden", _("Hidden by owner")
        SHOWN = "shown", _("Shown again by owner")
        OWNER_ADDED = "owner_added", _("Owner added")
        STALE = "stale", _("Marked stale: not confirmed for 180 days")
        REPORT_RESOLVED = "report_resolved", _("Report resolved")
        REPORT_REOPENED = "report_reopened", _("Report reopened")
        RECONFIRM_REQUESTED = "reconfirm_requested", _("Re-confirmation requested")
        EXPIRED = "expired", _("Left search: not confirmed for 365 days")
        DELETED = "deleted", _("Deleted by its owner")
        CLAIMED = "claimed", _("Claimed by someone who works there")
        CLAIM_PROVED = "claim_proved", _("Claim proved")
        CLAIM_APPROVED = "claim_approved", _("Claim approved: owner added")
        CLAIM_REFUSED = "claim_refused", _("Claim refused")
        TRANSLATED = "translated", _("Community translation published")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source = models.CharField(
        _("source"), max_length=40, blank=True, help_text=_("For example 'import' or 'system'.")
    )
    message = models.TextField(_("message"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d}"


class Report(models.Model):
    """A seeker's report of a problem with a listing. Holds nothing about who sent it."""

    class Reason(models.TextChoices):
        WRONG_PHONE = "wrong_phone", _("The phone number or contact details are wrong")
        CLOSED = "closed", _("The provider has closed or moved")
        NOT_ACCEPTING = "not_accepting", _("They are not accepting new clients")
        HARMFUL = "harmful", _("Harmful or discriminatory conduct")
        SAFETY = "safety", _("A safety concern")
        OTHER = "other", _("Something else")

    class Severity(models.IntegerChoices):
        """How urgent a report is; the lower the number, the sooner a curator looks."""

        HARMFUL = 1, _("Harmful or discriminatory conduct")
        SAFETY = 2, _("Safety")
        WRONG_CONTACT = 3, _("Wrong contact details")
        CLOSED = 4, _("Closed or moved")
        OTHER = 5, _("Other")

    class Outcome(models.TextChoices):
        """What a curator did about a report; reopening the report undoes it."""

        FIXED = "fixed", _("Fixed")
        LISTING_HIDDEN = "listing_hidden", _("Listing hidden")
        SUSPENDED = "suspended", _("Listing suspended")
        NO_ACTION = "no_action", _("No action needed")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("report status", "Open")
        RESOLVED = "resolved", _("Resolved")

    listing = models.ForeignKey(
        Listing, verbose_name=_("listing"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    severity = models.PositiveSmallIntegerField(
        _("severity"),
        choices=Severity.choices,
        default=Severity.OTHER,
        help_text=_("Set from the reason; a curator may change it."),
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolution_note = models.TextField(_("resolution note"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("seeker report")
        verbose_name_plural = _("seeker reports")
        indexes = [
            models.Index(fields=["created_at"], condition=Q(status="open"), name="report_open_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | Q(resolved_at__isnull=False),
                name="report_resolved_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.listing}"

    @classmethod
    def severity_for(cls, reason: str) -> int:
        """A new report's severity, from the reason the seeker chose."""
        return {
            cls.Reason.HARMFUL: cls.Severity.HARMFUL,
            cls.Reason.SAFETY: cls.Severity.SAFETY,
            cls.Reason.WRONG_PHONE: cls.Severity.WRONG_CONTACT,
            cls.Reason.CLOSED: cls.Severity.CLOSED,
        }.get(reason, cls.Severity.OTHER)  # type: ignore[call-overload]


class ReviewItem(Listing):
    """The review queue in the curator area: a listing or pending change submitted for
    review. A proxy, so the queue has its own page and permissions."""

    class Meta:
        proxy = True
        verbose_name = _("listing waiting for review")
        verbose_name_plural = _("listings waiting for review")


# A claim on an imported listing lives in its own module; imported here so Django
# finds the model with the rest of the app's.
from providers.claim_models import ListingClaim  # noqa: E402, F401

# Community translations live in their own module; imported here so Django finds them.
from providers.translation_models import (  # noqa: E402, F401
    CommunityTranslation,
    TranslationNeed,
)
