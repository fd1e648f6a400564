"""Whether two written names can be one person's: the household guard's notion of a name."""

from __future__ import annotations

from collections import Counter

import pytest

from tiaki.engines.names import (
    Spellings,
    any_compatible,
    any_sharing,
    each_compatible,
    parse,
    spellings_of,
    surnames_of,
    words_compatible,
)


def compatible(a: str, b: str) -> bool:
    return any_compatible(parse(a), parse(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mary Brown", "BROWN, Mary"),  # case, surname first with a comma
        ("Mary Brown", "Brown Mary"),  # surname first without one
        ("Samuel Okafor", "S. Okafor"),  # an initial
        ("Samuel Okafor", "S.Okafor 🌟"),  # an initial, no space, an emoji
        ("Robert Stone", "Bobby Stone"),  # a nickname
        ("Robert Stone", "Bob"),  # a nickname alone
        ("Zoë Müller", "Zoe Muller"),  # accents
        ("Łucja Wąsik", "lucja wasik"),  # letters without a decomposition
        ("Сергей Волков", "Sergei Volkov"),  # transliteration, y/i spelling
        ("王伟 (Wei Wang)", "Wang Wei"),  # another script with a Latin writing in brackets
        ("Ana María López García", "Ana López"),  # two given names, two surnames
        ("Nguyen Thi Mai", "Mai Nguyen"),  # family name first
        ("LEONOR", "Costa Santos Leonor"),  # one word
        ("فاطمة سالم", "Fatima Salem"),  # Arabic writes no short vowels: compared by consonants
        ("محمد إبراهيم", "Mohammed Ibrahim"),
        ("মোহাম্মদ চৌধুরী", "Mohammad Chowdhury"),  # Bengali
        ("प्रिया शर्मा", "Priya Sharma"),  # Devanagari, which anyascii renders without a vowel
        ("अमित वर्मा", "Amit Verma"),  # ... and whose vowel "a" Latin may write "e"
        ("吴子涵", "Zihan Wu"),  # Han characters: family name first, a two-syllable given name
        ("张秀英", "Zhang Xiuying"),
        ("IA", "Ibrahim Al-Shammari"),  # initials in capitals, no dots
        ("Коля Попов", "Николай Попов"),  # a diminutive beyond English
        ("NOVIKOVA Olga", "Olya"),
        ("Lucho Ramírez", "Luis Ramírez"),
        ("Д. Шевченко", "ДМИТРО ШЕВЧЕНКО"),  # capitals that Latin writes as two letters (Ш -> Sh)
        ("ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "Giannis Papadopoulos"),  # Greek omicron-upsilon is Latin ou
        ("MaryJones", "Mary Jones"),  # words run together, told apart by their capitals
        ("Fatima Al-Qahtani", "فاطمة القحطاني"),  # the article, written joined in Arabic script
        ("Khaled Al-Hassan", "خالد الحسن"),
        ("Maria da Silva", "Maria Silva"),  # a particle left out
        ("Dr. Mary Brown", "Mary Brown"),  # a title
        ("Brown, Dr Mary", "Mary Brown"),  # a title after the comma
        ("Sra. Lucía Pérez", "Lucía Pérez"),
        ("\uff44\uff52 Mary Brown", "Mary Brown"),  # full-width letters
        ("Dame Moussa Diop", "Dame Diop"),  # a Wolof given name, not a title
        ("Mary Brown Jr.", "Mary Brown"),
    ],
)
def test_one_persons_names(a: str, b: str) -> None:
    assert compatible(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mary Brown", "John Brown"),  # a household: same surname, other given name
        ("Brown, Mary", "Brown, John"),
        ("Kari Mo", "Kari Ven"),  # the same given name, another surname
        ("Mary Brown", "Peter"),  # a lone given name that is neither
        ("Anna Kowalska", "Piotr Kowalski"),
        ("فاطمة سالم", "Hassan Salem"),  # consonants differ
        ("王美玲", "Wang Fang"),  # one family name, another given name
        ("Sasha Petrova", "Natasha Petrova"),  # diminutives of two names
        ("Ali Hassan", "Ola Hassan"),  # Latin on both sides: vowels count
        ("रोहन शर्मा", "Rohini Sharma"),  # Devanagari writes vowels other than "a": siblings
        ("Daniel Costa", "Daniela Costa"),  # a final "a" makes a sister's name
        ("Aleksandr Petrov", "Sasha Petrova"),  # ... and a woman's surname
        ("SAM", "Sarah Adams"),  # three capitals are a name, not initials
        ("Fatima Al-Qahtani", "Fatima Al-Harbi"),  # a shared particle is no shared surname
        ("Anna van der Berg", "Anna van Dijk"),
        ("Dr Mary Brown", "Dr John Brown"),  # a title in common is no given name in common
        ("Mrs. Brown", "Mr. Brown"),  # before a surname alone, a title is all that tells them apart
        ("Mrs Brown Jr", "Mr Brown Jr"),  # ... and a suffix is no name word
        ("Mary Brown Jr", "John Brown Jr"),
    ],
)
def test_two_persons_names(a: str, b: str) -> None:
    assert not compatible(a, b)


@pytest.mark.parametrize(
    "text", ["", "frostnight", "d.banerji", "sergey99", "cool_neo", "xx@yy", "💯🔥", "123"]
)
def test_handles_and_non_names_are_no_names(text: str) -> None:
    assert parse(text) == frozenset()


@pytest.mark.parametrize(
    "text",
    ["Deleted User", "Facebook User", "[removed]", "REDACTED", "Unknown", "Anonymous", "No Name", "New User"],
)
def test_what_platforms_write_for_a_name_they_do_not_show_is_no_name(text: str) -> None:
    assert parse(text) == parse(text.lower(), typed=False) == frozenset()


@pytest.mark.parametrize("text", ["John Guest", "Mary Private", "Nil Armstrong", "Na Wang", "Guest Smith"])
def test_a_name_with_one_such_word_is_still_a_name(text: str) -> None:
    assert parse(text) != frozenset()


def test_a_provider_recorded_name_is_a_name_even_in_lower_case() -> None:
    assert parse("mary brown") == parse("mary brown", typed=False) != frozenset()  # two words: a name
    assert parse("mary") == frozenset()  # typed as one lower-case word: a handle
    assert parse("mary", typed=False) != frozenset()


@pytest.mark.parametrize(
    ("a", "b", "plain", "born"),
    [
        ("Emma Ladeaman", "Emma Lademan", False, True),  # a surname mistyped (a letter added)
        ("Micthell Boxer", "Mitchell Boxer", False, True),  # two letters swapped in the given name
        ("Betie Nguyen", "Bertie Nguyen", False, True),  # a letter dropped
        ("Amelia Smith", "Oliver Smith", False, False),  # twins: one surname, two given names
        ("Smith, Amelia", "Smith, Oliver", False, False),  # twins written surname first
        ("Wang Fang", "Wang Li", False, False),  # twins written surname first, without a comma
        ("Maria Egan", "Mario Egan", False, False),  # twins one letter apart, in the last letter
        ("Jason Miller", "Mason Miller", False, False),  # ... in the first letter
        ("John Kelly", "Joan Kelly", False, False),  # ... in a short name
        ("Amber Coulson", "Amber Whillas", False, False),  # another surname: not taken as a typo
        ("Mary Brown", "Mary Brown", True, True),
    ],
)
def test_names_of_records_born_the_same_day(a: str, b: str, plain: bool, born: bool) -> None:
    """Two records that agree on a date of birth allow one mistyped letter per word (``typos``), and
    still tell twins apart; without it, the plain rules apply."""
    assert compatible(a, b) is plain
    assert any_compatible(parse(a), parse(b), typos=True) is born


def test_typos_need_five_letters_and_one_edit_inside_the_word() -> None:
    assert words_compatible("bertie", "betie", typos=True)
    assert not words_compatible("bertie", "betie")
    assert not words_compatible("lana", "lara", typos=True)  # four letters: too short to tell
    assert not words_compatible("jason", "mason", typos=True)  # the first letter
    assert not words_compatible("robson", "rosbonn", typos=True)  # two edits
    assert not words_compatible("giulia", "giulio", typos=True)  # the last letter


@pytest.mark.parametrize(
    ("a", "b", "sharing"),
    [
        ("Caleb Challenor", "Nathan Challenor", True),  # siblings: one family name
        ("Wang Fang", "Wang Li", True),
        ("Edward Selman", "Stephanie Wilcox", False),
        ("Fatima Al-Qahtani", "Omar Al-Harbi", False),  # a particle is no family name
        ("J. Smith", "J. Brown", False),  # nor is an initial
        ("Bob Jones", "Robert Smith", True),  # a nickname is the given name
        ("Green, Tayla", "White, Tayla", False),  # both say it is the given name: a changed surname
        ("Green, Tayla", "Tayla White", True),  # one of the two does not say which is the given name
        ("Brown, Mary", "Brown, John", True),
        ("Green, Tayla", "Jessica, Green", True),  # one record's fields swapped: still one surname
        ("Tayla Green, Jr", "Tayla Green", True),  # a suffix after the comma is no given name
        ("王芳", "李芳", False),  # Han characters: the family name first, so fang is the given name
        ("王芳", "王娜", True),
        ("Brown, Mary", "John Brown", True),
        ("Smith, Anna Maria", "Maria Jones", True),  # a middle name may be a family name
    ],
)
def test_names_sharing_a_word(a: str, b: str, sharing: bool) -> None:
    """Whether two names share a word, compatible or not (what siblings' names do)."""
    assert any_sharing(parse(a), parse(b)) is sharing


def test_a_name_recorded_surname_first_is_not_read_again_the_other_way() -> None:
    """A display name in the same words as a recorded "Surname, Given" says nothing more: the given
    name they share with another record is still only a given name."""
    tayla = parse("Tayla Green") | parse("green, tayla", typed=False)
    assert not any_sharing(tayla, parse("Tayla White") | parse("white, tayla", typed=False))
    assert any_sharing(tayla, parse("Jessica Green") | parse("green, jessica", typed=False))
    assert any_sharing(parse("Tayla Green"), parse("Tayla White"))  # neither says which is the given name
    # A suffix after the comma is no given name, however it is written.
    for suffix in ("Jr", "Jr.", "III", "ii", "Senior"):
        assert any_compatible(parse(f"Tayla Green, {suffix}"), parse("Tayla Green")), suffix


def test_a_given_name_the_operation_writes_as_a_surname_is_shared() -> None:
    """Twins whose records both had their fields swapped ("Na, Wang", "Li, Wang") share a surname
    when the operation's other names write Wang before the comma; a word written as a given name
    as often as a surname (or more) stays a given name."""
    names = [
        parse(x, typed=False) for x in ("wang, wei", "wang, fang", "li, wang", "na, wang", "green, tayla")
    ]
    surnames = surnames_of(names)
    assert "wang" in surnames and "taila" not in surnames and "gren" in surnames
    assert any_sharing(names[2], names[3], surnames)
    assert not any_sharing(names[2], names[3])
    assert not any_sharing(names[4], parse("white, tayla", typed=False), surnames)


def test_a_rare_slip_of_a_word_the_operation_writes_often_is_that_word() -> None:
    spellings = Spellings(Counter({"jack": 7, "jacc": 1, "robson": 5, "robsno": 1, "christian": 6,
                                   "christina": 5, "anna": 9, "anns": 1, "paul": 8, "paula": 6}))  # fmt: skip
    assert words_compatible("jacc", "jack", spellings)  # the last letter, in four letters
    assert words_compatible("robsno", "robson", spellings)  # two neighbours swapped at the end
    assert words_compatible("anna", "anns", spellings)
    assert not words_compatible("jacc", "jack", typos=True)  # the fixed rule alone: too short
    assert not words_compatible("christian", "christina", spellings)  # both recur: twins' names
    assert not words_compatible("paul", "paula", spellings)
    assert not words_compatible("anns", "annie", spellings)  # two edits
    # Where siblings' names differ, and what a typist seldom slips on: the first letter, three-letter
    # words; and a rare word that is itself a given name (the nicknames table) is that name.
    rare_names = Spellings(Counter({"jason": 9, "mason": 1, "ivan": 9, "ian": 1, "jane": 9, "june": 1}))
    assert not words_compatible("jason", "mason", rare_names)
    assert not words_compatible("ivan", "ian", rare_names)
    assert not words_compatible("jane", "june", rare_names)
    # A small operation, where nothing recurs: the fixed rule alone.
    assert not words_compatible("jacc", "jack", Spellings(Counter({"jack": 2, "jacc": 1})))
    # Without the fixed rule (``inside=False``): a slip inside a word of two rare spellings says nothing.
    assert words_compatible("bertie", "betie", Spellings(Counter()))
    assert not words_compatible("bertie", "betie", Spellings(Counter(), inside=False))
    assert words_compatible("jacc", "jack", Spellings(spellings.counts, inside=False))


def test_spellings_count_each_word_once_per_account() -> None:
    spellings = spellings_of([parse("Jack Wilson") | parse("Wilson, Jack", typed=False), parse("Jack Brown")])
    assert (spellings.counts["jack"], spellings.counts["wilson"], spellings.counts["brown"]) == (2, 1, 1)


def test_each_name_of_one_side_must_be_compatible_with_one_of_the_other() -> None:
    """One person's names (a nickname, surname first, an initial) are each compatible with one on
    the other side; a parent's name recorded besides a child's own is not, even though the two
    sides share it."""
    mary = parse("Mary Brown") | parse("Brown, Mary", typed=False)
    assert each_compatible(mary, parse("M. Brown") | parse("Molly Brown"))
    child_a = parse("Tama Brooks") | parse("Brooks, James", typed=False)
    child_b = parse("Wiremu Brooks") | parse("Brooks, James", typed=False)
    assert any_compatible(child_a, child_b)
    assert not each_compatible(child_a, child_b)
    assert not each_compatible(mary, parse("Mary Brown") | parse("John Brown"))
