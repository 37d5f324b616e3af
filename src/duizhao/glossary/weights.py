"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.003, weights held to their signs: True. Leave-one-
article-out top-1 100/114; threshold 0.90 (above it, 61/62 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.589),
    ("dict_char", 1.846),
    ("dict_focus", 2.571),
    ("dict_def", 1.972),
    ("explained", -3.542),
    ("extra", -1.375),
    ("single", -1.518),
    ("edge", -2.206),
    ("part", 0.260),
    ("stray", -1.164),
    ("in_dict", 0.554),
    ("length", -1.059),
    ("position", -1.640),
    ("anchors", -1.057),
    ("similarity", 3.225),
    ("similarity_alone", 2.355),
    ("explained_encoder", -2.228),
    ("gloss_similarity", 1.256),
    ("modifier", -0.916),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    1.410,
    0.859,
    -0.088,
    0.058,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
