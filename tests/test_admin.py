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


def test_a_speaker_corrected_in_the_admin_survives_a_reparse(admin_client, sample_story):
    from django.core.management import call_command

    call_command("import_articles", str(sample_story), stdout=None)
    quote = Quote.objects.filter(speaker__isnull=False).first()
    other = SpeakerFactory(name="Amina Yusuf")
    response = admin_client.post(
        reverse("admin:articles_quote_change", args=[quote.pk]),
        {
            "article": quote.article_id,
            "speaker": other.pk,
            "position": quote.position,
            "text": quote.text,
            "speaker_mention": quote.speaker_mention,
            "paragraph": quote.paragraph,
            "start": quote.start,
            "end": quote.end,
            "end_paragraph": quote.end_paragraph,
        },
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_corrected) == (other, True)
    # A newer extractor re-reads the story: the correction stays, the rest is re-extracted.
    quote.article.__class__.objects.update(content_hash="from-an-older-extractor")
    call_command("import_articles", "--reparse", stdout=None)
    kept = Quote.objects.get(text=quote.text)
    assert (kept.speaker, kept.speaker_corrected) == (other, True)
    assert Quote.objects.filter(speaker_corrected=False).exclude(speaker=other).exists()


def test_the_story_and_quote_pages_say_how_a_quote_was_attributed(client, sample_story):
    from django.core.management import call_command

    call_command("import_articles", str(sample_story), stdout=None)
    quote = Quote.objects.exclude(attribution="").first()
    story = client.get(quote.article.get_absolute_url()).content.decode()
    assert f"· {quote.get_attribution_display()}</span>" in story
    page = client.get(reverse("articles:quote_detail", args=[quote.pk])).content.decode()
    assert f"Attributed {quote.get_attribution_display()}." in page
