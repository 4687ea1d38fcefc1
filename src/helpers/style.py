"""The house chart style: one look for every notebook, with titles, units and a source line."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from helpers.citations import source_line

__all__ = ["PALETTE", "REPORTER_COLOURS", "finish_figure", "new_figure", "use_house_style"]

# Colour-blind-safe (Okabe–Ito); the two reporters keep their colours across notebooks.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
REPORTER_COLOURS = {"Cambodia": "#D55E00", "Japan": "#0072B2"}


def use_house_style() -> None:
    """Set seaborn's theme, crisp reproducible SVG output for inline figures, and table display."""
    # Source lines name Japanese publishers; the SVG keeps them as text for the reader's browser
    # to draw, so matplotlib's missing-glyph warning says nothing about the published chart.
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.width", 120)
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    mpl.rcParams.update(
        {
            "figure.figsize": (8.0, 4.5),
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "cambodia-japan",  # stable element ids: re-runs leave git clean
            "svg.fonttype": "none",  # text stays text in the SVG: crisp and small
        }
    )
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # outside IPython there is nothing to configure
        return
    set_matplotlib_formats("svg", metadata={"Date": None})  # no timestamp in the output


def new_figure(nrows: int = 1, ncols: int = 1, width: float = 8.0, height: float = 4.5, **kwargs):
    """Return ``(fig, ax)`` in the house size; ``kwargs`` go to :func:`matplotlib.pyplot.subplots`.

    Grids get matplotlib's constrained layout so panels do not collide; a single chart does not
    need it (the inline backend crops to the drawn content) and renders about 40% faster without.
    """
    kwargs.setdefault("layout", "constrained" if nrows * ncols > 1 else None)
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def finish_figure(
    ax,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    datasets: str | Iterable[str],
    note: str | None = None,
) -> None:
    """Label a chart (title, axes with units) and add the source line under it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The chart to finish (for a grid, the figure title and footnote go on its figure).
    title, xlabel, ylabel : str
        Axis labels say the unit, e.g. ``"US$ million (current)"``.
    datasets : str or iterable of str
        Dataset names the chart draws on; the footnote names their publishers.
    note : str, optional
        A caveat printed before the source line.

    Returns nothing, so that a cell ending with it shows the chart once: nbval runs cells
    without history, where a trailing ``;`` does not suppress a returned figure.
    """
    fig = ax.figure
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    footer = source_line(datasets)
    if note:
        footer = f"{note}\n{footer}"
    fig.text(0.0, -0.02, footer, ha="left", va="top", fontsize=8, color="#444444", wrap=True)
