"""Charts of the note drawn with matplotlib: SVG for HTML and PDF, PNG for Word.

Text is drawn in the house font's metric-compatible face (Liberation Serif for Times New Roman, from
Debian's fonts-liberation2), else DejaVu Serif, which ships inside matplotlib; both cover the Kazakh
letters, and neither comes from the network. Each chart is drawn once per process.
"""

from __future__ import annotations

import io
import re
import textwrap
from functools import cache, lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.ticker
from matplotlib.figure import Figure

from aqyl.domain.report.document import Chart
from aqyl.render.style import page_style, print_font_files

# Colour-blind-safe pairs: the comparison period muted, the current period strong.
PALETTE = ("#9bb7d4", "#1f4e79", "#d08c2c", "#5b8c5a")
PNG_DPI = 300  # Word's pictures print sharp at 300 dpi
# Text stays text in SVG (not one path per glyph): WeasyPrint lays it out with the embedded font,
# which is several times faster than parsing thousands of glyph paths, and it can be searched.
RC = {"font.size": 9, "svg.hashsalt": "aqyl", "svg.fonttype": "none", "axes.spines.top": False,
      "axes.spines.right": False}


@cache
def chart_font() -> str:
    """The family the charts are drawn in: the house font's compatible face (as the body text)."""
    from matplotlib import font_manager

    files = print_font_files(page_style().font)
    for face in ("regular", "bold", "italic"):
        font_manager.fontManager.addfont(str(files[face]))
    name = font_manager.FontProperties(fname=str(files["regular"])).get_name()
    # Debian's older fonts-liberation has faces of the same name without the Kazakh letters
    # (ә, ғ, қ, ң, ө, ұ, ү, һ, і): matplotlib could pick those, and the PNG charts of the DOCX
    # then showed boxes. Only our files answer to the name.
    ours = {str(f) for f in files.values()}
    manager = font_manager.fontManager
    manager.ttflist = [f for f in manager.ttflist if f.name != name or f.fname in ours]
    manager._findfont_cached.cache_clear()
    return name


def _rc() -> dict:
    return {**RC, "font.family": chart_font()}


def _figure(v: float) -> str:
    """A bar's or an axis's number: thousands apart with a no-break space (86 615), small ones as they are."""
    return f"{v:,.0f}".replace(",", "\u00a0") if abs(v) >= 1000 else f"{v:g}"


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _draw_lines(ax, chart: Chart) -> None:
    """Years along x; each series a line over its known values; the band shaded beneath."""
    x = list(range(len(chart.categories)))
    if chart.band is not None:
        known = [i for i in x if chart.band.lower[i] is not None and chart.band.upper[i] is not None]
        ax.fill_between(known, [chart.band.lower[i] for i in known], [chart.band.upper[i] for i in known],
                        color=PALETTE[0], alpha=0.55, linewidth=0, label=chart.band.name)
    for i, series in enumerate(chart.series):
        known = [j for j in x if series.values[j] is not None]
        ax.plot(known, [series.values[j] for j in known], color=PALETTE[1] if i == 0 else PALETTE[2],
                linestyle="-" if i == 0 else "--", marker="o", markersize=3, label=series.name)
    step = max(1, -(-len(x) // 12))  # at most 12 year labels, so that they never overlap
    ax.set_xticks(x[::step], list(chart.categories)[::step])
    ax.set_ylabel(chart.value_axis)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: _figure(v)))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(frameon=False, loc="upper left")


# Disagreement in warm tones, agreement in blues, the midpoint grey (colour-blind safe).
LIKERT_COLOURS = {3: ("#d08c2c", "#c9c9c9", "#1f4e79"), 4: ("#b3541e", "#e3a869", "#86a9cf", "#1f4e79"),
                  5: ("#b3541e", "#e3a869", "#c9c9c9", "#86a9cf", "#1f4e79"),
                  7: ("#8c3b12", "#b3541e", "#e3a869", "#c9c9c9", "#86a9cf", "#3f6e9e", "#1f4e79")}


def _draw_diverging(ax, chart: Chart) -> None:
    """Each item a bar of its answers' shares, the midpoint's half on each side of zero: agreement
    reads to the right, disagreement to the left."""
    levels = len(chart.series)
    colours = LIKERT_COLOURS.get(levels) or matplotlib.colormaps["RdBu"](
        [i / max(1, levels - 1) for i in range(levels)])
    rows = range(len(chart.categories))
    middle = levels // 2 if levels % 2 else None
    reach = 10.0
    for r in rows:
        shares = [s.values[r] or 0.0 for s in chart.series]
        below = sum(shares[: levels // 2]) + (shares[middle] / 2 if middle is not None else 0)
        left = -below
        for i, share in enumerate(shares):
            ax.barh(r, share, left=left, color=colours[i], height=0.7, label=chart.series[i].name if r == 0 else None)
            if share >= 7:
                ax.text(left + share / 2, r, f"{share:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if i in (0, levels - 1) else "black")
            left += share
        reach = max(reach, below, left)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(list(rows), [_wrap(c, 44) for c in chart.categories])
    ax.invert_yaxis()
    reach = min(100.0, 10 * (reach // 10 + 1))
    ax.set_xlim(-reach, reach)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):.0f}%"))
    ax.set_xlabel(chart.value_axis)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22 - 0.03 * (4 - min(len(chart.categories), 4))),
              ncol=min(levels, 3), fontsize=7.5, handlelength=1)


def _draw(chart: Chart) -> Figure:
    """The chart laid out once; SVG (PDF, HTML) and PNG (Word) are both saved from this figure."""
    if chart.kind == "diverging":
        fig = Figure(figsize=(7.2, 2.0 + 0.45 * len(chart.categories)))
        _draw_diverging(fig.add_subplot(), chart)
        fig.tight_layout()
        return fig
    if chart.kind == "line":
        fig = Figure(figsize=(6.6, 3.4))
        _draw_lines(fig.add_subplot(), chart)
        fig.tight_layout()
        return fig
    if chart.kind == "barh":
        height = 0.9 + 0.32 * len(chart.categories) * max(1, len(chart.series)) ** 0.5
        fig = Figure(figsize=(6.6, min(height, 8.5)))
    else:
        fig = Figure(figsize=(6.6, 3.2))
    ax = fig.add_subplot()
    n = len(chart.series)
    width = 0.8 / n
    positions = range(len(chart.categories))
    for i, series in enumerate(chart.series):
        colours = (PALETTE[1],) if n == 1 else PALETTE
        colour = colours[i % len(colours)]
        offsets = [p + (i - (n - 1) / 2) * width for p in positions]
        # A missing value is no bar and no label (the table shows a dash there, not 0).
        values = [float("nan") if v is None else v for v in series.values]
        if chart.kind == "barh":
            bars = ax.barh(offsets, values, height=width, color=colour, label=series.name)
        else:
            bars = ax.bar(offsets, values, width=width, color=colour, label=series.name)
        marks = series.marks or ("",) * len(series.values)
        ax.bar_label(bars, labels=["" if v is None else _figure(v) + mark for v, mark in zip(series.values, marks, strict=True)],
                     padding=2, fontsize=7.5)
    if chart.kind == "barh":
        ax.set_yticks(list(positions), [_wrap(c, 38) for c in chart.categories])
        ax.invert_yaxis()
        ax.set_xlabel(chart.value_axis)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: _figure(v)))
        ax.margins(x=0.12)
    else:
        ax.set_xticks(list(positions), [_wrap(c, 16) for c in chart.categories])
        ax.set_ylabel(chart.value_axis)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: _figure(v)))
        ax.margins(y=0.15)
    if n > 1:
        ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig


@lru_cache(maxsize=64)
def _laid_out(chart: Chart) -> Figure:
    with matplotlib.rc_context(_rc()):
        return _draw(chart)


@lru_cache(maxsize=128)
def _figure_bytes(chart: Chart, fmt: str) -> bytes:
    """The chart as SVG or PNG, from the one laid-out figure (the PDF's SVG and Word's PNG share it)."""
    with matplotlib.rc_context(_rc()):
        buffer = io.BytesIO()
        _laid_out(chart).savefig(buffer, format=fmt, dpi=PNG_DPI, metadata={"Date": None} if fmt == "svg" else {})
        return buffer.getvalue()


def clear_cache() -> None:
    _laid_out.cache_clear()
    _figure_bytes.cache_clear()


_STYLE = re.compile(r'style="([^"]*)"')


def chart_svg(chart: Chart) -> str:
    """The chart as an ``<svg>`` element for an HTML page: XML prolog dropped, and every id prefixed with
    the chart's key, since several charts share one page and matplotlib numbers ids per figure."""
    svg = _figure_bytes(chart, "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]
    # Inline styles as SVG presentation attributes: every browser reads them, and WeasyPrint does not
    # warn about "unknown" CSS properties (text-anchor, fill) a hundred times per chart.
    svg = _STYLE.sub(lambda m: " ".join(f'{k.strip()}="{v.strip().strip(chr(39))}"' for k, v in
                                        (d.split(":", 1) for d in m.group(1).split(";") if ":" in d)), svg)
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{chart.key}-{m.group(1)}"', svg)
    return re.sub(r'(href="#|url\(#)([^")]+)',
                  lambda m: f"{m.group(1)}{chart.key}-{m.group(2)}" if m.group(2) in ids else m.group(0), svg)


def chart_png(chart: Chart) -> bytes:
    return _figure_bytes(chart, "png")


def fan_chart(result, title: str, fmt: str = "png") -> bytes:
    """A forecast with its history: the line, the point forecast and the prediction interval."""
    import io

    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.2), dpi=120)
    p = result.prediction
    ax.plot(result.history_years, result.history, color="#1F4E79", marker="o", markersize=3)
    years = [result.history_years[-1], *result.years]
    ax.fill_between(years, [result.history[-1], *p.lower], [result.history[-1], *p.upper], color="#9DC3E6", alpha=0.6,
                    label=f"{result.level}%")
    ax.plot(years, [result.history[-1], *p.mean], color="#C00000", linestyle="--",
            label=f"{result.method}, back-test MASE {result.mase[result.method]:.2f}")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg" if fmt == "svg" else "png", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
