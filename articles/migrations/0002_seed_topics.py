"""Seed the 12 UN News topics and 5 regions."""

from django.db import migrations

from articles.extraction.taxonomy import REGIONS, TOPICS, slug_for


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("articles", "Topic")
    for kind, names in (("topic", TOPICS), ("region", REGIONS)):
        for name in names:
            Topic.objects.update_or_create(slug=slug_for(name), defaults={"name": name, "kind": kind})


def remove_topics(apps, schema_editor):
    Topic = apps.get_model("articles", "Topic")
    Topic.objects.filter(slug__in=[slug_for(name) for name in TOPICS + REGIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(seed_topics, remove_topics)]
