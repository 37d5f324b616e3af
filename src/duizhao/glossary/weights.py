"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 353 terms of 39 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out), the dev, heldout and fresh sets of tests/fixtures/glossary and the check sets
written8, written10, written14, written15, written16, written18, written19, written20 and seed-
teacher; the failure-class fixtures, written12, written17, written21 and the seed were not seen.
L2 0.001, glossary-mac-dev terms ×1.0, weights held to their signs: True. Leave-one-article-out
top-1 283/353; threshold 0.95 (above it, 91/94 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "CLASS_THRESHOLDS", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 3.110),
    ("dict_char", 1.419),
    ("dict_focus", 2.086),
    ("dict_def", 1.755),
    ("explained", -3.868),
    ("extra", -0.608),
    ("single", -2.424),
    ("edge", -3.239),
    ("part", -0.954),
    ("stray", -0.542),
    ("in_dict", 0.563),
    ("length", -0.881),
    ("position", -3.879),
    ("anchors", -0.766),
    ("similarity", 3.663),
    ("similarity_alone", 2.376),
    ("explained_encoder", -4.667),
    ("gloss_similarity", 2.321),
    ("modifier", -1.198),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score), at most the fifth number when no dictionary supports it and the sixth
#: when only the glossary definition does, through a word another English word of the sentence
#: translates too: see :func:`duizhao.glossary.confidence.calibrated`. (The sixth is round
#: 12's, added to round 10's fit: such first guesses in the pool's held-apart predictions,
#: ``fit_glossary.py --l2 0.003 --mac-weight 2``, were right 0 times of 2: (0 + 1) / (2 + 2).)
CALIBRATION: tuple[float, ...] = (
    0.684,
    0.658,
    0.590,
    0.135,
    0.725,
    0.333,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.95
#: Round 14: a threshold per kind of evidence
#: (:data:`duizhao.glossary.confidence.EVIDENCE_CLASSES`), each the lowest multiple of 0.05 at
#: which the pool's held-apart confidences of that kind are right 97 % of the time (1.0: never;
#: ``fit_glossary.py --l2 0.001 --no-baseline``, the pool of 208 terms with round 13's
#: written14: the dictionary translating the whole term 75 of 76 right at any confidence, a part
#: of it 18 of 18 from 0.95, the definition alone 17 of 25 and never 97 %). :data:`THRESHOLD`
#: stays for a counterpart whose kind is not known.
CLASS_THRESHOLDS: tuple[tuple[str, float], ...] = (
    ("whole", 0.85),
    ("part", 1.0),
    ("definition", 0.95),
    ("none", 1.0),
)
