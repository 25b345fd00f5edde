"""Drawing a chart the same way every time: matplotlib's Agg renderer, fixed fonts and sizes,
and files without dates, so that the same values give the same bytes.

* No ``pyplot``: every chart is a ``Figure`` of its own with an Agg canvas, so nothing global
  is kept between charts and no display is needed.
* The settings that make output reproducible (``svg.hashsalt`` for the ids in an SVG, no
  ``Date`` or ``Creator`` in the metadata, the DejaVu Sans that matplotlib ships) are applied in
  an ``rc_context`` around each chart. matplotlib's settings are process-wide, so charts are
  drawn one at a time (``_LOCK``): the web app draws them from a thread pool.
* SVG keeps its text as text (``svg.fonttype = none``): a chart's names can be searched and
  read by a screen reader, and the file stays small. PNG is drawn at ``DPI`` on a figure of a
  fixed size in inches, so its size in pixels is fixed too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["DPI", "ImageFormat", "draw", "legend", "line", "notice", "palette"]

ImageFormat = Literal["svg", "png"]

#: Dots per inch of a PNG chart: a chart of 8 x 4 inches is 1200 x 600 pixels.
DPI = 150

_LOCK = threading.Lock()

_SETTINGS: dict[str, object] = {
    "svg.hashsalt": "ovaltime",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d5d9de",
    "grid.linewidth": 0.6,
    "legend.fontsize": 7.5,
    "legend.frameon": False,
    "lines.linewidth": 1.4,
    "lines.markersize": 3.5,
}

_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)
_DASHES = ("-", "--", ":", "-.")


def palette(index: int) -> tuple[str, str]:
    """Colour and line style of the ``index``-th line: ten colours, then dashed, dotted ..."""
    return _COLOURS[index % len(_COLOURS)], _DASHES[(index // len(_COLOURS)) % len(_DASHES)]


def line(axes: Axes, index: int, label: str, points: Sequence[tuple[float, float]]) -> None:
    """The ``index``-th line of a chart through ``points`` (x, y), marked at each point."""
    colour, dash = palette(index)
    axes.plot(
        [x for x, _ in points],
        [y for _, y in points],
        marker="o",
        color=colour,
        linestyle=dash,
        label=label,
    )


def legend(figure: Figure, entries: int) -> None:
    """The legend beside the plot, in as many columns as 24 names a column need."""
    figure.legend(loc="outside right upper", ncols=-(-entries // 24))


@contextmanager
def _settings() -> Iterator[None]:
    import matplotlib

    with _LOCK, matplotlib.rc_context(cast(Any, _SETTINGS)):
        yield


def draw(size: tuple[float, float], paint: Callable[[Figure], None], image: ImageFormat) -> bytes:
    """A figure of ``size`` inches painted by ``paint``, as SVG or PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if image not in ("svg", "png"):
        raise ValueError(f"unknown image format {image!r} (expected svg or png)")
    with _settings():
        figure = Figure(figsize=size, dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        paint(figure)
        buffer = BytesIO()
        if image == "svg":
            metadata: dict[str, str | None] = {"Date": None, "Creator": None}
        else:
            metadata = {"Software": None}
        figure.savefig(buffer, format=image, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def notice(
    text: str, *, size: tuple[float, float] = (8.0, 4.0), image: ImageFormat = "svg"
) -> bytes:
    """A chart with nothing to plot yet: ``text`` in the middle of an empty figure, so that a
    page showing the chart shows why there is none instead of a broken image."""

    def paint(figure: Figure) -> None:
        figure.text(0.5, 0.5, text, ha="center", va="center", color="#555555", fontsize=11)

    return draw(size, paint, image)
