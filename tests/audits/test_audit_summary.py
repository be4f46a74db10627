"""The summaries by month and theme, with numbers worked out by hand from the results below."""

import datetime

import pytest

from audits.summary import (
    Tally,
    TiedAudits,
    Trend,
    default_end,
    last_audit_by_theme,
    percent,
    programme_rows,
    summarise,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
# (day, theme, other theme's name, grade): twelve results in 2016, one either side of it.
RESULTS = [
    (D(2015, 12, 20), "assessment", "", "good"),  # before the window
    (D(2016, 1, 5), "assessment", "", "good"),
    (D(2016, 1, 12), "assessment", "", "requires_improvement"),
    (D(2016, 1, 31), "planning", "", "inadequate"),
    (D(2016, 3, 1), "planning", "", "outstanding"),
    (D(2016, 3, 9), "planning", "", "good"),
    (D(2016, 7, 4), "assessment", "", "good"),
    (D(2016, 7, 5), "assessment", "", "good"),
    (D(2016, 7, 6), "assessment", "", "good"),
    (D(2016, 7, 7), "assessment", "", "requires_improvement"),
    (D(2016, 11, 2), "planning", "", "good"),
    (D(2016, 11, 3), "planning", "", "requires_improvement"),
    (D(2016, 11, 30), "other", "Pathway plans", "good"),
    (D(2017, 1, 3), "planning", "", "inadequate"),  # after the window
]


@pytest.fixture
def authority():
    authority = f.LocalAuthorityFactory()
    for day, theme, name, grade in RESULTS:
        f.AuditResultFactory(
            authority=authority, audited_on=day, theme=theme, theme_name=name, grade=grade
        )
    f.AuditResultFactory(audited_on=D(2016, 7, 8), grade="inadequate")  # another authority's
    f.AuditProgrammeFactory(authority=authority, month=D(2016, 1, 1), cases_planned=4)
    f.AuditProgrammeFactory(
        authority=authority, month=D(2016, 1, 1), theme="planning", cases_planned=2
    )
    f.AuditProgrammeFactory(authority=authority, month=D(2016, 7, 1), cases_planned=5)
    return authority


def test_percentages_are_whole_and_rounded_half_up():
    assert [percent(1, 8), percent(7, 8), percent(2, 3), percent(0, 4)] == [13, 88, 67, 0]
    assert percent(3, 0) is None


def test_by_month_counts_each_grade_and_the_share_good_or_better(authority):
    summary = summarise(authority, D(2016, 12, 1))
    assert (summary.first, summary.last) == (D(2016, 1, 1), D(2016, 12, 1))
    months = {row.month: row for row in summary.by_month}
    assert len(months) == 12
    january = months[D(2016, 1, 1)]
    assert (january.tally.audited, january.tally.good_or_better, january.tally.share) == (3, 1, 33)
    assert (january.tally.count("requires_improvement"), january.planned) == (1, 6)
    assert months[D(2016, 3, 1)].tally.words == "2 of 2 (100%)"
    assert months[D(2016, 7, 1)].tally.words == "3 of 4 (75%)"
    assert months[D(2016, 7, 1)].planned == 5
    assert months[D(2016, 11, 1)].tally.words == "2 of 3 (67%)"
    assert months[D(2016, 2, 1)].tally.words == "None audited"
    assert months[D(2016, 2, 1)].tally.share is None
    assert (summary.total.audited, summary.total.good_or_better, summary.total.share) == (12, 8, 67)
    assert summary.planned == 11


def test_by_theme_in_the_themes_order_with_the_mean_grade(authority):
    themes = {row.words: row for row in summarise(authority, D(2016, 12, 1)).by_theme}
    assert list(themes) == ["Assessment", "Planning", "Pathway plans"]
    assert themes["Assessment"].tally.words == "4 of 6 (67%)"
    assert str(themes["Assessment"].tally.mean_score) == "2.7"  # (3+2+3+3+3+2) / 6
    assert themes["Planning"].tally.words == "3 of 5 (60%)"
    assert str(themes["Planning"].tally.mean_score) == "2.6"  # (1+4+3+3+2) / 5
    assert themes["Pathway plans"].tally.words == "1 of 1 (100%)"
    july = themes["Assessment"].months[6]
    assert (july.audited, july.good_or_better) == (4, 3)


def test_the_trend_compares_the_first_six_months_with_the_last_six(authority):
    summary = summarise(authority, D(2016, 12, 1))
    trend = summary.trend
    assert (trend.earlier.audited, trend.earlier.share) == (5, 60)  # January and March
    assert (trend.later.audited, trend.later.share) == (7, 71)  # July and November
    assert trend.direction == "up"
    assert trend.words == "Improving: 60% to 71% good or better"
    themes = {row.words: row for row in summary.by_theme}
    # Assessment: 2 audits in the first half, Planning 2 in the second: too few to say.
    assert themes["Assessment"].trend.direction == ""
    assert themes["Planning"].trend.words.startswith("Too few audits to say")


def test_a_change_of_under_five_points_is_steady_and_a_fall_declining():
    def tally(good, others):
        t = Tally()
        for _ in range(good):
            t.add("good")
        for _ in range(others):
            t.add("inadequate")
        return t

    assert Trend(tally(3, 2), tally(6, 4)).direction == "steady"  # 60% to 60%
    assert Trend(tally(6, 4), tally(3, 3)).words == "Declining: 60% to 50% good or better"


def test_a_summary_ends_with_the_latest_audits_month_unless_asked(authority):
    assert default_end(authority) == D(2017, 1, 1)
    # February 2016 to January 2017: the twelve of 2016 less January's three, and January 2017's.
    assert summarise(authority, D(2017, 1, 1)).total.audited == 10


def test_as_at_a_day_the_summary_leaves_out_the_days_after_it(authority):
    # The twelve months of 2016 as at 29 November: not Pathway plans' audit of the 30th.
    summary = summarise(authority, D(2016, 11, 29), as_at=D(2016, 11, 29))
    assert summary.last == D(2016, 11, 1)
    assert summary.total.audited == summarise(authority, D(2016, 11, 1)).total.audited - 1
    assert [row.words for row in summary.by_theme] == ["Assessment", "Planning"]


def test_each_theme_s_latest_audit_by_the_day_in_the_summaries_order(authority):
    f.AuditProgrammeFactory(
        authority=authority, month=D(2016, 9, 1), theme="other", theme_name="Adoption"
    )
    themes = last_audit_by_theme(authority, D(2016, 12, 31))
    assert [(t.words, t.last_audited_on) for t in themes] == [
        ("Assessment", D(2016, 7, 7)),
        ("Planning", D(2016, 11, 3)),
        ("Voice of the child", None),
        ("Management oversight", None),
        ("Adoption", None),  # planned, not yet audited
        ("Pathway plans", D(2016, 11, 30)),
    ]
    # The summary lists its themes in the same order.
    assert [row.words for row in summarise(authority, D(2016, 12, 1)).by_theme] == [
        "Assessment",
        "Planning",
        "Pathway plans",
    ]


def test_tied_audits_are_counted_and_shared_as_the_summaries_count_them():
    audits = [f.AuditResultFactory.build(pk=pk, grade="inadequate") for pk in range(1, 8)]
    audits.append(f.AuditResultFactory.build(pk=8, grade="good", audited_on=D(2025, 5, 1)))
    tied = TiedAudits.of(audits + audits[:2])  # each once
    assert (tied.count, tied.good_or_better) == (8, 1)
    # 1 of 8 is 12.5%: 13% rounded half up, as the summaries say it (not 12%).
    assert tied.share_good_or_better == 13 == Tally.of(a.grade for a in audits).share
    assert tied.latest.pk == 8
    assert TiedAudits.of([]).share_good_or_better is None


def test_the_programme_shows_audited_of_planned(authority):
    rows = programme_rows(authority, D(2016, 12, 1))
    assert [(r.row.month, r.row.theme, r.words) for r in rows] == [
        (D(2016, 7, 1), "assessment", "4 of 5"),
        (D(2016, 1, 1), "assessment", "2 of 4"),
        (D(2016, 1, 1), "planning", "1 of 2"),
    ]
