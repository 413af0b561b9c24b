"""Drillmap's pure core, in layers that follow the flow report → extract → geocode → catalog → map/export.

``core`` (settings, dates, the as-of rule, symbology, the lon/lat swap) · ``reference`` · ``geocode`` ·
``catalog`` · ``store`` · ``query`` (known exercises, selection) · ``extract`` · ``maps`` / ``briefing`` /
``charts`` · ``export`` · ``cli``. Each imports only the layers before it (import-linter contracts in
``pyproject.toml``); nothing here imports Streamlit: ``app.py`` and ``pages/`` own the UI.
"""
