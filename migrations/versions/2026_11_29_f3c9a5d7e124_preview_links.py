"""preview links

Revision ID: f3c9a5d7e124
Revises: e2b8f4c6d013
Create Date: 2026-11-29 15:30:00

Reserved in the chain so the features below can land in any order; it changes nothing until
its tables are written.
"""

# revision identifiers, used by Alembic.
revision = "f3c9a5d7e124"
down_revision = "e2b8f4c6d013"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
