"""Line charts drawn on the server as SVG: no JavaScript, readable by a screen reader.

Each chart has role="img", a <title> and a <desc> that says in words what the lines show; the
page prints the same figures in a table beside it. The PDF report embeds the same SVG. A council's
own figures are a line of their own, "local, not published" in the legend and the description.
"""

from decimal import Decimal
from xml.sax.saxutils import escape

from indicators.compare import LOCAL, show
from indicators.models import Unit

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 72
SERIES = (
    # name, colour, dash pattern, how to read the value from a Period
    ("own", "#1d70b8", "", lambda p: p.own.value if p.own else None),
    ("England", "#505a5f", "8 4", lambda p: p.england.value if p.england else None),
    ("Region", "#00703c", "2 4", lambda p: p.region.value if p.region else None),
    ("Statistical neighbours' average", "#912b88", "12 4 2 4", lambda p: p.neighbour_average),
    ("local", "#d53880", "3 3", lambda p: p.local.value if p.local else None),
)
LEGEND_ROW = 18
# An x-axis label's width per character at font-size 12 (generous), and the space between two.
CHARACTER, LABEL_GAP = 7, 12


def line_chart(comparison, authority_name, chart_id, region_name="Region"):
    """The SVG of an indicator's periods: the authority, England, region, neighbours' average."""
    indicator, periods = comparison.indicator, comparison.periods
    names = {"own": authority_name, "Region": region_name, "local": f"{authority_name}: {LOCAL}"}
    series = [
        (names.get(name, name), colour, dash, [read(p) for p in periods])
        for name, colour, dash, read in SERIES
    ]
    series = [s for s in series if any(v is not None for v in s[3])]
    top = _scale_top([v for *_, values in series for v in values if v is not None], indicator.unit)
    title = f"{indicator.name}: {authority_name}"
    height = HEIGHT + LEGEND_ROW * max(0, (len(series) + 1) // 2 - 2)  # room for the legend
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="indicator-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(comparison, authority_name, region_name))}</desc>',
        *_axes(periods, top, indicator.unit),
    ]
    for _name, colour, dash, values in series:
        parts.extend(_line(values, len(periods), top, colour, dash))
    parts.extend(_legend(series))
    parts.append("</svg>")
    return "\n".join(parts)


def describe(comparison, authority_name, region_name="region"):
    """What the chart shows, in words, for those who cannot see it."""
    periods, unit = comparison.periods, comparison.indicator.unit
    if not periods:
        return f"No values yet for {authority_name}."
    latest = comparison.latest
    text = f"{len(periods)} periods, {periods[0].period} to {periods[-1].period}."
    if latest:
        text += f" {authority_name} {show(latest.figure, unit)} in {latest.said()}"
        if latest.england:
            text += f", England {show(latest.england, unit)}"
        if latest.region:
            text += f", {region_name} {show(latest.region, unit)}"
        if latest.neighbour_average is not None:
            text += f", statistical neighbours' average {show(latest.neighbour_average, unit)}"
        text += f". {comparison.trend.words}"
    local = [p for p in periods if p.local]
    if local:
        text += (
            f" {authority_name}'s own figures ({LOCAL}), a line of their own: "
            f"{show(local[-1].local, unit)} in {local[-1].period}."
        )
    return text


def _scale_top(values, unit):
    if not values:
        return Decimal(1)
    top = max(values) * Decimal("1.1") or Decimal(1)
    return min(top, Decimal(100)) if unit == Unit.PERCENT and max(values) <= 100 else top


def _x(index, count):
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value, top):
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - float(value) / float(top))


def _axes(periods, top, unit):
    base = HEIGHT - BOTTOM
    parts = [f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#0b0c0c"/>']
    for step in range(5):
        value = top * step / 4
        y = _y(value, top)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            'stroke="#b1b4b6" stroke-width="0.5"/>'
        )
        label = show(value.quantize(Decimal("0.1") if top < 10 else Decimal(1)), unit)
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{escape(label.replace(" per 10,000", ""))}</text>'
        )
    for index in _labelled(periods):
        # The last label ends at its point, so a long one (Year to 30 June 2025) is not cut.
        anchor = "end" if index == len(periods) - 1 and index else "middle"
        parts.append(
            f'<text x="{_x(index, len(periods)):.1f}" y="{base + 18}" font-size="12" '
            f'text-anchor="{anchor}" fill="#0b0c0c">{escape(periods[index].period)}</text>'
        )
    return parts


def _labelled(periods):
    """Which periods get a label on the x axis: evenly spaced so no two touch, and always the
    last, whose label ends at its point (so the one before it must end well before)."""
    count = len(periods)
    if count < 2:
        return list(range(count))
    spacing = (WIDTH - LEFT - RIGHT) / (count - 1)
    widest = max(len(p.period) for p in periods) * CHARACTER + LABEL_GAP
    every = max(1, -(-widest // spacing))
    last = count - 1
    # The last label spans its whole width to the left of its point.
    shown = [i for i in range(0, last, int(every)) if (last - i) * spacing >= widest * 1.5]
    return [*shown, last]


def _line(values, count, top, colour, dash):
    points = [(_x(i, count), _y(v, top)) for i, v in enumerate(values) if v is not None]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    parts = [
        f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dashed}/>'
    ]
    parts.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>' for x, y in points)
    return parts


def _legend(series):
    parts = []
    for index, (name, colour, dash, _) in enumerate(series):
        x = LEFT + (index % 2) * 280
        y = HEIGHT - 34 + (index // 2) * LEGEND_ROW
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 28}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2.5"{dashed}/>'
        )
        parts.append(
            f'<text x="{x + 34}" y="{y}" font-size="12" fill="#0b0c0c">{escape(name)}</text>'
        )
    return parts
