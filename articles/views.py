"""Reader pages: thin generic views over the model QuerySets."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.vary import vary_on_headers
from django.views.generic import DetailView, ListView, TemplateView, View
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from . import charts
from .extraction.urls import web_url
from .filters import MAX_QUERY_LENGTH, ArticleFilter, QuoteFilter, SpeakerFilter, SpeakerQuoteFilter
from .models import Article, Quote, Speaker, Topic

AUTOCOMPLETE_LIMIT = 8


class HtmxResultsMixin:
    """An htmx request gets only the page's `results` partial; the URL stays shareable.
    A filter value that does not validate (`?sort=bogus`) is ignored, not taken to mean
    "nothing matches" (`strict`)."""

    strict = False

    @method_decorator(vary_on_headers("HX-Request"))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        names = super().get_template_names()
        htmx = self.request.htmx
        if htmx and not htmx.boosted and not htmx.history_restore_request:
            return [f"{names[0]}#results"]
        return names


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        month_ago = timezone.localdate() - timedelta(days=30)
        return super().get_context_data(
            latest=Article.objects.published().for_list()[:8],
            topics=Topic.objects.topics().with_counts(),
            regions=Topic.objects.regions().with_counts(),
            speakers=Speaker.objects.most_quoted_since(month_ago)[:10],
            speakers_all_time=Speaker.objects.most_quoted()[:10],
            **kwargs,
        )


class ArticleListView(HtmxResultsMixin, FilterView):
    filterset_class = ArticleFilter
    queryset = Article.objects.published().for_list()
    paginate_by = 20
    template_name_suffix = "_list"


class ArticleDetailView(DetailView):
    queryset = Article.objects.with_related()

    def get_context_data(self, **kwargs):
        article = self.object
        quotes = article.quotes.all()
        speaker_ids = {quote.speaker_id for quote in quotes if quote.speaker_id}
        topic_ids = [topic.pk for topic in article.topics.all()]
        linked = list(Article.objects.linked_from(article).defer("body", "raw_source"))
        similar = Article.objects.sharing_with(article, speaker_ids, topic_ids).exclude(
            pk__in=[story.pk for story in linked]
        )
        return super().get_context_data(
            news_tracker=news_tracker(article.related_links, linked),
            similar_stories=similar[:6],
            **kwargs,
        )


@dataclass(frozen=True)
class TrackerLink:
    """A News Tracker link: to the imported story when there is one, else to the source."""

    title: str
    url: str
    story: Article | None


def news_tracker(links: list[dict], stories: list[Article]) -> list[TrackerLink]:
    by_url = {story.url: story for story in stories if story.url}
    by_title = {story.title.casefold(): story for story in stories}
    tracker = []
    for link in links or []:
        url, title = link.get("url", ""), link.get("title", "")
        story = by_url.get(url) or by_title.get(title.casefold())
        if story:
            tracker.append(TrackerLink(story.title, story.get_absolute_url(), story))
        elif title:
            tracker.append(TrackerLink(title, web_url(url), None))
    return tracker


class ArticleByIdView(View):
    """`/articles/<pk>/` is a stable short link; the story lives at its slug.

    A story whose slug is itself a number ("2030") is served here, not redirected.
    """

    def get(self, request, pk):
        article = Article.objects.filter(pk=pk).only("slug").first()
        if article is None or article.slug == str(pk):
            return ArticleDetailView.as_view()(request, slug=str(pk))
        return redirect(article, permanent=True)


class SpeakerListView(HtmxResultsMixin, FilterView):
    filterset_class = SpeakerFilter
    queryset = Speaker.objects.most_quoted()
    paginate_by = 50
    template_name_suffix = "_list"


class SpeakerAutocompleteView(ListView):
    """Speakers whose names match `q`: an HTML fragment of options, or JSON."""

    template_name = "articles/includes/_speaker_options.html"

    def get_queryset(self):
        term = self.request.GET.get("q", self.request.GET.get("speaker", ""))[:MAX_QUERY_LENGTH]
        term = term.replace("\x00", "")  # PostgreSQL refuses NUL in text
        if len(term.strip()) < 2:
            return Speaker.objects.none()
        return (
            Speaker.objects.search(term)
            .with_quote_counts()
            .order_by("-quote_count", "name")[:AUTOCOMPLETE_LIMIT]
        )

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") == "json":
            return JsonResponse(
                {
                    "results": [
                        {"slug": s.slug, "name": s.name, "title": s.title, "quotes": s.quote_count}
                        for s in context["object_list"]
                    ]
                }
            )
        return super().render_to_response(context, **response_kwargs)


class SpeakerDetailView(HtmxResultsMixin, SingleObjectMixin, FilterView):
    """A speaker and their quotes, newest first, filtered by topic and date."""

    filterset_class = SpeakerQuoteFilter
    paginate_by = 25
    template_name = "articles/speaker_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Speaker.objects.with_quote_counts())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.object.quotes.with_context().newest_first()

    def get_context_data(self, **kwargs):
        speaker = self.object
        return super().get_context_data(
            speaker=speaker,
            chart=charts.monthly_bars(self.object_list.per_month(), "quotes"),
            speaker_topics=Topic.objects.spoken_on_by(speaker),
            **kwargs,
        )


class TopicListView(ListView):
    queryset = Topic.objects.with_counts()

    def get_context_data(self, **kwargs):
        topics = list(self.object_list)
        return super().get_context_data(
            topics=[t for t in topics if t.kind == Topic.Kind.TOPIC],
            regions=[t for t in topics if t.kind == Topic.Kind.REGION],
            **kwargs,
        )


class TopicDetailView(DetailView):
    model = Topic

    def get_context_data(self, **kwargs):
        topic = self.object
        stories = Article.objects.filter(topics=topic)
        quotes = Quote.objects.filter(article__topics=topic)
        return super().get_context_data(
            story_chart=charts.monthly_bars(stories.per_month(), "stories"),
            quote_chart=charts.monthly_bars(quotes.per_month(), "quotes"),
            latest=stories.published().for_list()[:10],
            story_count=stories.count(),
            speakers=Speaker.objects.most_quoted_on(topic)[:12],
            **kwargs,
        )


class QuoteListView(HtmxResultsMixin, FilterView):
    """Quote search; the chart counts the matching quotes month by month."""

    filterset_class = QuoteFilter
    queryset = Quote.objects.with_context().newest_first()
    paginate_by = 25
    template_name_suffix = "_list"

    def get_context_data(self, **kwargs):
        chart = charts.monthly_bars(self.object_list.per_month(), "quotes")
        return super().get_context_data(chart=chart, **kwargs)


class QuoteDetailView(DetailView):
    """A quote's permalink: the quote, who said it, and the way into the story."""

    queryset = Quote.objects.select_related("speaker", "article").prefetch_related(
        Prefetch("article__topics", queryset=Topic.objects.order_by("kind", "name"))
    )

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except (ValueError, OverflowError) as error:
            raise Http404("No such quote") from error
