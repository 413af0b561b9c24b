"""The geocoder: named places and spellings, regions, relational phrases, unknowns, and the CLI."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely

from geo.cli.main import main
from geo.core import settings
from geo.geocode.areas import compass_neighbours, shared_border
from geo.geocode.distance import geodesic_km
from geo.geocode.gazetteer import reading_text
from geo.geocode.geocoder import geocode
from geo.reference.layers import country_polygon
from tests.support.cli import run_cli


def _km(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """Planar distance in km between two EPSG:4326 geometries, measured in EPSG:3035."""
    s = gpd.GeoSeries([a, b], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS)
    return float(s.iloc[0].distance(s.iloc[1])) / 1000.0


@pytest.mark.parametrize(
    ("phrase", "site_id"),
    [
        ("Losvido", "by_tg_losvido"),
        ("the 'Losvido' gunfire range", "by_tg_losvido"),
        ("Лосвидо", "by_tg_losvido"),
        ("Lepelets", "by_tg_lepelsky"),
        ("Lepelsky", "by_tg_lepelsky"),
        ("Lepel range", "by_tg_lepelsky"),
        ("Лепельский полигон", "by_tg_lepelsky"),
        ("Obuz-Lesnovsky", "by_tg_obuz_lesnovsky"),
        ("Обуз-Лесновский полигон", "by_tg_obuz_lesnovsky"),
        ("Brestsky", "by_tg_brestsky"),
        ("the Brest range", "by_tg_brestsky"),
        ("Gozhsky training ground", "by_tg_gozhsky"),
        ("Machulishchy airfield", "by_af_machulishchy"),
        ("id:lt_base_rukla", "lt_base_rukla"),
    ],
)
def test_named_ranges_and_spellings(phrase: str, site_id: str) -> None:
    result = geocode(phrase)
    assert result.status == "resolved"
    assert result.gazetteer_id == site_id
    assert result.kind in ("training_ground", "airfield")
    assert result.geometry is not None and result.geometry.geom_type == "Point"
    assert result.precision_km is not None and result.precision_km > 0
    assert site_id in result.explanation


def test_town_proxy_ranges_say_so_and_keep_their_radius() -> None:
    result = geocode("Obuz-Lesnovsky")
    assert result.confidence == "low"
    assert result.precision == "area"  # a 10 km proxy radius must not pass for a precise point
    assert result.precision_km == pytest.approx(10.0)
    assert "proxy" in result.explanation


def test_derived_point_for_losvido_is_13_km_north_west_of_vitebsk() -> None:
    # training_grounds.csv cites Vitebsk centre (55.1833, 30.1667) as the proxy; the notes say 13 km NW.
    range_ = geocode("Losvido")
    assert range_.lat is not None and range_.lon is not None
    assert geodesic_km(30.1667, 55.1833, range_.lon, range_.lat) == pytest.approx(13.0, abs=0.05)
    assert range_.lat > 55.1833 and range_.lon < 30.1667
    assert "derived" in range_.explanation and range_.precision_km == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("phrase", "geonameid", "admin1"),
    [
        ("Vitebsk", "620127", "Vitebsk"),
        ("Viciebsk", "620127", "Vitebsk"),
        ("Віцебск", "620127", "Vitebsk"),
        ("Витебск", "620127", "Vitebsk"),
        ("Grodno", "627904", "Grodno"),
        ("Hrodna", "627904", "Grodno"),
        ("Gomel", "627907", "Gomel"),
        ("Homiel", "627907", "Gomel"),
        ("Homyel’", "627907", "Gomel"),
        ("Brest", "629634", "Brest"),
        ("Lepel", "625743", "Vitebsk"),
    ],
)
def test_towns_in_belarusian_russian_and_latin_spellings(phrase: str, geonameid: str, admin1: str) -> None:
    result = geocode(phrase)
    assert (result.status, result.kind) == ("resolved", "town")
    assert result.gazetteer_id == f"geonames:{geonameid}"
    assert result.country == "BLR"
    assert result.admin1 == admin1


def test_prepared_town_regions_are_the_admin1_polygons_answer() -> None:
    """``town_regions`` (prepared, read back as JSON) says what :func:`admin1_of` says of each town's point."""
    from shapely.geometry import Point

    from geo.geocode import gazetteer
    from geo.geocode.geocoder import _iso3_from_iso2, admin1_of, town_regions

    towns = gazetteer.towns()
    regions = town_regions()
    assert set(regions) == set(towns)
    sample = sorted(towns)[::40]  # every 40th of the ~3,600 places, inside and outside every region
    assert {regions[g] for g in sample} - {None}, "no town of the sample lies in a region"
    for geonameid in sample:
        town = towns[geonameid]
        assert regions[geonameid] == admin1_of(Point(town.lon, town.lat), _iso3_from_iso2(town.country)), geonameid


def test_a_border_town_is_never_put_in_the_neighbours_region() -> None:
    """Narva, on the Estonian bank, falls inside the coarse layer's Leningrad region: its own country's region wins."""
    from shapely.geometry import Point

    from geo.geocode.geocoder import admin1_of

    narva = geocode("Narva", country="EST")
    assert (narva.country, narva.admin1) == ("EST", "Ida-Viru")
    point = Point(28.19028, 59.37722)
    assert admin1_of(point) == "Leningrad"  # the polygons alone, without the country
    assert admin1_of(point, "EST") == "Ida-Viru"
    assert admin1_of(Point(27.5, 53.9), "EST") is None  # Minsk: no Estonian region within reach


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Vitebsk region", "BY-VI"),
        ("the Vitebsk region", "BY-VI"),
        ("the Brest region", "BY-BR"),
        ("Minsk oblast", "BY-MI"),
        ("Grodno Oblast", "BY-HR"),
        ("Hrodna region", "BY-HR"),
        ("Витебская область", "BY-VI"),
        ("Kaliningrad region", "RU-KGD"),
    ],
)
def test_regions(phrase: str, code: str) -> None:
    result = geocode(phrase)
    assert (result.status, result.kind, result.precision) == ("resolved", "region", "region")
    assert result.gazetteer_id == code
    assert result.geometry is not None and result.geometry.area > 0.1  # whole oblasts, not points


def test_minsk_region_is_the_oblast_and_minsk_is_the_city() -> None:
    assert geocode("Minsk region").gazetteer_id == "BY-MI"
    assert geocode("Minsk").kind == "town"


@pytest.mark.parametrize(
    "phrase",
    ["the southern border", "the border with Ukraine", "its border with Ukraine", "the southern border of Belarus"],
)
def test_southern_border_is_a_strip_along_ukraine_not_lithuania(phrase: str) -> None:
    result = geocode(phrase)
    assert (result.status, result.kind) == ("resolved", "border_zone")
    strip = result.geometry
    assert strip is not None
    ua_line = shared_border("BLR", ("UKR",))
    lt_line = shared_border("BLR", ("LTU",))
    assert _km(strip, ua_line) < 1.0  # it touches the Belarus–Ukraine line
    assert _km(strip, lt_line) > 150.0  # and lies nowhere near Lithuania
    # inside Belarus, and no deeper than the configured depth from the Ukrainian border
    assert country_polygon("BLR").iloc[0].buffer(1e-6).contains(strip)
    far = shapely.Point(27.0, 53.0)  # central Belarus
    assert not strip.contains(far)


def test_parts_bordering_poland_and_lithuania_follow_both_borders() -> None:
    result = geocode("parts of Belarus that border NATO members Poland and Lithuania")
    assert result.kind == "border_zone"
    strip = result.geometry
    assert strip is not None
    assert _km(strip, shared_border("BLR", ("POL",))) < 1.0
    assert _km(strip, shared_border("BLR", ("LTU",))) < 1.0
    for town in ("Minsk", "Vitebsk", "Gomel", "Mogilev"):
        assert not strip.intersects(geocode(town).geometry), town
    assert "LTU, POL" in result.explanation


def test_western_border_is_poland_and_lithuania() -> None:
    assert geocode("near Belarus’s western border").geometry == geocode("the western border").geometry
    assert "LTU, POL" in geocode("the western border").explanation


def test_strip_depth_is_the_documented_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    wide = geocode("the border with Ukraine").geometry
    monkeypatch.setenv("DRILLMAP_BORDER_STRIP_DEPTH_KM", "10")
    narrow = geocode("the border with Ukraine").geometry
    assert narrow is not None and wide is not None
    assert narrow.area < wide.area * 0.5


@pytest.mark.parametrize(
    ("direction", "neighbours"),
    [("west", ("LTU", "POL")), ("north", ("LVA",)), ("east", ("RUS",)), ("south", ("UKR",))],
)
def test_compass_sides_of_belarus_follow_the_shared_borders(direction: str, neighbours: tuple[str, ...]) -> None:
    assert compass_neighbours("BLR", [direction]) == neighbours


def test_compass_border_works_for_any_country() -> None:
    result = geocode("the eastern border", country="POL")
    assert result.kind == "border_zone" and result.country == "POL"
    assert "BLR, UKR" in result.explanation  # Lithuania lies north-east of Poland, Germany west


def test_country_names_with_compass_words_are_not_directions() -> None:
    assert geocode("North Macedonia", country="MKD").kind == "country"


@pytest.mark.parametrize(
    ("phrase", "country", "codes"),
    [
        ("Brest and Grodno regions", "BLR", "BY-BR, BY-HR"),
        ("Võru, Põlva, Valga counties", "EST", "EE-86, EE-65, EE-82"),
    ],
)
def test_lists_of_regions_are_unions(phrase: str, country: str, codes: str) -> None:
    result = geocode(phrase, country=country)
    assert result.kind == "region" and codes in result.explanation


def test_western_belarus_is_brest_and_grodno() -> None:
    result = geocode("western Belarus")
    assert result.kind == "region"
    assert result.admin1 == "Brest, Grodno"
    assert result.geometry is not None
    assert result.geometry.contains(geocode("Brest").geometry)
    assert result.geometry.contains(geocode("Grodno").geometry)
    assert not result.geometry.contains(geocode("Vitebsk").geometry)


def test_eastern_and_central_part_of_the_country() -> None:
    # Seed 003's four camps: the east and centre by position, not five whole oblasts (Vitebsk oblast
    # reaches Lithuania and Latvia); the area keeps Minsk and the eastern cities, not Brest or Grodno.
    result = geocode("four training camps in the eastern and central part of the country")
    assert result.geometry is not None
    for town in ("Mogilev", "Gomel", "Minsk"):
        assert result.geometry.contains(geocode(town).geometry), town
    for town in ("Brest", "Grodno", "Polotsk"):
        assert not result.geometry.intersects(geocode(town).geometry), town


def test_interior_of_the_country_keeps_away_from_every_border() -> None:
    result = geocode("the interior of the country")
    assert result.geometry is not None
    blr_outline = country_polygon("BLR").iloc[0].boundary
    assert _km(result.geometry, blr_outline) == pytest.approx(settings.SETTINGS["interior_min_depth_km"].default, abs=2)
    assert result.geometry.contains(geocode("Minsk").geometry)


@pytest.mark.parametrize(("phrase", "iso3"), [("Belarus", "BLR"), ("in Belarus", "BLR"), ("Poland", "POL")])
def test_countries(phrase: str, iso3: str) -> None:
    result = geocode(phrase)
    assert (result.kind, result.country, result.precision) == ("country", iso3, "country")


@pytest.mark.parametrize(
    "phrase",
    [
        "Atlantis",
        "Brest Fortress",
        "somewhere in the woods",
        "",
        "   ",
        "<script>alert(1)</script>",
        "x" * 500,
        "id:nope",
    ],
)
def test_unknown_phrases_stay_unresolved_with_the_phrase_kept(phrase: str) -> None:
    result = geocode(phrase)
    assert result.status == "unresolved"
    assert result.geometry is None and result.kind is None
    assert result.query == phrase
    assert result.explanation


def test_border_phrase_without_neighbour_or_side_is_unresolved() -> None:
    assert geocode("the border").status == "unresolved"


def test_cli_json_resolved(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "the southern border", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["status"] == "resolved" and payload["kind"] == "border_zone"
    assert payload["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert {"precision", "precision_km", "country", "admin1", "explanation"} <= payload.keys()


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    # In-process (the exit codes through `python -m geo` are checked in tests/cli/test_cli_export.py).
    assert run_cli(["geocode", "Losvido", "--json"], capsys)[0] == 0
    code, out, _ = run_cli(["geocode", "Atlantis", "--json"], capsys)
    assert code == 3
    assert json.loads(out)["status"] == "unresolved"
    code, _, err = run_cli(["geocode", "--bogus"], capsys)
    assert code == 2 and err.startswith("error: the following arguments are required: phrase")
    assert err.count("\n") == 1


@pytest.mark.parametrize("phrase", ["America", "the United States", "Britain"])
def test_countries_outside_the_reference_layer_are_unresolved_not_errors(phrase: str) -> None:
    # The short-name list is shared with the extractor; only countries the layer draws may resolve.
    assert geocode(phrase).status == "unresolved"


@pytest.mark.parametrize(
    ("reading", "shown"),
    [
        ("id:by_tg_lepelsky", "Lepelsky training ground"),
        ("id:BY-BR", "Brest"),
        ("id:POL", "Poland"),
        ("the Brest region", "the Brest region"),
        ("id:no_such_entry", "id:no_such_entry"),
    ],
)
def test_readings_by_id_are_shown_by_name(reading, shown):
    assert reading_text(reading) == shown


@pytest.mark.parametrize("phrase", ["Dęba training ground", "the Dęba range"])
def test_a_range_is_found_by_its_place_name_without_the_operator_that_runs_it(phrase: str) -> None:
    # "OSPWL Dęba" (the centre that runs the Nowa Dęba range) is indexed as "Dęba", as reports write it.
    result = geocode(phrase, country="POL")
    assert (result.status, result.gazetteer_id, result.admin1) == ("resolved", "pl_tg_nowa_deba", "Subcarpathian")


def test_an_unknown_range_name_after_an_operator_word_stays_unresolved() -> None:
    assert geocode("Qwzrt training ground", country="POL").status == "unresolved"
