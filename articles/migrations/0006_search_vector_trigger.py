"""PostgreSQL only: a trigger keeps each story's search vector, and a bulk import may
leave it to be filled afterwards.

The generated column of 0005 computed the vector inside every INSERT, about a third of
a millisecond for a story, which a large import pays story by story. Now a plain column
is filled by a trigger whenever a story's headline, lede or body is written, unless the
writing session has set `unnews.search_later` on: then the trigger leaves it NULL and
the importer fills those rows in batches from a second connection while it goes on
(`articles.search.search_vectors_later`). Every other writer (the admin, the shell,
tests) gets the vector at once, as before. The partial index finds the rows to fill.
"""

from django.db import migrations

from ._postgresql import run_on_postgresql

VECTOR = (
    "setweight(to_tsvector('english'::regconfig, COALESCE({row}title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE({row}lede, '')), 'B')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE({row}body, '')), 'C')"
)

FORWARDS = [
    "DROP INDEX IF EXISTS articles_article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector",
    f"""CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
    BEGIN
        IF current_setting('unnews.search_later', true) = 'on' THEN
            NEW.search_vector := NULL;
        ELSE
            NEW.search_vector := {VECTOR.format(row="NEW.")};
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER articles_article_search_vector"
    " BEFORE INSERT OR UPDATE OF title, lede, body ON articles_article"
    " FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector()",
    f"UPDATE articles_article SET search_vector = {VECTOR.format(row='')}",
    "CREATE INDEX articles_article_search_vector_gin ON articles_article USING gin (search_vector)",
    "CREATE INDEX articles_article_search_pending ON articles_article (id)"
    " WHERE search_vector IS NULL",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS articles_article_search_pending",
    "DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_vector()",
    "DROP INDEX IF EXISTS articles_article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    f"ALTER TABLE articles_article ADD COLUMN search_vector tsvector"
    f" GENERATED ALWAYS AS ({VECTOR.format(row='')}) STORED",
    "CREATE INDEX articles_article_search_vector_gin ON articles_article USING gin (search_vector)",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_article_search_column")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
