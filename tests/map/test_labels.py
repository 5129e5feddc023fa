"""generator/map/labels.py: every label placed clear of the other labels, of every mark and of
what the map reserves, inside the map; a label with no free position is left out."""

from __future__ import annotations

import random

from generator.map.labels import Mark, overlaps, place_labels, text_size

AREA = (0.0, 0.0, 600.0, 380.0)


def boxes_of(marks: list[Mark]) -> list[tuple[float, float, float, float]]:
    return [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in marks]


def test_a_lone_label_goes_right_of_its_mark() -> None:
    [label] = place_labels([Mark(100, 100, 5, "Rason")], AREA)
    assert label is not None and label.anchor == "start" and label.box[0] > 105
    assert label.box[2] - label.box[0] == text_size("Rason")[0]


def test_a_label_that_would_leave_the_map_goes_to_the_other_side() -> None:
    [label] = place_labels([Mark(595, 100, 4, "Vladivostok")], AREA)
    assert label is not None and label.anchor == "end" and label.box[2] <= 600


def test_crowded_marks_get_labels_that_collide_with_nothing() -> None:
    rng = random.Random(7)
    marks = [Mark(rng.uniform(50, 550), rng.uniform(30, 350), rng.uniform(4, 12), f"Place {i}") for i in range(40)]
    reserved = [(0.0, 0.0, 80.0, 30.0)]
    labels = place_labels(marks, AREA, avoid=reserved)
    placed = [label for label in labels if label is not None]
    assert len(placed) > 10
    for i, label in enumerate(placed):
        box = label.box
        assert AREA[0] <= box[0] and box[2] <= AREA[2] and AREA[1] <= box[1] and box[3] <= AREA[3]
        assert not any(overlaps(box, other.box) for other in placed[i + 1:])
        assert not any(overlaps(box, mark) for mark in boxes_of(marks))
        assert not overlaps(box, reserved[0])


def test_marks_on_top_of_each_other_still_get_separate_labels_or_none() -> None:
    marks = [Mark(300, 200, 10, "Pyongyang"), Mark(300.5, 199.8, 5, "Liberation Monument")]
    first, second = place_labels(marks, AREA)
    assert first is not None and second is not None
    assert not overlaps(first.box, second.box)


def test_no_room_leaves_the_label_out() -> None:
    [label] = place_labels([Mark(20, 10, 5, "A name far too long for this map")], (0.0, 0.0, 60.0, 20.0))
    assert label is None
