"""Curation in the admin: merging speakers and re-running extraction."""

import pytest
from django.urls import reverse

from articles.models import Quote, Speaker
from tests.factories import ArticleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_merging_speakers_moves_quotes_and_names_to_the_most_quoted(admin_client):
    kept = SpeakerFactory(name="Tedros Adhanom Ghebreyesus", aliases=["Dr. Tedros"])
    duplicate = SpeakerFactory(name="Tedros Adhanom", aliases=["the WHO chief"])
    ArticleFactory(quotes=[(kept, "We must act"), (kept, "Now"), (duplicate, "Vaccines work")])
    response = admin_client.post(
        reverse("admin:articles_speaker_changelist"),
        {"action": "merge", "_selected_action": [kept.pk, duplicate.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Tedros Adhanom Ghebreyesus"]
    kept.refresh_from_db()
    assert kept.aliases == ["Dr. Tedros", "Tedros Adhanom", "the WHO chief"]
    assert Quote.objects.filter(speaker=kept).count() == 3


def test_reextract_action_rebuilds_quotes_from_the_stored_source(admin_client, sample_story):
    from django.core.management import call_command

    call_command("import_articles", str(sample_story), stdout=None)
    article = Quote.objects.first().article
    expected = list(Quote.objects.values_list("text", flat=True))
    Quote.objects.all().delete()
    article.content_hash = "from-an-older-extractor"
    article.save(update_fields=["content_hash"])
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "0 created, 1 updated, 0 unchanged, 0 failed" in response.content.decode()
    assert list(Quote.objects.values_list("text", flat=True)) == expected
