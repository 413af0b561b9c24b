"""Drillmap's Streamlit pages (run by ``app.py`` through ``st.navigation``) and their shared glue."""
