"""Fact-check the claims ledger against the curated evidence datasets.

Every claim of ``claims`` gets one verdict with the evidence behind it:

``consistent``
    Within a stated tolerance of a matching official figure, of another claim for the same
    indicator and period, or of the arithmetic linking it to other claims.
``conflicts``
    Outside the tolerance of the best matching evidence; the gap and the evidence are named.
``internally inconsistent``
    The arithmetic inside the claims does not add up: parts versus total, a growth rate
    versus the previous period's level, an anniversary versus the year relations were
    established, or a figure about 1000 times off (million written for billion).
``unverifiable``
    No matching evidence; the explanation says why (no dataset, no period, a plan, or the
    only evidence is the same article).

The checks are small functions that each return *findings* (one row per claim and rule);
:func:`combine_findings` keeps, for each claim, the finding of highest precedence
(internally inconsistent > conflicts > consistent > unverifiable) and lists the others.
:func:`run_fact_check` loads the datasets and runs everything; the tolerances are the
explicit, documented fields of :class:`Tolerances`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from helpers.periods import period_label

__all__ = [
    "CHECK_ORDER",
    "FINDING_COLUMNS",
    "RESULT_COLUMNS",
    "VERDICTS",
    "Tolerances",
    "anniversary_bases",
    "article_dates",
    "build_events",
    "build_evidence",
    "check_anniversaries",
    "check_cross_claims",
    "check_events",
    "check_growth",
    "check_jumps",
    "check_official",
    "check_parts_total",
    "check_units",
    "claim_verdicts",
    "claim_basis",
    "combine_findings",
    "compare",
    "conflict_table",
    "fact_check",
    "format_value",
    "parse_date_interval",
    "printed_half_unit",
    "run_fact_check",
    "same_text_sources",
    "summary_table",
]

VERDICTS = ["consistent", "conflicts", "internally inconsistent", "unverifiable"]
# Precedence when several rules judge one claim: an arithmetic error inside the claims beats a
# conflict with outside evidence, which beats agreement, which beats having nothing to compare.
_PRECEDENCE = {"internally inconsistent": 0, "conflicts": 1, "consistent": 2, "unverifiable": 3, "note": 4}
CHECK_ORDER = [
    "units",
    "anniversary",
    "parts vs total",
    "growth vs previous level",
    "jump between statements",
    "official figure",
    "official figure (stock, nearest date)",
    "cross-reporter band",
    "claims of two articles",
    "event date",
    "no evidence",
]
FINDING_COLUMNS = [
    "claim_id",
    "verdict",
    "check",
    "evidence_value",
    "evidence_period",
    "evidence_source",
    "evidence_dataset",
    "reporter_basis",
    "gap_abs",
    "gap_pct",
    "explanation",
]
RESULT_COLUMNS = [
    "claim_id",
    "source_id",
    "theme",
    "indicator",
    "subject",
    "claimed_value",
    "value_as_printed",
    "qualifier",
    "unit",
    "verdict",
    "check",
    "evidence_value",
    "evidence_period",
    "evidence_source",
    "evidence_dataset",
    "reporter_basis",
    "gap_abs",
    "gap_pct",
    "explanation",
    "other_checks",
]

# Person counts that are stocks (a head count on a date), as opposed to flows over a period.
STOCK_INDICATORS = frozenset(
    {
        "people_japanese_residents_in_kh",
        "people_cambodians_in_jp",
        "people_cambodian_workers_in_jp",
        "people_cambodian_trainees_in_jp",
        "people_cambodian_students_in_jp",
    }
)
# Trade indicators whose total is the sum of two parts (same period, same article).
TRADE_PARTS = {"trade_total": ("trade_exports_kh_to_jp", "trade_imports_kh_from_jp")}
_STOPWORDS = frozenset(
    "japan japanese cambodia cambodian cambodias kingdom with from between their this that these "
    "into over under about year years also have been were will which while where after before "
    "other others first".split()
)


@dataclass(frozen=True)
class Tolerances:
    """How far a claim may sit from its evidence and still be called consistent.

    Attributes
    ----------
    exact_rel : float
        Relative tolerance (0.01 = 1 %) for a figure printed as exact. A journalist's "$1.95
        billion" is already rounded, so the tolerance is the larger of this and half a unit of
        the printed precision (see :func:`printed_half_unit`).
    about_rel : float
        Relative tolerance for "about", "around", "nearly" (10 %): wide enough for rounding
        4,280 to "about 4,500"? No (5 %) it is; "about 1.5 billion" for 1.30 is not (15 %).
    bound_floor : float
        For "more than X" the evidence must be at least X, and X must not be absurdly below it:
        X >= bound_floor * evidence (0.5: "more than 1,000" for 5,000 is true but misleading).
        Mirrored for "up to" / "less than": X <= evidence / bound_floor.
    preliminary_rel : float
        Extra room (5 %) when the evidence row is flagged as an estimate or provisional:
        first releases of customs data are revised by a few per cent.
    cross_reporter_rel : float
        Cambodia's and Japan's customs record the same flows with large, well-known gaps
        (c.i.f. versus f.o.b., transit through third countries, timing): 30-45 % for
        Cambodia-Japan. A trade claim within 40 % of a figure on another reporter's basis is
        flagged as a different basis, not as a conflict.
    growth_pp : float
        Tolerance in percentage points (0.5) when a growth rate or an implied level is compared.
    unit_low, unit_high : float
        A claim between ``unit_low`` and ``unit_high`` times smaller or larger than its evidence
        (300 to 3000, centred on 1000) is read as a million/billion slip.
    jump_annual_rel : float
        Two statements of one stock (persons) implying more than 50 % growth a year are an
        implausible jump when both are point figures.
    stock_window_days : int
        A stock claim without its own matching date is compared with the nearest official count
        at most this many days away (366).
    event_keywords : int
        Shared content words (crudely stemmed) needed to match an event claim to a dated event (3):
        two proved too loose ("Hun Manet" + "commander" matched the wrong meeting).
    """

    exact_rel: float = 0.01
    about_rel: float = 0.10
    bound_floor: float = 0.5
    preliminary_rel: float = 0.05
    cross_reporter_rel: float = 0.40
    growth_pp: float = 0.5
    unit_low: float = 300.0
    unit_high: float = 3000.0
    jump_annual_rel: float = 0.5
    stock_window_days: int = 366
    event_keywords: int = 3


# --------------------------------------------------------------------------------------------
# Small utilities
# --------------------------------------------------------------------------------------------


def printed_half_unit(printed: str | None, value: float) -> float:
    """Return half a unit of the last printed digit, in the claim's unit.

    Parameters
    ----------
    printed : str or None
        The figure as printed, e.g. ``"$1.7618 billion"``, ``"4,500"``, ``"17.1%"``.
    value : float
        The figure in plain units (1761800000 for "$1.7618 billion").

    Returns
    -------
    float
        0.5 x the place value of the last significant printed digit; trailing zeros of a whole
        number count as rounding ("4,500" -> 50). 0 when nothing numeric is printed.

    Examples
    --------
    >>> printed_half_unit("$1.2 billion", 1.2e9)
    50000000.0
    >>> printed_half_unit("4,500", 4500)
    50.0
    """
    if not isinstance(printed, str) or value is None or pd.isna(value):
        return 0.0
    match = re.search(r"(\d[\d,]*)(?:\.(\d+))?", printed)
    if not match:
        return 0.0
    whole = match.group(1).replace(",", "")
    decimals = match.group(2) or ""
    number = float(f"{whole}.{decimals}" if decimals else whole)
    if number == 0:
        return 0.0
    scale = value / number
    if decimals:
        return 0.5 * 10 ** (-len(decimals)) * scale
    zeros = len(whole) - len(whole.rstrip("0"))
    return 0.5 * 10**zeros * scale


def format_value(value: float, unit: str) -> str:
    """Return a figure for prose: US$ in million or billion, persons with separators.

    Examples
    --------
    >>> format_value(1761800000, "USD")
    'US$1,761.8 million'
    >>> format_value(17.1, "percent")
    '17.1%'
    """
    if value is None or pd.isna(value):
        return "no figure"
    if unit == "USD":
        return f"US${value / 1e6:,.1f} million" if abs(value) >= 1e5 else f"US${value:,.0f}"
    if unit == "percent":
        return f"{value:g}%"
    if unit in {"year", "years"}:
        return f"{value:.0f}"
    return f"{value:,.0f}"


def parse_date_interval(text: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return the first and last day covered by a date written to day, month or year.

    Examples
    --------
    >>> [f"{d:%Y-%m-%d}" for d in parse_date_interval("1953-03")]
    ['1953-03-01', '1953-03-31']
    """
    text = str(text).strip()
    if re.fullmatch(r"\d{4}", text):
        return pd.Timestamp(f"{text}-01-01"), pd.Timestamp(f"{text}-12-31")
    if re.fullmatch(r"\d{4}-\d{2}", text):
        start = pd.Timestamp(f"{text}-01")
        return start, start + pd.offsets.MonthEnd(0)
    day = pd.Timestamp(text)
    return day, day


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _keywords(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", re.sub(r"[’']s\b", "", str(text).lower()))
    return {_stem(w) for w in words if len(w) >= 4 and w not in _STOPWORDS}


def _finding(claim_id: str, verdict: str, check: str, explanation: str, **kw) -> dict:
    row = dict.fromkeys(FINDING_COLUMNS)
    row.update(claim_id=claim_id, verdict=verdict, check=check, explanation=explanation, **kw)
    return row


def _gap(claim: float, evidence: float) -> tuple[float, float]:
    gap = claim - evidence
    return gap, (100 * gap / evidence if evidence else math.nan)


def claim_basis(notes: str | None) -> str | None:
    """Return the reporter basis a claim's notes attribute it to, or None.

    Examples
    --------
    >>> claim_basis("attributed to GDCE (General Department of Customs and Excise)")
    'KHM_customs'
    """
    if not isinstance(notes, str):
        return None
    if "GDCE" in notes:
        return "KHM_customs"
    if "JETRO" in notes:
        return "JPN_customs"
    return None


def same_text_sources(sources: pd.DataFrame) -> dict[str, str]:
    """Map a source to the seed whose article text it repeats, read from ``sources.notes``.

    Such a source cannot corroborate the seed: it is the same report.

    Examples
    --------
    >>> s = pd.DataFrame({"source_id": ["x"], "notes": ["Same article text as seed_000, so ..."]})
    >>> same_text_sources(s)
    {'x': 'seed_000'}
    """
    found: dict[str, str] = {}
    for sid, note in zip(sources["source_id"], sources["notes"], strict=True):
        match = re.search(r"[Ss]ame article text as (seed_\d{3})", str(note))
        if match:
            found[sid] = match.group(1)
    return found


def _independent(evidence: pd.DataFrame, source_id: str, same_text: dict[str, str]) -> pd.Series:
    repeated = evidence["source_id"].map(lambda sid: same_text.get(sid, ""))
    return (evidence["source_id"] != source_id) & (repeated != source_id)


# --------------------------------------------------------------------------------------------
# Evidence and reference tables
# --------------------------------------------------------------------------------------------

_EVIDENCE_COLUMNS = [
    "indicator",
    "period_start",
    "period_end",
    "basis",
    "value",
    "unit",
    "qualifier",
    "estimate",
    "source_id",
    "dataset",
]


def _dots_evidence(trade_dots: pd.DataFrame) -> pd.DataFrame:
    """Bilateral DOTS rows as claim indicators; the reporter is the basis (its customs data)."""
    mapping = {
        ("JPN", "KHM", "imports_cif"): "trade_exports_kh_to_jp",
        ("JPN", "KHM", "exports_fob"): "trade_imports_kh_from_jp",
        ("KHM", "JPN", "exports_fob"): "trade_exports_kh_to_jp",
        ("KHM", "JPN", "imports_cif"): "trade_imports_kh_from_jp",
    }
    keys = list(zip(trade_dots["reporter"], trade_dots["partner"], trade_dots["flow"], strict=True))
    frame = trade_dots.assign(indicator=[mapping.get(k) for k in keys]).dropna(subset=["indicator", "value_usd"])
    out = pd.DataFrame(
        {
            "indicator": frame["indicator"],
            "period_start": pd.to_datetime(frame["year"].astype(int).astype(str) + "-01-01"),
            "period_end": pd.to_datetime(frame["year"].astype(int).astype(str) + "-12-31"),
            "basis": frame["reporter"] + "_customs",
            "value": frame["value_usd"].astype(float),
            "unit": "USD",
            "qualifier": "exact",
            "estimate": frame["estimate"].fillna(False).astype(bool),
            "source_id": frame["source_id"],
            "dataset": "trade_dots",
        }
    )
    return out


def _derived_totals(trade: pd.DataFrame) -> pd.DataFrame:
    """Add trade_total = exports + imports where a source gives both parts but no total."""
    keys = ["period_start", "period_end", "basis", "source_id", "dataset"]
    exports = trade[trade["indicator"] == "trade_exports_kh_to_jp"]
    imports = trade[trade["indicator"] == "trade_imports_kh_from_jp"]
    both = exports.merge(imports, on=keys, suffixes=("_x", "_m"))
    totals = trade[trade["indicator"] == "trade_total"][keys]
    both = both.merge(totals.drop_duplicates(), on=keys, how="left", indicator=True)
    both = both[both["_merge"] == "left_only"]
    return pd.DataFrame(
        {
            "indicator": "trade_total",
            **{k: both[k] for k in keys[:4]},
            "value": both["value_x"] + both["value_m"],
            "unit": "USD",
            "qualifier": "exact",
            "estimate": both["estimate_x"] | both["estimate_m"],
            "dataset": both["dataset"] + " (derived: exports + imports)",
        }
    )[_EVIDENCE_COLUMNS]


def build_evidence(
    trade_reported: pd.DataFrame,
    trade_dots: pd.DataFrame,
    people_counts: pd.DataFrame,
    japanese_residents: pd.DataFrame,
    migrant_stock: pd.DataFrame,
    oda_aggregates: pd.DataFrame,
) -> pd.DataFrame:
    """Stack the evidence datasets into one long table keyed like the claims.

    Parameters
    ----------
    trade_reported, trade_dots, people_counts, japanese_residents, migrant_stock, oda_aggregates
        The datasets as returned by ``helpers.load``.

    Returns
    -------
    pandas.DataFrame
        Columns indicator, period_start, period_end (Timestamps; a stock has start == end),
        basis (reporter or measure), value, unit, qualifier, estimate, source_id, dataset.
        Trade totals are derived from exports + imports of the same source, period and basis
        where the source gives no total (dataset says "derived").

    Examples
    --------
    >>> ev = build_evidence(*(pd.DataFrame() for _ in range(6)))  # doctest: +SKIP
    """
    frames = []
    if len(trade_reported):
        tr = trade_reported.rename(columns={"reporter_basis": "basis"}).assign(
            qualifier="exact", dataset="trade_reported"
        )
        frames.append(tr)
    if len(trade_dots):
        frames.append(_dots_evidence(trade_dots))
    if len(people_counts):
        frames.append(
            people_counts.rename(columns={"measure": "basis"}).assign(unit="persons", dataset="people_counts")
        )
    if len(japanese_residents):
        jr = japanese_residents
        as_of = pd.to_datetime(jr["as_of"])
        frames.append(
            pd.DataFrame(
                {
                    "indicator": "people_japanese_residents_in_kh",
                    "period_start": as_of,
                    "period_end": as_of,
                    "basis": "long-term and permanent Japanese residents (1 October count)",
                    "value": jr["persons"].astype(float),
                    "unit": "persons",
                    "qualifier": "exact",
                    "estimate": False,
                    "source_id": jr["source_id"],
                    "dataset": "japanese_residents_in_cambodia",
                }
            )
        )
    if len(migrant_stock):
        ms = migrant_stock[
            (migrant_stock["origin"] == "KHM")
            & (migrant_stock["destination"] == "JPN")
            & (migrant_stock["sex"] == "total")
        ]
        mid = pd.to_datetime(ms["year"].astype(int).astype(str) + "-07-01")
        frames.append(
            pd.DataFrame(
                {
                    "indicator": "people_cambodians_in_jp",
                    "period_start": mid,
                    "period_end": mid,
                    "basis": "international migrant stock, mid-year (UN DESA)",
                    "value": ms["persons"].astype(float),
                    "unit": "persons",
                    "qualifier": "exact",
                    "estimate": True,
                    "source_id": ms["source_id"],
                    "dataset": "migrant_stock_undesa",
                }
            )
        )
    if len(oda_aggregates):
        frames.append(oda_aggregates.assign(dataset="oda_aggregates"))
    evidence = pd.concat([f.reindex(columns=_EVIDENCE_COLUMNS) for f in frames], ignore_index=True)
    evidence["period_start"] = pd.to_datetime(evidence["period_start"])
    evidence["period_end"] = pd.to_datetime(evidence["period_end"])
    evidence["estimate"] = evidence["estimate"].fillna(False).astype(bool)
    evidence["value"] = evidence["value"].astype(float)
    trade = evidence[evidence["indicator"].str.startswith("trade_")]
    evidence = pd.concat([evidence, _derived_totals(trade)], ignore_index=True)
    return evidence.sort_values(["indicator", "period_start", "period_end", "source_id"], ignore_index=True)


def build_events(
    diplomatic_events: pd.DataFrame, partnership_levels: pd.DataFrame, agreements: pd.DataFrame
) -> pd.DataFrame:
    """Return dated events from the three diplomacy datasets with their date intervals.

    Returns
    -------
    pandas.DataFrame
        Columns event_id, start, end (first and last day the stated precision allows),
        text (description used for keyword matching), event_type, source_id, dataset.
    """
    parts = [
        diplomatic_events.assign(text=diplomatic_events["event"], dataset="diplomatic_events"),
        partnership_levels.assign(
            event_id=partnership_levels["stage_id"],
            text=partnership_levels["level"].str.replace("_", " ")
            + " "
            + partnership_levels["stage_id"].str.replace("_", " "),
            event_type="partnership_level",
            dataset="partnership_levels",
        ),
        agreements.assign(
            event_id=agreements["agreement_id"],
            text=agreements["title"],
            event_type=agreements["kind"],
            dataset="agreements",
        ),
    ]
    events = pd.concat(
        [p[["event_id", "date", "text", "event_type", "source_id", "dataset"]] for p in parts], ignore_index=True
    )
    bounds = [parse_date_interval(d) for d in events["date"]]
    events["start"] = [b[0] for b in bounds]
    events["end"] = [b[1] for b in bounds]
    return events.sort_values(["start", "event_id"], ignore_index=True)


def anniversary_bases(partnership_levels: pd.DataFrame, diplomatic_events: pd.DataFrame) -> dict[str, int]:
    """Return the founding year of each anniversary kind, read from the data.

    ``relations``: the year diplomatic relations were established (partnership_levels level
    ``diplomatic_relations``, which must agree with diplomatic_events of type ``relations``);
    ``peacekeeping``: the first year of Japan's peacekeeping in Cambodia (earliest
    diplomatic_events row of type ``peacekeeping``).

    Examples
    --------
    >>> pl = pd.DataFrame({"level": ["diplomatic_relations"], "date": ["1953-01-09"]})
    >>> de = pd.DataFrame({"event_type": ["relations", "peacekeeping"], "date": ["1953-01-09", "1992-06"]})
    >>> anniversary_bases(pl, de)
    {'relations': 1953, 'peacekeeping': 1992}
    """
    relations = {
        int(str(d)[:4]) for d in partnership_levels.loc[partnership_levels["level"] == "diplomatic_relations", "date"]
    }
    relations |= {
        int(str(d)[:4]) for d in diplomatic_events.loc[diplomatic_events["event_type"] == "relations", "date"]
    }
    if len(relations) != 1:
        raise ValueError(f"the data give several years for the establishment of relations: {sorted(relations)}")
    pko = [int(str(d)[:4]) for d in diplomatic_events.loc[diplomatic_events["event_type"] == "peacekeeping", "date"]]
    bases = {"relations": relations.pop()}
    if pko:
        bases["peacekeeping"] = min(pko)
    return bases


def article_dates(claims: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Return the date each article speaks from, one per source_id.

    The claim's own ``statement_date`` where the ledger has one; otherwise the latest event the
    diplomacy datasets date from that same article (an article reports nothing after its own
    date, and the seeds report events of their own days). Missing when neither exists.
    """
    stated = claims.dropna(subset=["statement_date"]).groupby("source_id")["statement_date"].max()
    inferred = events[events["source_id"].isin(claims["source_id"])].groupby("source_id")["start"].max()
    dates = pd.Series(pd.NaT, index=sorted(claims["source_id"].unique()), dtype="datetime64[us]")
    dates.update(inferred.astype("datetime64[us]"))
    dates.update(stated.astype("datetime64[us]"))
    dates.name = "article_date"
    return dates


# --------------------------------------------------------------------------------------------
# Comparing one claim with one evidence value
# --------------------------------------------------------------------------------------------


def compare(
    value: float,
    qualifier: str,
    printed: str | None,
    evidence: float,
    tol: Tolerances,
    evidence_qualifier: str = "exact",
    evidence_estimate: bool = False,
    unit: str = "",
) -> tuple[bool, str]:
    """Return whether a claimed figure agrees with an evidence figure, and the rule applied.

    Parameters
    ----------
    value, qualifier, printed
        The claim: plain value, its qualifier and the figure as printed.
    evidence : float
        The evidence value in the same unit.
    tol : Tolerances
    evidence_qualifier : str
        Qualifier of the evidence; a rounded piece of evidence ("about") widens the band.
    evidence_estimate : bool
        Provisional evidence gets ``preliminary_rel`` of extra room.
    unit : str
        Only for the wording of the rule (see :func:`format_value`).

    Examples
    --------
    >>> compare(15000, "more_than", "15,000", 16000, Tolerances())
    (True, 'more than 15,000 holds: evidence 16,000')
    >>> compare(1.5e6, "more_than", "$1.5 million", 1.6e9, Tolerances())[0]
    False
    """
    half = printed_half_unit(printed, value)
    rel = tol.about_rel if qualifier == "about" or evidence_qualifier not in {"exact", None} else tol.exact_rel
    if evidence_estimate:
        rel += tol.preliminary_rel
    band = max(rel * abs(evidence), half)
    shown, ev = format_value(value, unit), format_value(evidence, unit)
    if qualifier == "more_than":
        ok = value <= evidence + half and value >= tol.bound_floor * evidence
        why = "holds" if ok else ("is above the evidence" if value > evidence + half else "is far below the evidence")
        return ok, f"more than {shown} {why}: evidence {ev}"
    if qualifier in {"up_to", "less_than"}:
        ok = value >= evidence - half and value * tol.bound_floor <= evidence
        why = "holds" if ok else ("is below the evidence" if value < evidence - half else "is far above the evidence")
        return ok, f"{qualifier.replace('_', ' ')} {shown} {why}: evidence {ev}"
    ok = abs(value - evidence) <= band
    share = f"±{band / abs(evidence) * 100:.1f}%" if evidence else f"±{band:g}"
    return ok, f"{'within' if ok else 'outside'} {share} of {ev}"


# --------------------------------------------------------------------------------------------
# Checks: each returns findings (FINDING_COLUMNS), zero or more per claim
# --------------------------------------------------------------------------------------------


def _periods(claims: pd.DataFrame) -> pd.DataFrame:
    return claims.assign(
        period_start=pd.to_datetime(claims["period_start"]), period_end=pd.to_datetime(claims["period_end"])
    )


def _same_period(evidence: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    return (evidence["period_start"] == start) & (evidence["period_end"] == end)


def check_official(
    claims: pd.DataFrame, evidence: pd.DataFrame, tol: Tolerances, same_text: dict[str, str] | None = None
) -> pd.DataFrame:
    """Compare each claim with evidence for the same indicator, unit and period.

    Matching: same indicator and unit; period_start and period_end equal (a calendar-year
    claim therefore matches annual evidence for that year). Evidence from the same article
    (or a source repeating its text) is not used. A match within :func:`compare` gives
    ``consistent``; otherwise, for trade, a gap within ``cross_reporter_rel`` to a figure on
    another (or unknown) reporter basis gives ``consistent`` under the check "cross-reporter
    band"; any other gap is ``conflicts`` against the nearest evidence.
    """
    same_text = same_text or {}
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if pd.isna(c.value) or pd.isna(c.period_end) or c.qualifier == "target" or c.indicator in STOCK_INDICATORS:
            continue
        cand = evidence[(evidence["indicator"] == c.indicator) & (evidence["unit"] == c.unit)]
        cand = cand[_same_period(cand, c.period_start, c.period_end)]
        cand = cand[_independent(cand, c.source_id, same_text)]
        if cand.empty:
            continue
        rows.append(_judge(c, cand, tol, check="official figure"))
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _judge(c, cand: pd.DataFrame, tol: Tolerances, check: str) -> dict:
    """Judge one claim against candidate evidence rows (already matched)."""
    basis = claim_basis(c.notes)
    judged = []
    for e in cand.itertuples(index=False):
        ok, rule = compare(
            c.value, c.qualifier, c.value_as_printed, e.value, tol, e.qualifier, bool(e.estimate), c.unit
        )
        gap, pct = _gap(c.value, e.value)
        other_basis = (
            c.indicator.startswith("trade_") and e.basis in {"KHM_customs", "JPN_customs"} and e.basis != basis
        )
        status = (
            "match" if ok else ("basis" if other_basis and abs(pct) <= 100 * tol.cross_reporter_rel else "conflict")
        )
        rank = (["match", "basis", "conflict"].index(status), e.basis != basis, abs(pct))
        judged.append((rank, status, rule, gap, pct, e))
    judged.sort(key=lambda j: j[0])
    _, status, rule, gap, pct, e = judged[0]
    others = [
        f"{format_value(o.value, c.unit)} ({o.basis}, {o.source_id}, {op:+.1f}%)" for _, s, _, _, op, o in judged[1:]
    ]
    also = f" Other evidence for the period: {'; '.join(others)}." if others else ""
    period = period_label(e.period_start, e.period_end)
    claimed = format_value(c.value, c.unit)
    evid = format_value(e.value, c.unit)
    common = dict(
        evidence_value=e.value,
        evidence_period=period,
        evidence_source=e.source_id,
        evidence_dataset=e.dataset,
        reporter_basis=e.basis,
        gap_abs=gap,
        gap_pct=pct,
    )
    if status == "match":
        text = f"Claimed {claimed} agrees with {evid} ({e.basis}, {period}): {rule}.{also}"
        return _finding(c.claim_id, "consistent", check, text, **common)
    if status == "basis":
        text = (
            f"Claimed {claimed} differs by {pct:+.1f}% from {evid} reported on the {e.basis} basis ({period}), "
            f"within the {tol.cross_reporter_rel:.0%} band between reporters: "
            f"a difference of basis, not a conflict.{also}"
        )
        return _finding(c.claim_id, "consistent", "cross-reporter band", text, **common)
    text = f"Claimed {claimed} is {pct:+.1f}% from {evid} ({e.basis}, {e.source_id}, {period}): {rule}.{also}"
    return _finding(c.claim_id, "conflicts", check, text, **common)


def _reference_date(c, dates: pd.Series) -> tuple[pd.Timestamp, bool]:
    """The date a claim speaks about: its period end, else its statement date, else the article's."""
    if pd.notna(c.period_end):
        return pd.Timestamp(c.period_end), False
    if pd.notna(c.statement_date):
        return pd.Timestamp(c.statement_date), False
    date = dates.get(c.source_id, pd.NaT)
    return (pd.Timestamp(date), True) if pd.notna(date) else (pd.NaT, True)


def check_stocks(
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    dates: pd.Series,
    tol: Tolerances,
    same_text: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Compare head counts (stocks) with the official count nearest in time.

    A stock claim speaks about its period (or, without one, the article's date). Evidence of the
    same indicator whose date lies inside the claim's period matches directly; otherwise the
    nearest count within ``stock_window_days``, exact official counts preferred over rounded
    statements. The closest value anywhere in the series is named when it differs, as a hint
    that a figure may be out of date.
    """
    same_text = same_text or {}
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if c.indicator not in STOCK_INDICATORS or pd.isna(c.value) or c.qualifier == "target":
            continue
        ref, inferred = _reference_date(c, dates)
        cand = evidence[(evidence["indicator"] == c.indicator) & _independent(evidence, c.source_id, same_text)]
        if pd.isna(ref) or cand.empty:
            continue
        start = c.period_start if pd.notna(c.period_start) else ref
        inside = cand[(cand["period_end"] >= start) & (cand["period_end"] <= ref)]
        days = (cand["period_end"] - ref).abs().dt.days
        near = cand[days <= tol.stock_window_days].assign(
            _rank=lambda f: (f["qualifier"] != "exact").astype(int), _days=days
        )
        chosen = inside if len(inside) else near.sort_values(["_rank", "_days"]).head(1)
        if chosen.empty:
            continue
        finding = _judge(c, chosen, tol, check="official figure (stock, nearest date)")
        when = f"{ref:%d %b %Y}" + (" (date of the article, inferred from the diplomacy datasets)" if inferred else "")
        finding["explanation"] = f"Stated for {when}. " + finding["explanation"]
        closest = cand.iloc[(cand["value"] - c.value).abs().argsort()[:1]]
        if finding["verdict"] == "conflicts" and len(closest):
            hit = closest.iloc[0]
            finding["explanation"] += (
                f" The series comes closest to the claim at {format_value(hit.value, c.unit)} "
                f"on {hit.period_end:%d %b %Y}: possibly an out-of-date figure."
            )
        rows.append(finding)
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_parts_total(claims: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """Check that parts stated in one article add up to the total it states.

    Two patterns: a trade total with exports and imports for the same period and article
    (:data:`TRADE_PARTS`), and counts of one indicator quoted from the same sentence, where the
    largest is the whole and the others its parts ("four summits, twice in Cambodia and twice
    in Japan"). The tolerance is the sum of the printed half-units (rounding) plus
    ``exact_rel`` of the total; outside it every claim of the group is internally inconsistent.
    """
    groups = []
    frame = _periods(claims)
    for total, parts in TRADE_PARTS.items():
        keys = ["source_id", "period_start", "period_end"]
        sub = frame[frame["indicator"].isin((total, *parts))].dropna(subset=["value", "period_end"])
        for _, g in sub.groupby(keys):
            if set(g["indicator"]) == {total, *parts} and len(g) == 3:
                groups.append((g[g["indicator"] == total].iloc[0], g[g["indicator"] != total]))
    counts = frame[(frame["unit"] == "count")].dropna(subset=["value"])
    for _, g in counts.groupby(["source_id", "quote", "indicator"]):
        if len(g) >= 3:
            g = g.sort_values("value", ascending=False)
            groups.append((g.iloc[0], g.iloc[1:]))
    rows = []
    for whole, parts in groups:
        total_parts = parts["value"].sum()
        slack = sum(printed_half_unit(p.value_as_printed, p.value) for p in parts.itertuples())
        slack += printed_half_unit(whole["value_as_printed"], whole["value"]) + tol.exact_rel * abs(whole["value"])
        gap, pct = _gap(whole["value"], total_parts)
        ok = abs(gap) <= slack
        listing = " + ".join(f"{format_value(p.value, p.unit)} ({p.claim_id})" for p in parts.itertuples())
        text = (
            f"Total {format_value(whole['value'], whole['unit'])} ({whole['claim_id']}) vs parts {listing} = "
            f"{format_value(total_parts, whole['unit'])}: gap {format_value(gap, whole['unit'])}, "
            f"{'within' if ok else 'beyond'} rounding of the printed figures."
        )
        verdict = "consistent" if ok else "internally inconsistent"
        for cid in [whole["claim_id"], *parts["claim_id"]]:
            rows.append(
                _finding(
                    cid,
                    verdict,
                    "parts vs total",
                    text,
                    evidence_value=total_parts if cid == whole["claim_id"] else math.nan,
                    evidence_source=", ".join([whole["claim_id"], *parts["claim_id"]]),
                    evidence_dataset="claims",
                    gap_abs=gap,
                    gap_pct=pct,
                    evidence_period=period_label(whole["period_start"], whole["period_end"]),
                )
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _previous_year(ts: pd.Timestamp) -> pd.Timestamp:
    # 29 February has no previous-year twin: use 28 February.
    return ts - pd.DateOffset(years=1)


def check_growth(
    claims: pd.DataFrame, evidence: pd.DataFrame, tol: Tolerances, same_text: dict[str, str] | None = None
) -> pd.DataFrame:
    """Check year-on-year growth claims against the previous period's level.

    For a growth claim with the matching level claim of the same article and period, the implied
    previous level is ``level / (1 + growth / 100)``. It is compared with (1) evidence for the
    same period one year earlier if any (``growth_pp`` expressed on the level, plus rounding);
    otherwise (2) the bracket that cumulative evidence of the previous year gives (a Jan-Oct
    level lies between Jan-Sep and the full year) on any basis of the article's reporter;
    otherwise (3) for a total whose parts also carry growth rates, the sum of the parts'
    implied previous levels (internal arithmetic). Outside (1) or (2): conflicts; outside (3):
    internally inconsistent.
    """
    same_text = same_text or {}
    frame = _periods(claims)
    levels = frame[~frame["indicator"].str.endswith("_growth")].dropna(subset=["value", "period_end"])
    rows = []
    growths = frame[frame["indicator"].str.endswith("_growth")].dropna(subset=["value", "period_end"])
    implied_prev: dict[tuple, float] = {}
    for g in growths.itertuples(index=False):
        base = g.indicator.removesuffix("_growth")
        lvl = levels[
            (levels["source_id"] == g.source_id)
            & (levels["indicator"] == base)
            & (levels["period_start"] == g.period_start)
            & (levels["period_end"] == g.period_end)
        ]
        if lvl.empty:
            continue
        implied_prev[(g.source_id, base, g.period_start, g.period_end)] = lvl.iloc[0]["value"] / (1 + g.value / 100)
    for g in growths.itertuples(index=False):
        base = g.indicator.removesuffix("_growth")
        key = (g.source_id, base, g.period_start, g.period_end)
        if key not in implied_prev:
            continue
        prev = implied_prev[key]
        level = levels[
            (levels["source_id"] == g.source_id)
            & (levels["indicator"] == base)
            & (levels["period_start"] == g.period_start)
            & (levels["period_end"] == g.period_end)
        ].iloc[0]
        p_start, p_end = _previous_year(g.period_start), _previous_year(g.period_end)
        cand = evidence[(evidence["indicator"] == base) & (evidence["unit"] == level["unit"])]
        cand = cand[_independent(cand, g.source_id, same_text)]
        # Level implied by the growth rate ± half a printed unit of growth and the growth band.
        band = prev * max(tol.exact_rel, tol.growth_pp / (100 + g.value))
        head = (
            f"{format_value(g.value, 'percent')} growth on {format_value(level['value'], level['unit'])} "
            f"({level['claim_id']}) implies {format_value(prev, level['unit'])} for {period_label(p_start, p_end)}"
        )
        same = cand[_same_period(cand, p_start, p_end)]
        if len(same):
            e = same.iloc[(same["value"] - prev).abs().argsort()[:1]].iloc[0]
            gap, pct = _gap(prev, e.value)
            ok = abs(gap) <= band + (tol.preliminary_rel * e.value if e.estimate else 0)
            text = f"{head}; evidence {format_value(e.value, level['unit'])} ({e.basis}, {e.source_id}): {pct:+.1f}%."
            rows.append(
                _finding(
                    g.claim_id,
                    "consistent" if ok else "conflicts",
                    "growth vs previous level",
                    text,
                    evidence_value=e.value,
                    evidence_period=period_label(p_start, p_end),
                    evidence_source=e.source_id,
                    evidence_dataset=e.dataset,
                    reporter_basis=e.basis,
                    gap_abs=gap,
                    gap_pct=pct,
                )
            )
            continue
        prior = cand[(cand["period_start"] == p_start) & (cand["period_end"].dt.year == p_end.year)]
        lower = prior[prior["period_end"] < p_end]
        upper = prior[prior["period_end"] > p_end]
        if len(lower) and len(upper):
            lo = lower.loc[lower["period_end"].idxmax()]
            hi = upper.loc[upper["period_end"].idxmin()]
            lo_period, hi_period = (
                period_label(lo.period_start, lo.period_end),
                period_label(hi.period_start, hi.period_end),
            )
            ok = lo.value - band <= prev <= hi.value + band
            text = (
                f"{head}; the previous year's cumulative figures bracket it between "
                f"{format_value(lo.value, level['unit'])} ({lo_period}, {lo.source_id}) and "
                f"{format_value(hi.value, level['unit'])} ({hi_period}, {hi.source_id}): "
                f"{'inside' if ok else 'outside'} the bracket."
            )
            out_gap = 0.0 if ok else (prev - lo.value if prev < lo.value else prev - hi.value)
            ref = lo.value if prev < lo.value else hi.value
            rows.append(
                _finding(
                    g.claim_id,
                    "consistent" if ok else "conflicts",
                    "growth vs previous level",
                    text,
                    evidence_period=f"{lo_period} / {hi_period}",
                    evidence_source=f"{lo.source_id}; {hi.source_id}",
                    evidence_dataset=f"{lo.dataset}; {hi.dataset}",
                    reporter_basis=f"{lo.basis}; {hi.basis}",
                    gap_abs=out_gap,
                    gap_pct=0.0 if ok else 100 * out_gap / ref,
                )
            )
            continue
        parts = TRADE_PARTS.get(base)
        if parts and all((g.source_id, p, g.period_start, g.period_end) in implied_prev for p in parts):
            summed = sum(implied_prev[(g.source_id, p, g.period_start, g.period_end)] for p in parts)
            gap, pct = _gap(prev, summed)
            ok = abs(gap) <= band
            text = f"{head}; the parts' growth rates imply {format_value(summed, level['unit'])} ({pct:+.2f}%)."
            rows.append(
                _finding(
                    g.claim_id,
                    "consistent" if ok else "internally inconsistent",
                    "growth vs previous level",
                    text,
                    evidence_value=summed,
                    evidence_dataset="claims",
                    gap_abs=gap,
                    gap_pct=pct,
                    evidence_period=period_label(p_start, p_end),
                )
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_anniversaries(claims: pd.DataFrame, bases: dict[str, int], dates: pd.Series, tol: Tolerances) -> pd.DataFrame:
    """Check "the Nth anniversary" against the founding year in the data.

    The anniversary year is the claim's period year, else the article's year, shifted by one
    when the quote says "next year" or "last year". Peacekeeping anniversaries count from
    ``bases['peacekeeping']``, the others from ``bases['relations']``. N must equal
    anniversary year - founding year exactly; otherwise the claim is internally inconsistent.
    Without any year the claim is unverifiable.
    """
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if c.indicator != "dipl_anniversary_years" or pd.isna(c.value):
            continue
        text = f"{c.subject} {c.quote}".lower()
        kind = "peacekeeping" if "peacekeeping" in text and "peacekeeping" in bases else "relations"
        founded = bases[kind]
        if pd.notna(c.period_start):
            year, how = c.period_start.year, "the claim's period"
        else:
            ref, inferred = _reference_date(c, dates)
            if pd.isna(ref):
                rows.append(
                    _finding(
                        c.claim_id,
                        "unverifiable",
                        "anniversary",
                        f"No year is stated or inferable for this article; the {c.value:.0f}th anniversary "
                        f"would fall in {founded + c.value:.0f} ({founded} + {c.value:.0f}).",
                    )
                )
                continue
            shift = 1 if "next year" in text else (-1 if "last year" in text else 0)
            year = ref.year + shift
            how = (
                f"article dated {ref.year}"
                + (" (inferred from the diplomacy datasets)" if inferred else "")
                + {1: ", plus one for 'next year'", -1: ", minus one for 'last year'", 0: ""}[shift]
            )
        expected = year - founded
        gap = c.value - expected
        ok = gap == 0
        label = "Japan's peacekeeping in Cambodia began" if kind == "peacekeeping" else "relations were established"
        text_out = (
            f"Anniversary year {year} ({how}); {label} in {founded}, so it is the {expected}th, "
            f"{'as claimed' if ok else f'not the {c.value:.0f}th'}."
        )
        rows.append(
            _finding(
                c.claim_id,
                "consistent" if ok else "internally inconsistent",
                "anniversary",
                text_out,
                evidence_value=float(expected),
                evidence_period=str(year),
                evidence_dataset="partnership_levels; diplomatic_events",
                gap_abs=float(gap),
                gap_pct=100 * gap / expected if expected else math.nan,
            )
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_units(claims: pd.DataFrame, evidence: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """Flag US$ claims about 1000 times off their evidence: "million" printed for "billion".

    The comparison values are evidence of the same indicator whose period ends in the same
    calendar year or, when there is none, other claims of the same indicator in the same
    article (so the odd one out is flagged, not its sibling); flows are
    pro-rated to the claim's period length. A ratio between ``unit_low`` and ``unit_high``
    (either way) makes the claim internally inconsistent.
    """
    rows = []
    frame = _periods(claims)
    for c in frame.itertuples(index=False):
        if c.unit != "USD" or pd.isna(c.value) or pd.isna(c.period_end) or pd.isna(c.period_start):
            continue
        days = (c.period_end - c.period_start).days + 1
        claim_period = period_label(c.period_start, c.period_end)
        ev = evidence[(evidence["indicator"] == c.indicator) & (evidence["period_end"].dt.year == c.period_end.year)]
        sib = frame[
            (frame["source_id"] == c.source_id)
            & (frame["indicator"] == c.indicator)
            & (frame["claim_id"] != c.claim_id)
        ].dropna(subset=["value", "period_start", "period_end"])
        refs = [(e.value, e.period_start, e.period_end, e.source_id, e.dataset) for e in ev.itertuples()]
        if not refs:  # other claims of the article only when no evidence covers the year
            refs = [(s.value, s.period_start, s.period_end, s.claim_id, "claims") for s in sib.itertuples()]
        for value, start, end, source, dataset in refs:
            scaled = value * days / ((end - start).days + 1)
            ratio = c.value / scaled if scaled else math.nan
            if tol.unit_low <= ratio <= tol.unit_high or tol.unit_low <= 1 / ratio <= tol.unit_high:
                gap, pct = _gap(c.value, scaled)
                word = "million for billion" if ratio < 1 else "billion for million"
                text = (
                    f"Claimed {c.value_as_printed} ({claim_period}) is 1/{1 / ratio:,.0f} of "
                    f"{format_value(value, 'USD')} for {period_label(start, end)} ({source}"
                    + (f", pro-rated to {days} days: {format_value(scaled, 'USD')}" if abs(scaled - value) > 1 else "")
                    + f"): a unit slip ({word}); with the other unit the figure would be in line."
                )
                if ratio > 1:
                    text = text.replace(f"1/{1 / ratio:,.0f} of", f"{ratio:,.0f} times")
                rows.append(
                    _finding(
                        c.claim_id,
                        "internally inconsistent",
                        "units",
                        text,
                        evidence_value=scaled,
                        evidence_period=period_label(start, end),
                        evidence_source=source,
                        evidence_dataset=dataset,
                        gap_abs=gap,
                        gap_pct=pct,
                    )
                )
                break
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_jumps(claims: pd.DataFrame, dates: pd.Series, tol: Tolerances) -> pd.DataFrame:
    """Compare successive statements of one stock by different articles.

    Annualised growth above ``jump_annual_rel`` between two statements is a jump. When both are
    point figures (exact/about) each claim conflicts with the other; when either is a bound
    ("more than", "as many as") the jump may be an artefact of the wording, so a ``note`` is
    recorded and the official comparison decides.
    """
    rows = []
    frame = _periods(claims)
    stock = frame[frame["indicator"].isin(STOCK_INDICATORS) & frame["value"].notna() & (frame["qualifier"] != "target")]
    stock = stock.assign(ref=[_reference_date(c, dates)[0] for c in stock.itertuples(index=False)]).dropna(
        subset=["ref"]
    )
    for _, g in stock.groupby("indicator"):
        g = g.sort_values(["ref", "claim_id"])
        for a, b in zip(g.itertuples(index=False), g.iloc[1:].itertuples(index=False), strict=False):
            if a.source_id == b.source_id:
                continue
            years = max((b.ref - a.ref).days, 1) / 365.25
            annual = (b.value / a.value) ** (1 / years) - 1
            if abs(annual) <= tol.jump_annual_rel:
                continue
            points = {a.qualifier, b.qualifier} <= {"exact", "about"}
            text = (
                f"{a.claim_id} gives {a.value_as_printed} ({a.qualifier}) on {a.ref:%d %b %Y} and {b.claim_id} gives "
                f"{b.value_as_printed} ({b.qualifier}) on {b.ref:%d %b %Y}: {annual:+.0%} a year at face value"
                + ("." if points else "; the qualifiers make both compatible with one true count, so this is a note.")
            )
            for this, other in ((a, b), (b, a)):
                gap, pct = _gap(this.value, other.value)
                rows.append(
                    _finding(
                        this.claim_id,
                        "conflicts" if points else "note",
                        "jump between statements",
                        text,
                        evidence_value=other.value,
                        evidence_source=other.claim_id,
                        evidence_dataset="claims",
                        evidence_period=f"{other.ref:%Y-%m-%d}",
                        gap_abs=gap,
                        gap_pct=pct,
                    )
                )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_cross_claims(claims: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """Compare claims of two different articles for the same indicator and stated period.

    Event years and anniversaries are excluded (two event-year claims usually describe
    different events). Agreement within :func:`compare` is consistent, otherwise conflicts.
    """
    rows = []
    frame = _periods(claims).dropna(subset=["value", "period_start", "period_end"])
    frame = frame[~frame["indicator"].str.endswith("_event_year") & (frame["indicator"] != "dipl_anniversary_years")]
    for _, g in frame.groupby(["indicator", "period_start", "period_end"]):
        if g["source_id"].nunique() < 2:
            continue
        for c in g.itertuples(index=False):
            for o in g[g["source_id"] != c.source_id].itertuples(index=False):
                ok, rule = compare(c.value, c.qualifier, c.value_as_printed, o.value, tol, o.qualifier, unit=c.unit)
                gap, pct = _gap(c.value, o.value)
                text = f"{o.claim_id} ({o.source_id}) states {o.value_as_printed} for the same period: {rule}."
                rows.append(
                    _finding(
                        c.claim_id,
                        "consistent" if ok else "conflicts",
                        "claims of two articles",
                        text,
                        evidence_value=o.value,
                        evidence_source=o.claim_id,
                        evidence_dataset="claims",
                        evidence_period=period_label(o.period_start, o.period_end),
                        gap_abs=gap,
                        gap_pct=pct,
                    )
                )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_events(claims: pd.DataFrame, events: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """Match event-date claims (``*_event_year``) to dated events of the diplomacy datasets.

    An event matches when its date interval overlaps the claim's period and its description
    shares at least ``event_keywords`` content words with the claim's subject. A match from
    another source is consistent; a match only from the same article is unverifiable (the
    dataset merely repeats the article).
    """
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if not c.indicator.endswith("_event_year") or pd.isna(c.period_end) or c.qualifier == "target":
            continue
        words = _keywords(c.subject)
        overlap = events[(events["start"] <= c.period_end) & (events["end"] >= c.period_start)]
        shared = overlap["text"].map(lambda t, w=words: len(w & _keywords(t)))
        hits = overlap.assign(_n=shared)[shared >= tol.event_keywords].sort_values(
            ["_n", "start"], ascending=[False, True]
        )
        if hits.empty:
            continue
        indep = hits[hits["source_id"] != c.source_id]
        if len(indep):
            e = indep.iloc[0]
            text = f"Dated event in {e.dataset}: “{e.text}” ({e.date}, {e.source_id})."
            rows.append(
                _finding(
                    c.claim_id,
                    "consistent",
                    "event date",
                    text,
                    evidence_value=float(e.start.year),
                    evidence_period=e.date,
                    evidence_source=e.source_id,
                    evidence_dataset=e.dataset,
                    gap_abs=0.0,
                    gap_pct=0.0,
                )
            )
        else:
            e = hits.iloc[0]
            text = (
                f"Only this article dates the event: {e.dataset} records “{e.text}” ({e.date}) from "
                f"{e.source_id} itself, so it cannot corroborate the claim."
            )
            rows.append(
                _finding(
                    c.claim_id,
                    "unverifiable",
                    "event date",
                    text,
                    evidence_period=e.date,
                    evidence_source=e.source_id,
                    evidence_dataset=e.dataset,
                )
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _why_unverifiable(c, evidence: pd.DataFrame, same_text: dict[str, str]) -> str:
    """One sentence saying why no rule could judge a claim."""
    if pd.isna(c.value):
        return "No figure is printed (a date without a year), so there is nothing to compare."
    if c.qualifier == "target":
        return "A plan or target, not a measurement: no outcome data can confirm it yet."
    ev = evidence[evidence["indicator"] == c.indicator]
    if c.indicator.endswith("_event_year"):
        return (
            "No dated event in diplomatic_events, partnership_levels or agreements matches "
            "this claim's subject and period."
        )
    if ev.empty:
        stem = c.indicator.removesuffix("_cumulative").removesuffix("_per_year").removesuffix("_increase")
        related = sorted(
            set(
                evidence.loc[
                    evidence["indicator"].str.startswith(stem) & (evidence["indicator"] != c.indicator), "indicator"
                ]
            )
        )
        hint = f" (related series: {', '.join(related)}, a different measure)" if related else ""
        return f"No dataset carries the indicator {c.indicator}{hint}."
    own = ev[~_independent(ev, c.source_id, same_text)]
    own_ids = ", ".join(sorted(set(own["source_id"])))
    indep = ev[_independent(ev, c.source_id, same_text)]
    if (
        len(own)
        and pd.notna(c.period_end)
        and indep[_same_period(indep, c.period_start, c.period_end)].empty
        and len(own[_same_period(own, c.period_start, c.period_end)])
    ):
        return (
            f"The only figure for this period comes from the same article text ({own_ids}), "
            "which cannot corroborate it."
        )
    if pd.isna(c.period_end):
        near = indep.assign(_d=(indep["value"] - c.value).abs() / indep["value"]).sort_values("_d").head(1)
        hint = ""
        if len(near):
            n = near.iloc[0]
            hint = (
                f"; the closest figure in the data is {format_value(n.value, c.unit)} for "
                f"{period_label(n.period_start, n.period_end)} ({n.basis}, {n.source_id})"
            )
        return f"The period is not stated, so no figure can be matched{hint}."
    return f"No independent figure for {c.indicator} covers {period_label(c.period_start, c.period_end)}."


def combine_findings(
    claims: pd.DataFrame, findings: pd.DataFrame, evidence: pd.DataFrame, same_text: dict[str, str] | None = None
) -> pd.DataFrame:
    """Keep one verdict per claim and explain the rest; no claim is dropped.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims ledger.
    findings : pandas.DataFrame
        All findings of the checks (FINDING_COLUMNS); verdict ``note`` never decides.
    evidence : pandas.DataFrame
        From :func:`build_evidence`, used to say why a claim without findings is unverifiable.

    Returns
    -------
    pandas.DataFrame
        One row per claim in ledger order, columns :data:`RESULT_COLUMNS`.
    """
    same_text = same_text or {}
    order = {name: i for i, name in enumerate(CHECK_ORDER)}
    out = []
    for c in _periods(claims).itertuples(index=False):
        mine = findings[findings["claim_id"] == c.claim_id]
        deciding = mine[mine["verdict"] != "note"]
        if deciding.empty:
            best = _finding(c.claim_id, "unverifiable", "no evidence", _why_unverifiable(c, evidence, same_text))
            rest = mine
        else:
            ranked = deciding.assign(
                _p=deciding["verdict"].map(_PRECEDENCE), _o=deciding["check"].map(order).fillna(len(order))
            ).sort_values(["_p", "_o"], kind="stable")
            best = ranked.iloc[0][FINDING_COLUMNS].to_dict()
            rest = mine.drop(index=ranked.index[0])
        others = "; ".join(f"{r.check}: {r.verdict} ({r.explanation})" for r in rest.itertuples())
        out.append(
            {
                **best,
                "source_id": c.source_id,
                "theme": c.theme,
                "indicator": c.indicator,
                "subject": c.subject,
                "claimed_value": c.value,
                "value_as_printed": c.value_as_printed,
                "qualifier": c.qualifier,
                "unit": c.unit,
                "other_checks": others,
            }
        )
    result = pd.DataFrame(out, columns=RESULT_COLUMNS)
    for col in ["claimed_value", "evidence_value", "gap_abs", "gap_pct"]:
        result[col] = pd.to_numeric(result[col], errors="coerce").astype(float)
    return result


def fact_check(
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    events: pd.DataFrame,
    bases: dict[str, int],
    tol: Tolerances | None = None,
    same_text: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Run every check on the claims and return one verdict per claim.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims ledger (``helpers.load("claims")`` or a hand-built frame with its columns).
    evidence : pandas.DataFrame
        From :func:`build_evidence`.
    events : pandas.DataFrame
        From :func:`build_events`.
    bases : dict
        From :func:`anniversary_bases`.
    tol : Tolerances, optional
    same_text : dict, optional
        From :func:`same_text_sources`.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS`, one row per claim, in ledger order.
    """
    tol = tol or Tolerances()
    dates = article_dates(claims, events)
    findings = pd.concat(
        [
            f
            for f in (
                check_units(claims, evidence, tol),
                check_anniversaries(claims, bases, dates, tol),
                check_parts_total(claims, tol),
                check_growth(claims, evidence, tol, same_text),
                check_jumps(claims, dates, tol),
                check_official(claims, evidence, tol, same_text),
                check_stocks(claims, evidence, dates, tol, same_text),
                check_cross_claims(claims, tol),
                check_events(claims, events, tol),
            )
            if len(f)
        ]
        or [pd.DataFrame(columns=FINDING_COLUMNS)],
        ignore_index=True,
    )
    return combine_findings(claims, findings, evidence, same_text)


def run_fact_check(tol: Tolerances | None = None) -> pd.DataFrame:
    """Load the ledger and the evidence datasets of ``data/`` and fact-check every claim."""
    from helpers.datasets import load

    evidence = build_evidence(
        load("trade_reported"),
        load("trade_dots"),
        load("people_counts"),
        load("japanese_residents_in_cambodia"),
        load("migrant_stock_undesa"),
        load("oda_aggregates"),
    )
    events = build_events(load("diplomatic_events"), load("partnership_levels"), load("agreements"))
    bases = anniversary_bases(load("partnership_levels"), load("diplomatic_events"))
    return fact_check(load("claims"), evidence, events, bases, tol, same_text_sources(load("sources")))


# --------------------------------------------------------------------------------------------
# Tables for the notebook
# --------------------------------------------------------------------------------------------


def summary_table(result: pd.DataFrame, by: str) -> pd.DataFrame:
    """Count claims per verdict for each value of ``by`` (e.g. source_id, theme), with totals.

    Examples
    --------
    >>> r = pd.DataFrame({"theme": ["trade", "trade", "oda"], "verdict": ["consistent", "conflicts", "consistent"]})
    >>> summary_table(r, "theme").loc["trade", "conflicts"]
    np.int64(1)
    """
    table = pd.crosstab(result[by], result["verdict"]).reindex(columns=VERDICTS, fill_value=0)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum()
    table.columns.name = None
    return table


def conflict_table(result: pd.DataFrame) -> pd.DataFrame:
    """Return conflicts and internal inconsistencies with both figures side by side.

    Values stay in the claim's unit; US$ are shown in US$ million (1 decimal).
    """
    bad = result[result["verdict"].isin(["conflicts", "internally inconsistent"])].copy()
    usd = bad["unit"] == "USD"
    scale = usd.map({True: 1e6, False: 1.0})
    table = pd.DataFrame(
        {
            "claim": bad["claim_id"],
            "article": bad["source_id"],
            "what": bad["subject"],
            "as printed": bad["value_as_printed"],
            "claimed (US$ m or unit)": (bad["claimed_value"] / scale).round(1),
            "evidence (same unit)": (bad["evidence_value"] / scale).round(1),
            "evidence from": [
                " · ".join(x for x in (src, ds) if isinstance(x, str) and x)
                for src, ds in zip(bad["evidence_source"], bad["evidence_dataset"], strict=True)
            ],
            "gap %": bad["gap_pct"].round(1),
            "verdict": bad["verdict"],
            "check": bad["check"],
        }
    )
    return table.sort_values(["verdict", "claim"], ignore_index=True)


# --------------------------------------------------------------------------------------------
# The verdicts other notebooks show
# --------------------------------------------------------------------------------------------

VERDICT_TABLE_COLUMNS = ["claim_id", "article", "what", "as_printed", "verdict", "verdict_label", "explanation"]


def article_labels(manifest: pd.DataFrame, dates: pd.Series) -> dict[str, str]:
    """Return a reader's name for each seed article: outlet (or headline) and month.

    Examples
    --------
    >>> m = pd.DataFrame({"source_id": ["seed_9"], "outlet": [None], "headline": ["[A visit]"]})
    >>> article_labels(m, pd.Series({"seed_9": pd.Timestamp("2023-12-17")}))
    {'seed_9': 'A visit (Dec 2023)'}
    """
    labels = {}
    for row in manifest.itertuples(index=False):
        name = row.outlet if isinstance(row.outlet, str) and row.outlet else str(row.headline).strip("[]")
        when = dates.get(row.source_id, pd.NaT)
        labels[row.source_id] = f"{name} ({when:%b %Y})" if pd.notna(when) else name
    return labels


def claim_verdicts(claim_ids=None, *, theme: str | None = None) -> pd.DataFrame:
    """Return the fact-check's verdict on each claim: the one verdict every notebook shows.

    Parameters
    ----------
    claim_ids : iterable of str, optional
        Claims to return (all by default); an unknown id raises ``KeyError``.
    theme : str, optional
        Only claims of this theme (``trade``, ``people``, ``oda``, ``diplomacy``).

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id, article, what, as_printed, verdict, verdict_label, explanation``,
        in claim order.
    """
    from helpers.corpus import seed_manifest
    from helpers.datasets import load
    from helpers.style import VERDICT_LABELS

    result = _cached_result()
    if theme is not None:
        result = result[result["theme"] == theme]
    if claim_ids is not None:
        wanted = list(claim_ids)
        unknown = sorted(set(wanted) - set(result["claim_id"]))
        if unknown:
            raise KeyError(f"no fact-check verdict for claim(s) {unknown}")
        result = result[result["claim_id"].isin(wanted)]
    events = build_events(load("diplomatic_events"), load("partnership_levels"), load("agreements"))
    labels = article_labels(seed_manifest(), article_dates(load("claims"), events))
    return pd.DataFrame(
        {
            "claim_id": result["claim_id"],
            "article": result["source_id"].map(labels),
            "what": result["subject"],
            "as_printed": result["value_as_printed"],
            "verdict": result["verdict"],
            "verdict_label": result["verdict"].map(VERDICT_LABELS),
            "explanation": result["explanation"],
        },
        columns=VERDICT_TABLE_COLUMNS,
    ).sort_values("claim_id", ignore_index=True)


_RESULT_CACHE: dict[str, pd.DataFrame] = {}


def _cached_result() -> pd.DataFrame:
    # One fact-check per kernel: several notebook cells ask for verdicts of different claims.
    if "result" not in _RESULT_CACHE:
        _RESULT_CACHE["result"] = run_fact_check()
    return _RESULT_CACHE["result"].copy()
