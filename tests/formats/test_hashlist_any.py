"""Hash lists from every exchange, built here to their public shapes: detection, reading, refusals
that name the option resolving them, round trips through every writer, and fuzzed input.

All hashes are made up; categories are labels only.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import HashList, ListEntry, VpdqFrame, category_for, list_fingerprint
from tiaki.formats.hashlist_any import WRITABLE, read_any_hashlist, write_hashlist
from tiaki.formats.hashlist_csv import read_hashlist_csv
from tiaki.formats.vics import read_vics, write_vics

MD5 = "0123456789abcdef0123456789abcdef"
SHA1 = "0123456789abcdef0123456789abcdef01234567"
SHA256 = "ab" * 32
PDQ = "f0" * 32
VIC_DEFAULT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media"
UK = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/UK/$metadata#Cases"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_project_vic_distribution_needs_no_profile(tmp_path: Path) -> None:
    doc = {"@odata.context": VIC_DEFAULT, "value": [{"MediaID": 1, "MD5": MD5, "Category": 1}]}
    hash_list, fmt = read_any_hashlist(_write(tmp_path / "vic.json", json.dumps(doc)))
    assert (fmt, hash_list.profile, hash_list.entries[0].category) == ("vics", "vic-us", "1")
    assert category_for("vic-us", "1").severity == 3  # type: ignore[union-attr]


def test_uk_vics_with_numeric_categories(tmp_path: Path) -> None:
    doc = {
        "@odata.context": UK,
        "value": [
            {
                "Media": [
                    {"MediaID": 1, "MD5": MD5, "Category": 1},
                    {"MediaID": 2, "SHA1": SHA1, "Category": 3},
                ]
            }
        ],
    }
    hash_list = read_vics(_write(tmp_path / "uk.json", json.dumps(doc)))
    assert hash_list.profile == "uk-caid"
    labels = [category_for("uk-caid", e.category) for e in hash_list.entries]
    assert [(c.label, c.severity) for c in labels if c] == [("category A", 3), ("category C", 1)]


def test_photodna_only_items_are_kept_and_never_reject_a_list(tmp_path: Path) -> None:
    doc = {
        "@odata.context": VIC_DEFAULT,
        "value": [
            {"MediaID": 1, "PhotoDNA": "AAECAwQ=", "Category": 2},
            {"MediaID": 2, "MD5": MD5},
        ],
    }
    path = _write(tmp_path / "p.json", json.dumps(doc))
    one, two = read_vics(path).entries
    assert (one.photodna, one.md5, one.has_hash()) == ("AAECAwQ=", None, True)
    out = tmp_path / "again.json"
    write_vics(out, read_vics(path))
    assert read_vics(out).entries == [one, two]
    csv_path = _write(tmp_path / "p.csv", f"id,md5,photodna\n1,,AAECAwQ=\n2,{MD5},\n")
    assert [e.photodna for e in read_hashlist_csv(csv_path).entries] == ["AAECAwQ=", None]


def test_utf16_vics_and_windows_1252_csv(tmp_path: Path) -> None:
    doc = {"@odata.context": VIC_DEFAULT, "value": [{"MediaID": 1, "MD5": MD5, "Series": "série été"}]}
    path = _write(tmp_path / "u16.json", json.dumps(doc, ensure_ascii=False), "utf-16")
    assert read_any_hashlist(path)[0].entries[0].series == "série été"
    csv_path = _write(tmp_path / "w.csv", f"md5,series,comments\n{MD5},café,naïve façade\n", "cp1252")
    (entry,) = read_any_hashlist(csv_path)[0].entries
    assert (entry.series, entry.comments) == ("café", "naïve façade")


def test_icse_flags_short_rows_and_baseline_as_most_serious(tmp_path: Path) -> None:
    text = (
        "Image ID,MD5,SHA1,Series name,Victim identified,Is distributed,Baseline,Offender identified\n"
        f"10,{MD5},{SHA1},s-1,t,f,t,f\n"
        f"11,{MD5}\n"
    )
    hash_list, fmt = read_any_hashlist(_write(tmp_path / "icse.csv", text))
    first, short = hash_list.entries
    assert fmt == "csv" and hash_list.source == "icse.csv (ICSE CSV)"
    assert (first.victim_identified, first.is_distributed, first.category) == (True, False, "baseline")
    assert category_for("generic", "baseline").severity == 3  # type: ignore[union-attr]
    assert category_for("generic", "other-label").severity == 1  # type: ignore[union-attr]
    assert (short.entry_id, short.md5, short.category) == ("11", MD5, None)


def test_classification_column_gives_the_industry_profile(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", f"md5,Classification\n{MD5},a1\n{'1' * 32},B2\n")
    hash_list = read_hashlist_csv(path)
    assert hash_list.profile == "industry"
    assert [(e.category, e.classification) for e in hash_list.entries] == [("A1", "A1"), ("B2", "B2")]
    assert [category_for("industry", c).severity for c in ("A1", "A2", "B1", "B2")] == [3, 2, 3, 2]  # type: ignore[union-attr]
    with pytest.raises(InputError, match="A1, A2, B1, B2") as caught:
        read_hashlist_csv(_write(tmp_path / "bad.csv", f"md5,classification\n{MD5},C9\n"))
    assert (caught.value.row, caught.value.field) == (2, "classification")


@pytest.mark.parametrize(
    ("content", "row", "message"),
    [
        (f'md5,comments\n{MD5},"runs\nover\n', 2, "unclosed quote"),
        (f"md5,comments\n{MD5},{'x' * 140_000}\n", 2, "longer than"),
        (f"md5,comments\n{MD5},ok,extra\n", 2, "3 cells"),
    ],
)
def test_strict_csv_records(tmp_path: Path, content: str, row: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_hashlist_csv(_write(tmp_path / "s.csv", content))
    assert caught.value.row == row


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(
        b"md5,comments\n" + (MD5 + ",fine\n").encode() * 5000 + MD5.encode() + b",\xff\xfe\x00bad\n"
    )
    with pytest.raises(InputError) as caught:
        read_hashlist_csv(path)
    assert caught.value.file == str(path)


NCMEC = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">
  <images count="2" maxTimestamp="2024-01-02T00:00:00Z">
    <image>
      <member id="7">Example Member</member>
      <timestamp>2024-01-01T00:00:00Z</timestamp>
      <id>img-1</id>
      <classification>A2</classification>
      <fingerprints><md5>{md5}</md5><sha1>{sha1}</sha1><pdna>opaque==</pdna></fingerprints>
    </image>
    <deletedImage><member id="7">Example Member</member><id>img-0</id></deletedImage>
  </images>
  <videos count="1">
    <video><id>vid-1</id><fingerprints><md5>{vmd5}</md5></fingerprints></video>
  </videos>
</queryResult>
"""


def test_ncmec_hash_sharing_xml(tmp_path: Path) -> None:
    path = _write(tmp_path / "ncmec.xml", NCMEC.format(md5=MD5, sha1=SHA1, vmd5="2" * 32))
    hash_list, fmt = read_any_hashlist(path)
    image, video = hash_list.entries
    assert (fmt, hash_list.profile) == ("ncmec-xml", "industry")
    assert (image.entry_id, image.kind, image.category, image.photodna) == (
        "img-1",
        "image",
        "A2",
        "opaque==",
    )
    assert (video.kind, video.md5, video.category) == ("video", "2" * 32, None)
    assert hash_list.notes == ["1 deleted entries not imported"]


def test_stopncii_records(tmp_path: Path) -> None:
    doc = {
        "count": 3,
        "hashRecords": [
            {
                "lastModtimestamp": 1,
                "hashValue": PDQ,
                "hashStatus": "Active",
                "caseNumbers": {"case-1": "Active"},
                "signalType": "ImagePDQ",
                "CSPFeedbacks": [{"source": "x", "feedbackValue": "Blocked", "tags": ["t1"]}],
            },
            {"hashValue": MD5, "hashStatus": "Received", "caseNumbers": {}, "signalType": "VideoMD5"},
            {"hashValue": "abc", "hashStatus": "Received", "caseNumbers": {}, "signalType": "VideoTMK"},
            {"hashValue": PDQ, "hashStatus": "Withdrawn", "caseNumbers": {}, "signalType": "ImagePDQ"},
        ],
    }
    hash_list, fmt = read_any_hashlist(_write(tmp_path / "sn.json", json.dumps(doc)))
    photo, video = hash_list.entries
    assert fmt == "stopncii" and (photo.pdq, photo.category, video.md5, video.kind) == (
        PDQ,
        "ncii",
        MD5,
        "video",
    )
    assert photo.comments == "cases: case-1; tags: t1"
    assert len(hash_list.notes) == 2


def test_hma_and_threatexchange_signals(tmp_path: Path) -> None:
    csv_path = _write(
        tmp_path / "hma.csv",
        f"signal_type,signal_value,bank_content_id\npdq,{PDQ},41\nvideo_md5,{MD5},42\nurl,x,43\n",
    )
    hash_list, fmt = read_any_hashlist(csv_path)
    assert fmt == "signals" and [(e.entry_id, e.pdq, e.md5, e.kind) for e in hash_list.entries] == [
        ("41", PDQ, None, "image"),
        ("42", None, MD5, "video"),
    ]
    assert hash_list.notes == ["1 entries of type 'url' not imported (tiaki cannot match them)"]
    lines = _write(tmp_path / "tx.txt", f"pdq {PDQ}\nphoto_md5 {MD5}\n")
    assert [e.md5 for e in read_any_hashlist(lines)[0].entries] == [None, MD5]
    jsonl = _write(
        tmp_path / "te.jsonl",
        json.dumps(
            {
                "id": "9",
                "td_indicator_type": "HASH_PDQ",
                "td_raw_indicator": PDQ,
                "tags": ["media_type_photo"],
            }
        )
        + "\n",
    )
    hash_list, fmt = read_any_hashlist(jsonl)
    assert fmt == "threatexchange" and (hash_list.entries[0].entry_id, hash_list.entries[0].pdq) == ("9", PDQ)


def test_pdq_hasher_output_and_plain_lists(tmp_path: Path) -> None:
    hasher = _write(tmp_path / "h.txt", f"{PDQ},100,photos/a.jpg\n{'0f' * 32},87,b,with,comma.jpg\n")
    hash_list, fmt = read_any_hashlist(hasher)
    assert fmt == "pdq-hasher" and [e.entry_id for e in hash_list.entries] == [
        "photos/a.jpg",
        "b,with,comma.jpg",
    ]
    md5s = _write(tmp_path / "m.txt", f"{MD5}  one.jpg\n{'a' * 32}\n")
    assert [(e.entry_id, e.md5) for e in read_any_hashlist(md5s)[0].entries] == [
        ("one.jpg", MD5),
        ("2", "a" * 32),
    ]
    sha1s = _write(tmp_path / "s.txt", f"{SHA1}\n")
    assert read_any_hashlist(sha1s)[0].entries[0].sha1 == SHA1
    long = _write(tmp_path / "l.txt", f"{SHA256}\n")
    with pytest.raises(InputError, match="--hash-type"):
        read_any_hashlist(long)
    assert read_any_hashlist(long, hash_type="sha256")[0].entries[0].sha256 == SHA256
    assert read_any_hashlist(long, hash_type="pdq")[0].entries[0].pdq == SHA256


def _frames(seed: int, count: int = 3) -> tuple[VpdqFrame, ...]:
    return tuple(VpdqFrame(i, 100 - i, f"{seed:02x}{i:02x}" * 16, round(i * 0.033, 3)) for i in range(count))


def test_vpdq_files_a_folder_and_a_zip(tmp_path: Path) -> None:
    one = _write(tmp_path / "clip-a.txt", "0,100,{},0\n1,98,{},0.0291\n".format(PDQ, "0f" * 32))
    hash_list, fmt = read_any_hashlist(one)
    (entry,) = hash_list.entries
    assert fmt == "vpdq" and entry.kind == "video" and entry.entry_id == "clip-a"
    assert entry.video_frames == (VpdqFrame(0, 100, PDQ, 0.0), VpdqFrame(1, 98, "0f" * 32, 0.0291))
    folder = tmp_path / "videos"
    folder.mkdir()
    (folder / "v1.txt").write_text(f"0,100,{PDQ},0\n", encoding="utf-8")
    (folder / "v2.txt").write_text(f"0,90,{PDQ}\n", encoding="utf-8")  # older files: no timestamp
    hash_list, fmt = read_any_hashlist(folder, name="videos")
    assert fmt == "vpdq" and [e.entry_id for e in hash_list.entries] == ["v1", "v2"]
    archive = tmp_path / "videos.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "v1.txt", "v1.txt")
    assert read_any_hashlist(archive)[0].entries[0].entry_id == "v1"
    with pytest.raises(InputError) as caught:
        read_any_hashlist(_write(tmp_path / "bad.txt", f"0,100,{PDQ},0\n1,100,xyz,1\n"))
    assert caught.value.row == 2


def _everything() -> HashList:
    return HashList(
        name="all",
        profile="generic",
        entries=[
            ListEntry(
                "1",
                md5=MD5,
                sha1=SHA1,
                sha256=SHA256,
                pdq=PDQ,
                photodna="AAE=",
                category="x",
                series="s",
                victim_identified=True,
                is_distributed=False,
                comments="c",
                classification="A1",
                kind="image",
            ),
            ListEntry("2", md5="1" * 32, kind="video", status="new"),
            ListEntry("v3", kind="video", video_frames=_frames(3)),
        ],
    )


@pytest.mark.parametrize("fmt", WRITABLE)
def test_every_writer_round_trips_what_it_can_carry(tmp_path: Path, fmt: str) -> None:
    original = _everything()
    target = tmp_path / ("out" if fmt == "vpdq" else f"out.{'json' if fmt == 'vics' else 'txt'}")
    kept: list[ListEntry]
    if fmt == "vics":
        original.entries = original.entries[:2]
        original.entries[0].classification = None  # VICS has no field for it
        original.entries[0].kind = original.entries[1].kind = None
        kept = original.entries
    elif fmt == "csv":
        original.entries = original.entries[:2]
        kept = original.entries
    elif fmt == "vpdq":
        kept = [original.entries[2]]
    else:
        kept = original.entries[:2]
    write_hashlist(target, original, format=fmt, hash_type="md5" if fmt == "plain" else None)
    again, detected = read_any_hashlist(target, profile="generic", name="all")
    assert detected == ("signals" if fmt == "signals" else fmt)
    if fmt in ("vics", "csv", "vpdq"):
        assert again.entries == kept
        assert list_fingerprint(again.entries) == list_fingerprint(kept)
    elif fmt == "ncmec-xml":
        first = again.entries[0]
        assert (first.md5, first.sha1, first.sha256, first.pdq, first.photodna, first.classification) == (
            MD5,
            SHA1,
            SHA256,
            PDQ,
            "AAE=",
            "A1",
        )
        assert again.entries[1].kind == "video"
    elif fmt == "signals":
        assert {(e.entry_id, e.pdq or e.md5 or e.sha1 or e.sha256) for e in again.entries} >= {
            ("1", PDQ),
            ("2", "1" * 32),
        }
    elif fmt == "pdq-hasher":
        assert [(e.entry_id, e.pdq) for e in again.entries] == [("1", PDQ)]
    elif fmt == "plain":
        assert [(e.entry_id, e.md5) for e in again.entries] == [("1", MD5), ("2", "1" * 32)]


def test_a_package_vics_uses_integer_ids_and_marks_new_items(tmp_path: Path) -> None:
    entries = [ListEntry("a" * 64, md5=MD5, category="1"), ListEntry("b" * 64, sha1=SHA1, status="new")]
    path = tmp_path / "media.vics.json"
    write_vics(path, entries, integer_ids=True)
    media = json.loads(path.read_text(encoding="utf-8"))["value"][0]["Media"]
    assert [m["MediaID"] for m in media] == [1, 2]
    assert "Category" not in media[1] and media[1]["IsPrecategorized"] is False
    known, new = read_vics(path).entries
    assert (known.status, new.status, new.category) == (None, "new", None)
    with pytest.raises(ValueError, match="new"):
        write_vics(tmp_path / "x.json", [ListEntry("1", md5=MD5, category="1", status="new")])


def test_the_same_list_under_another_name_or_format_has_one_fingerprint(tmp_path: Path) -> None:
    entries = [ListEntry("1", md5=MD5, category="1"), ListEntry("2", sha1=SHA1)]
    write_vics(tmp_path / "a.json", entries)
    write_hashlist(
        tmp_path / "b.csv", HashList("other", "vic-us", entries=list(reversed(entries))), format="csv"
    )
    a = read_any_hashlist(tmp_path / "a.json", name="first")[0]
    b = read_any_hashlist(tmp_path / "b.csv", name="second", profile="vic-us")[0]
    assert list_fingerprint(a.entries) == list_fingerprint(b.entries)
    changed = [ListEntry("1", md5=MD5, category="2"), ListEntry("2", sha1=SHA1)]
    assert list_fingerprint(changed) != list_fingerprint(a.entries)


LINES = st.sampled_from(
    [
        "md5,category",
        "Image ID,MD5,Baseline",
        "signal_type,signal_value",
        f"{MD5}",
        f"{PDQ},100,x",
        "pdq " + PDQ,
        f"0,100,{PDQ},0",
        '{"value": [',
        '{"hashRecords": [{"signalType": "ImagePDQ", "hashValue": 1}]}',
        "<queryResult><images><image><id>1</id><fingerprints><md5>zz</md5></fingerprints></image></images></queryResult>",
        f"{MD5},1",
        '"unterminated',
        ",,,",
        "t,f",
        "\x00",
        "é",
        SHA256,
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, max_size=6), noise=st.binary(max_size=12), utf16=st.booleans())
def test_any_list_parses_or_raises_input_error(
    tmp_path: Path, lines: list[str], noise: bytes, utf16: bool
) -> None:
    path = tmp_path / "fuzz.txt"
    text = "\n".join(lines)
    path.write_bytes((text.encode("utf-16") if utf16 else text.encode("utf-8")) + noise)
    try:
        hash_list, fmt = read_any_hashlist(path)
    except InputError as error:
        assert error.file == str(path)
    else:
        assert all(entry.has_hash() for entry in hash_list.entries) and fmt
