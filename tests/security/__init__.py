"""Adversarial tests, run by ``make test`` (whole folder well under 90 s on a loaded 2-core machine).

Here: every injection payload through every sink (``test_sinks``), URL-parameter fuzz of the dashboard
(``test_url_fuzz``), upload fuzz of the ingest path (``test_upload_fuzz``), several processes saving at once
and a process killed in a save loop (``test_store_crash``), the reverse proxy blocking Streamlit's public
metrics route (``test_deployment``), and the per-article time budget.

The same rules are also tested, one case each with more context, where their code is tested:

* CSV formulas from the export panel and the CLI: ``tests/export/test_exports.py``
  (``test_csv_text_cells_cannot_start_a_formula``), ``tests/cli/test_cli_known.py``;
* KML with control characters: ``tests/export/test_exports.py``
  (``test_kml_stays_well_formed_with_control_characters``);
* the folium page (script JSON, template syntax): ``tests/maps/test_maps.py`` (``test_all_text_is_escaped``);
* YAML export with line breaks in a reviewer name: ``tests/store/test_store.py``;
* URL notices rendered by the real app: ``tests/pages/test_pages.py``; article text on the Review page:
  ``tests/pages/test_review_page.py``;
* the encoders themselves: ``tests/core/test_text.py``;
* two processes saving one id, or updating one exercise, at once (SQLite and PostgreSQL), and a process
  killed between writing and committing one save: ``tests/store/test_store.py``;
* linear time on hostile texts: ``tests/extract/test_linear_time.py``; the extractor on random splices of
  real reports: ``tests/extract/test_extract_fuzz.py``.
"""
