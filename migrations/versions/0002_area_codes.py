"""Division codes of resolved areas: report.region_code, district_count.city_code and district_code.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report") as batch:
        batch.add_column(sa.Column("region_code", sa.Text(), nullable=True))
    with op.batch_alter_table("district_count") as batch:
        batch.add_column(sa.Column("city_code", sa.Text(), nullable=True))
        batch.add_column(sa.Column("district_code", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("district_count") as batch:
        batch.drop_column("district_code")
        batch.drop_column("city_code")
    with op.batch_alter_table("report") as batch:
        batch.drop_column("region_code")
