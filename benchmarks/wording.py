"""The words of the benchmark's synthetic briefing: the vocabularies its names, headlines and
claims are drawn from, and ``Words``, which draws sentences, claims, quotes, figures and dates
from the corpus's one seeded random generator (``benchmarks.corpus`` builds the records).
"""

from __future__ import annotations

import random

SYLLABLES = ("ka", "ren", "vol", "ma", "dor", "sin", "tal", "ko", "ber", "na", "mir", "sa",
              "gor", "li", "ves", "ta", "nam", "po", "zel", "ri", "kan", "do", "mel", "ost",
              "ya", "chon", "bar", "el", "tur", "ash", "in", "ro", "vik", "um", "hae", "jin")
FIRST_NAMES = ("Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hyun", "Ilya",
                "Jae", "Kirill", "Lena", "Min", "Nadia", "Oleg", "Park", "Qasim", "Rosa",
                "Sergei", "Tomas", "Una", "Viktor", "Wen", "Yuri", "Zoya")
ORG_FORMS = ("Ministry of {x}", "{X} Trading Company", "{X} News Agency", "State Committee for {x}",
              "{X} Shipping Line", "{X} Institute", "Office of the {X} Envoy", "{X} Grain Board",
              "{X} Customs Service", "{X} Relief Fund")
ORG_WORDS = ("agriculture", "foreign trade", "defence", "external economic relations", "fisheries",
              "energy", "transport", "public security", "food supply", "railways")
PLACE_FORMS = ("Port of {X}", "{X} border crossing", "{X} airfield", "{X} rail yard", "{X} Province",
                "{X} free economic zone")
AGREEMENT_FORMS = ("{X}–{Y} grain accord", "Treaty of {X}", "{X} cooperation protocol",
                    "{X}–{Y} livestock agreement", "{X} memorandum on trade")
EVENT_FORMS = ("{X} summit", "{X} trade fair", "{X} naval exercise", "{X} delegation visit")
KINDS = (("person", 35), ("organization", 28), ("country", 8), ("place", 15),
          ("agreement", 7), ("event", 7))
OUTLETS = tuple(f"The {w} {k}" for w in ("Daily", "Weekly", "Evening", "Morning", "Coastal", "Northern")
                 for k in ("Herald", "Ledger", "Courier", "Observer", "Times", "Dispatch", "Review"))
SUBJECTS = ("officials", "diplomats", "customs records", "satellite images", "shipping data",
             "state media", "aid workers", "analysts", "the ministry", "a spokesperson",
             "trade statistics", "port authorities", "defence officials", "intelligence officials")
VERBS = ("said", "reported", "showed", "confirmed", "claimed", "indicated", "suggested", "stated",
          "announced", "estimated", "acknowledged")
GOODS = ("wheat", "flour", "rice", "maize", "fuel oil", "fertiliser", "artillery shells", "rockets",
          "goats", "cattle", "sheep", "tractors", "medicine", "coal", "timber", "steel",
          "munitions", "spare parts", "seed potatoes", "sugar", "soybean oil", "trucks")
ACTIONS = ("shipped", "delivered", "sold", "transferred", "pledged", "received", "offered",
            "unloaded", "exchanged", "inspected", "seized", "returned")
QUALIFIERS = ("by rail", "by sea", "across the border", "through a third country",
               "under a barter arrangement", "before the harvest", "during the winter",
               "in several consignments", "without public notice", "as part of a wider deal",
               "according to the same officials", "despite sanctions", "for the second time")
UNITS = ("tonnes", "head", "containers", "wagons", "shipments", "crates", "barrels")
LOCATORS = ("headline", "subheadline", "photo caption", "table 1", "embedded post", "final paragraph")
TAG_WORDS = ("food", "arms", "sanctions", "shipping", "rail", "livestock", "grain", "treaty",
              "diplomacy", "munitions", "aid", "energy", "customs", "ports", "border", "finance",
              "fisheries", "labour", "technology", "military", "summit", "trade", "fuel", "medicine")
HEADLINE_FORMS = ("{A} and {B} agree to expand {g} trade", "{A} sends {g} to {B}, officials say",
                   "Inside the {g} deal between {A} and {B}", "{A} denies buying {g} from {B}",
                   "Satellite images show {g} moving from {A} to {B}",
                   "What we know about the {g} shipments", "{A} officials visit {B} amid {g} talks",
                   "{B} says {g} deliveries will continue")


def title_case(word: str) -> str:
    return word[:1].upper() + word[1:]


def slugify(text: str) -> str:
    out = "".join(c if c.isalnum() and c.isascii() else "-" for c in text.lower())
    return "-".join(part for part in out.split("-") if part)[:60] or "x"


class Words:
    """Made-up names, sentences, claims, quotes, figures and dates, drawn from ``rng``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_names: set[str] = set()

    def coined(self, parts: tuple[int, int] = (2, 3)) -> str:
        """A made-up proper name that is not used yet (places, people, outlets)."""
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(*parts)))
            name = title_case(word)
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def number(self) -> int:
        return self.rng.choice((12, 40, 85, 120, 300, 447, 450, 900, 1_200, 2_500, 5_000, 12_000))

    def sentence(self, names: list[str]) -> str:
        rng = self.rng
        who = rng.choice(names) if names and rng.random() < 0.6 else rng.choice(SUBJECTS).capitalize()
        other = rng.choice(names) if names else "the other side"
        goods = rng.choice(GOODS)
        body = (f"{who} {rng.choice(ACTIONS)} {self.number():,} {rng.choice(UNITS)} of {goods} "
                f"to {other} {rng.choice(QUALIFIERS)}")
        if rng.random() < 0.3:
            more = rng.choice(("about", "nearly", "at least", "up to"))
            body += f", {more} {rng.randint(2, 60)}% more than the year before"
        if rng.random() < 0.15:
            word = rng.choice(("urgent", "overdue", "a gift", "routine"))
            body += f" (the {rng.choice(GOODS)} was “{word}”)"
        return f"{body}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)}."

    def claim(self, names: list[str]) -> str:
        text = self.sentence(names)
        if self.rng.random() < 0.45:
            text += " " + self.sentence(names)
        roll = self.rng.random()
        if roll < 0.06:
            goods = next((g for g in GOODS if g in text), None)
            if goods:
                text = text.replace(goods, f"*{goods}*", 1)
        elif roll < 0.09:
            text += f" See the [customs notice](https://customs.example/notice/{self.rng.randint(1, 9999)})."
        elif roll < 0.1:
            text += " The ministry's code was `RX-7`."
        return text

    def quote(self) -> str:
        words = self.sentence([]).rstrip(".").split()
        start = self.rng.randint(0, max(0, len(words) - 6))
        return " ".join(words[start:start + self.rng.randint(6, 20)])

    def date(self, centre: int, spread_days: int) -> str:
        day = centre + self.rng.randint(-spread_days, spread_days)
        year, rest = divmod(day, 360)
        month, dom = divmod(rest, 30)
        return f"{year:04d}-{month + 1:02d}-{min(dom + 1, 28):02d}"

    def partial(self, full: str, p_month: float, p_year: float) -> str:
        roll = self.rng.random()
        if roll < p_year:
            return full[:4]
        if roll < p_year + p_month:
            return full[:7]
        return full
