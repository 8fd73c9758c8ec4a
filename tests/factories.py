"""Factories for test data: small worlds built per test, never fixture files."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from providers.models import (
    Identity,
    Language,
    Listing,
    ListingLanguage,
    Location,
    ServiceArea,
    User,
)
from providers.search_index import search_index_update


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"provider{n}@example.org")
    password = factory.django.Password("correct horse battery staple")
    email_verified_at = factory.LazyFunction(timezone.now)


class ListingFactory(DjangoModelFactory):
    """A published clinician confirmed a week ago, with no places, languages or costs."""

    class Meta:
        model = Listing
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    kind = Listing.Kind.CLINICIAN
    status = Listing.Status.PUBLISHED
    name = factory.Sequence(lambda n: f"Provider {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    about = factory.LazyAttribute(lambda o: f"{o.name} offers counselling.")
    last_confirmed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    video = False
    in_person = True

    class Params:
        draft = factory.Trait(status=Listing.Status.DRAFT)
        stale = factory.Trait(
            last_confirmed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=200))
        )
        hidden = factory.Trait(
            last_confirmed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=400))
        )

    @factory.post_generation
    def speaks(self, create: bool, codes: list[str] | None, **kwargs: object) -> None:
        """`ListingFactory(speaks=["vi", "en"])`: the provider speaks these languages."""
        for code in codes or []:
            ListingLanguage.objects.create(listing=self, language=Language.objects.get(code=code))

    @factory.post_generation
    def interpreter(self, create: bool, codes: list[str] | None, **kwargs: object) -> None:
        for code in codes or []:
            ListingLanguage.objects.create(
                listing=self,
                language=Language.objects.get(code=code),
                offered=ListingLanguage.Offered.INTERPRETER,
            )

    @factory.post_generation
    def identities(self, create: bool, slugs: list[str] | None, **kwargs: object) -> None:
        """`ListingFactory(identities=["black"])`: the provider identifies as these."""
        if slugs:
            self.identifies_as.set(Identity.objects.filter(slug__in=slugs))

    @factory.post_generation
    def experience(self, create: bool, slugs: list[str] | None, **kwargs: object) -> None:
        if slugs:
            self.experienced_with.set(Identity.objects.filter(slug__in=slugs))

    @factory.post_generation
    def online_states(self, create: bool, states: list[str] | None, **kwargs: object) -> None:
        for state in states or []:
            ServiceArea.objects.create(listing=self, state=state)

    @factory.post_generation
    def indexed(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Last: into the search index, as the services that publish a listing do."""
        if create:
            search_index_update(listing_ids=[self.pk])


class LocationFactory(DjangoModelFactory):
    """A place in the Mission, San Francisco (ZIP 94110) unless told otherwise."""

    class Meta:
        model = Location
        skip_postgeneration_save = True

    listing = factory.SubFactory(ListingFactory)
    address = factory.Sequence(lambda n: f"{n} Valencia St")
    city = "San Francisco"
    region = "CA"
    postal_code = "94110"
    latitude = 37.7509
    longitude = -122.4153

    @factory.post_generation
    def indexed(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            search_index_update(listing_ids=[self.listing_id])


def reindex(*listings: Listing) -> None:
    """After a test changes listings through the ORM, as a service would."""
    search_index_update(listing_ids=[listing.pk for listing in listings])


# Vocabulary terms. The 0002 migration loads the curated vocabularies; these
# fetch a term by its code or slug, creating it only when a test needs one the
# migration does not have.


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = "providers.Language"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"x{n}")
    name = factory.LazyAttribute(lambda o: o.code.upper())


class IdentityFactory(DjangoModelFactory):
    class Meta:
        model = "providers.Identity"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"identity-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    group = "race-ethnicity"


class SpecialtyFactory(DjangoModelFactory):
    class Meta:
        model = "providers.Specialty"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"specialty-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class ApproachFactory(DjangoModelFactory):
    class Meta:
        model = "providers.Approach"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"approach-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class InsuranceFactory(DjangoModelFactory):
    class Meta:
        model = "providers.Insurance"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"insurance-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


# Provider area ---------------------------------------------------------------


class UnverifiedUserFactory(UserFactory):
    """An account that has not yet opened its verification link."""

    email_verified_at = None


class OwnedListingFactory(ListingFactory):
    """A listing with owners: `OwnedListingFactory(owners=[user])`, else a new account."""

    class Meta:
        django_get_or_create = ()

    @factory.post_generation
    def owners(self, create: bool, users: list[User] | None, **kwargs: object) -> None:
        self.owners.add(*(users if users is not None else [UserFactory()]))


class DraftListingFactory(OwnedListingFactory):
    """An owned draft, never published: no slug, never confirmed."""

    status = Listing.Status.DRAFT
    slug = ""
    last_confirmed_at = None
