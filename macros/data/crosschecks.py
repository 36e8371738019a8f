"""Cross-checks between records; each returns Problems that point at the offending line."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from datetime import date
from difflib import get_close_matches
from fnmatch import fnmatch
from itertools import pairwise

from . import pages
from .problems import NOTICE, WARNING, Problem
from .reference import validity
from .site import Site


def _suggest(value: str, choices) -> str:
    close = get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f" (tarkoititko '{close[0]}'?)" if close else ""


def check_parties(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
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
        ending = party.paattyminen
        if ending is not None and ending.paiva < party.liittynyt:
            problems.append(
                party.problem(
                    "päättymispäivä on ennen liittymispäivää: tarkista 'paattyminen.paiva'", "paattyminen", "paiva"
                )
            )
        if ending is not None and ending.tapa == "yksipuolinen purkaminen" and party.is_workshop:
            problems.append(
                party.problem(
                    "yksipuolinen purkaminen on vain koulutuksen järjestäjän oikeus (kun lait "
                    "tai määräykset estävät pajajaksot): työpajan lähtö on irtisanominen tai "
                    "purkaminen",
                    "paattyminen",
                    "tapa",
                )
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


PARTY_PAGE = "osapuolet/{}.md"


def check_party_pages(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Every party has a page of its own (docs/osapuolet/<tunnus>.md, which shows it with {{ osapuoli() }}),
    and every page there belongs to a party."""
    problems = []
    for party in site.parties:
        page = PARTY_PAGE.format(party.id)
        if page not in site.pages:
            problems.append(
                party.problem(
                    f"osapuolella ei ole omaa sivua: luo tiedosto docs/{page}, jonka ensimmäinen rivi on "
                    "{{ osapuoli() }} (katso mallia ylläpito-ohjeesta)",
                    "nimi",
                )
            )
        elif not any(isinstance(p, pages.Call) and p.name == "osapuoli" for p in site.pages[page]):
            problems.append(
                Problem(f"docs/{page}", 1, 1, "sivulta puuttuu rivi {{ osapuoli() }}, joka näyttää osapuolen tiedot")
            )
    for page in site.pages:
        folder, _, name = page.rpartition("/")
        if folder == "osapuolet" and name.endswith(".md") and name[:-3] not in site.party_by_id:
            if f"osapuolet/{name[:-3]}" in broken:
                continue
            problems.append(
                Problem(
                    f"docs/{page}",
                    1,
                    1,
                    f"osapuolta '{name[:-3]}' ei ole kansiossa data/osapuolet{_suggest(name[:-3], site.party_by_id)}: "
                    "sivun nimen pitää olla osapuolen tunnus",
                )
            )
    return problems


def check_prices(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
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
    if site.price_tiers and site.price_tiers.vuosi < today.year:
        problems.append(
            site.price_tiers.problem(
                f"hinnat on merkitty vuodelle {site.price_tiers.vuosi}, ja nyt on vuosi {today.year}: tarkista "
                f"hinnat ja muuta 'vuosi' arvoon {today.year}",
                "vuosi",
                level="varoitus",
            )
        )
    return problems


def check_funding(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    funding = site.funding
    if not funding:
        return []
    total = sum(share.prosentti for share in funding.osuudet)
    if abs(total - 100) > 0.01:
        return [funding.problem(f"osuuksien summa on {total:g} %, kun sen pitää olla 100 %", "osuudet")]
    return []


def check_contacts(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
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
    # The template: the signatory sends the contact person's details to the parties right after signing.
    for party in site.parties:
        if party.id in first_contact or party.ended_by(today):
            continue
        if party.allekirjoitettu:
            problems.append(
                party.problem(
                    "osapuoli on allekirjoittanut linjaukset, mutta sillä ei ole vastuuhenkilöä: linjausten mukaan "
                    "allekirjoittaja ilmoittaa vastuuhenkilön heti allekirjoittamisen jälkeen; lisää ensisijainen "
                    "yhteyshenkilö kansioon data/vastuuhenkilot",
                    "allekirjoitettu",
                )
            )
        else:
            problems.append(
                party.problem(
                    "osapuolella ei ole vielä vastuuhenkilöä: lisää ensisijainen yhteyshenkilö kansioon "
                    "data/vastuuhenkilot viimeistään allekirjoittamisen jälkeen",
                    "nimi",
                    level=NOTICE,
                )
            )
    return problems


def minutes(clock_time: str) -> int:
    hours, mins = clock_time.split(":")
    return int(hours) * 60 + int(mins)


def check_clock(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
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
        if (activity.alkaa_klo or activity.paattyy_klo) and activity.paiva is None:
            problems.append(
                activity.problem(
                    "kellonaika annetaan vain tiettynä päivänä olevalle toiminnolle: lisää 'paiva'",
                    "alkaa_klo" if activity.alkaa_klo else "paattyy_klo",
                )
            )
        if activity.paattyy_klo and not activity.alkaa_klo:
            problems.append(activity.problem("anna myös alkamisaika 'alkaa_klo'", "paattyy_klo"))
        if activity.alkaa_klo and activity.paattyy_klo and minutes(activity.paattyy_klo) <= minutes(activity.alkaa_klo):
            problems.append(
                activity.problem("päättymisajan pitää olla alkamisajan jälkeen samana päivänä", "paattyy_klo")
            )
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


def _check_units(report, coverage, path, reference, today, problems):
    """A report's qualification against the reference data: the qualification, its peruste and whether that
    is in force, and the units (against the peruste's structure, or against the list of all units when the
    structure is not in the reference data)."""
    code = coverage.koodi
    versions = reference.versions(code)
    if not versions and code not in reference.qualifications:
        near = reference.closest(code, reference.qualification_codes())
        hint = f" (lähin tunnettu koodi on {near}: {reference.name(near)})" if near else ""
        problems.append(report.problem(f"tutkinnon koodia {code} ei löydy viitetiedoista{hint}", *path, "koodi"))
        return
    peruste = reference.peruste(code, coverage.diaarinumero)
    if peruste is None:
        if versions:
            known = ", ".join(p.diaarinumero for p in versions if not p.export_trial)
            problems.append(
                report.problem(
                    f"tutkinnolla {code} ({reference.name(code)}) ei ole viitetiedoissa "
                    f"perustetta {coverage.diaarinumero}: "
                    f"käytä jotakin näistä: {known}; jos peruste on uudempi, pyydä kehittäjiä lisäämään se lähteineen "
                    "tiedostoon data/viitetiedot/lisaykset.yml",
                    *path,
                    "diaarinumero",
                )
            )
        else:
            problems.append(
                report.problem(
                    f"tutkinnon {code} ({reference.name(code)}) perusteita ei ole viitetiedoissa, joten perustetta "
                    f"{coverage.diaarinumero} ja sen tutkinnon osia ei voitu tarkistaa",
                    *path,
                    "diaarinumero",
                    level=NOTICE,
                )
            )
        _check_named_units(report, coverage, path, reference, problems)
        return
    if peruste.export_trial:
        problems.append(
            report.problem(
                f"peruste {peruste.diaarinumero} on koulutusvientikokeilun peruste, ei suomalaisen koulutuksen: käytä "
                "tutkinnon kotimaista perustetta",
                *path,
                "diaarinumero",
            )
        )
        return
    judged = validity(reference, peruste, code, today)
    if judged.level:
        problems.append(report.problem(judged.message, *path, "diaarinumero", level=judged.level))
    if not peruste.units:
        problems.append(
            report.problem(
                f"perusteen {peruste.diaarinumero} tutkinnon osia ei ole viitetiedoissa, joten niitä ei voitu "
                "tarkistaa perusteesta: ne näkyvät sivulla merkinnällä 'ei tarkistettu viitetiedoista'",
                *path,
                "diaarinumero",
                level=NOTICE,
            )
        )
        _check_named_units(report, coverage, path, reference, problems)
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
                reason = f"tutkinnon osan koodia {unit.koodi} ei löydy perusteesta {peruste.diaarinumero}"
            near = reference.closest(unit.koodi, peruste.units)
            hint = f"; lähin tämän perusteen koodi on {near} ({peruste.units[near].name})" if near else ""
            problems.append(report.problem(reason + hint, *where, "koodi"))
        elif unit.nimi and unit.nimi.casefold() != peruste.units[unit.koodi].name.casefold():
            problems.append(
                report.problem(
                    f"tutkinnon osan {unit.koodi} nimi perusteessa on '{peruste.units[unit.koodi].name}': "
                    "poista kenttä "
                    "'nimi' (nimi haetaan perusteesta) tai korjaa koodi",
                    *where,
                    "nimi",
                    level=WARNING,
                )
            )
        _check_coverage_words(report, unit, where, problems)


def _check_named_units(report, coverage, path, reference, problems):
    """Units of a peruste whose structure is not in the reference data: each must be named, and a code
    that the national list of units knows must carry its name."""
    seen = set()
    for index, unit in enumerate(coverage.tutkinnon_osat):
        where = (*path, "tutkinnon_osat", index)
        if unit.koodi in seen:
            problems.append(report.problem(f"tutkinnon osa {unit.koodi} on luettelossa kahdesti", *where, "koodi"))
        seen.add(unit.koodi)
        official = reference.unit_names.get(unit.koodi)
        if not unit.nimi:
            hint = f": viitetietojen mukaan se on '{official}'" if official else ""
            problems.append(
                report.problem(
                    f"kirjoita tutkinnon osan {unit.koodi} nimi kenttään 'nimi', koska perusteen tutkinnon osia ei ole "
                    f"viitetiedoissa{hint}",
                    *where,
                    "koodi",
                )
            )
        elif official is None:
            problems.append(
                report.problem(
                    f"tutkinnon osan koodia {unit.koodi} ei ole valtakunnallisessa tutkinnon osien "
                    "luettelossa: tarkista "
                    "koodi ePerusteista",
                    *where,
                    "koodi",
                    level=WARNING,
                )
            )
        elif unit.nimi.casefold() != official.casefold():
            problems.append(
                report.problem(
                    f"koodilla {unit.koodi} on tutkinnon osien luettelossa nimi '{official}': korjaa nimi tai koodi",
                    *where,
                    "nimi",
                    level=WARNING,
                )
            )
        _check_coverage_words(report, unit, where, problems)


def _check_coverage_words(report, unit, where, problems):
    if unit.kattavuus == "osittainen" and not unit.osat:
        problems.append(
            report.problem(
                "kerro osittaisesta tutkinnon osasta kentässä 'osat', mitkä osat pajalla voi tehdä", *where, "kattavuus"
            )
        )
    if unit.kattavuus == "kokonainen" and unit.osat:
        problems.append(
            report.problem(
                "'osat' kuvataan vain osittaisille tutkinnon osille: poista se tai vaihda kattavuudeksi 'osittainen'",
                *where,
                "osat",
            )
        )


def check_reports(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
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
                _check_units(report, coverage, ("tutkinnot", index), site.reference, today, problems)
    return problems


def check_notes(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Every editorial note a page shows exists; every note is shown somewhere and checked within a year."""
    problems, used = [], set()
    for page, parts in site.pages.items():
        for call in (p for p in parts if isinstance(p, pages.Call) and p.name == "huomautus"):
            name = dict(zip(pages.PAGE_MACROS["huomautus"].params, call.args, strict=False)) | dict(call.kwargs)
            note = name.get("tunnus")
            used.add(note)
            if note not in site.notes and "huomautukset" not in broken:
                problems.append(
                    Problem(
                        f"docs/{page}",
                        call.line,
                        1,
                        f"huomautusta '{note}' ei ole tiedostossa data/huomautukset.yml{_suggest(note, site.notes)}",
                    )
                )
    for note in site.notes.values():
        if note.tunnus not in used:
            problems.append(
                note.problem(
                    "huomautusta ei näytetä millään sivulla: lisää sivulle "
                    f'{{{{ huomautus("{note.tunnus}") }}}} tai poista huomautus',
                    "tunnus",
                    level=WARNING,
                )
            )
        if (today - note.tarkistettu).days > 365:
            problems.append(
                note.problem(
                    f"huomautuksen tiedot on tarkistettu viimeksi {note.tarkistettu.day}."
                    f"{note.tarkistettu.month}.{note.tarkistettu.year}: tarkista lähteet ja "
                    "päivitä 'tarkistettu'",
                    "tarkistettu",
                    level=NOTICE,
                )
            )
    return problems


_MD_PAGE_LINK = re.compile(r"\]\(\s*<?([^)\s>#:]+\.md)(#[^)\s>]*)?")


def check_region(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """The supervising authority is a fact the region states: checked from its source within a year."""
    authority = site.region.valvontaviranomainen if site.region else None
    if authority is None or (today - authority.tarkistettu).days <= 365:
        return []
    return [
        authority.problem(
            f"valvontaviranomaisen tieto on tarkistettu viimeksi {authority.tarkistettu.day}."
            f"{authority.tarkistettu.month}.{authority.tarkistettu.year}: tarkista se lähteestä ja päivitä "
            "'tarkistettu'",
            "tarkistettu",
            level=NOTICE,
        )
    ]


def _plain(text: str) -> str:
    """Text for comparing a quotation: emphasis marks dropped, white space folded."""
    return " ".join(re.sub(r"[*_]", "", text).split())


def agreement_text(site: Site) -> str:
    """The agreement's own words: the text of its section pages, macro calls left out."""
    parts = [
        part
        for name in pages.AGREEMENT_SECTIONS
        for part in site.pages.get(f"linjaukset/{name}.md", ())
        if isinstance(part, str)
    ]
    return _plain(" ".join(parts))


def _version_key(number: str) -> tuple[int, int]:
    major, minor = number.split(".")
    return int(major), int(minor)


def check_versions(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Versions in order; each signature names a version that was agreed before it was signed."""
    problems = []
    versions = site.versions
    for before, version in pairwise(versions):
        if _version_key(version.numero) <= _version_key(before.numero):
            problems.append(version.problem(f"version pitää olla suurempi kuin edellinen ({before.numero})", "numero"))
        if version.paiva < before.paiva:
            problems.append(version.problem(f"päivä on ennen edellisen version päivää ({before.paiva})", "paiva"))
    by_number = {v.numero: v for v in versions}
    if not versions and "versiot" in broken:
        return problems
    for party in site.parties:
        if party.versio and not party.allekirjoitettu:
            problems.append(party.problem("versio kirjataan vasta, kun allekirjoituspäivä on annettu", "versio"))
        elif party.versio and party.versio not in by_number:
            problems.append(
                party.problem(
                    f"versiota {party.versio} ei ole tiedostossa data/versiot.yml{_suggest(party.versio, by_number)}",
                    "versio",
                )
            )
        elif party.versio and by_number[party.versio].paiva > party.allekirjoitettu:
            problems.append(
                party.problem(
                    f"versio {party.versio} on sovittu vasta {by_number[party.versio].paiva.day}."
                    f"{by_number[party.versio].paiva.month}.{by_number[party.versio].paiva.year}: tarkista "
                    "allekirjoituspäivä tai versio",
                    "versio",
                )
            )
    return problems


def check_paths(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Each step and obligation quotes the agreement word for word; ids are unique."""
    problems = []
    for page, parts in site.pages.items():
        for call in (p for p in parts if isinstance(p, pages.Call) and p.name == "polku"):
            wanted = (dict(zip(pages.PAGE_MACROS["polku"].params, call.args, strict=False)) | dict(call.kwargs)).get(
                "tunnus"
            )
            if wanted not in site.paths and "polut" not in broken:
                problems.append(
                    Problem(
                        f"docs/{page}",
                        call.line,
                        1,
                        f"polkua '{wanted}' ei ole tiedostossa data/polut.yml{_suggest(wanted, site.paths)}",
                    )
                )
    text = agreement_text(site)
    seen_paths = set()
    for path in site.paths.values():
        if path.tunnus in seen_paths:
            problems.append(path.problem(f"polun tunnus '{path.tunnus}' on jo käytössä", "tunnus"))
        seen_paths.add(path.tunnus)
        seen_steps = set()
        for step in path.vaiheet:
            if step.tunnus in seen_steps:
                problems.append(step.problem(f"vaiheen tunnus '{step.tunnus}' on jo tällä polulla", "tunnus"))
            seen_steps.add(step.tunnus)
        for item in (*path.vaiheet, *path.velvoitteet):
            if len(_plain(item.linjauksissa).split()) < QUOTE_WORDS:
                problems.append(
                    item.problem(
                        f"lainaus on liian lyhyt (vähintään {QUOTE_WORDS} sanaa): kopioi koko virke, josta vaihe "
                        "tulee, linjausten sivulta (docs/linjaukset/)",
                        "linjauksissa",
                    )
                )
            elif text and _plain(item.linjauksissa) not in text:
                problems.append(
                    item.problem(
                        "lainausta ei löydy linjausten tekstistä: kopioi virke sanasta sanaan linjausten sivulta "
                        "(docs/linjaukset/)",
                        "linjauksissa",
                    )
                )
    return problems


QUOTE_WORDS = 5  # a step quotes a sentence of the agreement, not a word that any text has


def check_quota_places(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Quota places: a workshop and a provider that exist, sane term dates, no more in use than agreed."""
    problems = []
    for term in site.quota_terms:
        for field_name, want_workshop in (("tyopaja", True), ("koulutuksen_jarjestaja", False)):
            party_id = getattr(term, field_name)
            party = site.party_by_id.get(party_id)
            if party is None:
                if f"osapuolet/{party_id}" not in broken:
                    problems.append(
                        term.problem(
                            f"osapuolta '{party_id}' ei ole kansiossa data/osapuolet"
                            + _suggest(party_id, site.party_by_id),
                            field_name,
                        )
                    )
            elif party.is_workshop != want_workshop:
                kind = "työpaja" if want_workshop else "koulutuksen järjestäjä"
                problems.append(term.problem(f"'{party_id}' ei ole {kind}", field_name))
        if term.kaytossa > term.sovittu:
            problems.append(
                term.problem(
                    f"käytössä on enemmän paikkoja ({term.kaytossa}) kuin on sovittu ({term.sovittu})", "kaytossa"
                )
            )
        if term.paattyy <= term.alkaa:
            problems.append(term.problem("kauden pitää päättyä alkamisen jälkeen: tarkista 'paattyy'", "paattyy"))
        elif (term.paattyy - term.alkaa).days > 366:
            problems.append(term.problem("kausi on yli vuoden mittainen: jaa se lukukausiin", "paattyy"))
        if term.ilmoitettu > term.paattyy:
            problems.append(term.problem("paikat ilmoitetaan ennen kauden päättymistä", "ilmoitettu"))
    return problems


def check_links_and_navigation(site: Site, broken: frozenset[str], today: date) -> list[Problem]:
    """Every link to another page points to a page that exists, and every page is in the navigation (or
    reached from an index, like the reports): MkDocs would otherwise stop the build in English."""
    problems = []
    for page, parts in site.pages.items():
        folder = posixpath.dirname(page)
        line = site.page_lines.get(page, 0) + 1
        for part in parts:
            if isinstance(part, pages.Call):
                continue
            for match in _MD_PAGE_LINK.finditer(part):
                target = posixpath.normpath(posixpath.join(folder, match.group(1)))
                if target not in site.pages:
                    at = line + part[: match.start()].count("\n")
                    problems.append(
                        Problem(
                            f"docs/{page}",
                            at,
                            1,
                            f"linkin kohdetta '{match.group(1)}' ei ole: "
                            "korjaa linkki (sivujen nimet näet kansiosta docs/)",
                        )
                    )
            line += part.count("\n")
    # News texts link to pages by their files, relative to docs/ (the news is shown on several pages).
    for article in site.articles:
        for match in _MD_PAGE_LINK.finditer(article.body):
            if posixpath.normpath(match.group(1)) not in site.pages:
                problems.append(
                    Problem(
                        article.file,
                        article.body_line + 1 + article.body[: match.start()].count("\n"),
                        1,
                        f"linkin kohdetta '{match.group(1)}' ei ole: kirjoita sivun tiedoston nimi kansiosta docs/, "
                        "esim. [vuosikello](vuosikello.md)",
                    )
                )
    if site.navigation is not None:
        for page in site.pages:
            if page not in site.navigation and not any(fnmatch(page, p) for p in site.not_in_nav):
                problems.append(
                    Problem(
                        f"docs/{page}",
                        1,
                        1,
                        "sivu ei ole sivuston valikossa: pyydä kehittäjiä "
                        "lisäämään se tiedoston mkdocs.yml kohtaan nav, tai poista sivu",
                    )
                )
    return problems


CHECKS = [
    check_parties,
    check_party_pages,
    check_prices,
    check_funding,
    check_contacts,
    check_clock,
    check_reports,
    check_notes,
    check_region,
    check_versions,
    check_paths,
    check_quota_places,
    check_links_and_navigation,
]


def cross_check(site: Site, broken: frozenset[str] = frozenset(), today: date | None = None) -> list[Problem]:
    """Every cross-check; broken names the records ('osapuolet/x', or the kind of a single file:
    'huomautukset') whose files are invalid, so that a reference to them is not reported a second time;
    today is the day the data is judged on."""
    problems = []
    for check in CHECKS:
        problems.extend(check(site, broken, today or date.today()))
    return problems
