"""Issue 2's end-to-end check on the news report of the IRS–DHS data sharing
(../shared/corpus/news/irs_dhs_taxpayer_data.txt, anchor 2026-02-12)."""
from __future__ import annotations

import pytest

from conftest import SHARED


@pytest.fixture(scope="module")
def result():
    from extractor import extract_file
    path = SHARED / "corpus" / "news" / "irs_dhs_taxpayer_data.txt"
    if not path.exists():
        pytest.skip("../shared corpus missing")
    return extract_file(path, anchor_date="2026-02-12")


def _of(result, type_):
    return [f for f in result["facts"] if f["type"] == type_]


def test_anchor_is_the_users(result):
    assert result["document"]["anchor_date"] == "2026-02-12"
    assert result["document"]["anchor_date_source"] == "user"
    assert result["document"]["kind"] == "news"


def test_both_court_orders_against_the_irs(result):
    orders = _of(result, "order")
    against_irs = [o for o in orders if o["directed_to"] in ("Internal Revenue Service", "IRS")]
    actions = sorted(o["action"] for o in against_irs)
    assert "order" in actions
    assert any(a in ("block", "enjoin", "bar") for a in actions)
    order = next(o for o in against_irs if o["action"] == "order")
    assert "stop sharing residential addresses with ICE" in order["directive"]
    block = next(o for o in against_irs if o["action"] in ("block", "enjoin", "bar"))
    assert "sharing information with DHS" in block["directive"]
    assert block["date"] == "2025-11"


def test_quantities(result):
    q = {f["value"]: f for f in _of(result, "quantity")}
    assert q[47000]["approximate"] is True and q[47000]["of_total"] == 1280000
    assert q[5]["comparator"] == "lt" and q[5]["unit"] in ("percent", "%")
    assert q[1280000]["unit"] == "names"


def test_relative_dates(result):
    by_text = {f["text"]: f for f in _of(result, "date")}
    assert by_text["last April"]["value"] == "2025-04" and by_text["last April"]["relative"] is True
    assert by_text["Wednesday"]["value"] == "2026-02-11"
    assert by_text["last November"]["value"] == "2025-11"


def test_agencies_merged(result):
    parties = {f["name"]: f for f in _of(result, "party")}
    irs = parties["Internal Revenue Service"]
    assert "IRS" in irs["aliases"] and irs["entity_type"] == "GOV_AGENCY"
    assert len(irs["mentions"]) >= 5
