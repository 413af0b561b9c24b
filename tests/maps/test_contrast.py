"""Alliance colours against each other and against every fill they are drawn on (WCAG 2.x contrast).

A site symbol must stand out from the ground it sits on: land, NATO's tint, CSTO's tint, and the
translucent areas of any alliance's regions, border strips, countries and uncertainty circles, stacked as
they overlap, on the dashboard and on the briefing map, each composited as drawn. Sites of the alliances
that share places in the catalog (CSTO and Russia–Belarus, e.g. the Losvido and Brestsky ranges)
must differ from each other.
"""

from __future__ import annotations

import itertools

import pytest

from geo.briefing.style import AREA_FILL_CAP, CSTO_ALPHA, CSTO_TINT, LAND, NATO_ALPHA
from geo.catalog.sites import located, sites_frame
from geo.core.symbology import (
    ALLIANCE_COLORS,
    ALLIANCE_MARKERS,
    AREA_FILL_OPACITY,
    AREA_FILL_STRENGTH,
    CSTO_FILL,
    CSTO_FILL_OPACITY,
    LAND_FILL,
    NATO_FILL,
    NATO_FILL_OPACITY,
    area_fill,
)

MIN_RATIO = 3.0


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB ``#rrggbb`` colour."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: str, alpha: float, ground: str) -> str:
    """``colour`` at opacity ``alpha`` composited over an opaque ``ground`` (sRGB, as browsers do)."""
    fg, bg = _rgb(colour), _rgb(ground)
    r, g, b = (alpha * f + (1 - alpha) * g for f, g in zip(fg, bg, strict=True))
    return _hex((r, g, b))


def pane_composite(fills: list[str], alpha: float, ground: str) -> str:
    """Opaque ``fills`` drawn in order in one pane of opacity ``alpha`` over ``ground``: the top fill shows."""
    return over(fills[-1], alpha, ground)


def _dashboard_fills() -> list[str]:
    """Every area fill the dashboard draws in its fill pane: each kind (and circle) of each alliance."""
    return [area_fill(colour, kind) for colour in ALLIANCE_COLORS.values() for kind in AREA_FILL_STRENGTH]


def _grounds() -> dict[str, str]:
    """Every opaque colour a site symbol can sit on, composited as each map draws it.

    On the dashboard, areas overlap freely (Belarus is a whole country, oblasts and border strips of
    several alliances at once, plus uncertainty circles): every stack of two fills of any kinds and
    alliances is composited as the fill pane draws it (opaque paths, one pane opacity).
    """
    bases = {
        "dashboard land": LAND_FILL,
        "dashboard NATO tint": over(NATO_FILL, NATO_FILL_OPACITY, LAND_FILL),
        "dashboard CSTO tint": over(CSTO_FILL, CSTO_FILL_OPACITY, LAND_FILL),
        "briefing land": LAND,
        "briefing NATO tint": over(NATO_FILL, NATO_ALPHA, LAND),
        "briefing CSTO tint": over(CSTO_TINT, CSTO_ALPHA, LAND),
    }
    grounds = dict(bases)
    fills = _dashboard_fills()
    for name, base in bases.items():
        if name.startswith("dashboard"):
            for i, (low, high) in enumerate(itertools.product(fills, repeat=2)):
                grounds[f"{name} + stacked fills {i} ({low} under {high})"] = pane_composite(
                    [low, high], AREA_FILL_OPACITY, base
                )
            continue
        for alliance, colour in ALLIANCE_COLORS.items():
            grounds[f"{name} + {alliance} area"] = over(colour, AREA_FILL_CAP, base)
    return grounds


GROUNDS = _grounds()


def test_contrast_ratio__known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0072B2", "#0072B2") == pytest.approx(1.0)


@pytest.mark.parametrize("alliance", list(ALLIANCE_COLORS))
def test_every_alliance_colour_stands_out_from_every_ground(alliance):
    ratios = {ground: contrast_ratio(ALLIANCE_COLORS[alliance], colour) for ground, colour in GROUNDS.items()}
    worst = min(ratios, key=ratios.__getitem__)
    assert ratios[worst] >= MIN_RATIO, f"{alliance} {ALLIANCE_COLORS[alliance]} on {worst}: {ratios[worst]:.2f}"


def test_translucent_fills_stacking_would_fail_the_csto_symbol():
    """Why the fill pane: Belarus as a country, an oblast and a border strip of two alliances, each
    translucent on its own, stack into a brown on which CSTO's symbol falls below 3:1."""
    ground = over(CSTO_FILL, CSTO_FILL_OPACITY, LAND_FILL)
    for colour in (ALLIANCE_COLORS["Russia-Belarus"], ALLIANCE_COLORS["CSTO"]):
        for kind in ("c", "r", "b", "u"):
            ground = over(colour, AREA_FILL_OPACITY * AREA_FILL_STRENGTH[kind], ground)
    assert contrast_ratio(ALLIANCE_COLORS["CSTO"], ground) < MIN_RATIO


def test_area_fill_mixes_towards_white():
    assert area_fill("#AD5700", "b") == "#ad5700"
    assert area_fill("#000000", "c") == "#aaaaaa"
    assert area_fill("#ffffff", "r") == "#ffffff"


def _sharing_pairs() -> set[tuple[str, str]]:
    """Alliances whose sites share a place in the catalog, plus CSTO and Russia–Belarus always."""
    sites = located(sites_frame())
    per_place = sites.groupby("gazetteer_id")["alliance"].agg(lambda values: tuple(sorted(set(values))))
    pairs = {pair for alliances in per_place for pair in itertools.combinations(alliances, 2)}
    return pairs | {("CSTO", "Russia-Belarus")}


@pytest.mark.parametrize("pair", sorted(_sharing_pairs()))
def test_alliances_that_share_places_differ_from_each_other(pair):
    a, b = pair
    ratio = contrast_ratio(ALLIANCE_COLORS[a], ALLIANCE_COLORS[b])
    assert ratio >= MIN_RATIO, f"{a} {ALLIANCE_COLORS[a]} vs {b} {ALLIANCE_COLORS[b]}: {ratio:.2f}"
    assert ALLIANCE_MARKERS[a] != ALLIANCE_MARKERS[b]


def test_every_alliance_has_its_own_colour_and_shape():
    assert len(set(ALLIANCE_COLORS.values())) == len(ALLIANCE_COLORS)
    assert len(set(ALLIANCE_MARKERS.values())) == len(ALLIANCE_MARKERS) and set(ALLIANCE_MARKERS) == set(
        ALLIANCE_COLORS
    )
