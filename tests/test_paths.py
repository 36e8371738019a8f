"""The agreement's processes as data: the two paths, quota places and the per-student agreement's data."""

from __future__ import annotations

import json
import re
from datetime import date

import helpers as samples
from helpers import check, edit
from macros.data.loader import load_site
from macros.data.problems import errors
from macros.render import news, paths, period_agreement

PATHS = "data/polut.yml"
QUOTA = "data/kiintiopaikat.yml"
TODAY = date(2026, 11, 29)


def test_paths_render_as_checklists_with_their_quotes_and_roles(root):
    site, problems = load_site(root)
    assert errors(problems) == []
    primary = {c.osapuoli: c for c in samples.contacts() if c.ensisijainen}
    people = paths.path_contacts(samples.parties(), primary, date(2026, 12, 1))
    html = paths.render_path(site.paths["opinnoista-pajajaksolle"], people, "../")
    assert html.count('class="path__step"') == 4
    # Each step's role leads to the named contact persons of the signed parties of that kind.
    assert 'href="#koulutuksen-jarjestajien-vastuuhenkilot"' in html
    workshops = html[html.index('id="tyopajojen-vastuuhenkilot"') : html.index('id="koulutuksen-jarjestajien')]
    assert "Aapo Alfa" in workshops and 'href="../osapuolet/alfa-paja/"' in workshops
    assert "Gamma" not in html  # not signed: not in the agreement yet
    providers = html[html.index('id="koulutuksen-jarjestajien-vastuuhenkilot"') :]
    assert "Cecilia Ö&#39;Brien" in providers and "Beta-opisto" in providers
    assert "Vastuuhenkilöt allekirjoittavat ennen pajajakson alkua valmentautujakohtaisen sopimuksen" in html
    assert 'href="../pajajakson-sopimus/"' in html and "data-print" in html


def test_a_step_that_misquotes_the_agreement_is_refused(project):
    edit(project, PATHS, "ammatillisia\n          opintoja, pyritään", "ammatillisia\n          opintoja, yritetään")
    found = check(project)
    assert len(found) == 1 and found[0].startswith(f"{PATHS}:19:")
    assert "lainausta ei löydy linjausten tekstistä" in found[0]


def test_a_quote_of_one_word_is_refused(project):
    text = (project / PATHS).read_text(encoding="utf-8")
    start = text.index("linjauksissa:")
    end = text.index("\n      - ", start) if "\n      - " in text[start:] else len(text)
    (project / PATHS).write_text(text[:start] + "linjauksissa: ja" + text[end:], encoding="utf-8")
    found = check(project)
    assert len(found) == 1 and "lainaus on liian lyhyt (vähintään 5 sanaa)" in found[0], found


def test_an_unknown_path_on_a_page_is_refused_at_its_line(project):
    edit(project, "docs/pajalta-opintoihin.md", 'polku("pajalta-opintoihin")', 'polku("pajalta-opintoon")')
    assert check(project) == [
        "docs/pajalta-opintoihin.md:3:1: polkua 'pajalta-opintoon' ei ole tiedostossa data/polut.yml "
        "(tarkoititko 'pajalta-opintoihin'?)"
    ]


QUOTA_RULES = {
    "more in use than agreed": (
        "    kaytossa: 3\n",
        "    kaytossa: 5\n",
        "käytössä on enemmän paikkoja (5) kuin on sovittu (4)",
    ),
    "ends before it starts": (
        "    paattyy: 2026-12-18\n",
        "    paattyy: 2026-08-01\n",
        "kauden pitää päättyä alkamisen jälkeen",
    ),
    "a term over a year": ("    paattyy: 2026-12-18\n", "    paattyy: 2027-12-18\n", "yli vuoden mittainen"),
    "a provider as the workshop": (
        "  - tyopaja: kuusilaakson-nuorten-tyopaja\n",
        "  - tyopaja: selkaveden-ammattiopisto\n",
        "'selkaveden-ammattiopisto' ei ole työpaja",
    ),
    "negative places": ("    kaytossa: 3\n", "    kaytossa: -1\n", "pitää olla vähintään 0"),
}


def test_quota_rules(project):
    for old, new, fragment in QUOTA_RULES.values():
        text = (project / QUOTA).read_text(encoding="utf-8")
        (project / QUOTA).write_text(text.replace(old, new, 1), encoding="utf-8")
        found = check(project)
        assert len(found) == 1 and fragment in found[0], (fragment, found)
        (project / QUOTA).write_text(text, encoding="utf-8")


def test_quota_places_show_what_is_free_now_and_ahead(root):
    site, _problems = load_site(root)
    html = paths.render_quota(site.quota_terms, site.party_by_id, TODAY, "../")
    # 4 − 3 in the current term, 3 − 0 and 2 − 1 in the spring term.
    assert "Vapaita kiintiöpaikkoja yhteensä <strong>5</strong>" in html
    later = paths.render_quota(site.quota_terms, site.party_by_id, date(2027, 1, 1), "../")
    assert "Puu- ja metallipaja" not in later and "<strong>4</strong>" in later
    one = paths.render_quota(site.quota_terms, site.party_by_id, TODAY, "../../", "harjulan-tyopaja")
    assert "Vapaita kiintiöpaikkoja <strong>1</strong>" in one and "Kierrätyspaja" not in one


def test_a_workshop_offering_places_is_news_on_that_day(root):
    site, _problems = load_site(root)
    found = {i.id: i for i in news.items(site.parties, site.articles, TODAY, site.quota_terms)}
    offer = found["kiintiopaikat-seudun-kierratyspaja-2027-01-07"]
    assert offer.day == date(2026, 11, 16) and offer.title == "Seudun Kierrätyspaja Oy tarjoaa 3 kiintiöpaikkaa"
    earlier = {i.id for i in news.items(site.parties, site.articles, date(2026, 11, 15), site.quota_terms)}
    assert "kiintiopaikat-seudun-kierratyspaja-2027-01-07" not in earlier


def test_the_agreement_data_holds_signed_parties_their_units_tiers_and_duties(root):
    site, _problems = load_site(root)
    data = period_agreement.builder_data(
        site.parties, site.contacts, site.reports, site.price_tiers.tasot, site.paths, site.reference, TODAY
    )
    providers = {p["tunnus"] for p in data["koulutuksen_jarjestajat"]}
    assert "ammattiopisto-tuulikello" not in providers  # not signed
    assert providers == {p.id for p in site.parties if not p.is_workshop and p.allekirjoitettu}
    workshop = next(w for w in data["tyopajat"] if w["tunnus"] == "seudun-kierratyspaja")
    assert workshop["henkilot"][0][4] is True and workshop["y_tunnus"] == "2987655-9"  # the primary first
    _report_id, environment, qualifications = workshop["raportit"][0]
    assert environment == "Pyörä- ja pienkonehuolto" and qualifications[0][0] == "351301"
    assert ["106889", "k", ""] in qualifications[0][1] and data["osat"]["106889"] == "Polkupyörän huolto"
    assert data["tutkinnot"]["351301"] == "Ajoneuvoalan perustutkinto"
    assert data["hintatasot"][0]["teksti"] == "30–45\u00a0€\u00a0/\u00a0päivä"
    assert len(data["velvoitteet"]["koulutuksen_jarjestaja"]) == 3 and len(data["velvoitteet"]["tyopaja"]) == 2


def test_the_agreement_data_is_inert_in_the_page():
    data = {"tyopajat": [{"nimi": '"></script><script>alert(1)</script><!--\u2028'}]}
    html = period_agreement.render_builder(data, "Esimerkin", 2026)
    embedded = re.search(r"<script type=\"application/json\" data-sopimus-tiedot>(.*?)</script>", html, re.S)
    assert "<" not in embedded.group(1)  # nothing can end the element or open another
    assert json.loads(embedded.group(1)) == data
