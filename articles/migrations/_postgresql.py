"""For migrations: SQL that only PostgreSQL runs (SQLite keeps its plain search).

The leading underscore keeps Django's migration loader from taking it for a migration.
Migrations depend on this helper, so it must keep doing exactly this.
"""


def run_on_postgresql(statements):
    """A `RunPython` function executing `statements` in order, on PostgreSQL only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run
