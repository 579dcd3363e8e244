"""Charts drawn on the server as SVG: the geometry here, the markup in templates/dashboard/charts/.

No JavaScript and no style attributes: colours are SVG presentation attributes. Each chart has a
summary for `aria-label` and rows for the table that stands in for it (see dashboard.html).
Colours are GOV.UK's blue and red, both above 4.5:1 on white; the two lines also differ in dash
and marker shape, so they can be told apart in greyscale print. Coordinates are written here once,
to a tenth of a pixel (`_at`), not by a template filter for each.
"""

import math
from dataclasses import dataclass

BLUE = "#1d70b8"
RED = "#d4351c"

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
BAR_GAP = 10


def _at(coordinate: float) -> str:
    return f"{coordinate:.1f}"


def nice_ticks(top: int, count: int = 4) -> list[int]:
    """Round, evenly spaced axis ticks from 0 to at least `top`."""
    step = max(1, math.ceil(max(top, 1) / count))
    magnitude = 10 ** (len(str(step)) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= step)
    return list(range(0, step * math.ceil(max(top, 1) / step) + 1, step))


@dataclass(frozen=True)
class Tick:
    value: int
    position: str


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    value: int


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    dash: str
    marker: str  # "circle" or "square"
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class LineChart:
    title: str
    summary: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    y_ticks: list[Tick]
    x_labels: list[tuple[str, str]]
    series: list[Series]
    headers: list[str]
    rows: list[list]


def line_chart(title, labels, named_values, summary, first_header) -> LineChart:
    """A line per (name, values) over the `labels`; the first series blue, the second red."""
    left, right, top, bottom, height = 48, WIDTH - 16, 40, 240, 280
    ticks = nice_ticks(max((v for _, values in named_values for v in values), default=0))

    def y(value):
        return bottom - (bottom - top) * value / ticks[-1]

    step = (right - left) / max(len(labels) - 1, 1)
    xs = [left + i * step for i in range(len(labels))]
    styles = [(BLUE, "", "circle"), (RED, "6 4", "square")]
    series = [
        Series(
            name,
            colour,
            dash,
            marker,
            [Point(_at(x), _at(y(v)), v) for x, v in zip(xs, values, strict=True)],
        )
        for (name, values), (colour, dash, marker) in zip(named_values, styles, strict=False)
    ]
    return LineChart(
        title=title,
        summary=summary,
        width=WIDTH,
        height=height,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        y_ticks=[Tick(t, _at(y(t))) for t in ticks],
        x_labels=[(_at(x), label) for x, label in zip(xs, labels, strict=True)],
        series=series,
        headers=[first_header, *(name for name, _ in named_values)],
        rows=[
            [label, *values]
            for label, *values in zip(labels, *(v for _, v in named_values), strict=True)
        ],
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: str
    text_y: str  # the baseline of its label and value
    length: str


@dataclass(frozen=True)
class BarChart:
    title: str
    summary: str
    width: int
    height: int
    label_width: int
    bar_height: int
    colour: str
    bars: list[Bar]
    headers: list[str]

    @property
    def rows(self) -> list[list]:
        return [[bar.label, bar.value] for bar in self.bars]


def bar_chart(title, items, summary, headers, colour=BLUE) -> BarChart:
    """Horizontal bars for (label, value) pairs, in the order given."""
    longest = max((value for _, value in items), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 48  # space for the value written after the bar
    tops = [8 + i * (BAR_HEIGHT + BAR_GAP) for i in range(len(items))]
    bars = [
        Bar(label, value, _at(top), _at(top + BAR_HEIGHT * 0.7), _at(room * value / longest))
        for top, (label, value) in zip(tops, items, strict=True)
    ]
    return BarChart(
        title=title,
        summary=summary,
        width=WIDTH,
        height=16 + len(bars) * (BAR_HEIGHT + BAR_GAP),
        label_width=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        colour=colour,
        bars=bars,
        headers=headers,
    )
