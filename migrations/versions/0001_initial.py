"""The schema of DESIGN.md's contract: document, report, district_count, channel_count, notice.

Revision ID: 0001
Revises:
Create Date: 2026-11-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("year_hint", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parser_version", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
        sa.UniqueConstraint("sha256", name="uq_document_sha256"),
    )
    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("region_level", sa.Text(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("window_start_hour", sa.Integer(), nullable=False),
        sa.Column("window_end_hour", sa.Integer(), nullable=False),
        sa.Column("local_confirmed", sa.Integer(), nullable=True),
        sa.Column("local_asymptomatic", sa.Integer(), nullable=True),
        sa.Column("local_positive", sa.Integer(), nullable=True),
        sa.Column("initial_positive", sa.Integer(), nullable=True),
        sa.Column("imported_confirmed", sa.Integer(), nullable=True),
        sa.Column("imported_asymptomatic", sa.Integer(), nullable=True),
        sa.Column("converted", sa.Integer(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("consistent", sa.Boolean(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name="fk_report_document_id_document",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_report"),
        sa.UniqueConstraint("document_id", "seq", name="uq_report_document_id_seq"),
    )
    op.create_index("ix_report_region_report_date", "report", ["region", "report_date"])
    op.create_table(
        "district_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("case_type", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name="fk_district_count_report_id_report",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_district_count"),
        sa.UniqueConstraint(
            "report_id",
            "case_type",
            "city",
            "district",
            name="uq_district_count_report_id_case_type_city_district",
        ),
    )
    op.create_index("ix_district_count_district", "district_count", ["district"])
    op.create_table(
        "channel_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("case_type", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name="fk_channel_count_report_id_report",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_channel_count"),
        sa.UniqueConstraint(
            "report_id", "case_type", "label", name="uq_channel_count_report_id_case_type_label"
        ),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name="fk_notice_report_id_report",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notice"),
        sa.UniqueConstraint("report_id", "ordinal", name="uq_notice_report_id_ordinal"),
    )


def downgrade() -> None:
    op.drop_table("notice")
    op.drop_table("channel_count")
    op.drop_index("ix_district_count_district", table_name="district_count")
    op.drop_table("district_count")
    op.drop_index("ix_report_region_report_date", table_name="report")
    op.drop_table("report")
    op.drop_table("document")
