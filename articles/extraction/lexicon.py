"""Word lists for quote attribution, written from how UN News words its stories.

Pure data: the regular expressions built from these lists live with the code that uses them,
compiled once at import.
"""

from __future__ import annotations

# fmt: off
# Finite reporting verbs: "“…,” Mr. Ban said", "the agency warned that …".
# Words that are as often something else ("agreed", "hoped") are left out, and so are present
# tenses that are mostly nouns ("reports", "notes", "calls", "estimates"), because a false verb
# pulls a quote towards the wrong subject.
REPORTING_VERBS: tuple[str, ...] = (
    "said", "says", "told", "tells", "added", "adds", "stressed", "stresses", "urged", "urges",
    "warned", "warns", "noted", "underscored", "underscores", "underlined", "emphasized",
    "emphasizes", "emphasised", "emphasises", "called on", "called for", "appealed", "insisted",
    "insists", "declared", "declares", "described", "describes", "explained", "explains",
    "recalled", "pointed out", "points out", "affirmed", "affirms", "reaffirmed",
    "acknowledged", "acknowledges", "cautioned", "cautions", "highlighted", "observed",
    "remarked", "commented", "argued", "argues", "asserted", "maintained", "announced",
    "announces", "reported", "wrote", "writes", "asked", "replied", "responded", "answered",
    "continued", "concluded", "admitted", "conceded", "predicted", "promised", "pledged",
    "vowed", "recommended", "recommends", "suggested", "proposed", "expressed", "welcomed",
    "welcomes", "condemned", "condemns", "deplored", "lamented", "regretted", "complained",
    "reiterated", "reiterates", "recognized", "recognised", "demanded", "encouraged",
    "reminded", "assured", "confirmed", "confirms", "stated", "briefed", "tweeted", "posted",
    "hailed", "praised", "criticized", "criticised", "denounced", "estimated", "called",
    "dubbed", "termed", "labelled", "reflected", "put it",
    # Stances that carry a short attributed phrase: "voiced “deep concern”", "lauded the
    # “positive atmosphere”", "calls for “unhindered” access".
    "voiced", "voices", "lauded", "cited", "blamed", "implored", "implores", "calls for",
    "calls on", "spoke of", "referred to", "characterized", "characterised", "claimed",
    "admits", "pledge",
    # Infinitives after "went on to", "wanted to": never nouns like "a note", "heat stress".
    "say", "tell", "add", "describe", "explain", "recall", "warn", "emphasize", "insist",
)

# The verbs of speech itself: enough to call a span somebody's words even when the story does
# not say who ("“…,” the spokesperson said").
SPEECH_VERBS: frozenset[str] = frozenset({
    "said", "says", "told", "tells", "added", "adds", "stressed", "warned", "explained",
    "insisted", "noted", "recalled", "asked", "replied", "continued", "urged",
})

# Participles hang a quote on the subject of the sentence: "…, saying he was “deeply frustrated”".
REPORTING_PARTICIPLES: tuple[str, ...] = (
    "saying", "adding", "noting", "hailing", "warning", "stressing", "urging", "calling on",
    "calling for", "describing", "emphasizing", "emphasising", "underscoring", "explaining",
    "recalling", "pointing out", "insisting", "declaring", "highlighting", "cautioning",
    "acknowledging", "arguing", "telling", "reporting", "expressing", "welcoming", "appealing",
    "affirming", "reiterating", "asking", "recognizing", "recognising", "calling", "voicing",
    "citing", "pledging",
)

# Words that may sit between a speaker and the verb: "Mr. Ban today said", "UNICEF has warned".
FILLER_WORDS: tuple[str, ...] = (
    "today", "also", "has", "have", "had", "later", "again", "further", "then", "yesterday",
    "earlier", "recently", "previously", "repeatedly", "once", "separately", "too", "however",
    "meanwhile", "tonight", "this", "morning", "afternoon", "evening", "week", "last", "on",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "a",
    "statement", "jointly", "publicly", "firmly", "strongly", "sharply", "clearly", "now",
    "would", "will", "had", "who", "which", "both", "members",
    # "He went on to say", "she wanted to stress".
    "went", "go", "goes", "to", "wanted", "wants", "like",
)

HONORIFIC_GENDER: dict[str, str | None] = {
    "Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Sir": "m", "Dame": "f", "Lord": "m",
    "Lady": "f", "Dr": None, "Prof": None, "Professor": None, "Judge": None, "Justice": None,
    "Ambassador": None, "President": None, "Minister": None,
}

PRONOUN_GENDER: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
    "herself": "f",
}

# Nouns that name an unnamed person ("a WFP logistics officer", "one mother of four").
PERSON_NOUNS: tuple[str, ...] = (
    "officer", "official", "worker", "workers", "volunteer", "nurse", "doctor", "midwife",
    "teacher", "student", "farmer", "resident", "survivor", "refugee", "mother", "father",
    "woman", "man", "girl", "boy", "grandmother", "grandfather", "widow", "nutritionist",
    "expert", "activist", "spokesperson", "spokesman", "spokeswoman", "representative",
    "diplomat", "engineer", "driver", "fisherman", "trader", "villager", "elder", "leader",
    "chief", "pharmacist", "journalist", "lawyer", "judge", "researcher", "scientist",
    "health worker", "aid worker", "source", "witness", "delegate", "negotiator", "coordinator",
    "member", "parent", "youth", "child", "employee", "staff member", "peacekeeper", "soldier",
    "commander", "analyst", "adviser", "advisor", "specialist", "editor", "reporter",
    "paramedic", "surgeon", "mechanic", "headman", "shopkeeper",
)

# What introduces somebody a story names by a first name only: "Nour, an 11-year-old in the
# sixth grade", "Rasha, a mother of three" (an age works too). Not roles an institution has.
INDIVIDUAL_NOUNS: tuple[str, ...] = (
    "mother", "father", "grandmother", "grandfather", "widow", "woman", "man", "girl", "boy",
    "student", "pupil", "farmer", "herder", "teacher", "nurse", "doctor", "midwife", "refugee",
    "survivor", "villager", "volunteer", "fisherman", "trader", "driver", "resident", "child",
    "youth", "parent", "daughter", "son", "wife", "husband", "shopkeeper", "vendor", "worker",
)

GENDERED_NOUNS: dict[str, str] = {
    "mother": "f", "woman": "f", "girl": "f", "grandmother": "f", "widow": "f", "sister": "f",
    "daughter": "f", "wife": "f", "midwife": "f", "spokeswoman": "f", "businesswoman": "f",
    "father": "m", "man": "m", "boy": "m", "grandfather": "m", "brother": "m", "son": "m",
    "husband": "m", "spokesman": "m", "fisherman": "m", "businessman": "m",
}

# Lower-case words of a role written before a name: "OCHA spokesperson Anneke Vos-Gallardo".
ROLE_WORDS: tuple[str, ...] = (
    "spokesperson", "spokesman", "spokeswoman", "representative", "coordinator", "director",
    "chief", "head", "envoy", "rapporteur", "official", "officer", "adviser", "advisor",
    "expert", "specialist", "delegate", "activist", "student", "epidemiologist", "economist",
    "scientist", "researcher", "negotiator", "ambassador", "minister", "president", "chair",
    "chairperson", "commissioner", "administrator", "secretary", "manager", "lead",
    "nutritionist", "doctor", "nurse", "midwife", "teacher", "farmer", "leader", "volunteer",
    "advocate", "lawyer", "analyst", "founder", "commander", "mayor", "governor",
    "senator", "lawmaker", "congressman", "congresswoman", "chancellor", "prosecutor",
    "judge", "general",
)

# Capitalised words that never begin or form a person's name in a story.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "A", "According", "Africa", "African", "After", "Agency", "Agenda", "All", "Alliance",
    "Also", "Among", "An", "And", "April", "Arab", "Army", "As", "Asia", "Asked", "Assembly",
    "At", "August", "Authority", "Bank", "Basin", "Bay", "Before", "Between", "Both", "But",
    "By", "COVID-19", "Camp", "Center", "Central", "Centre", "Chief", "City", "Coalition",
    "Coast", "Commission", "Commissioner", "Committee", "Conference", "Council", "Court",
    "Covid", "Crescent", "Cross", "Day", "December", "Delta", "Department", "Deputy",
    "Director", "Director-General", "District", "During", "Each", "East", "Eastern", "Ebola",
    "Envoy", "Europe", "European", "Every", "Executive", "Facility", "February", "For",
    "Forces", "Forum", "Friday", "From", "Fund", "General", "Global", "Goals", "God",
    "Government", "Governments", "Group", "Gulf", "Head", "Headquarters", "High", "Horn",
    "Hospital", "However", "In", "Initiative", "Institute", "International", "Islamic",
    "Island", "Islands", "It", "Its", "January", "July", "June", "Lake", "League", "Many",
    "March", "May", "Meanwhile", "Member", "Members", "Middle", "Minister", "Ministry",
    "Mission", "Monday", "More", "Most", "National", "Nations", "Network", "North", "Northern",
    "November", "Ocean", "October", "Of", "Office", "On", "One", "Or", "Organisation",
    "Organization", "Other", "Others", "Over", "Pacific", "Partnership", "Plan", "Police",
    "President", "Prime", "Program", "Programme", "Province", "Rapporteur", "Red", "Region",
    "Report", "Representative", "Republic", "River", "Sahel", "Saturday", "School", "Sea",
    "Secretariat", "Secretary-General", "Security", "September", "Several", "Since", "Some",
    "South", "Southern", "Speaking", "Special", "State", "States", "Strip", "Summit", "Sunday",
    "That", "The", "These", "This", "Those", "Three", "Thursday", "To", "Today", "Tribunal",
    "Tuesday", "Two", "UN", "Under", "Union", "United", "University", "Valley", "Wednesday",
    "West", "Western", "When", "Where", "While", "With", "World", "Year", "Yesterday",
})

# Lower-case words that may join the capitalised parts of one name ("Zeid Ra'ad al Hussein").
NAME_PARTICLES: tuple[str, ...] = (
    "de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "ter",
    "al", "el", "bin", "ibn", "bint", "la", "le", "du", "y", "e",
)

# Words before a capitalised run that make it a place or a thing: "in New York", "to El Geneina".
PREPOSITIONS: tuple[str, ...] = (
    "in", "at", "from", "to", "of", "near", "across", "outside", "inside", "into", "around",
    "via", "toward", "towards", "throughout", "within", "between", "over", "under", "on", "for",
    "by", "through",
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset({
    "Capt", "Co", "Col", "Dr", "Ft", "Gen", "Inc", "Jr", "Lt", "Ltd", "Mr", "Mrs", "Ms", "Mt",
    "No", "Prof", "Rev", "Sgt", "Sr", "St", "U.N", "U.S", "approx", "e.g", "i.e", "vs",
})

# Words just before a quoted span that mark it as a term or a title, not anybody's words.
SCARE_MARKERS: tuple[str, ...] = (
    "so-called", "so called", "entitled", "titled", "dubbed", "known as", "the term",
    "the word", "the words", "the phrase", "the banner", "slogan", "theme", "motto",
    "hashtag", "the campaign", "nicknamed", "branded", "labelled as", "the concept of",
    "the notion of",
)

# Title-case words that may stay lower case inside a name of a report or campaign.
TITLE_SMALL_WORDS: frozenset[str] = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "in", "into", "is",
    "no", "not", "of", "on", "or", "the", "to", "vs", "with", "without",
})
# fmt: on
