"""The sentences of `newsquiz new` and of what `check` says to teachers, in French and English.

Merged into the catalogue of messages.py, which checks that both languages have
the same keys and placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping

EN: Mapping[str, str] = {
    "new.written": "Wrote {path}: {count} draft questions. Check each one against the article, edit or delete it, then remove its `draft: true`; `newsquiz check {path}` lists what is left.",
    "new.template_written": "Wrote {path}: a starting bank with one question of each type ({count}). Replace them with your own and run `newsquiz check {path}`.",
    "new.exists": "{path} already exists: nothing was written. Add --force to replace it, or choose another file with -o.",
    "new.needs_article": "give the article to draft from (a plain-text file), or --template for a starting bank",
    "new.template_and_article": "--template writes a starting bank without an article: give one or the other",
    "new.no_folder": "cannot write {path}: no such folder",
    "new.cannot_write": "cannot write {path}: {reason}",
    "new.no_article": "no such article: {path}",
    "new.unreadable": "cannot read the article {path}: {reason}",
    "new.too_large": "{path} is larger than {size} MiB: an article is a text file of a few pages",
    "new.not_text": "{path} is not UTF-8 text: save the article as plain text (UTF-8) and try again",
    "new.nothing": "found nothing to ask in {path} (no dates, quotes, people, lists or numbers): start from `newsquiz new --template`",
}

FR: Mapping[str, str] = {
    "new.written": "{path} écrit : {count} questions en brouillon. Vérifiez chacune dans l’article, corrigez-la ou supprimez-la, puis retirez son `draft: true` ; `newsquiz check {path}` dit ce qu’il reste à faire.",
    "new.template_written": "{path} écrit : une banque de départ avec une question de chaque type ({count}). Remplacez-les par les vôtres et lancez `newsquiz check {path}`.",
    "new.exists": "{path} existe déjà : rien n’a été écrit. Ajoutez --force pour le remplacer, ou choisissez un autre fichier avec -o.",
    "new.needs_article": "donnez l’article d’où tirer les questions (un fichier texte), ou --template pour une banque de départ",
    "new.template_and_article": "--template écrit une banque de départ sans article : donnez l’un ou l’autre",
    "new.no_folder": "impossible d’écrire {path} : ce dossier n’existe pas",
    "new.cannot_write": "impossible d’écrire {path} : {reason}",
    "new.no_article": "article introuvable : {path}",
    "new.unreadable": "impossible de lire l’article {path} : {reason}",
    "new.too_large": "{path} dépasse {size} Mio : un article est un fichier texte de quelques pages",
    "new.not_text": "{path} n’est pas du texte UTF-8 : enregistrez l’article en texte brut (UTF-8) et réessayez",
    "new.nothing": "rien à demander dans {path} (ni dates, ni citations, ni personnes, ni listes, ni nombres) : partez de `newsquiz new --template`",
}
