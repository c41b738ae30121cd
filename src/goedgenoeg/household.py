"""Who of the network belongs with the child at home: the parents and whoever lives with the
child. A session has no field for it (the context asks no household, the network asks who,
relation and meaning), so it is read from the relation the worker wrote: a parent word as the
relation itself ("moeder", "pleegvader van Sem", "biological father"), or words that say the
person lives with the child ("oma, woont in", "lives with the child"). A parent word that only
names someone else ("partner van moeder", "mother's friend") does not count, nor does living
that is denied ("woont niet meer thuis"). The record's picture draws these people as one group
beside the child; the tables keep the order the worker gave."""

from __future__ import annotations

import re

# Words naming a parent of the child (Dutch and English, with the usual prefixes).
_PARENT = re.compile(
    r"^(?:stief|pleeg|plus|bonus|zorg|bio|step|foster)?-?"
    r"(?:moeder|vader|ouders?|mama|papa|mams|paps|mam|pap|mother|father|parents?|mum|mom|dad|mummy|mommy|daddy)$"
)
# Words after which a parent word names someone else's relation ("partner van moeder").
_OF = ("van", "of", "from")
# Words saying someone lives with the child.
_LIVES = re.compile(
    r"\b(?:woont|wonen|inwonend|inwonende|thuiswonend|thuiswonende|huisgeno(?:ot|te|ten)|huishouden|"
    r"lives|living|household|housemate|resident)\b"
)
_NOT = re.compile(r"\b(?:niet|geen|nooit|not|no longer|never|ex|vroeger|formerly)\b")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.casefold())


def is_parent(relation: str) -> bool:
    """The relation names a parent of the child: a parent word not owned by another word
    ("van moeder", "mother's")."""
    lowered = relation.casefold()
    words = _words(lowered)
    for n, word in enumerate(words):
        if not _PARENT.match(word):
            continue
        owned = n > 0 and words[n - 1] in _OF
        possessive = re.search(rf"\b{re.escape(word)}['\u2019]s\b", lowered) is not None
        if not owned and not possessive:
            return True
    return False


def lives_with_child(relation: str) -> bool:
    """The relation says the person lives with the child (and does not deny it)."""
    lowered = relation.casefold()
    return _LIVES.search(lowered) is not None and _NOT.search(lowered) is None


def in_household(relation: str) -> bool:
    """A parent, or someone who lives with the child."""
    return is_parent(relation) or lives_with_child(relation)
