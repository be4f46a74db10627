"""The server's SVG chart is well-formed XML a screen reader can name and describe."""

import xml.etree.ElementTree as ET

import pytest

from indicators.charts import line_chart
from indicators.compare import Comparison, compare

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


@pytest.mark.django_db
def test_the_chart_parses_and_has_role_title_and_description(gateshead, rereferrals):
    comparison = compare(gateshead, [rereferrals])[rereferrals.pk]
    root = parse(line_chart(comparison, "Gateshead", "chart-1", "North East"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Re-referrals within 12 months: Gateshead"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Gateshead 13.9% in 2025, England 22.6%, North East 20.7%" in desc.text
    assert "statistical neighbours' average 19.9%" in desc.text
    assert "Down from" in desc.text
    # One line each: Gateshead, England, the North East and the neighbours' average.
    assert len(root.findall(f"{SVG}polyline")) == 4
    legend = [t.text for t in root.findall(f"{SVG}text")]
    assert {"Gateshead", "England", "North East", "Statistical neighbours' average"} <= set(legend)


def test_a_chart_with_no_values_still_parses_and_says_so():
    from indicators.models import Indicator

    empty = Comparison(Indicator(name="Pathway plans <audited> & good", unit="percent"))
    root = parse(line_chart(empty, "Nottinghamshire", "chart-2"))
    assert root.find(f"{SVG}title").text == "Pathway plans <audited> & good: Nottinghamshire"
    assert root.find(f"{SVG}desc").text == "No values yet for Nottinghamshire."


@pytest.mark.parametrize("count", [2, 3, 5, 8, 9, 11, 12, 13, 20])
@pytest.mark.parametrize("label", ["2024", "2019-20", "Year to 30 June 2025"])
def test_no_two_x_axis_labels_overlap_and_the_last_is_always_shown(count, label):
    """Labels are drawn 7 px a character at most; each box is kept clear of the next, the last
    one (anchored at its end) included."""
    from types import SimpleNamespace

    from indicators.charts import CHARACTER, _labelled, _x

    periods = [SimpleNamespace(period=f"{label} {i}") for i in range(count)]
    shown = _labelled(periods)
    assert shown[-1] == count - 1
    boxes = []
    for index in shown:
        width = len(periods[index].period) * CHARACTER
        x = _x(index, count)
        boxes.append((x - width, x) if index == count - 1 else (x - width / 2, x + width / 2))
    for (_, right), (left, _) in zip(boxes, boxes[1:], strict=False):
        assert right < left, (count, label, shown)
