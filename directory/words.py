"""What a search's words name: the seeker's own words for what they can filter by.

`q` may name a language, an identity, a concern, an approach or a kind of
support, in the page's language or in English ("terapeuta español", "中文",
"Black therapist", "support group"). `Words.read` finds those names and common
synonyms in `q` and gives them back as terms of the search's parameters, with
the words left over to search as text. It is the one place words become
criteria: ListingFilter.params applies its reading before any filter runs, so
the page, its counts, its suggestions and the HSDS API's `search` all agree.

Names are matched whole, by their words, without regard to case or accents;
the longest name wins ("support group" before "group"). In Chinese and
Japanese, written without spaces, a name is found anywhere inside the words.
The phrases come from the vocabularies' names and curators' synonyms (both
translated, in the admin) and, for the kinds of support, which are not in the
database, from translated lists below. Everything is built once with the
cached vocabularies (directory/filters.py): reading `q` costs no query.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import pgettext

from directory.criteria import VOCABULARY_CRITERIA
from directory.params import Recognised, SearchParams, Term
from directory.text_search import UNSPACED

# Which parameter a vocabulary's names apply, in order of preference when one
# phrase names terms of several. Identity words ask for experience with the
# community, which ranks who identifies as part of it first.
PARAMS = {
    "lang": "lang",
    "identity": "experience",
    "specialty": "specialty",
    "approach": "approach",
    "kind": "kind",
}
PREFERENCE = {param: index for index, param in enumerate(PARAMS.values())}

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
# Parentheses, also the full-width ones of Chinese names.
_PARENTHESES = re.compile(r"\s*[(\uff08]([^)\uff09]*)[)\uff09]")
_GENDERED = re.compile(r"\b(\w+)o/a\b")


def kind_synonyms() -> dict[str, str]:
    """Common words for each kind of support, comma-separated, in the current language."""
    return {
        "clinician": pgettext(
            "words a seeker may type for a clinician, comma-separated",
            "therapist, therapists, counselor, counselors, counsellor, counsellors, "
            "psychologist, psychologists, psychotherapist, psychotherapists, psychiatrist, "
            "psychiatrists, social worker, clinician, clinicians",
        ),
        "practice": pgettext(
            "words a seeker may type for a practice, comma-separated",
            "clinic, clinics, practice, group practice, counseling center, mental health center",
        ),
        "community": pgettext(
            "words a seeker may type for a community support, comma-separated",
            "support group, support groups, peer support, community support, mutual aid, "
            "healing circle",
        ),
        "crisis-line": pgettext(
            "words a seeker may type for a crisis line, comma-separated",
            "crisis line, hotline, helpline, warm line",
        ),
    }


def filler_words() -> str:
    return pgettext(
        "small words a search ignores beside a filter it recognised in the search words, "
        "comma-separated",
        "a, an, and, for, in, near, me, my, of, or, speaks, speaking, that, the, to, who, with",
    )


def normalise(text: str) -> str:
    """Without case or accents: "Español" and "espanol" alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare).casefold()


def tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise(match.group()) for match in _TOKEN.finditer(text))


def variants(name: str) -> set[str]:
    """A name as a seeker may type it: whole, without its parenthesis, the parenthesis
    alone ("CBT"), and a gendered Spanish ending either way ("Negro/a")."""
    found = {name}
    bare = _PARENTHESES.sub("", name).strip()
    found.add(bare)
    found.update(inner.strip() for inner in _PARENTHESES.findall(name))
    for text in list(found):
        if _GENDERED.search(text):
            found.add(_GENDERED.sub(r"\1o", text))
            found.add(_GENDERED.sub(r"\1a", text))
    return {text for text in found if text}


def split_list(text: str) -> list[str]:
    """ "therapist, counselor" as its phrases; also with Chinese or Arabic commas."""
    return [
        part.strip()
        for part in re.split(r"[,\uff0c\u3001;\uff1b\u061b\u060c\n]", text)
        if part.strip()
    ]


@dataclass(frozen=True)
class Reading:
    """What `q` names, by parameter, and the words left to search as text."""

    terms: dict[str, tuple[Term, ...]]
    found: tuple[Recognised, ...]
    rest: str


class Words:
    """The phrases that name terms, normalised, built once with the vocabularies."""

    def __init__(self, names: Iterable[tuple[Term, str]], fillers: str = "") -> None:
        """`names`: each term with a name or a comma-separated list of synonyms."""
        self.spaced: dict[tuple[str, ...], tuple[str, Term]] = {}
        unspaced: dict[str, tuple[str, Term]] = {}
        for term, text in names:
            param = PARAMS.get(term.vocabulary)
            if param is None or not text:
                continue
            for phrase in split_list(text):
                for variant in variants(phrase):
                    key = tokens(variant)
                    if key:
                        self._add(self.spaced, key, (param, term))
                    if UNSPACED.search(variant) and len(key) == 1:
                        self._add(unspaced, key[0], (param, term))
        self.longest = max(map(len, self.spaced), default=0)
        # Longest first, so "粤语" is taken before a shorter name inside it.
        self.unspaced = sorted(unspaced.items(), key=lambda item: -len(item[0]))
        self.fillers = set(tokens(fillers.replace(",", " ")))

    @staticmethod
    def _add(index: dict, key: object, meaning: tuple[str, Term]) -> None:
        known = index.get(key)
        if known is None or PREFERENCE[meaning[0]] < PREFERENCE[known[0]]:
            index[key] = meaning

    def read(self, q: str) -> Reading:
        spans = [
            (match.start(), match.end(), normalise(match.group())) for match in _TOKEN.finditer(q)
        ]
        found: list[Recognised] = []
        edits: dict[int, str] = {}  # token index: what is left of it ("" when all of it)
        for index, (_start, _end, token) in enumerate(spans):
            if not UNSPACED.search(token):
                continue
            left = token
            for phrase, (param, term) in self.unspaced:
                if phrase in left:
                    found.append(Recognised(param, term, phrase))
                    left = left.replace(phrase, " ")
            if left != token:
                for filler in self.fillers:
                    left = left.replace(filler, " ") if UNSPACED.search(filler) else left
                edits[index] = " ".join(left.split())
        index = 0
        while index < len(spans):
            for length in range(min(self.longest, len(spans) - index), 0, -1):
                run = range(index, index + length)
                key = tuple(spans[i][2] for i in run)
                meaning = self.spaced.get(key)
                if meaning is not None and not any(i in edits for i in run):
                    words = q[spans[index][0] : spans[index + length - 1][1]]
                    found.append(Recognised(meaning[0], meaning[1], words))
                    edits.update(dict.fromkeys(run, ""))
                    index += length
                    break
            else:
                index += 1
        if not found:
            return Reading({}, (), q)
        return Reading(self._terms(found), tuple(self._unique(found)), self._rest(q, spans, edits))

    @staticmethod
    def _unique(found: list[Recognised]) -> list[Recognised]:
        seen: set[tuple[str, object]] = set()
        unique = []
        for item in found:
            if (item.param, item.term.id) not in seen:
                seen.add((item.param, item.term.id))
                unique.append(item)
        return unique

    def _terms(self, found: list[Recognised]) -> dict[str, tuple[Term, ...]]:
        terms: dict[str, tuple[Term, ...]] = {}
        for item in self._unique(found):
            terms[item.param] = (*terms.get(item.param, ()), item.term)
        return terms

    def _rest(self, q: str, spans: list[tuple[int, int, str]], edits: dict[int, str]) -> str:
        """`q` without the words that named terms, nor the small words around them."""
        pieces, position = [], 0
        for index, (start, end, token) in enumerate(spans):
            if index in edits:
                replacement = edits[index]
            elif token in self.fillers:
                replacement = ""
            else:
                continue
            pieces += [q[position:start], f" {replacement} "]
            position = end
        pieces.append(q[position:])
        chunks = "".join(pieces).split()
        return " ".join(chunk for chunk in chunks if _TOKEN.search(chunk))


def recognised_text(params: SearchParams) -> list[str]:
    """Each criterion read from the words, as the seeker will see it:
    "Language: Spanish (from “español”)"."""
    found = []
    for item in params.recognised:
        criterion = VOCABULARY_CRITERIA[item.param]
        described = criterion.describe(params.changed(**{item.param: (item.term,)}))
        found.append(
            pgettext("a filter read from the search words", "%(filter)s (from “%(words)s”)")
            % {"filter": described, "words": item.words}
        )
    return found
