"""Normalisation of account identifiers for record linkage.

Two accounts can only be linked on an identifier if both wrote it the same way, so every identifier is
brought to one canonical form before linkage: e-mail addresses lose the variations their provider
ignores, phone numbers become E.164, device ids lose their separators, names lose case, accents and
punctuation. Every function returns ``None`` for a value that cannot be normalised (empty, malformed,
not a phone number), so that junk never links two accounts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import getaddresses
from functools import lru_cache

import idna
import phonenumbers
from disposable_email_domains import blocklist as _DISPOSABLE_DOMAINS

# The kinds union-find links on: each identifies one account holder with little doubt. Names, dates of
# birth and addresses are shared by different people and go to probabilistic linkage instead; IP
# addresses are shared by whole households, offices and carriers and are never used to link.
HARD_KINDS = ("email", "phone", "device", "payment")
KINDS = (*HARD_KINDS, "name", "dob", "address", "other")


@dataclass(frozen=True, slots=True)
class MailboxRule:
    """How a mail provider maps addresses to mailboxes.

    ``canonical_domain``: the domain the provider's aliases are written as (``None``: keep the domain).
    ``ignore_dots``: dots in the local part are ignored (``j.smith`` and ``jsmith`` are one mailbox).
    ``tag_separator``: everything from this character on in the local part is a tag the provider ignores
    when delivering (``jsmith+shop`` reaches ``jsmith``); ``None`` when the provider has no tags.
    """

    canonical_domain: str | None = None
    ignore_dots: bool = False
    tag_separator: str | None = "+"


_GMAIL = MailboxRule(canonical_domain="gmail.com", ignore_dots=True, tag_separator="+")
_PLUS_TAGS = MailboxRule(tag_separator="+")

# Providers whose delivery rules are documented and stable. Any other domain keeps its local part as
# written (after lower-casing): a company's mail server may well treat ``a.b`` and ``ab`` as two people.
MAILBOX_RULES: dict[str, MailboxRule] = {
    "gmail.com": _GMAIL,
    "googlemail.com": _GMAIL,
    "outlook.com": _PLUS_TAGS,
    "hotmail.com": _PLUS_TAGS,
    "live.com": _PLUS_TAGS,
    "yahoo.com": MailboxRule(tag_separator="-"),
    "fastmail.com": _PLUS_TAGS,
    "fastmail.fm": _PLUS_TAGS,
    "protonmail.com": _PLUS_TAGS,
    "protonmail.ch": _PLUS_TAGS,
    "proton.me": _PLUS_TAGS,
    "pm.me": _PLUS_TAGS,
    "icloud.com": _PLUS_TAGS,
}

# International call prefixes written instead of "+": 00 (most of the world) and 011 (North America).
_INTERNATIONAL_PREFIXES = ("00", "011")
_DEVICE_SEPARATORS = re.compile(r"[\s:\-]+")


# Where a provider shows a value in part, it writes asterisks, bullets or an ellipsis for what it
# withholds (``j***@gmail.com``, ``************1234``, ``+1 650 •••-••34``); a phone or card number
# also X's (``XXXX-XXXX-XXXX-1234``). Strangers' masked values look alike.
_MASK = re.compile("[*\u2022\u25cf\u2026]")  # not a middle dot: some write 021·123·4567
_MASKED_NUMBER = re.compile(r"[xX]{4,}")  # once spaces and dashes are dropped: 11XX XXXX


def is_masked(value: str) -> bool:
    """Whether ``value`` is shown in part: it holds a mask character (an asterisk, a bullet, an
    ellipsis). Such a value is no identifier: what is left of it (a first letter and a domain, a
    card's last four digits, an area code) is shared by strangers."""
    return bool(_MASK.search(value))


# A ``mailto:`` link's scheme, where mail clients write it: at the start, or inside angle brackets.
_MAILTO = re.compile(r"(^|<)\s*mailto:", re.IGNORECASE)
# What an address written with a name, a comment or quotes holds, and a bare address does not.
# (RFC 5322's groups, "name: a@x.org;", are left out: a colon is read as no address.)
_NAME_ADDR = re.compile(r'[<>"(),]')
# Characters that are no part of an address outside quotes: what is left of a broken name-address.
_NOT_ADDRESS = re.compile(r'[\s<>()\[\]\\,;:"]')
_QUOTED_LOCAL = re.compile(r'^"([^"\\\s<>()\[\],;:@]+)"$')
# Longer than any address (RFC 5321: 254), with room for a name: beyond it no parsing is tried.
_LONGEST = 1000


def normalise_email(value: str) -> str | None:
    """Lower-case an e-mail address and apply its provider's rules from ``MAILBOX_RULES``.

    An address is read as the mail system reads it: a ``mailto:`` before it, angle brackets around
    it and a dot ending its domain (``<J.Smith@Gmail.com.>``) change nothing, nor do a name or a
    comment with it, quotes around it or its local part, a link's query after it, or the link a mail client
    pastes after it (``Jo Smith <j.smith@gmail.com>``, ``j.smith@gmail.com (work)``,
    ``j.smith@gmail.com <mailto:j.smith@gmail.com>``, ``mailto:<mailto:j.smith@gmail.com>``: read
    with the standard library's RFC 5322 parser, :func:`email.utils.getaddresses`); an
    internationalised domain is written as DNS writes it (``bücher.de`` -> ``xn--bcher-kva.de``:
    :func:`_dns_domain`). Returns ``None`` unless the value holds one mailbox (two different ones,
    ``a@x.org, b@y.org`` or ``"a@x.org" <b@y.org>``, are not one identifier; one written twice is)
    with exactly one ``@`` and something on either side, for an address shown in part
    (:func:`is_masked`: ``j***@gmail.com``), and for text no address is written in (a NUL, a bracket
    left over, more than ``_LONGEST`` characters).
    """
    text = value.strip()
    if len(text) > _LONGEST or "\x00" in text:
        return None
    text = _MAILTO.sub(r"\1", text).strip()
    brackets = min(len(text) - len(text.lstrip("<")), len(text) - len(text.rstrip(">")))
    if brackets:
        text = text[brackets:-brackets].strip()
    if not _NAME_ADDR.search(text):
        return _mailbox(text)
    try:
        pairs = getaddresses([text])
    except Exception:  # the standard library's parser on hostile text (RecursionError, IndexError, ...)
        return None
    written = [address for _, address in pairs if "@" in address]
    written += [name for name, _ in pairs if "@" in name]  # a name that is an address: is it the same?
    mailboxes = {_mailbox(address) for address in written}
    if len(mailboxes) != 1 or None in mailboxes:
        return None
    return mailboxes.pop()


def _mailbox(written: str) -> str | None:
    """One address as written (no name, comment or brackets around it), normalised; ``None`` when
    it is not one (see :func:`normalise_email`)."""
    address = written.strip().lower()
    if address.count("@") != 1 or is_masked(address):
        return None
    local, domain = address.split("@")
    domain = domain.partition("?")[0]  # a mailto: link's query (?subject=...) is no part of it
    quoted = _QUOTED_LOCAL.match(local)
    if quoted is not None:
        local = quoted.group(1)
    domain = _dns_domain(domain).rstrip(".")
    if not local or not domain or _NOT_ADDRESS.search(local) or _NOT_ADDRESS.search(domain):
        return None
    rule = MAILBOX_RULES.get(domain)
    if rule is not None:
        if rule.tag_separator is not None:
            local = local.split(rule.tag_separator, 1)[0]
        if rule.ignore_dots:
            local = local.replace(".", "")
        if not local:
            return None
        domain = rule.canonical_domain or domain
    return f"{local}@{domain}"


def _dns_domain(domain: str) -> str:
    """``domain`` as DNS writes it: an internationalised one in its ASCII form, or as given when it
    has none. IDNA 2008 with the UTS 46 mapping (the ``idna`` package), as mail and DNS read names
    today: ``faß.de`` is ``xn--fa-hia.de``, not ``fass.de`` as Python's own IDNA 2003 codec would
    make it, and an ideographic full stop is a dot."""
    if domain.isascii():
        return domain
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return domain


_DISPOSABLE_LABELS = max((domain.count(".") + 1 for domain in _DISPOSABLE_DOMAINS), default=0)


def is_disposable_mailbox(address: str) -> bool:
    """Whether an e-mail address is at a disposable mail domain (``mailinator.com``,
    ``guerrillamail.com``: a mailbox anyone opens in a minute, often with no password), or at a
    subdomain of one. The domains are the ``disposable-email-domains`` package's list (about 10,000,
    kept by its community). Such a mailbox is a throwaway, not the lasting mailbox of a distinct
    person; two accounts sharing one are still linked (that is :mod:`tiaki.engines.linkage`'s
    business), but holding one says nothing of who else uses a device (``resolution``'s guard).
    Anything without an ``@`` is no address, so no throwaway."""
    _, at, domain = address.rpartition("@")
    return bool(at) and _disposable_domain(domain.strip().rstrip(".").lower())  # "mailinator.com." too


@lru_cache(maxsize=1 << 14)
def _disposable_domain(domain: str) -> bool:
    # The list's domains have at most _DISPOSABLE_LABELS labels: only that many suffixes are looked up.
    labels = domain.split(".")
    return any(
        ".".join(labels[-n:]) in _DISPOSABLE_DOMAINS
        for n in range(2, min(len(labels), _DISPOSABLE_LABELS) + 1)
    )


# What people type when a form insists on an e-mail address they will not give: a word that says so
# ("none@gmail.com", "no.email1@yahoo.com", "test@test.com"), the domain's own name again
# ("abc@abc.com", "x@x.com") or one character repeated ("aaa@gmail.com"); and the mailboxes of a role,
# which several people read ("info@", "office@", "admin@"). The domain alone says nothing: the
# domains reserved for examples (RFC 2606: "example.com") are where test data and generators put
# people's own mailboxes. Compiled for the project from the placeholders and role names seen in
# sign-up forms; a word is matched whole, after dots, dashes, underscores, a "+tag" and trailing
# digits are set aside ("no-reply", "test1", "none+shop").
_NO_MAILBOX = frozenset(
    (
        "no", "none", "noemail", "nomail", "noaddress", "na", "nil", "null", "nobody", "nothing",
        "unknown", "test", "testing", "fake", "example", "email", "mail", "asdf", "qwerty", "abc",
        "noreply", "donotreply", "dontknow", "notapplicable", "nothanks", "noname", "anonymous",
        "info", "office", "admin", "contact", "support", "sales", "hello", "team", "members",
        "enquiries", "reception", "webmaster", "postmaster", "abuse", "billing", "help",
    )
)  # fmt: skip
_ADDRESS_PUNCTUATION = re.compile(r"[._\-]")


def is_placeholder_mailbox(address: str) -> bool:
    """Whether an e-mail address is what people type when they will not give one, or a role's that
    several people read (``_NO_MAILBOX``): its local part, without dots, dashes, underscores, a
    ``+tag`` and trailing digits, is such a word (``none``, ``no-reply``, ``test1``, ``info``), or
    repeats the domain's first label (``abc@abc.com``, ``x@x.com``), or is one character repeated
    (``aaa@gmail.com``). Strangers type the same one, so its holders are not one person for being
    its holders. Anything without an ``@`` is no address, so no placeholder."""
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return False
    core = _ADDRESS_PUNCTUATION.sub("", local.split("+", 1)[0]).rstrip("0123456789")
    label = domain.split(".", 1)[0]
    return core in _NO_MAILBOX or label in (local, core) or len(set(local)) == 1


def normalise_phone(value: str, country_hint: str | None = None) -> str | None:
    """Return a phone number in E.164 form (``+64211234567``), or ``None`` if it is not one.

    ``country_hint`` (ISO 3166-1 alpha-2, the account's likely country) is how a number written in
    national form (``021 123 4567``) is read. A number written in international form (``+``, ``00`` or
    ``011`` before the country code) needs no hint. When a hint is given, the hint's own reading is
    tried first, so that a national number beginning ``011`` (Delhi, for one) is read as national.

    A number is accepted if libphonenumber's metadata knows it as valid or, failing that, if it has a
    possible length for its country: the metadata lags newly opened ranges, and a number in a range
    not yet assigned is still the same string on two accounts.
    """
    chosen = _parse_phone(value, country_hint)
    if chosen is None:
        return None
    return phonenumbers.format_number(chosen, phonenumbers.PhoneNumberFormat.E164)


def _ascii_digits(value: str) -> str:
    """``value`` with full-width forms folded (U+FF0B U+FF16 U+FF14 -> ``+64``), every decimal digit
    of any script written as its ASCII digit (``٠٢١`` -> ``021``) and invisible format characters
    (a right-to-left mark inside an Arabic-Indic number) dropped: one number typed on two keyboards
    is one string. Other characters stay as they are: a superscript ``²`` (a footnote's mark) is not
    a digit of the number."""
    if value.isascii():
        return value
    out = []
    for c in value:
        if "\uff01" <= c <= "\uff5e":
            c = chr(ord(c) - 0xFEE0)  # a full-width form of an ASCII character
        elif unicodedata.category(c) == "Cf":
            continue
        elif not c.isascii() and unicodedata.category(c) == "Nd":
            c = str(unicodedata.decimal(c))
        out.append(c)
    return "".join(out)


def _parse_phone(value: str, country_hint: str | None) -> phonenumbers.PhoneNumber | None:
    """The number :func:`normalise_phone` reads ``value`` as, or ``None``."""
    text = _ascii_digits(value).strip()
    if not text:
        return None
    hint = country_hint.strip().upper() if country_hint else None
    candidates: list[tuple[str, str | None]] = []
    if text.startswith("+"):
        candidates.append((text, None))
    else:
        if hint:
            candidates.append((text, hint))
        digits = re.sub(r"[^\d]", "", text)
        for prefix in _INTERNATIONAL_PREFIXES:
            if digits.startswith(prefix):
                candidates.append(("+" + digits[len(prefix) :], None))
                break
    parsed = []
    for number, region in candidates:
        try:
            parsed.append(phonenumbers.parse(number, region))
        except phonenumbers.NumberParseException:
            continue
    chosen = next((n for n in parsed if phonenumbers.is_valid_number(n)), None)
    if chosen is None:
        chosen = next((n for n in parsed if phonenumbers.is_possible_number(n)), None)
    return chosen


_NOT_DIGITS = re.compile(r"[^\d]")


# What people type when a form insists on a number they will not give: a national number of one digit
# repeated (000 000 0000) or of counting digits (123456789, 1234567890). A real number may well hold a
# run (a lucky 8888 8888, a 555 5555 vanity number), so only the whole national number counts.
_COUNTING = "01234567890123456789", "98765432109876543210"


def _placeholder(national: str) -> bool:
    return len(national) >= 6 and (
        len(set(national)) == 1 or any(national in counting for counting in _COUNTING)
    )


def phone_key(value: str, country_hint: str | None = None) -> str | None:
    """The value a phone number links on: its E.164 form when :func:`normalise_phone` can place it,
    otherwise its digits, prefixed ``#`` (``"#211234567"``), so that a number the parser cannot place
    (an unknown calling code, a national number with no hint, an invalid range) is still compared:
    a number that fails validation is still an identifier. An international prefix (``00``, ``011``)
    and a national trunk ``0`` are dropped; fewer than six digits left is not a phone number, and
    neither is a placeholder: a national number of one digit repeated or of counting digits
    (``000 000 0000``, ``1234567890``), nor a number shown in part (``+1 650 XXX-XX34``,
    ``021 *** 4567``: :func:`_masked_phone`), which the parser would read with its X's as the
    keypad's 9s."""
    value = _ascii_digits(value)
    if _masked_phone(value):
        return None
    chosen = _parse_phone(value, country_hint)
    if chosen is not None:
        if chosen.national_number == 0 or _placeholder(str(chosen.national_number)):
            return None
        return phonenumbers.format_number(chosen, phonenumbers.PhoneNumberFormat.E164)
    digits = _NOT_DIGITS.sub("", value)
    for prefix in _INTERNATIONAL_PREFIXES:
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    digits = digits.lstrip("0")
    if len(digits) < 6 or any(_placeholder(digits[skip:]) for skip in range(3)):  # a calling code or not
        return None
    return f"#{digits}"


_EXTENSION = re.compile(r"(?<![^\s,;])(?:ext(?:ension)?\.?|x|#)\s*:?\s*\d+\s*$", re.IGNORECASE)
_MASKED_DIGITS = re.compile(r"[xX]{2,}|(?<![A-Za-z])[xX](?![A-Za-z])")


def _masked_phone(value: str) -> bool:
    """Whether a phone number is shown in part: a mask character (:func:`is_masked`), or an X for a
    digit, not in a word (``Fax``) nor in an extension at its end (``x123``, ``ext: 12``):
    ``+1 650 XXX-XX34``, ``021 12X 4567``."""
    return is_masked(value) or bool(_MASKED_DIGITS.search(_EXTENSION.sub("", value)))


_EXPIRY = re.compile(r"(?<!\d)(?:0[1-9]|1[0-2])\s*/\s*(?:\d{4}|\d{2})(?!\d)")


def normalise_payment(value: str) -> str | None:
    """A payment identifier without spaces, in lower case (``card_fp:91C2`` -> ``card_fp:91c2``).
    A card shown in part (:func:`is_masked`, or four X's or more in a row for digits:
    ``XXXX-XXXX-XXXX-1234``, ``4111 11XX XXXX 1111``) is one only with its expiry (``VISA ****0268
    05/28``): its last digits alone, or after the issuer's first six, are shared by strangers,
    ``None``."""
    masked = is_masked(value) or bool(_MASKED_NUMBER.search(_DEVICE_SEPARATORS.sub("", value)))
    if masked and not _EXPIRY.search(value):
        return None
    return "".join(value.lower().split()) or None


# Device ids that name no device: what an SDK reports when it may not read the id, or has none.
_NO_DEVICE = frozenset({"unknown", "null", "none", "nil", "undefined", "nan", "na", "n/a", "default", "test"})


def normalise_device(value: str) -> str | None:
    """Lower-case a device id and drop ``-``, ``:`` and whitespace (``AA:BB-CC dd`` -> ``aabbccdd``).
    A placeholder is no id: one character repeated (the all-zero advertising id an iPhone reports
    when tracking is limited) or a word such as ``unknown`` or ``null``."""
    device = _DEVICE_SEPARATORS.sub("", value.strip().lower())
    if not device or len(set(device)) == 1 or device in _NO_DEVICE:
        return None
    return device


# Written after a comma, these end a name ("Tayla Green, Jr"); they are not a given name after a surname.
NAME_SUFFIXES = frozenset(("jr", "sr", "junior", "senior", "ii", "iii", "iv"))


def is_name_suffix(text: str) -> bool:
    """Whether ``text`` (what follows a name's comma) is a suffix (``NAME_SUFFIXES``: "Jr.", "III")."""
    return " ".join(text.casefold().replace(".", " ").split()) in NAME_SUFFIXES


# Titles written before a name (Dr Mary Brown, Mrs. Brown, Herr Müller, Sra. López), in English and
# the commonest European forms; read as titles only at the start of a name (``drop_titles``).
_ENGLISH_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev", "revd")  # not "dame": Wolof
NAME_TITLES = frozenset((*_ENGLISH_TITLES, "herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dott", "dra"))


def drop_titles(text: str, keep: int = 2) -> str:
    """``text``'s words, one space apart, without the titles it starts with (``NAME_TITLES``) while
    ``keep`` words are left after them: "Dr. Mary  Brown" -> "Mary Brown". A title before a surname
    alone is kept ("Mrs Brown" and "Mr Brown": their titles are all that tells them apart), and so
    is one alone; ``keep=1`` is for the given names after a name's comma ("Brown, Dr Mary")."""
    words = text.split()
    folded = [unicodedata.normalize("NFKC", word).casefold().strip(".") for word in words]
    names = sum(1 for word in folded if word not in NAME_SUFFIXES)  # "Mr Smith Jr": one name word
    first = 0
    while first < len(words) and folded[first] in NAME_TITLES:
        left = names - (folded[first] not in NAME_SUFFIXES)  # "Sr." is a title here, not a name word
        if left < keep:
            break
        names, first = left, first + 1
    return " ".join(words[first:])


def normalise_name(value: str) -> str | None:
    """Case-fold, strip accents, drop punctuation and collapse whitespace.

    Dashes become spaces (``Smith-Jones`` -> ``smith jones``); other punctuation is dropped
    (``O'Brien`` -> ``obrien``), except one comma between words, which says the name was written
    "Surname, Given" (``BROWN, Mary-Ann`` -> ``brown, mary ann``): which word is the given name is
    evidence the resolution guard uses (:mod:`tiaki.engines.names`). A suffix after the comma
    (``Green, Jr``: ``NAME_SUFFIXES``) is no given name, and a title before a name (``Dr``, ``Mrs``:
    ``NAME_TITLES``) is dropped (``Brown, Dr Mary`` -> ``brown, mary``).
    """
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        if category == "Pd":
            kept.append(" ")
        elif char == ",":
            kept.append(",")
        elif not category.startswith("P"):
            kept.append(char)
    parts = "".join(kept).split(",")
    if len(parts) == 2 and all(part.split() for part in parts) and not is_name_suffix(parts[1]):
        return f"{drop_titles(parts[0], 1)}, {drop_titles(parts[1], 1)}"
    return drop_titles(" ".join(parts)) or None


def given_first(name: str) -> str:
    """A normalised name in the order it is spoken: ``brown, mary`` -> ``mary brown`` (others as they
    are). Records, search and the resolution model compare names this way, so that "Brown, Mary" and
    "Mary Brown" match; ``resolution_sql.FEATURES`` holds its SQL twin."""
    surname, comma, given = name.partition(", ")
    return f"{given} {surname}" if comma else name


def comparable_identifier(kind: str, value: str, country_hint: str | None = None) -> str | None:
    """The identifier as records checks and search compare it: normalised (:func:`normalise_identifier`),
    and a name in the order it is spoken (:func:`given_first`)."""
    normal = normalise_identifier(kind, value, country_hint)
    return given_first(normal) if kind == "name" and normal else normal


def comparable_forms(kind: str, value: str, country_hint: str | None = None) -> list[str]:
    """Every form under which a records check may list the identifier: :func:`comparable_identifier`'s,
    and for a name written surname first also the order it was written in (a register may list
    "Wang Na" for "WANG, Na")."""
    normal = normalise_identifier(kind, value, country_hint)
    if not normal:
        return []
    if kind == "name" and ", " in normal:
        return [given_first(normal), normal.replace(", ", " ")]
    return [normal]


def normalise_dob(value: str | date) -> str | None:
    """Return a date of birth as ``YYYY-MM-DD``; ``None`` unless it is an ISO 8601 date or date-time.

    Day-first and month-first forms (``03/04/1990``) are ambiguous and are refused here: the reader of
    the source format knows its convention and converts them.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def normalise_identifier(kind: str, value: str, country_hint: str | None = None) -> str | None:
    """Normalise ``value`` by the rules for its ``kind`` (one of ``KINDS``)."""
    match kind:
        case "email":
            return normalise_email(value)
        case "phone":
            return phone_key(value, country_hint)
        case "device":
            return normalise_device(value)
        case "payment":
            return normalise_payment(value)
        case "name":
            return normalise_name(value)
        case "dob":
            return normalise_dob(value)
        case "address":
            return " ".join(value.casefold().split()) or None
        case "other":
            return value.strip() or None
    raise ValueError(f"unknown identifier kind {kind!r}; expected one of {', '.join(KINDS)}")
