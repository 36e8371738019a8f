"""Party tables, status, signatures, copies: pure renderers, compared with golden files."""

from __future__ import annotations

from datetime import date

import helpers as samples
from macros.render import parties as render


def test_party_tables(golden):
    golden("parties.html", render.render_party_tables(samples.parties(), "../"))


def test_status_while_someone_has_not_signed(golden):
    html = render.render_status(render.cooperation_status(samples.parties()), "Esimerkin", "")
    golden("status-planning.html", html)
    assert "suunnittelee yhteistyötä" in html and "Gamma &amp; paja" in html


def test_status_once_everyone_has_signed(golden):
    everyone = samples.parties()
    everyone[2] = everyone[2].model_copy(update={"allekirjoitettu": date(2025, 7, 1)})
    everyone[2]._id = "gamma-paja"
    html = render.render_status(render.cooperation_status(everyone), "Esimerkin", "")
    golden("status-active.html", html)
    assert "tekee yhteistyötä" in html and "puuttuu" not in html


def test_cooperation_status_word():
    assert render.cooperation_status(samples.parties()).word == "suunnittelee yhteistyötä"
    assert [p.id for p in render.cooperation_status(samples.parties()).unsigned] == ["gamma-paja"]
    assert render.cooperation_status([]).word == "suunnittelee yhteistyötä"


def test_signature_blocks(golden):
    html = render.render_signatures(samples.parties())
    golden("signatures.html", html)
    assert html.count('class="signature-block"') == 3


def test_copies_sentence_counts_parties():
    assert render.copies_sentence(samples.parties()) == (
        "Tästä asiakirjasta on tehty 3 samansisältöistä kappaletta: yksi kullekin sopijaosapuolelle."
    )
    assert render.copies_sentence(samples.parties()[:1]).startswith(
        "Tästä asiakirjasta on tehty 1 samansisältöinen kappale"
    )
