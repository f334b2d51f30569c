"""statement images

Revision ID: e2b8f4c6d013
Revises: d1a7e3b5c902
Create Date: 2026-11-29 15:30:00

Reserved in the chain so the features below can land in any order; it changes nothing until
its tables are written.
"""

# revision identifiers, used by Alembic.
revision = "e2b8f4c6d013"
down_revision = "d1a7e3b5c902"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
