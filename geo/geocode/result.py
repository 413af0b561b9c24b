"""The geocoder's answer: :class:`GeocodeResult`, and the two ways every rule builds one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from shapely.geometry.base import BaseGeometry

Status = Literal["resolved", "unresolved"]
Kind = Literal["training_ground", "airfield", "town", "region", "border_zone", "country"]
Precision = Literal["point", "area", "border_zone", "region", "country", "unresolved"]


@dataclass(frozen=True)
class GeocodeResult:
    """What the geocoder made of a place phrase.

    Attributes
    ----------
    query
        The phrase as written.
    status
        ``resolved`` or ``unresolved`` (the phrase is kept, nothing is guessed).
    kind
        ``training_ground``, ``airfield``, ``town``, ``region``, ``border_zone`` or ``country``.
    geometry
        Shapely geometry in EPSG:4326 (lon, lat): a Point for ranges, airfields and towns, a (Multi)Polygon
        for regions, border strips and countries. ``None`` when unresolved.
    precision_km
        Radius (km) within which the true location lies, for points; ``None`` for areas.
    precision
        ``point`` (a place known to a few km) or ``area`` (a proxy point with a wide radius), or for
        polygons ``region``, ``border_zone``, ``country``; ``unresolved``.
    country
        ISO 3166-1 alpha-3 code of the country holding the place.
    admin1
        Name of the first-level region (oblast) holding the place, when known.
    explanation
        One line saying how the result was derived (gazetteer row, rule and parameters).
    confidence
        ``high``, ``medium`` or ``low`` (training grounds keep the gazetteer's confidence).
    gazetteer_id
        Id of the gazetteer row used (``by_tg_losvido``, ``geonames:620127``, ``BY-VI`` …).
    border_line
        For a border strip, the land border it stands for (EPSG:4326 lines); ``None`` otherwise.
    """

    query: str
    status: Status
    kind: Kind | None = None
    geometry: BaseGeometry | None = None
    precision_km: float | None = None
    precision: Precision = "unresolved"
    country: str | None = None
    admin1: str | None = None
    explanation: str = ""
    confidence: str | None = None
    gazetteer_id: str | None = None
    sources: tuple[str, ...] = field(default=())
    border_line: BaseGeometry | None = None

    @property
    def lat(self) -> float | None:
        """Latitude of a representative point (inside the geometry), or None."""
        return None if self.geometry is None else float(self.geometry.representative_point().y)

    @property
    def lon(self) -> float | None:
        """Longitude of a representative point (inside the geometry), or None."""
        return None if self.geometry is None else float(self.geometry.representative_point().x)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; the geometry as a GeoJSON mapping (lon, lat order)."""
        from shapely.geometry import mapping

        return {
            "query": self.query,
            "status": self.status,
            "kind": self.kind,
            "precision": self.precision,
            "precision_km": self.precision_km,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "confidence": self.confidence,
            "gazetteer_id": self.gazetteer_id,
            "explanation": self.explanation,
            "sources": list(self.sources),
            "geometry": None if self.geometry is None else mapping(self.geometry),
        }


def unresolved(phrase: str, why: str) -> GeocodeResult:
    """Return an unresolved result that keeps the phrase and says why nothing was found."""
    return GeocodeResult(query=phrase, status="unresolved", explanation=why)


def area_result(
    phrase: str,
    kind: Kind,
    geom: BaseGeometry,
    country: str | None,
    explanation: str,
    *,
    confidence: str | None = None,
    **kw: Any,
) -> GeocodeResult:
    """Return a resolved area (region, border strip or country); an empty geometry is unresolved.

    ``confidence`` defaults to ``medium`` for regions and border strips (a rule's polygon) and ``high``
    for countries.
    """
    if geom.is_empty:
        return unresolved(phrase, f"the rule gave an empty area: {explanation}")
    precision: Precision = "border_zone" if kind == "border_zone" else ("country" if kind == "country" else "region")
    return GeocodeResult(
        query=phrase,
        status="resolved",
        kind=kind,
        geometry=geom,
        precision=precision,
        country=country,
        explanation=explanation,
        confidence=confidence or ("medium" if kind in ("border_zone", "region") else "high"),
        **kw,
    )
