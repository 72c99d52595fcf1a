"""Admin for curating stories, speakers, quotes and topics."""

from django.contrib import admin, messages
from django.db import transaction

from .importing import reextract_articles
from .models import Article, FetchedResource, Quote, Speaker, Topic


def mark_correction(form) -> None:
    """A speaker staff change by hand is a correction, kept by every re-import."""
    if "speaker" in form.changed_data:
        form.instance.speaker_corrected = True


class QuoteInline(admin.TabularInline):
    model = Quote
    fields = ["position", "text", "speaker", "attribution", "speaker_corrected", "paragraph"]
    readonly_fields = ["attribution", "speaker_corrected"]
    raw_id_fields = ["speaker"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "source_format", "story_id", "updated"]
    list_filter = ["source_format", "topics", "published"]
    search_fields = ["title", "story_id", "url"]
    date_hierarchy = "published"
    filter_horizontal = ["topics"]
    readonly_fields = ["story_key", "raw_name", "content_hash", "imported", "updated"]
    inlines = [QuoteInline]
    actions = ["reextract"]

    def save_formset(self, request, form, formset, change):
        for quote_form in formset.forms:
            mark_correction(quote_form)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Re-run extraction on the selected articles")
    def reextract(self, request, queryset):
        report = reextract_articles(queryset)
        level = messages.WARNING if report.failed else messages.SUCCESS
        self.message_user(request, report.summary(), level)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "title", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_quote_counts()

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, speaker):
        return speaker.quote_count

    @admin.action(description="Merge the selected speakers into the most-quoted one")
    def merge(self, request, queryset):
        speakers = list(queryset.order_by("-quote_count", "id"))
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return
        kept = merge_speakers(speakers[0], speakers[1:])
        self.message_user(request, f"Merged {len(speakers) - 1} speaker(s) into {kept}.")


@transaction.atomic
def merge_speakers(kept: Speaker, others: list[Speaker]) -> Speaker:
    """Move the others' quotes and names to `kept` and delete them."""
    aliases = list(kept.aliases)
    for other in others:
        for name in [other.name, *other.aliases]:
            if name != kept.name and name not in aliases:
                aliases.append(name)
    Quote.objects.filter(speaker__in=others).update(speaker=kept)
    Speaker.objects.filter(pk__in=[other.pk for other in others]).delete()
    kept.aliases = aliases
    kept.save(update_fields=["aliases"])
    return kept


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["text", "speaker", "attribution", "speaker_corrected", "article"]
    list_filter = ["attribution", "speaker_corrected", "partial"]
    search_fields = ["text", "speaker__name", "article__title"]
    list_select_related = ["speaker", "article"]
    raw_id_fields = ["article", "speaker"]
    readonly_fields = ["attribution"]

    def save_model(self, request, obj, form, change):
        mark_correction(form)
        super().save_model(request, obj, form, change)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(FetchedResource)
class FetchedResourceAdmin(admin.ModelAdmin):
    list_display = ["url", "etag", "last_modified", "fetched"]
    search_fields = ["url"]
