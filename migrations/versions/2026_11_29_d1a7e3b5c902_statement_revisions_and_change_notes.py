"""statement revisions and change notes

Revision ID: d1a7e3b5c902
Revises: c4d2e8a1f3b6
Create Date: 2026-11-29 15:30:00

Reserved in the chain so the features below can land in any order; it changes nothing until
its tables are written.
"""

# revision identifiers, used by Alembic.
revision = "d1a7e3b5c902"
down_revision = "c4d2e8a1f3b6"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
