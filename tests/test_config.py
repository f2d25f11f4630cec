"""The run configuration is explicit: unknown or out-of-range settings fail loudly."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from extract.api import extract_paths
from extract.config import RunConfig


@pytest.mark.parametrize("bad", [{"jobs": 0}, {"reference": "2023-12-25"}, {"reference_date": "25/12/2023"}])
def test_bad_settings_are_rejected(bad: dict) -> None:
    with pytest.raises(ValidationError):
        RunConfig(**bad)


def test_api_takes_the_same_fields_as_keywords(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("新华社北京12月25日电 今年10月，工业经济回升向好。", encoding="utf-8")
    (rec,) = list(extract_paths([str(p)], words=False, reference_date="2023-12-25"))
    assert rec.dateline == "新华社北京12月25日电"
    with pytest.raises(ValidationError):
        list(extract_paths([str(p)], wordz=False))
