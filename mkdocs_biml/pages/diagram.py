"""Geometry of the generic ML system diagram drawn on a catalogue's overview page.

Pure layout, in SVG user units: where each component sits (its ``diagram``
grid cell), the shape it is drawn with (processes as ellipses, collections as
rectangles), and the path of every information-flow arrow. Turning this into
SVG markup is the job of the ``diagram.html.j2`` template, so a site can
restyle the drawing without touching the geometry.

Arrows are straight unless a straight line would cross another component; such
an arrow (BIML's long "outputs back to raw data" loop) bends around the
components in its way. Two flows between the same pair of components bend
apart so that neither hides the other.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator, Sequence
from typing import Literal

from ..catalog.model import Catalog, Component
from ..frozen import Frozen

Shape = Literal["ellipse", "rect"]

CELL_WIDTH = 180.0
CELL_HEIGHT = 120.0
RECT_WIDTH = 150.0
RECT_HEIGHT = 66.0
ELLIPSE_RX = 82.0
ELLIPSE_RY = 40.0
LINE_HEIGHT = 16.0
LABEL_WIDTH = 18  # characters per label line
MARGIN = 12.0
CLEARANCE = 6.0  # how far an arrow must keep from components it does not touch
BEND_OFFSETS = (70.0, -70.0, 110.0, -110.0, 160.0, -160.0, 220.0, -220.0)
PAIR_BEND = 28.0
SAMPLES = 32


class Point(Frozen):
    """A point of the drawing, in SVG user units."""

    x: float
    y: float

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other: Point) -> Point:
        return Point(self.x - other.x, self.y - other.y)

    def scaled(self, factor: float) -> Point:
        return Point(self.x * factor, self.y * factor)

    def length(self) -> float:
        return math.hypot(self.x, self.y)

    def svg(self) -> str:
        return f"{self.x:.1f},{self.y:.1f}"


class Node(Frozen):
    """A component drawn at ``center``; ``label_lines`` are centred on it."""

    component: Component
    center: Point
    shape: Shape
    width: float
    height: float
    label_lines: tuple[str, ...]
    risk_count: int

    @property
    def x(self) -> float:
        """Left edge of the bounding box."""
        return self.center.x - self.width / 2

    @property
    def y(self) -> float:
        """Top edge of the bounding box."""
        return self.center.y - self.height / 2

    @property
    def rx(self) -> float:
        return self.width / 2

    @property
    def ry(self) -> float:
        return self.height / 2

    def line_positions(self, last: str = "") -> list[tuple[str, float]]:
        """Each label line with the y of its baseline; the last line is ``last``, by
        default the risk count (a heat map gives its figures there)."""
        lines = [*self.label_lines, last or risk_count_text(self.risk_count)]
        first = self.center.y - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        return [(line, first + i * LINE_HEIGHT) for i, line in enumerate(lines)]

    def reaches_any(self, points: Samples, clearance: float = 0.0) -> bool:
        """Whether any of ``points`` lies within ``clearance`` of the shape."""
        cx, cy = self.center.x, self.center.y
        rx, ry = self.rx + clearance, self.ry + clearance
        if self.shape == "rect":
            return any(abs(x - cx) <= rx and abs(y - cy) <= ry for x, y in points)
        return any(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 for x, y in points)

    def boundary_toward(self, point: Point) -> Point:
        """Where the ray from the centre toward ``point`` leaves the shape."""
        direction = point - self.center
        if direction.length() == 0:
            return self.center
        dx, dy = direction.x, direction.y
        if self.shape == "rect":
            scale = min(
                self.rx / abs(dx) if dx else math.inf,
                self.ry / abs(dy) if dy else math.inf,
            )
        else:
            scale = 1 / math.sqrt((dx / self.rx) ** 2 + (dy / self.ry) ** 2)
        return self.center + direction.scaled(scale)


class Arrow(Frozen):
    """One information flow, as an SVG path from ``source`` to ``target``."""

    source: Component
    target: Component
    start: Point
    end: Point
    control: Point | None = None

    @property
    def path(self) -> str:
        if self.control is None:
            return f"M{self.start.svg()} L{self.end.svg()}"
        return f"M{self.start.svg()} Q{self.control.svg()} {self.end.svg()}"

    @property
    def curved(self) -> bool:
        return self.control is not None


class Diagram(Frozen):
    """The laid-out diagram of a catalogue: boxes, arrows and the drawing's extent."""

    catalog: Catalog
    nodes: tuple[Node, ...]
    arrows: tuple[Arrow, ...]
    #: The box linking to the system-wide risks, when the catalogue has them.
    system: Node | None
    min_x: float
    min_y: float
    width: float
    height: float

    @property
    def linked_nodes(self) -> tuple[Node, ...]:
        """Every box that links to a page: the components, then the system-wide risks."""
        return (*self.nodes, self.system) if self.system else self.nodes

    @property
    def view_box(self) -> str:
        return f"{self.min_x:.0f} {self.min_y:.0f} {self.width:.0f} {self.height:.0f}"


def risk_count_text(count: int) -> str:
    return f"{count} risk" if count == 1 else f"{count} risks"


def component_heading(component: Component) -> str:
    """``3. Datasets``: the number as in the published figure, when there is one."""
    return f"{component.number}. {component.name}" if component.number else component.name


def build_diagram(catalog: Catalog) -> Diagram:
    components = catalog.diagram_components
    cells = _grid_cells(components)
    nodes = tuple(_node(component, cells[component.label]) for component in components)
    by_label = {node.component.label: node for node in nodes}
    arrows = tuple(_arrows(catalog, by_label, nodes))
    system_component = next((c for c in catalog.components if c.is_system), None)
    arrow_points = [point for arrow in arrows for point in _arrow_points(arrow)]
    system = None
    if system_component is not None:
        cell = _free_cell(set(cells.values()), arrow_points)
        system = _node(system_component, cell, shape="rect")
    drawn = [*nodes, *([system] if system else [])]
    return _framed(catalog, nodes, arrows, system, _extent(drawn, arrow_points))


def _grid_cells(components: Sequence[Component]) -> dict[str, tuple[int, int]]:
    """Each component's (column, row); those without a cell go in a row below the grid."""
    cells: dict[str, tuple[int, int]] = {}
    unplaced = []
    for component in components:
        if component.diagram is None:
            unplaced.append(component)
        else:
            cells[component.label] = component.diagram
    next_row = max((row for _, row in cells.values()), default=-1) + 1
    for column, component in enumerate(unplaced):
        cells[component.label] = (column, next_row)
    return cells


def _cell_center(cell: tuple[int, int]) -> Point:
    column, row = cell
    return Point((column + 0.5) * CELL_WIDTH, (row + 0.5) * CELL_HEIGHT)


def _node(component: Component, cell: tuple[int, int], shape: Shape | None = None) -> Node:
    shape = shape or ("ellipse" if component.kind == "process" else "rect")
    lines = tuple(textwrap.wrap(component_heading(component), LABEL_WIDTH)) or ("",)
    height = RECT_HEIGHT if shape == "rect" else 2 * ELLIPSE_RY
    width = RECT_WIDTH if shape == "rect" else 2 * ELLIPSE_RX
    height = max(height, (len(lines) + 1) * LINE_HEIGHT + 16)
    return Node(component, _cell_center(cell), shape, width, height, lines, len(component.risks))


def _arrows(catalog: Catalog, nodes: dict[str, Node], all_nodes: Sequence[Node]) -> Iterator[Arrow]:
    pairs = {(f.source, f.target) for f in catalog.flows}
    for flow in catalog.flows:
        source, target = nodes.get(flow.source), nodes.get(flow.target)
        if source is None or target is None or source is target:
            continue  # the loader checks flows; a flow to the system group is not drawn
        obstacles = [n for n in all_nodes if n is not source and n is not target]
        control = _bend(source.center, target.center, obstacles)
        if control is None and (flow.target, flow.source) in pairs:
            control = _offset_midpoint(source.center, target.center, PAIR_BEND)
        toward_start = control or target.center
        toward_end = control or source.center
        start = source.boundary_toward(toward_start)
        end = target.boundary_toward(toward_end)
        yield Arrow(source.component, target.component, start, end, control)


def _bend(start: Point, end: Point, obstacles: Sequence[Node]) -> Point | None:
    """``None`` if the straight line is clear, else the control point of a clear curve."""
    if _clear(_line_points(start, end), obstacles):
        return None
    controls = [_offset_midpoint(start, end, offset) for offset in BEND_OFFSETS]
    for control in controls:
        if _clear(_curve_points(start, control, end), obstacles):
            return control
    return controls[-1]


def _offset_midpoint(start: Point, end: Point, offset: float) -> Point:
    """The midpoint of start-end moved ``offset`` units to the left of the direction."""
    direction = end - start
    length = direction.length() or 1.0
    normal = Point(direction.y / length, -direction.x / length)
    middle = Point((start.x + end.x) / 2, (start.y + end.y) / 2)
    return middle + normal.scaled(offset)


# An arrow is tested, placed and measured at SAMPLES + 1 points along it. They are
# plain (x, y) pairs, not Points: a diagram takes thousands of them.
Samples = list[tuple[float, float]]


def _line_points(start: Point, end: Point) -> Samples:
    x, y = start.x, start.y
    dx, dy = end.x - x, end.y - y
    return [(x + dx * (i / SAMPLES), y + dy * (i / SAMPLES)) for i in range(SAMPLES + 1)]


def _curve_points(start: Point, control: Point, end: Point) -> Samples:
    points = []
    for i in range(SAMPLES + 1):
        t = i / SAMPLES
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        points.append(
            (a * start.x + b * control.x + c * end.x, a * start.y + b * control.y + c * end.y)
        )
    return points


def _clear(points: Samples, obstacles: Sequence[Node]) -> bool:
    """Whether no point comes within CLEARANCE of an obstacle, tested only for the
    obstacles near the points' bounding box (most of a diagram's components are far
    from any one arrow)."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    for node in obstacles:
        # One unit beyond the clearance: a point this test skips is certainly outside.
        reach_x, reach_y = node.rx + CLEARANCE + 1, node.ry + CLEARANCE + 1
        cx, cy = node.center.x, node.center.y
        if high_x < cx - reach_x or low_x > cx + reach_x:
            continue
        if high_y < cy - reach_y or low_y > cy + reach_y:
            continue
        if node.reaches_any(points, CLEARANCE):
            return False
    return True


def _free_cell(taken: set[tuple[int, int]], points: Samples) -> tuple[int, int]:
    """First grid cell, row by row, that no component and no arrow (its ``points``) uses."""
    columns = max((column for column, _ in taken), default=0) + 1
    rows = max((row for _, row in taken), default=-1) + 1
    for row in range(rows):
        for column in range(columns):
            if (column, row) not in taken and not _in_box(_cell_center((column, row)), points):
                return (column, row)
    return (0, rows)


def _in_box(center: Point, points: Samples) -> bool:
    """Whether a point falls in the rectangle a component at ``center`` would take."""
    cx, cy = center.x, center.y
    half_width, half_height = RECT_WIDTH / 2 + CLEARANCE, RECT_HEIGHT / 2 + CLEARANCE
    return any(abs(x - cx) <= half_width and abs(y - cy) <= half_height for x, y in points)


def _arrow_points(arrow: Arrow) -> Samples:
    if arrow.control is None:
        return _line_points(arrow.start, arrow.end)
    return _curve_points(arrow.start, arrow.control, arrow.end)


def _extent(nodes: Sequence[Node], arrow_points: Samples) -> tuple[Point, Point]:
    points = list(arrow_points)
    for node in nodes:
        points += [(node.x, node.y), (node.x + node.width, node.y + node.height)]
    if not points:
        return Point(0, 0), Point(CELL_WIDTH, CELL_HEIGHT)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Point(min(xs), min(ys)), Point(max(xs), max(ys))


def _framed(
    catalog: Catalog,
    nodes: tuple[Node, ...],
    arrows: tuple[Arrow, ...],
    system: Node | None,
    extent: tuple[Point, Point],
) -> Diagram:
    low, high = extent
    return Diagram(
        catalog=catalog,
        nodes=nodes,
        arrows=arrows,
        system=system,
        min_x=math.floor(low.x - MARGIN),
        min_y=math.floor(low.y - MARGIN),
        width=math.ceil(high.x - low.x + 2 * MARGIN),
        height=math.ceil(high.y - low.y + 2 * MARGIN),
    )
