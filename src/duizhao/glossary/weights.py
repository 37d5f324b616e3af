"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.003, weights held to their signs: True. Leave-one-
article-out top-1 100/114; threshold 0.90 (above it, 57/57 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.610),
    ("dict_char", 1.856),
    ("dict_focus", 2.570),
    ("dict_def", 1.972),
    ("explained", -3.545),
    ("extra", -1.373),
    ("single", -1.600),
    ("edge", -2.206),
    ("part", 0.267),
    ("stray", -0.929),
    ("in_dict", 0.562),
    ("length", -1.061),
    ("position", -1.637),
    ("anchors", -1.057),
    ("similarity", 3.204),
    ("similarity_alone", 2.348),
    ("explained_encoder", -2.204),
    ("gloss_similarity", 1.172),
    ("modifier", -0.917),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score), at most the last number when no dictionary supports it: see
#: :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float, float] = (
    1.409,
    0.854,
    -0.067,
    0.062,
    0.750,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
