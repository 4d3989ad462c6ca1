"""The sentences of `newsquiz new` and of what `check` says to teachers, in French and English.

Merged into the catalogue of messages.py, which checks that both languages have
the same keys and placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping

EN: Mapping[str, str] = {
    "yaml.tab": "this line is indented with a tab (shown as →): `{line}`. YAML indents with spaces only: write `{fixed}`",
    "yaml.unclosed_quote": 'the quote opened on line {opened} is never closed: `{line}`. End the text with the same quote mark; inside "…", write \\" for a quote mark, or use « »',
    "yaml.unclosed_bracket": "the list or mapping opened on line {opened} is never closed: `{line}`. End it with `{closing}`, and put each text containing a comma in quotes",
    "yaml.colon": "the text contains `: ` (or ` #`), which YAML reads as a new field (or a comment): `{line}`. Put the text in quotes: `{fixed}`",
    "yaml.indent": "this line is not indented like the lines around it: `{line}`. The fields of one question start in the same column, under its `id`",
    "yaml.comment": "YAML takes everything after ` #` as a comment, so this text is cut short: `{line}`. Put the text in quotes: `{fixed}`",
    "check.draft": "question `{id}` is a draft: check it against the article, then remove `draft: true`",
    "ground.missing": "this evidence is not in the article: “{quote}”. The closest passage reads: “{passage}”",
    "ground.answer": "the answer of `{id}` (“{answer}”) is neither in its evidence nor anywhere in the article",
    "ground.no_article": "no such article: {path}",
    "ground.unreadable": "cannot read the article {path}: {reason}",
    "lint.answer_in_prompt": "the answer “{answer}” is written in the question's own prompt",
    "lint.leak": "the answer “{answer}” can be read in the prompt of question `{other}`",
    "lint.duplicate": "this question repeats question `{other}`",
    "lint.same_choices": "the choices “{first}” and “{second}” are the same once case, accents and quote marks are set aside",
    "lint.same_position": "the right answer is choice {position} in {count} of the {total} choice questions: learners can guess it; move some",
    "lint.longest": "the right answer is the longest choice in {count} of the {total} choice questions: learners can guess it; lengthen some wrong choices",
    "lint.outdated": "as_of {date} is more than a year ago: check that the question is still true",
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
    "yaml.tab": "cette ligne est indentée avec une tabulation (affichée →) : `{line}`. YAML n’indente qu’avec des espaces : écrivez `{fixed}`",
    "yaml.unclosed_quote": 'le guillemet ouvert à la ligne {opened} n’est jamais fermé : `{line}`. Terminez le texte par le même guillemet ; à l’intérieur de "…", écrivez \\" pour un guillemet, ou utilisez « »',
    "yaml.unclosed_bracket": "la liste ou le dictionnaire ouvert à la ligne {opened} n’est jamais fermé : `{line}`. Terminez-le par `{closing}` et mettez entre guillemets tout texte qui contient une virgule",
    "yaml.colon": "le texte contient « : » (ou « # »), que YAML lit comme un nouveau champ (ou un commentaire) : `{line}`. Mettez le texte entre guillemets : `{fixed}`",
    "yaml.indent": "cette ligne n’est pas indentée comme ses voisines : `{line}`. Les champs d’une même question commencent à la même colonne, sous son `id`",
    "yaml.comment": "YAML prend tout ce qui suit « # » pour un commentaire : ce texte est coupé. `{line}`. Mettez le texte entre guillemets : `{fixed}`",
    "check.draft": "la question `{id}` est un brouillon : vérifiez-la dans l’article, puis retirez `draft: true`",
    "ground.missing": "cette citation n’est pas dans l’article : « {quote} ». Le passage le plus proche dit : « {passage} »",
    "ground.answer": "la réponse de `{id}` (« {answer} ») n’est ni dans sa citation ni nulle part dans l’article",
    "ground.no_article": "article introuvable : {path}",
    "ground.unreadable": "impossible de lire l’article {path} : {reason}",
    "lint.answer_in_prompt": "la réponse « {answer} » est écrite dans l’énoncé même de la question",
    "lint.leak": "la réponse « {answer} » se lit dans l’énoncé de la question `{other}`",
    "lint.duplicate": "cette question répète la question `{other}`",
    "lint.same_choices": "les choix « {first} » et « {second} » sont identiques, majuscules, accents et guillemets mis à part",
    "lint.same_position": "la bonne réponse est le choix {position} dans {count} des {total} questions à choix : on peut la deviner ; déplacez-en quelques-unes",
    "lint.longest": "la bonne réponse est le choix le plus long dans {count} des {total} questions à choix : on peut la deviner ; allongez quelques mauvais choix",
    "lint.outdated": "as_of {date} date de plus d’un an : vérifiez que la question est toujours vraie",
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
