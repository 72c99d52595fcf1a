"""Monthly bar charts drawn on the server: geometry for an SVG the template writes out.

Pure arithmetic over (month, count) rows, so the page needs no JavaScript to show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH = 720
HEIGHT = 180
AXIS = 22  # room under the bars for year labels
TOP = 14  # room above the tallest bar for its count
MAX_MONTHS = 240  # twenty years; older months are left out, never drawn 1px wide
MIN_MONTHS = 12  # a short series still shows a year, so one month is not one huge bar


@dataclass(frozen=True)
class Bar:
    month: date
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")


@dataclass(frozen=True)
class Tick:
    x: float
    label: str

    @property
    def anchor(self) -> str:
        """Labels at the chart's edges hang inwards so they are never cut off."""
        if self.x < 30:
            return "start"
        return "end" if self.x > WIDTH - 30 else "middle"


@dataclass(frozen=True)
class Chart:
    noun: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    total: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - AXIS

    @property
    def tick_y(self) -> int:
        return self.height - 6

    @property
    def first(self) -> Bar | None:
        """The first month with something in it (the chart may start earlier)."""
        return next((bar for bar in self.bars if bar.count), None)

    @property
    def last(self) -> Bar | None:
        return next((bar for bar in reversed(self.bars) if bar.count), None)

    @property
    def summary(self) -> str:
        if not self.bars or not self.total:
            return f"No {self.noun}."
        counted = f"{self.total} {self.noun if self.total != 1 else _singular(self.noun)}"
        if self.first is self.last:
            return f"{counted}, in {self.last.label}."
        return (
            f"{counted} from {self.first.label} to {self.last.label}; "
            f"at most {self.peak} in a month."
        )


def _singular(noun: str) -> str:
    return noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")


def months_between(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_bars(rows: list[tuple[date, int]], noun: str) -> Chart:
    """A bar per month from the first month with data to the last, empty months included."""
    counts = {_month(day): count for day, count in rows if day}
    if not counts:
        return Chart(noun=noun, bars=(), ticks=(), peak=0, total=0)
    last = max(counts)
    first = min(min(counts), _months_before(last, MIN_MONTHS - 1))
    months = months_between(first, last)[-MAX_MONTHS:]
    peak = max(counts.get(month, 0) for month in months)
    slot = WIDTH / len(months)
    gap = min(slot * 0.2, 4)
    plot_height = HEIGHT - AXIS - TOP
    bars = []
    for index, month in enumerate(months):
        count = counts.get(month, 0)
        height = plot_height * count / peak if peak else 0
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(index * slot + gap / 2, 2),
                y=round(HEIGHT - AXIS - height, 2),
                width=round(slot - gap, 2),
                height=round(height, 2),
            )
        )
    return Chart(
        noun=noun,
        bars=tuple(bars),
        ticks=_ticks(months, slot),
        peak=peak,
        total=sum(counts.get(month, 0) for month in months),
    )


def _months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def _month(day: date) -> date:
    return date(day.year, day.month, 1)


def _ticks(months: list[date], slot: float) -> tuple[Tick, ...]:
    """Year labels where a year starts (or the first month), thinned to stay readable."""
    if len(months) <= 24:
        return tuple(
            Tick(x=round(i * slot + slot / 2, 2), label=m.strftime("%b %Y"))
            for i, m in enumerate(months)
            if i in (0, len(months) - 1) or (i % 6 == 0 and len(months) - i > 3)
        )
    years = [(i, m) for i, m in enumerate(months) if i == 0 or m.month == 1]
    step = max(1, len(years) // 8)
    return tuple(Tick(x=round(i * slot + slot / 2, 2), label=str(m.year)) for i, m in years[::step])
