"""How a duplicate registration differs from the person's original record.

Each corruption takes a record (a dict of FEBRL fields) and changes it in place, returning False when it
does not apply (no nickname known, no unit to move, a date whose day cannot be a month, ...); the caller
then draws another one. Every duplicate is made from the original, as FEBRL makes them.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from . import names as N
from .population import Person, World

Record = dict[str, str]

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        # Same row either side; the row above sits half a key to the left, the row below to the right.
        _near = [(_r, _c - 1), (_r, _c + 1), (_r - 1, _c), (_r - 1, _c + 1), (_r + 1, _c - 1), (_r + 1, _c)]
        NEIGHBOURS[_ch] = "".join(
            _ROWS[r][c] for r, c in _near if 0 <= r < len(_ROWS) and 0 <= c < len(_ROWS[r])
        )
OCR = (("m", "rn"), ("rn", "m"), ("d", "cl"), ("cl", "d"), ("w", "vv"), ("h", "li"), ("nn", "m"))
ADDRESS_FIELDS = ("street_number", "address_1", "address_2", "suburb", "postcode", "state")


def typo(rng: random.Random, text: str, digits: bool = False) -> str:
    """One keyboard slip: a letter inserted, dropped, replaced by a neighbour, or two swapped."""
    alphabet = "0123456789" if digits else "abcdefghijklmnopqrstuvwxyz"
    spots = [i for i, ch in enumerate(text) if ch in alphabet]
    if not spots:
        return text
    # Slips are rarer on the first character.
    i = rng.choice(spots[1:]) if len(spots) > 1 and rng.random() < 0.9 else spots[0]
    ops = ["substitute"] if digits else ["insert", "delete", "substitute", "transpose"]
    if len(text) < 3 and "delete" in ops:
        ops.remove("delete")
    op = rng.choice(ops)
    near = [c for c in NEIGHBOURS[text[i]] if c in alphabet] or list(alphabet.replace(text[i], ""))
    if op == "insert":
        return text[:i] + rng.choice([*near, text[i]]) + text[i:]
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "transpose" and i + 1 < len(text) and text[i + 1] in alphabet and text[i + 1] != text[i]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice(near) + text[i + 1 :]


def phonetic(rng: random.Random, name: str) -> str | None:
    """A spelling that sounds the same: a known variant, or one of a few English spelling rules."""
    if name in N.PHONETIC:
        return rng.choice(N.PHONETIC[name])
    rules = [("ph", "f"), ("f", "ph"), ("ck", "k"), ("ca", "ka"), ("co", "ko"), ("k", "c"), ("ie", "y"),
             ("y", "ie"), ("ll", "l"), ("nn", "n"), ("tt", "t"), ("ss", "s"), ("ou", "u"), ("ee", "i"),
             ("ei", "ie"), ("ai", "ay"), ("z", "s"), ("s", "z"), ("th", "t")]  # fmt: skip
    options = [(a, b) for a, b in rules if a in name[1:]]
    if not options:
        return None
    a, b = rng.choice(options)
    at = name.index(a, 1)
    return name[:at] + b + name[at + len(a) :]


class Corrupter:
    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng, self.world = rng, world
        self.kinds: dict[str, tuple[float, Callable[[Record, Person], bool]]] = {
            "typo_given_name": (10, lambda r, p: self._name_typo(r, "given_name")),
            "typo_surname": (10, lambda r, p: self._name_typo(r, "surname")),
            "ocr_confusion": (3, self._ocr),
            "phonetic_given_name": (5, lambda r, p: self._phonetic(r, "given_name")),
            "phonetic_surname": (4, lambda r, p: self._phonetic(r, "surname")),
            "nickname": (7, self._nickname),
            "initial": (4, self._initial),
            "names_swapped": (3, self._swap),
            "missing_given_name": (4, lambda r, p: self._blank(r, "given_name")),
            "missing_surname": (2, lambda r, p: self._blank(r, "surname")),
            "missing_date_of_birth": (4, lambda r, p: self._blank(r, "date_of_birth")),
            "missing_address_part": (5, self._missing_address),
            "surname_changed": (4, self._married),
            "moved_house": (6, self._moved),
            "street_type_written_differently": (6, self._street_type),
            "unit_written_differently": (4, self._unit),
            "typo_suburb": (4, lambda r, p: self._typo_field(r, "suburb")),
            "typo_postcode": (2, lambda r, p: self._typo_field(r, "postcode", digits=True)),
            "typo_street": (3, lambda r, p: self._typo_field(r, "address_1")),
            "dob_day_month_swapped": (4, self._dob_swap),
            "dob_digit_mistyped": (5, self._dob_digit),
            "dob_year_off_by_one": (4, self._dob_year),
            "given_name_replaced": (0.6, self._replace_given),
        }
        self.names = list(self.kinds)
        self.weights = [w for w, _ in self.kinds.values()]

    def duplicate(self, original: Record, person: Person) -> tuple[Record, list[str]]:
        """A duplicate with 1-3 corruptions; returns it and the names of the corruptions applied."""
        rng = self.rng
        record = dict(original)
        want = rng.choices([1, 2, 3], [50, 35, 15])[0]
        applied: list[str] = []
        for _ in range(40):
            if len(applied) == want:
                break
            kind = rng.choices(self.names, self.weights)[0]
            if kind not in applied and self.kinds[kind][1](record, person):
                applied.append(kind)
        if record == original:  # two corruptions undid each other
            self._name_typo(record, "surname")
            applied.append("typo_surname")
        ssid_roll = rng.random()
        if ssid_roll < 0.08:
            record["soc_sec_id"] = ""
        elif ssid_roll < 0.14:
            record["soc_sec_id"] = typo(rng, record["soc_sec_id"], digits=True)
        return record, applied

    # -- names
    def _name_typo(self, record: Record, key: str) -> bool:
        if len(record[key]) < 2:
            return False
        record[key] = typo(self.rng, record[key])
        return True

    def _ocr(self, record: Record, person: Person) -> bool:
        options = [(key, a, b) for key in ("given_name", "surname") for a, b in OCR if a in record[key]]
        if not options:
            return False
        key, a, b = self.rng.choice(options)
        record[key] = record[key].replace(a, b, 1)
        return True

    def _phonetic(self, record: Record, key: str) -> bool:
        variant = phonetic(self.rng, record[key]) if record[key] else None
        if not variant or variant == record[key]:
            return False
        record[key] = variant
        return True

    def _nickname(self, record: Record, person: Person) -> bool:
        short = N.nickname_of(record["given_name"], self.rng)
        if not short:
            return False
        record["given_name"] = short
        return True

    def _initial(self, record: Record, person: Person) -> bool:
        if len(record["given_name"]) < 2:
            return False
        record["given_name"] = record["given_name"][0]
        return True

    def _swap(self, record: Record, person: Person) -> bool:
        if not record["given_name"] or not record["surname"] or record["given_name"] == record["surname"]:
            return False
        record["given_name"], record["surname"] = record["surname"], record["given_name"]
        return True

    def _blank(self, record: Record, key: str) -> bool:
        if not record[key]:
            return False
        record[key] = ""
        return True

    def _married(self, record: Record, person: Person) -> bool:
        """The partner's surname, or for an adult sharing it (or without one) a maiden or new name."""
        partner = person.partner
        if partner is not None and partner.surname != record["surname"]:
            record["surname"] = partner.surname
            return True
        if person.role in ("child", "twin", "junior") or person.dob.year >= 2000:
            return False
        culture = person.culture if partner is not None else self.world.culture()
        surname = self.world.surname(culture)
        if surname == record["surname"]:
            return False
        record["surname"] = surname
        return True

    def _replace_given(self, record: Record, person: Person) -> bool:
        if not record["given_name"]:
            return False
        record["given_name"] = self.world.given(person.culture, person.sex, avoid=(record["given_name"],))
        return True

    # -- addresses
    def _missing_address(self, record: Record, person: Person) -> bool:
        filled = [
            key for key in ("street_number", "address_1", "address_2", "suburb", "postcode") if record[key]
        ]
        return bool(filled) and self._blank(record, self.rng.choice(filled))

    def _moved(self, record: Record, person: Person) -> bool:
        same_state = record["state"] if self.rng.random() < 0.8 else None
        new = self.world.address(same_state)
        values = (new.number, new.street, new.unit, new.suburb, new.postcode, new.state)
        record.update(zip(ADDRESS_FIELDS, values, strict=True))
        return True

    def _street_type(self, record: Record, person: Person) -> bool:
        """ "tullaroop street" as "tullaroop st", or without its type."""
        street, _, stype = record["address_1"].rpartition(" ")
        if not street or stype not in N.STREET_TYPES or N.STREET_TYPES[stype] == stype:
            return False
        record["address_1"] = street if self.rng.random() < 0.2 else f"{street} {N.STREET_TYPES[stype]}"
        return True

    def _unit(self, record: Record, person: Person) -> bool:
        """ "unit 4" dropped, abbreviated, or written into the street number as "4/12"."""
        kind, _, number = record["address_2"].partition(" ")
        if not number.isdigit():
            return False
        choice = self.rng.choice(["drop", "short", "slash"] if record["street_number"] else ["drop", "short"])
        if choice == "drop":
            record["address_2"] = ""
        elif choice == "short":
            record["address_2"] = self.rng.choice([f"u {number}", number, f"{kind}{number}", f"apt {number}"])
        else:
            record["street_number"] = f"{number}/{record['street_number']}"
            record["address_2"] = ""
        return True

    def _typo_field(self, record: Record, key: str, digits: bool = False) -> bool:
        if len(record[key]) < 3:
            return False
        changed = typo(self.rng, record[key], digits=digits)
        if changed == record[key]:
            return False
        record[key] = changed
        return True

    # -- dates of birth
    def _dob_swap(self, record: Record, person: Person) -> bool:
        dob = record["date_of_birth"]
        if len(dob) != 8 or dob[4:6] == dob[6:8] or int(dob[6:8]) > 12:
            return False
        record["date_of_birth"] = dob[:4] + dob[6:8] + dob[4:6]
        return True

    def _dob_digit(self, record: Record, person: Person) -> bool:
        dob = record["date_of_birth"]
        if len(dob) != 8:
            return False
        i = self.rng.randrange(2, 8)  # the century is rarely mistyped
        digit = self.rng.choice([d for d in "0123456789" if d != dob[i]])
        record["date_of_birth"] = dob[:i] + digit + dob[i + 1 :]
        return True

    def _dob_year(self, record: Record, person: Person) -> bool:
        dob = record["date_of_birth"]
        if len(dob) != 8 or not dob[:4].isdigit():
            return False
        record["date_of_birth"] = f"{int(dob[:4]) + self.rng.choice((-1, 1)):04d}{dob[4:]}"
        return True
