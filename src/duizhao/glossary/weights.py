"""The counterpart finder's fitted numbers (written by ``benchmarks/fit_glossary.py``).

Fitted on 114 terms of 14 articles: the tuning part of glossary-mac-dev (01, 02, 03; 04 and 05
held out) and the dev, heldout and fresh sets of tests/fixtures/glossary; the failure-class
fixtures and the seed were not seen. L2 0.001, weights held to their signs: True. Leave-one-
article-out top-1 101/114; threshold 0.90 (above it, 59/59 right, cross-validated).

Do not edit by hand: change the features or the data and run the script again
(``.venv/bin/python benchmarks/fit_glossary.py --write``).
"""

__all__ = ["CALIBRATION", "CLASS_THRESHOLDS", "THRESHOLD", "WEIGHTS"]

#: The weight of each feature (see :data:`duizhao.glossary.features.FEATURES`; a feature not
#: listed weighs 0).
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("dict_term", 3.371),
    ("dict_char", 2.652),
    ("dict_focus", 3.266),
    ("dict_def", 2.580),
    ("explained", -4.847),
    ("extra", -1.606),
    ("single", -2.173),
    ("edge", -3.105),
    ("part", 0.348),
    ("stray", -1.006),
    ("in_dict", 0.327),
    ("length", -1.099),
    ("position", -2.484),
    ("anchors", -1.063),
    ("similarity", 4.346),
    ("similarity_alone", 2.858),
    ("explained_encoder", -3.524),
    ("gloss_similarity", 1.255),
    ("modifier", -1.426),
)
#: Confidence = logistic(a + b · logit(share of the best) + c · share of its nested variants
#: + d · its score), at most the fifth number when no dictionary supports it and the sixth
#: when only the glossary definition does, through a word another English word of the sentence
#: translates too: see :func:`duizhao.glossary.confidence.calibrated`. (The sixth is round
#: 12's, added to round 10's fit: such first guesses in the pool's held-apart predictions,
#: ``fit_glossary.py --l2 0.003 --mac-weight 2``, were right 0 times of 2: (0 + 1) / (2 + 2).)
CALIBRATION: tuple[float, ...] = (
    1.044,
    0.840,
    0.255,
    0.070,
    0.762,
    0.250,
)
#: Below this confidence a counterpart is uncertain.
THRESHOLD = 0.90
#: Round 14: a threshold per kind of evidence
#: (:data:`duizhao.glossary.confidence.EVIDENCE_CLASSES`), each the lowest multiple of 0.05 at
#: which the pool's held-apart confidences of that kind are right 97 % of the time (1.0: never;
#: ``fit_glossary.py --l2 0.001 --no-baseline``, the pool of 208 terms with round 13's
#: written14: the dictionary translating the whole term 75 of 76 right at any confidence, a part
#: of it 18 of 18 from 0.95, the definition alone 17 of 25 and never 97 %). :data:`THRESHOLD`
#: stays for a counterpart whose kind is not known.
CLASS_THRESHOLDS: tuple[tuple[str, float], ...] = (
    ("whole", 0.05),
    ("part", 0.95),
    ("definition", 1.0),
    ("none", 1.0),
)
