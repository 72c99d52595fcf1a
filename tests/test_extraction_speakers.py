"""Speakers: one canonical name per person or body, resolved from names, titles and dates.

Each test is a small story written here in UN News style, except the seed story, a real 2012
UN News Centre dump kept in articles/sample_data.
"""

from datetime import date

import pytest

from articles.extraction.formats import read_documents
from articles.extraction.quotes import extract_quotes
from articles.extraction.records import ParsedArticle, ParsedSpeaker


def story(*body: str, published=date(2012, 5, 4), title="A story", caption=""):
    return ParsedArticle(
        source_format="text", title=title, published=published, body=body, caption=caption
    )


def speakers_of(article) -> list[tuple[str, str | None]]:
    return [(s.name, s.title) for s in extract_quotes(article)[1]]


def quotes_of(article):
    return [(q.text, q.speaker) for q in extract_quotes(article)[0]]


def quote_speakers(article) -> list[str | None]:
    return [q.speaker for q in extract_quotes(article)[0]]


@pytest.mark.parametrize(
    ("published", "secretary_general"),
    [
        (date(2005, 4, 19), "Kofi Annan"),
        (date(2006, 12, 31), "Kofi Annan"),
        (date(2007, 1, 11), "Ban Ki-moon"),
        (date(2016, 12, 19), "Ban Ki-moon"),
        (date(2017, 1, 10), "António Guterres"),
        (date(2025, 6, 18), "António Guterres"),
    ],
)
def test_said_the_un_chief_is_the_secretary_general_of_the_day(published, secretary_general):
    article = story("“Haiti needs us now more than ever,” said the UN chief.", published=published)
    assert speakers_of(article) == [(secretary_general, "UN Secretary-General")]


def test_mr_ban_is_ban_ki_moon_with_his_other_names_as_aliases():
    article = story(
        "Secretary-General Ban Ki-moon arrived in Port-au-Prince today.",
        "“We must get this right,” Mr. Ban said.",
    )
    (speaker,) = extract_quotes(article)[1]
    assert speaker == ParsedSpeaker(
        "Ban Ki-moon", "UN Secretary-General", "person", "United Nations", ("Mr. Ban", "Ban")
    )


def test_mr_ban_without_his_full_name_is_found_in_the_office_holder_table():
    article = story("“This is not a political issue,” Mr. Ban said.", published=date(2008, 5, 13))
    assert speakers_of(article) == [("Ban Ki-moon", "UN Secretary-General")]


def test_dr_tedros_is_a_given_name():
    article = story(
        "“Cuts can undo decades of progress,” Dr. Tedros told reporters in Geneva.",
        published=date(2025, 3, 5),
    )
    assert speakers_of(article) == [("Tedros Adhanom Ghebreyesus", "WHO Director-General")]


def test_dr_chan_is_a_family_name():
    article = story("“We are not starting from zero,” Dr. Chan said.", published=date(2009, 6, 11))
    assert speakers_of(article) == [("Margaret Chan", "WHO Director-General")]


def test_dr_with_a_family_name_takes_the_full_name_the_story_gives():
    article = story(
        "WHO epidemiologist Dr. Hanna Lindqvist-Osei told the same briefing that action paid off.",
        "“Every case we find early is a chain we break,” Dr. Lindqvist-Osei said.",
        published=date(2020, 3, 11),
    )
    assert speakers_of(article) == [("Hanna Lindqvist-Osei", "WHO epidemiologist")]


def test_the_who_chief_is_resolved_by_date():
    chan = story("“Stay vigilant,” said the WHO chief.", published=date(2014, 8, 8))
    tedros = story("“Stay vigilant,” said the WHO chief.", published=date(2020, 3, 11))
    assert speakers_of(chan) == [("Margaret Chan", "WHO Director-General")]
    assert speakers_of(tedros) == [("Tedros Adhanom Ghebreyesus", "WHO Director-General")]


def test_guterres_in_2010_is_the_refugee_chief():
    article = story(
        "“Return must be voluntary,” Mr. Guterres told reporters in Islamabad.",
        published=date(2010, 6, 18),
    )
    assert speakers_of(article) == [("António Guterres", "UN High Commissioner for Refugees")]


def test_the_high_commissioner_is_the_one_the_story_is_about():
    rights = story(
        "The UN High Commissioner for Human Rights today addressed the Council.",
        "“The people are watching,” the High Commissioner said.",
        published=date(2021, 8, 24),
    )
    refugees = story(
        "The UN refugee agency (UNHCR) said three million had fled.",
        "“The world must not look away,” the High Commissioner said.",
        published=date(2022, 3, 15),
    )
    assert speakers_of(rights) == [("Michelle Bachelet", "UN High Commissioner for Human Rights")]
    assert speakers_of(refugees) == [("Filippo Grandi", "UN High Commissioner for Refugees")]


def test_the_joint_special_envoy_in_2012_is_kofi_annan():
    article = story(
        "“A cessation of violence is a first step,” the Joint Special Envoy said.",
        published=date(2012, 4, 12),
    )
    assert speakers_of(article)[0][0] == "Kofi Annan"


def test_without_a_date_a_title_resolves_through_the_name_the_story_gives():
    article = story(
        "Killings have reached levels that are “unbearable”, UN human rights chief Volker Türk "
        "said.",
        "“Justice must be delivered by courts,” the High Commissioner said.",
        published=None,
    )
    assert speakers_of(article) == [("Volker Türk", "UN High Commissioner for Human Rights")]


def test_organisations_have_their_canonical_name_and_no_title():
    article = story(
        "“Children are dying,” the UN Children’s Fund (UNICEF) said in a statement.",
        "Needs remain “far beyond what any agency can meet”, according to WFP.",
        "“Our peacekeepers are ready,” the UN Mission in South Sudan (UNMISS) said.",
    )
    assert speakers_of(article) == [
        ("UN Children's Fund (UNICEF)", None),
        ("World Food Programme (WFP)", None),
        ("UN Mission in South Sudan (UNMISS)", None),
    ]


def test_the_mission_points_back_to_the_last_mission_named():
    article = story(
        "Some 13,000 peacekeepers serve with the UN Mission in South Sudan (UNMISS).",
        "“Our peacekeepers are ready to patrol,” the mission said in a statement.",
    )
    assert speakers_of(article) == [("UN Mission in South Sudan (UNMISS)", None)]


def test_a_person_named_only_in_the_headline_or_caption_is_not_a_speaker():
    article = story(
        "“I did not think about anything except his head,” one mother of four said.",
        title="Mozambique: Inês Macuácua describes the floods",
        caption="Inês Macuácua in Beira. UN Photo/Someone",
    )
    assert [(q.speaker, q.speaker_mention) for q in extract_quotes(article)[0]] == [
        (None, "one mother of four said")
    ]
    assert speakers_of(article) == []


def test_a_name_inside_a_quote_is_not_its_speaker():
    article = story(
        "The new Secretary-General paid tribute to his predecessor, saying the Organization owed "
        "much to “the courage and vision of Kofi Annan.”",
        published=date(2007, 1, 11),
    )
    assert speakers_of(article) == [("Ban Ki-moon", "UN Secretary-General")]


def test_speakers_come_in_order_of_first_quote_and_only_if_quoted():
    article = story(
        "Filippo Grandi, the UN refugee chief, met Amy Pope on Monday.",
        "“We will be counting the cost,” said Kalani Tevita, a negotiator.",
        "“Solidarity has to go the distance,” Mr. Grandi said.",
        published=date(2024, 1, 10),
    )
    assert [name for name, _ in speakers_of(article)] == ["Kalani Tevita", "Filippo Grandi"]


def test_the_same_person_gets_the_same_name_in_every_story():
    day = date(2020, 1, 1)
    short = story("“We must act,” Mr. Guterres said.", published=day)
    full = story("“We must act,” said Secretary-General António Guterres.", published=day)
    plain = story("“We must act,” said Antonio Guterres.", published=day)
    names = {extract_quotes(a)[1][0].name for a in (short, full, plain)}
    assert names == {"António Guterres"}


def test_the_seed_story(sample_story):
    (article,) = read_documents(sample_story.read_bytes(), name=sample_story.name)
    quotes, speakers = extract_quotes(article)
    assert [(s.name, s.title) for s in speakers] == [
        ("Ban Ki-moon", "UN Secretary-General"),
        ("UN Security Council", None),
    ]
    by_text = {q.text: (q.speaker, q.speaker_mention, q.partial) for q in quotes}
    assert by_text["significant"] == ("Ban Ki-moon", "Mr. Ban noted", True)
    assert by_text[
        "terrorist organizations continue to look for new havens, adopt new tactics and seek "
        "new targets."
    ] == ("Ban Ki-moon", "he said", True)
    council = [q for q in quotes if q.text.startswith("the scourge of terrorism")]
    assert [(q.speaker, q.speaker_mention) for q in council] == [
        ("UN Security Council", "the Council recognized")
    ]
    assert [q.speaker for q in quotes].count("Ban Ki-moon") == 5


def test_a_title_after_the_name_binds_the_title_to_that_person():
    article = story(
        "Yolanda Kapoor-Maina, the Special Rapporteur on violence against women, said in Geneva "
        "that abuses were widespread.",
        "“These are not isolated crimes,” the Special Rapporteur said.",
        published=date(2025, 6, 18),
    )
    assert speakers_of(article) == [
        ("Yolanda Kapoor-Maina", "Special Rapporteur on violence against women")
    ]


def test_it_said_points_back_to_the_last_body_named():
    article = story(
        "The World Meteorological Organization (WMO) issued its annual report.",
        "“The warning signs are flashing red,” it said.",
    )
    assert speakers_of(article) == [("World Meteorological Organization (WMO)", None)]


def test_a_middle_initial_is_part_of_the_name():
    article = story(
        "“Aid must reach everyone,” said Deputy Secretary-General Amina J. Mohammed.",
        "“We cannot fail them,” said Joseph K. Mwangi, a farmer.",
        published=date(2023, 4, 2),
    )
    assert speakers_of(article) == [
        ("Amina J. Mohammed", "UN Deputy Secretary-General"),
        ("Joseph K. Mwangi", "farmer"),
    ]


def test_a_spokesperson_speaks_as_a_person_for_the_body_in_the_role():
    article = story("“We are ready to scale up,” said OCHA spokesperson Jens Laerke.")
    assert extract_quotes(article)[1] == (
        ParsedSpeaker(
            "Jens Laerke",
            "OCHA spokesperson",
            "person",
            "UN Office for the Coordination of Humanitarian Affairs (OCHA)",
        ),
    )


def test_the_relief_chief_is_resolved_by_date():
    article = story(
        "“The needs are staggering,” the UN’s top humanitarian official said.",
        published=date(2022, 1, 1),
    )
    assert speakers_of(article) == [("Martin Griffiths", "UN Emergency Relief Coordinator")]


def test_a_country_is_not_a_person():
    article = story(
        "Lucy Amani, a nurse, described the scene. Saudi Arabia said it would send aid.",
        "“We are overwhelmed,” she said.",
    )
    assert speakers_of(article) == [("Lucy Amani", "nurse")]


def test_the_head_of_an_agency_in_a_country_is_not_its_chief():
    named = story(
        "The head of the World Food Programme (WFP) in Sudan, Eddie Rowe, visited Darfur.",
        "“People are starving,” the head of WFP in Sudan said.",
        published=date(2024, 1, 1),
    )
    unnamed = story(
        "“People are starving,” the head of WFP in Sudan said.", published=date(2024, 1, 1)
    )
    chief = story("“People are starving,” the WFP chief said.", published=date(2024, 1, 1))
    assert [name for name, _ in speakers_of(named)] == ["Eddie Rowe"]
    assert speakers_of(unnamed) == []
    assert speakers_of(chief) == [("Cindy McCain", "WFP Executive Director")]


def test_without_a_date_a_title_resolves_through_a_family_name_with_accents():
    article = story(
        "Mr. Türk arrived in Port-au-Prince on Tuesday.",
        "“Justice must be delivered by courts,” the High Commissioner said.",
        published=None,
    )
    assert speakers_of(article) == [("Volker Türk", "UN High Commissioner for Human Rights")]


def test_a_capitalised_role_before_a_name_is_the_role_not_the_name():
    article = story(
        "“Every child deserves to be safe,” said UNICEF Somalia Representative Sikander Khan.",
        "Council members reiterated their “full support” for the mission.",
    )
    assert speakers_of(article) == [
        ("Sikander Khan", "UNICEF Somalia Representative"),
        ("UN Security Council", None),
    ]


def test_words_that_only_look_like_pronouns_are_not_people():
    # "se" (Spanish, as in a slogan) once matched the pronoun pattern and crashed the reader.
    article = story(
        "Families painted the words no se olvida, it is not forgotten, on the court walls.",
        "“We want the truth,” said Rosa Quispe, whose son disappeared in 1992.",
    )
    quotes, speakers = extract_quotes(article)
    assert [(q.text, q.speaker) for q in quotes] == [("We want the truth,", "Rosa Quispe")]
    assert [s.name for s in speakers] == ["Rosa Quispe"]


def test_family_names_keep_their_particles():
    article = story(
        "Kees van der Berg, the head of the aid convoy, said the road was open again.",
        "“We drove through the night and nobody stopped us,” Mr. van der Berg said.",
        "Nadia al-Khatib, a teacher in the camp, said classes had resumed.",
        "“The children are back and they want to learn,” Ms. al-Khatib said.",
    )
    quotes, speakers = extract_quotes(article)
    assert [q.speaker for q in quotes] == ["Kees van der Berg", "Nadia al-Khatib"]
    assert [s.name for s in speakers] == ["Kees van der Berg", "Nadia al-Khatib"]


def test_a_family_name_is_the_person_the_story_names_not_a_namesake_in_office():
    # José Graziano da Silva headed FAO in 2016; this Ms. da Silva is named in full only
    # in a sentence that does not yet say she is a person.
    article = story(
        "In Recife, in north-eastern Brazil, Ana Lúcia da Silva gave birth to a son in May.",
        "“Nobody told us anything about the virus,” Ms. da Silva said.",
        published=date(2016, 6, 1),
    )
    assert quotes_of(article) == [
        ("Nobody told us anything about the virus,", "Ana Lúcia da Silva")
    ]


def test_a_body_the_story_introduces_with_its_acronym_can_speak():
    article = story(
        "The Pan American Health Organization (PAHO) said it was sending experts to the region.",
        "“Every household has a part to play,” PAHO said in a statement.",
        "The UN Mission for Ebola Emergency Response (UNMEER) said pledges covered half the beds."
        " The mission said the shortfall was “the single biggest gap in the response”.",
        published=date(2016, 2, 1),
    )
    quotes, speakers = extract_quotes(article)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Every household has a part to play,", "Pan American Health Organization (PAHO)"),
        (
            "the single biggest gap in the response",
            "UN Mission for Ebola Emergency Response (UNMEER)",
        ),
    ]
    assert [s.kind for s in speakers] == ["organization", "organization"]


def test_a_sentence_opening_with_according_to_is_that_source_s():
    article = story(
        "According to the UN Children’s Fund (UNICEF), four million children have been affected,"
        " and many are “sleeping in the open, exposed to rain and disease.”",
        published=date(2013, 11, 12),
    )
    assert quotes_of(article) == [
        ("sleeping in the open, exposed to rain and disease.", "UN Children's Fund (UNICEF)")
    ]


def test_somebody_named_by_first_name_or_with_an_age_is_a_person():
    article = story(
        "Catherine Russell, the head of UNICEF, said girls had lost two years of school.",
        "Zahra, a 15-year-old from Herat, was in the eighth grade when classes stopped.",
        "“I read my brother’s books at night,” she told UN News.",
        "Karim Haidari, 52, sells bread outside the school gates.",
        "“The street is quiet without the girls,” he said.",
        published=date(2023, 3, 21),
    )
    assert quote_speakers(article) == ["Zahra", "Karim Haidari"]


def test_a_verb_inside_what_was_reported_is_not_an_unnamed_speaker():
    article = story(
        "IOM’s Director General, António Vitorino, who took office last month, said the "
        "figures reflected “a movement of people without precedent in the region.”",
        published=date(2018, 11, 9),
    )
    assert quotes_of(article) == [
        ("a movement of people without precedent in the region.", "António Vitorino")
    ]


def test_he_after_an_unnamed_witness_is_the_witness_not_the_official_named_before():
    article = story(
        "IOM Director General William Lacy Swing said the agency was shocked by the loss.",
        "One of the survivors, a 17-year-old from Eritrea who did not want to give his name, "
        "said hundreds of people had been locked below deck.",
        "“We heard them banging on the floor,” he told IOM staff.",
        published=date(2015, 4, 20),
    )
    assert quotes_of(article) == [("We heard them banging on the floor,", None)]


def test_a_name_after_according_to_is_a_source_and_a_name_may_hold_a_place_word():
    article = story(
        "“Children are the most vulnerable,” UNICEF Executive Director Anthony Lake said.",
        "Sunita Tamang, a mother of three, has lived under a plastic sheet since the quake.",
        "According to Ravi Bajra, a WHO emergency officer in Kathmandu, hospitals are "
        "“running out of room and of supplies”, and many patients are treated in tents.",
        published=date(2015, 4, 28),
    )
    assert quote_speakers(article) == ["Anthony Lake", "Ravi Bajra"]


def test_a_first_name_introduced_with_an_adjective_before_the_noun_is_a_person():
    article = story(
        "Volker Türk, the UN High Commissioner for Human Rights, said the camps were full.",
        "Zahra, an Afghan woman who arrived on the island in July, is still waiting.",
        "“We came here for safety,” Zahra said.",
        published=date(2020, 9, 1),
    )
    assert quote_speakers(article) == ["Zahra"]


def test_a_first_name_with_an_age_is_a_person_found_again_later():
    article = story(
        "Martin Griffiths, the UN relief chief, said the search for survivors went on.",
        "In Antakya, Mehmet, 41, spent three days digging through the ruins of his street.",
        "“I pulled my neighbour’s son out with my own hands,” he said.",
        "“The city I knew is gone,” Mehmet said.",
        published=date(2023, 2, 14),
    )
    assert quote_speakers(article) == ["Mehmet", "Mehmet"]


def test_a_first_name_is_known_again_later_in_the_same_paragraph():
    article = story(
        "“The children draw aeroplanes,” said Amal Osman, a teacher at the school.",
        "Rayan, 12, sits in the front row. “I want to be a doctor,” Rayan said.",
        published=date(2023, 6, 1),
    )
    assert quote_speakers(article) == ["Amal Osman", "Rayan"]


def test_a_long_mandate_still_joins_its_title_to_the_name_after_it():
    article = story(
        "The UN Special Rapporteur on the promotion of truth, justice, reparation and "
        "guarantees of non-recurrence, Ingrid Moe, called for a victim-centred approach.",
        "“Reconciliation cannot be built on silence,” the Special Rapporteur said.",
        published=date(2024, 6, 1),
    )
    assert quote_speakers(article) == ["Ingrid Moe"]


def test_a_name_whose_clause_has_her_own_pronoun_is_a_person():
    article = story(
        "Ghada Waly, head of the UN Office on Drugs and Crime, called for prison reform.",
        "Rosa Elena Quiñónez has not heard from her son, who was serving a sentence for theft.",
        "“Nobody tells us anything,” she said.",
        published=date(2023, 3, 1),
    )
    assert quote_speakers(article) == ["Rosa Elena Quiñónez"]


def test_the_report_speaks_for_the_body_that_published_it():
    article = story(
        "The UN Office on Drugs and Crime (UNODC) released its annual drug report on Thursday.",
        "“The speed of the market is unprecedented,” the report says.",
        published=date(2013, 6, 26),
    )
    assert quote_speakers(article) == ["UN Office on Drugs and Crime (UNODC)"]


@pytest.mark.parametrize(
    ("published", "executive_secretary"),
    [(date(2015, 12, 12), "Christiana Figueres"), (date(2023, 12, 13), "Simon Stiell")],
)
def test_the_head_of_the_un_climate_body_is_the_executive_secretary_of_the_day(
    published, executive_secretary
):
    article = story(
        "The head of the UN climate body said the deal marked “the beginning of the end” of "
        "the fossil fuel era.",
        published=published,
    )
    assert quote_speakers(article) == [executive_secretary]


def test_she_after_an_unnamed_woman_opening_a_sentence_is_that_woman():
    article = story(
        "“Afghan women are being erased from public life,” said Sima Bahous, the head of UN Women.",
        "In Herat, a woman who used to teach English now runs a tailoring workshop from her "
        "home. She asked that her name not be published.",
        "“I sew, and I wait,” she said.",
        published=date(2023, 8, 15),
    )
    assert quote_speakers(article) == ["Sima Bahous", None]


def test_the_network_said_is_the_body_whose_name_says_network():
    article = story(
        "The Freshwater Justice Network (FJN), an alliance of community groups, said pledges "
        "would not be enough. “Commitments without follow-up are good intentions,” the network "
        "said in a statement.",
        "The UN Economic and Social Commission for Asia and the Pacific (ESCAP) urged an early "
        "start. “Transitions work best when they start early,” the commission said.",
        published=date(2023, 3, 24),
    )
    assert quote_speakers(article) == [
        "Freshwater Justice Network (FJN)",
        "UN Economic and Social Commission for Asia and the Pacific (ESCAP)",
    ]
