"""Index audit records by time (the hand-written migration 2, unchanged)."""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``ix_audit_at``."""
    op.create_index("ix_audit_at", "audit", ["at"])


def downgrade() -> None:
    """Drop ``ix_audit_at``."""
    op.drop_index("ix_audit_at", table_name="audit")
