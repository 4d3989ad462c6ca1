"""The commented starting bank of `newsquiz new --template`: one question of each type."""

from __future__ import annotations

from collections.abc import Mapping

TEMPLATES: Mapping[str, str] = {
    "en": """\
# yaml-language-server: $schema=newsquiz-bank.schema.json
# A starting bank: one question of each type. Replace the questions with your own,
# keep the quotes around texts (a ": " or " #" inside unquoted text breaks YAML),
# and run `newsquiz check` on the file as you write.
newsquiz: 1
id: my-bank                  # lowercase letters, digits, hyphens; never change it once used
title: "My bank"
language: en                 # the interface follows it: en or fr
source: {author: "Médard Clobechi", published: 2025-06-23}
questions:
  - id: who-received                 # unique in the bank
    type: choice                     # one right choice
    prompt: "Who received Assimi Goïta at the Kremlin?"
    choices: ["Sergueï Lavrov", "Vladimir Putin", "Dmitri Medvedev"]
    answer: "Vladimir Putin"
    explanation: "The head of state himself received him."
    evidence:                        # the words of the article, at most 12, exactly
      - quote: "reçu lundi 23 juin 2025 au Kremlin"
        translation: "received on Monday 23 June 2025 at the Kremlin"   # shown beside it
    context: "The Kremlin is the seat of the Russian presidency."   # background, not from the article

  - id: sectors
    type: multi                      # select all that apply
    prompt: "Which sectors were discussed?"
    choices: ["Defence", "Tourism", "Transport", "Health"]
    answer: ["Defence", "Transport"]
    explanation: "Defence and transport were named among the sectors of cooperation."
    evidence: "les secteurs de la défense, des transports"

  - id: official-visit
    type: truefalse
    prompt: "True or false: it was an official visit."
    answer: true
    explanation: "The article calls it an official visit."
    evidence: "En visite officielle à Moscou"

  - id: replaced-wagner
    type: short                      # typed answer; accept lists other spellings
    prompt: "What replaced Wagner in Mali?"
    answer: "Africa Corps"
    accept: ["Africa Korps"]
    explanation: "A structure under the Russian defence ministry."
    evidence: "Wagner a été remplacé par Africa Corps"

  - id: days-in-moscow
    type: number                     # tolerance and unit are optional
    prompt: "From the 22nd to the 26th of June: how many nights in Moscow?"
    answer: 4
    tolerance: 0
    unit: "nights"
    explanation: "He arrived on June 22 and was expected until June 26."
    evidence: "est attendu à Moscou jusqu’au jeudi 26 juin"

  - id: wagner-since
    type: date                       # YYYY, YYYY-MM or YYYY-MM-DD: the precision asked
    prompt: "Since what year had Wagner been in Mali?"
    answer: 2021
    explanation: "Wagner had been in the country since 2021."
    evidence: "Présent dans le pays depuis 2021"

  - id: events-in-order
    type: order                      # items in the right order; they are shuffled
    prompt: "Put these events in order."
    items: ["The coups in Mali", "Wagner leaves Mali", "Goïta received at the Kremlin"]
    explanation: "The coups of 2020 and 2021, then Wagner's departure, then the visit."
    evidence: "quelques jours après l’annonce du retrait officiel"

  - id: who-is-who
    type: match                      # left: right; distractors are optional
    prompt: "Match each person with their position."
    pairs:
      "Vladimir Putin": "Russian president"
      "Sergueï Tsiviliov": "Russian energy minister"
    distractors: ["Malian defence minister"]
    explanation: "Both are named with their titles in the article."
    evidence: "le ministre russe de l’Énergie Sergueï Tsiviliov"

  - id: replaced-by
    type: cloze                      # blanks are {{answer}} or {{answer|other accepted}}
    text: "Wagner was replaced by {{Africa Corps|Africa Korps}}."
    explanation: "Africa Corps reports to the Russian defence ministry."
    evidence: "Wagner a été remplacé par Africa Corps"
""",
    "fr": """\
# yaml-language-server: $schema=newsquiz-bank.schema.json
# Une banque de départ : une question de chaque type. Remplacez les questions par les vôtres,
# gardez les guillemets autour des textes (un « : » ou un « # » dans un texte sans guillemets
# casse le YAML) et lancez `newsquiz check` sur le fichier au fil de l’écriture.
newsquiz: 1
id: ma-banque                # minuscules, chiffres, tirets ; ne le changez plus une fois utilisé
title: "Ma banque"
language: fr                 # l’interface le suit : fr ou en
source: {author: "Médard Clobechi", published: 2025-06-23}
questions:
  - id: qui-a-recu                   # unique dans la banque
    type: choice                     # un seul bon choix
    prompt: "Qui a reçu Assimi Goïta au Kremlin ?"
    choices: ["Sergueï Lavrov", "Vladimir Poutine", "Dmitri Medvedev"]
    answer: "Vladimir Poutine"
    explanation: "Le chef de l’État l’a reçu lui-même."
    evidence: "reçu lundi 23 juin 2025 au Kremlin"   # les mots de l’article, 12 au plus
    context: "Le Kremlin est le siège de la présidence russe."   # hors article, affiché à part

  - id: secteurs
    type: multi                      # plusieurs bonnes réponses
    prompt: "Quels secteurs ont été évoqués ?"
    choices: ["Défense", "Tourisme", "Transports", "Santé"]
    answer: ["Défense", "Transports"]
    explanation: "La défense et les transports sont cités parmi les secteurs de coopération."
    evidence: "les secteurs de la défense, des transports"

  - id: visite-officielle
    type: truefalse
    prompt: "Vrai ou faux : c’était une visite officielle."
    answer: true
    explanation: "L’article parle d’une visite officielle."
    evidence: "En visite officielle à Moscou"

  - id: remplacant-wagner
    type: short                      # réponse tapée ; accept liste d’autres graphies
    prompt: "Qui a remplacé Wagner au Mali ?"
    answer: "Africa Corps"
    accept: ["Africa Korps"]
    explanation: "Une structure placée sous l’autorité du ministère russe de la Défense."
    evidence: "Wagner a été remplacé par Africa Corps"

  - id: nuits-a-moscou
    type: number                     # tolerance et unit sont facultatifs
    prompt: "Du 22 au 26 juin : combien de nuits à Moscou ?"
    answer: 4
    tolerance: 0
    unit: "nuits"
    explanation: "Arrivé le 22 juin, il était attendu jusqu’au 26 juin."
    evidence: "est attendu à Moscou jusqu’au jeudi 26 juin"

  - id: wagner-depuis
    type: date                       # AAAA, AAAA-MM ou AAAA-MM-JJ : la précision demandée
    prompt: "Depuis quelle année Wagner était-il au Mali ?"
    answer: 2021
    explanation: "Wagner était présent dans le pays depuis 2021."
    evidence: "Présent dans le pays depuis 2021"

  - id: ordre-des-faits
    type: order                      # dans le bon ordre ; ils sont mélangés à l’affichage
    prompt: "Remettez ces faits dans l’ordre."
    items: ["Les coups d’État au Mali", "Le départ de Wagner", "Goïta reçu au Kremlin"]
    explanation: "Les coups d’État de 2020 et 2021, puis le départ de Wagner, puis la visite."
    evidence: "quelques jours après l’annonce du retrait officiel"

  - id: qui-est-qui
    type: match                      # gauche : droite ; distractors est facultatif
    prompt: "Associez chaque personne à sa fonction."
    pairs:
      "Vladimir Poutine": "président russe"
      "Sergueï Tsiviliov": "ministre russe de l’Énergie"
    distractors: ["ministre malien de la Défense"]
    explanation: "L’article les présente tous deux avec leur fonction."
    evidence: "le ministre russe de l’Énergie Sergueï Tsiviliov"

  - id: remplace-par
    type: cloze                      # les trous s’écrivent {{réponse}} ou {{réponse|autre}}
    text: "Wagner a été remplacé par {{Africa Corps|Africa Korps}}."
    explanation: "Africa Corps dépend du ministère russe de la Défense."
    evidence: "Wagner a été remplacé par Africa Corps"
""",
}
