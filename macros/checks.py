"""Cross-checks between records; each returns Problems that point at the offending line."""

from __future__ import annotations

from collections import defaultdict
from difflib import get_close_matches

from .problems import Problem


def _suggest(value: str, choices) -> str:
    close = get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f" (tarkoititko '{close[0]}'?)" if close else ""


def check_parties(site) -> list[Problem]:
    problems = []
    for party in site.parties:
        if party.allekirjoitettu and party.allekirjoitettu < party.liittynyt:
            problems.append(party.problem("allekirjoituspäivä on ennen liittymispäivää: tarkista "
                                          "'liittynyt' ja 'allekirjoitettu'", "allekirjoitettu"))
        if party.allekirjoituspaikka and not party.allekirjoitettu:
            problems.append(party.problem("allekirjoituspaikka on annettu, mutta allekirjoituspäivä puuttuu",
                                          "allekirjoituspaikka"))
    first_by_name = {}
    for party in site.parties:
        key = party.nimi.casefold()
        if key in first_by_name:
            problems.append(party.problem(f"samanniminen osapuoli on jo tiedostossa "
                                          f"data/osapuolet/{first_by_name[key].id}.yml: lisää kukin osapuoli "
                                          "vain kerran", "nimi"))
        first_by_name.setdefault(key, party)
    return problems


def check_prices(site) -> list[Problem]:
    problems = []
    tiers = site.price_tiers.tasot if site.price_tiers else []
    seen = set()
    for index, tier in enumerate(tiers):
        if tier.tunnus in seen:
            problems.append(tier.problem(f"tunnus '{tier.tunnus}' on jo käytössä", "tunnus"))
        seen.add(tier.tunnus)
        if tier.enintaan is not None and tier.enintaan < tier.vahintaan:
            problems.append(tier.problem("yläraja on pienempi kuin alaraja: tarkista 'vahintaan' ja "
                                         "'enintaan'", "enintaan"))
        if tier.enintaan is None and index != len(tiers) - 1:
            problems.append(tier.problem("vain ylimmän tason yläraja voi olla avoin: lisää 'enintaan'",
                                         "vahintaan"))
        if index and tier.vahintaan < tiers[index - 1].vahintaan:
            problems.append(tier.problem("tasojen pitää olla järjestyksessä edullisimmasta vaativimpaan: "
                                         "alaraja on pienempi kuin edellisen tason", "vahintaan"))
    return problems


def check_funding(site) -> list[Problem]:
    funding = site.funding
    if not funding:
        return []
    total = sum(share.prosentti for share in funding.osuudet)
    if abs(total - 100) > 0.01:
        return [funding.problem(f"osuuksien summa on {total:g} %, kun sen pitää olla 100 %", "osuudet")]
    return []


def check_contacts(site) -> list[Problem]:
    problems = []
    parties = site.party_by_id
    primaries = defaultdict(list)
    for contact in site.contacts:
        if contact.osapuoli not in parties and f"osapuolet/{contact.osapuoli}" not in site.broken_ids:
            problems.append(contact.problem(f"osapuolta '{contact.osapuoli}' ei ole kansiossa data/osapuolet"
                                            f"{_suggest(contact.osapuoli, parties)}", "osapuoli"))
        if contact.ensisijainen:
            primaries[contact.osapuoli].append(contact)
        if contact.vastuualue.tyyppi != "organisaatio" and not contact.vastuualue.kuvaus:
            problems.append(contact.problem("kerro vastuualueen kuvauksessa, mikä ala tai toimipiste on kyseessä",
                                            "vastuualue"))
    for party_id, party in parties.items():
        found = primaries.get(party_id, [])
        for extra in found[1:]:
            problems.append(extra.problem(f"osapuolella '{party_id}' on jo ensisijainen yhteyshenkilö "
                                          f"({found[0].nimi}): vain yksi voi olla ensisijainen", "ensisijainen"))
        has_contacts = any(c.osapuoli == party_id for c in site.contacts)
        if has_contacts and not found:
            first = next(c for c in site.contacts if c.osapuoli == party_id)
            problems.append(first.problem(f"osapuolelta '{party_id}' puuttuu ensisijainen yhteyshenkilö: "
                                          "merkitse yhdelle 'ensisijainen: true'", "osapuoli"))
    return problems


def check_clock(site) -> list[Problem]:
    clock = site.clock
    if not clock:
        return []
    problems = []
    rings = {ring.tunnus for ring in clock.renkaat}
    seen = set()
    for ring in clock.renkaat:
        if ring.tunnus in seen:
            problems.append(ring.problem(f"renkaan tunnus '{ring.tunnus}' on jo käytössä", "tunnus"))
        seen.add(ring.tunnus)
    seen = set()
    for activity in clock.toiminnot:
        if activity.tunnus in seen:
            problems.append(activity.problem(f"toiminnon tunnus '{activity.tunnus}' on jo käytössä: "
                                             "anna jokaiselle toiminnolle oma tunnus", "tunnus"))
        seen.add(activity.tunnus)
        if activity.rengas not in rings:
            problems.append(activity.problem(f"rengasta '{activity.rengas}' ei ole renkaiden luettelossa"
                                             f"{_suggest(activity.rengas, rings)}", "rengas"))
        timing = [activity.kuukausi is not None, activity.alku is not None or activity.loppu is not None,
                  activity.paiva is not None]
        if sum(timing) != 1:
            problems.append(activity.problem("anna ajankohdaksi täsmälleen yksi näistä: 'kuukausi', 'alku' ja "
                                             "'loppu' yhdessä, tai 'paiva'", "tunnus"))
        elif (activity.alku is None) != (activity.loppu is None):
            problems.append(activity.problem("'alku' ja 'loppu' annetaan aina yhdessä", "tunnus"))
        if activity.toistuvuus == "kerran" and activity.paiva is None and activity.vuosi is None:
            problems.append(activity.problem("kerran tapahtuvalle toiminnolle pitää antaa 'vuosi' tai 'paiva'",
                                             "toistuvuus"))
        if activity.toistuvuus == "vuosittain" and activity.vuosi is not None:
            problems.append(activity.problem("vuosittain toistuvalle toiminnolle ei anneta vuotta: poista 'vuosi'",
                                             "vuosi"))
        if (activity.vastuuosapuoli is None) == (activity.vastuurooli is None):
            problems.append(activity.problem("anna vastuu joko osapuolena ('vastuuosapuoli') tai roolina "
                                             "('vastuurooli'), ei molempia", "tunnus"))
        party = activity.vastuuosapuoli
        if party and party not in site.party_by_id and f"osapuolet/{party}" not in site.broken_ids:
            problems.append(activity.problem(f"osapuolta '{party}' ei ole kansiossa data/osapuolet"
                                             f"{_suggest(party, site.party_by_id)}", "vastuuosapuoli"))
    return problems


CHECKS = [check_parties, check_prices, check_funding, check_contacts, check_clock]


def cross_check(site) -> list[Problem]:
    problems = []
    for check in CHECKS:
        problems.extend(check(site))
    return problems
