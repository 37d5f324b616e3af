"""Text helpers every stage shares: scripts (Han, Latin), sentences, numbers, English words.

Modules:
    script: which characters are Han or Latin, and the language of a paragraph or a term.
    convert: length-keeping OpenCC conversion (Traditional ↔ Simplified).
    sentences: English (pysbd) and Chinese sentence splitting, as offsets.
    quotes: which straight quotes of an English paragraph open a quotation.
    numbers: number keys English and Chinese share (一百二十 and 120, 第十四 and 14th).
    english: English word patterns, function words, Zipf frequency, British/American spellings.
"""
