"""Whether two written names can belong to one person.

Display names are typed by people: the same person writes "Mary Brown", "BROWN, Mary", "M. Brown",
"Brown Mary 🌸" or a handle, in Latin letters or in their own script. Two members of one household
write "Mary Brown" and "John Brown". The resolution engine's household guard needs to tell these apart
(``resolution._GuardedForest``): it holds back a merge only when both sides carry names and no name of
one side is compatible with a name of the other.

* **What is a name.** Emoji, symbols and punctuation other than ``,`` ``.`` ``'`` ``-`` are dropped
  (before transliteration, which would spell an emoji out).
  Text holding a digit, ``_`` or ``@``, or a single word written all in lower case (``frostnight``,
  ``d.banerji``), is a handle, not a name; text without letters is nothing. A part in brackets is an
  alternative writing of the name (``王娜 (Na Wang)``). Text whose every word is what a platform
  writes for a name it does not show, or a person types to give none (``Deleted User``, ``Facebook
  User``, ``[removed]``, ``Unknown``, ``Anonymous``, ``No Name``: ``_NO_NAME``), is no name: strangers
  carry it alike.
* **Transliteration and accents.** Every name is written in ASCII with ``anyascii`` (apostrophes
  dropped: ``Дарья`` -> ``darya``; ``Małgorzata`` ->
  ``malgorzata``, ``Сергей`` -> ``sergey``, ``王娜`` -> ``wang na``: scripts without spaces give one word
  per capitalised syllable), then case-folded; a token's doubled letters are single and ``y`` is ``i``
  (``Sergey``/``Sergei``, ``Anna``/``Ana``).
* **Titles and suffixes.** A title at the start (``Dr``, ``Mrs``: ``identifiers.drop_titles``) is no
  name word when a given name and a surname follow it, or a given name after the comma of "Surname,
  Given"; before a surname alone it is kept ("Mrs Brown" and "Mr Brown"). A suffix at the end
  (``Jr``, ``III``) is no name word here ("Mary Brown Jr" and "John Brown Jr" are two people), while
  the model's full-name level still reads it (a father and son "Sr" and "Jr" are two full names).
* **Order.** "Surname, Given" says which is which. Otherwise the given name is either the first word or
  the last one (surname-first order in Chinese, Hungarian, Vietnamese, Japanese, Korean, and in forms
  that ask for the surname first), and a single word may be either a given name or a surname.
* **Han characters** (``张秀英``) are read family name first, with the given name's syllables as one
  word (``zhang xiuying``), as Latin letters write them. Two capitals alone (``IA``) are also read as
  initials.
* **Two names are compatible** when, for some reading of each, the given names are compatible (or one is
  missing) and the other words share one compatible word (or one side has none). Two words are
  compatible when equal, when one is the other's initial, when one is the other cut short (four
  letters or more: ``rafa``/``rafael``; a final ``a`` alone makes a sister's name or a woman's
  surname: ``daniel``/``daniela``, ``petrov``/``petrova``), or when one is a nickname of the other in
  the ``nicknames`` package's table of English given names (``bobby``/``robert``) or in
  ``_DIMINUTIVES`` (other languages: ``kolya``/``nikolai``, ``lucho``/``luis``). When one of the two
  was written in a script that leaves vowels out (Arabic, Hebrew: ``ftmh``/``fatima``) or whose
  transliteration leaves out an "a" (Devanagari, Bengali, ...: ``srma``/``sharma``), words equal
  without those vowels are compatible too. For two records with one date of birth, a word mistyped
  inside (five letters or more, first and last letters kept) is compatible too (``typos``); and,
  when the operation's own spellings are given (:class:`Spellings`), a word one slip from another
  after the first letter when the operation writes one of them often and the other, which is no
  given name of its own, once at most: ``jacc``/``jack``, ``anns``/``anna``, ``robsno``/``robson``
  are a common name mistyped, while ``christian``/``christina`` or ``paul``/``paula``, each written
  often, are two names, and so are ``mason``/``jason`` and ``june``/``jane`` however rare one is.

So "Mary Brown" and "Brown, Mary" are compatible, "S. Johnson" and "Samuel Johnson" too, while
"Mary Brown" and "John Brown" are not (given names differ under every reading). No weight or
threshold here is fitted to data: the rules come from how names are written (some were added after
development data showed a case they missed; see ``docs/resolution.md``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz.distance import OSA

from tiaki.engines.identifiers import drop_titles, is_name_suffix

_BRACKETS = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
_HANDLE = re.compile(r"[0-9_@]")
_WORDS = re.compile(r"[a-z]+")
_ASCII_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ASCII_NOT_KEPT = re.compile(r"[^A-Za-z0-9,.'\-_@]")
# Greek omicron-upsilon is Latin "ou" (Papadopoulos); letter by letter anyascii writes "oy".
_GREEK_OU = re.compile("[οόΟΌ][υύΥΎ]")
_DOUBLE = re.compile(r"(.)\1+")
_APOSTROPHES = re.compile("['`\u02bc\u2019]")  # inside a word: a soft sign (Дарья -> Dar'ya), O'Brien
_INITIALS = re.compile(r"[A-Z]{2}")
# Scripts that write no short vowels (abjads), and scripts whose letters carry a vowel "a" that
# anyascii leaves out where speech drops it (शर्मा -> srma for Sharma) and whose "au" Latin writes "ow"
# (চৌধুরী -> caudhuri for Chowdhury) and its "a" often "e" (वर्मा -> vrma for Verma or Varma): there a, e,
# o, u and w are left out of the comparison, i kept.
ABJAD, INDIC = "abjad", "indic"
_SCRIPT_VOWELS = {
    **dict.fromkeys(("ARABIC", "HEBREW", "SYRIAC", "THAANA"), ABJAD),
    **dict.fromkeys(
        ("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM",
         "SINHALA"),
        INDIC,
    ),
}  # fmt: skip
# Two-letter spellings of one sound in transliterations, written as one letter in a skeleton.
_DIGRAPHS = (("sh", "s"), ("ch", "c"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"),
             ("zh", "z"), ("ts", "c"))  # fmt: skip
_VOWELS = {ABJAD: re.compile("[aeiouw]"), INDIC: re.compile("[aeouw]")}


@dataclass(frozen=True, slots=True)
class Name:
    """A written name as words (ASCII, case-folded), and, when written "Surname, Given", how many of
    the words come before the comma (``0`` when there was no comma)."""

    words: tuple[str, ...]
    before_comma: int = 0
    # Written in a script that leaves vowels out (``ABJAD``: Arabic, Hebrew) or whose transliteration
    # leaves out an "a" (``INDIC``: Devanagari, Bengali, ...): its words are also compared without them.
    unvowelled: str = ""

    @property
    def given_at(self) -> int:
        """Where the given name is, when the name says so ("Surname, Given", or Han characters: the
        first word after the family name); ``-1`` when it does not."""
        return self.before_comma if self.before_comma else -1


def _is_handle(text: str) -> bool:
    if _HANDLE.search(text):
        return True
    letters = [c for c in text if c.isalpha()]
    cased = [c for c in letters if c.isupper() or c.islower()]
    return bool(cased) and not any(c.isspace() for c in text.strip()) and not any(c.isupper() for c in cased)


def _latin_ou(match: re.Match[str]) -> str:
    pair = match.group()
    return ("O" if pair[0].isupper() else "o") + ("U" if pair[1].isupper() else "u")


def _transliterate(text: str) -> str:
    """``text`` in ASCII, with a space where a new word starts inside a run of letters: before a
    capital that follows a small letter in the text's own script ("MaryJones"), and between the
    syllables Latin writes capitalised for a script without case (王美玲 -> Wang Mei Ling). A capital
    that Latin writes as two letters does not split a name in capitals ("ШЕВЧЕНКО" is "SHEVCHENKO", not
    "ShEVChENKO")."""
    if text.isascii():
        return _ASCII_CAMEL.sub(" ", text)  # what the loop below does to ASCII, at a fraction of its cost
    out: list[str] = []
    after_small = False
    for c in _GREEK_OU.sub(_latin_ou, text):
        latin = anyascii(c)
        if latin and after_small and (c.isupper() or (not c.islower() and latin[0].isupper())):
            out.append(" ")
        out.append(latin)
        after_small = c.islower() or (not c.isupper() and latin[-1:].islower())
    return "".join(out)


def _words(text: str) -> tuple[str, ...]:
    ascii_text = _APOSTROPHES.sub("", _transliterate(text))
    return tuple(_DOUBLE.sub(r"\1", w.replace("y", "i")) for w in _WORDS.findall(ascii_text.casefold()))


def letters(text: str) -> str:
    """``text`` with only letters (and their marks), digits, spaces and ``,.'-_@`` kept: emoji and
    other symbols go before transliteration, which would spell them out (``👑`` -> ``crown``)."""
    if text.isascii():
        return _ASCII_NOT_KEPT.sub(" ", text)  # what the general form below does to ASCII, faster
    return "".join(
        c if unicodedata.category(c)[0] in "LMN" or c in ",.'-_@" else " "
        for c in unicodedata.normalize("NFC", text)
        if c != "\ufe0f"
    )


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text`` (the first word of each letter's Unicode name)."""
    if text.isascii():
        return {"LATIN"} if any(c.isalpha() for c in text) else set()
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


# Words that, alone or together, name no one: what platforms write for a name they do not show and
# what people type to give none. A name that holds any other word is a name ("John Guest").
_NO_NAME = frozenset(
    (
        *("deleted", "removed", "deactivated", "disabled", "suspended", "closed", "banned", "blocked"),
        *("former", "unknown", "anonymous", "anon", "redacted", "withheld", "hidden", "private"),
        *("unnamed", "noname", "nobody", "none", "null", "undefined", "no", "name", "not", "given"),
        *("available", "provided", "user", "users", "member", "account", "profile", "guest", "new"),
        *("default", "test", "facebook", "instagram", "messenger", "whatsapp", "snapchat", "tiktok"),
        *("twitter", "kik", "discord", "telegram", "skype", "reddit"),
    )
)


def _no_name(text: str) -> bool:
    """Whether ``text`` is made only of ``_NO_NAME`` words."""
    words = _WORDS.findall(anyascii(text).casefold())
    return bool(words) and all(word in _NO_NAME for word in words)


def _one(text: str, typed: bool) -> list[Name]:
    text = letters(text).strip()
    if not text or (typed and _is_handle(text)) or not any(c.isalpha() for c in text) or _no_name(text):
        return []
    scripts = _scripts(text)
    unvowelled = next((_SCRIPT_VOWELS[x] for x in sorted(scripts) if x in _SCRIPT_VOWELS), "")
    if text.count(",") == 1:
        surname, given = text.split(",")
        before, after = _words(drop_titles(surname, 1)), _words(drop_titles(given, 1))
        if before and after and not is_name_suffix(given):
            return [Name(before + after, len(before), unvowelled)]
    plain = drop_titles(text.replace(",", " ")).split()
    while len(plain) > 1 and is_name_suffix(plain[-1]):
        plain.pop()  # "Mary Brown Jr": the suffix is no name word (read as one, it is a given name in common)
    words = _words(" ".join(plain))
    if not words:
        return []
    if scripts == {"CJK"} and " " not in text and len(words) >= 2:
        # Han characters: the family name first, then a given name of one or two syllables that
        # Latin letters write as one word (张秀英 -> Zhang Xiuying).
        return [Name((words[0], "".join(words[1:])), 1)]
    if _INITIALS.fullmatch(text):
        # "IA", "PS": two capitals, as initials are written (also read as a word).
        return [Name(words), Name(tuple(text.lower()))]
    return [Name(words, 0, unvowelled)]


@lru_cache(maxsize=200_000)
def parse(text: str, typed: bool = True) -> frozenset[Name]:
    """The names ``text`` can be read as (empty when it holds no name). ``typed``: the text is what a
    user typed as their display name, so a handle there is not a name; a name the provider recorded
    (an identifier of kind ``name``, already in lower case) is taken as a name."""
    if not text:
        return frozenset()
    parts = [m.group(1) for m in _BRACKETS.finditer(text)]
    parts.append(_BRACKETS.sub(" ", text))
    # An Arabic article written with a hyphen (Al-Qahtani) is also read joined to its word, as
    # Arabic script writes it (القحطاني): with vowels dropped, both are l-q-h-t-n.
    parts += [joined for part in parts if (joined := _ARTICLE.sub(_join_article, part)) != part]
    return frozenset(name for part in parts for name in _one(part, typed))


_ARTICLE = re.compile(r"\b(al|el)-(\w)", re.IGNORECASE)


def _join_article(match: re.Match[str]) -> str:
    # The word keeps the article's case: "Al-Qahtani" -> "Alqahtani", "AL-QAHTANI" -> "ALQAHTANI".
    article, first = match.group(1), match.group(2)
    return article + (first.lower() if article[-1].islower() else first)


# Diminutives in common use beyond English, which the ``nicknames`` package does not hold: a given name
# (with its usual spellings), then its diminutives. Compiled for this project from common usage; a
# diminutive of several names (Sasha, Beto) is listed under each.
_DIMINUTIVES = """
aleksandr alexander oleksandr: sasha sanya shura sashko
aleksandra alexandra oleksandra: sasha sanya shura ola
aleksei alexei alexey oleksii: alyosha lyosha
anastasia anastasiia: nastya nastia
anna: anya anechka
boris: borya
dmitry dmitri dmitrii dmytro: dima
ekaterina yekaterina kateryna katarzyna: katya katia kasia
elena olena: lena olenka
evgeny evgenii yevgeny yevhen evgenia yevgenia: zhenya zhenia
irina iryna: ira
ivan: vanya vania
konstantin kostiantyn: kostya kostia
maria mariya: masha marusya mari marita
mikhail mykhailo: misha
natalia natalya nataliia: natasha
nikolai nikolay mykola: kolya kolia
olga: olya olia
pavel pavlo: pasha
sergei sergey serhii serhiy: seryozha serezha serzh
svetlana: sveta
tatiana tatyana tetiana: tanya tania
vladimir volodymyr: volodya vova
yulia yuliya: yulya
yuri yurii: yura
viktor: vitya
andrei andriy andrii: andryusha
grigory hryhorii: grisha
lyudmila liudmyla: lyuda mila
galina halyna: galya halia
valentina: valya
jose: pepe chepe ze zeca
francisco: paco pancho curro quico chico
luis: lucho
guadalupe: lupita lupe
ignacio: nacho
jesus: chucho chuy
guillermo: memo
enrique: quique
rosario: charo
concepcion: concha conchita
dolores: lola
consuelo: chelo
antonio: tono tonio toninho
manuel: manolo
pedro: perico
eduardo: lalo
gonzalo: chalo
ramon: moncho
alberto roberto: beto
mercedes: merche meche
isabel: chabela chavela
teresa: tere
josefa: pepa
giuseppe: beppe peppe pino
luigi: gigi
giovanni: gianni vanni
salvatore: toto turi
domenico: mimmo
johannes johann: hans
josef: sepp
friedrich: fritz
ludwig: lutz
malgorzata: gosia
agnieszka: aga
wojciech: wojtek
mohammed muhammad mohamed mohammad: hamoudi mido
"""


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Each given name's nicknames and each nickname's given names, from the ``nicknames`` package's
    table (``name1,relationship,name2`` rows of English given names) and ``_DIMINUTIVES``."""
    table: dict[str, set[str]] = {}

    def pair(left: tuple[str, ...], right: tuple[str, ...]) -> None:
        if len(left) == 1 and len(right) == 1 and left != right:
            table.setdefault(left[0], set()).add(right[0])
            table.setdefault(right[0], set()).add(left[0])

    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("relationship") == "has_nickname":
            pair(_words(row["name1"] or ""), _words(row["name2"] or ""))
    for line in _DIMINUTIVES.strip().splitlines():
        names, _, diminutives = line.partition(":")
        for name in names.split():
            for diminutive in diminutives.split():
                pair(_words(name), _words(diminutive))
    return {name: frozenset(others) for name, others in table.items()}


def _skeleton(word: str, script: str) -> str:
    """A word as a script without (some) vowels writes it: digraphs as one letter, the vowels that
    script leaves out dropped (``ABJAD``: every vowel and ``w``, ``y`` being ``i`` already;
    ``INDIC``: ``a``, ``e``, ``o``, ``u``, ``w``), a final ``h`` dropped, doubled letters single (``fatima``
    and ``ftmh`` -> ``ftm``; ``sharma`` and ``srma`` -> ``srm``, while ``rohini`` stays apart from
    ``rohn``)."""
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    word = _VOWELS[script].sub("", word)
    if len(word) > 1:
        word = word.rstrip("h")
    return _DOUBLE.sub(r"\1", word)


@dataclass(frozen=True, eq=False)
class Spellings:
    """How often an operation writes each name word (on how many accounts' names): the judge of a
    slip of the keys. A word one edit from another (a letter added, dropped or changed, or two
    neighbours swapped) is that word mistyped when the operation writes the other at least
    ``COMMON`` times and this one at most ``RARE`` times: a typing slip makes a spelling that hardly
    recurs, while two given names of siblings (``christian``/``christina``, ``paul``/``paula``,
    ``maria``/``mario``) each recur. Not when the first letters differ or both words are shorter
    than four letters (where siblings' names differ: ``jason``/``mason``, ``mia``/``ria``), nor when
    the rare word is a given name in its own right (in the nicknames table: ``june`` beside a common
    ``jane``). In a small operation, where few words recur, this says nothing and the fixed rule of
    ``words_compatible`` alone applies."""

    counts: Counter[str]
    # Whether the fixed rule's slips inside a word count too (``typos=True`` in words_compatible).
    inside: bool = True
    # compatible()'s answers under these spellings: kept here, not in its process-wide cache, so
    # they go with the operation's resolution that made them.
    answers: dict[tuple[Name, Name], bool] = field(default_factory=dict, init=False, repr=False)

    COMMON = 5
    RARE = 1

    def mistyped(self, a: str, b: str) -> bool:
        if min(len(a), len(b)) < 3 or max(len(a), len(b)) < 4 or a[0] != b[0] or OSA.distance(a, b) != 1:
            return False
        (low, rare), (high, _) = sorted(((self.counts.get(a, 0), a), (self.counts.get(b, 0), b)))
        return low <= self.RARE and high >= self.COMMON and rare not in _nicknames()


def spellings_of(names: Iterable[frozenset[Name]]) -> Spellings:
    """:class:`Spellings` of an operation's names (each account's set of names)."""
    counts: Counter[str] = Counter()
    for group in names:
        counts.update({word for name in group for word in name.words})
    return Spellings(counts)


def words_compatible(a: str, b: str, typos: bool | Spellings = False, unvowelled: str = "") -> bool:
    """Equal, one the other's initial, one a nickname of the other, or one the other cut short
    (``rafa``/``rafael``, ``dani``/``daniela``: at least four letters kept, and not only a final
    ``a``, which makes a sister's name or a woman's surname: ``daniel``/``daniela``,
    ``petrov``/``petrova``); with ``typos``, also one mistyped from the other (a letter added, dropped
    or changed, or two swapped: optimal string alignment distance 1), in words of five letters or more
    (the longer of the two) and not in the first or last letter, where siblings' names differ
    (``jason``/``mason``, ``maria``/``mario``); with ``unvowelled`` (one of the two was written in
    such a script), also the same word without the vowels that script leaves out, two letters or more
    (:func:`_skeleton`)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and long_.startswith(short) and long_ != short + "a":
        return True
    inside = typos.inside if isinstance(typos, Spellings) else typos
    if inside and len(long_) >= 5 and a[0] == b[0] and a[-1] == b[-1] and OSA.distance(a, b) <= 1:
        return True
    if isinstance(typos, Spellings) and typos.mistyped(a, b):
        return True
    if unvowelled and len(skeleton := _skeleton(a, unvowelled)) >= 2 and skeleton == _skeleton(b, unvowelled):
        return True
    return b in _nicknames().get(a, frozenset())


def _readings(name: Name) -> list[tuple[str | None, tuple[str, ...]]]:
    """(given name, the other words) for each way the name can be read."""
    words = name.words
    if name.before_comma:
        at = name.given_at
        return [(words[at], words[:at] + words[at + 1 :])]
    if len(words) == 1:
        return [(words[0], ()), (None, words)]
    return [(words[0], words[1:]), (words[-1], words[:-1])]


# Particles of family names (as spelled after transliteration and y -> i): sharing one says nothing
# ("Fatima Al-Qahtani" and "Fatima Al-Harbi", "Anna van der Berg" and "Anna van Dijk").
_PARTICLES = frozenset(("al", "el", "van", "der", "den", "de", "da", "du", "la", "von", "bin", "bint", "ibn",
                        "dos", "das", "del", "dela", "ter"))  # fmt: skip


def compatible(a: Name, b: Name, typos: bool | Spellings = False) -> bool:
    """Whether ``a`` and ``b`` can be one person's names (see the module docstring); with ``typos``,
    words one letter apart count as compatible (:func:`words_compatible`; given the operation's
    :class:`Spellings`, also a common word's rare slip)."""
    if isinstance(typos, Spellings):
        answers = typos.answers
        answer = answers.get((a, b))
        if answer is None:
            if len(answers) >= _ANSWERS:
                answers.clear()  # bounded, as the process-wide cache is
            answer = answers[(a, b)] = _compatible(a, b, typos)
        return answer
    return _compatible_fixed(a, b, typos)


_ANSWERS = 500_000


@lru_cache(maxsize=_ANSWERS)
def _compatible_fixed(a: Name, b: Name, typos: bool) -> bool:
    return _compatible(a, b, typos)


def _compatible(a: Name, b: Name, typos: bool | Spellings) -> bool:
    loose = a.unvowelled or b.unvowelled
    for given_a, all_a in _readings(a):
        rest_a = [w for w in all_a if w not in _PARTICLES] or all_a
        for given_b, all_b in _readings(b):
            rest_b = [w for w in all_b if w not in _PARTICLES] or all_b
            if (
                given_a is not None
                and given_b is not None
                and not words_compatible(given_a, given_b, typos, loose)
            ):
                continue
            if (
                rest_a
                and rest_b
                and not any(words_compatible(x, y, typos, loose) for x in rest_a for y in rest_b)
            ):
                continue
            return True
    return False


def any_compatible(a: frozenset[Name], b: frozenset[Name], typos: bool | Spellings = False) -> bool:
    """Whether some name of ``a`` is compatible with some name of ``b`` (``typos``: see
    :func:`compatible`)."""
    return any(compatible(x, y, typos) for x in a for y in b)


def each_compatible(a: frozenset[Name], b: frozenset[Name], typos: bool | Spellings = False) -> bool:
    """Whether every name of ``a`` is compatible with some name of ``b`` and every name of ``b`` with
    some name of ``a`` (``typos``: see :func:`compatible`): no name on either side is another
    person's, as a parent's name on a child's account would be besides the child's own."""
    return all(any(compatible(x, y, typos) for y in b) for x in a) and all(
        any(compatible(x, y, typos) for x in a) for y in b
    )


def _share_word(x: Name, y: Name, initials: bool, surnames: frozenset[str] | None = None) -> bool:
    """Whether ``x`` and ``y`` share a word that is not a particle (or a nickname of it, or it cut
    short; an initial only with ``initials``). Without ``surnames`` (``None``) every shared word
    counts; with them (even none), a word both names say is their given name (``Name.given_at``) does
    not, unless it is one of ``surnames`` (:func:`surnames_of`)."""
    least = 1 if initials else 2
    known = surnames or frozenset()
    given_x, given_y = (x.given_at, y.given_at) if surnames is not None else (-1, -1)
    return any(
        words_compatible(v, w, unvowelled=x.unvowelled or y.unvowelled)
        and not (i == given_x and j == given_y and v not in known and w not in known)
        for i, v in enumerate(x.words)
        if v not in _PARTICLES and len(v) >= least
        for j, w in enumerate(y.words)
        if w not in _PARTICLES and len(w) >= least
    )


def surnames_of(names: Iterable[frozenset[Name]]) -> frozenset[str]:
    """The words that the operation's names written "Surname, Given" hold before the comma at least
    as often as first after it: a surname, even where a record put it in the given name's field."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for group in names:
        for name in group:
            if (at := name.given_at) >= 0:
                before.update(name.words[:at])
                after[name.words[at]] += 1
    return frozenset(word for word, count in before.items() if count >= after[word])


def any_agreeing(a: frozenset[Name], b: frozenset[Name]) -> bool:
    """Whether some name of ``a`` agrees with some name of ``b``: compatible *and* sharing a word (or
    an initial, a nickname, a word cut short) that is not a particle. Compatibility alone is the
    absence of a contradiction ("Maria" and "Ahmed" may be a given name and a surname of one person);
    agreement is evidence for one person."""
    return any(compatible(x, y) and _share_word(x, y, initials=True) for x in a for y in b)


def any_sharing(a: frozenset[Name], b: frozenset[Name], surnames: frozenset[str] = frozenset()) -> bool:
    """Whether some name of ``a`` and some name of ``b`` share a word that is neither a particle nor
    an initial (or a nickname of it, or it cut short), whether or not the names are compatible: the
    family name of two siblings. A word that both names say is the given name does not count ("Green,
    Tayla" and "White, Tayla": one person under a changed surname, not siblings), unless it is one of
    ``surnames`` (the operation writes it as a surname: "Na, Wang" and "Li, Wang" are twins whose
    fields were swapped); a side's name written without the comma is then not read again in the
    other order ("Tayla Green" displayed, "Green, Tayla" recorded)."""
    return any(_share_word(x, y, False, surnames) for x in _ordered(a) for y in _ordered(b))


def _ordered(names: frozenset[Name]) -> list[Name]:
    """``names`` without those written without a comma in the same words as one written with it."""
    known = {tuple(sorted(name.words)) for name in names if name.before_comma}
    return [name for name in names if name.before_comma or tuple(sorted(name.words)) not in known]
