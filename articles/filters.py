"""The reader pages' filters; every value in a query string is a slug, a date or text.

Bad values never fail a page: an unknown slug or an unreadable date is a form error
and an empty result, never a 500.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.http import QueryDict

from .models import Article, Quote, Speaker, Topic

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes it."""

    label: str
    value: str
    remove_query: str


class SearchInput(forms.TextInput):
    input_type = "search"


class DateInput(forms.DateInput):
    input_type = "date"


def date_filter(lookup_expr, label):
    return django_filters.DateFilter(
        field_name="published", lookup_expr=lookup_expr, label=label, widget=DateInput
    )


def topic_filter(queryset, label, field_name="topics__slug"):
    return django_filters.ModelMultipleChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=queryset,
        label=label,
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )


class ChipsMixin:
    """Active filters as removable chips; subclasses name how each value reads."""

    def chips(self) -> list[Chip]:
        if not self.is_bound or not self.form.is_valid():
            return []
        chips = []
        for name, value in self.form.cleaned_data.items():
            if name in ("sort",) or value in (None, "", [], ()):
                continue
            for label, raw in self.chip_values(name, value):
                chips.append(Chip(self.filters[name].label, label, self._without(name, raw)))
        return chips

    def chip_values(self, name, value):
        if hasattr(value, "__iter__") and not isinstance(value, str):
            return [(str(item), item.slug) for item in value]
        if name == "speaker":
            return [(self.speaker_name(value), value)]
        return [(str(value), self.data.get(name, ""))]

    def speaker_suggestions(self):
        """Speakers whose names resemble a speaker value that named nobody exactly."""
        value = self.form.cleaned_data.get("speaker") if self.form.is_valid() else None
        if not value or Speaker.objects.matching(value).exists():
            return []
        return list(Speaker.objects.search(value).most_quoted()[:5])

    def speaker_name(self, value):
        speaker = Speaker.objects.matching(value).first()
        return speaker.name if speaker else value

    def _without(self, name, raw) -> str:
        query = QueryDict(mutable=True)
        for key, values in self.data.lists():
            kept = [v for v in values if not (key == name and v == raw) and key != "page"]
            if kept:
                query.setlist(key, kept)
        return query.urlencode()


class ArticleFilter(ChipsMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search stories",
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"placeholder": "e.g. refugees Sudan"}),
    )
    topic = topic_filter(Topic.objects.topics(), "Topics")
    region = topic_filter(Topic.objects.regions(), "Regions")
    speaker = django_filters.CharFilter(
        label="Speaker",
        method="filter_speaker",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"placeholder": "Name, e.g. Ban Ki-moon"}),
    )
    date_from = date_filter("gte", "From")
    date_to = date_filter("lte", "To")
    sort = django_filters.ChoiceFilter(
        label="Sort",
        method="filter_sort",
        choices=[
            ("newest", "Newest first"),
            ("oldest", "Oldest first"),
            ("relevance", "Relevance"),
        ],
        empty_label=None,
    )

    class Meta:
        model = Article
        fields = ["q", "topic", "region", "speaker", "date_from", "date_to", "sort"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_speaker(self, queryset, name, value):
        return queryset.quoting(Speaker.objects.matching(value))

    def filter_sort(self, queryset, name, value):
        return queryset.sorted_by(value)


class SpeakerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Name",
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"placeholder": "e.g. Guterres"}),
    )
    sort = django_filters.OrderingFilter(
        label="Sort",
        fields=[("quote_count", "quotes"), ("name", "name")],
        field_labels={"-quote_count": "Most quoted", "name": "Name A–Z"},
        choices=[("-quote_count", "Most quoted"), ("name", "Name A–Z")],
        empty_label=None,
    )

    class Meta:
        model = Speaker
        fields = ["q", "sort"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class SpeakerQuoteFilter(ChipsMixin, django_filters.FilterSet):
    """A speaker's own quotes, by words, topic, region and date."""

    q = django_filters.CharFilter(
        label="Search quotes",
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"placeholder": "e.g. climate finance"}),
    )
    topic = topic_filter(Topic.objects.topics(), "Topics", "article__topics__slug")
    region = topic_filter(Topic.objects.regions(), "Regions", "article__topics__slug")
    date_from = django_filters.DateFilter(
        field_name="article__published", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="article__published", lookup_expr="lte", label="To", widget=DateInput
    )

    class Meta:
        model = Quote
        fields = ["q", "topic", "region", "date_from", "date_to"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class QuoteFilter(SpeakerQuoteFilter):
    """Every quote, by words, speaker, topic, region and date."""

    speaker = django_filters.CharFilter(
        label="Speaker",
        method="filter_speaker",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"placeholder": "Name, e.g. Ban Ki-moon"}),
    )

    class Meta:
        model = Quote
        fields = ["q", "speaker", "topic", "region", "date_from", "date_to"]

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(speaker__in=Speaker.objects.matching(value))
