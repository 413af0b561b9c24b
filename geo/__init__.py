"""Drillmap's pure core: reference geography, geocoder, catalog, maps and exports.

Nothing in this package imports Streamlit; ``app.py`` and ``pages/`` own the UI.
"""
