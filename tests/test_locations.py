"""A place's location as a contributor writes it: `location: {lat, lon, source}` on a place, checked
by `briefing check` (valid ranges, places only, read from a reference source), each problem
located at its file, line and column with a hint; and `briefing new entity` asking for it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.cli.test_check import REFERENCE, reported, run_check
from tests.conftest import MakeProject

ENTITIES = "briefings/entities.yml"
PLACE_HEAD = ('alpha-country:\n  name: "Alpha"\n  kind: country\n'
              'beta-country:\n  name: "Beta"\n  kind: country\n'
              'beta-port:\n  name: "Beta Port"\n  kind: place\n')
REGISTER = {"briefings/sources/register.yml": REFERENCE}
#: a fact naming the place, so it is not an unused entity
TOPIC = ("briefings/topics/port.yml", 'title: "Port"\nsummary: "The port."\nfacts:\n  - id: port-fact\n'
         '    claim: "Goats landed at the port."\n    status: reported\n    entities: [beta-port]\n'
         '    cites:\n      - source: alpha-report\n        locator: "paragraph 2"\n')


def project_with(make_project: MakeProject, location: str, *, head: str = PLACE_HEAD) -> MakeProject:
    return make_project({**REGISTER, TOPIC[0]: TOPIC[1], ENTITIES: head + location})


def test_a_place_located_from_a_reference_passes(make_project: MakeProject) -> None:
    root = project_with(make_project, "  location: {lat: 38.73333, lon: 125.4, source: register}\n")
    result = run_check(root, "--strict")
    assert result.exit_code == 0, reported(result)


CASES = {
    "latitude out of range": (
        "  location: {lat: 125.4, lon: 38.7, source: register}\n",
        f"{ENTITIES}:10:19: error: 125.4 is not a latitude: it runs from -90 (south) to 90 (north)",
        "write decimal degrees as the reference page gives them (a minus sign for south or west; 39°1′10″N is "
        "39.01944); are `lat` and `lon` swapped?"),
    "longitude out of range": (
        "  location:\n    lat: 38.7\n    lon: -181\n    source: register\n",
        f"{ENTITIES}:12:10: error: -181 is not a longitude: it runs from -180 (west) to 180 (east)",
        "write decimal degrees as the reference page gives them (a minus sign for south or west; 39°1′10″N is "
        "39.01944); are `lat` and `lon` swapped?"),
    "coordinates in degrees and minutes": (
        "  location: {lat: \"38°44′N\", lon: 125.4, source: register}\n",
        f"{ENTITIES}:10:19: error: expected decimal degrees, got str '38°44′N'",
        "write the number without quotes, e.g. 39.01944; degrees, minutes and seconds convert as degrees + "
        "minutes/60 + seconds/3600 (39°1′10″N is 39.01944, south and west are negative)"),
    "source missing": (
        "  location: {lat: 38.7, lon: 125.4}\n",
        f"{ENTITIES}:10:13: error: missing required field 'source'", "add `source:` here"),
    "source not a reference": (
        "  location: {lat: 38.7, lon: 125.4, source: alpha-report}\n",
        f"{ENTITIES}:10:45: error: the location's source 'alpha-report' is not a reference (its kind is "
        "'article')",
        "name the gazetteer or encyclopedia page the coordinates were read from: a source with `kind: "
        "reference`, its `url` and `accessed`"),
    "unknown source": (
        "  location: {lat: 38.7, lon: 125.4, source: registr}\n",
        f"{ENTITIES}:10:45: error: unknown source 'registr'", "did you mean 'register'?"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_location_problem_is_located_with_its_hint(make_project: MakeProject, name: str) -> None:
    location, line, hint = CASES[name]
    result = run_check(project_with(make_project, location))
    assert result.exit_code == 1
    assert f"{line}\n    hint: {hint}\n" in reported(result), reported(result)


def test_a_location_on_anything_but_a_place_is_refused_at_its_key(make_project: MakeProject) -> None:
    head = PLACE_HEAD.replace('  kind: country\nbeta-port', '  kind: country\n'
                              '  location: {lat: 38.7, lon: 125.4, source: register}\nbeta-port')
    result = run_check(project_with(make_project, "", head=head))
    assert result.exit_code == 1
    assert (f"{ENTITIES}:7:3: error: only a place has a `location`, and this entity's kind is 'country'\n"
            "    hint: remove `location`, or set `kind: place` if it is a place\n") in reported(result)


def test_a_reference_read_only_for_a_location_is_not_an_unused_source(make_project: MakeProject) -> None:
    root = project_with(make_project, "  location: {lat: 38.7, lon: 125.4, source: register}\n")
    assert "register" not in reported(run_check(root))


def test_new_entity_asks_a_place_for_its_location(make_project: MakeProject) -> None:
    root = make_project(REGISTER)
    answers = "38.73333\n125.4\nregistr\nregister\n"
    result = CliRunner().invoke(main, ["new", "entity", "--root", str(root), "--name", "Beta Port", "--kind",
                                       "place", "--description", "A port", "--id", "beta-port"], input=answers)
    assert result.exit_code == 0, result.output
    assert "unknown source 'registr'" in result.output
    written = (root / ENTITIES).read_text(encoding="utf-8")
    assert written.endswith('beta-port:\n  name: "Beta Port"\n  kind: "place"\n  description: "A port"\n'
                            '  location: {lat: 38.73333, lon: 125.4, source: "register"}\n'), written


def test_new_entity_refuses_a_latitude_out_of_range(make_project: MakeProject) -> None:
    root = make_project(REGISTER)
    before = (root / ENTITIES).read_bytes()
    result = CliRunner().invoke(main, ["new", "entity", "--root", str(root), "--name", "Port", "--kind", "place",
                                       "--id", "port", "--lat", "95", "--lon", "3", "--location-source", "register",
                                       "--no-input"])
    assert result.exit_code != 0
    assert "95.0 is not a latitude" in result.output
    assert (root / ENTITIES).read_bytes() == before


def test_new_entity_asks_no_location_of_a_person(make_project: MakeProject) -> None:
    root = make_project(REGISTER)
    result = CliRunner().invoke(main, ["new", "entity", "--root", str(root), "--name", "Kim", "--kind", "person",
                                       "--id", "kim"], input="\n")
    assert result.exit_code == 0, result.output
    assert "Latitude" not in result.output
