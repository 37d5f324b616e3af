"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.003, weights held to their signs: True. Leave-one-
article-out top-1 102/114; threshold 0.95 (above it, 46/47 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.557),
    ("dict_char", 1.952),
    ("dict_focus", 2.553),
    ("dict_def", 1.964),
    ("explained", -3.534),
    ("extra", -1.288),
    ("single", -1.478),
    ("edge", -2.260),
    ("part", 0.268),
    ("stray", -1.172),
    ("in_dict", 0.554),
    ("length", -1.144),
    ("position", -1.749),
    ("anchors", -1.039),
    ("similarity", 3.170),
    ("similarity_alone", 2.261),
    ("explained_encoder", -2.266),
    ("gloss_similarity", 1.249),
    ("modifier", -0.911),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    1.486,
    0.742,
    0.287,
    0.084,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.95
