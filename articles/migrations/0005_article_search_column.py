"""PostgreSQL only: keep each story's weighted search vector in a stored column.

Ranking computes the vector of every matching story; recomputing it from the text
on each search costs about a millisecond a story, so a common word over a large
archive took seconds. A generated column is computed once, when a story is written,
and indexed (GIN) in place of the expression index of 0004. The column is not a
model field: Django never writes it, and `ArticleQuerySet.search()` reads it only on
PostgreSQL. SQLite gets nothing here and keeps its plain match.
"""

from django.db import migrations

from ._postgresql import run_on_postgresql

VECTOR = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(lede, '')), 'B')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'C')"
)

FORWARDS = [
    f"ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_vector tsvector"
    f" GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX IF NOT EXISTS articles_article_search_vector_gin"
    " ON articles_article USING gin (search_vector)",
    "DROP INDEX IF EXISTS articles_article_search_gin",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS articles_article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    f"CREATE INDEX IF NOT EXISTS articles_article_search_gin ON articles_article"
    f" USING gin (({VECTOR}))",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_search_indexes")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
