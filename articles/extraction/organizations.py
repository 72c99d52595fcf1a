"""UN bodies that speak in UN News stories, under one canonical name each.

The canonical form is UN News's own: "World Food Programme (WFP)", "UN Children's Fund (UNICEF)",
"UN Security Council". Aliases are the other ways stories name the same body ("the UN refugee
agency", "UNHCR"); "United Nations" and "UN" spellings of every alias are both recognised.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Organization:
    """A UN body: canonical name, acronym, what a story may call it, and its kind.

    `kind` decides which generic noun can point back to it: "the agency" (agency, office),
    "the office" (office), "the mission" (mission), "the Council" (council).
    """

    name: str
    acronym: str | None
    kind: str
    aliases: tuple[str, ...] = ()


ORGANIZATIONS: tuple[Organization, ...] = (
    # Funds, programmes and offices of the Secretariat.
    Organization(
        "World Food Programme (WFP)",
        "WFP",
        "agency",
        (
            "World Food Programme",
            "World Food Program",
            "UN food agency",
            "UN food relief agency",
            "UN food assistance agency",
        ),
    ),
    Organization(
        "UN Children's Fund (UNICEF)",
        "UNICEF",
        "agency",
        ("UN Children's Fund", "UN children's agency", "UN Children's Emergency Fund"),
    ),
    Organization(
        "UN Refugee Agency (UNHCR)",
        "UNHCR",
        "agency",
        (
            "UN Refugee Agency",
            "UN refugee agency",
            "refugee agency",
            "Office of the UN High Commissioner for Refugees",
        ),
    ),
    Organization(
        "UN Office for the Coordination of Humanitarian Affairs (OCHA)",
        "OCHA",
        "office",
        (
            "UN Office for the Coordination of Humanitarian Affairs",
            "Office for the Coordination of Humanitarian Affairs",
            "UN humanitarian office",
            "UN aid coordination office",
            "UN relief office",
            "humanitarian office",
        ),
    ),
    Organization(
        "Office of the UN High Commissioner for Human Rights (OHCHR)",
        "OHCHR",
        "office",
        (
            "Office of the UN High Commissioner for Human Rights",
            "UN human rights office",
            "human rights office",
            "UN rights office",
        ),
    ),
    Organization(
        "UN Office on Drugs and Crime (UNODC)",
        "UNODC",
        "office",
        ("UN Office on Drugs and Crime", "UN drugs and crime office", "UN drugs and crime agency"),
    ),
    Organization(
        "UN Environment Programme (UNEP)",
        "UNEP",
        "agency",
        ("UN Environment Programme", "UN Environment", "UN environment agency"),
    ),
    Organization(
        "UN Development Programme (UNDP)",
        "UNDP",
        "agency",
        ("UN Development Programme", "UN development agency"),
    ),
    Organization(
        "UN Population Fund (UNFPA)",
        "UNFPA",
        "agency",
        (
            "UN Population Fund",
            "UN sexual and reproductive health agency",
            "UN reproductive health agency",
        ),
    ),
    Organization(
        "UN Women",
        None,
        "agency",
        ("UN Entity for Gender Equality and the Empowerment of Women", "UN gender equality agency"),
    ),
    Organization(
        "Joint UN Programme on HIV/AIDS (UNAIDS)",
        "UNAIDS",
        "agency",
        ("Joint UN Programme on HIV/AIDS", "UN AIDS agency"),
    ),
    Organization(
        "UN Relief and Works Agency for Palestine Refugees (UNRWA)",
        "UNRWA",
        "agency",
        (
            "UN Relief and Works Agency for Palestine Refugees in the Near East",
            "UN Relief and Works Agency for Palestine Refugees",
            "UN Relief and Works Agency",
            "UN agency for Palestine refugees",
            "UN Palestine refugee agency",
        ),
    ),
    Organization(
        "UN Human Settlements Programme (UN-Habitat)",
        "UN-Habitat",
        "agency",
        ("UN Human Settlements Programme",),
    ),
    Organization(
        "UN Conference on Trade and Development (UNCTAD)",
        "UNCTAD",
        "agency",
        (
            "UN Conference on Trade and Development",
            "UN Trade and Development",
            "UN trade and development body",
        ),
    ),
    Organization(
        "UN Department of Economic and Social Affairs (DESA)",
        "DESA",
        "office",
        (
            "UN Department of Economic and Social Affairs",
            "Department of Economic and Social Affairs",
            "UN DESA",
        ),
    ),
    Organization(
        "UN Office for Disaster Risk Reduction (UNDRR)",
        "UNDRR",
        "office",
        ("UN Office for Disaster Risk Reduction",),
    ),
    Organization(
        "UN Institute for Training and Research (UNITAR)",
        "UNITAR",
        "agency",
        ("UN Institute for Training and Research",),
    ),
    Organization("UN Volunteers (UNV)", "UNV", "agency", ("UN Volunteers",)),
    Organization(
        "UN Office for Project Services (UNOPS)",
        "UNOPS",
        "agency",
        ("UN Office for Project Services",),
    ),
    Organization(
        "UN Capital Development Fund (UNCDF)", "UNCDF", "agency", ("UN Capital Development Fund",)
    ),
    Organization("UN Mine Action Service (UNMAS)", "UNMAS", "office", ("UN Mine Action Service",)),
    Organization(
        "UN Office for Outer Space Affairs (UNOOSA)",
        "UNOOSA",
        "office",
        ("UN Office for Outer Space Affairs",),
    ),
    Organization(
        "UN Framework Convention on Climate Change (UNFCCC)",
        "UNFCCC",
        "office",
        (
            "UN Framework Convention on Climate Change",
            "UN Climate Change",
            "UN climate change secretariat",
            "UN climate body",
        ),
    ),
    Organization(
        "International Trade Centre (ITC)", "ITC", "agency", ("International Trade Centre",)
    ),
    Organization("UN University (UNU)", "UNU", "agency", ("UN University",)),
    Organization(
        "UN Office for Disarmament Affairs (UNODA)",
        "UNODA",
        "office",
        ("UN Office for Disarmament Affairs",),
    ),
    Organization(
        "UN Office of Counter-Terrorism (UNOCT)",
        "UNOCT",
        "office",
        ("UN Office of Counter-Terrorism",),
    ),
    Organization(
        "UN Department of Peace Operations (DPO)",
        "DPO",
        "office",
        ("UN Department of Peace Operations", "Department of Peace Operations"),
    ),
    Organization(
        "UN Department of Political and Peacebuilding Affairs (DPPA)",
        "DPPA",
        "office",
        (
            "UN Department of Political and Peacebuilding Affairs",
            "Department of Political and Peacebuilding Affairs",
        ),
    ),
    Organization(
        "Central Emergency Response Fund (CERF)",
        "CERF",
        "agency",
        ("Central Emergency Response Fund", "UN Central Emergency Response Fund"),
    ),
    Organization(
        "UN Economic Commission for Africa (ECA)",
        "ECA",
        "agency",
        ("UN Economic Commission for Africa", "Economic Commission for Africa"),
    ),
    Organization(
        "UN Economic Commission for Europe (UNECE)",
        "UNECE",
        "agency",
        ("UN Economic Commission for Europe", "Economic Commission for Europe"),
    ),
    Organization(
        "UN Economic and Social Commission for Asia and the Pacific (ESCAP)",
        "ESCAP",
        "agency",
        (
            "UN Economic and Social Commission for Asia and the Pacific",
            "Economic and Social Commission for Asia and the Pacific",
        ),
    ),
    Organization(
        "UN Economic Commission for Latin America and the Caribbean (ECLAC)",
        "ECLAC",
        "agency",
        (
            "UN Economic Commission for Latin America and the Caribbean",
            "Economic Commission for Latin America and the Caribbean",
        ),
    ),
    Organization(
        "UN Economic and Social Commission for Western Asia (ESCWA)",
        "ESCWA",
        "agency",
        (
            "UN Economic and Social Commission for Western Asia",
            "Economic and Social Commission for Western Asia",
        ),
    ),
    Organization(
        "UN Convention to Combat Desertification (UNCCD)",
        "UNCCD",
        "office",
        ("UN Convention to Combat Desertification",),
    ),
    Organization(
        "Intergovernmental Panel on Climate Change (IPCC)",
        "IPCC",
        "agency",
        ("Intergovernmental Panel on Climate Change", "UN climate science panel"),
    ),
    Organization("UN-Water", None, "agency", ("UN Water",)),
    # Specialized and related agencies.
    Organization(
        "World Health Organization (WHO)",
        "WHO",
        "agency",
        ("World Health Organization", "World Health Organisation", "UN health agency"),
    ),
    Organization(
        "Food and Agriculture Organization (FAO)",
        "FAO",
        "agency",
        (
            "Food and Agriculture Organization",
            "UN Food and Agriculture Organization",
            "UN agriculture agency",
            "UN food and agriculture agency",
        ),
    ),
    Organization(
        "International Organization for Migration (IOM)",
        "IOM",
        "agency",
        ("International Organization for Migration", "UN migration agency"),
    ),
    Organization(
        "World Meteorological Organization (WMO)",
        "WMO",
        "agency",
        (
            "World Meteorological Organization",
            "UN weather agency",
            "UN meteorological agency",
            "UN weather and climate agency",
        ),
    ),
    Organization(
        "International Labour Organization (ILO)",
        "ILO",
        "agency",
        (
            "International Labour Organization",
            "International Labor Organization",
            "UN labour agency",
            "UN labour body",
        ),
    ),
    Organization(
        "UN Educational, Scientific and Cultural Organization (UNESCO)",
        "UNESCO",
        "agency",
        (
            "UN Educational, Scientific and Cultural Organization",
            "UN education agency",
            "UN cultural agency",
            "UN education, science and culture agency",
        ),
    ),
    Organization(
        "International Atomic Energy Agency (IAEA)",
        "IAEA",
        "agency",
        ("International Atomic Energy Agency", "UN nuclear watchdog", "UN atomic energy agency"),
    ),
    Organization(
        "International Fund for Agricultural Development (IFAD)",
        "IFAD",
        "agency",
        ("International Fund for Agricultural Development",),
    ),
    Organization(
        "UN Industrial Development Organization (UNIDO)",
        "UNIDO",
        "agency",
        ("UN Industrial Development Organization",),
    ),
    Organization(
        "International Telecommunication Union (ITU)",
        "ITU",
        "agency",
        ("International Telecommunication Union", "UN telecommunications agency"),
    ),
    Organization(
        "International Civil Aviation Organization (ICAO)",
        "ICAO",
        "agency",
        ("International Civil Aviation Organization", "UN aviation agency"),
    ),
    Organization(
        "International Maritime Organization (IMO)",
        "IMO",
        "agency",
        ("International Maritime Organization", "UN maritime agency"),
    ),
    Organization("Universal Postal Union (UPU)", "UPU", "agency", ("Universal Postal Union",)),
    Organization(
        "World Intellectual Property Organization (WIPO)",
        "WIPO",
        "agency",
        ("World Intellectual Property Organization",),
    ),
    Organization(
        "UN World Tourism Organization (UNWTO)",
        "UNWTO",
        "agency",
        ("World Tourism Organization", "UN Tourism"),
    ),
    Organization("World Bank", None, "agency", ()),
    Organization(
        "International Monetary Fund (IMF)", "IMF", "agency", ("International Monetary Fund",)
    ),
    Organization("World Trade Organization (WTO)", "WTO", "agency", ("World Trade Organization",)),
    # Principal organs and other bodies. "The UN said" names the Organization as a whole; its
    # kind matches no generic noun, so "the agency" never points back to it.
    Organization("United Nations", "UN", "un", ("United Nations",)),
    # Principal organs and other bodies.
    Organization(
        "UN Security Council", None, "council", ("Security Council", "UN Security Council")
    ),
    Organization("UN General Assembly", None, "assembly", ("General Assembly",)),
    Organization(
        "UN Economic and Social Council (ECOSOC)",
        "ECOSOC",
        "council",
        ("Economic and Social Council",),
    ),
    Organization("UN Human Rights Council", None, "council", ("Human Rights Council",)),
    Organization("UN Peacebuilding Commission", None, "council", ("Peacebuilding Commission",)),
    Organization("UN Human Rights Committee", None, "council", ("Human Rights Committee",)),
    Organization("UN Committee against Torture", None, "council", ("Committee against Torture",)),
    Organization(
        "Committee on the Elimination of Discrimination against Women (CEDAW)",
        "CEDAW",
        "council",
        ("Committee on the Elimination of Discrimination against Women",),
    ),
    Organization(
        "International Court of Justice (ICJ)",
        "ICJ",
        "court",
        ("International Court of Justice", "World Court"),
    ),
    Organization(
        "International Criminal Court (ICC)", "ICC", "court", ("International Criminal Court",)
    ),
    Organization(
        "UN Committee on the Rights of the Child",
        None,
        "council",
        ("Committee on the Rights of the Child",),
    ),
    # Peace operations and political missions.
    Organization(
        "UN Mission in South Sudan (UNMISS)",
        "UNMISS",
        "mission",
        ("UN Mission in South Sudan", "UN Mission in the Republic of South Sudan"),
    ),
    Organization(
        "UN Organization Stabilization Mission in the DR Congo (MONUSCO)",
        "MONUSCO",
        "mission",
        (
            "UN Organization Stabilization Mission in the Democratic Republic of the Congo",
            "UN Stabilization Mission in the Democratic Republic of the Congo",
        ),
    ),
    Organization(
        "UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)",
        "MINUSMA",
        "mission",
        ("UN Multidimensional Integrated Stabilization Mission in Mali",),
    ),
    Organization(
        "UN Multidimensional Integrated Stabilization Mission in the Central African "
        "Republic (MINUSCA)",
        "MINUSCA",
        "mission",
        ("UN Multidimensional Integrated Stabilization Mission in the Central African Republic",),
    ),
    Organization(
        "UN Stabilization Mission in Haiti (MINUSTAH)",
        "MINUSTAH",
        "mission",
        ("UN Stabilization Mission in Haiti",),
    ),
    Organization(
        "UN Integrated Office in Haiti (BINUH)",
        "BINUH",
        "mission",
        ("UN Integrated Office in Haiti",),
    ),
    Organization(
        "UN Interim Force in Lebanon (UNIFIL)",
        "UNIFIL",
        "mission",
        ("UN Interim Force in Lebanon",),
    ),
    Organization(
        "UN Assistance Mission in Afghanistan (UNAMA)",
        "UNAMA",
        "mission",
        ("UN Assistance Mission in Afghanistan",),
    ),
    Organization(
        "UN Assistance Mission for Iraq (UNAMI)",
        "UNAMI",
        "mission",
        ("UN Assistance Mission for Iraq",),
    ),
    Organization(
        "UN Support Mission in Libya (UNSMIL)",
        "UNSMIL",
        "mission",
        ("UN Support Mission in Libya",),
    ),
    Organization(
        "African Union-UN Hybrid Operation in Darfur (UNAMID)",
        "UNAMID",
        "mission",
        ("African Union-UN Hybrid Operation in Darfur",),
    ),
    Organization("UN Mission in Liberia (UNMIL)", "UNMIL", "mission", ("UN Mission in Liberia",)),
    Organization(
        "UN Operation in Côte d'Ivoire (UNOCI)",
        "UNOCI",
        "mission",
        ("UN Operation in Côte d'Ivoire",),
    ),
    Organization(
        "UN Interim Administration Mission in Kosovo (UNMIK)",
        "UNMIK",
        "mission",
        ("UN Interim Administration Mission in Kosovo",),
    ),
    Organization(
        "UN Peacekeeping Force in Cyprus (UNFICYP)",
        "UNFICYP",
        "mission",
        ("UN Peacekeeping Force in Cyprus",),
    ),
    Organization(
        "UN Interim Security Force for Abyei (UNISFA)",
        "UNISFA",
        "mission",
        ("UN Interim Security Force for Abyei",),
    ),
    Organization(
        "UN Mission for the Referendum in Western Sahara (MINURSO)",
        "MINURSO",
        "mission",
        ("UN Mission for the Referendum in Western Sahara",),
    ),
    Organization(
        "UN Assistance Mission in Somalia (UNSOM)",
        "UNSOM",
        "mission",
        ("UN Assistance Mission in Somalia",),
    ),
    Organization(
        "UN Verification Mission in Colombia",
        None,
        "mission",
        ("UN Verification Mission in Colombia",),
    ),
    Organization("UN Mission in Sudan (UNMIS)", "UNMIS", "mission", ("UN Mission in Sudan",)),
)

# Generic nouns that point back to the last body of a fitting kind named in the story.
# Nouns a body's own name ends in, which stories use for it alone: "the network said"
# after "the Freshwater Justice Network (FJN)".
NAMED_BODY_NOUNS = ("Network", "Forum", "Commission", "Organization", "Alliance", "Coalition")
GENERIC_REFERENCES: dict[str, frozenset[str]] = {
    "agency": frozenset({"agency", "office"}),
    "UN agency": frozenset({"agency", "office"}),
    "office": frozenset({"office"}),
    "Office": frozenset({"office"}),
    "mission": frozenset({"mission"}),
    "UN mission": frozenset({"mission"}),
    "peacekeeping mission": frozenset({"mission"}),
    "UN peacekeeping mission": frozenset({"mission"}),
    "Council": frozenset({"council"}),
    "Assembly": frozenset({"assembly"}),
    "Court": frozenset({"court"}),
    # "the 15-member body said in a statement": the council or assembly named last
    "body": frozenset({"council", "assembly"}),
    # "the report says": the body whose report it is, the last one named
    "report": frozenset({"agency", "office", "mission", "body"}),
    # "the network said": the last body whose own name says network
    **{noun.lower(): frozenset({f"named:{noun}"}) for noun in NAMED_BODY_NOUNS},
}
# "the Council" with no council named earlier is, in UN News, the Security Council.
DEFAULT_FOR_KIND: dict[str, str] = {"council": "UN Security Council"}


def fold(text: str) -> str:
    """Lower-case `text`, drop accents and unify apostrophes, for matching names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    if decomposed.isascii():
        return decomposed.lower()
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _spellings(alias: str) -> set[str]:
    """An alias as written, plus its "United Nations …" / "UN …" twin."""
    forms = {alias}
    if alias.startswith("UN "):
        forms.add("United Nations " + alias[3:])
    forms |= {form.replace(" UN ", " United Nations ") for form in list(forms)}
    return forms


_SMALL_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to"})


def _case_variants(form: str) -> set[str]:
    """A name as written, in Title Case and in sentence case ("UN refugee agency"): stories
    write both, and matching case-sensitively keeps the big pattern fast."""
    words = form.split(" ")

    def title(word: str) -> str:
        return word if word.isupper() or word in _SMALL_WORDS else word[:1].upper() + word[1:]

    def lower(word: str) -> str:
        return word.lower() if word[:1].isupper() and word[1:].islower() else word

    return {form, " ".join(map(title, words)), " ".join(words[:1] + [lower(w) for w in words[1:]])}


def _written_forms(org: Organization) -> set[str]:
    names = {org.name, *org.aliases}
    if org.name.endswith(")"):
        names.add(org.name[: org.name.rindex(" (")])
    return {
        variant for name in names for form in _spellings(name) for variant in _case_variants(form)
    }


def _build_index() -> dict[str, Organization]:
    index: dict[str, Organization] = {}
    for org in ORGANIZATIONS:
        for form in _written_forms(org):
            index.setdefault(fold(form), org)
    return index


_BY_FOLDED_NAME = _build_index()
_BY_ACRONYM = {org.acronym: org for org in ORGANIZATIONS if org.acronym}
_BY_NAME = {org.name: org for org in ORGANIZATIONS}


def trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal words, sharing their prefixes: an alternation
    of hundreds of names is otherwise tried name by name at every position of every story."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    ends = "" in node
    branches = []
    for char in sorted(key for key in node if key):
        piece = {"'": "['’]", " ": r"\s+"}.get(char, re.escape(char))
        branches.append(piece + _trie_node(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
    return f"{body}?" if ends else body


def _name_pattern() -> str:
    # No leading "the" or look-behind: a pattern that starts with a letter is scanned quickly.
    forms = sorted({form for org in ORGANIZATIONS for form in _written_forms(org)})
    return trie_pattern(forms)


# Any body's name as written: "UN refugee agency", "World Food Programme". Acronyms are looked
# up word by word instead: one pattern for both is several times slower than the two.
ORGANIZATION_RE = re.compile(_name_pattern())
_ACRONYM_AFTER_RE = re.compile(r"\s+\(([A-Z][A-Za-z-]+)\)")
_ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z][\w-]*")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")


# A body the table does not know, introduced the UN News way: "the Pan American Health
# Organization (PAHO)", "the UN Mission for Ebola Emergency Response (UNMEER)". Its name
# must end in a word that names a body; what a generic noun may call it follows that word.
_BODY_HEADS = {
    "Mission": "mission",
    "Office": "office",
    **dict.fromkeys(
        (
            "Agency",
            "Organization",
            "Organisation",
            "Fund",
            "Programme",
            "Program",
            "Institute",
            "Commission",
            "Bank",
            "Federation",
            "Alliance",
            "Centre",
            "Center",
            "Network",
            "Service",
            "Authority",
            "Secretariat",
            "Facility",
            "Partnership",
            "Foundation",
        ),
        "agency",
    ),
    **dict.fromkeys(
        (
            "Council",
            "Committee",
            "Coalition",
            "Movement",
            "Forum",
            "Union",
            "Association",
            "Board",
            "Group",
            "Panel",
            "Court",
            "Tribunal",
            "Mechanism",
            "Team",
        ),
        "body",
    ),
}
_SMALL = r"(?:of|for|on|and|the|to|in|de|du|des|la|le)"
_BRACKETED_ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\)")  # after a space
_NAME_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[^\w’'-]))(?:The\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:{_SMALL}\s+)*[A-Z][\w’'-]*)*)$"
)


def defined_organizations(text: str) -> tuple[Organization, ...]:
    """The bodies `text` introduces with a name and its acronym that the table lacks."""
    defined = {}
    for bracketed in _BRACKETED_ACRONYM_RE.finditer(text):
        acronym = bracketed.group(1)
        if not text[bracketed.start() - 1 : bracketed.start()].isspace():
            continue
        if acronym in _BY_ACRONYM or acronym in defined:
            continue  # found from the acronym: only unknown ones are read backwards
        end = bracketed.start() - 1  # before the space
        before = _NAME_BEFORE_RE.search(text, max(0, end - 120), end)
        if before is None:
            continue
        # The name starts at the first word with the acronym's initial: "in Geneva the Pan
        # American Health Organization (PAHO)"
        words = before["name"].split()
        first = next((i for i, word in enumerate(words) if word[0] == acronym[0]), None)
        if first and words[first - 1] == "UN":  # "UN Economic and Social Commission … (ESCAP)"
            first -= 1
        name = " ".join(words[first:]) if first is not None else ""
        head = next((_BODY_HEADS[w] for w in reversed(words) if w in _BODY_HEADS), None)
        if not name or head is None or fold(name) in _BY_FOLDED_NAME:
            continue
        defined[acronym] = Organization(f"{name} ({acronym})", acronym, head, (name,))
    return tuple(defined.values())


def organization_kind(name: str) -> str:
    """What generic nouns may call the body with canonical name `name` ("agency", "mission")."""
    org = _BY_NAME.get(name)
    if org is not None:
        return org.kind
    words = name.split(" (")[0].split()
    return next((_BODY_HEADS[w] for w in reversed(words) if w in _BODY_HEADS), "body")


def organization_mentions(
    text: str, defined: tuple[Organization, ...] = ()
) -> list[tuple[int, int, Organization]]:
    """(start, end, body) for every body named in `text`, with a "the" before it and an
    "(ACRONYM)" after it included: "the UN refugee agency (UNHCR)", "WFP". `defined` adds
    the bodies a story introduced itself (`defined_organizations`)."""
    found = []
    for match in ORGANIZATION_RE.finditer(text):
        if not _starts_word(text, match.start()):
            continue
        end, org = match.end(), _BY_FOLDED_NAME.get(fold(match.group()))
        acronym = _ACRONYM_AFTER_RE.match(text, end)
        if acronym and acronym.group(1) in _BY_ACRONYM:
            end, org = acronym.end(), _BY_ACRONYM[acronym.group(1)]
        if org is not None:
            found.append((match.start(), end, org))
    local = {org.acronym: org for org in defined}
    for org in defined:
        for match in re.finditer(rf"{re.escape(org.aliases[0])}(?:\s+\({org.acronym}\))?", text):
            found.append((match.start(), match.end(), org))
    taken = [(start, end) for start, end, _ in found]
    for match in _ACRONYM_WORD_RE.finditer(text):
        org = _BY_ACRONYM.get(match.group()) or local.get(match.group())
        if org is None:
            continue
        inside = any(start <= match.start() < end for start, end in taken)
        if not inside and _starts_word(text, match.start()):
            found.append((match.start(), match.end(), org))
    found.sort(key=lambda item: item[0])
    return [(_with_the(text, start), end, org) for start, end, org in found]


def _with_the(text: str, start: int) -> int:
    the = _THE_BEFORE_RE.search(text, max(0, start - 5), start)
    return the.start() if the else start


def organization_by_acronym(acronym: str) -> Organization | None:
    """The body whose acronym (or acronym-less name, "UN Women") is `acronym`."""
    return _BY_ACRONYM.get(acronym) or _BY_NAME.get(acronym)
