"""One module per question type: its loading rules and its grading.

The data classes stay in :mod:`newsquiz.model` (see ARCHITECTURE.md, "Question
types", for why, and for what adding a type involves).
"""
