"""Scale for bilateral figures: World Bank series of Cambodia and Japan, and shares between series.

A bilateral figure (Japan's aid, Cambodia's exports to Japan) means more beside the whole it is
part of: all the ODA Cambodia receives, Cambodia's GDP, its trade with the world. The whole comes
from the ``wdi_context`` dataset (World Development Indicators); :func:`wdi_series` picks one
series out of it and :func:`share_of` expresses a part as a percent of a whole, year by year.
Years missing on either side stay missing: a gap is shown, never bridged.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["share_of", "wdi_series"]


def wdi_series(frame: pd.DataFrame, indicator: str, country: str = "KHM") -> pd.Series:
    """Return one World Development Indicator of one country as a series indexed by year.

    Parameters
    ----------
    frame : DataFrame
        The ``wdi_context`` dataset (columns ``country``, ``wdi_code``, ``year``, ``value``).
    indicator : str
        WDI series code, e.g. ``"DT.ODA.ODAT.CD"`` (net ODA received); case does not matter.
    country : str, default "KHM"
        ISO alpha-3 code: ``"KHM"`` (Cambodia) or ``"JPN"`` (Japan).

    Returns
    -------
    Series
        ``float64`` values indexed by ``year`` (``int64``), sorted, named by the code; only the
        years the World Bank publishes (no filled gaps). ``attrs["unit"]`` holds the unit.

    Raises
    ------
    KeyError
        If the dataset has no row for that code and country.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "country": ["KHM", "KHM", "JPN"], "wdi_code": ["SP.POP.TOTL"] * 3,
    ...     "year": [2021, 2020, 2020], "value": [16.6e6, 16.4e6, 126.3e6],
    ...     "unit": ["persons"] * 3})
    >>> wdi_series(frame, "sp.pop.totl").to_dict()
    {2020: 16400000.0, 2021: 16600000.0}
    >>> wdi_series(frame, "SP.POP.TOTL", country="JPN").attrs["unit"]
    'persons'
    """
    code = indicator.upper()
    rows = frame[(frame["wdi_code"] == code) & (frame["country"] == country)]
    if rows.empty:
        raise KeyError(f"wdi_context has no rows for {code} and country {country!r}")
    years = rows["year"].astype("int64")
    if years.duplicated().any():
        raise ValueError(f"wdi_context: {code} {country} has repeated years {sorted(years[years.duplicated()])}")
    series = pd.Series(rows["value"].astype("float64").to_numpy(), index=pd.Index(years, name="year"), name=code)
    series = series.sort_index()
    units = rows["unit"].unique() if "unit" in rows else []
    if len(units) == 1:
        series.attrs["unit"] = units[0]
    return series


def share_of(part: pd.Series, whole: pd.Series) -> pd.Series:
    """Return ``part`` as a percent of ``whole``, aligned on the index (years).

    The result covers the union of both indexes; a year missing (or ``NaN``) on either side, or
    with a zero whole, is ``NaN``: never interpolated or carried forward.

    Parameters
    ----------
    part, whole : Series
        Values in the same unit, indexed by year.

    Returns
    -------
    Series
        Percent (``float64``), sorted by year, named ``"share_percent"``.

    Examples
    --------
    >>> part = pd.Series({2019: 25.0, 2020: 30.0, 2022: 10.0})
    >>> whole = pd.Series({2019: 100.0, 2021: 120.0, 2022: 40.0})
    >>> share_of(part, whole).to_dict()
    {2019: 25.0, 2020: nan, 2021: nan, 2022: 25.0}
    """
    part, whole = part.astype("float64").align(whole.astype("float64"), join="outer")
    share = part / whole.where(whole != 0) * 100
    return share.sort_index().rename("share_percent")
