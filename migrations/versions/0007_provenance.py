"""provenance: where each document was found, one row for every place.

A document is its bytes; the same bytes turn up in several places (a page in two web archives,
a file and a zip's member). Each place is a row: ``container`` (the file as the user named it:
a text file, a PDF, a zip, a WARC), ``origin`` (inside it, the WARC record's URL or the zip
member's name; "" for the file itself) and ``captured_at`` (when a web archive captured the
record). Rows of the documents stored before this revision are made from ``document.source``,
so that every document has at least one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("container", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name="fk_provenance_document_id_document", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_provenance"),
        sa.UniqueConstraint("document_id", "container", "origin", name="uq_provenance_document_id_container_origin"),
    )
    op.execute("INSERT INTO provenance (document_id, container, origin) SELECT id, source, '' FROM document")


def downgrade() -> None:
    op.drop_table("provenance")
