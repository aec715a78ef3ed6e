"""Full-text indexes of published decisions (DESIGN.md decision 13, publicity.search).

SQLite: the FTS5 trigram and bigram tables that `publicity.search.fts` queries. PostgreSQL:
the `pg_trgm` extension and a partial GIN index over the public title and text of published
rows. The SQL is written out here, not imported: a migration must keep creating what it
created when it was written, whatever the app's code becomes later.
"""

from django.db import migrations

# `content="publicity_publication"` in double quotes: Datasette recognises the FTS table of a
# content table only when the statement is written this way.
SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS publicity_fts USING fts5("
    'public_title, public_text, content="publicity_publication", content_rowid="id", '
    'tokenize="trigram")',
    "CREATE VIRTUAL TABLE IF NOT EXISTS publicity_fts2 USING fts5("
    "grams, content='', tokenize='unicode61 remove_diacritics 0')",
)
SQLITE_DROP = ("DROP TABLE IF EXISTS publicity_fts", "DROP TABLE IF EXISTS publicity_fts2")

PG_CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS publicity_publication_trgm ON publicity_publication "
    "USING gin ((public_title || ' ' || public_text) gin_trgm_ops) WHERE status = 'published'",
)
PG_DROP = ("DROP INDEX IF EXISTS publicity_publication_trgm",)


def create(apps, schema_editor):
    statements = SQLITE_CREATE if schema_editor.connection.vendor == "sqlite" else PG_CREATE
    if schema_editor.connection.vendor not in ("sqlite", "postgresql"):
        return
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        statements = SQLITE_DROP
    elif schema_editor.connection.vendor == "postgresql":
        statements = PG_DROP
    else:
        return
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
