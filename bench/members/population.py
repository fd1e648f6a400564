"""The made-up people: households at addresses, and which of their members registered."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import names as N

# Household kinds and their shares of households.
KINDS = {
    "single": 0.30,
    "couple": 0.19,
    "family": 0.27,
    "twins": 0.07,
    "junior_senior": 0.06,
    "flatmates": 0.11,
}
CHILDREN = {1: 35, 2: 40, 3: 18, 4: 7}  # children in a family
LATEST_BIRTH = 2012


@dataclass(frozen=True)
class Address:
    number: str
    street: str  # name and type, e.g. "tullaroop street"
    unit: str  # address_2: "unit 4", a building name, or ""
    suburb: str
    postcode: str
    state: str


@dataclass
class Person:
    role: str
    sex: str  # "m" or "f"
    culture: str
    given: str
    surname: str
    dob: date
    ssid: str
    household: int = -1
    pid: int = -1
    partner: Person | None = field(default=None, repr=False)
    near_identical: bool = False  # a twin or sibling named almost like a sibling


@dataclass
class Household:
    hid: int
    kind: str
    address: Address
    people: list[Person]  # everyone who lives there
    members: list[Person] = field(default_factory=list)  # those who registered (they get records)


class World:
    """Name and address samplers, drawn from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cultures = list(N.CULTURES)
        self.culture_weights = [N.CULTURES[c][0] for c in self.cultures]
        self.given_samplers = {
            (c, sex): N.Sampler(N.NAMES[c][sex], 0.7) for c in self.cultures for sex in "mf"
        }
        self.surname_samplers = {c: N.Sampler(N.NAMES[c]["s"], 0.6) for c in self.cultures}
        self.states = list(N.STATES)
        self.state_weights = [N.STATES[s][0] for s in self.states]
        self.suburbs: dict[str, list[tuple[str, str]]] = {}
        for state, (_share, lo, hi, text) in N.STATES.items():
            self.suburbs[state] = [(sub, f"{rng.randint(lo, hi):04d}") for sub in N._words(text)]
        self.street_types = list(N.STREET_TYPES)
        self.ssids: set[str] = set()
        self.everyone: list[Person] = []

    # -- names, dates, addresses
    def culture(self) -> str:
        return self.rng.choices(self.cultures, self.culture_weights)[0]

    def given(self, culture: str, sex: str, avoid: tuple[str, ...] = ()) -> str:
        while True:
            name = self.given_samplers[culture, sex](self.rng)
            if name not in avoid:
                return name

    def surname(self, culture: str) -> str:
        return self.surname_samplers[culture](self.rng)

    def dob(self, first_year: int, last_year: int) -> date:
        start = date(first_year, 1, 1)
        return start + timedelta(days=self.rng.randrange((date(last_year, 12, 31) - start).days + 1))

    def ssid(self) -> str:
        while True:
            value = str(self.rng.randrange(1_000_000, 10_000_000))
            if value not in self.ssids:
                self.ssids.add(value)
                return value

    def address(self, state: str | None = None) -> Address:
        rng = self.rng
        state = state or rng.choices(self.states, self.state_weights)[0]
        suburb, postcode = rng.choice(self.suburbs[state])
        stype = rng.choices(self.street_types, N.STREET_TYPE_WEIGHTS)[0]
        number = "" if rng.random() < 0.03 else str(min(int(rng.expovariate(1 / 40)) + 1, 400))
        unit = ""
        roll = rng.random()
        if roll < 0.22:
            unit = f"{rng.choices(['unit', 'flat', 'apartment'], [75, 15, 10])[0]} {rng.randint(1, 30)}"
        elif roll < 0.30:
            unit = rng.choice(N.BUILDINGS)
        return Address(number, f"{rng.choice(N.STREETS)} {stype}", unit, suburb, postcode, state)

    def person(self, role: str, sex: str, culture: str, dob: date, surname: str | None = None) -> Person:
        return Person(
            role, sex, culture, self.given(culture, sex), surname or self.surname(culture), dob, self.ssid()
        )

    # -- households
    def household(self, hid: int, kind: str | None = None) -> Household:
        rng = self.rng
        kind = kind or rng.choices(list(KINDS), list(KINDS.values()))[0]
        culture = "anglo" if kind == "junior_senior" and rng.random() < 0.6 else self.culture()
        people = getattr(self, f"_{kind}")(culture)
        household = Household(hid, kind, self.address(), people)
        for person in people:
            person.household = hid
        household.members = self._registered(household)
        self.everyone.extend(household.members)
        return household

    def _single(self, culture: str) -> list[Person]:
        rng = self.rng
        sex = rng.choice("mf")
        person = self.person("single", sex, culture, self.dob(1940, 2006))
        # A namesake: somebody elsewhere with the same full name (common names repeat anyway).
        others = [p for p in self.everyone[-400:] if p.sex == sex]
        if others and rng.random() < 0.06:
            twin_name = rng.choice(others)
            person.given, person.surname, person.culture = (
                twin_name.given,
                twin_name.surname,
                twin_name.culture,
            )
        return [person]

    def _couple(
        self, culture: str, role: str = "partner", first: int = 1945, last: int = 2000
    ) -> list[Person]:
        rng = self.rng
        sexes = rng.choice(["mm", "ff"]) if rng.random() < 0.05 else "mf"
        one = self.person(role, sexes[0], culture, self.dob(first, last))
        age_gap = round(rng.gauss(0, 4) * 365)
        other_culture = self.culture() if rng.random() < 0.15 else culture
        two_dob = min(
            one.dob + timedelta(days=age_gap + rng.randint(-180, 180)), date(LATEST_BIRTH - 14, 12, 31)
        )
        two = self.person(role, sexes[1], other_culture, two_dob)
        if sexes == "mf" and rng.random() < 0.6:  # she took his name, or (rarely) he took hers
            if rng.random() < 0.9:
                two.surname = one.surname
            else:
                one.surname = two.surname
        one.partner, two.partner = two, one
        return [one, two]

    def _family(self, culture: str, twins: bool = False) -> list[Person]:
        rng = self.rng
        parents = self._couple(culture, "parent", 1950, 1988)
        if rng.random() < 0.12:  # a single parent
            parents[0].partner = parents[1].partner = None
            parents = [rng.choice(parents)]
        father = next((p for p in parents if p.sex == "m"), parents[0])
        surname = father.surname if rng.random() < 0.85 else parents[-1].surname
        youngest_parent = max(p.dob for p in parents)
        count = rng.choices(list(CHILDREN), list(CHILDREN.values()))[0]
        if twins:
            count = 2 + rng.choices([0, 1, 2], [50, 35, 15])[0]
        twin_at = rng.randrange(count - 1) if twins else -1
        children: list[Person] = []
        born = youngest_parent + timedelta(days=rng.randint(20 * 365, 34 * 365))
        born = min(born, date(LATEST_BIRTH, 12, 31) - timedelta(days=rng.randint(0, 3 * 365)))
        for k in range(count):
            if twins and k == twin_at + 1:  # the second twin: same day, same surname
                children.append(self._twin(children[-1], children[:-1]))
                continue
            if born.year > LATEST_BIRTH:
                break
            child = self.person("twin" if k == twin_at else "child", rng.choice("mf"), culture, born, surname)
            self._sibling_name(child, children)
            children.append(child)
            born += timedelta(days=rng.randint(300, 5 * 365))
        if twins and not any(c.role == "twin" for c in children):
            return self._family(culture, twins=True)
        return parents + children

    def _twin(self, first: Person, older: list[Person]) -> Person:
        rng = self.rng
        sex = first.sex if rng.random() < 0.67 else ("f" if first.sex == "m" else "m")
        taken = tuple(c.given for c in older)
        twin = self.person("twin", sex, first.culture, first.dob, first.surname)
        twin.given = self.given(first.culture, sex, avoid=(first.given, *taken))
        if rng.random() < 0.4:  # named almost alike: ethan/evan, isabella/isabelle, oliver/olivia
            group = rng.choice(N.SIMILAR[sex if sex == first.sex else "x"])
            a, b = rng.sample(group, 2)
            if sex != first.sex:
                a, b = (group[0], group[1]) if first.sex == "m" else (group[1], group[0])
            if a not in taken and b not in taken:
                first.given, twin.given = a, b
                first.near_identical = twin.near_identical = True
        return twin

    def _sibling_name(self, child: Person, older: list[Person]) -> None:
        rng = self.rng
        taken = tuple(c.given for c in older)
        child.given = self.given(child.culture, child.sex, avoid=taken)
        same_sex = [c for c in older if c.sex == child.sex and not c.near_identical]
        if same_sex and rng.random() < 0.25:  # jayden/jordan, emma/emily, mia/maya
            sibling = rng.choice(same_sex)
            a, b = rng.sample(rng.choice(N.SIMILAR[child.sex]), 2)
            if a not in taken and b not in taken:
                sibling.given, child.given = a, b
                sibling.near_identical = child.near_identical = True

    def _twins(self, culture: str) -> list[Person]:
        return self._family(culture, twins=True)

    def _junior_senior(self, culture: str) -> list[Person]:
        rng = self.rng
        senior = self.person("senior", "m", culture, self.dob(1940, 1975))
        junior_dob = senior.dob + timedelta(days=rng.randint(20 * 365, 40 * 365))
        junior_dob = min(junior_dob, date(2006, 12, 31))
        junior = self.person("junior", "m", culture, junior_dob, senior.surname)
        junior.given = senior.given
        people = [senior, junior]
        if rng.random() < 0.75:
            mother_dob = senior.dob + timedelta(days=rng.randint(-6 * 365, 4 * 365))
            mother = self.person("parent", "f", culture, mother_dob, senior.surname)
            if rng.random() < 0.25:
                mother.surname = self.surname(culture)
            senior.partner, mother.partner = mother, senior
            people.append(mother)
        born = junior.dob
        for _ in range(rng.choices([0, 1, 2], [60, 30, 10])[0]):
            born += timedelta(days=rng.randint(300, 5 * 365))
            if born.year <= LATEST_BIRTH:
                child = self.person("child", rng.choice("mf"), culture, born, senior.surname)
                child.given = self.given(culture, child.sex, avoid=tuple(p.given for p in people))
                people.append(child)
        return people

    def _flatmates(self, culture: str) -> list[Person]:
        people: list[Person] = []
        for k in range(self.rng.choices([2, 3, 4], [60, 30, 10])[0]):
            mate_culture = culture if k == 0 else self.culture()
            mate = self.person("flatmate", self.rng.choice("mf"), mate_culture, self.dob(1975, 2004))
            while any(p.surname == mate.surname for p in people):
                mate.surname = self.surname(mate_culture)
            people.append(mate)
        return people

    def _registered(self, household: Household) -> list[Person]:
        """Who of the household is in the member list: everybody, or some (pairs stay whole)."""
        rng = self.rng
        people = household.people
        whole = {"single": 1.0, "couple": 0.7, "flatmates": 0.4}.get(household.kind, 0.55)
        if len(people) == 1 or rng.random() < whole:
            return list(people)
        keep = [p for p in people if p.role in ("twin", "junior", "senior") or rng.random() < 0.5]
        return keep or [rng.choice(people)]
