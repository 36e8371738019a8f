"""Cross-checks between records; each returns Problems that point at the offending line."""

from __future__ import annotations

from collections import defaultdict
from difflib import get_close_matches

from .problems import Problem
from .site import Site


def _suggest(value: str, choices) -> str:
    close = get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f" (tarkoititko '{close[0]}'?)" if close else ""


def check_parties(site: Site, broken: frozenset[str]) -> list[Problem]:
    problems = []
    for party in site.parties:
        if party.allekirjoitettu and party.allekirjoitettu < party.liittynyt:
            problems.append(
                party.problem(
                    "allekirjoituspäivä on ennen liittymispäivää: tarkista 'liittynyt' ja 'allekirjoitettu'",
                    "allekirjoitettu",
                )
            )
        if party.allekirjoituspaikka and not party.allekirjoitettu:
            problems.append(
                party.problem("allekirjoituspaikka on annettu, mutta allekirjoituspäivä puuttuu", "allekirjoituspaikka")
            )
    first_by_name = {}
    for party in site.parties:
        key = party.nimi.casefold()
        if key in first_by_name:
            problems.append(
                party.problem(
                    f"samanniminen osapuoli on jo tiedostossa "
                    f"data/osapuolet/{first_by_name[key].id}.yml: lisää kukin osapuoli "
                    "vain kerran",
                    "nimi",
                )
            )
        first_by_name.setdefault(key, party)
    return problems


def check_prices(site: Site, broken: frozenset[str]) -> list[Problem]:
    problems = []
    tiers = site.price_tiers.tasot if site.price_tiers else []
    seen = set()
    for index, tier in enumerate(tiers):
        if tier.tunnus in seen:
            problems.append(tier.problem(f"tunnus '{tier.tunnus}' on jo käytössä", "tunnus"))
        seen.add(tier.tunnus)
        if tier.enintaan is not None and tier.enintaan < tier.vahintaan:
            problems.append(
                tier.problem("yläraja on pienempi kuin alaraja: tarkista 'vahintaan' ja 'enintaan'", "enintaan")
            )
        if tier.enintaan is None and index != len(tiers) - 1:
            problems.append(tier.problem("vain ylimmän tason yläraja voi olla avoin: lisää 'enintaan'", "vahintaan"))
        if index and tier.vahintaan < tiers[index - 1].vahintaan:
            problems.append(
                tier.problem(
                    "tasojen pitää olla järjestyksessä edullisimmasta vaativimpaan: "
                    "alaraja on pienempi kuin edellisen tason",
                    "vahintaan",
                )
            )
    return problems


def check_funding(site: Site, broken: frozenset[str]) -> list[Problem]:
    funding = site.funding
    if not funding:
        return []
    total = sum(share.prosentti for share in funding.osuudet)
    if abs(total - 100) > 0.01:
        return [funding.problem(f"osuuksien summa on {total:g} %, kun sen pitää olla 100 %", "osuudet")]
    return []


def check_contacts(site: Site, broken: frozenset[str]) -> list[Problem]:
    problems = []
    parties = site.party_by_id
    primaries = defaultdict(list)
    first_contact = {}  # each party's first contact, in file order
    for contact in site.contacts:
        first_contact.setdefault(contact.osapuoli, contact)
        if contact.osapuoli not in parties and f"osapuolet/{contact.osapuoli}" not in broken:
            problems.append(
                contact.problem(
                    f"osapuolta '{contact.osapuoli}' ei ole kansiossa data/osapuolet"
                    f"{_suggest(contact.osapuoli, parties)}",
                    "osapuoli",
                )
            )
        if contact.ensisijainen:
            primaries[contact.osapuoli].append(contact)
        if contact.vastuualue.tyyppi != "organisaatio" and not contact.vastuualue.kuvaus:
            problems.append(
                contact.problem("kerro vastuualueen kuvauksessa, mikä ala tai toimipiste on kyseessä", "vastuualue")
            )
    for party_id in parties:
        found = primaries.get(party_id, [])
        for extra in found[1:]:
            problems.append(
                extra.problem(
                    f"osapuolella '{party_id}' on jo ensisijainen yhteyshenkilö "
                    f"({found[0].nimi}): vain yksi voi olla ensisijainen",
                    "ensisijainen",
                )
            )
        if party_id in first_contact and not found:
            problems.append(
                first_contact[party_id].problem(
                    f"osapuolelta '{party_id}' puuttuu ensisijainen yhteyshenkilö: "
                    "merkitse yhdelle 'ensisijainen: true'",
                    "osapuoli",
                )
            )
    return problems


def check_clock(site: Site, broken: frozenset[str]) -> list[Problem]:
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
            problems.append(
                activity.problem(
                    f"toiminnon tunnus '{activity.tunnus}' on jo käytössä: anna jokaiselle toiminnolle oma tunnus",
                    "tunnus",
                )
            )
        seen.add(activity.tunnus)
        if activity.rengas not in rings:
            problems.append(
                activity.problem(
                    f"rengasta '{activity.rengas}' ei ole renkaiden luettelossa{_suggest(activity.rengas, rings)}",
                    "rengas",
                )
            )
        timing = [
            activity.kuukausi is not None,
            activity.alku is not None or activity.loppu is not None,
            activity.paiva is not None,
        ]
        if sum(timing) != 1:
            problems.append(
                activity.problem(
                    "anna ajankohdaksi täsmälleen yksi näistä: 'kuukausi', 'alku' ja 'loppu' yhdessä, tai 'paiva'",
                    "tunnus",
                )
            )
        elif (activity.alku is None) != (activity.loppu is None):
            problems.append(activity.problem("'alku' ja 'loppu' annetaan aina yhdessä", "tunnus"))
        if activity.toistuvuus == "kerran" and activity.paiva is None and activity.vuosi is None:
            problems.append(
                activity.problem("kerran tapahtuvalle toiminnolle pitää antaa 'vuosi' tai 'paiva'", "toistuvuus")
            )
        if activity.toistuvuus == "vuosittain" and activity.vuosi is not None:
            problems.append(
                activity.problem("vuosittain toistuvalle toiminnolle ei anneta vuotta: poista 'vuosi'", "vuosi")
            )
        if (activity.vastuuosapuoli is None) == (activity.vastuurooli is None):
            problems.append(
                activity.problem(
                    "anna vastuu joko osapuolena ('vastuuosapuoli') tai roolina ('vastuurooli'), ei molempia", "tunnus"
                )
            )
        party = activity.vastuuosapuoli
        if party and party not in site.party_by_id and f"osapuolet/{party}" not in broken:
            problems.append(
                activity.problem(
                    f"osapuolta '{party}' ei ole kansiossa data/osapuolet{_suggest(party, site.party_by_id)}",
                    "vastuuosapuoli",
                )
            )
    return problems


def _check_units(report, coverage, path, reference, problems):
    versions = reference.versions(coverage.koodi)
    if not versions and coverage.koodi in reference.names:
        problems.append(
            report.problem(
                f"tutkinnon {coverage.koodi} ({reference.names[coverage.koodi]}) rakennetta "
                "ei ole viitetiedoissa, joten sen tutkinnon osia ei voi tarkistaa: valitse "
                "tutkinto, jonka rakenne on mukana, tai päivitä viitetiedot",
                *path,
                "koodi",
            )
        )
        return
    if not versions:
        near = reference.closest(coverage.koodi, reference.qualification_codes())
        hint = f" (lähin tunnettu koodi on {near}: {reference.versions(near)[0].name})" if near else ""
        problems.append(
            report.problem(f"tutkinnon koodia {coverage.koodi} ei löydy viitetiedoista{hint}", *path, "koodi")
        )
        return
    peruste = next((p for p in versions if p.diaarinumero == coverage.diaarinumero), None)
    if peruste is None:
        known = ", ".join(p.diaarinumero for p in versions)
        problems.append(
            report.problem(
                f"tutkinnolla {coverage.koodi} ({versions[0].name}) ei ole perustetta "
                f"{coverage.diaarinumero}: käytä jotakin näistä: {known}",
                *path,
                "diaarinumero",
            )
        )
        return
    if not peruste.units:
        problems.append(
            report.problem(
                f"perusteen {peruste.diaarinumero} tutkinnon osia ei ole viitetiedoissa, "
                "joten niitä ei voi tarkistaa: valitse toinen peruste",
                *path,
                "diaarinumero",
            )
        )
        return
    seen = set()
    for index, unit in enumerate(coverage.tutkinnon_osat):
        where = (*path, "tutkinnon_osat", index)
        if unit.koodi in seen:
            problems.append(report.problem(f"tutkinnon osa {unit.koodi} on luettelossa kahdesti", *where, "koodi"))
        seen.add(unit.koodi)
        if unit.koodi not in peruste.units:
            homes = [h for h in reference.homes_of_unit(unit.koodi) if h is not peruste]
            if homes:
                reason = (
                    f"tutkinnon osa {unit.koodi} ({homes[0].units[unit.koodi].name}) kuuluu tutkintoon "
                    f"{homes[0].code} {homes[0].name} ({homes[0].diaarinumero}), ei tähän perusteeseen"
                )
            else:
                reason = f"tutkinnon osan koodia {unit.koodi} ei löydy viitetiedoista"
            near = reference.closest(unit.koodi, peruste.units)
            hint = f"; lähin tämän perusteen koodi on {near} ({peruste.units[near].name})" if near else ""
            problems.append(report.problem(reason + hint, *where, "koodi"))
        if unit.kattavuus == "osittainen" and not unit.osat:
            problems.append(
                report.problem(
                    "kerro osittaisesta tutkinnon osasta kentässä 'osat', mitkä osat pajalla voi tehdä",
                    *where,
                    "kattavuus",
                )
            )
        if unit.kattavuus == "kokonainen" and unit.osat:
            problems.append(
                report.problem(
                    "'osat' kuvataan vain osittaisille tutkinnon osille: poista se tai "
                    "vaihda kattavuudeksi 'osittainen'",
                    *where,
                    "osat",
                )
            )


def check_reports(site: Site, broken: frozenset[str]) -> list[Problem]:
    problems = []
    parties = site.party_by_id
    for report in site.reports:
        workshop = parties.get(report.tyopaja)
        if workshop is None:
            if f"osapuolet/{report.tyopaja}" not in broken:
                problems.append(
                    report.problem(
                        f"osapuolta '{report.tyopaja}' ei ole kansiossa data/osapuolet"
                        f"{_suggest(report.tyopaja, parties)}",
                        "tyopaja",
                    )
                )
        elif not workshop.is_workshop:
            problems.append(
                report.problem(
                    f"'{report.tyopaja}' on koulutuksen järjestäjä: tunnistamisraportti "
                    "tehdään työpajan oppimisympäristöstä",
                    "tyopaja",
                )
            )
        elif report.kunta not in workshop.kunnat:
            problems.append(
                report.problem(
                    f"kunta '{report.kunta}' ei ole työpajan kunnissa "
                    f"({', '.join(workshop.kunnat)}): korjaa kunta tai lisää se työpajan "
                    "tietoihin",
                    "kunta",
                )
            )
        provider = parties.get(report.tunnistajat.koulutuksen_jarjestaja)
        provider_id = report.tunnistajat.koulutuksen_jarjestaja
        if provider is None and f"osapuolet/{provider_id}" not in broken:
            problems.append(
                report.problem(
                    f"osapuolta '{provider_id}' ei ole kansiossa data/osapuolet{_suggest(provider_id, parties)}",
                    "tunnistajat",
                    "koulutuksen_jarjestaja",
                )
            )
        elif provider is not None and provider.is_workshop:
            problems.append(
                report.problem(
                    f"'{provider_id}' on työpaja: anna tunnistamiseen osallistuneen opettajan koulutuksen järjestäjä",
                    "tunnistajat",
                    "koulutuksen_jarjestaja",
                )
            )
        if report.tarkistettava <= report.tunnistettu:
            problems.append(report.problem("tarkistuspäivän pitää olla tunnistamispäivän jälkeen", "tarkistettava"))
        if site.reference is not None:
            for index, coverage in enumerate(report.tutkinnot):
                _check_units(report, coverage, ("tutkinnot", index), site.reference, problems)
    return problems


CHECKS = [check_parties, check_prices, check_funding, check_contacts, check_clock, check_reports]


def cross_check(site: Site, broken: frozenset[str] = frozenset()) -> list[Problem]:
    """Every cross-check; broken names the records ('osapuolet/x') whose files are invalid, so that a
    reference to them is not reported a second time."""
    problems = []
    for check in CHECKS:
        problems.extend(check(site, broken))
    return problems
