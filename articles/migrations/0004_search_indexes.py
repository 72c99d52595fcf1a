"""PostgreSQL-only search schema: pg_trgm, GIN indexes for full-text and name search.

The article index is on exactly the expression `ArticleQuerySet.search()` builds
(`ARTICLE_SEARCH_VECTOR` in models.py), so the planner can use it. On SQLite this
migration does nothing: search there falls back to a plain match.
"""

from django.db import migrations

from ._postgresql import run_on_postgresql

ARTICLE_VECTOR = (
    "((setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(lede, '')), 'B'))"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'C'))"
)
QUOTE_VECTOR = "to_tsvector('english'::regconfig, COALESCE(text, ''))"

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS articles_article_search_gin ON articles_article USING gin ({ARTICLE_VECTOR})",
    f"CREATE INDEX IF NOT EXISTS articles_quote_search_gin ON articles_quote USING gin ({QUOTE_VECTOR})",
    "CREATE INDEX IF NOT EXISTS articles_speaker_name_trgm ON articles_speaker USING gin (name gin_trgm_ops)",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS articles_speaker_name_trgm",
    "DROP INDEX IF EXISTS articles_quote_search_gin",
    "DROP INDEX IF EXISTS articles_article_search_gin",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_article_fingerprint")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
