"""`make uusi-alue` (python -m macros.cli.new_region [VASTAUSTIEDOSTO]): a clone of this site becomes a new,
empty region.

Asks in Finnish (or reads a short YAML answer file, for scripts and tests) the region's name in the three
forms the pages use, its municipalities, the network's addresses, the coordinator, the controller of the
contact directory, and the site's address and repository. Then it removes the example region's parties,
contact persons, reports, party pages, news and quota places, keeps the agreement text, the transition
paths, the editorial notes and the template's price tiers and funding figures, starts the region's own
version 1.0 of the agreement, and writes the answers into data/alue.yml and mkdocs.yml. The result passes
`make check` and `make build`, and its front page lists what to fill in next.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..data.loader import build_date
from ..data.models import BusinessId, Email, Line, PlaceName, Url
from ..data.problems import finnish_message

EXAMPLE_FOLDERS = (
    "data/osapuolet",
    "data/vastuuhenkilot",
    "data/ajankohtaista",
    "docs/tunnistamisraportit",
    "docs/osapuolet",
)


class Answers(BaseModel):
    """Uuden alueen tiedot."""

    model_config = ConfigDict(extra="forbid")

    nimi: PlaceName = Field(description="Alueen nimi perusmuodossa, esim. Pohjolanmaa.")
    nimi_genetiivi: PlaceName = Field(description="Genetiivissä, esim. Pohjolanmaan.")
    nimi_inessiivi: PlaceName = Field(description="Paikallissijassa, esim. Pohjolanmaalla.")
    kunnat: list[Line] = Field(min_length=1, description="Alueen kunnat.")
    kuvaus: Line = Field(description="Yksi virke verkostosta etusivulle.")
    sahkoposti: Email = Field(description="Verkoston yhteinen sähköpostiosoite.")
    palaute_sahkoposti: Email = Field(description="Saavutettavuuspalautteen ja tietosuojakysymysten osoite.")
    yllapitaja: Line = Field(description="Sivuston ylläpitäjä (organisaatio).")
    koordinaattori_nimi: Line
    koordinaattori_tehtava: Line
    koordinaattori_sahkoposti: Email
    rekisterinpitaja: Line = Field(
        description="Vastuuhenkilöhakemiston rekisterinpitäjä (organisaatio oikeushenkilönä)."
    )
    rekisterinpitaja_y_tunnus: BusinessId
    rekisterinpitaja_postiosoite: Line
    tietosuojavastaava: Email
    sivuston_osoite: Url = Field(description="Sivuston osoite, esim. https://omistaja.github.io/linjaukset/.")
    repositorio: str = Field(
        pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", description="GitHub-repositorio omistaja/nimi."
    )


QUESTIONS = [
    ("nimi", "Alueen nimi perusmuodossa (esim. Pohjolanmaa)"),
    ("nimi_genetiivi", "Alueen nimi genetiivissä (esim. Pohjolanmaan)"),
    ("nimi_inessiivi", "Alueen nimi paikallissijassa (esim. Pohjolanmaalla)"),
    ("kunnat", "Alueen kunnat pilkuin erotettuina"),
    ("kuvaus", "Yksi virke verkostosta etusivulle"),
    ("sahkoposti", "Verkoston yhteinen sähköpostiosoite"),
    ("palaute_sahkoposti", "Saavutettavuuspalautteen ja tietosuojakysymysten sähköpostiosoite"),
    ("yllapitaja", "Sivuston ylläpitäjä (organisaatio)"),
    ("koordinaattori_nimi", "Koordinaattorin nimi"),
    ("koordinaattori_tehtava", "Koordinaattorin tehtävänimike"),
    ("koordinaattori_sahkoposti", "Koordinaattorin työsähköposti"),
    ("rekisterinpitaja", "Vastuuhenkilöhakemiston rekisterinpitäjä (esim. Pohjolanmaan kaupunki)"),
    ("rekisterinpitaja_y_tunnus", "Rekisterinpitäjän Y-tunnus"),
    ("rekisterinpitaja_postiosoite", "Rekisterinpitäjän postiosoite"),
    ("tietosuojavastaava", "Tietosuojavastaavan sähköpostiosoite"),
    ("sivuston_osoite", "Sivuston osoite (https://…/)"),
    ("repositorio", "GitHub-repositorio muodossa omistaja/nimi"),
]


def ask() -> dict:
    answers = {}
    print("Uusi alue: vastaa kysymyksiin. Tiedot voi korjata myöhemmin tiedostossa data/alue.yml.\n")
    for key, question in QUESTIONS:
        value = input(f"{question}: ").strip()
        answers[key] = [v.strip() for v in value.split(",") if v.strip()] if key == "kunnat" else value
    return answers


def _quoted(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def region_yaml(a: Answers, old: dict) -> str:
    """data/alue.yml for the new region; the supervising authority is kept from the template (national)."""
    authority = old["valvontaviranomainen"]
    lines = [
        "# yaml-language-server: $schema=../schemas/alue.schema.json",
        "# Alueen perustiedot. Näkyvät etusivulla, otsikoissa ja sivuston alareunassa.",
        f"nimi: {a.nimi}",
        f"nimi_genetiivi: {a.nimi_genetiivi}",
        f"nimi_inessiivi: {a.nimi_inessiivi}",
        "kunnat:",
        *[f"  - {_quoted(k)}" for k in a.kunnat],
        f"sahkoposti: {a.sahkoposti}",
        f"kuvaus: {_quoted(a.kuvaus)}",
        f"yllapitaja: {_quoted(a.yllapitaja)}",
        f"palaute_sahkoposti: {a.palaute_sahkoposti}",
        "koordinaattori:",
        f"  nimi: {_quoted(a.koordinaattori_nimi)}",
        f"  tehtava: {_quoted(a.koordinaattori_tehtava)}",
        f"  sahkoposti: {a.koordinaattori_sahkoposti}",
        "# Saavutettavuusselosteen valvontaviranomainen: tarkista lähteestä vähintään kerran vuodessa.",
        "valvontaviranomainen:",
        f"  nimi: {_quoted(authority['nimi'])}",
        f"  osoite: {authority['osoite']}",
        "  lahde:",
        f"    nimi: {_quoted(authority['lahde']['nimi'])}",
        f"    osoite: {authority['lahde']['osoite']}",
        f"  tarkistettu: {authority['tarkistettu']}",
        "# Vastuuhenkilöhakemiston rekisterinpitäjä on organisaatio oikeushenkilönä (esim. kunta), ei sen yksikkö.",
        "rekisterinpitaja:",
        f"  nimi: {_quoted(a.rekisterinpitaja)}",
        f"  y_tunnus: {a.rekisterinpitaja_y_tunnus}",
        f"  postiosoite: {_quoted(a.rekisterinpitaja_postiosoite)}",
        f"  tietosuojavastaava: {a.tietosuojavastaava}",
    ]
    return "\n".join(lines) + "\n"


def _rewrite(path: Path, function) -> None:
    path.write_text(function(path.read_text(encoding="utf-8")), encoding="utf-8")


def make_region(root: Path, answers: dict, today: date) -> list[str]:
    """Turn the project at root into the new region; returns what was done, in Finnish."""
    a = Answers.model_validate(answers)
    done = []
    for folder in EXAMPLE_FOLDERS:
        removed = 0
        for file in sorted((root / folder).glob("*")):
            if file.is_file() and file.suffix in (".yml", ".md"):
                file.unlink()
                removed += 1
        done.append(f"Poistettu esimerkkialueen tiedostot kansiosta {folder} ({removed} kpl).")
    old = yaml.safe_load((root / "data/alue.yml").read_text(encoding="utf-8"))
    old_name = old["nimi"]
    (root / "data/alue.yml").write_text(region_yaml(a, old), encoding="utf-8")
    (root / "data/kiintiopaikat.yml").write_text(
        "# yaml-language-server: $schema=../schemas/kiintiopaikat.schema.json\n"
        "# Kiintiöpaikat kausittain: vain lukumäärät, ei koskaan nimiä.\nkaudet: []\n",
        encoding="utf-8",
    )
    first = f"Linjausten ensimmäinen versio {a.nimi_genetiivi} työpajoille ja koulutuksen järjestäjille."
    (root / "data/versiot.yml").write_text(
        "# yaml-language-server: $schema=../schemas/versiot.schema.json\n"
        "# Linjausten versiot vanhimmasta uusimpaan; uusi versio, kun linjausten tekstiä tai lukuja muutetaan.\n"
        "versiot:\n"
        '  - numero: "1.0"\n'
        f"    paiva: {today.isoformat()}\n"
        f"    muutokset: {_quoted(first)}\n",
        encoding="utf-8",
    )
    # The example's own organisations go; national ones (Into, the ALU coordinators) stay.
    supporters = yaml.safe_load((root / "data/tukiorganisaatiot.yml").read_text(encoding="utf-8"))
    kept = [s for s in supporters.get("tukiorganisaatiot") or () if old_name not in s.get("nimi", "")]
    (root / "data/tukiorganisaatiot.yml").write_text(
        "# yaml-language-server: $schema=../schemas/tukiorganisaatiot.schema.json\n"
        "# Verkostoa tukevat organisaatiot. Ne EIVÄT ole sopijaosapuolia. Pidä luettelo aakkosjärjestyksessä.\n"
        + yaml.safe_dump({"tukiorganisaatiot": kept}, allow_unicode=True, sort_keys=False, width=110),
        encoding="utf-8",
    )
    # The clock: the yearly activities stay, with the example's parties as roles; one-off ones go.
    clock = yaml.safe_load((root / "data/vuosikello.yml").read_text(encoding="utf-8"))
    activities = []
    for activity in clock.get("toiminnot") or ():
        if activity.get("toistuvuus") != "vuosittain":
            continue
        if activity.pop("vastuuosapuoli", None):
            activity["vastuurooli"] = "Vastuuhenkilöt"
        activities.append(activity)
    clock["alkuvuosi"], clock["toiminnot"] = today.year, activities
    (root / "data/vuosikello.yml").write_text(
        "# yaml-language-server: $schema=../schemas/vuosikello.schema.json\n"
        "# Toiminnan vuosikello. Jokainen toiminto näkyy kellossa, kuukausilistassa ja kalenteritiedostossa.\n"
        + yaml.safe_dump(clock, allow_unicode=True, sort_keys=False, width=110),
        encoding="utf-8",
    )
    _rewrite(root / "data/hintatasot.yml", lambda t: re.sub(r"^vuosi: \d{4}$", f"vuosi: {today.year}", t, flags=re.M))
    done.append(
        "Kirjoitettu data/alue.yml, uusi versio 1.0 ja tyhjät kiintiöpaikat; vuosikellosta poistettu "
        "esimerkin kertaluonteiset toiminnot."
    )

    def config(text: str) -> str:
        text = re.sub(
            r'site_url: !ENV \[SITE_URL, "[^"]*"\]', f'site_url: !ENV [SITE_URL, "{a.sivuston_osoite}"]', text
        )
        text = re.sub(
            r'repo_name: !ENV \[REPO_NAME, "[^"]*"\]', f'repo_name: !ENV [REPO_NAME, "{a.repositorio}"]', text
        )
        text = re.sub(
            r'repo_url: !ENV \[REPO_URL, "[^"]*"\]',
            f'repo_url: !ENV [REPO_URL, "https://github.com/{a.repositorio}"]',
            text,
        )
        text = re.sub(
            r"^site_author: .*$", f"site_author: {a.nimi_genetiivi} työpaja- ja koulutusverkosto", text, flags=re.M
        )
        return re.sub(
            r"^# .*yhteistyön linjaukset\.$",
            f"# {a.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen järjestäjien yhteistyön linjaukset.",
            text,
            count=1,
            flags=re.M,
        )

    _rewrite(root / "mkdocs.yml", config)
    done.append(
        f"Sivuston osoite {a.sivuston_osoite} ja repositorio {a.repositorio} kirjoitettu tiedostoon mkdocs.yml."
    )
    return done


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    try:
        answers = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8")) if argv else ask()
    except (OSError, yaml.YAMLError) as exc:
        print(f"Vastaustiedostoa ei voitu lukea: {exc}", file=sys.stderr)
        return 2
    try:
        done = make_region(root, answers or {}, build_date())
    except ValidationError as exc:
        print("Vastauksissa on korjattavaa:", file=sys.stderr)
        for error in exc.errors():
            print(f"- {'.'.join(map(str, error['loc']))}: {finnish_message(error)}", file=sys.stderr)
        return 1
    print("\n".join(done))
    print(
        "\nValmis. Tarkista tiedot komennolla make check ja esikatsele sivustoa komennolla make serve: etusivu "
        "kertoo, mitä seuraavaksi täytetään."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
