"""The report's charts as inline SVG (matplotlib, no script and no network at view time); each point is one table row,
plotted at the values the row holds (nothing summed or averaged)."""
from __future__ import annotations

import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from pipeline.nlp.resources import read_csv

FLOW_COLORS = {"export": "#1f77b4", "import": "#ff7f0e", "bilateral": "#2ca02c", "investment": "#9467bd",
               "aid": "#d62728"}
OTHER_COLOR = "#7f7f7f"
MAX_PAIRS = 12
DENSE = 400  # more points than this in one panel are drawn as an image inside the SVG, to keep the page light


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the sentence under it that says what it shows and what it leaves out."""

    svg: str
    caption: str


def _day(value: str) -> Optional[date]:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def _usd(value: str) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _days(days: list[date]):
    """Dates as one numpy datetime64 array (matplotlib converts it at once, not day by day)."""
    import numpy as np
    return np.array(days, dtype="datetime64[D]")


def _colors(flows: list[str]):
    """One RGBA row per point, from the flow's colour."""
    import numpy as np
    from matplotlib.colors import to_rgba
    table = {flow: to_rgba(FLOW_COLORS.get(flow, OTHER_COLOR)) for flow in set(flows)}
    return np.array([table[flow] for flow in flows]) if flows else np.zeros((0, 4))


def _segments(ax, starts, ends, ys, groups: list[str], colors: Optional[dict[str, str]] = None, **style) -> None:
    """Horizontal lines from start to end at y, one polyline per group (NaN between the pieces), so that tens of
    thousands of them draw as a few paths; zero-length ones are left to their dot."""
    import numpy as np
    from matplotlib.dates import date2num
    x0, x1, y = date2num(starts), date2num(ends), np.asarray(ys, dtype=float)
    groups_array = np.asarray(groups, dtype=object)
    for group in sorted(set(groups)):
        keep = (groups_array == group) & (x1 > x0)
        if not keep.any():
            continue
        n = int(keep.sum())
        xs = np.column_stack([x0[keep], x1[keep], np.full(n, np.nan)]).ravel()
        line_ys = np.column_stack([y[keep], y[keep], np.full(n, np.nan)]).ravel()
        color = (colors or FLOW_COLORS).get(group, OTHER_COLOR)
        ax.plot(xs, line_ys, color=color, solid_capstyle="butt", **style)
    ax.xaxis_date()


def _figure(width: float, height: float):
    from matplotlib.figure import Figure
    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def _svg(fig, salt: str) -> str:
    import matplotlib
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt, "font.size": 9,
                                "font.family": "sans-serif"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and doctype: the SVG goes inline
    return svg.replace("<svg ", '<svg class="chart" role="img" ', 1)


def _flow_legend(ax, flows: set[str]) -> None:
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker="o", linestyle="", color=FLOW_COLORS.get(f, OTHER_COLOR), label=f) for f in sorted(flows)]
    ax.legend(handles=handles, title="flow", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def trade_by_pair(records: list[dict]) -> Optional[Chart]:
    """value_usd over the period per country pair: a dot at period_end, a line back to period_start."""
    by_pair: dict[str, list[dict]] = defaultdict(list)
    unplotted = 0
    for r in records:
        if _usd(r.get("value_usd", "")) is None or _day(r.get("period_end", "")) is None:
            unplotted += 1
            continue
        by_pair["–".join(sorted((r.get("reporter", "") or "?", r.get("partner", "") or "?")))].append(r)
    if not by_pair:
        return None
    pairs = sorted(by_pair, key=lambda p: (-len(by_pair[p]), p))[:MAX_PAIRS]
    columns = min(3, len(pairs))
    rows = -(-len(pairs) // columns)
    fig = _figure(3.6 * columns + 1.2, 2.4 * rows + 0.3)
    axes = fig.subplots(rows, columns, squeeze=False)
    flows: set[str] = set()
    for ax, pair in zip(axes.flat, pairs):
        points = by_pair[pair]
        ends = _days([_day(r["period_end"]) for r in points])
        starts = _days([_day(r.get("period_start", "")) or _day(r["period_end"]) for r in points])
        values = [_usd(r["value_usd"]) for r in points]
        colors = _colors([r.get("flow", "") for r in points])
        flows.update(r.get("flow", "") for r in points)
        dense = len(points) > DENSE
        _segments(ax, starts, ends, values, [r.get("flow", "") for r in points], linewidth=1, alpha=0.6, rasterized=dense)
        ax.scatter(ends, values, c=colors, s=18, zorder=3, rasterized=dense)
        ax.set_yscale("log")
        ax.set_title(f"{pair} ({len(points):,} records)", fontsize=9)
        ax.tick_params(axis="x", labelrotation=30, labelsize=7)
        ax.grid(True, alpha=0.3)
    for ax in list(axes.flat)[len(pairs):]:
        ax.set_visible(False)
    axes.flat[0].set_ylabel("value_usd")
    _flow_legend(axes.flat[columns - 1], flows)
    left_out = len(by_pair) - len(pairs)
    caption = (f"Each dot is one trade record at its period_end and value_usd (log scale); the line goes back to its "
               f"period_start. {sum(len(v) for v in by_pair.values()):,} records in {len(by_pair):,} country pairs"
               + (f"; the {MAX_PAIRS} pairs with the most records are drawn, {left_out:,} others are in the table" if left_out else "")
               + (f"; {unplotted:,} records without value_usd or period are only in the table." if unplotted else "."))
    return Chart(_svg(fig, "trade_by_pair"), caption)


def hs_sections() -> tuple[dict[str, str], dict[str, str]]:
    """HS chapter (2 digits) -> section numeral, and section numeral -> its name (models/reference)."""
    chapters = {r["hscode"]: r["section"] for r in read_csv("reference/hs2022.csv", ("section", "hscode"))
                if len(r["hscode"]) == 2}
    names = {r["section"]: r["name"] for r in read_csv("reference/hs2022_sections.csv", ("section", "name"))}
    return chapters, names


def flows_by_commodity(records: list[dict]) -> Optional[Chart]:
    """value_usd of the records that name goods, one row per HS section (unclassified goods apart)."""
    chapters, names = hs_sections()
    rows: dict[str, list[dict]] = defaultdict(list)
    no_value = 0
    for r in records:
        if not (r.get("commodity") or r.get("hs_code")):
            continue
        if _usd(r.get("value_usd", "")) is None:
            no_value += 1
            continue
        section = chapters.get((r.get("hs_code") or "")[:2])
        label = f"{section} {names.get(section, '')[:38]}" if section else "goods not classified"
        rows[label].append(r)
    if not rows:
        return None
    order = sorted(rows, key=lambda label: (label == "goods not classified", _roman(label.split(" ")[0]), label))
    fig = _figure(9.0, 0.42 * len(order) + 1.3)
    ax = fig.subplots()
    flows: set[str] = set()
    for y, label in enumerate(order):
        points = rows[label]
        flows.update(r.get("flow", "") for r in points)
        ax.scatter([_usd(r["value_usd"]) for r in points], [y] * len(points), s=22, zorder=3,
                   c=_colors([r.get("flow", "") for r in points]), rasterized=len(points) > DENSE)
    ax.set_yticks(range(len(order)), [f"{label} ({len(rows[label]):,})" for label in order])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("value_usd")
    ax.grid(True, axis="x", alpha=0.3)
    _flow_legend(ax, flows)
    caption = (f"Each dot is one trade record that names goods, at its value_usd (log scale), in the HS 2022 section of "
               f"its hs_code (records per section in brackets)"
               + (f"; {no_value:,} such records without value_usd are only in the table." if no_value else "."))
    return Chart(_svg(fig, "flows_by_commodity"), caption)


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        if ch not in values:
            return 99
        total += -values[ch] if values.get(nxt, 0) > values[ch] else values[ch]
    return total


def events_timeline(events: list[dict]) -> Optional[Chart]:
    """Events on a timeline, one row per type: a dot at date_start, a line to date_end for longer events."""
    by_type: dict[str, list[tuple[date, date]]] = defaultdict(list)
    undated = Counter()
    for e in events:
        start = _day(e.get("date_start", ""))
        if start is None:
            undated[e.get("event_type", "")] += 1
            continue
        by_type[e.get("event_type", "") or "?"].append((start, _day(e.get("date_end", "")) or start))
    if not by_type:
        return None
    order = sorted(by_type)
    fig = _figure(9.0, 0.42 * len(order) + 1.3)
    ax = fig.subplots()
    palette = [FLOW_COLORS[f] for f in FLOW_COLORS] + ["#8c564b", "#e377c2", "#17becf", "#bcbd22", OTHER_COLOR]
    for y, kind in enumerate(order):
        spans = by_type[kind]
        color = palette[y % len(palette)]
        dense = len(spans) > DENSE
        starts, ends = _days([s for s, _ in spans]), _days([e for _, e in spans])
        _segments(ax, starts, ends, [y] * len(spans), [kind] * len(spans), {kind: color}, linewidth=3, rasterized=dense)
        ax.scatter(starts, [y] * len(spans), color=color, s=22, zorder=3, rasterized=dense)
    ax.set_yticks(range(len(order)), [f"{kind} ({len(by_type[kind]):,})" for kind in order])
    ax.invert_yaxis()
    ax.grid(True, axis="x", alpha=0.3)
    left = sum(undated.values())
    caption = ("Each dot is one diplomacy event at its date_start (a line to date_end when it lasts longer), one row per "
               "event_type (events in brackets)" + (f"; {left:,} events without a date are only in the table." if left else "."))
    return Chart(_svg(fig, "events_timeline"), caption)
