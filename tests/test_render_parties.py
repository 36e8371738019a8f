"""Party tables, status, signatures, copies: pure renderers, compared with golden files."""

from __future__ import annotations

from datetime import date

import helpers as samples
from macros.render import parties as render

TODAY = date(2026, 3, 1)


def with_party(slug: str, **fields):
    """The sample parties with one replaced or added."""
    others = [p for p in samples.parties() if p.id != slug]
    return [*others, samples.party(slug, **fields)]


def test_party_tables(golden):
    golden("parties.html", render.render_party_tables(samples.parties(), TODAY, "../"))


def test_status_while_an_original_party_has_not_signed(golden):
    parties = with_party("beta-opisto", nimi="Beta-opisto", tyyppi="koulutuksen järjestäjä", allekirjoitettu=None)
    status = render.cooperation_status(parties, TODAY)
    html = render.render_status(status, "Esimerkin", "")
    golden("status-planning.html", html)
    assert status.word == "suunnittelee yhteistyötä"
    assert [p.id for p in status.unsigned] == ["beta-opisto"]
    assert (status.signed_count, status.total) == (1, 2)


def test_a_late_joiner_that_has_not_signed_does_not_change_the_status(golden):
    status = render.cooperation_status(samples.parties(), TODAY)
    html = render.render_status(status, "Esimerkin", "")
    golden("status-active.html", html)
    assert status.word == "tekee yhteistyötä" and status.active
    assert [p.id for p in status.joining] == ["gamma-paja"]
    assert "Liittymässä" in html and "Gamma &amp; paja" in html and "puuttuu vielä" not in html


def test_a_party_that_has_left_is_counted_out_from_its_end_date():
    leaving = {
        "nimi": "Beta-opisto",
        "tyyppi": "koulutuksen järjestäjä",
        "allekirjoitettu": None,
        "paattyminen": {"paiva": "2026-02-01", "tapa": "irtisanominen"},
    }
    parties = with_party("beta-opisto", **leaving)
    before = render.cooperation_status(parties, date(2026, 1, 31))
    after = render.cooperation_status(parties, date(2026, 2, 1))
    assert before.word == "suunnittelee yhteistyötä" and before.total == 2
    assert after.word == "tekee yhteistyötä" and after.total == 1
    assert [p.id for p in after.ended] == ["beta-opisto"]
    html = render.render_status(after, "Esimerkin", "")
    assert "Linjauksista lähteneet" in html and "1.2.2026" in html
    tables = render.render_party_tables(parties, date(2026, 2, 1))
    assert "Sopijaosapuolia on yhteensä 2" in tables and "irtisanominen 1.2.2026 alkaen" in tables
    assert render.copies_sentence(parties, date(2026, 2, 1)).startswith("Tästä asiakirjasta on tehty 1 ")


def test_no_parties_is_planning_and_says_none_are_added():
    status = render.cooperation_status([], TODAY)
    assert status.word == "suunnittelee yhteistyötä"
    html = render.render_status(status, "Esimerkin", "")
    assert "ei ole vielä lisätty" in html and "0/0" not in html and ": ." not in html


def test_a_long_list_of_unsigned_parties_folds_behind_a_toggle():
    many = [samples.party(f"paja-{n}", nimi=f"Paja {n}", allekirjoitettu=None) for n in range(1, 6)]
    html = render.render_status(render.cooperation_status(many, TODAY), "Esimerkin", "")
    assert "Allekirjoitus puuttuu vielä: 5 osapuolta." in html
    assert html.index("<details") < html.index("Paja 1") and html.count("<li>") == 5


def test_signature_blocks_are_for_the_parties_in_the_agreement(golden):
    html = render.render_signatures(samples.parties(), TODAY)
    golden("signatures.html", html)
    # The late joiner has not signed its joining yet: no block for it until it has.
    assert html.count('class="signature-block"') == 2 and "Gamma" not in html


def test_copies_sentence_counts_parties():
    assert render.copies_sentence(samples.parties(), TODAY) == (
        "Tästä asiakirjasta on tehty 2 samansisältöistä kappaletta: yksi kullekin sopijaosapuolelle."
    )
    assert render.copies_sentence(samples.parties()[:1], TODAY).startswith(
        "Tästä asiakirjasta on tehty 1 samansisältöinen kappale"
    )
