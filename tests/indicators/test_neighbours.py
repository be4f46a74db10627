import pytest

from indicators.ees import ImportError_
from indicators.models import StatisticalNeighbour
from indicators.neighbours import load_model, model_year_of
from tests.indicators.conftest import DATA, NEIGHBOUR_FILES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_name", sorted(NEIGHBOUR_FILES))
def test_both_dfe_models_load_in_order(authorities, file_name):
    year = model_year_of(file_name)
    assert year == NEIGHBOUR_FILES[file_name]
    links, passed_over = load_model((DATA / file_name).read_bytes(), file_name, year)
    gateshead = StatisticalNeighbour.objects.filter(authority__dfe_code="390", model_year=year)
    expected = {
        2025: ["841", "357", "393", "372", "808", "840", "807", "394", "332", "384"],
        2021: ["394", "840", "342", "841", "393", "384", "392", "357", "370", "359"],
    }[year]
    assert [link.neighbour.dfe_code for link in gateshead.order_by("rank")] == expected
    assert gateshead.first().closeness.strip() in {"Very close", "Extremely Close"}
    assert links == StatisticalNeighbour.objects.filter(model_year=year).count() > 1400
    # The 2021 table ends with the pre-2019 Dorset and Bournemouth, not among our authorities.
    assert passed_over == ({"835", "837"} if year == 2021 else set())


def test_loading_a_model_again_replaces_it(authorities):
    name = "sn_model_2025_wide.csv"
    first, _ = load_model((DATA / name).read_bytes(), name, 2025)
    again, _ = load_model((DATA / name).read_bytes(), name, 2025)
    assert first == again == StatisticalNeighbour.objects.count()


def test_a_bad_la_number_is_named_and_nothing_is_replaced(authorities):
    name = "sn_model_2025_wide.csv"
    load_model((DATA / name).read_bytes(), name, 2025)
    before = StatisticalNeighbour.objects.count()
    text = (
        (DATA / name)
        .read_text(encoding="utf-8-sig")
        .replace("390,Gateshead,4,North East,841", "390,Gateshead,4,North East,84x")
    )
    with pytest.raises(ImportError_, match=r"row \d+, column SN_1: “84x” is not a DfE LA number"):
        load_model(text.encode(), name, 2025)
    assert StatisticalNeighbour.objects.count() == before
