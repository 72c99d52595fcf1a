"""Who held which UN office when: the table behind "the UN chief said" and "Mr. Ban".

Offices are keyed by the acronym of the body they head ("WHO", "UNHCR"), "SG" for the
Secretary-General and a short key for envoys. Dates are the terms of office as the UN announced
them; an acting head is listed where a story of that time would name one. `keys` are the names a
story puts after "Mr."/"Ms."/"Dr." – the family name ("Ban") or, for Tedros, the given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .lexicon import NAME_PARTICLES
from .organizations import fold


@dataclass(frozen=True)
class Office:
    key: str
    title: str  # as a speaker's title: "UN Secretary-General"


@dataclass(frozen=True)
class Holder:
    office: str
    name: str  # canonical, as UN News writes it
    start: date
    end: date | None
    gender: str  # "m" or "f"
    keys: tuple[str, ...] = ()


OFFICES: dict[str, Office] = {
    office.key: office
    for office in (
        Office("SG", "UN Secretary-General"),
        Office("DSG", "UN Deputy Secretary-General"),
        Office("OHCHR", "UN High Commissioner for Human Rights"),
        Office("UNHCR", "UN High Commissioner for Refugees"),
        Office("OCHA", "UN Emergency Relief Coordinator"),
        Office("WHO", "WHO Director-General"),
        Office("UNICEF", "UNICEF Executive Director"),
        Office("WFP", "WFP Executive Director"),
        Office("UNDP", "UNDP Administrator"),
        Office("UNEP", "UNEP Executive Director"),
        Office("UNFPA", "UNFPA Executive Director"),
        Office("FAO", "FAO Director-General"),
        Office("IOM", "IOM Director General"),
        Office("WMO", "WMO Secretary-General"),
        Office("UNFCCC", "UNFCCC Executive Secretary"),
        Office("UN Women", "UN Women Executive Director"),
        Office("UNODC", "UNODC Executive Director"),
        Office("ILO", "ILO Director-General"),
        Office("UNESCO", "UNESCO Director-General"),
        Office("UNAIDS", "UNAIDS Executive Director"),
        Office("UNRWA", "UNRWA Commissioner-General"),
        Office("IAEA", "IAEA Director General"),
        Office("UNCTAD", "UNCTAD Secretary-General"),
        Office("IMO", "IMO Secretary-General"),
        Office(
            "SYRIA-JSE",
            "Joint Special Envoy of the United Nations and the League of Arab States for Syria",
        ),
        Office("SYRIA", "UN Special Envoy for Syria"),
        Office("YEMEN", "UN Special Envoy for Yemen"),
    )
}


def _holder(office: str, name: str, start: str, end: str | None, gender: str, *keys: str):
    return Holder(
        office,
        name,
        date.fromisoformat(start),
        date.fromisoformat(end) if end else None,
        gender,
        keys or (name.split()[-1],),
    )


HOLDERS: tuple[Holder, ...] = (
    _holder("SG", "Javier Pérez de Cuéllar", "1982-01-01", "1991-12-31", "m", "Pérez de Cuéllar"),
    _holder("SG", "Boutros Boutros-Ghali", "1992-01-01", "1996-12-31", "m"),
    _holder("SG", "Kofi Annan", "1997-01-01", "2006-12-31", "m"),
    _holder("SG", "Ban Ki-moon", "2007-01-01", "2016-12-31", "m", "Ban"),
    _holder("SG", "António Guterres", "2017-01-01", None, "m"),
    _holder("DSG", "Louise Fréchette", "1998-03-02", "2006-03-31", "f"),
    _holder(
        "DSG",
        "Mark Malloch-Brown",
        "2006-04-01",
        "2006-12-31",
        "m",
        "Malloch-Brown",
        "Malloch Brown",
    ),
    _holder("DSG", "Asha-Rose Migiro", "2007-02-05", "2012-06-30", "f"),
    _holder("DSG", "Jan Eliasson", "2012-07-01", "2016-12-31", "m"),
    _holder("DSG", "Amina J. Mohammed", "2017-01-01", None, "f"),
    _holder("OHCHR", "José Ayala-Lasso", "1994-04-05", "1997-03-15", "m"),
    _holder("OHCHR", "Mary Robinson", "1997-09-12", "2002-09-11", "f"),
    _holder("OHCHR", "Sérgio Vieira de Mello", "2002-09-12", "2003-08-19", "m", "Vieira de Mello"),
    _holder("OHCHR", "Bertrand Ramcharan", "2003-08-20", "2004-06-30", "m"),
    _holder("OHCHR", "Louise Arbour", "2004-07-01", "2008-06-30", "f"),
    _holder("OHCHR", "Navi Pillay", "2008-09-01", "2014-08-31", "f"),
    _holder("OHCHR", "Zeid Ra'ad Al Hussein", "2014-09-01", "2018-08-31", "m", "Zeid"),
    _holder("OHCHR", "Michelle Bachelet", "2018-09-01", "2022-08-31", "f"),
    _holder("OHCHR", "Nada Al-Nashif", "2022-09-01", "2022-10-16", "f"),
    _holder("OHCHR", "Volker Türk", "2022-10-17", None, "m"),
    _holder("UNHCR", "Sadako Ogata", "1991-01-01", "2000-12-31", "f"),
    _holder("UNHCR", "Ruud Lubbers", "2001-01-01", "2005-02-20", "m"),
    _holder("UNHCR", "Wendy Chamberlin", "2005-02-21", "2005-06-14", "f"),
    _holder("UNHCR", "António Guterres", "2005-06-15", "2015-12-31", "m"),
    _holder("UNHCR", "Filippo Grandi", "2016-01-01", "2025-12-31", "m"),
    _holder("UNHCR", "Barham Salih", "2026-01-01", None, "m"),
    _holder("OCHA", "Jan Egeland", "2003-06-01", "2006-12-31", "m"),
    _holder("OCHA", "John Holmes", "2007-01-01", "2010-08-31", "m"),
    _holder("OCHA", "Valerie Amos", "2010-09-01", "2015-05-29", "f"),
    _holder("OCHA", "Stephen O'Brien", "2015-05-30", "2017-08-31", "m"),
    _holder("OCHA", "Mark Lowcock", "2017-09-01", "2021-06-30", "m"),
    _holder("OCHA", "Martin Griffiths", "2021-07-01", "2024-06-30", "m"),
    _holder("OCHA", "Joyce Msuya", "2024-07-01", "2024-11-17", "f"),
    _holder("OCHA", "Tom Fletcher", "2024-11-18", None, "m"),
    _holder("WHO", "Gro Harlem Brundtland", "1998-07-21", "2003-07-20", "f"),
    _holder("WHO", "Lee Jong-wook", "2003-07-21", "2006-05-22", "m", "Lee"),
    _holder("WHO", "Anders Nordström", "2006-05-23", "2007-01-03", "m"),
    _holder("WHO", "Margaret Chan", "2007-01-04", "2017-06-30", "f"),
    _holder("WHO", "Tedros Adhanom Ghebreyesus", "2017-07-01", None, "m", "Tedros"),
    _holder("UNICEF", "Carol Bellamy", "1995-05-01", "2005-04-30", "f"),
    _holder("UNICEF", "Ann Veneman", "2005-05-01", "2010-04-30", "f"),
    _holder("UNICEF", "Anthony Lake", "2010-05-01", "2017-12-31", "m"),
    _holder("UNICEF", "Henrietta Fore", "2018-01-01", "2021-12-31", "f"),
    _holder("UNICEF", "Catherine Russell", "2022-02-01", None, "f"),
    _holder("WFP", "James Morris", "2002-04-05", "2007-04-04", "m"),
    _holder("WFP", "Josette Sheeran", "2007-04-05", "2012-04-04", "f"),
    _holder("WFP", "Ertharin Cousin", "2012-04-05", "2017-04-04", "f"),
    _holder("WFP", "David Beasley", "2017-04-05", "2023-04-04", "m"),
    _holder("WFP", "Cindy McCain", "2023-04-05", None, "f"),
    _holder(
        "UNDP",
        "Mark Malloch-Brown",
        "1999-07-01",
        "2005-08-14",
        "m",
        "Malloch-Brown",
        "Malloch Brown",
    ),
    _holder("UNDP", "Kemal Derviş", "2005-08-15", "2009-03-01", "m"),
    _holder("UNDP", "Helen Clark", "2009-04-17", "2017-04-19", "f"),
    _holder("UNDP", "Achim Steiner", "2017-06-19", "2025-06-15", "m"),
    _holder("UNEP", "Klaus Töpfer", "1998-02-01", "2006-03-31", "m"),
    _holder("UNEP", "Achim Steiner", "2006-06-15", "2016-06-14", "m"),
    _holder("UNEP", "Erik Solheim", "2016-06-15", "2018-11-20", "m"),
    _holder("UNEP", "Joyce Msuya", "2018-11-21", "2019-06-14", "f"),
    _holder("UNEP", "Inger Andersen", "2019-06-15", None, "f"),
    _holder("UNFPA", "Thoraya Ahmed Obaid", "2001-01-01", "2010-12-31", "f"),
    _holder("UNFPA", "Babatunde Osotimehin", "2011-01-01", "2017-06-04", "m"),
    _holder("UNFPA", "Natalia Kanem", "2017-06-05", None, "f"),
    _holder("FAO", "Jacques Diouf", "1994-01-01", "2011-12-31", "m"),
    _holder("FAO", "José Graziano da Silva", "2012-01-01", "2019-07-31", "m", "Graziano da Silva"),
    _holder("FAO", "Qu Dongyu", "2019-08-01", None, "m", "Qu"),
    _holder("IOM", "Brunson McKinley", "1998-10-01", "2008-09-30", "m"),
    _holder("IOM", "William Lacy Swing", "2008-10-01", "2018-09-30", "m"),
    _holder("IOM", "António Vitorino", "2018-10-01", "2023-09-30", "m"),
    _holder("IOM", "Amy Pope", "2023-10-01", None, "f"),
    _holder("WMO", "Michel Jarraud", "2004-01-01", "2015-12-31", "m"),
    _holder("WMO", "Petteri Taalas", "2016-01-01", "2023-12-31", "m"),
    _holder("WMO", "Celeste Saulo", "2024-01-01", None, "f"),
    _holder("UNFCCC", "Yvo de Boer", "2006-09-01", "2010-06-30", "m"),
    _holder("UNFCCC", "Christiana Figueres", "2010-07-01", "2016-07-05", "f"),
    _holder("UNFCCC", "Patricia Espinosa", "2016-07-06", "2022-07-16", "f"),
    _holder("UNFCCC", "Simon Stiell", "2022-08-15", None, "m"),
    _holder("UN Women", "Michelle Bachelet", "2010-09-14", "2013-03-15", "f"),
    _holder("UN Women", "Phumzile Mlambo-Ngcuka", "2013-08-19", "2021-08-31", "f"),
    _holder("UN Women", "Sima Bahous", "2021-09-13", None, "f"),
    _holder("UNODC", "Antonio Maria Costa", "2002-05-01", "2010-08-31", "m"),
    _holder("UNODC", "Yury Fedotov", "2010-09-01", "2019-12-31", "m"),
    _holder("UNODC", "Ghada Waly", "2020-01-01", None, "f"),
    _holder("ILO", "Juan Somavía", "1999-03-04", "2012-09-30", "m"),
    _holder("ILO", "Guy Ryder", "2012-10-01", "2022-09-30", "m"),
    _holder("ILO", "Gilbert F. Houngbo", "2022-10-01", None, "m"),
    _holder("UNESCO", "Koïchiro Matsuura", "1999-11-15", "2009-11-14", "m"),
    _holder("UNESCO", "Irina Bokova", "2009-11-15", "2017-11-14", "f"),
    _holder("UNESCO", "Audrey Azoulay", "2017-11-15", "2025-11-14", "f"),
    _holder("UNESCO", "Khaled El-Enany", "2025-11-15", None, "m"),
    _holder("UNAIDS", "Peter Piot", "1995-01-01", "2008-12-31", "m"),
    _holder("UNAIDS", "Michel Sidibé", "2009-01-01", "2019-05-31", "m"),
    _holder("UNAIDS", "Winnie Byanyima", "2019-11-01", None, "f"),
    _holder("UNRWA", "Karen Koning AbuZayd", "2005-06-01", "2010-01-19", "f", "AbuZayd"),
    _holder("UNRWA", "Filippo Grandi", "2010-01-20", "2014-03-29", "m"),
    _holder("UNRWA", "Pierre Krähenbühl", "2014-03-30", "2019-11-06", "m"),
    _holder("UNRWA", "Philippe Lazzarini", "2020-03-18", None, "m"),
    _holder("IAEA", "Mohamed ElBaradei", "1997-12-01", "2009-11-30", "m"),
    _holder("IAEA", "Yukiya Amano", "2009-12-01", "2019-07-18", "m"),
    _holder("IAEA", "Rafael Mariano Grossi", "2019-12-03", None, "m", "Grossi"),
    _holder("UNCTAD", "Supachai Panitchpakdi", "2005-09-01", "2013-08-31", "m", "Supachai"),
    _holder("UNCTAD", "Mukhisa Kituyi", "2013-09-01", "2021-02-15", "m"),
    _holder("UNCTAD", "Rebeca Grynspan", "2021-09-13", None, "f"),
    _holder("IMO", "Koji Sekimizu", "2012-01-01", "2015-12-31", "m"),
    _holder("IMO", "Kitack Lim", "2016-01-01", "2023-12-31", "m"),
    _holder("IMO", "Arsenio Dominguez", "2024-01-01", None, "m"),
    # Annan's envoy title is kept to the end of 2012: Brahimi, who followed him, was styled
    # "Joint Special Representative", so "the Joint Special Envoy" in 2012 still means Annan.
    _holder("SYRIA-JSE", "Kofi Annan", "2012-02-23", "2012-12-31", "m"),
    _holder("SYRIA", "Lakhdar Brahimi", "2012-09-01", "2014-05-31", "m"),
    _holder("SYRIA", "Staffan de Mistura", "2014-07-10", "2018-12-31", "m", "de Mistura"),
    _holder("SYRIA", "Geir Pedersen", "2019-01-07", None, "m"),
    _holder("YEMEN", "Jamal Benomar", "2012-08-01", "2015-04-24", "m"),
    _holder(
        "YEMEN", "Ismail Ould Cheikh Ahmed", "2015-04-25", "2018-02-28", "m", "Ould Cheikh Ahmed"
    ),
    _holder("YEMEN", "Martin Griffiths", "2018-03-01", "2021-06-30", "m"),
    _holder("YEMEN", "Hans Grundberg", "2021-08-06", None, "m"),
)

# Titles a story may use for an office, without naming the body separately. Offices headed by
# an agency are also found as "WHO chief", "the head of UNICEF" (see speakers.py).
# Each pattern starts with a letter, not an optional group, so the whole alternation can be
# scanned quickly; "the", "new", "former" before a title are read separately.
OFFICE_TITLE_PATTERNS: dict[str, tuple[str, ...]] = {
    "SG": (
        r"(?:UN|United Nations)\s+Secretary-General",
        r"Secretary-General(?:\s+of the United Nations)?",
        r"(?:UN|United Nations) chief",
    ),
    "DSG": (r"UN\s+Deputy Secretary-General", r"Deputy Secretary-General", r"UN deputy chief"),
    "OHCHR": (
        r"(?:UN|United Nations)\s+High Commissioner for Human Rights",
        r"High Commissioner for Human Rights",
        r"(?:UN|United Nations)\s+(?:human\s+)?rights chief",
        r"(?:human\s+)?rights chief",
    ),
    "UNHCR": (
        r"(?:UN|United Nations)\s+High Commissioner for Refugees",
        r"High Commissioner for Refugees",
        r"(?:UN|United Nations)\s+refugee chief",
        r"refugee chief",
    ),
    "HC": (r"UN\s+High Commissioner", r"High Commissioner"),
    "OCHA": (
        r"UN\s+Emergency Relief Coordinator",
        r"Emergency Relief Coordinator",
        r"UN\s+(?:relief|humanitarian|aid) chief",
        r"(?:relief|humanitarian|aid) chief",
        r"Under-Secretary-General for Humanitarian Affairs(?: and Emergency Relief Coordinator)?",
        r"top (?:UN\s+)?(?:humanitarian|relief|aid) (?:official|chief)",
    ),
    "SYRIA-JSE": (
        r"Joint Special Envoy(?:\s+of the United Nations and the League of Arab States)?"
        r"(?:\s+(?:for|on)\s+Syria)?",
    ),
    "SYRIA": (
        r"UN\s+Special Envoy for Syria",
        r"Special Envoy for Syria",
        r"(?:UN\s+)?Syria envoy",
        r"Joint Special Representative for Syria",
    ),
    "YEMEN": (
        r"UN\s+Special Envoy for Yemen",
        r"Special Envoy for Yemen",
        r"(?:UN\s+)?Yemen envoy",
    ),
}
# "the High Commissioner" is one of these; the story decides which.
AMBIGUOUS_OFFICES: dict[str, tuple[str, ...]] = {"HC": ("OHCHR", "UNHCR")}

# Head-of-body titles written after an acronym ("WHO chief") or before "of" ("head of UNICEF").
HEAD_WORDS = (
    r"chief|head|Director-General|Director General|Executive Director|Administrator|"
    r"Secretary-General|Commissioner-General|High Commissioner"
)

_BY_OFFICE: dict[str, list[Holder]] = {}
for _h in HOLDERS:
    _BY_OFFICE.setdefault(_h.office, []).append(_h)
_BY_KEY: dict[str, list[Holder]] = {}
for _h in HOLDERS:
    for _key in _h.keys:
        _BY_KEY.setdefault(fold(_key), []).append(_h)
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*")


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    """Accent-folded lower-case tokens of a name, for comparing spellings."""
    return tuple(_TOKEN_RE.findall(fold(name)))


# A name's tokens, as a set, to its holder (the last entry of a name that held two offices)
_TOKEN_SETS = tuple(
    (frozenset(tokens), holder)
    for tokens, holder in {name_tokens(_h.name): _h for _h in HOLDERS}.items()
)


def _held_on(holder: Holder, on: date) -> bool:
    return holder.start <= on and (holder.end is None or on <= holder.end)


def holder_on(office: str, on: date) -> Holder | None:
    """Who held `office` on the day `on`, or None."""
    for holder in _BY_OFFICE.get(office, ()):
        if _held_on(holder, on):
            return holder
    return None


def holders_of(office: str) -> tuple[Holder, ...]:
    """Everyone who held `office`, earliest first."""
    return tuple(_BY_OFFICE.get(office, ()))


@lru_cache(maxsize=4096)
def known_person(name: str) -> Holder | None:
    """The office holder a full name in a story refers to ("Dr. Margaret Chan"), or None.

    Matches when every token of the story's name is in the holder's name and at least two
    are, not counting particles such as "da" or "van".
    """
    tokens = name_tokens(name)
    if len([token for token in tokens if token not in NAME_PARTICLES]) < 2:
        return None  # "da Silva" is one name, shared by many
    wanted = set(tokens)
    for holder_tokens, holder in _TOKEN_SETS:
        if wanted <= holder_tokens:
            return holder
    return None


def person_by_key(key: str, on: date | None) -> Holder | None:
    """The office holder "Mr./Ms./Dr. `key`" names: the one in office on `on`, else one in
    office within a few years of it ("Mr. Guterres" in 2016, between his two offices), or,
    with no date, the only holder of that name."""
    candidates = _BY_KEY.get(fold(key), [])
    if on is None:
        return candidates[-1] if len({holder.name for holder in candidates}) == 1 else None
    in_office = next((holder for holder in candidates if _held_on(holder, on)), None)
    # Beyond a few years a dated story names a former holder in full: "Mr. Lee" in 2015 is
    # somebody else than the WHO chief who died in 2006.
    return in_office or next((h for h in candidates if _near_term(h, on)), None)


def _near_term(holder: Holder, on: date) -> bool:
    years = NEAR_TERM_YEARS * 365
    end = holder.end or date.max
    return (holder.start - on).days <= years and (on - end).days <= years


NEAR_TERM_YEARS = 3


def offices_held(name: str, on: date | None) -> tuple[Holder, ...]:
    """The terms of office `name` (canonical) held on `on`; all of them when `on` is None."""
    return tuple(h for h in HOLDERS if h.name == name and (on is None or _held_on(h, on)))


def gender_of(name: str) -> str | None:
    """The gender of a known office holder, or None."""
    for holder in HOLDERS:
        if holder.name == name:
            return holder.gender
    return None
