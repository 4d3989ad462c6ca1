"""The sentences of play, review and stats that came with the second edition of play:
usage errors in the learner's language, and menus. Merged into the catalogue."""

from __future__ import annotations

from collections.abc import Mapping

EN: Mapping[str, str] = {
    "usage.prefix": "usage:",
    "usage.complaint": "{prog}: error: {complaint}",
    "usage.line": "newsquiz {command}: {message}",
    "usage.time_needs_exam": "--time limits an exam: add --exam",
    "usage.negative_needs_exam": "--negative marking is for exams: add --exam",
    "usage.results_no_folder": "cannot write results to {path}: no such folder",
    "usage.results_is_folder": "cannot write results to {path}: it is a folder",
    "usage.bank_is_folder": "{bank} is a folder: name a bank file in it, or a bank id",
    "usage.no_such_bank": "no bank file or bank id '{bank}' (bank ids found: {known})",
    "usage.no_bank_found": "no bank found: give the path of a bank file",
    "usage.no_tag": "no question has the tag {tags} (tags in this bank: {known})",
    "usage.none": "none",
    "usage.unrecognized": "unrecognized arguments: {arguments}",
    "usage.required": "the following arguments are required: {arguments}",
    "usage.invalid_choice": "argument {argument}: invalid choice: {value} (choose from {choices})",
    "usage.expected_one": "argument {argument}: expected one argument",
    "usage.argument": "argument {argument}: {problem}",
    "usage.whole_number": "expected a whole number from {minimum} to {maximum}, found {value}",
    "usage.minutes": "expected a number of minutes, more than 0 and at most {maximum} (24 hours), found {value}",
    "usage.invalid_bank": "{path} is not a valid bank ({count} {error_word}): run 'newsquiz check {path}' for details",
    "word.error.one": "error",
    "word.error.other": "errors",
    "menu.bank_entry": "{title} ({id}, {count} {question_word})",
}

FR: Mapping[str, str] = {
    "usage.prefix": "utilisation :",
    "usage.complaint": "{prog}: erreur : {complaint}",
    "usage.line": "newsquiz {command}: {message}",
    "usage.time_needs_exam": "--time limite la durée d’un examen : ajoutez --exam",
    "usage.negative_needs_exam": "--negative (points retirés) est pour les examens : ajoutez --exam",
    "usage.results_no_folder": "impossible d’écrire les résultats dans {path} : ce dossier n’existe pas",
    "usage.results_is_folder": "impossible d’écrire les résultats dans {path} : c’est un dossier",
    "usage.bank_is_folder": "{bank} est un dossier : nommez un fichier de banque qu’il contient, ou un identifiant de banque",
    "usage.no_such_bank": "ni fichier ni identifiant de banque « {bank} » (identifiants trouvés : {known})",
    "usage.no_bank_found": "aucune banque trouvée : donnez le chemin d’un fichier de banque",
    "usage.no_tag": "aucune question n’a le thème {tags} (thèmes de cette banque : {known})",
    "usage.none": "aucun",
    "usage.unrecognized": "arguments inconnus : {arguments}",
    "usage.required": "arguments obligatoires manquants : {arguments}",
    "usage.invalid_choice": "argument {argument} : choix invalide : {value} (choix possibles : {choices})",
    "usage.expected_one": "argument {argument} : une valeur est attendue",
    "usage.argument": "argument {argument} : {problem}",
    "usage.whole_number": "un nombre entier de {minimum} à {maximum} est attendu, trouvé {value}",
    "usage.minutes": "un nombre de minutes est attendu, plus que 0 et au plus {maximum} (24 heures), trouvé {value}",
    "usage.invalid_bank": "{path} n’est pas une banque valide ({count} {error_word}) : lancez « newsquiz check {path} » pour le détail",
    "word.error.one": "erreur",
    "word.error.other": "erreurs",
    "menu.bank_entry": "{title} ({id}, {count} {question_word})",
}
