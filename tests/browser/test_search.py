"""Site search on Pagefind: nothing fetched for it before the reader opens it, Finnish stemming, the pages'
extra search words, and no editor pages in the results."""

from __future__ import annotations


def search(page, words):
    page.keyboard.press("/")
    page.keyboard.type(words)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    return page.locator(".md-search-result__item h1").all_inner_texts()


def test_a_page_view_fetches_no_index_until_the_search_is_opened(open_page):
    fetched = []
    page = open_page("", width=375)
    page.on("request", lambda r: fetched.append(r.url))
    page.reload()
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "pagefind" in u or "search_index" in u], fetched
    search(page, "salassapito")
    assert any("pagefind" in u for u in fetched)
    assert not page.problems


def test_synonyms_and_inflected_words_find_the_page(open_page):
    page = open_page("")
    titles = search(page, "yhteyshenkilö")
    assert "Vastuuhenkilöt" in titles[:3], titles
    page = open_page("")
    titles = search(page, "tunnistamisraportti")
    assert "Tunnistamisraportit" in titles[:5], titles
    page = open_page("")
    titles = search(page, "hinta")
    assert "Hinnoittelu" in titles[:3], titles


def test_editor_pages_are_not_in_the_results(open_page):
    page = open_page("")
    titles = search(page, "muutospyyntö")
    assert "Sivuston ylläpito-ohje" not in titles and "Ylläpidon tilanne" not in titles, titles
