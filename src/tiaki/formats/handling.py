"""Handling markings a referral carries, as partner agencies read them: the Traffic Light Protocol
2.0 label (FIRST), the Europol handling code and the 4x4 evaluation of the source and of the
information (Europol Regulation, Article 29).

| marking | values |
|---|---|
| TLP 2.0 | ``TLP:CLEAR``, ``TLP:GREEN``, ``TLP:AMBER``, ``TLP:AMBER+STRICT``, ``TLP:RED`` |
| handling code | ``H0`` (only for preventing and combating crime), ``H1`` (not to be disclosed in judicial
  proceedings without the provider's permission), ``H2`` (not to be disseminated without the
  provider's permission), ``H3`` (other restrictions: the text says which) |
| source reliability | ``A`` (no doubt), ``B`` (mostly reliable), ``C`` (mostly unreliable), ``X`` (cannot be
  assessed; ``D`` is read as ``X``) |
| information | ``1`` (accuracy not in doubt), ``2`` (known personally to the source, not to the official
  passing it on), ``3`` (not known personally to the source, corroborated), ``4`` (not known
  personally to the source, not corroborated) |

Framework-free: the referrals app stores the values, this module validates and words them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tiaki.errors import Invalid

TLP = {
    "TLP:CLEAR": "disclosure is not limited",
    "TLP:GREEN": "limited disclosure: the recipient's community, not public channels",
    "TLP:AMBER": "limited disclosure: the recipient's organisation and its clients, on a need-to-know basis",
    "TLP:AMBER+STRICT": "limited disclosure: the recipient's organisation only",
    "TLP:RED": "for the eyes and ears of the individual recipients only, no further disclosure",
}
HANDLING_CODES = {
    "H0": "may only be used for the purpose of preventing and combating crime",
    "H1": "not to be disclosed in judicial proceedings without the permission of the provider",
    "H2": "not to be disseminated without the permission of the provider",
    "H3": "other restrictions (see the note)",
}
SOURCE_RELIABILITY = {
    "A": "no doubt as to the authenticity, trustworthiness and competence of the source",
    "B": "a source that has in most instances proved to be reliable",
    "C": "a source that has in most instances proved to be unreliable",
    "X": "the reliability of the source cannot be assessed",
}
INFORMATION = {
    "1": "information whose accuracy is not in doubt",
    "2": "known personally to the source but not to the official passing it on",
    "3": "not known personally to the source but corroborated by information already recorded",
    "4": "not known personally to the source and cannot be corroborated",
}


@dataclass(frozen=True)
class Marking:
    """How a package (or one record of it) is to be handled. Build it with :func:`marking`."""

    tlp: str = "TLP:AMBER"
    code: str = "H2"
    source: str = "B"
    information: str = "2"
    note: str = ""  # the restriction an H3 code stands for, or anything the sender adds

    @property
    def evaluation(self) -> str:
        """The 4x4 evaluation as written on a record, e.g. ``B2``."""
        return f"{self.source}{self.information}"

    def as_dict(self) -> dict[str, str]:
        """The marking as the manifest, context.json and the exchange formats carry it."""
        return {
            "tlp": self.tlp,
            "tlp_meaning": TLP[self.tlp],
            "handling_code": self.code,
            "handling_code_meaning": HANDLING_CODES[self.code],
            "source_reliability": self.source,
            "source_reliability_meaning": SOURCE_RELIABILITY[self.source],
            "information": self.information,
            "information_meaning": INFORMATION[self.information],
            "evaluation": self.evaluation,
            "note": self.note,
        }

    def line(self) -> str:
        """One line for a page header: ``TLP:AMBER · H2 · B2``."""
        return f"{self.tlp} · {self.code} · {self.evaluation}"

    def statement(self) -> str:
        """The handling in words, for a README or a cover page."""
        text = (
            f"{self.tlp}: {TLP[self.tlp]}. {self.code}: {HANDLING_CODES[self.code]}. "
            f"Evaluation {self.evaluation}: source {self.source} ({SOURCE_RELIABILITY[self.source]}), "
            f"information {self.information} ({INFORMATION[self.information]})."
        )
        return f"{text} {self.note}".strip()


def marking(
    tlp: str = "TLP:AMBER", code: str = "H2", source: str = "B", information: str = "2", note: str = ""
) -> Marking:
    """A checked :class:`Marking`. ``tlp`` may omit ``TLP:`` and any case (``amber+strict``);
    ``source`` ``D`` is read as ``X``. An H3 code needs its ``note``. Raises :class:`Invalid`."""
    label = tlp.strip().upper()
    label = label if label.startswith("TLP:") else f"TLP:{label}"
    if label == "TLP:WHITE":
        raise Invalid("TLP:WHITE is TLP 1.0; TLP 2.0 calls it TLP:CLEAR")
    if label not in TLP:
        raise Invalid(f"TLP label '{tlp}' is not one of {', '.join(TLP)}")
    handling = code.strip().upper()
    if handling not in HANDLING_CODES:
        raise Invalid(f"handling code '{code}' is not one of {', '.join(HANDLING_CODES)}")
    reliability = source.strip().upper()
    reliability = "X" if reliability == "D" else reliability
    if reliability not in SOURCE_RELIABILITY:
        raise Invalid(f"source reliability '{source}' is not one of A, B, C or X")
    info = str(information).strip()
    if info not in INFORMATION:
        raise Invalid(f"information evaluation '{information}' is not one of 1, 2, 3 or 4")
    if handling == "H3" and not note.strip():
        raise Invalid("handling code H3 needs a note saying what the restriction is")
    return Marking(label, handling, reliability, info, note.strip())


def marking_from(data: object) -> Marking:
    """The marking in ``data`` (as :meth:`Marking.as_dict` wrote it); raises :class:`Invalid`."""
    if not isinstance(data, dict):
        raise Invalid("the marking must be an object")
    try:
        return marking(
            str(data["tlp"]),
            str(data["handling_code"]),
            str(data["source_reliability"]),
            str(data["information"]),
            str(data.get("note", "")),
        )
    except KeyError as missing:
        raise Invalid(f"the marking needs {missing}") from None
