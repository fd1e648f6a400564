"""Countries, IP address pools and phone numbers for the synthetic operation.

Address pools are built from the embedded geolocation source (``iptocc``): a fixed grid of IPv4 /24
networks (and IPv6 /48 networks) is looked up in one batch, and a network is kept for a country only
when its first and last addresses both resolve to that country. Any address inside a kept network
therefore geolocates to the person's country. The grid is fixed, so pools are the same on every run
with the same ``iptocc`` data.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import cache, lru_cache

import iptocc
import numpy as np
import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

# Third octets sampled in every IPv4 /16; more of them give small countries more distinct networks.
IPV4_THIRD_OCTETS = (10, 60, 110, 160, 210)
# IPv6: one /48 network sampled in every 1024th /32 from 2001:: to 2c0f::.
IPV6_FIRST = range(0x2001, 0x2C10)
IPV6_SECOND_STEP = 1024
# Codes the geolocation source uses that are not countries.
NOT_COUNTRIES = frozenset({"EU", "AP", "ZZ"})

# Rough internet users in millions (late 2010s to early 2020s, rounded). Countries not listed weigh
# DEFAULT_USERS. Used only to make the spread of persons over countries look like a real operation.
INTERNET_USERS: dict[str, float] = {
    "CN": 1000, "IN": 700, "US": 300, "ID": 200, "BR": 170, "RU": 125, "NG": 100, "JP": 100,
    "PK": 90, "MX": 95, "BD": 65, "PH": 80, "VN": 75, "DE": 77, "TR": 70, "EG": 70, "IR": 70,
    "GB": 65, "FR": 58, "TH": 58, "IT": 50, "KR": 50, "ES": 44, "ZA": 42, "CO": 38, "AR": 39,
    "PL": 32, "CA": 36, "SA": 33, "UA": 30, "MA": 28, "DZ": 28, "MY": 29, "PE": 24, "ET": 22,
    "KE": 21, "IQ": 28, "VE": 19, "AU": 23, "UZ": 22, "TW": 21, "NL": 17, "CL": 17, "RO": 16,
    "GH": 17, "KZ": 16, "EC": 13, "AO": 9, "TZ": 16, "SE": 10, "GT": 9, "BE": 11, "CZ": 9.5,
    "PT": 8.5, "GR": 8.5, "HU": 8.5, "IL": 8.5, "AT": 8.3, "CH": 8.2, "DO": 8.5, "TN": 8.5,
    "BO": 7.5, "HN": 4.5, "JO": 8.5, "AE": 9.8, "BY": 8, "AZ": 8.5, "SN": 7.5, "CM": 10, "CI": 9.5,
    "NZ": 4.7, "IE": 4.7, "DK": 5.8, "FI": 5.2, "NO": 5.3, "SG": 5.3, "HK": 6.9, "LK": 9.5,
    "NP": 14, "MM": 22, "KH": 10, "AF": 7, "SY": 7, "YE": 7, "UG": 11, "ZW": 5, "ZM": 4, "SD": 12,
    "RS": 5.8, "BG": 5, "SK": 5, "HR": 3.4, "PY": 5.5, "CR": 4.2, "PA": 3, "UY": 3, "LB": 5,
    "KW": 4.3, "QA": 2.9, "OM": 4.3, "GE": 3, "AM": 2.3, "SV": 3.6, "NI": 3.3, "CU": 7.5, "PR": 2.6,
    "LT": 2.4, "LV": 1.7, "EE": 1.2, "SI": 1.8, "BA": 2.6, "AL": 2.3, "MK": 1.7, "MD": 2.3,
    "MN": 2.6, "KG": 5, "TJ": 4, "LA": 4.5, "MG": 6, "MZ": 6.5, "ML": 7, "BF": 5, "BJ": 4,
    "RW": 4, "CD": 20, "LY": 5, "PS": 3.8, "BH": 1.6, "CY": 1.1, "LU": 0.65, "MT": 0.5, "IS": 0.37,
    "JM": 2.4, "TT": 1.2, "HT": 4, "BT": 0.7, "MV": 0.5, "PG": 2.5, "FJ": 0.8, "NA": 1.6,
    "BW": 1.8, "MW": 4.5, "SL": 2.5, "LR": 1.8, "GN": 4, "NE": 4, "TD": 3, "SO": 3, "SS": 1,
    "MR": 2.7, "GA": 1.6, "CG": 2.6, "TG": 3.5, "BI": 1.3, "TM": 1.4, "MO": 0.6,
}  # fmt: skip
DEFAULT_USERS = 0.3

# One representative UTC offset (minutes) per country, for timestamps written in local time.
UTC_OFFSET_MINUTES: dict[str, int] = {
    "US": -300, "CA": -300, "MX": -360, "BR": -180, "AR": -180, "CO": -300, "PE": -300, "CL": -240,
    "VE": -240, "GB": 0, "IE": 0, "PT": 0, "FR": 60, "DE": 60, "IT": 60, "ES": 60, "NL": 60,
    "BE": 60, "PL": 60, "SE": 60, "NO": 60, "DK": 60, "CH": 60, "AT": 60, "CZ": 60, "NG": 60,
    "ZA": 120, "EG": 120, "GR": 120, "RO": 120, "UA": 120, "FI": 120, "IL": 120, "TR": 180,
    "RU": 180, "SA": 180, "KE": 180, "IR": 210, "AE": 240, "PK": 300, "IN": 330, "LK": 330,
    "NP": 345, "BD": 360, "MM": 390, "TH": 420, "VN": 420, "ID": 420, "CN": 480, "PH": 480,
    "MY": 480, "SG": 480, "HK": 480, "TW": 480, "JP": 540, "KR": 540, "AU": 600, "NZ": 720,
}  # fmt: skip

# How phone numbers are written, with weights: the provider holds whatever the user typed.
PHONE_STYLES: tuple[tuple[str, float], ...] = (
    ("international", 0.35),  # +64 21 123 4567
    ("national", 0.30),  # 021 123 4567, (415) 555-0132
    ("e164", 0.20),  # +64211234567
    ("idd00", 0.10),  # 0064211234567
    ("national_digits", 0.05),  # 0211234567
)
# Subscriber digits varied when making a number from the country's example mobile number.
PHONE_VARIED_DIGITS = 6
PHONE_TRIES = 40


@dataclass(frozen=True)
class AddressPools:
    """Per country: IPv4 /24 networks (as integers of the network address) and IPv6 /48 networks."""

    v4: dict[str, np.ndarray]
    v6: dict[str, np.ndarray]

    @property
    def countries(self) -> list[str]:
        return sorted(self.v4)


@lru_cache(maxsize=1)
def address_pools() -> AddressPools:
    """Build (once per process) the per-country address pools from the embedded geolocation data."""
    v4_nets = [
        (a << 24) | (b << 16) | (c << 8)
        for a in range(1, 224)
        if a not in (10, 127)
        for b in range(256)
        for c in IPV4_THIRD_OCTETS
    ]
    firsts = [f"{n >> 24}.{(n >> 16) & 255}.{(n >> 8) & 255}.1" for n in v4_nets]
    lasts = [f"{n >> 24}.{(n >> 16) & 255}.{(n >> 8) & 255}.254" for n in v4_nets]
    v4 = _group(v4_nets, iptocc.country_code(firsts), iptocc.country_code(lasts))

    v6_nets = [(p << 32) | (b << 16) for p in IPV6_FIRST for b in range(0, 65536, IPV6_SECOND_STEP)]
    firsts6 = [f"{n >> 32:x}:{(n >> 16) & 0xFFFF:x}:0::1" for n in v6_nets]
    lasts6 = [f"{n >> 32:x}:{(n >> 16) & 0xFFFF:x}:0:ffff:ffff:ffff:ffff:fffe" for n in v6_nets]
    v6 = _group(v6_nets, iptocc.country_code(firsts6), iptocc.country_code(lasts6))
    return AddressPools(v4=v4, v6={cc: nets for cc, nets in v6.items() if cc in v4})


def _group(nets: list[int], firsts: list[str | None], lasts: list[str | None]) -> dict[str, np.ndarray]:
    first = np.array([c or "" for c in firsts], dtype="U2")
    keep = (first == np.array([c or "" for c in lasts], dtype="U2")) & (first != "")
    for code in NOT_COUNTRIES:
        keep &= first != code
    codes, values = first[keep], np.array(nets, dtype=np.uint64)[keep]
    order = np.argsort(codes, kind="stable")
    codes, values = codes[order], values[order]
    uniq, starts = np.unique(codes, return_index=True)
    ends = [*starts[1:], len(codes)]
    return {str(cc): values[a:b] for cc, a, b in zip(uniq, starts, ends, strict=True)}


def ipv4_in(net: int, host: int) -> str:
    """Address ``host`` (1..254) of the /24 network ``net``."""
    n = int(net) | host
    return f"{n >> 24}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def ipv6_in(net: int, low: int) -> str:
    """An address in the /48 network ``net`` (its top 48 bits); ``low`` supplies the other 80 bits."""
    n = int(net)
    high = [n >> 32, (n >> 16) & 0xFFFF, n & 0xFFFF]
    groups = high + [(low >> (16 * i)) & 0xFFFF for i in range(4, -1, -1)]
    return str(ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups)))


def country_weights(countries: list[str]) -> np.ndarray:
    w = np.array([INTERNET_USERS.get(cc, DEFAULT_USERS) for cc in countries], dtype=float)
    return w / w.sum()


# ---------------------------------------------------------------------------------------- phones


@cache
def _mobile_template(region: str) -> PhoneNumber | None:
    # Numbers of many regions are checked and formatted in turn; without phonenumbers' own pattern
    # cache its metadata regular expressions fall out of the re module's cache and are compiled again
    # and again (most of the time of a large run).
    getattr(phonenumbers, "enable_pattern_cache", lambda: None)()
    return phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)


def has_mobile_numbers(region: str) -> bool:
    return _mobile_template(region) is not None


def make_mobile(region: str, draw: float, taken: set[str]) -> str | None:
    """A valid mobile number (E.164) for ``region`` not in ``taken``; ``draw`` in [0, 1) seeds the
    subscriber digits. ``None`` when the region has no mobile numbering or none was found."""
    template = _mobile_template(region)
    if template is None:
        return None
    national = template.national_number
    digits = len(str(national))
    varied = min(PHONE_VARIED_DIGITS, max(2, digits - 3))
    span = 10**varied
    start = int(draw * span)
    head = national - national % span
    for i in range(PHONE_TRIES):
        candidate = PhoneNumber(
            country_code=template.country_code,
            national_number=head + (start + i * 7919) % span,
            italian_leading_zero=template.italian_leading_zero,
            number_of_leading_zeros=template.number_of_leading_zeros,
        )
        if phonenumbers.is_valid_number(candidate):
            e164 = phonenumbers.format_number(candidate, PhoneNumberFormat.E164)
            if e164 not in taken:
                taken.add(e164)
                return e164
    return None


def format_phone(e164: str, style: str) -> str:
    """``e164`` written the way ``style`` says (see PHONE_STYLES)."""
    number = phonenumbers.parse(e164)
    if style == "international":
        return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    if style == "national":
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    if style == "idd00":
        return "00" + e164[1:]
    if style == "national_digits":
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        return "".join(ch for ch in national if ch.isdigit())
    return e164
