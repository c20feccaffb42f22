"""Companies in a share: 'Company A', 'Company B', ... or, for a private entry's, '[company]'.

With `share.anonymize: [company]` every company is lettered, shared ones first in
order of first appearance, then those only private entries name (so that a
mention of one in a shared text is hidden too, without a gap in the letters
giving it away). Without it, a company that only private entries name is still
hidden as "[company]": a private entry leaves nothing behind, not even where it was.

A company is hidden by its distinctive words: "Northwind Logistics" by
"Northwind" (alone, in an address, in a weak spot built from it), not by
"Logistics". The words every company name may have ("The", "Inc", "Labs",
"Software", ...) are looked for only next to a distinctive one, so
"Northwind Logistics Inc" is replaced whole while "logistics" alone is a word.
"""

from __future__ import annotations

from generator.entry.names import normalize_name
from generator.share.words import Hidden, HiddenWords, fold, words

PRIVATE_COMPANY = "[company]"

# Words of company names that name no company on their own (compared folded).
_COMMON = """
    the a an and of for de la le les der die das et und
    company co companies inc incorporated corp corporation ltd limited llc llp lp plc
    gmbh ag kg se sa sas sarl srl spa bv nv oy ab as asa aps kk pty pte bhd
    group holding holdings industries industry international global worldwide
    labs lab laboratories software technologies technology tech systems solutions
    services partners consulting ventures studio studios networks network digital
    analytics logistics health healthcare bank capital media games foods energy
    data cloud ai io hq app apps online interactive enterprises enterprise
    robotics security payments finance financial insurance research engineering
    automation dynamics mobile retail pharma pharmaceuticals biotech therapeutics
    motors airlines consultancy agency institute university foundation hospital
"""
COMMON_WORDS = frozenset(fold(word) for word in _COMMON.split())


def company_words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(all folded words, distinctive words) of a company name.

    Distinctive: not a common word and more than one letter; when that leaves
    nothing ("The Company", "X Corp"), every word is, so the name is still hidden.
    """
    folded = [fold(word) for word in words(name)]
    distinctive = [w for w in folded if w not in COMMON_WORDS and len(w) > 1]
    if not distinctive:
        distinctive = [w for w in folded if w not in COMMON_WORDS] or folded
    squashed = "".join(folded)  # "northwindlogistics", as a domain writes it
    every = {*folded, squashed} if len(folded) > 1 else set(folded)
    return frozenset(every), frozenset({*distinctive, squashed} if len(folded) > 1 else distinctive)


def company_names(
    shared: list[str], private: list[str], anonymize: bool
) -> tuple[dict[str, str], list[Hidden]]:
    """({company as written: what the share shows}, the companies as `Hidden`).

    `shared` and `private` are the companies of shared and of private entries, in
    the order to letter them; a company written two ways ("ACME", "Acme") is one.
    """
    letters: dict[str, str] = {}
    by_key: dict[str, str] = {}
    hidden: list[Hidden] = []
    shown: list[Hidden] = []
    shared_keys = {normalize_name(name) for name in shared}
    for name in [*shared, *private]:
        key = normalize_name(name)
        if key not in by_key:
            if anonymize:
                by_key[key] = f"Company {_letters(len(by_key))}"
            else:
                by_key[key] = name if key in shared_keys else PRIVATE_COMPANY
        letters[name] = by_key[key]
    seen: set[str] = set()
    for name, label in letters.items():
        if fold(name) in seen:
            continue
        seen.add(fold(name))
        every, distinctive = company_words(name)
        if label == name:
            shown.append(Hidden(name, "company", None, every, distinctive))
        else:
            hidden.append(Hidden(name, "company", label, every, distinctive))
    return letters, hidden + shown


def anonymous_names(companies: list[str]) -> dict[str, str]:
    """'Company A', 'Company B', ... in order of first appearance (then AA, AB, ...)."""
    return company_names(companies, [], anonymize=True)[0]


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


class Anonymizer:
    """The companies' side of a share's hidden words, for code that asks about companies.

    `forms` maps each company name, and each of its distinctive words, to what the
    share shows instead.
    """

    def __init__(self, letters: dict[str, str], hidden: HiddenWords) -> None:
        self._letters = {normalize_name(name): label for name, label in letters.items()}
        self.forms: dict[str, str] = {}
        for name, label in letters.items():
            if label != name:
                self.forms.setdefault(name, label)
                for word in words(name):
                    if fold(word) in company_words(name)[1]:
                        self.forms.setdefault(word, label)
        self._hidden = hidden

    def company(self, name: str) -> str:
        return self._letters.get(normalize_name(name), name)

    def text(self, value: str) -> str:
        return self._hidden.replace(value)

    def path(self, value: str) -> str:
        return self._hidden.replace(value, slug=True)
