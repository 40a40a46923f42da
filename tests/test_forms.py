"""Reading the Applications page's fields: interviewers typed one per line, edited table rows."""

from __future__ import annotations

import pandas as pd
import pytest

from ui.forms import MAX_PEOPLE, ZONES, Person, changed_rows, people, zone_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Ana Ruiz", [Person("Ana Ruiz")]),
        ("Ana Ruiz; Head of Data; ana@x.test", [Person("Ana Ruiz", "Head of Data", "ana@x.test")]),
        ("Ana Ruiz\tHead of Data\tana@x.test", [Person("Ana Ruiz", "Head of Data", "ana@x.test")]),
        ("Ana | VP, Sales", [Person("Ana", "VP, Sales")]),
        ("\n  Ana  \n\nTom Becker; Analyst\n", [Person("Ana"), Person("Tom Becker", "Analyst")]),
        ("José Núñez; Directora 🎉", [Person("José Núñez", "Directora 🎉")]),
        ("<b>Ana</b>; <script>x</script>", [Person("<b>Ana</b>", "<script>x</script>")]),
    ],
)
def test_interviewers_one_per_line(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ana; a; b; c", "line 1 of the interviewers has 4 parts"),
        ("Ana\n; Lead", "line 2 of the interviewers has no name"),
        ("\n".join(f"P{i}" for i in range(MAX_PEOPLE + 1)), "more than the 20"),
    ],
)
def test_a_line_that_cannot_be_read_is_named(text, message):
    with pytest.raises(ValueError, match=message):
        people(text)


def test_the_visitors_zone_is_preselected_and_unknown_zones_fall_back_to_utc():
    assert ZONES[zone_index("Europe/Berlin")] == "Europe/Berlin"
    assert ZONES[zone_index("Not/AZone")] == "UTC"


def test_only_rows_the_user_changed_are_saved():
    before = pd.DataFrame({"name": ["Ana", "Tom", "Li"], "title": ["Lead", None, "CTO"]},
                          index=[4, 7, 9])
    after = before.copy()
    after.loc[7, "title"] = "Analyst"
    after.loc[9, "name"] = "Li Wei"
    assert changed_rows(after, before) == [7, 9]
    assert changed_rows(before.copy(), before) == []
