"""Folium maps of the catalog (the dashboard's and the exported HTML).

Importing the package installs the compiled-template cache (:mod:`geo.maps.template_cache`) before any
module of it imports folium, whose element classes compile their Jinja templates at import.
"""

from geo.maps.template_cache import install

install()
