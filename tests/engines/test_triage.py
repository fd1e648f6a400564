from tiaki.engines.triage import PersonFacts, assess


def test_nothing_known_scores_zero():
    assert assess(PersonFacts()) == (0, [])


def test_each_factor_cites_its_evidence_and_points_add_up():
    facts = PersonFacts(
        records=[
            ("access_to_children", "lives with two children", "email a@example.org"),
            ("prior_conviction", "2012 conviction", "phone +6421000000"),
            ("prior_conviction", "2015 conviction", "email a@example.org"),
        ],
        known_items=[("k1", 3, "child abuse material"), ("k2", 1, "CGI / animation")],
        new_items=["n1", "n2"],
        uploads=4,
        venue_roles=[("group-1", "owner"), ("group-2", "member")],
    )
    score, reasons = assess(facts)
    by_factor = {r.factor: r for r in reasons}
    assert by_factor["records: access to children"].points == 40
    assert by_factor["records: prior conviction"].points == 25  # counted once per kind of fact
    assert len(by_factor["records: prior conviction"].evidence) == 2
    assert by_factor["new material uploaded (possible production)"].points == 22
    assert by_factor["known material uploaded"].points == 6
    assert by_factor["uploader"].points == 10
    assert by_factor["owner or admin of a venue"].evidence == ["owner of group-1"]
    assert score == 40 + 25 + 22 + 6 + 10 + 10


def test_viewer_only_scores_less_than_an_uploader():
    viewer, _ = assess(PersonFacts(accesses=5))
    uploader, _ = assess(PersonFacts(uploads=1))
    assert 0 < viewer < uploader


def test_caps_hold():
    score, reasons = assess(
        PersonFacts(
            known_items=[(f"k{i}", 3, "x") for i in range(100)], new_items=[f"n{i}" for i in range(100)]
        )
    )
    assert {r.factor: r.points for r in reasons} == {
        "known material uploaded": 30,
        "new material uploaded (possible production)": 30,
    }
    assert score == 60


def test_the_same_facts_in_any_order_give_the_same_reasons_and_the_most_severe_first():
    known = [(f"k{i:02d}", 1 + i % 3, f"label {i % 3}") for i in range(14)]
    new = [f"n{i:02d}" for i in range(13)]
    roles = [("V2", "owner"), ("V1", "admin")]
    facts = PersonFacts(known_items=known, new_items=new, uploads=3, venue_roles=roles)
    backwards = PersonFacts(known_items=known[::-1], new_items=new[::-1], uploads=3, venue_roles=roles[::-1])
    assert assess(facts) == assess(backwards)
    _, reasons = assess(facts)
    listed = next(r for r in reasons if r.factor == "known material uploaded").evidence
    assert len(listed) == 10 and all("(label 2)" in e for e in listed[:4])  # severity 3 (i % 3 == 2) first
    assert next(r for r in reasons if r.factor.startswith("new material")).evidence[1:] == new[:10]
