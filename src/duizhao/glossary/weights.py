"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.003, weights held to their signs: True. Leave-one-
article-out top-1 99/114; threshold 0.90 (above it, 61/62 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.577),
    ("dict_char", 1.869),
    ("dict_focus", 2.547),
    ("dict_def", 1.952),
    ("explained", -3.556),
    ("extra", -1.397),
    ("single", -1.520),
    ("edge", -2.180),
    ("part", 0.261),
    ("stray", -1.194),
    ("in_dict", 0.601),
    ("length", -1.104),
    ("position", -1.616),
    ("anchors", -1.040),
    ("similarity", 3.301),
    ("similarity_alone", 2.386),
    ("explained_encoder", -2.183),
    ("gloss_similarity", 1.304),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    1.202,
    0.830,
    -0.022,
    0.122,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
