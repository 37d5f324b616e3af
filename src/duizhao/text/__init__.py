"""Text helpers every stage shares: scripts (Han, Latin), sentences, numbers, English words.

Modules:
    script: which characters are Han or Latin, and the language of a paragraph or a term.
    sentences: English (pysbd) and Chinese sentence splitting, as offsets.
    english: English word patterns, function words, Zipf frequency, British/American spellings.
"""
