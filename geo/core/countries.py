"""Country names: the short names people write and read, and ISO 3166-1 alpha-3 codes.

One home for both directions: :data:`INFORMAL_NAMES` (what reports write → ISO3) is read by the
geocoder and the extractor; :func:`country_name` (ISO3 → what a reader expects) by every face.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import pycountry

#: Short or informal country names used in reporting (pycountry has the official ones).
INFORMAL_NAMES: Final[dict[str, str]] = {
    "Russia": "RUS", "Belarus": "BLR", "Byelorussia": "BLR", "Belorussia": "BLR", "Moldova": "MDA",
    "Iran": "IRN", "Syria": "SYR", "Laos": "LAO", "Vietnam": "VNM", "South Korea": "KOR", "North Korea": "PRK",
    "the United States": "USA", "United States": "USA", "the US": "USA", "the U.S.": "USA", "America": "USA",
    "USA": "USA", "the USA": "USA", "the U.S.A.": "USA",
    "the United Kingdom": "GBR", "United Kingdom": "GBR", "Britain": "GBR", "Great Britain": "GBR", "the UK": "GBR",
    "the U.K.": "GBR", "UK": "GBR", "U.K.": "GBR", "U.S.": "USA",
    "Czech Republic": "CZE", "Czechia": "CZE", "Turkey": "TUR", "Turkiye": "TUR",
    "Kyrgyzstan": "KGZ", "Kirghizia": "KGZ", "Tajikistan": "TJK", "Kazakhstan": "KAZ", "Uzbekistan": "UZB",
    "Turkmenistan": "TKM", "Venezuela": "VEN", "Bolivia": "BOL", "Tanzania": "TZA", "Taiwan": "TWN",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Kosovo": "XKX", "the Netherlands": "NLD", "Holland": "NLD",
    "Беларусь": "BLR", "Белоруссия": "BLR",
}  # fmt: skip

#: Adjectives of nationality ("Kazakh soldiers", "Belarusian territory"). One home for the extractor
#: (participants) and the geocoder ("Belarusian territory" is Belarus); no installed library carries them.
DEMONYMS: Final[dict[str, str]] = {
    "Russian": "RUS", "Belarusian": "BLR", "Belarussian": "BLR", "Byelorussian": "BLR", "Belorussian": "BLR",
    "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kyrgyz": "KGZ", "Kirghiz": "KGZ", "Kyrgyzstani": "KGZ",
    "Tajik": "TJK", "Tajikistani": "TJK", "Armenian": "ARM", "Uzbek": "UZB", "Turkmen": "TKM",
    "Azerbaijani": "AZE", "Georgian": "GEO", "Moldovan": "MDA", "Ukrainian": "UKR", "Polish": "POL",
    "Lithuanian": "LTU", "Latvian": "LVA", "Estonian": "EST", "Finnish": "FIN", "Swedish": "SWE",
    "Norwegian": "NOR", "Danish": "DNK", "German": "DEU", "French": "FRA", "British": "GBR", "American": "USA",
    "U.S.": "USA", "US": "USA", "Canadian": "CAN", "Dutch": "NLD", "Belgian": "BEL", "Luxembourgish": "LUX",
    "Czech": "CZE", "Slovak": "SVK", "Hungarian": "HUN", "Romanian": "ROU", "Bulgarian": "BGR",
    "Slovenian": "SVN", "Croatian": "HRV", "Serbian": "SRB", "Montenegrin": "MNE", "Albanian": "ALB",
    "Macedonian": "MKD", "Greek": "GRC", "Turkish": "TUR", "Italian": "ITA", "Spanish": "ESP",
    "Portuguese": "PRT", "Icelandic": "ISL", "Chinese": "CHN", "Iranian": "IRN", "Saudi": "SAU",
    "Mongolian": "MNG", "Indian": "IND", "Pakistani": "PAK", "Vietnamese": "VNM", "Laotian": "LAO",
    "Egyptian": "EGY", "Syrian": "SYR", "Cuban": "CUB", "Venezuelan": "VEN", "Nicaraguan": "NIC",
    "Israeli": "ISR", "Japanese": "JPN", "Korean": "KOR", "Afghan": "AFG", "Irish": "IRL", "Austrian": "AUT",
    "Swiss": "CHE",
}  # fmt: skip

#: Display names where pycountry's common name is the official long form ("Russian Federation").
_DISPLAY_NAMES: Final[dict[str, str]] = {
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
}


@cache
def country_name(iso3: str) -> str:
    """Return the short English name of an ISO 3166-1 alpha-3 code, or the code itself if unknown.

    Parameters
    ----------
    iso3
        For example ``"RUS"``.

    Returns
    -------
    str
        For example ``"Russia"`` (plain text).
    """
    if iso3 in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return str(getattr(country, "common_name", None) or country.name)


def country_label(iso3: str) -> str:
    """Return ``"Belarus (BLR)"``: the label of a country in every picker."""
    return f"{country_name(iso3)} ({iso3})"


@cache
def all_iso3() -> tuple[str, ...]:
    """Return every ISO 3166-1 alpha-3 code, sorted (the participant pickers' options)."""
    return tuple(sorted(str(c.alpha_3) for c in pycountry.countries))


def is_iso3(code: str) -> bool:
    """Return True when ``code`` is an ISO 3166-1 alpha-3 country code."""
    return pycountry.countries.get(alpha_3=code) is not None
