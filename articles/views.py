"""Reader pages: thin generic views over the model QuerySets."""

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, TemplateView, View
from django_filters.views import FilterView

from .filters import ArticleFilter
from .models import Article, Speaker, Topic


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Article.objects.published().for_list()[:10],
            topics=Topic.objects.all(),
            speakers=Speaker.objects.most_quoted()[:10],
            **kwargs,
        )


class ArticleListView(FilterView):
    filterset_class = ArticleFilter
    queryset = Article.objects.published().for_list()
    paginate_by = 20
    template_name = "articles/article_list.html"


class ArticleDetailView(DetailView):
    queryset = Article.objects.with_related()


class ArticleByIdView(View):
    """`/articles/<pk>/` is a stable short link; the story lives at its slug."""

    def get(self, request, pk):
        return redirect(get_object_or_404(Article, pk=pk), permanent=True)


class SpeakerListView(ListView):
    queryset = Speaker.objects.most_quoted()
    paginate_by = 50


class SpeakerDetailView(DetailView):
    queryset = Speaker.objects.with_quote_counts()


class TopicListView(ListView):
    queryset = Topic.objects.with_counts()


class TopicDetailView(DetailView):
    model = Topic
