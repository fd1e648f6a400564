"""Choosing an operation's link threshold from a sample of pairs an investigator labels.

:func:`write_sample` scores the operation's candidate pairs with the probabilistic model (as the
resolve stage does, at every weight) and writes a stratified sample of them as CSV: for each pair the
two accounts as the disclosure gave them, the model's weight, probability and evidence, and an empty
``same_person`` column. An investigator writes ``yes``, ``no`` or ``unsure`` in it. A pair is named by
its two accounts' keys as ``a|b``, which spreadsheets keep as text (``a:b`` could be read as a time).
:func:`read_sample` scores the operation again, matches the labelled pairs, and estimates precision
and recall at each threshold (``engines/threshold.py``); the suggested threshold is applied with
``tiaki operation settings --threshold`` (audited) or, from the command, with ``--apply``.

The sample holds account data, so it is written only for users who may run stages on the whole
operation (a country-scoped user may not: the pairs are not persons yet, and have no country).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.services.resolve import AccountRow, account_rows, model_backend, model_inputs
from tiaki.engines import resolution as probabilistic
from tiaki.engines import threshold as thresholds
from tiaki.errors import Invalid
from tiaki.formats.csvsafe import write_csv

HEADER = (
    "pair", "same_person", "match_weight", "match_probability", "band", "evidence",
    "account_a", "username_a", "display_name_a", "country_a",
    "account_b", "username_b", "display_name_b", "country_b",
)  # fmt: skip
_ANSWERS = {
    "yes": thresholds.YES, "y": thresholds.YES, "1": thresholds.YES, "true": thresholds.YES,
    "no": thresholds.NO, "n": thresholds.NO, "0": thresholds.NO, "false": thresholds.NO,
    "unsure": thresholds.UNSURE, "?": thresholds.UNSURE,
}  # fmt: skip


@dataclass(frozen=True)
class Sample:
    pairs: int  # pairs written
    scored: int  # linkable pairs scored in the operation


@dataclass(frozen=True)
class _Scored:
    accounts: list[AccountRow]
    pairs: probabilistic.ScoredPairs
    position: dict[tuple[int, int], int]  # (account pk a, account pk b) -> index into pairs


def _check(operation: Operation, actor: Actor) -> None:
    actor.require(Permission.RUN)
    actor.require(Permission.READ_CASE)
    if actor.scoped:
        raise Invalid(
            "a threshold sample reads the whole operation; a user limited to some countries may not draw it"
        )


def _score(operation: Operation) -> _Scored:
    accounts = account_rows(operation)
    if not accounts:
        raise Invalid(f"operation '{operation.name}' has no accounts to score")
    index = {row.pk: i for i, row in enumerate(accounts)}
    inputs = model_inputs(operation, accounts, index)
    with model_backend() as backend:
        pairs = probabilistic.score_pairs(
            inputs.accounts, inputs.identifiers, inputs.ip_events, backend=backend
        )
    accounts = [accounts[i] for i in inputs.positions]  # the model's rows: one per provider account
    position = {
        (accounts[a].pk, accounts[b].pk): i
        for i, (a, b) in enumerate(zip(pairs.a.tolist(), pairs.b.tolist(), strict=True))
    }
    return _Scored(accounts, pairs, position)


def write_sample(
    operation: Operation, out: Path, *, actor: Actor, per_band: int = 15, seed: int = 1
) -> Sample:
    """Write ``per_band`` scored pairs from every band of weights to ``out`` (CSV), audited."""
    _check(operation, actor)
    if not 1 <= per_band <= 1000:
        raise Invalid("--per-band must be between 1 and 1000")
    scored = _score(operation)
    pairs = scored.pairs
    chosen = thresholds.draw_sample(pairs.match_weight, per_band, seed)
    bands = thresholds.band_of(pairs.match_weight)
    rows = []
    for i in chosen.tolist():
        a, b = scored.accounts[int(pairs.a[i])], scored.accounts[int(pairs.b[i])]
        rows.append(
            (
                f"{a.pk}|{b.pk}",
                "",
                f"{pairs.match_weight[i]:.3f}",
                f"{pairs.match_probability[i]:.4f}",
                thresholds.band_name(int(bands[i])),
                ", ".join(pairs.evidence[i]),
                a.identity,
                a.username,
                a.display_name,
                a.stated_country,
                b.identity,
                b.username,
                b.display_name,
                b.stated_country,
            )
        )
    with open(out, "w", newline="", encoding="utf-8") as fh:
        write_csv(fh, HEADER, rows)
    summary = Sample(len(rows), int(pairs.a.size))
    record(
        "resolution.sample",
        actor=actor,
        operation=operation.name,
        target=str(out),
        details={"pairs": summary.pairs, "scored": summary.scored, "per_band": per_band, "seed": seed},
    )
    return summary


def _answers(path: Path) -> dict[tuple[int, int], tuple[str, float]]:
    """(account pk a, account pk b) -> (answer, weight written) from a labelled sample; unanswered rows
    are left out."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = {"pair", "same_person", "match_weight"} - set(reader.fieldnames or ())
            if missing:
                raise Invalid(f"{path}: not a threshold sample (no column {', '.join(sorted(missing))})")
            out: dict[tuple[int, int], tuple[str, float]] = {}
            for line, row in enumerate(reader, start=2):
                text = (row.get("same_person") or "").strip().casefold()
                if not text:
                    continue
                answer = _ANSWERS.get(text)
                if answer is None:
                    raise Invalid(f"{path}, line {line}: same_person is '{text}'; write yes, no or unsure")
                try:
                    a, b = (int(part) for part in (row.get("pair") or "").split("|"))
                    weight = float(row.get("match_weight") or "")
                except ValueError:
                    raise Invalid(f"{path}, line {line}: the pair or its weight is not as written") from None
                out[(a, b)] = (answer, weight)
            return out
    except UnicodeDecodeError:
        raise Invalid(f"{path}: not UTF-8 text") from None
    except csv.Error as exc:
        raise Invalid(f"{path}: {exc}") from None


def read_sample(operation: Operation, path: Path, *, actor: Actor) -> thresholds.Calibration:
    """Estimates from the operation's scored pairs and the answers in ``path`` (a sample written by
    :func:`write_sample` and labelled), audited. Refuses a pair the operation no longer scores, or
    scores differently (the data or the model changed since the sample was drawn)."""
    _check(operation, actor)
    answers = _answers(path)
    scored = _score(operation)
    labels: dict[int, str] = {}
    for (a, b), (answer, weight) in answers.items():
        i = scored.position.get((a, b))
        if i is None or abs(float(scored.pairs.match_weight[i]) - weight) > 0.01:
            raise Invalid(
                f"{path}: pair {a}|{b} is not scored as it was when the sample was drawn; the operation "
                "or the model has changed: draw a new sample"
            )
        labels[i] = answer
    result = thresholds.calibrate(scored.pairs.match_weight, scored.pairs.match_probability, labels)
    record(
        "resolution.calibrate",
        actor=actor,
        operation=operation.name,
        target=str(path),
        details={
            "labelled": result.labelled,
            "answers": len(labels),
            "suggested": result.suggested,
            "scored": int(np.asarray(scored.pairs.a).size),
        },
    )
    return result
