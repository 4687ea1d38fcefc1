"""The house chart style: one look for every notebook, with titles, units and a source line.

A chart states its finding in its title, names its unit on an axis, says where its numbers come
from in a source line under it, and carries alt text for readers who cannot see it.
:func:`finish_figure` enforces all four and draws the chart as SVG; :func:`format_axis` writes
ticks in the reader's unit ($1m, $1.2bn, 25%, 4,500) instead of 10³ or 1e9.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from collections.abc import Iterable
from html import escape

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from matplotlib.transforms import Bbox

from helpers.citations import source_line

__all__ = [
    "LEADER_LINE",
    "PALETTE",
    "REPORTER_COLOURS",
    "VERDICT_COLOURS",
    "VERDICT_LABELS",
    "finish_figure",
    "format_axis",
    "format_usd",
    "new_figure",
    "spread_labels",
    "use_house_style",
]

# Colour-blind-safe (Okabe–Ito); the two reporters keep their colours across notebooks.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
REPORTER_COLOURS = {"Cambodia": "#D55E00", "Japan": "#0072B2"}
# One colour per fact-check verdict everywhere: agreement is bluish green, the two failures are
# warm (never green), and a claim that cannot be checked is neutral grey.
VERDICT_COLOURS = {
    "consistent": "#009E73",
    "conflicts": "#D55E00",
    "internally inconsistent": "#CC79A7",
    "unverifiable": "#999999",
}
# Reader words: "holds up" covers agreement with a record and arithmetic that adds up.
VERDICT_LABELS = {
    "consistent": "holds up",
    "conflicts": "conflicts with the evidence",
    "internally inconsistent": "does not add up",
    "unverifiable": "cannot be checked",
}
# A thin grey line from a data point to its label (``ax.annotate(..., arrowprops=LEADER_LINE)``) for
# labels set to the right of their point (``ha="left"``, ``va="center"``). It ends 4 points short of
# the label's left middle, so it never crosses a neighbouring label. Matplotlib's default aims at the
# label's centre and clips the line against the label's box: lines to stacked labels crossed each
# other's text, and the clipping search cost about a third of a labelled chart's drawing time.
LEADER_LINE = {"arrowstyle": "-", "color": "#BBBBBB", "lw": 0.6, "relpos": (0.0, 0.5), "patchA": None, "shrinkA": 4}
SOURCE_FONT_SIZE = 9
_UNIT_IN_LABEL = re.compile(r"\([^)]*\S[^)]*\)")


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
            # A fixed title height: matplotlib would otherwise measure every tick label of the row to
            # lift titles over top-side ticks, which no chart here has (about a quarter of the drawing time).
            "axes.titley": 1.0,
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

    Grids get matplotlib's constrained layout so panels do not collide. A single chart does not
    need it: :func:`finish_figure` crops every chart to what it draws, and a layout pass would
    only measure the chart once more.
    """
    kwargs.setdefault("layout", "constrained" if nrows * ncols > 1 else None)
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def format_usd(value: float, unit: str = "usd") -> str:
    """Return a dollar amount as a reader writes it: ``$950k``, ``$12m``, ``$1.2bn``.

    Parameters
    ----------
    value : float
        The amount, in US dollars (``unit="usd"``) or in US$ million (``unit="usd_m"``).
    unit : {"usd", "usd_m"}

    Examples
    --------
    >>> format_usd(1_727_390_478)
    '$1.7bn'
    >>> format_usd(250, unit="usd_m")
    '$250m'
    >>> format_usd(0.5, unit="usd_m")
    '$500k'
    """
    dollars = value * 1e6 if unit == "usd_m" else value
    sign, dollars = ("−" if dollars < 0 else ""), abs(dollars)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if dollars >= size:
            return f"{sign}${_trim(dollars / size)}{suffix}"
    return f"{sign}${_trim(dollars)}"


def _trim(number: float) -> str:
    """Return a number with at most one decimal and no trailing ``.0``."""
    text = f"{number:,.1f}" if number < 100 else f"{number:,.0f}"
    return text[:-2] if text.endswith(".0") else text


_TICK_TEXT = {
    "usd": lambda v: format_usd(v, "usd"),
    "usd_m": lambda v: format_usd(v, "usd_m"),
    "percent": lambda v: f"{_trim(v)}%",
    "count": lambda v: f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 10 else _trim(v),
    "year": lambda v: f"{v:.0f}",
}


def format_axis(ax, unit: str, axis: str = "y") -> None:
    """Write an axis's ticks in the reader's unit, on linear and logarithmic scales alike.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    unit : {"usd", "usd_m", "percent", "count", "year"}
        ``usd``: values in US$; ``usd_m``: values in US$ million; ``percent``: values already
        in per cent; ``count``: people, projects, votes (thousands separators); ``year``: no
        separators.
    axis : {"y", "x"}

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> _ = ax.set_yscale("log"); _ = ax.set_ylim(1e6, 1e9)
    >>> format_axis(ax, "usd")
    >>> ax.yaxis.get_major_formatter()(1e8, 0)
    '$100m'
    >>> plt.close(fig)
    """
    if unit not in _TICK_TEXT:
        raise ValueError(f"unknown unit {unit!r}; use one of {sorted(_TICK_TEXT)}")
    target = ax.yaxis if axis == "y" else ax.xaxis
    text = _TICK_TEXT[unit]
    target.set_major_formatter(FuncFormatter(lambda v, _pos: text(v)))
    if target.get_scale() == "log":
        # One labelled tick per decade (1, 10, 100 …); the in-between ticks stay unlabelled.
        target.set_major_locator(LogLocator(base=10))
        target.set_minor_formatter(NullFormatter())


def spread_labels(values: dict[str, float], min_gap: float, floor: float | None = None) -> dict[str, float]:
    """Return label heights near ``values`` but at least ``min_gap`` apart, keeping their order.

    Labels that would collide form a group, centred on the mean of their values (and kept above
    ``floor``), so lines can be labelled at their right-hand ends without labels overlapping (join each
    label to its line's end with :data:`LEADER_LINE`).

    Examples
    --------
    >>> spread_labels({"a": 6.0, "b": 6.1, "c": 30.0}, min_gap=2.0)
    {'a': 5.05, 'b': 7.05, 'c': 30.0}
    >>> spread_labels({"a": 0.5, "b": 1.0}, min_gap=2.0, floor=0.0)
    {'a': 0.0, 'b': 2.0}
    """
    order = sorted(values, key=lambda k: (values[k], k))
    groups: list[list[str]] = []  # each group: labels drawn min_gap apart from its bottom

    def bottom(group: list[str]) -> float:
        centre = sum(values[k] for k in group) / len(group)
        low = centre - min_gap * (len(group) - 1) / 2
        return max(low, floor) if floor is not None else low

    for key in order:
        groups.append([key])
        while len(groups) > 1:
            below, top = groups[-2], groups[-1]
            if bottom(below) + min_gap * len(below) <= bottom(top) + 1e-9:
                break
            groups[-2:] = [below + top]
    placed = {}
    for group in groups:
        start = bottom(group)
        for i, key in enumerate(group):
            placed[key] = round(start + i * min_gap, 6)
    return placed


def _has_unit(fig) -> bool:
    labels: list[str] = []
    for ax in fig.axes:
        labels += [ax.get_xlabel(), ax.get_ylabel()]
    labels += [t.get_text() for t in (fig._supxlabel, fig._supylabel) if t is not None]
    return any(_UNIT_IN_LABEL.search(label or "") for label in labels)


def finish_figure(
    ax,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    datasets: str | Iterable[str],
    alt: str,
    source_ids: Iterable[str] | None = None,
    note: str | None = None,
) -> None:
    """Title, label and source a chart, then show it as SVG with alt text.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The chart to finish. In a grid (a figure with several panels) the title, axis labels
        and source line go on the figure; panel titles are the notebook's to set.
    title : str
        The finding the chart shows, as a sentence ("Japan records more imports from Cambodia
        than Cambodia records exports"), not its topic.
    xlabel, ylabel : str
        Axis labels; at least one label in the figure names its unit in parentheses, e.g.
        ``"Trade (US$ million, current)"``. Pass ``""`` to leave an axis unlabelled.
    datasets : str or iterable of str
        Datasets the chart draws on.
    alt : str
        Alt text: what the chart shows, with its key numbers, for readers who cannot see it.
    source_ids : iterable of str, optional
        ``source_id`` values of the rows drawn; the source line then names only their
        publishers rather than every publisher of the datasets.
    note : str, optional
        A caveat printed before the source line.

    Returns
    -------
    None
        The chart is displayed, not returned, so a cell ending with this call shows it once
        (nbval runs cells without history, where a trailing ``;`` hides nothing).

    Raises
    ------
    ValueError
        If the title, alt text or sources are missing, or no axis label names a unit.
    """
    fig = ax.figure
    if not title or not title.strip():
        raise ValueError("a chart needs a title that states its finding")
    if not alt or not alt.strip():
        raise ValueError(f"chart {title!r} needs alt text (what it shows, with its key numbers)")
    grid = len([a for a in fig.axes if a.get_visible()]) > 1
    width_chars = int(fig.get_figwidth() * 10)
    wrapped = "\n".join(textwrap.wrap(title.strip(), width_chars))
    if grid:
        fig.suptitle(wrapped, x=0.0, ha="left", fontsize=13, fontweight="bold")
        if xlabel:
            fig.supxlabel(xlabel)
        if ylabel:
            fig.supylabel(ylabel)
    else:
        ax.set_title(wrapped)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
    if not _has_unit(fig):
        raise ValueError(f"chart {title!r}: name the unit of an axis in parentheses, e.g. 'Trade (US$ million)'")
    footer = source_line(datasets, source_ids=source_ids)
    if note:
        footer = f"{note}\n{footer}"
    footer = "\n".join(textwrap.fill(part, int(fig.get_figwidth() * 14)) for part in footer.split("\n"))
    _show_svg(fig, alt.strip(), title.strip(), footer)


class _MeasuringSVGCanvas(FigureCanvasSVG):
    """An SVG canvas with one renderer, used to lay out, measure and then draw the figure.

    Matplotlib's own path measures every piece of text twice (once with Agg for the layout and the
    crop, again with the SVG renderer that draws) and draws the figure twice. Measuring with the
    renderer that draws means each text is measured once, and one draw writes the SVG.
    """

    def __init__(self, figure, buffer: io.StringIO):
        super().__init__(figure)
        image_dpi = figure.dpi
        figure.dpi = 72  # SVG user units are points, as in FigureCanvasSVG.print_svg
        width, height = figure.get_size_inches()
        svg = RendererSVG(width * 72, height * 72, buffer, image_dpi=image_dpi, metadata={"Date": None})
        self.renderer = MixedModeRenderer(figure, width, height, image_dpi, svg)

    def get_renderer(self):
        """Return the renderer that will draw: the layout engines measure text with it."""
        return self.renderer


def _svg_with_alt(fig, alt: str, title: str, footer: str) -> str:
    """Return the figure as SVG text whose root carries ``role="img"``, an aria-label and a title.

    The footer (source line) goes under everything the chart draws: the layout is computed once,
    the footer placed below its box, the figure drawn once, and the SVG's view box set to the
    content and the footer (the crop of ``bbox_inches="tight"`` without its second draw).
    """
    buffer = io.StringIO()
    renderer = _MeasuringSVGCanvas(fig, buffer).renderer
    _pin_empty_axis_labels(fig)
    if fig.get_layout_engine() is not None:
        fig.get_layout_engine().execute(fig)
        fig.set_layout_engine("none")  # laid out: the draw below must not run the layout again
    box = fig.get_tightbbox(renderer)  # inches
    width, height = fig.get_size_inches()
    text = fig.text(box.x0 / width, (box.y0 - 0.12) / height, footer, ha="left", va="top",
                    fontsize=SOURCE_FONT_SIZE, color="#333333")
    box = Bbox.union([box, text.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())])
    fig.draw(renderer)
    renderer.finalize()
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    head_end = svg.index(">") + 1
    opening = _crop(svg[:head_end], box.padded(0.1), fig.get_figheight())
    opening = opening.replace("<svg ", f'<svg role="img" aria-label="{escape(alt)}" ', 1)
    return f"{opening}\n <title>{escape(title)}</title>{svg[head_end:]}"


def _pin_empty_axis_labels(fig) -> None:
    """Give each empty axis label a fixed place, so that matplotlib stops placing it.

    Matplotlib places an axis label clear of the tick labels of the axis and of every axis it
    shares with, measuring them all at each layout pass and draw, even when the label is empty
    (panels of a grid, whose label is the figure's). An empty label draws nothing wherever it is.
    """
    for ax in fig.axes:
        for axis, place in ((ax.xaxis, (0.5, 0.0)), (ax.yaxis, (0.0, 0.5))):
            if not axis.label.get_text():
                axis.set_label_coords(*place)


def _crop(opening: str, box: Bbox, figure_height: float) -> str:
    """Return the ``<svg>`` opening tag showing only ``box`` (inches, from the figure's bottom left).

    Examples
    --------
    >>> _crop('<svg width="576pt" height="324pt" viewBox="0 0 576 324">', Bbox([[-1, 0], [7, 4]]), 4.5)
    '<svg width="576pt" height="288pt" viewBox="-72 36 576 288">'
    """
    x, top, width, height = (round(v * 72, 6) for v in (box.x0, figure_height - box.y1, box.width, box.height))
    size = {"width": f"{width:g}pt", "height": f"{height:g}pt", "viewBox": f"{x:g} {top:g} {width:g} {height:g}"}
    for name, value in size.items():
        opening, found = re.subn(rf'\b{name}="[^"]*"', f'{name}="{value}"', opening, count=1)
        if not found:
            raise ValueError(f"matplotlib's SVG root has no {name} attribute: {opening}")
    return opening


def _show_svg(fig, alt: str, title: str, footer: str) -> None:
    """Display the chart as SVG, with its alt text as the plain-text form for text-only front ends.

    The SVG goes out as written (``raw=True``): IPython's ``SVG`` object would parse it into a DOM
    and write it back: the same picture, for about 5% of the chart's drawing time.
    """
    from IPython.display import display

    svg = _svg_with_alt(fig, alt, title, footer)
    plt.close(fig)
    display({"image/svg+xml": svg, "text/plain": f"Chart: {alt}"}, raw=True)
