"""The demo's about and approach texts, in English and in each interface language a
provider speaks, from the templates in demo/data/texts/."""

import random
from typing import Any

from demo import content as data
from demo.plans import Vocabulary
from providers.models import Listing

Kind = Listing.Kind


def _join(items: list[str], sep: str, last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return sep.join(items[:-1]) + last + items[-1]


def _lower_first(name: str) -> str:
    """'Person-centered therapy' reads as 'person-centered therapy' mid-sentence;
    'Internal Family Systems (IFS)' keeps its capitals."""
    words = name.split()
    if (
        words
        and words[0][1:].islower()
        and all(w.islower() or w.startswith("(") for w in words[1:])
    ):
        return name[:1].lower() + name[1:]
    return name


def closing(r: random.Random, t: data.Texts, *, practice: bool) -> str:
    """A sentence a provider might end with, or none."""
    choices = t.closing_practice if practice else t.closing_clinician
    return r.choice(choices) if choices and r.random() < 0.6 else ""


class DemoTexts:
    """Writes a planned listing's texts: no queries beyond the vocabulary."""

    def __init__(self, *, vocabulary: Vocabulary) -> None:
        self.vocab = vocabulary

    def text_languages(self, r: random.Random, speaks: list[str]) -> list[str]:
        """The interface languages a provider writes in besides English: every one
        they speak (Mandarin in traditional characters for some)."""
        written = []
        for code in (c for c in speaks if c in data.TEXT_LANGUAGE_FOR):
            lang = data.TEXT_LANGUAGE_FOR[code]
            if code == "cmn" and r.random() < 0.3:
                lang = "zh_hant"  # Taiwanese and Hong Kong Mandarin speakers
            written.append(lang)
        return list(dict.fromkeys(written))

    def specialty_phrases(self, lang: str, slugs: list[str], limit: int = 3) -> list[str]:
        words = data.TEXTS[lang].specialties
        phrases = [words[s] for s in slugs if s in words]
        if lang == "en":
            phrases += [
                _lower_first(self.vocab.specialty_names[s])
                for s in slugs
                if s not in words and s in self.vocab.specialty_names
            ]
        return phrases[:limit]

    def approach_phrases(self, lang: str, slugs: list[str], limit: int = 3) -> list[str]:
        words = data.TEXTS[lang].approaches
        phrases = [words[s] for s in slugs if s in words]
        if lang == "en":
            phrases += [
                _lower_first(self.vocab.approach_names[s][0])
                for s in slugs
                if s not in words and not self.vocab.approach_names[s][1]
            ]
        return phrases[:limit]

    def modes_phrase(self, lang: str, modes: dict[str, bool]) -> str:
        t = data.TEXTS[lang]
        return _join([t.modes[m] for m, on in modes.items() if on], t.list_sep, t.modes_last)

    def language_sentence(self, ctx: dict[str, Any], practice: bool) -> str:
        names = self.vocab.language_names
        spoken = [names[c] for c in ctx["speaks"]]
        sentence = ""
        if len(spoken) > 1:
            who = "We offer" if practice else "I offer"
            sentence = f"{who} therapy in {_join(spoken, ', ', ' and ')}."
        if ctx["interpreter"]:
            interpreted = _join([names[c] for c in ctx["interpreter"]], ", ", " and ")
            sentence += f" Interpreters are available for {interpreted}."
        return sentence.strip()

    def rooted_sentence(self, slugs: list[str], *, who: str) -> str:
        """Credit a culturally rooted practice to the community it comes from."""
        for slug in slugs:
            name, origin = self.vocab.approach_names.get(slug, ("", ""))
            if origin:
                if who == "community":
                    return f"Our gatherings draw on a practice from {origin}: {name}."
                return f"{who} also bring in a practice from {origin}: {name}."
        return ""

    def provider_texts(
        self, r: random.Random, kind: str, community: data.Community, ctx: dict[str, Any]
    ) -> dict[str, str]:
        practice = kind == Kind.PRACTICE
        en = data.TEXTS["en"]
        common = {
            "name": ctx["name"],
            "first": ctx["first"],
            "years": ctx["years"],
            "role": ctx["role"],
        }
        # The last clinician template is about living between two cultures.
        templates = (
            en.practice if practice else en.clinician[: None if community.bicultural else -1]
        )
        sentences = [
            r.choice(templates).format(
                city=ctx["city"],
                served=community.served["en"],
                specialties=_join(self.specialty_phrases("en", ctx["specialties"]), ", ", " and "),
                modes=self.modes_phrase("en", ctx["modes"]),
                **common,
            ),
            self.language_sentence(ctx, practice),
        ]
        if not practice and "transgender" in ctx["identifies"]:
            sentences.append(
                "As a trans therapist, I know how much it matters to be seen as who you are."
            )
        elif not practice and "lgbtq" in ctx["identifies"]:
            sentences.append("I'm queer, and LGBTQ+ and trans clients are especially welcome.")
        if not ctx["accepting"]:
            sentences.append(
                "We are not taking new clients right now; ask about the waitlist."
                if practice
                else "My caseload is full right now; you are welcome to join the waitlist."
            )
        sentences.append(en.demo_note)
        approach_items = _join(self.approach_phrases("en", ctx["approaches"]), ", ", " and ")
        approach = (en.practice_approach if practice else r.choice(en.approach)).format(
            approaches=approach_items
        )
        rooted = self.rooted_sentence(ctx["approaches"], who="We" if practice else "I")
        texts = {
            "about_en": " ".join(s for s in sentences if s),
            "approach_text_en": f"{approach} {rooted}".strip() if approach_items else rooted,
        }
        for lang in self.text_languages(r, ctx["speaks"]):
            t = data.TEXTS[lang]
            phrases = self.specialty_phrases(lang, ctx["specialties"])
            key = "practice" if practice else "clinician"
            choices = getattr(t, key) if phrases else getattr(t, f"{key}_general")
            sep = "" if lang.startswith("zh") else " "
            about = r.choice(choices).format(
                city=t.cities.get(ctx["city"], ctx["city"]),
                served=community.served.get(lang, t.served_generic),
                specialties=_join(phrases, t.list_sep, t.list_last),
                modes=self.modes_phrase(lang, ctx["modes"]),
                **common,
            )
            own = closing(r, t, practice=practice)
            about = f"{about}{sep}{own}" if own else about
            texts[f"about_{lang}"] = f"{about}{sep}{t.demo_note}"
            items = self.approach_phrases(lang, ctx["approaches"])
            if items:
                template = t.practice_approach if practice else r.choice(t.approach)
                texts[f"approach_text_{lang}"] = template.format(
                    approaches=_join(items, t.list_sep, t.list_last)
                )
        return texts

    def community_texts(
        self,
        r: random.Random,
        community: data.Community,
        group: data.CommunityGroup,
        ctx: dict[str, Any],
    ) -> dict[str, str]:
        texts: dict[str, str] = {}
        ctype = ctx["ctype"]
        activity = ctype if ctype in ("warm-line", "mutual-aid") else "default"
        for lang in ["en", *self.text_languages(r, ctx["speaks"])]:
            t = data.TEXTS[lang]
            sep = "" if lang.startswith("zh") else " "
            about = r.choice(t.community).format(
                name=ctx["name"],
                city=t.cities.get(ctx["city"], ctx["city"]),
                served=group.served.get(lang) or community.served.get(lang, t.served_generic),
                ctype=t.ctypes[ctype],
                activity=t.activity[activity],
                cost=t.cost_free if ctx["free"] else t.cost_low,
            )
            if lang == "en":
                rooted = self.rooted_sentence(ctx["approaches"], who="community")
                about = f"{about} {rooted}".strip()
            texts[f"about_{lang}"] = f"{about}{sep}{t.demo_note}"
            texts[f"approach_text_{lang}"] = t.community_approach
        return texts
