"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.003, weights held to their signs: True. Leave-one-
article-out top-1 98/114; threshold 0.90 (above it, 60/61 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.596),
    ("dict_char", 1.848),
    ("dict_focus", 2.510),
    ("dict_def", 1.888),
    ("explained", -3.596),
    ("extra", -1.438),
    ("single", -1.554),
    ("edge", -2.168),
    ("part", 0.247),
    ("stray", -1.197),
    ("in_dict", 0.634),
    ("length", -1.023),
    ("position", -1.587),
    ("anchors", -1.060),
    ("similarity", 3.313),
    ("similarity_alone", 2.385),
    ("explained_encoder", -2.189),
    ("gloss_similarity", 1.229),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    1.095,
    0.810,
    -0.143,
    0.150,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
