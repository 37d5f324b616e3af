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
    ("dict_term", 2.627),
    ("dict_char", 2.564),
    ("dict_focus", 2.861),
    ("phrase", 0.496),
    ("dict_def", 2.279),
    ("explained", -3.848),
    ("extra", -1.485),
    ("unknown", 0.382),
    ("coverage", 1.231),
    ("single", -1.760),
    ("edge", -2.487),
    ("whole_token", 0.686),
    ("part", 0.601),
    ("stray", -1.324),
    ("in_dict", 0.406),
    ("clause", 0.045),
    ("name", -0.415),
    ("length", -0.937),
    ("position", -1.850),
    ("anchors", -1.091),
    ("agreement", 1.029),
    ("specificity", 0.558),
    ("similarity", 4.169),
    ("similarity_alone", 3.132),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    0.291,
    0.817,
    -0.035,
    0.197,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
