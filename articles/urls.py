from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/", feeds.LatestArticlesFeed(), name="article_feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="article_feed_atom"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<int:pk>/", views.ArticleByIdView.as_view(), name="article_by_id"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker_list"),
    path(
        "speakers/autocomplete/",
        views.SpeakerAutocompleteView.as_view(),
        name="speaker_autocomplete",
    ),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker_detail"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerQuotesFeed(), name="speaker_feed"),
    path("topics/", views.TopicListView.as_view(), name="topic_list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicArticlesFeed(), name="topic_feed"),
    path("quotes/", views.QuoteListView.as_view(), name="quote_list"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
]
