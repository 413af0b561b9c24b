"""Alliance colours against each other and against every fill they are drawn on (WCAG 2.x contrast).

A site symbol must stand out from the ground it sits on: land, NATO's tint, CSTO's tint, and the
translucent areas of any alliance's regions and border strips (with an uncertainty circle on top), on the
dashboard and on the briefing map, each composited as drawn. Sites of the alliances that share places in
the catalog (CSTO and Russia–Belarus, e.g. the Losvido and Brestsky ranges) must differ from each other.
"""

from __future__ import annotations

import itertools

import pytest

from geo.briefing.style import AREA_FILL_CAP, CSTO_ALPHA, CSTO_TINT, LAND, NATO_ALPHA
from geo.catalog.sites import located, sites_frame
from geo.core.symbology import (
    ALLIANCE_COLORS,
    ALLIANCE_MARKERS,
    CSTO_FILL,
    CSTO_FILL_OPACITY,
    LAND_FILL,
    NATO_FILL,
    NATO_FILL_OPACITY,
)
from geo.maps.site_index import SiteIndex

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


def _grounds() -> dict[str, str]:
    """Every opaque colour a site symbol can sit on, composited as each map draws it."""
    area = max(style.get("fillOpacity", 0) for kind, style in SiteIndex.STYLES.items() if kind != "u")
    circle = SiteIndex.STYLES["u"]["fillOpacity"]
    bases = {
        "dashboard land": LAND_FILL,
        "dashboard NATO tint": over(NATO_FILL, NATO_FILL_OPACITY, LAND_FILL),
        "dashboard CSTO tint": over(CSTO_FILL, CSTO_FILL_OPACITY, LAND_FILL),
        "briefing land": LAND,
        "briefing NATO tint": over(NATO_FILL, NATO_ALPHA, LAND),
        "briefing CSTO tint": over(CSTO_TINT, CSTO_ALPHA, LAND),
    }
    grounds = dict(bases)
    for (name, base), (alliance, colour) in itertools.product(bases.items(), ALLIANCE_COLORS.items()):
        alpha = area if name.startswith("dashboard") else AREA_FILL_CAP
        grounds[f"{name} + {alliance} area"] = over(colour, alpha, base)
        grounds[f"{name} + {alliance} uncertainty circle"] = over(colour, circle, base)
    return grounds


GROUNDS = _grounds()


def test_contrast_ratio__known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0072B2", "#0072B2") == pytest.approx(1.0)


@pytest.mark.parametrize("alliance", list(ALLIANCE_COLORS))
@pytest.mark.parametrize("ground", list(GROUNDS))
def test_every_alliance_colour_stands_out_from_every_ground(alliance, ground):
    ratio = contrast_ratio(ALLIANCE_COLORS[alliance], GROUNDS[ground])
    assert ratio >= MIN_RATIO, f"{alliance} {ALLIANCE_COLORS[alliance]} on {ground} {GROUNDS[ground]}: {ratio:.2f}"


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
