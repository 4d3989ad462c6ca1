"""Draft a question bank from a plain-text article, by rules over its sentences.

One module per kind of finding (dates, quotes, people, events, enumerations,
numbers); ``assemble`` runs them and writes the bank the teacher then edits.
"""
