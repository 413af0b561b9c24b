"""Baseline page of ``bench/dashboard.py``: an empty folium map through ``st_folium``, set up offline as Drillmap's.

The same page configuration, the same vendored Leaflet & co. (:func:`geo.maps.offline.make_map`,
:func:`pages.common.compat.install_link_filter`) and the same ``st_folium`` call as the map page, with no
data and no layers: what any folium page costs in this Streamlit. ``bench/dashboard.py`` serves it from a
temporary folder next to a link to ``static/`` (Streamlit serves ``static/`` beside the main script), with
the repository root as the working directory, which this script puts on ``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# streamlit puts the script's folder on sys.path, not the working directory (the repository root).
sys.path.insert(0, str(Path.cwd()))

import streamlit as st
from streamlit_folium import st_folium

from geo.maps.offline import make_map
from pages.common.compat import install_link_filter

st.set_page_config(page_title="Empty map", layout="wide", initial_sidebar_state="expanded")
install_link_filter()
st.title("Empty folium map")
empty = make_map(location=[53.9, 27.6], zoom_start=6)
st_folium(empty, key="empty_map", height=660, use_container_width=True, returned_objects=[])
