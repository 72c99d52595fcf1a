"""The story list's filters; every value in a query string is a slug or a date."""

import django_filters
from django import forms

from .models import Article, Topic


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_search")
    topic = django_filters.ModelMultipleChoiceFilter(
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.topics(),
        label="Topic",
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    region = django_filters.ModelMultipleChoiceFilter(
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.regions(),
        label="Region",
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    speaker = django_filters.CharFilter(
        field_name="quotes__speaker__slug", label="Speaker", distinct=True
    )
    date_from = django_filters.DateFilter(
        field_name="published",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="published",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Article
        fields = ["q", "topic", "region", "speaker", "date_from", "date_to"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)
