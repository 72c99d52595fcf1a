"""A bad parameter or a missing page still gives the reader a page to go on from."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_bad_sort_is_ignored_not_taken_for_no_stories(client):
    ArticleFactory(title="Aid reaches the north", published="2023-05-01")
    page = client.get("/articles/?sort=bogus").content.decode()
    assert "Aid reaches the north" in page


def test_a_page_past_the_end_is_a_not_found_page_with_the_site_around_it(client):
    ArticleFactory(title="Aid reaches the north")
    response = client.get("/articles/?page=99")
    assert response.status_code == 404
    page = response.content.decode()
    assert "This page is not here" in page
    assert 'href="/articles/"' in page and 'class="site-header"' in page
