"""Draft claims-ledger rows from a news article, for a person to review before the fact-check.

``python -m helpers claims draft ARTICLE.txt`` reads an article, finds every figure and date in
it and proposes one ledger row per figure (exact quote, value, unit, scale, period, qualifier and
a guessed indicator), or says why a number is skipped (an identifier such as "National Road 5",
a list marker, the period of another figure, the article's own dateline). Nothing is proposed
that the text does not print; every guess (indicator, period, qualifier) is marked in ``notes``
for the reviewer. ``python -m helpers claims check DRAFT.csv`` then runs the fact-check on the
reviewed rows, against the whole collection and beside the seed articles' claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = [
    "DRAFT_COLUMNS",
    "SKIP_COLUMNS",
    "draft_claims",
    "read_draft",
    "sentences",
]

DRAFT_COLUMNS = [
    "claim_id", "source_id", "quote", "indicator", "value", "value_as_printed", "unit", "qualifier",
    "period_start", "period_end", "statement_date", "theme", "subject", "notes",
]  # fmt: skip
SKIP_COLUMNS = ["as_printed", "offset", "quote", "reason"]
QUALIFIERS = ("exact", "about", "more_than", "less_than", "up_to", "target")
# The ledger's units, plus JPY, which aid figures use (the ledger's schema would need it added).
UNITS = ("USD", "KHR", "JPY", "percent", "persons", "count", "rank", "year", "years")

_MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")"
_MONTH2 = r"(?P<month2>" + "|".join(_MONTHS) + r")"
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twice": 2, "once": 1,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "biggest": 1, "largest": 1}  # fmt: skip
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = r"(?<![\w,.])(?P<num>" + _DIGITS + "|" + "|".join(_WORDS) + r")"
_SCALES = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6}
_PERSON_NOUNS = (
    r"Japanese|Cambodians?|people|persons|visitors|tourists|workers|students|trainees|interns|volunteers|residents"
    r"|citizens|nationals"
)
_COUNT_NOUNS = (
    r"companies|firms|summits?|summit meetings|visits|documents|memoranda|agreements|projects|areas|programmes"
    r"|think tanks|initiatives"
)

# Patterns for figures, tried in this order on each sentence; a span taken by one is not reused.
_FIGURES: list[tuple[str, re.Pattern]] = [
    (
        "money",
        re.compile(
            r"(?P<cur>USD\s?\$?|US\$|\$|¥|JPY\s?)\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
            r"(?:\s?(?P<scale>trillion|billion|million|bn|m)\b)?"
        ),
    ),
    ("percent", re.compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)")),
    ("anniversary", re.compile(r"(?P<num>\d+)(?:st|nd|rd|th)\s+anniversary", re.IGNORECASE)),
    (
        "count",
        re.compile(
            _NUMBER + r"\s+(?:more\s+|other\s+|new\s+)?(?P<noun>" + _PERSON_NOUNS + "|" + _COUNT_NOUNS + r")\b",
            re.IGNORECASE,
        ),
    ),
    # People named by their role count only with digits ("120 other leaders", not "the two leaders").
    (
        "count",
        re.compile(
            r"(?<![\w,.])(?P<num>" + _DIGITS + r")\s+(?:more\s+|other\s+)?"
            r"(?P<noun>leaders|members|participants|guests|delegates|officials)\b"
        ),
    ),
    ("money", re.compile(r"(?<![\w,.])(?P<num>" + _DIGITS + r")\s?(?P<cur>Riel|riel|KHR)\b")),
    ("rank", re.compile(r"\b(?P<num>" + "|".join(list(_ORDINALS)[:10]) + r")[- ](?:largest|biggest)\b", re.I)),
    ("rank", re.compile(r"\bthe (?P<num>biggest|largest)\b(?=(?: \w+){0,2} (?:donor|trading partner|investor|buyer))")),
    ("times", re.compile(r"\b(?P<num>twice|once)\b|(?<![\w,.])(?P<num2>\d+) times\b", re.IGNORECASE)),
    ("span", re.compile(r"\b(?P<num>" + "|".join(list(_WORDS)[:10]) + r"|\d+)-year\b", re.IGNORECASE)),
    ("span", re.compile(r"(?<![\w,.])(?P<num>\d+)\s+years\b", re.IGNORECASE)),
    # A large number with no unit beside it ("by another 8,000 in 2024"): proposed, unit guessed.
    ("bare", re.compile(r"(?<![\w,.$¥])(?P<num>\d{1,3}(?:,\d{3})+)(?![\w,.%])")),
]
_DATES: list[tuple[str, re.Pattern]] = [
    ("day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")),
    ("day", re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})")),
    ("month", re.compile(_MONTH + r"\s+(?P<year>\d{4})")),
    ("no year", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})\b")),
    ("decade", re.compile(r"(?P<year>1[5-9]\d0|20\d0)s\b")),
    ("year", re.compile(r"(?<![\d,.$¥])(?P<year>1[5-9]\d{2}|20\d{2})\b(?![,.]\d)")),
    (
        "relative",
        re.compile(r"\b(?P<early>[Ee]arly |[Ll]ate )?(?P<which>[Tt]his|[Ll]ast|[Nn]ext) (?P<unit>year|month)\b"),
    ),
]
_AFTER_MONTH = re.compile(r"(?:" + "|".join(_MONTHS) + r")\s+$")
# Phrases that give a figure its period; the dates inside them are then not event dates.
_PERIODS: list[tuple[str, re.Pattern]] = [
    ("months to", re.compile(r"(?P<n>\d+) months to " + _MONTH + r" (?P<year>\d{4})")),
    ("first months", re.compile(r"first (?P<n>\d+|" + "|".join(_WORDS) + r") months (?:of|in) (?P<year>\d{4})")),
    ("from to", re.compile(r"from " + _MONTH + r" to " + _MONTH2 + r"(?: (?P<year>\d{4})| this year)?")),
    ("as of", re.compile(r"as of " + _MONTH + r" (?P<year>\d{4})")),
    ("since", re.compile(r"\b[Ss]ince (?P<year>\d{4})\b")),
    # Not the comparison period of a growth rate ("compared to the same period in 2023").
    (
        "in year",
        re.compile(r"(?<!period )(?<!compared to )(?<!compared with )\b(?:in|for|during) (?P<year>\d{4})\b(?! and)"),
    ),
]
_QUALIFIER_WORDS = [
    ("about", r"(?:about|around|approximately|roughly|nearly|almost|some|close to)\s+$"),
    ("more_than", r"(?:more than|over|at least|above|upwards of)\s+$"),
    ("up_to", r"(?:up to|as many as|as much as)\s+$"),
    ("less_than", r"(?:less than|fewer than|under|below)\s+$"),
]
_TARGET_WORDS = re.compile(r"\b(?:plans? to|planned|will|aims? to|target|to be|would|expected to)\b", re.IGNORECASE)
# Indicator guesses: (unit kind, words in the sentence, indicator); first match wins.
_GUESSES: list[tuple[str, str, str]] = [
    ("money", r"\bcoin", "dipl_commemorative_coin_denomination"),
    ("money", r"export", "trade_exports_kh_to_jp"),
    ("money", r"import", "trade_imports_kh_from_jp"),
    ("money", r"\btrade\b", "trade_total"),
    ("money", r"invest", "trade_jp_investment_kh_cumulative"),
    ("money", r"\bloan", "oda_jp_loans"),
    ("money", r"\bgrant", "oda_jp_grants"),
    ("money", r"aid|assistance|\boda\b|development", "oda_jp_total"),
    ("percent", r"share|accounts? for|of the total", "oda_jp_share_of_kh_oda"),
    ("percent", r"export", "trade_exports_kh_to_jp_growth"),
    ("percent", r"import", "trade_imports_kh_from_jp_growth"),
    ("percent", r"trade", "trade_total_growth"),
    ("anniversary", r"", "dipl_anniversary_years"),
    ("rank", r"trading partner|trade partner", "trade_jp_rank_kh_partners"),
    ("rank", r"donor", "oda_jp_donor_rank"),
    ("rank", r"export|buyer|market", "trade_jp_rank_kh_exports"),
    ("span", r"relations|anniversar|\bties\b", "dipl_anniversary_years"),
    ("span", r"aid|policy|plan|assistance", "oda_jp_policy_period_years"),
    ("count", r"increase|another \d", "people_cambodian_workers_in_jp_increase"),
    ("count", r"attended|participants|members", "trade_business_event_participants"),
    ("count", r"(?:japanese)\W+(?:\w+\W+){0,2}(?:lived|living|resid|reside)", "people_japanese_residents_in_kh"),
    ("count", r"japanese\W+(?:tourists|visitors)", "people_japanese_visitors_to_kh"),
    ("count", r"cambodians?\W.*(?:in|to) japan", "people_cambodians_in_jp"),
    ("count", r"summit", "dipl_summits_count"),
    ("count", r"visit", "dipl_visits_count"),
    ("count", r"memorand|document|agreement", "dipl_mou_count"),
    ("count", r"compan|firm", "trade_jp_companies_in_kh"),
    ("date", r"aid|loan|grant|bridge|road|port|oda|assistance", "oda_event_year"),
    ("date", r"trainee|volunteer|worker|student", "people_event_year"),
    ("date", r"trade|export|import|invest|business|payment", "trade_event_year"),
    ("date", r"", "dipl_event_year"),
]
_THEMES = {"trade": "trade", "people": "people", "oda": "oda", "dipl": "diplomacy"}
_IDENTIFIER_BEFORE = re.compile(
    r"(?:Road|Route|Highway|No\.|Number|Phase|Article|Chapter|Section|COVID-|G|ASEAN\+|Terminal|Line)\s?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    match: re.Match


def sentences(text: str) -> list[tuple[int, str]]:
    """Split an article into sentences and lines, each with its offset in the text.

    A line break ends a sentence too (headlines, datelines, list items stand alone).

    Examples
    --------
    >>> [s for _, s in sentences("Trade grew. Aid fell!\\nHeadline")]
    ['Trade grew.', 'Aid fell!', 'Headline']
    """
    out = []
    for line in re.finditer(r"[^\n]+", text):
        for part in re.finditer(r".+?(?:[.!?](?=\s|$)|$)", line.group(0)):
            piece = part.group(0).strip()
            if piece:
                out.append((line.start() + part.start() + (len(part.group(0)) - len(part.group(0).lstrip())), piece))
    return out


def _number(text: str) -> float:
    word = text.lower()
    if word in _WORDS:
        return float(_WORDS[word])
    if word in _ORDINALS:
        return float(_ORDINALS[word])
    return float(text.replace(",", ""))


def _qualifier(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 30) : start]
    for name, pattern in _QUALIFIER_WORDS:
        if re.search(pattern, before, re.IGNORECASE):
            return name
    return "exact"


# Clauses: a period phrase dates the figures of its own clause; "of which" introduces a part of
# the same figure (same period) but names another measure (its own indicator).
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|and|but|whereas)\s+|\s+while\s+")
_MEASURE_BREAK = re.compile(r";|,\s+(?:while|and|but|whereas|of which)\s+|\s+while\s+")


def _clause(sentence: str, at: int, breaks: re.Pattern = _CLAUSE_BREAK) -> tuple[int, int]:
    """Start and end of the clause of a sentence that holds position ``at``."""
    starts = [0] + [m.end() for m in breaks.finditer(sentence) if m.end() <= at]
    ends = [m.start() for m in breaks.finditer(sentence) if m.start() > at] + [len(sentence)]
    return starts[-1], ends[0]


def _guess(kind: str, sentence: str, at: int = 0) -> str:
    """Guess the indicator from the words of the figure's clause, else of its sentence."""
    start, end = _clause(sentence, at, _MEASURE_BREAK)
    for text in (sentence[start:end], sentence):
        lower = text.lower()
        for unit_kind, words, indicator in _GUESSES:
            if unit_kind == kind and words and re.search(words, lower):
                return indicator
    for unit_kind, words, indicator in _GUESSES:
        if unit_kind == kind and not words:
            return indicator
    return ""


def _month_end(year: int, month: int) -> pd.Timestamp:
    return pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)


def _period(sentence: str, article: pd.Timestamp | None) -> tuple[str, str, list[tuple[int, int]], str]:
    """The first period phrase of a sentence: start, end (ISO), spans it covers, and a note."""
    lower = sentence
    for name, pattern in _PERIODS:
        m = pattern.search(lower)
        if not m:
            continue
        spans = [(m.start(), m.end())]
        year = m.groupdict().get("year")
        if name == "months to":
            end = _month_end(int(year), _MONTHS.index(m["month"]) + 1)
            start = (end - pd.DateOffset(months=int(m["n"]))) + pd.Timedelta(days=1)
            return f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", spans, ""
        if name == "first months":
            months = int(_number(m["n"]))
            return f"{year}-01-01", f"{_month_end(int(year), months):%Y-%m-%d}", spans, ""
        if name == "from to":
            if year is None and article is None:
                continue
            y = int(year) if year else article.year
            start = pd.Timestamp(year=y, month=_MONTHS.index(m["month"]) + 1, day=1)
            end = _month_end(y, _MONTHS.index(m["month2"]) + 1)
            note = "" if year else f"year {y} taken from the article's date; "
            return f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", spans, note
        if name == "as of":
            month = _MONTHS.index(m["month"]) + 1
            start = pd.Timestamp(year=int(year), month=month, day=1)
            return f"{start:%Y-%m-%d}", f"{_month_end(int(year), month):%Y-%m-%d}", spans, "a count as of a month; "
        if name == "since":
            if article is None:
                continue
            return f"{year}-01-01", f"{article:%Y-%m-%d}", spans, "'since' read as up to the article's date; "
        if name == "in year":
            return f"{year}-01-01", f"{year}-12-31", spans, ""
    if article is not None:
        relative = _relative_year(sentence, article)
        if relative[0]:
            return relative
    return "", "", [], ""


def _relative_year(sentence: str, article: pd.Timestamp | None) -> tuple[str, str, list, str]:
    """The year 'this year', 'next year' or 'last year' means, from the article's date."""
    m = re.search(r"(?<![Ee]arly )(?<![Ll]ate )\b(this|next|last) year\b", sentence, re.IGNORECASE)
    if not m or article is None:
        return "", "", [], ""
    y = article.year + {"this": 0, "next": 1, "last": -1}[m.group(1).lower()]
    return f"{y}-01-01", f"{y}-12-31", [m.span()], f"'{m.group(0)}' read as {y} from the article's date; "


def _relative_period(m: re.Match, article: pd.Timestamp | None) -> tuple[str, str, str]:
    """The period 'early this year', 'last month', 'next year' covers, from the article's date."""
    if article is None:
        return "", "", f"'{m.group(0)}' cannot be dated: give the article's date with --date"
    shift = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
    if m["unit"] == "month":
        start = (article + pd.DateOffset(months=shift)).replace(day=1)
        return f"{start:%Y-%m-%d}", f"{start + pd.offsets.MonthEnd(0):%Y-%m-%d}", ""
    y = article.year + shift
    end = f"{article:%Y-%m-%d}" if m["early"] and shift == 0 else f"{y}-12-31"
    return f"{y}-01-01", end, ""


def _dateline(text: str) -> tuple[pd.Timestamp | None, tuple[int, int] | None]:
    """The article's own date from a dateline in its first lines ("Phnom Penh, 15 March 2023")."""
    head = text[:400]
    for line in re.finditer(r"[^\n]+", head):
        m = re.fullmatch(r"\s*(?:[A-Z][\w .]*,\s*)?(?P<day>\d{1,2}) " + _MONTH + r" (?P<year>\d{4})\s*", line.group(0))
        if m:
            day = pd.Timestamp(year=int(m["year"]), month=_MONTHS.index(m["month"]) + 1, day=int(m["day"]))
            return day, (line.start() + m.start("day"), line.start() + m.end("year"))
    return None, None


def _date_value(kind: str, m: re.Match) -> tuple[float, str, str]:
    """Value (the year) and the period a date mention covers."""
    if kind == "no year":
        return float("nan"), "", ""
    year = int(m["year"])
    if kind == "day":
        day = pd.Timestamp(year=year, month=_MONTHS.index(m["month"]) + 1, day=int(m["day"]))
        return float(year), f"{day:%Y-%m-%d}", f"{day:%Y-%m-%d}"
    if kind == "month":
        month = _MONTHS.index(m["month"]) + 1
        return float(year), f"{year}-{month:02d}-01", f"{_month_end(year, month):%Y-%m-%d}"
    if kind == "decade":
        return float(year), f"{year}-01-01", f"{year + 9}-12-31"
    return float(year), f"{year}-01-01", f"{year}-12-31"


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def draft_claims(
    text: str, source_id: str = "seed_005", published: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Propose claims-ledger rows for every figure and date in an article, and list what is skipped.

    Parameters
    ----------
    text : str
        The article as plain text.
    source_id : str
        The id the article will have in ``data/sources.csv`` (claim ids follow it: ``c005_01``).
    published : str, optional
        Publication date (ISO); otherwise read from a dateline in the first lines, if any.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Proposed rows with :data:`DRAFT_COLUMNS` (``quote`` is the exact sentence; ``notes`` says
        what was guessed), and skipped numbers with :data:`SKIP_COLUMNS` (``reason`` in words).

    Examples
    --------
    >>> rows, skipped = draft_claims("Trade reached about $2.4 billion in 2022, on National Road 5.")
    >>> rows[["indicator", "value", "unit", "qualifier", "period_end"]].values.tolist()
    [['trade_total', 2400000000.0, 'USD', 'about', '2022-12-31']]
    >>> skipped["reason"].tolist()
    ["part of the period 'in 2022' of the figure '$2.4 billion'", 'identifier or name, not a quantity']
    """
    dateline, dateline_span = _dateline(text)
    article = pd.Timestamp(published) if published else dateline
    number = re.search(r"(\d{3})$", source_id)
    prefix = f"c{number.group(1)}" if number else "c999"
    rows: list[dict] = []
    skipped: list[dict] = []
    for offset, sentence in sentences(text):
        taken: list[tuple[int, int]] = []
        if dateline_span and offset <= dateline_span[0] < offset + len(sentence):
            span = (dateline_span[0] - offset, dateline_span[1] - offset)
            skipped.append(
                {
                    "as_printed": sentence[span[0] : span[1]],
                    "offset": dateline_span[0],
                    "quote": sentence,
                    "reason": "the article's dateline: used as its statement date",
                }
            )
            taken.append(span)
        figures = []
        for kind, pattern in _FIGURES:
            for m in pattern.finditer(sentence):
                if _AFTER_MONTH.search(sentence[: m.start()]):
                    continue  # "November 25, Japanese ...": a day of a date, not a count
                if not _overlaps((m.start(), m.end()), taken):
                    figures.append(_Found(kind, m.start(), m.end(), m))
                    taken.append((m.start(), m.end()))
        periods: dict[int, tuple[str, str, str]] = {}
        for found in figures:
            # A figure's period is the period phrase of its own clause (none: the check infers one).
            c_start, c_end = _clause(sentence, found.start)
            clause = sentence[c_start:c_end]
            if found.kind == "anniversary":
                # "the 70th anniversary of relations established in 1953": the year is the founding
                # event's, not the anniversary's; only 'this/next/last year' dates an anniversary.
                p_start, p_end, p_spans, p_note = _relative_year(clause, article)
            else:
                p_start, p_end, p_spans, p_note = _period(clause, article)
            periods[found.start] = (p_start, p_end, p_note)
            for s, e in p_spans:
                s, e = s + c_start, e + c_start
                for m in re.finditer(r"\d[\d,]*|" + "|".join(_MONTHS), sentence[s:e]):
                    span = (s + m.start(), s + m.end())
                    if m.group(0)[0].isdigit() and not _overlaps(span, taken):
                        skipped.append(
                            {
                                "as_printed": m.group(0),
                                "offset": offset + span[0],
                                "quote": sentence,
                                "reason": f"part of the period {sentence[s:e]!r} of the figure "
                                f"{found.match.group(0)!r}",
                            }
                        )
                        taken.append(span)
                taken.append((s, e))
        dates = []
        for kind, pattern in _DATES:
            for m in pattern.finditer(sentence):
                if not _overlaps((m.start(), m.end()), taken):
                    dates.append(_Found(kind, m.start(), m.end(), m))
                    taken.append((m.start(), m.end()))
        for found in sorted(figures + dates, key=lambda f: f.start):
            rows.append(_row(found, sentence, article, periods.get(found.start, ("", "", ""))))
        for m in re.finditer(r"\d[\d,.]*\w*|\b(?:" + "|".join(_WORDS) + r")\b", sentence, re.IGNORECASE):
            span = (m.start(), m.end())
            if _overlaps(span, taken):
                continue
            before = sentence[: m.start()]
            if not m.group(0)[0].isdigit():
                compound = sentence[m.end() : m.end() + 1] == "-"
                reason = (
                    "part of a compound word, not a count"
                    if compound
                    else "a number word that counts nothing the ledger measures"
                )
            elif _IDENTIFIER_BEFORE.search(before):
                reason = "identifier or name, not a quantity"
            elif not before.strip() and re.fullmatch(r"\d+\.?", m.group(0).rstrip(".") + "."):
                reason = "list marker"
            else:
                reason = "a number without a unit or date: nothing to record as printed"
            skipped.append(
                {"as_printed": m.group(0), "offset": offset + m.start(), "quote": sentence, "reason": reason}
            )
    proposed = pd.DataFrame(rows, columns=DRAFT_COLUMNS[2:])
    proposed.insert(0, "source_id", source_id)
    proposed.insert(0, "claim_id", [f"{prefix}_{i:02d}" for i in range(1, len(proposed) + 1)])
    proposed["statement_date"] = f"{article:%Y-%m-%d}" if article is not None else ""
    skips = pd.DataFrame(skipped, columns=SKIP_COLUMNS).sort_values("offset", ignore_index=True)
    return proposed[DRAFT_COLUMNS], skips


def _row(found: _Found, sentence: str, article: pd.Timestamp | None, period: tuple[str, str, str]) -> dict:
    m = found.match
    notes = []
    if found.kind in {"money", "percent", "anniversary", "count", "rank", "times", "span", "bare"}:
        number = m["num"] if m["num"] is not None else m["num2"]
        value = _number(number)
        printed = m.group(0)
        if found.kind == "money":
            currency = m["cur"].strip()
            unit = {"¥": "JPY", "JPY": "JPY", "Riel": "KHR", "riel": "KHR", "KHR": "KHR"}.get(currency, "USD")
            scale = m.groupdict().get("scale")
            value *= _SCALES.get(scale, 1.0) if scale else 1.0
            if unit == "JPY":
                notes.append("unit JPY is not in the ledger's unit list: extend the schema or leave the claim out")
            kind = "money"
        elif found.kind == "percent":
            unit, kind = "percent", "percent"
        elif found.kind == "anniversary":
            unit, kind = "years", "anniversary"
            printed = m.group(0).split()[0]
        elif found.kind == "rank":
            unit, kind = "rank", "rank"
            printed = m.group(0).removeprefix("the ")
        elif found.kind == "times":
            unit, kind = "count", "count"
        elif found.kind == "span":
            unit, kind = "years", "span"
        elif found.kind == "bare":
            clause = sentence[slice(*_clause(sentence, found.start))]
            people = re.search(_PERSON_NOUNS, clause, re.IGNORECASE)
            unit, kind = ("persons" if people else "count"), "count"
            notes.append(f"no unit printed beside the number: unit {unit!r} guessed from the clause")
        else:
            noun = m["noun"].lower()
            people = _PERSON_NOUNS.lower() + "|leaders|members|participants|guests|delegates|officials"
            unit = "persons" if re.fullmatch(people, noun) else "count"
            kind = "count"
            printed = m["num"] if m["num"][0].isdigit() else m.group(0)
        qualifier = _qualifier(sentence, found.start)
        if _TARGET_WORDS.search(sentence[: found.start]) or re.search(r"\bby \d{4}\b", sentence[found.end :]):
            qualifier = "target"
        p_start, p_end, p_note = period
        if p_note:
            notes.append(p_note.rstrip("; "))
        if not p_start:
            notes.append("no period printed: the fact-check will infer one and say so")
    elif found.kind == "relative":
        value = float("nan")
        p_start, p_end, p_note = _relative_period(m, article)
        printed = m.group(0)
        unit, kind, qualifier = "year", "date", "exact"
        notes.append(
            "no year printed, so value is empty" + (f"; {p_note}" if p_note else "; period from the article's date")
        )
    else:
        value, p_start, p_end = _date_value(found.kind, m)
        printed = m.group(0)
        unit, kind, qualifier = "year", "date", "exact"
        if found.kind == "no year":
            notes.append("no year printed, so value is empty")
        if _TARGET_WORDS.search(sentence[: found.start]):
            qualifier = "target"
    indicator = _guess(kind, sentence, found.start)
    if re.search(r"General Department of Customs|GDCE", sentence):
        notes.append("attributed to GDCE (Cambodia's customs)")
    elif re.search(r"JETRO|Japan's (?:own )?customs|Ministry of Finance of Japan", sentence):
        notes.append("attributed to JETRO / Japan's customs")
    notes.append(
        "indicator guessed from the words of the sentence" if indicator else "indicator not guessed: choose one"
    )
    return {
        "quote": sentence,
        "indicator": indicator,
        "value": value,
        "value_as_printed": printed,
        "unit": unit,
        "qualifier": qualifier,
        "period_start": p_start,
        "period_end": p_end,
        "theme": _THEMES.get(indicator.split("_")[0], ""),
        "subject": sentence,
        "notes": "proposed by the draft; review: " + "; ".join(notes),
    }


def read_draft(path: Path, require_indicator: bool = True) -> pd.DataFrame:
    """Read reviewed draft rows and check them; a bad cell raises naming file, row and field.

    Checks: every column of :data:`DRAFT_COLUMNS`; ``indicator`` in ``data/indicators.csv``;
    ``qualifier`` one of :data:`QUALIFIERS`; ``value`` a number or empty; dates ISO; ``claim_id``
    unique; ``quote`` contains ``value_as_printed`` (nothing typed that the article does not print).
    With ``require_indicator=False`` rows still without an indicator are returned unchecked
    (for a first look at an unreviewed draft; the caller leaves them out of the fact-check).
    """
    from helpers.datasets import load

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in DRAFT_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    indicators = set(load("indicators")["indicator"])
    seen: set[str] = set()
    for i, row in frame.iterrows():
        where = f"{path}, row {i + 2}"
        if row["claim_id"] in seen:
            raise ValueError(f"{where}, field claim_id: {row['claim_id']!r} appears twice")
        seen.add(row["claim_id"])
        if not row["indicator"] and not require_indicator:
            continue
        if row["indicator"] not in indicators:
            raise ValueError(f"{where}, field indicator: {row['indicator']!r} is not in data/indicators.csv")
        if row["qualifier"] not in QUALIFIERS:
            raise ValueError(f"{where}, field qualifier: {row['qualifier']!r} is not one of {', '.join(QUALIFIERS)}")
        if row["unit"] not in UNITS:
            raise ValueError(f"{where}, field unit: {row['unit']!r} is not one of {', '.join(UNITS)}")
        if row["value_as_printed"] not in row["quote"]:
            raise ValueError(f"{where}, field value_as_printed: {row['value_as_printed']!r} is not in the quote")
        if row["value"] and not re.fullmatch(r"-?\d+(?:\.\d+)?(?:e\+?\d+)?", row["value"]):
            raise ValueError(f"{where}, field value: {row['value']!r} is not a number")
        for field in ("period_start", "period_end", "statement_date"):
            if row[field] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[field]):
                raise ValueError(f"{where}, field {field}: {row[field]!r} is not an ISO date (YYYY-MM-DD)")
    out = frame.replace("", pd.NA)
    guessed = out["indicator"].str.split("_").str[0].map(_THEMES)
    out["theme"] = out["theme"].fillna(guessed)
    out["value"] = pd.to_numeric(out["value"]).astype(float)
    for field in ("period_start", "period_end", "statement_date"):
        out[field] = pd.to_datetime(out[field])
    return out
