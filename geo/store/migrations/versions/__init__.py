"""Alembic revisions of the store's schema (loaded by :mod:`geo.store.migrations`)."""
