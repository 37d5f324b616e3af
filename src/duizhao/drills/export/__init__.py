"""Exports of the glossary: Anki decks (:mod:`.anki`), Quizlet lists and CSV (:mod:`.tabular`),
all made from the same flashcards (:mod:`.cards`)."""

from .anki import ANKI_FIELDS, ANKI_MODEL_ID, write_apkg
from .cards import Card, anki_article_id, cards
from .tabular import CSV_HEADER, csv_text, quizlet_text

__all__ = [
    "ANKI_FIELDS",
    "ANKI_MODEL_ID",
    "CSV_HEADER",
    "Card",
    "anki_article_id",
    "cards",
    "csv_text",
    "quizlet_text",
    "write_apkg",
]
