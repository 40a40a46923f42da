"""The README must keep up with the code: every setting and every CSV column is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.choices import STAGES
from coach.csv_import import IMPORT_COLUMNS
from coach.database import SECRET_NAME, URL_SETTING
from coach.nlp import MODEL_SETTING
from ui.runtime import HOSTED_SECRET, HOSTED_SETTING

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", [URL_SETTING, SECRET_NAME, MODEL_SETTING, HOSTED_SETTING,
                                     HOSTED_SECRET, "[auth]"])
def test_every_setting_is_in_the_configuration_table(setting):
    assert f"`{setting}`" in README


@pytest.mark.parametrize("column", IMPORT_COLUMNS)
def test_every_csv_column_is_documented(column):
    assert f"`{column}`" in README


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_is_documented(stage):
    assert f"`{stage}`" in README


def test_the_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.strip().splitlines()] == [
        ["make", "run"], ["make", "test"]]
