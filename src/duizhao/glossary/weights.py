"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05 held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class fixtures and the seed were not seen. Top-1 leave-one-article-out 96/114; threshold 0.85.

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 2.759),
    ("dict_char", 2.300),
    ("dict_focus", 2.918),
    ("phrase", 0.586),
    ("dict_def", 2.206),
    ("explained", -3.638),
    ("extra", -1.134),
    ("single", -1.825),
    ("edge", -2.333),
    ("whole_token", 0.699),
    ("part", 0.758),
    ("stray", -1.167),
    ("in_dict", 0.138),
    ("clause", -0.075),
    ("name", -0.290),
    ("length", -1.086),
    ("position", -1.897),
    ("anchors", -0.893),
    ("agreement", 1.090),
    ("specificity", 0.354),
    ("similarity", 4.413),
    ("similarity_alone", 3.215),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score): see :func:`duizhao.glossary.finder.calibrated`.
CALIBRATION: tuple[float, float, float, float] = (
    0.428,
    1.131,
    -0.047,
    0.189,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.85
