"""Diplomacy: timelines, visit counts, agreement subjects and UN voting alignment.

The functions take the curated datasets (``diplomatic_events``, ``agreements``,
``partnership_levels``, ``un_votes_khm_jpn``) as loaded by :func:`helpers.load` and return small
tidy frames for the diplomacy notebook.
Dates in the datasets are ISO text at three precisions (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``);
nothing here invents a finer date than the source gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.periods import decimal_year

__all__ = [
    "ISSUE_LABELS",
    "MIN_JOINT_VOTES",
    "SUBJECT_LABELS",
    "agreement_by_issue",
    "agreement_by_year",
    "distinct_events",
    "joint_votes",
    "relations_year",
    "vote_pairs",
    "ERAS",
    "EVENT_GROUPS",
    "VISIT_TYPES",
    "assign_era",
    "conflict_table",
    "KEY_EVENTS",
    "milestones",
    "timeline_labels",
    "events_by_group_and_era",
    "five_year_period",
    "merge_trips",
    "period_end_year",
    "shade_era_bands",
    "shade_eras",
    "era_spans",
    "subjects_by_era",
    "tidy_events",
    "visits_by_period",
    "year_of",
]

# Eras of the relationship (editorial framing, first year inclusive, last year exclusive).
ERAS: list[tuple[str, int, int | None]] = [
    ("Post-independence", 1953, 1970),
    ("War and isolation", 1970, 1991),
    ("Peace process and reconstruction", 1991, 2013),
    ("Strategic partnership", 2013, None),
]
BEFORE_RELATIONS = "Before relations"

# Event types grouped into the rows of the timeline, in reading order.
EVENT_GROUPS: dict[str, str] = {
    "relations": "Relations and partnership upgrades",
    "partnership_upgrade": "Relations and partnership upgrades",
    "anniversary": "Anniversaries",
    "leaders_visit_summit": "Leaders' visits and summits",
    "ministerial_visit": "Ministerial visits",
    "treaty_agreement": "Treaties, agreements, memoranda",
    "memorandum": "Treaties, agreements, memoranda",
    "peacekeeping": "Peacekeeping",
    "aid_milestone": "Aid milestones",
    "consular_embassy": "Embassies and consulates",
    "other": "Other",
}

# Readable names of the agreements' subject areas (the data hold short codes).
SUBJECT_LABELS: dict[str, str] = {
    "aid": "Aid",
    "defence_security": "Defence and security",
    "digital": "Digital",
    "education_culture": "Education and culture",
    "energy": "Energy",
    "environment": "Water and environment",
    "governance": "Governance",
    "infrastructure": "Infrastructure",
    "labour_migration": "Labour migration",
    "other": "Peace and friendship",
    "payments_finance": "Payments and finance",
    "trade_investment": "Trade and investment",
}

# The six issue codes of the UN voting data, with the codebook's label for each.
ISSUE_LABELS: dict[str, str] = {
    "hr": "Human rights",
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "co": "Colonialism",
    "ec": "Economic development",
}
# A year's share of votes alike is drawn as a full point only when it rests on this many joint votes.
MIN_JOINT_VOTES = 10
_VOTES = {"yes", "no", "abstain"}

# Event types that count as a high-level visit or summit.
VISIT_TYPES = ("leaders_visit_summit", "ministerial_visit")

# The few events labelled on the timeline, with their short label (the year is added from the data).
KEY_EVENTS: dict[str, str] = {
    "e1953_relations": "diplomatic relations",
    "e1992_sdf_observers_land": "first SDF peacekeepers land (UNTAC)",
    "e2013_strategic_partnership": "strategic partnership",
    "e2023_csp_begins_per_japan": "comprehensive strategic partnership",
}

def era_spans() -> dict[str, str]:
    """Return each era's name with the years it covers, for axis labels.

    Examples
    --------
    >>> era_spans()["War and isolation"], era_spans()["Strategic partnership"]
    ('1970–1990', '2013–')
    """
    spans = {BEFORE_RELATIONS: f"before {ERAS[0][1]}"}
    for name, start, end in ERAS:
        spans[name] = f"{start}–" if end is None else f"{start}–{end - 1}"
    return spans


def year_of(date: str) -> int:
    """Return the year of an ISO date given at day, month or year precision.

    Examples
    --------
    >>> year_of("2013-12-15"), year_of("1975-04"), year_of("1992")
    (2013, 1975, 1992)
    """
    return int(str(date)[:4])


def assign_era(year: int, eras: list[tuple[str, int, int | None]] = ERAS) -> str:
    """Return the era a year falls in; years before the first era are 'Before relations'.

    Each era includes its first year and excludes its last (1991 belongs to the peace process).

    Examples
    --------
    >>> assign_era(1970), assign_era(1991), assign_era(2023), assign_era(1951)
    ('War and isolation', 'Peace process and reconstruction', 'Strategic partnership', 'Before relations')
    """
    for name, start, end in eras:
        if year >= start and (end is None or year < end):
            return name
    return BEFORE_RELATIONS


def five_year_period(year: int, width: int = 5) -> str:
    """Return the period of ``width`` years containing a year, e.g. ``'2010–2014'``.

    Periods start at multiples of ``width``; a width of 1 gives the year itself.

    Examples
    --------
    >>> five_year_period(2013), five_year_period(2015), five_year_period(2015, width=1)
    ('2010–2014', '2015–2019', '2015')
    """
    if width == 1:
        return str(year)
    start = year // width * width
    return f"{start}–{start + width - 1}"


def tidy_events(events: pd.DataFrame) -> pd.DataFrame:
    """Add ``year``, ``position`` (decimal year), ``era`` and ``group`` to a table of dated rows.

    Works for ``diplomatic_events``, ``agreements`` and ``partnership_levels`` (any frame with
    ``date`` and ``date_precision``); ``group`` is added only where there is an ``event_type``.

    Examples
    --------
    >>> ev = pd.DataFrame({"date": ["1953-01-09"], "date_precision": ["day"], "event_type": ["relations"]})
    >>> tidy_events(ev)[["year", "era", "group"]].to_dict("records")
    [{'year': 1953, 'era': 'Post-independence', 'group': 'Relations and partnership upgrades'}]
    """
    out = events.copy()
    out["year"] = out["date"].map(year_of).astype("int64")
    out["position"] = [decimal_year(d, p) for d, p in zip(out["date"], out["date_precision"], strict=True)]
    out["era"] = out["year"].map(assign_era)
    if "event_type" in out:
        out["group"] = out["event_type"].map(EVENT_GROUPS)
    return out


def events_by_group_and_era(events: pd.DataFrame) -> pd.DataFrame:
    """Count events per timeline group (rows) and era (columns), with a total column.

    The records of one event from several sources (one ``conflict_group``) count once.

    Examples
    --------
    >>> ev = pd.DataFrame({"date": ["1955", "2013-12-15", "2023"], "date_precision": ["year", "day", "year"],
    ...                    "event_type": ["leaders_visit_summit", "leaders_visit_summit", "anniversary"]})
    >>> table = events_by_group_and_era(ev)
    >>> int(table.loc["Leaders' visits and summits", "Strategic partnership"]), int(table.loc["Anniversaries", "total"])
    (1, 1)
    """
    tidy = tidy_events(distinct_events(events) if "conflict_group" in events else events)
    columns = [BEFORE_RELATIONS] + [name for name, _, _ in ERAS]
    rows = list(dict.fromkeys(EVENT_GROUPS.values()))
    table = pd.crosstab(tidy["group"], tidy["era"]).reindex(index=rows, columns=columns, fill_value=0)
    table["total"] = table.sum(axis=1)
    table.index.name, table.columns.name = "event group", None
    return table


def timeline_labels(events: pd.DataFrame, keys: Mapping[str, str] = KEY_EVENTS) -> pd.DataFrame:
    """Return the labels of the key events: position, timeline group and text ``'YEAR label'``.

    An event whose date is disputed (it shares a ``conflict_group`` with other rows) is labelled
    with every year the sources give, e.g. ``'2022/2023 ...'``.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["a", "b"], "date": ["2022-11-12", "2023"], "date_precision": ["day", "year"],
    ...                    "event_type": ["partnership_upgrade"] * 2, "conflict_group": ["csp", "csp"]})
    >>> timeline_labels(ev, {"b": "CSP"})["label"].tolist()
    ['2022/2023 CSP']
    """
    tidy = tidy_events(events)
    rows = []
    for event_id, text in keys.items():
        row = tidy.loc[tidy["event_id"] == event_id].iloc[0]
        group = row.get("conflict_group")
        if isinstance(group, str) and group:
            years = sorted(set(tidy.loc[tidy["conflict_group"] == group, "year"]))
        else:
            years = [row["year"]]
        label = "/".join(str(y) for y in years) + " " + text
        rows.append((event_id, row["position"], row["group"], label))
    return pd.DataFrame(rows, columns=["event_id", "position", "group", "label"])


def milestones(events: pd.DataFrame, levels: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Return the partnership upgrades and the round anniversaries of relations, one row per year.

    Upgrades come from ``partnership_levels`` (strategic and comprehensive strategic partnership);
    anniversaries are the years of anniversary events in the record that are not about
    peacekeeping, labelled with their count from ``base_year``.

    Returns
    -------
    pandas.DataFrame
        ``year`` and ``label`` (e.g. ``'60th anniversary'``), sorted by year then label.

    Examples
    --------
    >>> ev = pd.DataFrame({"date": ["2013", "2022"], "event_type": ["anniversary"] * 2,
    ...                    "event": ["60th anniversary of diplomatic relations", "30th anniversary of peacekeeping"]})
    >>> lv = pd.DataFrame({"level": ["strategic_partnership"], "date": ["2013-12-15"]})
    >>> milestones(ev, lv, 1953)["label"].tolist()
    ['60th anniversary', 'strategic partnership']
    """
    rows = []
    upgrades = levels[levels["level"].str.contains("strategic_partnership")]
    for level, date in zip(upgrades["level"], upgrades["date"], strict=True):
        rows.append((year_of(date), level.replace("_", " ")))
    anniversaries = events[(events["event_type"] == "anniversary") & ~events["event"].str.contains("peacekeeping")]
    for year in sorted(set(anniversaries["date"].map(year_of))):
        rows.append((year, f"{year - base_year}th anniversary"))
    out = pd.DataFrame(rows, columns=["year", "label"]).drop_duplicates()
    return out.sort_values(["year", "label"], ignore_index=True)


def shade_era_bands(ax, last_year: float, first_year: float | None = None) -> list:
    """Shade the eras of :data:`ERAS` on a chart with a year x-axis, alternately light and lighter grey.

    For panels under a chart whose eras :func:`shade_eras` names. Returns the shaded patches.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> len(shade_era_bands(ax, 2025, first_year=1952)), len(ax.texts)
    (4, 0)
    >>> plt.close(fig)
    """
    return [
        ax.axvspan(left, right, color="#EEEEEE" if i % 2 == 0 else "#FAFAFA", zorder=0, lw=0)
        for i, (_name, left, right) in enumerate(_era_spans(last_year, first_year))
    ]


def _era_spans(last_year: float, first_year: float | None) -> list[tuple[str, float, float]]:
    """Each era's name, first and last year, cut to the chart's years."""
    return [(name, start if first_year is None else max(start, first_year), last_year if end is None else end)
            for name, start, end in ERAS]


def shade_eras(ax, last_year: float, first_year: float | None = None, label_y: float = 0.99) -> list:
    """Shade the eras of :data:`ERAS` on a chart with a year x-axis and name them along the top.

    Alternate eras are shaded light grey; the era names hang from the top of the plotting area
    (``label_y`` in axis coordinates), so leave room there. Returns the shaded patches.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> len(shade_eras(ax, 2025))
    4
    >>> plt.close(fig)
    """
    patches = shade_era_bands(ax, last_year, first_year)
    for name, left, right in _era_spans(last_year, first_year):
        ax.text((left + right) / 2, label_y, name.replace(" and ", " and\n", 1) if right - left < 25 else name,
                transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=8, color="#555555")
    return patches


def merge_trips(visits: pd.DataFrame, days: int = 7) -> pd.DataFrame:
    """Merge visit rows that belong to one trip: same visitor side and place, days apart at most.

    Only day-precision rows can be merged; a month- or year-precision row stays a trip of its own.
    The first row of each trip is kept, with ``rows`` = how many event rows it stands for.

    Parameters
    ----------
    visits : pandas.DataFrame
        Rows with ``date``, ``date_precision``, ``visitor_side`` and ``place``.
    days : int
        Largest gap, in days, between two rows of the same trip.

    Returns
    -------
    pandas.DataFrame
        One row per trip, sorted by date.

    Examples
    --------
    >>> v = pd.DataFrame({"date": ["2023-12-16", "2023-12-18", "2023-12"], "date_precision": ["day", "day", "month"],
    ...                   "visitor_side": ["KHM", "KHM", "KHM"], "place": ["Tokyo", "Tokyo", "Tokyo"]})
    >>> merge_trips(v)[["date", "rows"]].to_dict("records")
    [{'date': '2023-12', 'rows': 1}, {'date': '2023-12-16', 'rows': 2}]
    """
    ordered = visits.sort_values(["date", "visitor_side"], kind="stable").reset_index(drop=True)
    trip_ids: list[int] = []
    last: dict[tuple[str, str], tuple[pd.Timestamp, int]] = {}
    next_id = 0
    for row in ordered.itertuples(index=False):
        key = (str(row.visitor_side), str(row.place))
        if row.date_precision == "day":
            day = pd.Timestamp(row.date)
            previous = last.get(key)
            if previous is not None and (day - previous[0]).days <= days:
                trip_ids.append(previous[1])
                last[key] = (day, previous[1])
                continue
            last[key] = (day, next_id)
        trip_ids.append(next_id)
        next_id += 1
    ordered["trip"] = trip_ids
    sizes = ordered.groupby("trip").size()
    trips = ordered.drop_duplicates("trip").copy()
    trips["rows"] = trips["trip"].map(sizes).astype("int64")
    return trips.drop(columns="trip").reset_index(drop=True)


def visits_by_period(
    events: pd.DataFrame,
    first_year: int,
    last_year: int,
    types: Iterable[str] = VISIT_TYPES,
    trips: bool = False,
    width: int = 5,
) -> pd.DataFrame:
    """Count high-level visits and summits per period (five years by default) and visitor side.

    The records of one visit from several sources (one ``conflict_group``) count once.

    Parameters
    ----------
    events : pandas.DataFrame
        ``diplomatic_events``.
    first_year, last_year : int
        The span shown; every five-year period in it appears, empty ones as 0.
    types : iterable of str
        Event types that count as a visit.
    trips : bool
        Count trips (rows merged with :func:`merge_trips`) rather than event rows.
    width : int
        Years per period (1 for single years).

    Returns
    -------
    pandas.DataFrame
        Index: period label; columns: ``KHM``, ``JPN``, ``none``, ``unknown`` (integers).

    Examples
    --------
    >>> ev = pd.DataFrame({"date": ["2013-11-16", "2013-12-15", "2017"], "date_precision": ["day", "day", "year"],
    ...                    "event_type": ["leaders_visit_summit"] * 3, "visitor_side": ["JPN", "KHM", "KHM"],
    ...                    "place": ["Phnom Penh", "Tokyo", "Tokyo"]})
    >>> visits_by_period(ev, 2010, 2019).loc["2010–2014"].tolist()
    [1, 1, 0, 0]
    """
    rows = events[events["event_type"].isin(list(types))]
    if "conflict_group" in rows:
        rows = distinct_events(rows)
    if trips:
        rows = merge_trips(rows)
    rows = rows.assign(period=[five_year_period(year_of(d), width) for d in rows["date"]])
    periods = [five_year_period(y, width) for y in range(first_year // width * width, last_year + 1, width)]
    table = pd.crosstab(rows["period"], rows["visitor_side"])
    table = table.reindex(index=periods, columns=["KHM", "JPN", "none", "unknown"], fill_value=0)
    table.index.name, table.columns.name = "period", None
    return table.astype("int64")


def subjects_by_era(agreements: pd.DataFrame) -> pd.DataFrame:
    """Count signed instruments per subject area (rows) and era (columns), every era shown.

    Rows are ordered by total count (largest first), ties by name.

    Examples
    --------
    >>> ag = pd.DataFrame({"date": ["1955-12-09", "2023-12-18", "2023-12-18"], "date_precision": ["day"] * 3,
    ...                    "subject_area": ["other", "digital", "digital"]})
    >>> subjects_by_era(ag).loc["digital", "Strategic partnership"]
    np.int64(2)
    """
    tidy = tidy_events(agreements)
    columns = [BEFORE_RELATIONS] + [name for name, _, _ in ERAS]
    table = pd.crosstab(tidy["subject_area"], tidy["era"]).reindex(columns=columns, fill_value=0)
    order = table.sum(axis=1).rename("n").reset_index().sort_values(["n", "subject_area"], ascending=[False, True])
    table = table.loc[order["subject_area"]]
    table.index.name, table.columns.name = "subject area", None
    return table


def period_end_year(text: str) -> int | None:
    """Return the last year of a span written 'between 1604 and 1635' or '1604 to 1645'.

    Examples
    --------
    >>> period_end_year("sailed to Cambodia ... between 1604 and 1645"), period_end_year("in 1955")
    (1645, None)
    """
    found = re.search(r"(?:between\s+)?(\d{4})\s*(?:and|to|–|-)\s*(\d{4})", text)
    return int(found.group(2)) if found else None


def conflict_table(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Put the rows of one conflict group side by side with who says what.

    Parameters
    ----------
    rows : pandas.DataFrame
        Rows of ``diplomatic_events`` or ``partnership_levels`` sharing a ``conflict_group``
        (columns ``date``, ``date_precision``, ``source_id``, ``source_detail``).
    sources : pandas.DataFrame
        ``sources``, for the publisher and title.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``precision``, ``span_end`` (last year of a span in the quote, if any),
        ``source_id``, ``publisher``, ``quote``; sorted by date then source.

    Examples
    --------
    >>> r = pd.DataFrame({"date": ["1604"], "date_precision": ["year"], "source_id": ["s"],
    ...                   "source_detail": ["between 1604 and 1635"]})
    >>> s = pd.DataFrame({"source_id": ["s"], "publisher": ["Post"], "title": ["T"]})
    >>> conflict_table(r, s)[["span_end", "publisher"]].to_dict("records")
    [{'span_end': 1635, 'publisher': 'Post'}]
    """
    out = rows[["date", "date_precision", "source_id", "source_detail"]].merge(
        sources[["source_id", "publisher", "title"]], on="source_id", how="left"
    )
    out["publisher"] = out["publisher"].fillna(out["title"])
    out["span_end"] = out["source_detail"].map(period_end_year).astype("Int64")
    out = out.rename(columns={"date_precision": "precision", "source_detail": "quote"})
    return out[["date", "precision", "span_end", "source_id", "publisher", "quote"]].sort_values(
        ["date", "source_id"], ignore_index=True
    )


def relations_year(levels: pd.DataFrame) -> int:
    """Return the year diplomatic relations were established, from ``partnership_levels``.

    Examples
    --------
    >>> relations_year(pd.DataFrame({"level": ["diplomatic_relations"], "date": ["1953-01-09"]}))
    1953
    """
    dates = levels.loc[levels["level"] == "diplomatic_relations", "date"]
    if dates.empty:
        raise ValueError("partnership_levels: no row with level 'diplomatic_relations'")
    return int(dates.map(year_of).min())


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """Keep one row per event: the records of one event (one ``conflict_group``) count once.

    A conflict group holds the records of one event from several sources, whether they agree on
    its date or not. The earliest-dated record is kept, so a count never doubles an event; rows
    without a conflict group are all kept.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["a", "b", "c"], "date": ["1953-04", "1953-03", "1955"],
    ...                    "conflict_group": ["tokyo", "tokyo", None]})
    >>> distinct_events(ev)["event_id"].tolist()
    ['b', 'c']
    """
    grouped = events["conflict_group"].fillna("").astype(str) != ""
    ordered = events[grouped].sort_values(["date", "event_id"], kind="stable")
    first = ordered.drop_duplicates("conflict_group")
    return pd.concat([events[~grouped], first]).sort_values(["date", "event_id"], kind="stable", ignore_index=True)


def _check_votes(votes: pd.DataFrame) -> None:
    for column in ("cambodia_vote", "japan_vote"):
        cast = votes[column].fillna("")
        bad = cast[(cast != "") & ~cast.isin(_VOTES)]
        if not bad.empty:
            row = bad.index[0]
            raise ValueError(f"un_votes_khm_jpn row {row}: field {column} is {bad.iloc[0]!r}, "
                             f"expected one of {sorted(_VOTES)} or empty")


def joint_votes(votes: pd.DataFrame) -> pd.DataFrame:
    """Return the roll calls in which both countries voted, with ``year`` and ``alike``.

    Voting alike means the same recorded vote: both yes, both no or both abstain. A roll call in
    which either country cast no vote (absent, not participating, not a member) is not a joint
    vote and is left out: an absence is not a vote.

    Parameters
    ----------
    votes : pandas.DataFrame
        ``un_votes_khm_jpn``: ``rcid``, ``date``, ``issues``, ``cambodia_vote``, ``japan_vote``
        (empty or missing where no vote was cast).

    Returns
    -------
    pandas.DataFrame
        The joint roll calls with added ``year`` (int) and ``alike`` (bool).

    Raises
    ------
    ValueError
        If a vote is neither yes, no, abstain nor empty (the row and field are named).

    Examples
    --------
    >>> v = pd.DataFrame({"rcid": [1, 2, 3], "date": ["2019-12-27"] * 3, "issues": ["hr", "", "me"],
    ...                   "cambodia_vote": ["no", "yes", "yes"], "japan_vote": ["abstain", None, "yes"]})
    >>> joint_votes(v)[["rcid", "alike"]].to_dict("records")
    [{'rcid': 1, 'alike': False}, {'rcid': 3, 'alike': True}]
    """
    _check_votes(votes)
    cambodia, japan = votes["cambodia_vote"].fillna(""), votes["japan_vote"].fillna("")
    both = votes[(cambodia != "") & (japan != "")].copy()
    both["year"] = pd.to_datetime(both["date"]).dt.year.astype("int64")
    both["alike"] = both["cambodia_vote"] == both["japan_vote"]
    return both.reset_index(drop=True)


def agreement_by_year(votes: pd.DataFrame, first_year: int, last_year: int) -> pd.DataFrame:
    """Count roll calls, joint votes and votes alike per year, every year of the span shown.

    Parameters
    ----------
    votes : pandas.DataFrame
        ``un_votes_khm_jpn``.
    first_year, last_year : int
        The span; a year without any roll call in the data still gets a row (all zeros).

    Returns
    -------
    pandas.DataFrame
        Index ``year``; columns ``roll_calls`` (roll calls in which either country voted),
        ``cambodia_votes``, ``joint_votes``, ``alike``, ``share_alike`` (per cent of joint votes,
        missing where there is none: a gap, never filled in) and ``basis``: ``"full"`` (at least
        :data:`MIN_JOINT_VOTES` joint votes), ``"few joint votes"``, ``"no joint vote"`` (roll calls
        were held but the two never both voted) or ``"no roll call"``.

    Examples
    --------
    >>> v = pd.DataFrame({"rcid": [1, 2, 3], "date": ["1977-10-01", "1979-10-01", "1979-11-01"], "issues": [""] * 3,
    ...                   "cambodia_vote": [None, "yes", "no"], "japan_vote": ["yes", "yes", "yes"]})
    >>> t = agreement_by_year(v, 1977, 1979)
    >>> t["basis"].tolist(), t.loc[1979, "share_alike"]
    (['no joint vote', 'no roll call', 'few joint votes'], np.float64(50.0))
    """
    years = pd.to_datetime(votes["date"]).dt.year
    index = pd.RangeIndex(first_year, last_year + 1, name="year")
    cast = votes["cambodia_vote"].fillna("") != ""
    joint = joint_votes(votes)
    out = pd.DataFrame(
        {
            "roll_calls": years.value_counts(),
            "cambodia_votes": years[cast].value_counts(),
            "joint_votes": joint["year"].value_counts(),
            "alike": joint.loc[joint["alike"], "year"].value_counts(),
        }
    ).reindex(index).fillna(0).astype("int64")
    out["share_alike"] = (100 * out["alike"] / out["joint_votes"].where(out["joint_votes"] > 0)).astype("float64")
    out["basis"] = "full"
    out.loc[out["joint_votes"] < MIN_JOINT_VOTES, "basis"] = "few joint votes"
    out.loc[out["joint_votes"] == 0, "basis"] = "no joint vote"
    out.loc[out["roll_calls"] == 0, "basis"] = "no roll call"
    return out


def agreement_by_issue(votes: pd.DataFrame, periods: Mapping[str, tuple[int, int]]) -> pd.DataFrame:
    """Share of joint votes alike per issue and period; a roll call counts under each of its issues.

    Parameters
    ----------
    votes : pandas.DataFrame
        ``un_votes_khm_jpn`` (``issues``: ``;``-separated codes of :data:`ISSUE_LABELS`).
    periods : mapping of str to (int, int)
        Period name -> (first year, last year), both inclusive.

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``issue`` (the codebook label), ``joint_votes``, ``alike``,
        ``share_alike`` (per cent); issues in :data:`ISSUE_LABELS` order within each period.

    Examples
    --------
    >>> v = pd.DataFrame({"rcid": [1, 2], "date": ["2000-01-01", "2001-01-01"], "issues": ["hr;me", "hr"],
    ...                   "cambodia_vote": ["yes", "yes"], "japan_vote": ["yes", "abstain"]})
    >>> t = agreement_by_issue(v, {"2000s": (2000, 2009)})
    >>> row = t.set_index("issue").loc["Human rights"]
    >>> int(row["joint_votes"]), float(row["share_alike"])
    (2, 50.0)
    """
    joint = joint_votes(votes)
    # Joint votes and votes alike per (issue, year), counted once in plain Python.
    counts: dict[tuple[str, int], list[int]] = {}
    for year, issues, alike in zip(joint["year"].tolist(), joint["issues"].tolist(), joint["alike"].tolist(),
                                   strict=True):
        for code in (issues if isinstance(issues, str) else "").split(";"):
            if code:
                tally = counts.setdefault((code, year), [0, 0])
                tally[0] += 1
                tally[1] += alike
    unknown = sorted({code for code, _ in counts} - set(ISSUE_LABELS))
    if unknown:
        raise ValueError(f"un_votes_khm_jpn: field issues holds unknown codes {unknown}")
    rows = []
    for period, (first, last) in periods.items():
        for code, label in ISSUE_LABELS.items():
            joint_count = sum(n for (c, year), (n, _) in counts.items() if c == code and first <= year <= last)
            alike_count = sum(a for (c, year), (_, a) in counts.items() if c == code and first <= year <= last)
            share = 100 * (alike_count / joint_count) if joint_count else float("nan")
            rows.append((period, label, joint_count, alike_count, share))
    return pd.DataFrame(rows, columns=["period", "issue", "joint_votes", "alike", "share_alike"])


def vote_pairs(votes: pd.DataFrame, first_year: int, last_year: int) -> pd.DataFrame:
    """Cross-tabulate Cambodia's vote against Japan's in the joint votes of a span of years.

    Examples
    --------
    >>> v = pd.DataFrame({"rcid": [1, 2], "date": ["2019-12-27"] * 2, "issues": ["", ""],
    ...                   "cambodia_vote": ["yes", "yes"], "japan_vote": ["abstain", "yes"]})
    >>> vote_pairs(v, 2019, 2019).loc["yes"].tolist()
    [1, 0, 1]
    """
    joint = joint_votes(votes)
    joint = joint[joint["year"].between(first_year, last_year)]
    order = ["yes", "no", "abstain"]
    table = pd.crosstab(joint["cambodia_vote"], joint["japan_vote"]).reindex(index=order, columns=order, fill_value=0)
    table.index.name, table.columns.name = "Cambodia", "Japan"
    return table.astype("int64")
