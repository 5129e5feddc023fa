"""What a project holds for `briefing new`, read leniently, and the ids it suggests."""

from __future__ import annotations

from generator.scaffold.project import Project, id_error, reference_error, slugify, suggest_id
from tests.conftest import MakeProject


def test_ids_are_suggested_from_titles() -> None:
    # at most six words, cut at a word, never ending on a small word
    assert slugify("Russia's offer: food for arms — “a deal”") == "russias-offer-food-for-arms"
    assert slugify("Alpha shipped 447 goats to Beta in August 2024") == "alpha-shipped-447-goats-to-beta"
    assert slugify("Réunion à Pyongyang") == "reunion-a-pyongyang"
    assert slugify("[Report on the shipment]") == "report-on-the-shipment"
    assert len(slugify("word " * 40)) <= 60 and not slugify("word " * 40).endswith("-")
    assert suggest_id("Alpha report", ["alpha-report", "alpha-report-2"]) == "alpha-report-3"
    assert suggest_id("!!!", [], "source") == "source"


def test_ids_are_refused_when_invalid_or_taken_with_a_suggestion() -> None:
    assert id_error("Bad_Id", [], "fact") == ("'Bad_Id' is not a valid id",
                                              "use lowercase letters, digits and hyphens, e.g. 'bad-id'")
    assert id_error("alpha", ["Alpha"], "source", "briefings/sources/alpha.yml") == (
        "source 'alpha' already exists (briefings/sources/alpha.yml)", "choose another id, e.g. 'alpha-2'")
    assert id_error("fresh\n", [], "fact") is not None
    assert reference_error("alpha-reprt", ["alpha-report"], "source", "x") == (
        "unknown source 'alpha-reprt'", "did you mean 'alpha-report'?")


def test_a_project_with_a_broken_file_still_gives_the_ids_it_can(make_project: MakeProject) -> None:
    root = make_project({"briefings/topics/broken.yml": "title: [unclosed\n",
                         "briefings/judgments.yml": '- id: "j1"\n- {}\n'})
    project = Project.read(root)
    assert project.topics == ["broken", "shipment"]
    assert project.facts == ["goat-count", "beta-denies"]
    assert (project.tags, project.judgments, project.orders) == (["goats"], ["j1"], [1])
