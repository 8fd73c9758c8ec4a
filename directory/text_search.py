"""Words in a search (`q`), matched as text: on PostgreSQL against each listing's
full-text `SearchDocument` in the page's language or English, elsewhere (and for
scripts written without spaces) by a plain contains match on its name and texts.

Reading the words for the names of filters ("español") is directory/words.py.
"""

import re
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language

from providers.models import Listing, SearchDocument

MAX_QUERY_WORDS = 8


def current_language_suffix() -> str:
    """The current interface language as a modeltranslation column suffix ("zh_hans")."""
    code = get_language() or settings.LANGUAGE_CODE
    if code not in {language for language, _name in settings.LANGUAGES}:
        code = settings.LANGUAGE_CODE
    return code.replace("-", "_")


def text_columns() -> list[str]:
    """The about and approach texts in the current language, then in English."""
    suffixes = dict.fromkeys([current_language_suffix(), settings.LANGUAGE_CODE])
    return [f"{text}_{suffix}" for suffix in suffixes for text in ("about", "approach_text")]


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_query(q: str) -> Any:
    """PostgreSQL: the words as typed, by their English stems, or as the start of a word.

    "counselling" matches itself, "counsel" matches it by its stem, and "Nguy"
    matches "Nguyen" as the beginning of a longer word.
    """
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(q, config="simple", search_type="websearch") | SearchQuery(
        q, config="english", search_type="websearch"
    )
    # Not with "quoted phrases" or -excluded words, which the prefixes would undo;
    # not for one- or two-letter words, which begin too many.
    words = re.findall(r"\w+", q)[:MAX_QUERY_WORDS]
    if words and '"' not in q and not re.search(r"(^|\s)-", q) and min(map(len, words)) > 2:
        prefixes = " & ".join(f"{word}:*" for word in words)
        query |= SearchQuery(prefixes, config="simple", search_type="raw")
    return query


def read_here(path: str = "") -> Q:
    """The SearchDocuments a search in the current language reads (PostgreSQL): one
    a listing, in its own language's texts where it has them, else in English.
    `path` leads from the model filtered to its documents ("documents__").

    Tested on every document a pass reads, so by the cheaper of PostgreSQL's two
    tests: whether the JSON list holds the code (`?`) rather than whether it
    contains a list that does (`@>`). At 50,000 listings, a pass over the 77,000
    documents testing only this took 39 ms with `?` and 47 with `@>` (11 without)."""
    return Q(**{f"{path}read_by__has_key": current_language_suffix()})


def language_documents() -> QuerySet[SearchDocument]:
    return SearchDocument.objects.filter(read_here())


def text_rank(q: str) -> Any:
    """How well the listing's document in the current language matches `q` (PostgreSQL),
    for ordering the search index's entries.

    Read from the document text_condition joined, as it matches; for words in a
    script without spaces, which text_condition matches without a join, looked
    up listing by listing."""
    from django.contrib.postgres.search import SearchRank

    if not UNSPACED.search(q):
        return SearchRank(F("documents__document"), search_query(q))
    document = language_documents().filter(listing_id=OuterRef("pk"))
    return Subquery(
        document.annotate(rank=SearchRank(F("document"), search_query(q))).values("rank")[:1]
    )


# Scripts written without spaces between words, where a word is found only as a
# part of a longer run of text: Chinese and Japanese.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def matching_documents(q: str) -> QuerySet[SearchDocument] | None:
    """The documents a search in the current language reads that hold the words of
    `q`, where that is the whole of text_condition (PostgreSQL, spaced scripts)."""
    if not uses_full_text_search() or UNSPACED.search(q):
        return None
    return language_documents().filter(document=search_query(q))


def text_condition(q: str) -> Q:
    """Every word of `q` in the name or the texts in the current language, or in English.

    On PostgreSQL a full-text match against the listing's SearchDocument (GIN
    indexed), joined to the search index entry (one document a listing). Elsewhere,
    and for words in scripts without spaces (Chinese), where full-text search
    cannot find part of a run of text, a plain contains match.
    """
    if uses_full_text_search() and not UNSPACED.search(q):
        # Which document first: the cheaper test, which spares the other most documents.
        return read_here("documents__") & Q(documents__document=search_query(q))
    contains = Listing.objects.all()
    for word in q.split()[:MAX_QUERY_WORDS]:
        anywhere = Q(name__icontains=word)
        for column in text_columns():
            anywhere |= Q(**{f"{column}__icontains": word})
        contains = contains.filter(anywhere)
    by_contains = Q(pk__in=contains.values("pk"))
    if not uses_full_text_search():
        return by_contains
    documents = language_documents().filter(listing_id=OuterRef("pk"), document=search_query(q))
    return Q(Exists(documents)) | by_contains
