"""similar_pairs: notes to one panel that are the same note with the name swapped."""

from __future__ import annotations

import pytest

from coach.panel import similar_pairs

TEMPLATE = """Dear {name},

Thank you for taking the time to meet with me on Tuesday to discuss the Data Analyst role at
Northwind. I enjoyed learning how the analytics team supports the regional sales managers,
and I was glad to hear that the team is moving its weekly reporting from spreadsheets to
dashboards.

In my current role at Contoso I rebuilt our month-end reporting in SQL and Power BI, which cut
the time it takes to close the books from eight days to five. I would be glad to bring the
same approach to Northwind.

I am very excited about this opportunity and look forward to hearing from you about the next
steps.

Best regards,
Jordan Lee"""

TO_PRIYA = """Dear Priya,

Thank you for walking me through the regional dashboards on Tuesday. Your point that the sales
managers stopped opening the weekly workbook once it passed forty tabs stayed with me, and I
kept thinking afterwards about how a single filtered view per region could replace most of
them.

At Contoso I moved our month-end pack from Excel to Power BI and cut the close from eight days
to five, mostly by agreeing one definition of net revenue before building anything. I would
start the same way with your team.

I will send over the sample dashboard layout we discussed by Friday.

Best regards,
Jordan"""

TO_SAM = """Hi Sam,

I appreciated your candour about how finance and analytics currently argue over whose numbers
are right. The story about the two forecasts presented at the same board meeting was a useful
picture of what the role has to fix.

My experience building a shared data dictionary with our controllers at Contoso seems directly
relevant: it took three workshops, but afterwards every report cited the same source tables.
I also liked hearing that you want the analyst to sit with finance for the first month.

Thanks again for the thoughtful questions, and I hope the audit goes smoothly next week.

Warm wishes,
Jordan"""

LONG = """Dear Ms. Okafor,

Thank you for meeting with me on Thursday about the Operations Analyst position at Fabrikam.
I enjoyed hearing how your warehouse team tracks late shipments by hand each morning, and the
whiteboard sketch of the carrier handoffs made the bottleneck easy to see.

At Litware I built a small Python tool that pulled carrier scans into one daily report. It
cut the time our coordinators spent chasing late orders from two hours a day to twenty
minutes, and missed delivery windows fell by a third within a quarter. I would enjoy doing
something similar for your regional hubs, starting with the Leeds site you mentioned.

You asked how I handle disagreements with senior staff. I should have added that I always
bring the data first and my opinion second.

I will send the sample report by Monday. Thank you again for your time.

Kind regards,
Jordan Lee"""


def test_the_same_template_with_only_the_name_swapped_is_flagged():
    notes = {"priya": TEMPLATE.format(name="Priya"), "sam": TEMPLATE.format(name="Mr. Lee")}
    ((a, b, similarity),) = similar_pairs(notes)
    assert (a, b) == ("priya", "sam") and similarity >= 0.9


def test_two_genuinely_tailored_notes_are_not_flagged():
    assert similar_pairs({"priya": TO_PRIYA, "sam": TO_SAM}) == []


def test_one_word_changed_in_150_is_flagged():
    words = LONG.split()
    assert len(words) == 150
    changed = LONG.replace("whiteboard", "napkin")
    ((_, _, similarity),) = similar_pairs({1: LONG, 2: changed})
    assert 0.99 <= similarity < 1.0


def test_of_three_notes_only_the_alike_pair_is_returned():
    notes = {
        "Priya Patel": TEMPLATE.format(name="Priya"),
        "Sam Lee": TO_SAM,
        "Ana Gomez": TEMPLATE.format(name="Ana"),
    }
    assert [(a, b) for a, b, _ in similar_pairs(notes)] == [("Priya Patel", "Ana Gomez")]


def test_pairs_come_most_alike_first():
    notes = {
        "a": TEMPLATE.format(name="Priya"),
        "b": TEMPLATE.format(name="Sam") + "\nP.S. I also enjoyed the tour of the new office.",
        "c": TEMPLATE.format(name="Ana"),
    }
    pairs = similar_pairs(notes)
    assert [(a, b) for a, b, _ in pairs[:1]] == [("a", "c")]
    assert [s for _, _, s in pairs] == sorted((s for _, _, s in pairs), reverse=True)
    assert len(pairs) == 3


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (TEMPLATE.format(name="Priya"), TEMPLATE.format(name="Priya").upper()),
        (TEMPLATE.format(name="Priya"), " ".join(TEMPLATE.format(name="Priya").split())),
        (TEMPLATE.format(name="Priya"), TEMPLATE.format(name="Priya").replace(",", ";")),
    ],
    ids=["case", "spacing", "punctuation"],
)
def test_case_spacing_and_punctuation_do_not_hide_a_copy(first, second):
    ((_, _, similarity),) = similar_pairs({1: first, 2: second})
    assert similarity == 1.0


@pytest.mark.parametrize(
    "notes",
    [
        {1: "Thank you for your time today!", 2: "Thank you for your time today!"},
        {1: "", 2: "   \n"},
        {1: LONG},
        {},
    ],
    ids=["short", "blank", "one", "none"],
)
def test_blank_short_or_lone_notes_are_not_judged(notes):
    assert similar_pairs(notes) == []


def test_a_lower_threshold_lets_more_through_and_must_be_a_share():
    notes = {"priya": TO_PRIYA, "sam": TO_SAM}
    assert similar_pairs(notes, threshold=0.0)[0][:2] == ("priya", "sam")
    with pytest.raises(ValueError, match="between 0 and 1"):
        similar_pairs(notes, threshold=80)
