"""Links from the seed articles' claims to the records, and the counting rules the fact-check reads.

Editorial tables (which recorded event or aid record each dated claim refers to) and the rules
for counting summits and dating an article. :mod:`helpers.factcheck` is their only reader; they
live apart from it so that a reviewer can read and correct the links without the checking code.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.diplomacy import year_of

__all__ = [
    "CLAIM_EVENT_MATCHES",
    "CLAIM_LINKS",
    "count_check",
    "events_mentioned_by_seed",
    "relative_year_offset",
    "seed_years",
]

# Which recorded event each dated claim of the ledger refers to (editorial matching). Where
# the record holds the event from a source other than the claiming seed, that row is chosen,
# so that the check is not a seed compared with itself. None: the record lacks the event.
CLAIM_EVENT_MATCHES: dict[str, str | None] = {
    "c000_01": "e2024_vice_minister_siem_reap",
    "c000_09": "e2023_asean_japan_commemorative_summit",
    "c001_01": "e2023_70th_anniversary_reception",
    "c001_08": "e2022_manet_yamazaki",
    "c001_12": "e1990_tokyo_meeting",
    "c002_03": "e1953_sihanouk_tokyo",
    "c002_04": "e1954_reparations_waiver",
    "c002_05": "e1955_treaty_of_amity",
    "c002_06": "e1957_kishi_visit",
    "c002_12": "e2013_strategic_partnership",
    "c002_28": "e2018_consular_office_siem_reap",
    "c003_01": None,
    "c003_06": None,
    "c004_01": "e2023_hun_manet_kishida_tokyo",
    "c004_06": "e2023_hun_manet_kishida_tokyo",
    "c004_14": "e2023_hun_manet_kishida_tokyo",
}

_SEED_ID = re.compile(r"seed_\d{3}")


def relative_year_offset(quote: str) -> int | None:
    """Return the year a quote refers to relative to when it was written: 'last/this/next year'.

    Examples
    --------
    >>> relative_year_offset("Next year will mark the 75th anniversary"), relative_year_offset("In 1955, ...")
    (1, None)
    """
    text = quote.lower()
    for phrase, offset in (("last year", -1), ("this year", 0), ("next year", 1)):
        if phrase in text:
            return offset
    return None


def events_mentioned_by_seed(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (seed, event) where the record cites the seed or notes that it mentions the event.

    Parameters
    ----------
    events : pandas.DataFrame
        ``diplomatic_events``.

    Returns
    -------
    pandas.DataFrame
        Columns ``seed``, ``event_id``, ``date``, ``date_precision``, ``event_type``, ``how``
        (``"source"`` when the row is taken from the seed, ``"noted"`` when its notes name the seed),
        sorted by seed and date.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["a", "b"], "date": ["1953", "2013"], "date_precision": ["year"] * 2,
    ...                    "event_type": ["relations", "anniversary"], "source_id": ["cnv", "seed_002"],
    ...                    "notes": ["Year 1953 also in seed_001, seed_002", None]})
    >>> events_mentioned_by_seed(ev)[["seed", "event_id", "how"]].values.tolist()
    [['seed_001', 'a', 'noted'], ['seed_002', 'a', 'noted'], ['seed_002', 'b', 'source']]
    """
    rows = []
    for ev in events.itertuples(index=False):
        if _SEED_ID.fullmatch(str(ev.source_id)):
            rows.append((ev.source_id, ev.event_id, "source"))
        noted = _SEED_ID.findall(ev.notes) if isinstance(ev.notes, str) else []
        for seed in dict.fromkeys(noted):
            if seed != ev.source_id:
                rows.append((seed, ev.event_id, "noted"))
    found = pd.DataFrame(rows, columns=["seed", "event_id", "how"])
    keep = ["event_id", "date", "date_precision", "event_type"]
    found = found.merge(events[keep], on="event_id", how="left")
    return found.sort_values(["seed", "date", "event_id"], ignore_index=True)[
        ["seed", "event_id", "date", "date_precision", "event_type", "how"]
    ]


def seed_years(manifest: pd.DataFrame, claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Return the year each seed article was written, and how that year is known.

    In order of preference: the publication date in the manifest; a statement date in the
    claims ledger; otherwise the latest year of the non-anniversary events the record takes
    from the seed or notes it mentions (an article cannot report an event after it was written,
    so this is a lower bound). Anniversary events are left out because their year is itself
    inferred from the article's 'this year'.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id``, ``year`` (integer), ``basis``; one row per manifest row.

    Examples
    --------
    >>> man = pd.DataFrame({"source_id": ["seed_002", "seed_003"], "published": ["2018-02-02", None]})
    >>> cl = pd.DataFrame({"source_id": ["seed_003"], "statement_date": [pd.NaT]})
    >>> ev = pd.DataFrame({"event_id": ["k", "p"], "date": ["2022-03-20", "2022"], "date_precision": ["day", "year"],
    ...                    "event_type": ["leaders_visit_summit", "anniversary"], "source_id": ["mofa", "seed_003"],
    ...                    "notes": ["Also in seed_003", None]})
    >>> seed_years(man, cl, ev)["year"].tolist()
    [2018, 2022]
    """
    mentioned = events_mentioned_by_seed(events)
    mentioned = mentioned[mentioned["event_type"] != "anniversary"]
    latest_event = mentioned.groupby("seed")["date"].max().map(year_of)
    stated = claims.dropna(subset=["statement_date"]).groupby("source_id")["statement_date"].max()
    rows = []
    for seed, published in zip(manifest["source_id"], manifest["published"], strict=True):
        if isinstance(published, str) and published:
            rows.append((seed, year_of(published), "publication date (manifest)"))
        elif seed in stated.index:
            rows.append((seed, int(pd.Timestamp(stated[seed]).year), "statement date (claims ledger)"))
        elif seed in latest_event.index:
            rows.append((seed, int(latest_event[seed]), "latest event it reports (record)"))
        else:
            rows.append((seed, pd.NA, "unknown"))
    out = pd.DataFrame(rows, columns=["source_id", "year", "basis"])
    out["year"] = out["year"].astype("Int64")
    return out


def count_check(
    claims: pd.DataFrame, events: pd.DataFrame, agreements: pd.DataFrame, years: pd.DataFrame
) -> pd.DataFrame:
    """Compare the counts of summits, leaders' visits and memoranda a seed claims with the record.

    * ``dipl_summits_count``: leaders' visits and summits in the year meant ('last year' from the
      year the seed was written); 'in Cambodia' counts those hosted in Cambodia (the Japanese
      side travelled, ``visitor_side`` JPN), 'in Japan' those with ``visitor_side`` KHM.
    * ``dipl_visits_count`` about the two prime ministers: the smaller of the two sides' counts
      of leaders' visits that year ('twice each').
    * ``dipl_mou_count``: agreements dated on the claim's own day.

    Other counts (e.g. of naval visits) are marked 'not checkable'.

    Returns
    -------
    pandas.DataFrame
        ``claim_id``, ``source_id``, ``subject``, ``as_printed``, ``claimed``, ``year_meant``,
        ``record``, ``verdict``.

    Examples
    --------
    >>> cl = pd.DataFrame({"claim_id": ["s"], "source_id": ["seed_001"], "indicator": ["dipl_summits_count"],
    ...                    "quote": ["last year ... held four summit meetings"], "value": [4.0],
    ...                    "value_as_printed": ["four"], "subject": ["Summit meetings 'last year'"],
    ...                    "period_start": [pd.NaT]})
    >>> ev = pd.DataFrame({"date": ["2022-03-20", "2022-04-23"], "event_type": ["leaders_visit_summit"] * 2,
    ...                    "visitor_side": ["JPN", "KHM"]})
    >>> ag = pd.DataFrame({"date": ["2023-12-18"]})
    >>> yrs = pd.DataFrame({"source_id": ["seed_001"], "year": [2023], "basis": ["record"]})
    >>> count_check(cl, ev, ag, yrs)[["year_meant", "record", "verdict"]].to_dict("records")
    [{'year_meant': 2022, 'record': 2, 'verdict': 'disagrees'}]
    """
    written = years.set_index("source_id")["year"]
    summits = events[events["event_type"] == "leaders_visit_summit"]
    summit_years = summits["date"].map(year_of)
    rows = []
    wanted = ["dipl_summits_count", "dipl_visits_count", "dipl_mou_count"]
    for c in claims[claims["indicator"].isin(wanted)].itertuples(index=False):
        subject = str(c.subject)
        if pd.notna(c.period_start):
            day = pd.Timestamp(c.period_start)
            year = int(day.year)
        else:
            day = None
            year = int(written[c.source_id]) + (relative_year_offset(c.quote) or 0)
        that_year = summits[summit_years == year]
        record: int | None
        if c.indicator == "dipl_summits_count":
            if "in Cambodia" in subject:
                record = int((that_year["visitor_side"] == "JPN").sum())
            elif "in Japan" in subject:
                record = int((that_year["visitor_side"] == "KHM").sum())
            else:
                record = len(that_year)
        elif c.indicator == "dipl_visits_count" and "Hun Sen" in subject:
            record = int(min((that_year["visitor_side"] == side).sum() for side in ("KHM", "JPN")))
        elif c.indicator == "dipl_mou_count" and day is not None:
            record = int((agreements["date"] == day.strftime("%Y-%m-%d")).sum())
        else:
            record = None
        claimed = int(c.value)
        if record is None:
            verdict, year = "not checkable", None
        else:
            verdict = "agrees" if claimed == record else "disagrees"
        rows.append((c.claim_id, c.source_id, subject, c.value_as_printed, claimed, year, record, verdict))
    columns = ["claim_id", "source_id", "subject", "as_printed", "claimed", "year_meant", "record", "verdict"]
    out = pd.DataFrame(rows, columns=columns)
    out["record"] = out["record"].astype("Int64")
    out["year_meant"] = out["year_meant"].astype("Int64")
    return out.sort_values("claim_id", ignore_index=True)


# Which records bear on each aid claim of the seed articles, for the fact-check (helpers.factcheck)
# to compare: a dataset and the rows (by identifiers, never by value), and the field holding the
# comparable date or number. A ``pattern`` link searches a dataset's quoted sentences instead.
CLAIM_LINKS: list[dict] = [
    {"claim_id": "c001_11", "dataset": "oda_projects", "where": {"project_id": "chroy_changvar_bridge_original"},
     "field": "completion_date"},
    {"claim_id": "c002_07", "dataset": "oda_projects", "where": {"project_id": "prek_thnot"},
     "field": "agreement_date"},
    {"claim_id": "c002_07", "dataset": "oda_aggregates", "where": {"indicator": "oda_jp_loans",
     "source_id": "emb_jp_kh_oda_overview_2011", "unit": "JPY"}, "field": "period_start"},
    {"claim_id": "c002_08", "dataset": "aid_milestones", "where": {"milestone_id": "tokyo_ministerial_conference_1992",
     "source_id": "csmonitor_1992_06_23"}, "field": "date"},
    {"claim_id": "c002_08", "dataset": "oda_aggregates", "where": {"indicator": "oda_jp_grants",
     "source_id": "emb_jp_kh_oda_overview_2011", "unit": "JPY"}, "field": "period_start"},
    {"claim_id": "c002_09", "dataset": "oda_aggregates", "pattern": r"(?:largest|biggest)[^.”]*donor",
     "field": "source_detail"},
    {"claim_id": "c002_09", "dataset": "aid_milestones", "pattern": r"(?:largest|biggest)[^.”]*donor",
     "field": "source_detail"},
    {"claim_id": "c002_10", "dataset": "oda_aggregates", "where": {"indicator": "oda_jp_share_of_kh_oda"},
     "field": "value"},
    {"claim_id": "c002_20", "dataset": "jica_volunteers", "where": {"event": "resumption"}, "field": "as_of"},
    {"claim_id": "c003_02", "dataset": "aid_milestones", "where": {"milestone_id": "icorc_chair_1993_1995"},
     "field": "date"},
    {"claim_id": "c004_12", "dataset": "aid_milestones",
     "where": {"milestone_id": "development_cooperation_policy_2024_2028"}, "field": "date"},
]
