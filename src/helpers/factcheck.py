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

Evidence is everything the collection holds: the official series (trade, head counts, aid
totals), the dated records (events, agreements, partnership upgrades, aid projects, donor
conferences, volunteers) read through the theme notebooks' own claim links, events counted for
summit and visit counts, head counts as lower bounds of cumulative counts, figures quoted in
another source's sentence, and, where an article prints no period, the latest full period
before it (an inference the explanation names). :func:`claim_verdicts` gives the verdicts in a
reader's words and is the one source of verdicts for every notebook; :func:`compare_articles`
sets claims of different articles on one measure and period side by side; and
:func:`check_new_claims` judges the reviewed draft rows of a new article
(``python -m helpers claims``).

The checks are small functions that each return *findings* (one row per claim and rule);
:func:`combine_findings` keeps, for each claim, the finding of highest precedence
(internally inconsistent > conflicts > consistent > unverifiable) and lists the others.
:func:`run_fact_check` loads the datasets and runs everything; the tolerances are the
explicit, documented fields of :class:`Tolerances`.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.claim_links import relative_year_offset
from helpers.diplomacy import relations_year
from helpers.periods import period_label

__all__ = [
    "CHECK_ORDER",
    "FINDING_COLUMNS",
    "RESULT_COLUMNS",
    "VERDICTS",
    "VERDICT_TABLE_COLUMNS",
    "EVIDENCE_DATASETS",
    "UNVERIFIABLE_KINDS",
    "Tolerances",
    "article_labels",
    "anniversary_bases",
    "article_dates",
    "build_events",
    "build_evidence",
    "check_anniversaries",
    "check_cumulative_bounds",
    "check_event_counts",
    "check_latest_period",
    "check_linked_events",
    "check_new_claims",
    "check_quoted_figures",
    "check_spans",
    "check_cross_claims",
    "check_events",
    "check_growth",
    "check_jumps",
    "check_official",
    "check_parts_total",
    "check_units",
    "claim_reference_dates",
    "claim_verdicts",
    "claim_basis",
    "combine_findings",
    "compare",
    "compare_articles",
    "conflict_table",
    "fact_check",
    "format_value",
    "parse_date_interval",
    "printed_half_unit",
    "reader_text",
    "run_fact_check",
    "same_text_sources",
    "summary_table",
    "drawn_sources",
    "tolerance_table",
    "unverifiable_kinds",
    "verdict_counts",
    "verdict_table",
    "write_verdicts_csv",
]

VERDICTS = ["consistent", "conflicts", "internally inconsistent", "unverifiable"]
# Precedence when several rules judge one claim: an arithmetic error inside the claims beats a
# conflict with outside evidence, which beats agreement, which beats having nothing to compare.
_PRECEDENCE = {"internally inconsistent": 0, "conflicts": 1, "consistent": 2, "unverifiable": 3, "note": 4}
CHECK_ORDER = [
    "units",
    "anniversary",
    "growth vs previous level",
    "jump between statements",
    "official figure",
    "official figure (stock, nearest date)",
    "cross-reporter band",
    "claims of two articles",
    "event count",
    "event date",
    "lower bound from a head count",
    "figure quoted by another source",
    "latest period before the article",
    "parts vs total",
    "span arithmetic",
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

# Datasets of records (dates, counts, quotes) the fact-check reads besides the series.
RECORD_DATASETS = (
    "diplomatic_events",
    "agreements",
    "partnership_levels",
    "oda_projects",
    "aid_milestones",
    "jica_volunteers",
    "oda_aggregates",
    "people_counts",
)
# Person counts that are stocks (a head count on a date), as opposed to flows over a period.
STOCK_INDICATORS = frozenset(
    {
        "people_japanese_residents_in_kh",
        "people_cambodians_in_jp",
        "people_cambodian_workers_in_jp",
        "people_cambodian_trainees_in_jp",
        "people_cambodian_students_in_jp",
        "trade_jp_companies_in_kh",
        "trade_jp_companies_in_siem_reap",
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
    "read_in_source",
]
# Said of evidence that could not be checked against the source it cites (``read_in_source``).
UNREAD_WORDS = " That figure could not be checked against its original source, so this verdict is weaker."


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
            "read_in_source": both["read_in_source_x"] & both["read_in_source_m"],
        }
    )[_EVIDENCE_COLUMNS]


def build_evidence(
    trade_reported: pd.DataFrame,
    trade_dots: pd.DataFrame,
    people_counts: pd.DataFrame,
    japanese_residents: pd.DataFrame,
    migrant_stock: pd.DataFrame,
    oda_aggregates: pd.DataFrame,
    companies: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Stack the evidence datasets into one long table keyed like the claims.

    Parameters
    ----------
    trade_reported, trade_dots, people_counts, japanese_residents, migrant_stock, oda_aggregates
        The datasets as returned by ``helpers.load``.
    companies : pandas.DataFrame, optional
        ``japanese_companies_in_cambodia``: counts of Japanese companies on a date (unit ``count``).

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
    if companies is not None and len(companies):
        frames.append(
            companies.rename(columns={"measure": "basis"}).assign(
                unit="count", estimate=False, dataset="japanese_companies_in_cambodia"
            )
        )
    evidence = pd.concat([f.reindex(columns=_EVIDENCE_COLUMNS) for f in frames], ignore_index=True)
    evidence["period_start"] = pd.to_datetime(evidence["period_start"])
    evidence["period_end"] = pd.to_datetime(evidence["period_end"])
    evidence["estimate"] = evidence["estimate"].fillna(False).astype(bool)
    # Official statistics and model estimates are read in their own tables.
    evidence["read_in_source"] = evidence["read_in_source"].fillna(True).astype(bool)
    evidence["value"] = evidence["value"].astype(float)
    evidence = evidence.dropna(subset=["value"])  # a row without a figure is no evidence
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
    relations = {relations_year(partnership_levels)}
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
    if half > rel * abs(evidence) and qualifier == "exact":  # the printed rounding is the wider band
        low, high = format_value(value - half, unit), format_value(value + half, unit)
        return ok, f"“{printed}” stands for {low} to {high} as rounded, {'which covers' if ok else 'not'} {ev}"
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
    unread = "" if getattr(e, "read_in_source", True) else UNREAD_WORDS
    also += unread
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
        # Filter after assigning: assigning a Series to an empty frame would adopt its index.
        near = cand.assign(_rank=(cand["qualifier"] != "exact").astype(int), _days=days)
        near = near[near["_days"] <= tol.stock_window_days]
        chosen = inside if len(inside) else near.sort_values(["_rank", "_days"]).head(1)
        if chosen.empty:
            continue
        finding = _judge(c, chosen, tol, check="official figure (stock, nearest date)")
        when = f"{ref:%-d %b %Y}" + (" (date of the article, inferred from the diplomacy datasets)" if inferred else "")
        finding["explanation"] = f"Stated for {when}. " + finding["explanation"]
        closest = cand.iloc[(cand["value"] - c.value).abs().argsort()[:1]]
        if finding["verdict"] == "conflicts" and len(closest):
            hit = closest.iloc[0]
            finding["explanation"] += (
                f" The series comes closest to the claim at {format_value(hit.value, c.unit)} "
                f"on {hit.period_end:%-d %b %Y}: possibly an out-of-date figure."
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
        basis = claim_basis(level["notes"]) if "notes" in level.index else None
        if basis and len(same):
            # A growth rate is computed on one reporter's figures: compare with that reporter's level.
            same = same[same["basis"] == basis]
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
            shift = relative_year_offset(text) or 0
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
                f"{a.claim_id} gives {a.value_as_printed} ({a.qualifier}) on {a.ref:%-d %b %Y} and {b.claim_id} gives "
                f"{b.value_as_printed} ({b.qualifier}) on {b.ref:%-d %b %Y}: {annual:+.0%} a year at face value"
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
    different events). Agreement within :func:`compare` is consistent, otherwise conflicts;
    except that two trade figures within ``cross_reporter_rel`` of each other may each follow a
    different country's customs, so their gap is only a note and the official check decides.
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
                basis_gap = (
                    c.indicator.startswith("trade_") and c.unit == "USD" and abs(pct) <= 100 * tol.cross_reporter_rel
                )
                if not ok and basis_gap:
                    text += " A gap of this size may be a difference of reporter, not an error."
                rows.append(
                    _finding(
                        c.claim_id,
                        "consistent" if ok else ("note" if basis_gap else "conflicts"),
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
            text = f"{e.source_id} dates it {date_words(e.date)}: “{e.text}”, which agrees with {c.value_as_printed}."
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
            text = "Only this article reports this event; no other source in the collection dates it."
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


# --------------------------------------------------------------------------------------------
# Evidence beyond the series: dated records, counted events, bounds, the latest period
# --------------------------------------------------------------------------------------------

# Which dated record a claim refers to, where shared words cannot find it (editorial matching,
# by identifiers, never by value). The diplomacy notebook's matches are used as they are;
# these add the independent report of the same occasion where the matched row is the article.
EVENT_OVERRIDES: dict[str, str] = {
    # Hun Manet's December 2023 trip to Tokyo, reported in advance by the Phnom Penh Post: the
    # bilateral summit took place during it (the summit row itself comes from seed_004).
    "c004_01": "e2023_asean_japan_commemorative_summit",
    "c004_06": "e2023_asean_japan_commemorative_summit",
    "c004_14": "e2023_asean_japan_commemorative_summit",
}
# Figures quoted inside the source sentence of an evidence row (not a row of their own).
# claim_id -> (dataset, source_id, pattern with one group for the figure, date of the figure).
QUOTED_FIGURES: dict[str, tuple[str, str, str, str]] = {
    "c002_31": (
        "people_counts",
        "cambodiadaily_128532",
        r"with (\d[\d,]*) nationals living in Siem Reap",
        "2017-04-25",
    ),
    # The three initiatives are the three themes of the ASEAN-Japan Joint Vision Statement of December 2023.
    "c004_08": (
        "diplomatic_events",
        "advance_in_cambodia_1428",
        r"という(\d)つの主要テーマ",
        "2023-12-15",
    ),
}
# Cumulative counts and the stocks that bound them from below: everyone counted in a stock on a
# date has, by then, taken part (a stock of 5,704 trainees means at least 5,704 ever trained).
CUMULATIVE_LOWER_BOUNDS: dict[str, tuple[str, ...]] = {
    "people_cambodian_trainees_in_jp_cumulative": ("people_cambodian_trainees_in_jp",),
    "people_cambodians_worked_in_jp_cumulative": ("people_cambodian_workers_in_jp", "people_cambodian_trainees_in_jp"),
}
# Reader words for the datasets, reporter bases and measures named in explanations.
DATASET_WORDS = {
    "diplomatic_events": "the collection's record of dated events",
    "partnership_levels": "the record of partnership upgrades",
    "agreements": "the record of signed agreements",
    "oda_projects": "the record of aid projects",
    "aid_milestones": "the record of donor conferences and aid policies",
    "jica_volunteers": "the record of Japanese volunteers",
    "oda_aggregates": "the record of aid totals",
    "trade_dots": "the IMF's trade statistics",
    "trade_reported": "published customs figures",
    "people_counts": "the record of head counts",
    "japanese_residents_in_cambodia": "Japan's count of its nationals in Cambodia",
    "migrant_stock_undesa": "the UN's migrant-stock estimates",
    "japanese_companies_in_cambodia": "the record of counts of Japanese companies",
    "claims": "the article's own figures",
}
BASIS_WORDS = {
    "KHM_customs": "Cambodia's customs figures",
    "JPN_customs": "Japan's customs figures",
}
_PLAIN_BASIS_WORDS = {"other": "figures of an unnamed agency", "unspecified": "basis not stated"}


def date_words(date: str) -> str:
    """Write an ISO date at its own precision for readers.

    Examples
    --------
    >>> date_words("2023-12-16"), date_words("1990-06"), date_words("1966")
    ('16 December 2023', 'June 1990', '1966')
    """
    text = str(date)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{pd.Timestamp(text):%-d %B %Y}"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{pd.Timestamp(text + '-01'):%B %Y}"
    return text


def _year_text(value: float, printed: str) -> str:
    return f"the {int(value)}s" if str(printed).rstrip().endswith("0s") else str(int(value))


def check_linked_events(claims: pd.DataFrame, tables: dict[str, pd.DataFrame], tol: Tolerances) -> pd.DataFrame:
    """Compare event-date claims with the dated record the theme notebooks link them to.

    Links: ``helpers.claim_links.CLAIM_EVENT_MATCHES`` (with :data:`EVENT_OVERRIDES`) and
    the date links of ``CLAIM_LINKS`` (projects, milestones, volunteers, aid
    totals that start in a year), plus the rows the record keeps in the same ``conflict_group``
    (other sources dating the same event). Dates are compared at the coarser precision of the
    two (:func:`_same_date`). Any independent record giving the same date makes the claim
    consistent (a record that differs is named); only differing independent records make it
    conflict; records from the same article leave it unverifiable.
    """
    from helpers.claim_links import CLAIM_EVENT_MATCHES, CLAIM_LINKS

    links: dict[str, list[dict]] = {}
    for cid, event_id in {**CLAIM_EVENT_MATCHES, **EVENT_OVERRIDES}.items():
        if event_id:
            links.setdefault(cid, []).append(
                {"dataset": "diplomatic_events", "where": {"event_id": event_id}, "field": "date"}
            )
    for link in CLAIM_LINKS:
        if "where" in link and link["field"] in {"date", "agreement_date", "completion_date", "as_of", "period_start"}:
            links.setdefault(link["claim_id"], []).append(link)
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if c.claim_id not in links or c.unit != "year" or c.qualifier == "target":
            continue
        found = []
        for link in links[c.claim_id]:
            table = tables.get(link["dataset"])
            if table is None or not len(table):
                continue
            mask = pd.Series(True, index=table.index)
            for column, wanted in link["where"].items():
                mask &= table[column] == wanted
            for hit in table[mask].itertuples(index=False):
                raw = getattr(hit, link["field"])
                if raw is None or pd.isna(raw):
                    continue
                year = raw.year if isinstance(raw, pd.Timestamp) else int(str(raw)[:4])
                shown = f"{year}" if isinstance(raw, pd.Timestamp) else str(raw)
                text = getattr(hit, "event", None) or getattr(hit, "name", None) or getattr(hit, "title", None)
                if link["dataset"] == "oda_aggregates":
                    text = f"aid total counted from {year}"
                if link["dataset"] == "jica_volunteers":
                    text = f"Japanese volunteers: {str(hit.event).replace('_', ' ')}"
                found.append((hit.source_id, link["dataset"], shown, year, str(text or "")))
                group = getattr(hit, "conflict_group", None)
                if link["dataset"] == "diplomatic_events" and isinstance(group, str) and group:
                    # Sources that date the same event differently are kept together in the record.
                    for other in table[(table["conflict_group"] == group) & ~mask].itertuples(index=False):
                        found.append(
                            (other.source_id, link["dataset"], str(other.date), int(str(other.date)[:4]), other.event)
                        )
        if not found:
            continue
        if pd.isna(c.value):
            own = [f for f in found if f[0] == c.source_id]
            rows.append(
                _finding(
                    c.claim_id,
                    "unverifiable",
                    "event date",
                    "No year is printed, so the date cannot be compared"
                    + (
                        " and only this article reports the occasion."
                        if len(own) == len(found)
                        else f"; the occasion is dated {found[0][2]} elsewhere."
                    ),
                )
            )
            continue
        decade = str(c.value_as_printed).rstrip().endswith("0s")
        same = [f for f in found if _same_date(c, f[2], decade)]
        indep_same = [f for f in same if f[0] != c.source_id]
        indep_diff = [f for f in found if f[0] != c.source_id and f not in same]
        claimed = _year_text(c.value, c.value_as_printed)
        if indep_same:
            src, ds, shown, year, text = indep_same[0]
            extra = ""
            if indep_diff:
                extra = (
                    " Another source gives "
                    + ", ".join(f"{d[2]} ({d[0]})" for d in indep_diff)
                    + ": the sources differ."
                )
            day_claim = pd.notna(c.period_start) and c.period_start == c.period_end
            to_month = day_claim and not (len(shown) == 10 and pd.Timestamp(shown) == c.period_start)
            agrees = f"which agrees with “{c.value_as_printed}”" + (" to the month" if to_month else "")
            rows.append(
                _finding(
                    c.claim_id,
                    "consistent",
                    "event date",
                    f"{src} dates it {date_words(shown)} (“{text}”), {agrees}.{extra}",
                    evidence_value=float(year),
                    evidence_period=shown,
                    evidence_source=src,
                    evidence_dataset=ds,
                    gap_abs=0.0,
                    gap_pct=0.0,
                )
            )
        elif indep_diff:
            src, ds, shown, year, text = indep_diff[0]
            rows.append(
                _finding(
                    c.claim_id,
                    "conflicts",
                    "event date",
                    f"{src} dates it {date_words(shown)}, not {claimed if decade else c.value_as_printed} "
                    f"(“{text}”); the collection holds "
                    "no source that settles which date is right.",
                    evidence_value=float(year),
                    evidence_period=shown,
                    evidence_source=src,
                    evidence_dataset=ds,
                    gap_abs=float(c.value - year),
                    gap_pct=100 * (c.value - year) / year,
                )
            )
        else:
            rows.append(
                _finding(
                    c.claim_id,
                    "unverifiable",
                    "event date",
                    "Only this article dates the event; no other source in the collection reports it.",
                )
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _same_date(c, recorded: str, decade: bool) -> bool:
    """Whether a claimed date and a recorded one agree at the coarser of their precisions.

    A decade is compared by decade, a year by year; a month or a day by month (two sources often
    date a multi-day visit or signing by different days of it).
    """
    year = int(str(recorded)[:4])
    if decade:
        return year // 10 == int(c.value) // 10
    month_claim = (
        pd.notna(c.period_start)
        and c.period_start.year == c.period_end.year
        and c.period_start.month == c.period_end.month
    )
    if month_claim and len(str(recorded)) >= 7:
        return (year, int(str(recorded)[5:7])) == (c.period_start.year, c.period_start.month)
    return year == int(c.value)


def check_event_counts(claims: pd.DataFrame, tables: dict[str, pd.DataFrame], tol: Tolerances) -> pd.DataFrame:
    """Count the recorded summits, visits and signed documents a count claim speaks of.

    Uses the counting rules of :func:`helpers.claim_links.count_check` (leaders' meetings
    in the year meant, by the side that travelled; documents dated on the summit day), counting
    only records from sources other than the article. The records are not a complete chronology,
    so a recorded count below the claim cannot refute it (unverifiable, the recorded events
    named); a recorded count equal to it is consistent; above it (for an exact count) conflicts.
    """
    from helpers.claim_links import count_check, seed_years

    events, agreements, manifest = (tables.get(k) for k in ("diplomatic_events", "agreements", "manifest"))
    if events is None or agreements is None or manifest is None:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    wanted = claims[claims["indicator"].isin(["dipl_summits_count", "dipl_visits_count", "dipl_mou_count"])]
    wanted = wanted.dropna(subset=["value"])
    if wanted.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    known = manifest[manifest["source_id"].isin(wanted["source_id"])]
    years = seed_years(known, claims, events)
    rows = []
    for source, group in wanted.groupby("source_id"):
        if source not in set(known["source_id"]):
            continue
        others = events[events["source_id"] != source]
        other_agreements = agreements[agreements["source_id"] != source]
        counted = count_check(group, others, other_agreements, years)
        for r in counted.itertuples(index=False):
            if r.verdict == "not checkable":
                rows.append(
                    _finding(
                        r.claim_id,
                        "unverifiable",
                        "event count",
                        "Only this article reports these visits; no other source in the collection records them.",
                    )
                )
                continue
            if pd.isna(r.record) or int(r.record) == 0:
                rows.append(
                    _finding(
                        r.claim_id,
                        "unverifiable",
                        "event count",
                        "Only this article lists these; no other source in the collection records them.",
                    )
                )
                continue
            record, claimed = int(r.record), int(r.claimed)
            if "each" in str(r.as_printed) and record < claimed:
                rows.append(
                    _finding(
                        r.claim_id,
                        "unverifiable",
                        "event count",
                        f"The collection records {int(r.year_meant)}'s visits{_meetings_listing(others, r, group)}"
                        f": {record} one way, fewer than the {claimed} each way claimed. It is not a complete "
                        "chronology, so the missing visit can be neither confirmed nor ruled out.",
                        evidence_value=float(record),
                        evidence_period=str(r.year_meant),
                        evidence_dataset="diplomatic_events",
                    )
                )
                continue
            if r.year_meant is None or pd.isna(r.year_meant):
                what = "documents signed that day"
            elif "each" in str(r.as_printed):
                what = f"visits each way in {int(r.year_meant)} (the smaller of the two sides' counts)"
            else:
                what = f"leaders' meetings in {int(r.year_meant)}"
            listing = _meetings_listing(others, r, group)
            if record == claimed:
                verdict, text = "consistent", f"The collection records {record} {what}{listing}, as claimed."
            elif record < claimed:
                verdict = "unverifiable"
                text = (
                    f"The collection records {record} of the {claimed} {what}{listing}; it is not a complete "
                    "chronology, so the rest can be neither confirmed nor ruled out."
                )
            else:
                verdict, text = (
                    "conflicts",
                    f"The collection records {record} {what}{listing}, more than the {claimed} claimed.",
                )
            rows.append(
                _finding(
                    r.claim_id,
                    verdict,
                    "event count",
                    text,
                    evidence_value=float(record),
                    evidence_period=str(r.year_meant),
                    evidence_dataset="diplomatic_events",
                    gap_abs=float(claimed - record),
                    gap_pct=100 * (claimed - record) / record,
                )
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _meetings_listing(events: pd.DataFrame, r, group: pd.DataFrame) -> str:
    """': 20 March in Phnom Penh; ...' for the leaders' meetings a summit or visit count is compared with."""
    if r.year_meant is None or pd.isna(r.year_meant):
        return ""
    meetings = events[
        (events["event_type"] == "leaders_visit_summit")
        & (events["date"].astype(str).str[:4] == str(int(r.year_meant)))
    ]
    subject = str(r.subject)
    if "in Cambodia" in subject:
        meetings = meetings[meetings["visitor_side"] == "JPN"]
    elif "in Japan" in subject:
        meetings = meetings[meetings["visitor_side"] == "KHM"]
    if meetings.empty:
        return ""

    def places(rows: pd.DataFrame) -> str:
        return ", ".join(f"{date_words(d)} in {p}" for d, p in zip(rows["date"], rows["place"], strict=True))

    if "visits_count" in str(getattr(r, "indicator", "")) or "each" in str(r.as_printed):
        to_kh, to_jp = meetings[meetings["visitor_side"] == "JPN"], meetings[meetings["visitor_side"] == "KHM"]
        return (
            f" (the Japanese leader in Cambodia {len(to_kh)} times: {places(to_kh)}; the Cambodian leader in "
            f"Japan {len(to_jp)} time{'s' if len(to_jp) != 1 else ''}: {places(to_jp)})"
        )
    return f" ({places(meetings)})"


def check_cumulative_bounds(
    claims: pd.DataFrame, evidence: pd.DataFrame, tol: Tolerances, same_text: dict[str, str] | None = None
) -> pd.DataFrame:
    """Check "more than X have ever ..." against a head count taken by the claim's date.

    A stock of people on a date (trainees in Japan in June 2017) is a lower bound of how many
    have ever taken part by that date (:data:`CUMULATIVE_LOWER_BOUNDS`). A "more than X" claim
    holds when an independent stock dated on or before the claim's end already exceeds X.
    A stock below X decides nothing.
    """
    same_text = same_text or {}
    rows = []
    for c in _periods(claims).itertuples(index=False):
        bounds = CUMULATIVE_LOWER_BOUNDS.get(c.indicator)
        if not bounds or pd.isna(c.value) or c.qualifier != "more_than" or pd.isna(c.period_end):
            continue
        ev = evidence[evidence["indicator"].isin(bounds) & (evidence["period_end"] <= c.period_end)]
        ev = ev[_independent(ev, c.source_id, same_text) & (ev["value"] > c.value)]
        if ev.empty:
            continue
        e = ev.sort_values(["period_end", "value"], ascending=[False, False]).iloc[0]
        when = period_label(e.period_start, e.period_end)
        text = (
            f"{e.source_id} counted {format_value(e.value, 'persons')} ({e.basis}) for {when}, so at least "
            f"that many had taken part by then: “more than {format_value(c.value, 'persons')}” holds."
        )
        gap, pct = _gap(c.value, e.value)
        rows.append(
            _finding(
                c.claim_id,
                "consistent",
                "lower bound from a head count",
                text,
                evidence_value=e.value,
                evidence_period=when,
                evidence_source=e.source_id,
                evidence_dataset=e.dataset,
                reporter_basis=e.basis,
                gap_abs=gap,
                gap_pct=pct,
            )
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_quoted_figures(
    claims: pd.DataFrame, tables: dict[str, pd.DataFrame], dates: pd.Series, tol: Tolerances
) -> pd.DataFrame:
    """Compare claims with figures quoted in the source sentence of an evidence row (:data:`QUOTED_FIGURES`).

    The figure is read from the quote, not typed in: if the quote no longer contains it, the
    check raises. Compared as a head count on the quote's date, within ``stock_window_days`` of
    the claim's date.
    """
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if c.claim_id not in QUOTED_FIGURES or pd.isna(c.value):
            continue
        dataset, source, pattern, day = QUOTED_FIGURES[c.claim_id]
        table = tables.get(dataset)
        if table is None:
            continue
        hits = table.loc[table["source_id"] == source, "source_detail"].astype(str).str.extract(pattern)[0].dropna()
        if hits.empty:
            raise ValueError(
                f"{dataset}: no source_detail of {source} matches {pattern!r} (quoted figure for {c.claim_id})"
            )
        value = float(hits.iloc[0].replace(",", ""))
        ref, _ = _reference_date(c, dates)
        when = pd.Timestamp(day)
        if pd.notna(ref) and abs((ref - when).days) > tol.stock_window_days:
            continue
        ok, rule = compare(c.value, c.qualifier, c.value_as_printed, value, tol, unit=c.unit)
        gap, pct = _gap(c.value, value)
        text = (
            f"{source} gave {format_value(value, c.unit)} on {when:%-d %B %Y}, "
            f"{abs((ref - when).days) // 30} months before the article: {rule}."
        )
        rows.append(
            _finding(
                c.claim_id,
                "consistent" if ok else "conflicts",
                "figure quoted by another source",
                text,
                evidence_value=value,
                evidence_period=f"{when:%Y-%m-%d}",
                evidence_source=source,
                evidence_dataset=dataset,
                gap_abs=gap,
                gap_pct=pct,
            )
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_spans(claims: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    """Check a stated length in years against the span printed with it ("five-year period 2024-2028")."""
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if not c.indicator.endswith("_period_years") or pd.isna(c.value) or pd.isna(c.period_end):
            continue
        span = c.period_end.year - c.period_start.year + 1
        ok = span == int(c.value)
        text = (
            f"{c.period_start.year} to {c.period_end.year} inclusive is {span} years, "
            f"{'as printed' if ok else f'not {int(c.value)}'}; no other source describes the period."
        )
        rows.append(
            _finding(
                c.claim_id,
                "consistent" if ok else "internally inconsistent",
                "span arithmetic",
                text,
                evidence_value=float(span),
                evidence_dataset="claims",
                gap_abs=float(c.value - span),
                gap_pct=100 * (c.value - span) / span,
            )
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def check_latest_period(
    claims: pd.DataFrame,
    evidence: pd.DataFrame,
    dates: pd.Series,
    tol: Tolerances,
    same_text: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Place a figure printed without a period against the latest full period before the article.

    An inference, and the explanation says so: "$1.95 billion a year" in an article of February
    2023 is compared with the figures for 2022. Only trade flows (calendar-year evidence) and
    percentages (shares, growth: the latest period of any length ending before the article) are
    placed this way; an aid amount without a period may be one loan or a running total, so it is
    not. Stocks are left to the stock check; plans are not compared.
    """
    same_text = same_text or {}
    rows = []
    for c in _periods(claims).itertuples(index=False):
        if pd.isna(c.value) or pd.notna(c.period_end) or c.qualifier == "target" or c.indicator in STOCK_INDICATORS:
            continue
        if not (c.indicator.startswith("trade_") or c.unit == "percent"):
            continue  # aid amounts may be one loan or a running total: no period can be assumed
        written = c.statement_date if pd.notna(c.statement_date) else dates.get(c.source_id, pd.NaT)
        if pd.isna(written):
            continue
        written = pd.Timestamp(written)
        ev = evidence[(evidence["indicator"] == c.indicator) & (evidence["unit"] == c.unit)]
        ev = ev[_independent(ev, c.source_id, same_text) & (ev["period_end"] < written)]
        if c.unit == "USD":
            full = (
                (ev["period_start"].dt.day_of_year == 1)
                & (ev["period_end"].dt.month == 12)
                & (ev["period_end"].dt.day == 31)
                & (ev["period_start"].dt.year == ev["period_end"].dt.year)
            )
            ev = ev[full]
        if ev.empty:
            continue
        latest = ev[ev["period_end"] == ev["period_end"].max()]
        finding = _judge(c, latest, tol, check="latest period before the article")
        period = finding["evidence_period"]
        finding["explanation"] = (
            f"No period is printed; read as the latest {'full year' if c.unit == 'USD' else 'period'} before the "
            f"article ({period}, an inference). " + finding["explanation"]
        )
        if finding["check"] == "cross-reporter band":
            finding["check"] = "latest period before the article"
        rows.append(finding)
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


# Why a claim on a measure the collection does not hold cannot be checked, in a reader's words.
NO_SERIES_REASONS = {
    "trade_business_event_participants": (
        "Only this article reports the attendance; no other source covers the meeting."
    ),
    "oda_jp_donor_rank": (
        "Sources in the collection call Japan Cambodia's largest donor in 1999 and 2011, but none ranks the "
        "donors in the years before this 2018 article."
    ),
    "oda_jp_focus_areas_count": (
        "Only this article lists the four focus areas; the collection holds no aid-policy text to compare."
    ),
    "trade_jp_investment_kh_cumulative": (
        "Cambodia's approvals of Japanese investment are published for other spans (from 1994, or 2010–2022), "
        "none for 2010–2017, and the article does not say which measure it uses."
    ),
    "people_cambodian_jp_graduates_cumulative": (
        "No source in the collection counts Cambodian graduates of Japanese universities; the student counts it "
        "holds measure people enrolled at one time."
    ),
    "people_exchange_programmes_count": (
        "Only this article names the two programmes; the collection holds no list of them."
    ),
    "people_japanese_visitors_to_siem_reap": (
        "No source counts Japanese visitors to Siem Reap. Japanese arrivals in the whole of Cambodia were of the "
        "same size in 2016 and 2018, so the figure would mean nearly every Japanese visitor goes there: possible, "
        "not confirmed."
    ),
    "dipl_think_tanks_count": "Only this article describes the role of the two think tanks.",
    "dipl_commemorative_coin_denomination": "Only this article reports the commemorative coin.",
}


def _why_unverifiable(c, evidence: pd.DataFrame, same_text: dict[str, str]) -> str:
    """One reader sentence saying why no rule could judge a claim."""
    if pd.isna(c.value):
        return "The article prints the day but not the year, so the date cannot be compared with any record."
    if c.qualifier == "target":
        return "A plan or target, not an outcome: nothing in the collection records whether it happened."
    if c.indicator in NO_SERIES_REASONS:
        return NO_SERIES_REASONS[c.indicator]
    ev = evidence[evidence["indicator"] == c.indicator]
    if c.indicator.endswith("_event_year"):
        return "No dated record in the collection matches this event, so its date cannot be checked."
    if ev.empty:
        return "The collection holds no figure of this kind to compare with."
    indep = ev[_independent(ev, c.source_id, same_text)]
    if pd.notna(c.period_end) and indep[_same_period(indep, c.period_start, c.period_end)].empty:
        if len(ev[~_independent(ev, c.source_id, same_text)]):
            return (
                "The only figure for this period is this article's own text, reprinted elsewhere; "
                "it cannot corroborate itself."
            )
        return f"No other source gives a figure for {period_label(c.period_start, c.period_end)}."
    return "The article gives no period and no figure in the collection could be placed against it."


_INTERNAL_CHECKS = frozenset({"parts vs total", "span arithmetic"})


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
            if best["check"] in _INTERNAL_CHECKS:  # arithmetic decided: say what the records show too
                records = rest[rest["check"].isin(["event count", "event date"])]
                best["explanation"] = " ".join([best["explanation"], *records["explanation"]])
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
    tables: dict[str, pd.DataFrame] | None = None,
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
    tables : dict, optional
        Further records by dataset name (``diplomatic_events``, ``agreements``, ``oda_projects``,
        ``aid_milestones``, ``jica_volunteers``, ``oda_aggregates``, ``people_counts`` and the
        seed ``manifest``) for the checks of dated records, counted events and quoted figures.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS`, one row per claim, in ledger order.
    """
    tol = tol or Tolerances()
    tables = tables or {}
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
                check_linked_events(claims, tables, tol),
                check_event_counts(claims, tables, tol),
                check_cumulative_bounds(claims, evidence, tol, same_text),
                check_quoted_figures(claims, tables, dates, tol),
                check_spans(claims, tol),
                check_latest_period(claims, evidence, dates, tol, same_text),
            )
            if len(f)
        ]
        or [pd.DataFrame(columns=FINDING_COLUMNS)],
        ignore_index=True,
    )
    return combine_findings(claims, findings, evidence, same_text)


def _inputs() -> dict:
    """Load the ledger and every dataset the checks read, keyed like :func:`fact_check`'s arguments."""
    from helpers.corpus import seed_manifest
    from helpers.datasets import load

    evidence = build_evidence(
        load("trade_reported"),
        load("trade_dots"),
        load("people_counts"),
        load("japanese_residents_in_cambodia"),
        load("migrant_stock_undesa"),
        load("oda_aggregates"),
        load("japanese_companies_in_cambodia"),
    )
    events = build_events(load("diplomatic_events"), load("partnership_levels"), load("agreements"))
    bases = anniversary_bases(load("partnership_levels"), load("diplomatic_events"))
    tables = {name: load(name) for name in RECORD_DATASETS}
    tables["manifest"] = seed_manifest()
    return {
        "claims": load("claims"),
        "evidence": evidence,
        "events": events,
        "bases": bases,
        "same_text": same_text_sources(load("sources")),
        "tables": tables,
    }


def run_fact_check(tol: Tolerances | None = None) -> pd.DataFrame:
    """Load the ledger and the evidence datasets of ``data/`` and fact-check every claim.

    With the default tolerances the result is kept on disk (``.cache/factcheck/``), keyed by the
    bytes of every data file, the seed articles and their manifest, and every module of this
    package, so the notebooks that show verdicts do not each repeat the same fact-check; any
    change to data or code gives a new key.
    """
    if tol is not None:
        return fact_check(tol=tol, **_inputs())
    return _stored("result", lambda: fact_check(**_inputs()))


def _stored(kind: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """Return ``compute()``, kept on disk under the digest of its inputs (``kind`` names the table)."""
    from helpers.paths import CACHE_DIR

    stored = CACHE_DIR / "factcheck" / f"{_inputs_fingerprint()}.{kind}.pkl"
    if stored.exists():
        return pd.read_pickle(stored)
    table = compute()
    stored.parent.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(f".{os.getpid()}.tmp")
    table.to_pickle(partial)
    partial.replace(stored)  # atomic: two kernels may finish the same table at once
    return table


def _inputs_fingerprint() -> str:
    """Digest of everything a default fact-check and its reader's table depend on: the data
    files, the seed articles with their manifest, and this package's code."""
    from helpers import paths

    digest = hashlib.sha256()
    files = sorted(p for p in paths.data_dir().iterdir() if p.suffix in {".csv", ".json"})
    files += sorted(p for p in paths.SEEDS_DIR.iterdir() if p.suffix in {".csv", ".txt"})
    files += sorted(Path(__file__).parent.glob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check_new_claims(new: pd.DataFrame, tol: Tolerances | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fact-check the reviewed claims of an article not in the collection, beside the ledger's.

    The new rows join the ledger for the run, so claims of the seed articles on the same measure
    and period are compared with them too; only the new rows' verdicts are returned.

    Parameters
    ----------
    new : pandas.DataFrame
        Rows in the ledger's columns (``helpers.claims_draft.read_draft``), with a
        ``statement_date`` (the article's date) so that periods can be inferred.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The full result rows (:data:`RESULT_COLUMNS`) and the reader's table
        (:data:`VERDICT_TABLE_COLUMNS`) of the new claims.
    """
    from helpers.datasets import load

    inputs = _inputs()
    clash = sorted(set(new["claim_id"]) & set(inputs["claims"]["claim_id"]))
    if clash:
        raise ValueError(f"claim ids already in data/claims.csv: {', '.join(clash)}")
    ledger = inputs["claims"]
    inputs["claims"] = pd.concat([ledger, new.reindex(columns=ledger.columns)], ignore_index=True)
    dates = pd.to_datetime(new["statement_date"]).groupby(new["source_id"]).max()
    added = pd.DataFrame(
        {
            "source_id": dates.index,
            "outlet": None,
            "published": [f"{d:%Y-%m-%d}" if pd.notna(d) else None for d in dates],
        }
    )
    inputs["tables"]["manifest"] = pd.concat([inputs["tables"]["manifest"], added], ignore_index=True)
    result = fact_check(tol=tol, **inputs)
    mine = result[result["claim_id"].isin(new["claim_id"])].reset_index(drop=True)
    table = verdict_table(
        mine,
        inputs["claims"],
        load("sources"),
        inputs["tables"]["manifest"],
        article_dates(inputs["claims"], inputs["events"]),
    )
    return mine, table


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
# The verdicts for readers: one table, one export, claims of different articles side by side
# --------------------------------------------------------------------------------------------

VERDICT_TABLE_COLUMNS = ["claim_id", "article", "what", "as_printed", "verdict", "verdict_label", "explanation"]
_RESULT_CACHE: dict[str, pd.DataFrame] = {}


def _cached_result() -> pd.DataFrame:
    # One fact-check per kernel: several notebook cells ask for verdicts of different claims.
    if "result" not in _RESULT_CACHE:
        _RESULT_CACHE["result"] = run_fact_check()
    return _RESULT_CACHE["result"].copy()


def _cached_verdicts() -> pd.DataFrame:
    # The reader's table of every claim, stored beside the fact-check it is made from (same key).
    if "verdicts" not in _RESULT_CACHE:
        _RESULT_CACHE["verdicts"] = _stored("verdicts", _seed_verdict_table)
    return _RESULT_CACHE["verdicts"].copy()


def _seed_verdict_table() -> pd.DataFrame:
    from helpers.corpus import seed_manifest
    from helpers.datasets import load

    # The fact-check stored under the same key, not this kernel's copy: data may have changed since.
    return verdict_table(run_fact_check(), load("claims"), load("sources"), seed_manifest(), seed_article_dates())


def article_labels(claims: pd.DataFrame, manifest: pd.DataFrame, dates: pd.Series) -> dict[str, str]:
    """Name each article for readers: outlet and date, saying when either is not printed.

    Examples
    --------
    >>> m = pd.DataFrame({"source_id": ["s1", "s2"], "outlet": ["The Post", None], "published": [None, "2018-02-02"]})
    >>> d = pd.Series({"s1": pd.Timestamp("2024-11-25"), "s2": pd.NaT})
    >>> article_labels(pd.DataFrame({"source_id": ["s1", "s2"]}), m, d)
    {'s1': 'The Post, November 2024 (date inferred)', 's2': 'Outlet not named, 2 February 2018'}
    >>> m["headline"] = [None, "[A visit]"]
    >>> article_labels(pd.DataFrame({"source_id": ["s2"]}), m, d)
    {'s2': '“A visit”, 2 February 2018'}
    """
    info = manifest.set_index("source_id")
    labels = {}
    for sid in sorted(claims["source_id"].unique()):
        outlet = info["outlet"].get(sid) if sid in info.index else None
        published = info["published"].get(sid) if sid in info.index else None
        headline = info["headline"].get(sid) if sid in info.index and "headline" in info else None
        if isinstance(outlet, str) and outlet:
            name = outlet
        elif isinstance(headline, str) and headline:
            words = headline.strip("[]")
            if len(words) > 44:  # a headline names the article; the first words are enough
                words = words[:44].rsplit(" ", 1)[0] + "…"
            name = f"“{words}”"
        else:
            name = "Outlet not named"
        if isinstance(published, str) and published:
            when = f"{pd.Timestamp(published):%-d %B %Y}"
        elif pd.notna(dates.get(sid, pd.NaT)):
            day = pd.Timestamp(dates[sid])
            when = f"{day:%Y} (year inferred)" if (day.month, day.day) == (1, 1) else f"{day:%B %Y} (date inferred)"
        else:
            when = "date not printed"
        labels[sid] = f"{name}, {when}"
    return labels


_BRACKETED_CLAIM_IDS = re.compile(r"\s*\((?:c\d{3}_\d{2}(?:, )?)+\)")


@lru_cache(maxsize=4)
def _names_longest_first(words: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The (name, reader word) pairs of ``words``, longest name first (ties in their given order)."""
    return sorted(words, key=lambda item: len(item[0]), reverse=True)


@lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    """An internal name standing alone: not inside a longer word, code or dotted path."""
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w])")


def reader_text(text: str, words: dict[str, str]) -> str:
    """Replace internal names (source ids, dataset names, basis codes) by reader words.

    A claim id in brackets is dropped; elsewhere it becomes the figure as printed (``words``
    maps it). Longer names are replaced first.

    Examples
    --------
    >>> words = {"KHM_customs": "Cambodia's customs", "imf_dots": "IMF"}
    >>> reader_text("Claimed 4 (c001_05) vs 3 (KHM_customs, imf_dots)", words)
    "Claimed 4 vs 3 (Cambodia's customs, IMF)"
    """
    if not isinstance(text, str):
        return ""
    out = _BRACKETED_CLAIM_IDS.sub("", text)
    out = out.replace("inferred from the diplomacy datasets", "inferred from the dated events it reports")
    # One name at a time, longest first, so a reader word holding a shorter name is replaced in
    # turn; a name can only match where its text occurs, a test far cheaper than the pattern.
    for key, word in _names_longest_first(tuple(words.items())):
        if key in out:
            out = _name_pattern(key).sub(lambda _m, v=word: v, out)
    for code, word in _PLAIN_BASIS_WORDS.items():  # plain English words: only where they name a basis
        out = out.replace(f"({code},", f"({word},")
    return out[:1].upper() + out[1:]


def _reader_words(claims: pd.DataFrame, sources: pd.DataFrame, labels: dict[str, str]) -> dict[str, str]:
    words: dict[str, str] = {}
    for sid, publisher, title in zip(sources["source_id"], sources["publisher"], sources["title"], strict=True):
        words[sid] = publisher if isinstance(publisher, str) and publisher else str(title)
    words.update({sid: f"the article ({label})" for sid, label in labels.items()})
    words.update(DATASET_WORDS)
    words.update(BASIS_WORDS)
    words.update({k: v for k, v in DATASET_WORDS.items()})
    for cid, printed, sid in zip(claims["claim_id"], claims["value_as_printed"], claims["source_id"], strict=True):
        words[cid] = f"“{printed}” ({labels.get(sid, sid)})"
    return words


def verdict_table(
    result: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, manifest: pd.DataFrame, dates: pd.Series
) -> pd.DataFrame:
    """Return the reader's table of verdicts from a :func:`fact_check` result (see :func:`claim_verdicts`)."""
    from helpers.style import VERDICT_LABELS

    labels = article_labels(claims, manifest, dates)
    words = _reader_words(claims, sources, labels)
    table = pd.DataFrame(
        {
            "claim_id": result["claim_id"],
            "article": result["source_id"].map(labels),
            "what": result["subject"],
            "as_printed": result["value_as_printed"],
            "verdict": result["verdict"],
            "verdict_label": result["verdict"].map(VERDICT_LABELS),
            "explanation": [reader_text(t, words) for t in result["explanation"]],
        }
    )
    return table.reset_index(drop=True)


def seed_article_dates() -> pd.Series:
    """Return the date each seed article speaks from (:func:`article_dates` on the collection's data)."""
    from helpers.datasets import load

    events = build_events(load("diplomatic_events"), load("partnership_levels"), load("agreements"))
    return article_dates(load("claims"), events)


def seed_article_labels() -> dict[str, str]:
    """Return each seed article's reader name by ``source_id``, as every table of verdicts names it."""
    from helpers.corpus import seed_manifest
    from helpers.datasets import load

    return article_labels(load("claims"), seed_manifest(), seed_article_dates())


def claim_reference_dates(claims: pd.DataFrame, dates) -> pd.Series:
    """Return the date each claim speaks about: its period end, else its statement date, else its article's.

    Parameters
    ----------
    claims : pandas.DataFrame
        Claims with ``source_id``, ``period_end`` and ``statement_date``.
    dates : mapping or pandas.Series
        Article date by ``source_id`` (:func:`article_dates`).

    Examples
    --------
    >>> c = pd.DataFrame({"source_id": ["s1", "s1", "s2"], "period_end": ["2017-10-31", None, None],
    ...                   "statement_date": pd.to_datetime([None, "2018-02-02", None])})
    >>> claim_reference_dates(c, {"s2": pd.Timestamp("2023-02-27")}).dt.strftime("%Y-%m-%d").tolist()
    ['2017-10-31', '2018-02-02', '2023-02-27']
    """
    found = [_reference_date(c, dates)[0] for c in claims.itertuples(index=False)]
    return pd.Series(pd.to_datetime(found), index=claims.index, name="date")


def claim_verdicts(claim_ids=None, *, theme: str | None = None) -> pd.DataFrame:
    """Return the fact-check's verdict on each claim, for readers: the single source of verdicts.

    Notebooks never judge seed claims themselves; they show these rows (and may add context).

    Parameters
    ----------
    claim_ids : iterable of str, optional
        Claims to return, in ledger order; all by default.
    theme : str, optional
        Keep only claims of this theme (``trade``, ``people``, ``oda``, ``diplomacy``).

    Returns
    -------
    pandas.DataFrame
        One row per claim: ``claim_id``, ``article`` (outlet and date), ``what`` (the subject),
        ``as_printed``, ``verdict`` (one of :data:`VERDICTS`), ``verdict_label`` (reader word)
        and ``explanation`` (a reader sentence naming the evidence and any inference).

    Examples
    --------
    >>> claim_verdicts(["c002_19"]).loc[0, "verdict"]
    'internally inconsistent'
    """
    table = _cached_verdicts()
    if theme is not None:
        result = _cached_result()
        themes = dict(zip(result["claim_id"], result["theme"], strict=True))
        table = table[table["claim_id"].map(themes) == theme]
    if claim_ids is not None:
        wanted = list(claim_ids)
        unknown = sorted(set(wanted) - set(table["claim_id"]))
        if unknown:
            raise KeyError(f"data/claims.csv: no claim {', '.join(unknown)}")
        table = table[table["claim_id"].isin(wanted)]
    return table.reset_index(drop=True)


def verdict_counts(result: pd.DataFrame | None = None) -> pd.Series:
    """Count claims per verdict, in the order of :data:`VERDICTS` (zeros kept)."""
    result = _cached_result() if result is None else result
    return result["verdict"].value_counts().reindex(VERDICTS, fill_value=0).rename("claims")


def write_verdicts_csv(path: str | Path) -> Path:
    """Write every claim with its verdict to a CSV for download; return the path.

    Columns: those of :func:`claim_verdicts`, plus the quoted sentence and the tolerance-bearing
    comparison figures (``evidence_value``, ``evidence_period``, ``gap_pct``). UTF-8, one row per
    claim in ledger order, so the file is byte-for-byte reproducible.
    """
    from helpers.datasets import load

    result = _cached_result()
    table = claim_verdicts()
    table.insert(4, "quote", load("claims")["quote"].to_numpy())
    table["evidence_value"] = result["evidence_value"].round(2).to_numpy()
    table["evidence_period"] = result["evidence_period"].to_numpy()
    table["gap_pct"] = result["gap_pct"].round(1).to_numpy()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False, lineterminator="\n")
    return path


def _reference_period(r) -> tuple[str, str]:
    """The period a claim speaks about for comparison across articles, and how it is known."""
    if pd.notna(r.period_start) and pd.notna(r.period_end):
        return period_label(r.period_start, r.period_end), "stated"
    if r.check == "latest period before the article" and isinstance(r.evidence_period, str):
        return r.evidence_period, "inferred"
    if pd.notna(r.ref_date):
        return str(pd.Timestamp(r.ref_date).year), "date of the article"
    return "", "unknown"


def compare_articles(
    result: pd.DataFrame, claims: pd.DataFrame, dates: pd.Series, tol: Tolerances | None = None
) -> pd.DataFrame:
    """Set claims of different articles on the same measure and period side by side.

    The period is the one printed, else the one the fact-check inferred (latest full year before
    the article), else the year the article speaks from. Event dates and anniversaries are left
    out (two dates usually describe two events). Each pair gets an explanation of the gap:
    rounding, a different reporter (each figure matches a different customs record), bounds
    ("more than", "as many as") that both hold, or dates months apart.

    Returns
    -------
    pandas.DataFrame
        ``indicator``, ``period``, then for each side ``claim_id``, ``source_id``,
        ``as_printed``, ``period_basis``, ``verdict``; ``gap_pct`` (first over second, %) and
        ``why``. Sorted by indicator and period.
    """
    tol = tol or Tolerances()
    frame = result.merge(claims[["claim_id", "period_start", "period_end", "statement_date"]], on="claim_id")
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    frame["ref_date"] = [_reference_date(r, dates)[0] for r in frame.itertuples(index=False)]
    frame = frame[
        ~frame["indicator"].str.endswith("_event_year")
        & ~frame["indicator"].isin(["dipl_anniversary_years"])
        & frame["claimed_value"].notna()
        & (frame["qualifier"] != "target")
    ]
    refs = [_reference_period(r) for r in frame.itertuples(index=False)]
    frame = frame.assign(period=[p for p, _ in refs], period_basis=[b for _, b in refs])
    rows = []
    for (indicator, period), g in frame.groupby(["indicator", "period"], sort=True):
        if not period or g["source_id"].nunique() < 2:
            continue
        g = g.sort_values("claim_id")
        for a in g.itertuples(index=False):
            for b in g[g["source_id"] > a.source_id].itertuples(index=False):
                rows.append(
                    {
                        "indicator": indicator,
                        "period": period,
                        "claim_id_a": a.claim_id,
                        "source_id_a": a.source_id,
                        "as_printed_a": a.value_as_printed,
                        "period_basis_a": a.period_basis,
                        "verdict_a": a.verdict,
                        "claim_id_b": b.claim_id,
                        "source_id_b": b.source_id,
                        "as_printed_b": b.value_as_printed,
                        "period_basis_b": b.period_basis,
                        "verdict_b": b.verdict,
                        "gap_pct": 100 * (a.claimed_value - b.claimed_value) / b.claimed_value,
                        "why": _why_gap(a, b, tol),
                    }
                )
    columns = [
        "indicator",
        "period",
        "claim_id_a",
        "source_id_a",
        "as_printed_a",
        "period_basis_a",
        "verdict_a",
        "claim_id_b",
        "source_id_b",
        "as_printed_b",
        "period_basis_b",
        "verdict_b",
        "gap_pct",
        "why",
    ]
    return pd.DataFrame(rows, columns=columns)


def _why_gap(a, b, tol: Tolerances) -> str:
    """Reader sentences explaining the gap between two articles' figures for one measure and period."""
    reasons = []
    ok, _ = compare(a.claimed_value, a.qualifier, a.value_as_printed, b.claimed_value, tol, b.qualifier, unit=a.unit)
    bounds = {a.qualifier, b.qualifier} & {"more_than", "up_to", "less_than"}
    basis_a, basis_b = a.reporter_basis, b.reporter_basis
    if isinstance(basis_a, str) and isinstance(basis_b, str) and basis_a != basis_b and a.unit == "USD":
        reasons.append(
            f"Different reporters: “{a.value_as_printed}” matches {BASIS_WORDS.get(basis_a, basis_a)}, "
            f"“{b.value_as_printed}” {BASIS_WORDS.get(basis_b, basis_b)}, and the two countries record the same "
            "trade differently"
        )
    if bounds:
        ev = a.evidence_value if pd.notna(a.evidence_value) else b.evidence_value
        shown = f" against {format_value(ev, a.unit)} in the official count" if pd.notna(ev) else ""
        both = "both hold" if a.verdict == b.verdict == "consistent" else "they need not agree"
        reasons.append(f"Bounds, not counts: “{_qualified(a)}” and “{_qualified(b)}” {both}{shown}")
    by_date = "date of the article" in (a.period_basis, b.period_basis)
    if by_date and pd.notna(a.ref_date) and pd.notna(b.ref_date) and abs((a.ref_date - b.ref_date).days) > 45:
        months = round(abs((a.ref_date - b.ref_date).days) / 30.4)
        reasons.append(f"The statements were made {months} months apart")
    if "inferred" in (a.period_basis, b.period_basis):
        reasons.append("One article prints no period; it is read as the latest full year before the article")
    if not reasons:
        return "The figures agree within rounding." if ok else "They differ, and nothing in the data explains the gap."
    return ". ".join(reasons) + "."


def _qualified(r) -> str:
    words = {"more_than": "more than ", "up_to": "as many as ", "less_than": "less than ", "about": "about "}
    return words.get(r.qualifier, "") + str(r.value_as_printed)


UNVERIFIABLE_KINDS = [
    "only this article reports it",
    "a plan or target, not an outcome",
    "no year printed",
    "the records hold part of it",
    "no record or series covers it",
]


def unverifiable_kinds(result: pd.DataFrame) -> pd.Series:
    """Sort the unverifiable claims of a result by why they cannot be checked (reader words).

    Returns
    -------
    pandas.Series
        Indexed like ``result`` (unverifiable rows only), values from :data:`UNVERIFIABLE_KINDS`.
    """
    rows = result[result["verdict"] == "unverifiable"]

    def kind(r) -> str:
        text = str(r.explanation)
        if r.qualifier == "target":
            return UNVERIFIABLE_KINDS[1]
        if pd.isna(r.claimed_value):
            return UNVERIFIABLE_KINDS[2]
        if text.startswith("Only this article") or "only this article" in text.lower():
            return UNVERIFIABLE_KINDS[0]
        if "not a complete chronology" in text:
            return UNVERIFIABLE_KINDS[3]
        return UNVERIFIABLE_KINDS[4]

    return pd.Series([kind(r) for r in rows.itertuples()], index=rows.index, name="why")


def tolerance_table(tol: Tolerances | None = None) -> pd.DataFrame:
    """State every tolerance of the check in words, with its value, for readers."""
    t = tol or Tolerances()
    rows = [
        (
            "A figure printed as exact",
            f"within {t.exact_rel:.0%} of the evidence, or half a unit of its last printed digit",
        ),
        ("A figure printed with “about”, “around”, “nearly”", f"within {t.about_rel:.0%}"),
        ("“More than X”", f"the evidence is above X, and X is at least {t.bound_floor:.0%} of it"),
        ("“Up to X”, “as many as X”", f"the evidence is below X, and at least {t.bound_floor:.0%} of X"),
        ("Provisional or estimated evidence", f"{t.preliminary_rel:.0%} more room"),
        (
            "A trade figure on the other country's customs basis",
            f"a gap of up to {t.cross_reporter_rel:.0%} is a difference of reporter, not a conflict",
        ),
        ("A growth rate against the previous year's level", f"within {t.growth_pp} percentage points"),
        ("A unit slip (million for billion)", f"{t.unit_low:,.0f} to {t.unit_high:,.0f} times off"),
        ("Two statements of one head count", f"more than {t.jump_annual_rel:.0%} growth a year is a jump"),
        (
            "A head count without its own date",
            f"compared with the official count at most {t.stock_window_days} days away",
        ),
        ("An event matched by its description", f"at least {t.event_keywords} shared words and an overlapping date"),
        ("A count of summits or visits", "equal to the recorded count; fewer recorded is not a refutation"),
    ]
    return pd.DataFrame(rows, columns=["rule", "tolerance"])


EVIDENCE_DATASETS = [
    "claims", "trade_reported", "trade_dots", "people_counts", "japanese_residents_in_cambodia",
    "migrant_stock_undesa", "oda_aggregates", "oda_projects", "aid_milestones", "jica_volunteers",
    "diplomatic_events", "partnership_levels", "agreements", "japanese_companies_in_cambodia",
]  # fmt: skip


def drawn_sources(result: pd.DataFrame, datasets=EVIDENCE_DATASETS) -> list[str]:
    """Return the source ids behind some result rows: the articles and their evidence.

    Only ids cited by ``datasets`` are kept (a chart's source line names those publishers).
    """
    from helpers.citations import cited_source_ids

    cited = set(cited_source_ids(datasets))
    found = set(result["source_id"])
    for value in result["evidence_source"].dropna():
        found |= {part.strip() for part in re.split(r"[;,]", str(value))}
    return sorted(found & cited)


# --------------------------------------------------------------------------------------------
# The verdicts in words: every count and list the notebook's prose quotes comes from a result
# --------------------------------------------------------------------------------------------

FAILING_VERDICTS = ("conflicts", "internally inconsistent")
_COUNT_WORDS = "no one two three four five six seven eight nine ten".split()
# What kind of failure each rule finds, in reader words (singular, plural).
_FAILURE_KINDS = {
    "units": ("a unit slip", "unit slips"),
    "anniversary": ("an anniversary counted wrongly", "anniversaries counted wrongly"),
    "span arithmetic": ("a span of years counted wrongly", "spans of years counted wrongly"),
    "parts vs total": ("parts that do not add up to their total", "sets of parts that do not add up to their total"),
    "growth vs previous level": ("a growth rate that does not fit the previous level",
                                 "growth rates that do not fit the previous level"),
    "event date": ("a date that another source puts elsewhere", "dates that another source puts elsewhere"),
    "event count": ("a count of meetings that the records contradict",
                    "counts of meetings that the records contradict"),
    "official figure (stock, nearest date)": ("a count away from the recorded count",
                                              "counts away from the recorded counts"),
}
_OTHER_FAILURE = ("a figure away from its evidence", "figures away from their evidence")
# Why a claim cannot be checked, as a verb phrase after a count (singular, plural).
_UNVERIFIABLE_PHRASES = {
    "only this article reports it": ("is reported by the article alone", "are reported by the article alone"),
    "a plan or target, not an outcome": ("is a plan or target whose outcome no source records",
                                         "are plans or targets whose outcome no source records"),
    "no year printed": ("prints no year for its date", "print no year for their date"),
    "the records hold part of it": ("is only partly covered by the records", "are only partly covered by the records"),
    "no record or series covers it": ("concerns a measure that no source in the collection covers",
                                      "concern measures that no source in the collection covers"),
}


def count_words(n: int, *, capital: bool = False) -> str:
    """Write a count as readers expect it: words up to ten, digits above.

    Examples
    --------
    >>> count_words(4), count_words(6, capital=True), count_words(19)
    ('four', 'Six', '19')
    """
    text = _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else f"{n:,}"
    return text[:1].upper() + text[1:] if capital else text


def _pick(pair: tuple[str, str], n: int) -> str:
    return pair[0] if n == 1 else pair[1]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def reader_subject(what: str) -> str:
    """Lower-case the first letter of a subject so it reads inside a sentence, unless it is a name.

    A first word with a capital after its first letter (an acronym: "CCC–JCCC") or naming a
    country, its people or a person's title keeps its capital.

    Examples
    --------
    >>> reader_subject("Focus areas of Japan's ODA"), reader_subject("Japan's rank"), reader_subject("CDC meeting")
    ("focus areas of Japan's ODA", "Japan's rank", 'CDC meeting')
    """
    first = what.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]) or first.startswith(("Japan", "Cambodia", "Khmer", "King", "Prime")):
        return what
    return what[:1].lower() + what[1:]


def _failure_kinds(result: pd.DataFrame) -> pd.Series:
    failing = result[result["verdict"].isin(FAILING_VERDICTS)]
    return failing["check"].map(lambda check: _FAILURE_KINDS.get(check, _OTHER_FAILURE))


def verdict_summary_markdown(result: pd.DataFrame) -> str:
    """Say in one paragraph how the claims that fail fail, and why the others cannot be checked.

    Counts and kinds are read from ``result`` (a :func:`fact_check` result with its ``check``
    column), so the prose cannot drift from the verdicts.

    Parameters
    ----------
    result : pandas.DataFrame
        One row per claim with ``verdict``, ``check``, ``qualifier``, ``claimed_value`` and ``explanation``.

    Returns
    -------
    str
        Markdown: the failures by verdict and kind, then the unverifiable claims by reason.

    Examples
    --------
    >>> r = pd.DataFrame({"verdict": ["conflicts", "conflicts", "internally inconsistent", "unverifiable"],
    ...                   "check": ["event date", "event date", "units", None], "qualifier": [None] * 4,
    ...                   "claimed_value": [1.0] * 4, "explanation": ["", "", "", "Only this article reports it."]})
    >>> print(verdict_summary_markdown(r))  # doctest: +NORMALIZE_WHITESPACE
    Of the three claims that fail, two conflict with another source (two dates that another source puts
    elsewhere) and one does not add up on the article's own terms (a unit slip). Of the one that cannot be
    checked, one is reported by the article alone.
    """
    kinds = _failure_kinds(result)
    verdicts = result.loc[kinds.index, "verdict"]
    parts = []
    verbs = {"conflicts": ("conflicts", "conflict"), "internally inconsistent": ("does not add up", "do not add up")}
    for verdict, verb in verbs.items():
        mine = kinds[verdicts == verdict]
        if mine.empty:
            continue
        by_kind = mine.value_counts(sort=False)
        what = _join([f"{count_words(n) if n > 1 else ''} {_pick(pair, n)}".strip() for pair, n in by_kind.items()])
        where = "with another source" if verdict == "conflicts" else "on the article's own terms"
        parts.append(f"{count_words(len(mine))} {_pick(verb, len(mine))} {where} ({what})")
    failing = (f"Of the {count_words(len(kinds))} claims that fail, {_join(parts)}." if parts
               else "No claim fails.")
    reasons = unverifiable_kinds(result)
    if reasons.empty:
        return failing + " Every other claim can be checked."
    by_reason = reasons.value_counts().reindex(UNVERIFIABLE_KINDS).dropna().astype(int)
    why = _join([f"{count_words(n)} {_pick(_UNVERIFIABLE_PHRASES[k], n)}" for k, n in by_reason.items()])
    noun = "one that cannot" if len(reasons) == 1 else f"{count_words(len(reasons))} that cannot"
    return f"{failing} Of the {noun} be checked, {why}."


def failures_markdown(result: pd.DataFrame, verdicts: pd.DataFrame) -> str:
    """List the claims that fail for readers: what kind of failure, the figure, its subject and article.

    Parameters
    ----------
    result : pandas.DataFrame
        The fact-check result (one row per claim, with ``verdict``, ``check`` and ``explanation``).
    verdicts : pandas.DataFrame
        :func:`claim_verdicts` for the same claims in the same order (``article``, ``what``, ``as_printed``).

    Returns
    -------
    str
        Markdown: a sentence with the number of failures, then one bullet per failing claim,
        grouped by verdict; "No claim fails." when none does.

    Examples
    --------
    >>> r = pd.DataFrame({"verdict": ["consistent", "conflicts"],
    ...                   "check": ["units", "official figure (stock, nearest date)"],
    ...                   "explanation": ["", "... possibly an out-of-date figure."]})
    >>> v = pd.DataFrame({"article": ["A", "The Post, 2024"], "what": ["Trade", "Japanese residents"],
    ...                   "as_printed": ["$1", "4,500"]})
    >>> print(failures_markdown(r, v))  # doctest: +NORMALIZE_WHITESPACE
    One claim fails.
    <BLANKLINE>
    * **Conflicts with the evidence:** “4,500”, Japanese residents (*The Post, 2024*): a count away from the
      recorded count, possibly out of date.
    """
    from helpers.style import VERDICT_LABELS

    kinds = _failure_kinds(result)
    if kinds.empty:
        return "No claim fails."
    lines = [f"{count_words(len(kinds), capital=True)} {'claim fails' if len(kinds) == 1 else 'claims fail'}.", ""]
    for verdict in FAILING_VERDICTS:
        for i in kinds.index[result.loc[kinds.index, "verdict"] == verdict]:
            v = verdicts.iloc[result.index.get_loc(i)]
            stale = ", possibly out of date" if "out-of-date" in str(result.at[i, "explanation"]) else ""
            label = VERDICT_LABELS[verdict]
            lines.append(f"* **{label[:1].upper() + label[1:]}:** “{v['as_printed']}”, {reader_subject(v['what'])} "
                         f"(*{v['article']}*): {kinds[i][0]}{stale}.")
    if (result.loc[kinds.index, "check"] == "event date").any():
        lines += ["", "Where two sources give different dates, the collection holds no third source to settle which "
                  "is right: the verdict reports the disagreement and names both sources."]
    return "\n".join(lines)


def unverifiable_markdown(result: pd.DataFrame, verdicts: pd.DataFrame, examples: int = 3) -> str:
    """Say why the unverifiable claims cannot be checked, one bullet per reason with a few examples.

    Parameters
    ----------
    result : pandas.DataFrame
        The fact-check result (see :func:`unverifiable_kinds`).
    verdicts : pandas.DataFrame
        :func:`claim_verdicts` for the same claims in the same order (``what``, ``as_printed``).
    examples : int
        How many claims to name per reason, in ledger order.

    Returns
    -------
    str
        Markdown bullets, largest reason first, each with its count and examples.

    Examples
    --------
    >>> r = pd.DataFrame({"verdict": ["unverifiable"], "qualifier": ["target"], "claimed_value": [8000.0],
    ...                   "explanation": ["A plan."]})
    >>> v = pd.DataFrame({"what": ["Planned increase in workers"], "as_printed": ["8,000"]})
    >>> print(unverifiable_markdown(r, v))
    * **One is a plan or target whose outcome no source records:** planned increase in workers (“8,000”).
    """
    reasons = unverifiable_kinds(result)
    if reasons.empty:
        return "Every claim can be checked."
    order = {k: i for i, k in enumerate(UNVERIFIABLE_KINDS)}
    by_reason = sorted(reasons.value_counts().items(), key=lambda kv: (-kv[1], order[kv[0]]))
    lines = []
    for reason, n in by_reason:
        rows = [verdicts.iloc[result.index.get_loc(i)] for i in reasons.index[reasons == reason][:examples]]
        named = "; ".join(f"{reader_subject(v['what'])} (“{v['as_printed']}”)" for v in rows)
        more = " and others" if n > examples else ""
        lines.append(f"* **{count_words(n, capital=True)} {_pick(_UNVERIFIABLE_PHRASES[reason], n)}:** {named}{more}.")
    return "\n".join(lines)
