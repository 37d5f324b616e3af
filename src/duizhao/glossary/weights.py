"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. Top-1 leave-one-article-out 97/114; threshold 0.90.

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.581),
    ("dict_char", 2.556),
    ("dict_focus", 2.805),
    ("phrase", 0.497),
    ("dict_def", 2.251),
    ("explained", -3.839),
    ("extra", -1.553),
    ("unknown", 0.382),
    ("coverage", 1.255),
    ("single", -1.742),
    ("edge", -2.489),
    ("whole_token", 0.666),
    ("part", 0.588),
    ("stray", -1.307),
    ("in_dict", 0.444),
    ("clause", 0.031),
    ("name", -0.421),
    ("length", -0.989),
    ("position", -1.833),
    ("anchors", -1.089),
    ("agreement", 1.029),
    ("specificity", 0.547),
    ("similarity", 4.245),
    ("similarity_alone", 3.122),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    0.262,
    0.795,
    -0.029,
    0.204,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
