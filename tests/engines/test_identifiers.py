from datetime import date

import pytest

from tiaki.engines.identifiers import (
    HARD_KINDS,
    comparable_identifier,
    given_first,
    is_disposable_mailbox,
    is_placeholder_mailbox,
    normalise_device,
    normalise_dob,
    normalise_email,
    normalise_identifier,
    normalise_name,
    normalise_phone,
    phone_key,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  J.Smith+shop@GMail.com ", "jsmith@gmail.com"),
        ("j.s.m.i.t.h@googlemail.com", "jsmith@gmail.com"),
        ("jsmith+a+b@outlook.com", "jsmith@outlook.com"),
        ("j.smith+news@hotmail.com", "j.smith@hotmail.com"),
        ("j.smith+x@live.com", "j.smith@live.com"),
        ("jsmith-shopping@yahoo.com", "jsmith@yahoo.com"),
        ("jsmith+shop@yahoo.com", "jsmith+shop@yahoo.com"),
        ("jsmith+x@fastmail.com", "jsmith@fastmail.com"),
        ("jsmith+x@protonmail.com", "jsmith@protonmail.com"),
        ("jsmith+x@proton.me", "jsmith@proton.me"),
        ("j.smith+x@icloud.com", "j.smith@icloud.com"),
        ("J.Smith+x@Example.org", "j.smith+x@example.org"),
    ],
)
def test_email_provider_rules(raw: str, expected: str) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    ("address", "disposable"),
    [
        ("x9c37kfa@mailinator.com", True),
        ("someone@guerrillamail.com", True),
        ("a@yopmail.com", True),
        ("a@sub.mailinator.com", True),  # a subdomain of a listed domain
        ("A@MAILINATOR.COM", True),
        ("ashleysmith@gmail.com", False),
        ("hli@163.com", False),
        ("merve@proton.me", False),
        ("jo@mailinator.com.example.org", False),  # the listed name is not the domain's end
        ("", False),
        ("no-at-sign", False),
        ("mailinator.com", False),  # a domain alone is no address
        ("x@mailinator.com.", True),  # a trailing dot
    ],
)
def test_disposable_mailbox(address: str, disposable: bool) -> None:
    assert is_disposable_mailbox(address) is disposable


@pytest.mark.parametrize(
    ("address", "placeholder"),
    [
        ("none@none.com", True),
        ("noemail@gmail.com", True),
        ("Test@Test.com", True),
        ("asdf@asdf.com", True),  # the domain's own name again
        ("abc@abc.co.uk", True),
        ("x@x.com", True),
        ("aaaa@outlook.com", True),  # one character repeated
        ("kowhai@kowhai.co.nz", True),  # the domain's own name again
        ("no.email@yahoo.com", True),  # a word, once dots, dashes and digits are set aside
        ("No-Reply@company.com", True),
        ("test1@test.com", True),
        ("none+shop@example.org", True),
        ("info@kowhaibakery.co.nz", True),  # a role's mailbox, which several people read
        ("325319874@qq.com", False),  # digits alone are a mailbox (QQ numbers)
        ("mail@johnsmith.com", True),
        ("ashleysmith@gmail.com", False),
        ("nonesuch@gmail.com", False),  # a word that starts like one is not one
        ("kkimwenvi@example.com", False),  # a domain for examples is where test data keeps people
        ("hli@163.com", False),
        ("", False),
        ("no-at-sign", False),
    ],
)
def test_placeholder_mailbox(address: str, placeholder: bool) -> None:
    assert is_placeholder_mailbox(address) is placeholder


def test_a_hostile_domain_is_looked_up_a_few_times_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # A domain of 100,000 labels is looked up only as many labels deep as the list's domains go.
    from tiaki.engines import identifiers

    looked: list[str] = []

    class Counting(set[str]):
        def __contains__(self, item: object) -> bool:
            looked.append(str(item))
            return super().__contains__(item)

    monkeypatch.setattr(identifiers, "_DISPOSABLE_DOMAINS", Counting({"mailinator.com"}))
    assert is_disposable_mailbox("a@" + "y." * 100_000 + "mailinator.com")
    assert 0 < len(looked) <= identifiers._DISPOSABLE_LABELS - 1
    assert max(len(name) for name in looked) < 100


@pytest.mark.parametrize("raw", ["", "no-at-sign", "a@b@c.com", "@gmail.com", "jsmith@", "+tag@gmail.com"])
def test_invalid_email_is_none(raw: str) -> None:
    assert normalise_email(raw) is None


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("+64 21 123 4567", None, "+64211234567"),
        ("+64 21 123 4567", "US", "+64211234567"),
        ("0064211234567", None, "+64211234567"),
        ("0064211234567", "US", "+64211234567"),
        ("021 123 4567", "NZ", "+64211234567"),
        ("021 123 4567", "nz", "+64211234567"),
        ("(415) 555-0132", "US", "+14155550132"),
        ("011 64 21 123 4567", None, "+64211234567"),
        ("011 44 7700 900123", "US", "+447700900123"),
        ("+44 7700 900123", None, "+447700900123"),
        ("011 2345 6789", "IN", "+911123456789"),  # a Delhi number: national reading wins
    ],
)
def test_phone_to_e164(raw: str, hint: str | None, expected: str) -> None:
    assert normalise_phone(raw, hint) == expected


@pytest.mark.parametrize(
    ("raw", "hint"),
    [("021 123 4567", None), ("12", "US"), ("", "NZ"), ("not a number", "NZ"), ("+999 1", None)],
)
def test_invalid_phone_is_none(raw: str, hint: str | None) -> None:
    assert normalise_phone(raw, hint) is None


def test_device_separators() -> None:
    assert normalise_device(" AA:BB:CC:DD:EE:FF ") == normalise_device("aa-bb-cc-dd-ee-ff") == "aabbccddeeff"
    assert normalise_device("3F2504E0-4F89-11D3-9A0C-0305E82C3301") == "3f2504e04f8911d39a0c0305e82c3301"
    assert normalise_device(" - : ") is None


def test_name() -> None:
    assert normalise_name("  José   Ñúñez-O'Brien ") == "jose nunez obrien"
    assert normalise_name("STRASSE") == normalise_name("Straße")
    assert normalise_name("...") is None
    # One comma between words says the name was written surname first; it is kept.
    assert normalise_name("BROWN,  Mary-Ann ") == "brown, mary ann"
    assert normalise_name("Brown, Mary, Ann") == normalise_name(", Brown Mary Ann") == "brown mary ann"
    assert normalise_name(" , ") is None
    assert normalise_name("Tayla Green, Jr.") == "tayla green jr"  # a suffix, not a given name
    # A title before a name is dropped, before or after the comma.
    assert normalise_name("Dr. Mary  Brown") == normalise_name("mrs mary brown") == "mary brown"
    assert normalise_name("BROWN, Prof. Dr. Mary") == "brown, mary"
    assert normalise_name("Dr Brown, Mary") == "brown, mary"
    assert normalise_name("Dr") == "dr"
    assert normalise_name("Mrs. Brown") == "mrs brown"  # before a surname alone, a title is kept
    assert normalise_name("Brown, Mrs") == "brown, mrs"
    # A suffix is no name word for it, whether after a comma or not; "Sr." before a name is a title.
    assert normalise_name("Mr Smith, Jr") == normalise_name("Mr Smith Jr") == "mr smith jr"
    assert normalise_name("Sr. Juan Pérez") == "juan perez"
    assert normalise_name("\uff44\uff52 Mary Brown") == "mary brown"
    assert given_first("brown, mary ann") == "mary ann brown"
    assert given_first("mary brown") == "mary brown"
    assert comparable_identifier("name", "BROWN, Mary") == comparable_identifier("name", "Mary Brown")
    assert comparable_identifier("email", "A@Example.org") == "a@example.org"


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("email", "A.B+c@googlemail.com", "ab@gmail.com"),
        ("phone", "021 123 4567", "+64211234567"),
        ("device", "AB:CD", "abcd"),
        ("payment", " 4111 1111 1111 1111 ", "4111111111111111"),
        ("payment", "PayPal:JSmith", "paypal:jsmith"),
        ("name", "Zoë  Smith", "zoe smith"),
        ("dob", "1990-03-04", "1990-03-04"),
        ("dob", "1990-03-04T00:00:00", "1990-03-04"),
        ("dob", "04/03/1990", None),
        ("address", "  12  Queen St\nAuckland ", "12 queen st auckland"),
        ("other", "  handle_01 ", "handle_01"),
        ("other", "   ", None),
    ],
)
def test_dispatch(kind: str, raw: str, expected: str | None) -> None:
    assert normalise_identifier(kind, raw, "NZ") == expected


def test_dob_accepts_dates() -> None:
    assert normalise_dob(date(1990, 3, 4)) == "1990-03-04"


def test_unknown_kind_rejected() -> None:
    with pytest.raises(ValueError, match="unknown identifier kind 'ip'"):
        normalise_identifier("ip", "192.0.2.1", None)


def test_hard_kinds() -> None:
    assert HARD_KINDS == ("email", "phone", "device", "payment")


@pytest.mark.parametrize(
    "raw", ["0000000000", "+10000000000", "1234567890", "+1 234 567 8901", "+44 1234567890", "9876543210"]
)
def test_placeholder_phones_link_nobody(raw: str) -> None:
    assert phone_key(raw, "NZ") is None


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("+64 21 123 4567", None),
        ("+64 21 234 567", None),
        ("021 000 0000", "NZ"),
        ("06 12 34 56 78", "FR"),  # counting digits inside a real number
        ("+86 138 8888 8888", None),  # a lucky number
        ("+971 50 555 5555", None),
        ("(11) 93225-8845", "BR"),
    ],
)
def test_numbers_with_runs_inside_are_still_numbers(raw: str, hint: str | None) -> None:
    assert phone_key(raw, hint) is not None


def _full_width(text: str) -> str:
    """``text`` in full-width forms (as East Asian keyboards type it), spaces kept."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize(
    ("raw", "hint", "key"),
    [
        ("+٦٤ ٢١ ٣٤٧ ٨٨١٢", None, "+64213478812"),  # Arabic-Indic digits
        ("+۶۴ ۲۱ ۳۴۷ ۸۸۱۲", None, "+64213478812"),  # Persian digits
        (_full_width("+64 21 347 8812"), None, "+64213478812"),
        ("٠٢١ ٣٤٧ ٨٨١٢", "NZ", "+64213478812"),
        ("٠٢١ ٣٤٧ ٨٨١٢", None, "#213478812"),  # no hint: the digits, as the ASCII number's
        ("021 347 8812", None, "#213478812"),
        (_full_width("021 347 8812"), None, "#213478812"),
        ("+1 650 ٣٤٧ XX12", None, None),  # still a number shown in part
        (
            "+\u0666\u0664 \u0662\u0661 \u200f\u0663\u0664\u0667 \u0668\u0668\u0661\u0662",
            None,
            "+64213478812",
        ),
        ("\u200f+64 21 347 8812", None, "+64213478812"),
        ("+64 21 555 0199\u00b2", None, "#64215550199"),  # a footnote's mark is no digit of it
    ],
)
def test_a_number_in_any_script_of_digits_is_one_number(raw: str, hint: str | None, key: str | None) -> None:
    assert phone_key(raw, hint) == key


@pytest.mark.parametrize(
    "raw", ["00000000-0000-0000-0000-000000000000", "unknown", "NULL", "ffffffff", "n/a"]
)
def test_placeholder_device_ids_link_nobody(raw: str) -> None:
    assert normalise_device(raw) is None


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("email", "j***@gmail.com"),
        ("email", "m\u2022\u2022\u2022\u2022n@outlook.com"),
        ("email", "jo\u2026@yahoo.com"),
        ("phone", "+1 (650) XXX-XX34"),
        ("phone", "021 *** 4567"),
        ("phone", "+64 21 12X 4567"),
        ("phone", "+44 7700 \u2022\u2022\u2022\u2022 12"),
        ("payment", "************1234"),
        ("payment", "XXXX-XXXX-XXXX-1234"),
        ("payment", "4111 11XX XXXX 1111"),
    ],
)
def test_a_value_shown_in_part_links_nobody(kind: str, raw: str) -> None:
    # What is left of a masked value (a first letter and a domain, an area code, a card's last four
    # digits) is shared by strangers.
    assert normalise_identifier(kind, raw, "US") is None


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("email", "alexxx@gmail.com", "alexxx@gmail.com"),  # x's are letters in a mailbox
        ("phone", "+1 650 555 1234 x12", "+16505551234"),  # an extension
        ("phone", "+1 650 555 1234 ext. 12", "+16505551234"),
        ("phone", "+1 650 555 1234 Ext: 12", "+16505551234"),
        ("phone", "+33 1·42·68·53·00", "#33142685300"),  # middle dots: no mask (the digits link)
        ("payment", "VISA ****0268 05/28", "visa****026805/28"),  # its expiry makes it one card
        ("payment", "pm_1MxXab", "pm_1mxxab"),  # a token that happens to hold x's
    ],
)
def test_values_that_only_look_masked_still_link(kind: str, raw: str, expected: str) -> None:
    assert normalise_identifier(kind, raw, "US") == expected


@pytest.mark.parametrize(
    "raw",
    [
        "john.smith@gmail.com.",
        "<John.Smith@Gmail.com>",
        "mailto:johnsmith@gmail.com",
        "MAILTO: <john.smith+x@googlemail.com>",
        "mailto:<mailto:john.smith@gmail.com>",  # a mail client's link around a link
        "john.smith@gmail.com <mailto:john.smith@gmail.com>",  # pasted from a mail client
        "John Smith <John.Smith@gmail.com>",  # a name and an address
        '"Smith, John" <john.smith@gmail.com>',
        "john.smith@gmail.com (work)",  # a comment
        '"john.smith@gmail.com"',  # quoted
    ],
)
def test_an_address_written_as_mail_systems_write_it_is_the_same_mailbox(raw: str) -> None:
    assert normalise_email(raw) == "johnsmith@gmail.com"


@pytest.mark.parametrize(
    "raw", ["john@x.org, mary@y.org", "John <john@x.org>, Mary <mary@y.org>", "a@b@c.org"]
)
def test_a_cell_holding_two_addresses_is_no_identifier(raw: str) -> None:
    assert normalise_email(raw) is None


def test_one_mailbox_written_twice_is_one_and_a_name_that_is_an_address_is_two() -> None:
    assert normalise_email("John <john@x.org>, <mailto:john@x.org>") == "john@x.org"
    assert normalise_email("j.smith+x@gmail.com <mailto:jsmith@gmail.com>") == "jsmith@gmail.com"
    assert normalise_email('"a@x.org" <b@y.org>') is None
    assert normalise_email("(a@x.org) b@y.org") is None


@pytest.mark.parametrize(
    "raw",
    [
        "(" * 496,  # the standard library's parser recurses into nested comments
        ":" * 990 + "(",
        "<" * 400_000 + "a@x.org" + ">" * 400_000,  # longer than any address
        "\x00a@x.org",
        "jmailto:smith@x.org",  # mailto: only where a link writes it
        "a@mailto:x.org",
        "group: a@x.org;",
        "a@x.org \\(\\(",
    ],
)
def test_hostile_or_broken_text_is_no_address_and_no_crash(raw: str) -> None:
    assert normalise_email(raw) is None


def test_a_link_query_and_quotes_around_the_local_part_are_no_part_of_the_mailbox() -> None:
    assert normalise_email("mailto:Ann@x.org?subject=hello") == "ann@x.org"
    assert normalise_email('"ann"@x.org') == normalise_email("ann@x.org") == "ann@x.org"


def test_an_internationalised_domain_is_its_dns_form() -> None:
    assert (
        normalise_email("Anna@Bücher.de")
        == normalise_email("anna@xn--bcher-kva.de")
        == "anna@xn--bcher-kva.de"
    )
    assert normalise_email("a@" + "é" * 70 + ".com") == "a@" + "é" * 70 + ".com"  # no DNS form: as given
    assert normalise_email("js@gmail.com\u3002") == "js@gmail.com"  # an ideographic full stop ends it


@pytest.mark.parametrize(
    ("one", "other"),
    [("j@faß.de", "j@fass.de"), ("j@\u03c2.com", "j@\u03c3.com")],  # sharp s; final and other sigma
)
def test_domains_idna_2008_tells_apart_stay_apart(one: str, other: str) -> None:
    assert normalise_email(one) != normalise_email(other)
