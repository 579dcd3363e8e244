"""Who an action's sentence names as doing it: the Lead as written, for the officer to confirm.

A simple reading until the directory of posts resolves Leads (issue 15, item 1): the subject of
the first sentence that says someone will, would or undertook to act ("The Deputy Commissioner
undertook to ...", "It was agreed that the MPS and MOPAC will ..."), else the first
organisation named, else nothing.
"""

import re

_WORD = r"[A-Z][\w\u2019'.-]*"  # a capitalised word: MPS, Victims', Director
_SUBJECT = re.compile(
    r"^(?:It was agreed that )?(?:[Tt]he )?"
    rf"(?P<lead>{_WORD}(?:(?:,? | and (?:the )?| of (?:the )?| for ){_WORD})*)"
    r" (?:will|would|to|undertook|agreed|advised|invited|should|is to|are to)\b"
)
_NOT_A_LEAD = {"i", "we", "you", "it", "there", "this", "that", "they", "he", "she"}
_ORGANISATION = re.compile(r"\b(MPS|MOPAC|the Met|GLA|HMICFRS)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u2018\u201c\"'])")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a full stop, ! or ? and a capital after a space)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def guess_lead(text: str) -> str:
    """The post or organisation the text names as acting, as written; "" when none."""
    for sentence in sentences(text):
        match = _SUBJECT.match(sentence)
        if match and match["lead"].split()[0].lower() not in _NOT_A_LEAD:
            return match["lead"]
    found = _ORGANISATION.search(text)
    return found[1] if found else ""
