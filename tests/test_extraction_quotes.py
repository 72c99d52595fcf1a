"""Quotes: what counts as one, its exact text, and who it is attributed to.

Each test is a small story written here in UN News style; no database, no files.
"""

from datetime import date

from articles.extraction.quotes import extract_quotes
from articles.extraction.records import ParsedArticle


def story(*body: str, published=date(2012, 5, 4), lede: str = "", headings=()):
    return ParsedArticle(
        source_format="text",
        title="A story",
        published=published,
        lede=lede,
        body=body,
        headings=headings,
    )


def quotes_of(article):
    return [(q.text, q.speaker) for q in extract_quotes(article)[0]]


def quote_speakers(article) -> list[str | None]:
    return [q.speaker for q in extract_quotes(article)[0]]


def test_a_quote_after_its_speaker_with_inversion():
    article = story("“We must act now,” said the UN chief.")
    assert quotes_of(article) == [("We must act now,", "Ban Ki-moon")]


def test_a_quote_followed_by_a_named_speaker():
    article = story(
        "“People arrive exhausted,” said Solange Ngarmbassa, the UNHCR Representative in Chad."
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.text, quote.speaker) == ("People arrive exhausted,", "Solange Ngarmbassa")
    assert quote.speaker_mention == "said Solange Ngarmbassa"


def test_straight_quotes_are_read_like_curly_ones():
    article = story('"The virus does not check passports," Dr. Chan said in Geneva.')
    assert quotes_of(article) == [("The virus does not check passports,", "Margaret Chan")]


def test_apostrophes_do_not_end_a_quote():
    article = story(
        "Donors’ pledges fell short. “The farmers’ incomes in the ’90s were higher than "
        "today’s,” said Kalani Tevita, a negotiator."
    )
    assert quotes_of(article) == [
        ("The farmers’ incomes in the ’90s were higher than today’s,", "Kalani Tevita")
    ]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    article = story(
        "“People ask me, ‘What has the UN ever done for us?’ I tell them to look,” he said.",
        published=date(2006, 12, 19),
        lede="Secretary-General Kofi Annan spoke to students today.",
    )
    assert quotes_of(article) == [
        ("People ask me, ‘What has the UN ever done for us?’ I tell them to look,", "Kofi Annan")
    ]


def test_a_quote_over_two_paragraphs_is_one_quote_joined_by_a_space():
    article = story(
        "Rosalind Abaca, a UNICEF child protection officer, said she had seen children alone.",
        "“When we landed, the first thing I noticed was the silence.",
        "“We met a boy of about nine who had lost his mother,” she told UN News.",
    )
    (quote,) = extract_quotes(article)[0]
    assert quote.text == (
        "When we landed, the first thing I noticed was the silence. "
        "We met a boy of about nine who had lost his mother,"
    )
    assert (quote.paragraph, quote.end_paragraph, quote.speaker) == (1, 2, "Rosalind Abaca")


def test_an_interrupted_quote_is_two_quotes_with_the_same_speaker():
    article = story(
        "“Every week of delay,” he added, “is counted in children’s lives.”",
        lede="Secretary-General Ban Ki-moon appealed to donors.",
    )
    found = extract_quotes(article)[0]
    assert [(q.text, q.speaker, q.speaker_mention) for q in found] == [
        ("Every week of delay,", "Ban Ki-moon", "he added"),
        ("is counted in children’s lives.", "Ban Ki-moon", "he added"),
    ]


def test_a_follow_on_quote_keeps_the_speaker_without_a_mention():
    article = story(
        "“Solidarity has limits,” Mr. Grandi said. “It has to go the distance.”",
        published=date(2022, 3, 15),
    )
    found = extract_quotes(article)[0]
    assert [(q.text, q.speaker, q.speaker_mention) for q in found] == [
        ("Solidarity has limits,", "Filippo Grandi", "Mr. Grandi said"),
        ("It has to go the distance.", "Filippo Grandi", None),
    ]


def test_a_partial_quote_inside_the_sentence_is_marked_partial():
    article = story(
        "The Secretary-General described the shortfall as “a test of the world’s compassion.”",
        published=date(2005, 4, 19),
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.text, quote.speaker, quote.partial) == (
        "a test of the world’s compassion.",
        "Kofi Annan",
        True,
    )


def test_a_short_partial_attributed_to_someone_is_a_quote():
    article = story(
        "Secretary-General Ban Ki-moon repeated his appeal, saying he was “deeply frustrated” "
        "by the pace of the response.",
        published=date(2008, 5, 13),
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.text, quote.speaker, quote.speaker_mention, quote.partial) == (
        "deeply frustrated",
        "Ban Ki-moon",
        "saying",
        True,
    )


def test_scare_quotes_and_report_names_are_not_quotes():
    article = story(
        "Talks turned to the so-called “sticky floor” that keeps women in low-paid jobs.",
        "Debates about the “glass ceiling” in boardrooms tend to dominate the headlines.",
        "The report, entitled “Land, Livelihoods and the Right to Food”, examines contracts.",
        "In its latest “Harvest Outlook” bulletin, the agency lowered its forecast.",
        "Some 13,000 ‘blue helmets’ are deployed.",
        "UNICEF said the “digital divide” meant that millions could not learn.",
        "WFP backs a process called “localization” in the region.",
    )
    assert quotes_of(article) == []


def test_what_somebody_called_is_their_quote():
    article = story("Mr. Ban condemned what he called “a heinous attack”.")
    assert quotes_of(article) == [("a heinous attack", "Ban Ki-moon")]


def test_a_colon_introduces_a_quote():
    article = story(
        "Mr. Guterres told journalists: “The window is closing fast.”", published=date(2022, 11, 7)
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.text, quote.speaker, quote.partial) == (
        "The window is closing fast.",
        "António Guterres",
        False,
    )


def test_according_to_attributes_a_quote_to_an_agency():
    article = story(
        "Conditions in the delta are “deteriorating by the day”, according to the World Food "
        "Programme (WFP), with survivors drinking water from ponds."
    )
    assert quotes_of(article) == [("deteriorating by the day", "World Food Programme (WFP)")]


def test_the_agency_said_in_a_statement_points_back_to_the_last_agency():
    article = story(
        "The World Food Programme (WFP) said it had begun food distributions.",
        "The UN Children’s Fund (UNICEF) said thousands of children had lost their homes. "
        "“Children now face a second threat from the cold,” the agency said in a statement.",
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.speaker, quote.speaker_mention) == (
        "UN Children's Fund (UNICEF)",
        "the agency said in a statement",
    )


def test_a_pronoun_is_the_last_person_of_that_gender():
    article = story(
        "Secretary-General António Guterres opened the summit.",
        "Teresa Ngata, a 19-year-old student, said she was hopeful.",
        "“We are asking adults to do the maths,” she said.",
        published=date(2019, 9, 23),
    )
    assert quotes_of(article) == [("We are asking adults to do the maths,", "Teresa Ngata")]


def test_a_pronoun_skips_a_person_of_unknown_gender_mentioned_long_ago():
    article = story(
        "“For Africa, equity is not a footnote,” said Dr. Amaka Nwosu-Ferreira, an adviser.",
        "Civil society groups called for the talks to be extended.",
        "“Let us not waste this opportunity,” he said, closing his address.",
        lede="The head of the World Health Organization (WHO) urged Member States to agree.",
        published=date(2024, 5, 27),
    )
    assert quotes_of(article)[1] == (
        "Let us not waste this opportunity,",
        "Tedros Adhanom Ghebreyesus",
    )


def test_a_dateline_never_becomes_a_speaker():
    article = story(
        "GENEVA, 8 March 2011 – “Land is being signed away,” the Special Rapporteur said.",
        published=date(2011, 3, 8),
    )
    assert quotes_of(article) == [("Land is being signed away,", None)]


def test_a_quote_whose_speaker_the_story_does_not_name_has_no_speaker():
    article = story(
        "Secretary-General Kofi Annan appealed for funds.",
        "A WFP logistics officer in El Geneina, who asked not to be named, said convoys had "
        "been halted. “You cannot plan for a checkpoint,” he said.",
        published=date(2005, 4, 19),
    )
    assert quotes_of(article) == [("You cannot plan for a checkpoint,", None)]


def test_told_un_news_attributes_an_interview():
    article = story(
        "Inês Macuácua, a WFP programme officer based in Beira, said the city had no power.",
        "“My neighbours lost their roofs,” she told UN News.",
        published=date(2019, 3, 22),
    )
    (quote,) = extract_quotes(article)[0]
    assert (quote.speaker, quote.speaker_mention) == ("Inês Macuácua", "she told UN News")


def test_the_special_rapporteur_is_the_one_the_story_names():
    article = story(
        "The Special Rapporteur on the right to food, Anneliese Vorburg, presented her report.",
        "“Governments are signing away land,” the Special Rapporteur said.",
        published=date(2011, 3, 8),
    )
    assert quotes_of(article) == [("Governments are signing away land,", "Anneliese Vorburg")]


def test_a_council_statement_is_attributed_to_the_council_not_the_secretary_general():
    article = story(
        "“We can reduce this threat,” Mr. Ban told the Security Council.",
        "The meeting concluded with a presidential statement in which the Council recognized "
        "that “terrorism can only be defeated by a sustained approach.”",
    )
    assert quotes_of(article) == [
        ("We can reduce this threat,", "Ban Ki-moon"),
        ("terrorism can only be defeated by a sustained approach.", "UN Security Council"),
    ]


def test_subheads_are_not_searched_for_quotes():
    article = story(
        "Ms. Fakaua spoke on Tuesday.",
        "‘Finance is the whole conversation’",
        "“For us, finance is the whole conversation,” she said.",
        headings=(1,),
    )
    found = extract_quotes(article)[0]
    assert [(q.text, q.paragraph) for q in found] == [
        ("For us, finance is the whole conversation,", 2)
    ]


def test_offsets_index_the_lede_and_body():
    article = story("“We must get this right,” he said.", lede="Mr. Ban travelled to Haiti.")
    (quote,) = extract_quotes(article)[0]
    assert (quote.paragraph, quote.start, quote.end) == (1, 1, 24)
    assert article.paragraphs[1][quote.start : quote.end] == quote.text


def test_an_attribution_closing_the_sentence_after_the_quote():
    article = story(
        "Violence has left millions “in constant fear” of shelling, UN human rights chief "
        "Volker Türk said on Friday.",
        published=date(2023, 3, 10),
    )
    assert quotes_of(article) == [("in constant fear", "Volker Türk")]


def test_a_paragraph_ending_in_a_colon_introduces_the_next_quote():
    article = story(
        "Tom Fletcher, the UN relief chief, told the Security Council:",
        "“The humanitarian system is overstretched, underfunded and under attack.”",
        published=date(2025, 1, 20),
    )
    assert quotes_of(article) == [
        ("The humanitarian system is overstretched, underfunded and under attack.", "Tom Fletcher")
    ]


def test_a_quote_said_by_somebody_the_story_does_not_name_is_kept_without_a_speaker():
    article = story("“We are watching closely,” the spokesperson said.")
    (quote,) = extract_quotes(article)[0]
    assert (quote.text, quote.speaker, quote.speaker_mention) == (
        "We are watching closely,",
        None,
        "the spokesperson said",
    )


def test_a_quote_with_no_attribution_belongs_to_the_speaker_of_the_sentence_before_it():
    article = story(
        "“The camps are full,” said Filippo Grandi.",
        "Zarmina Habibi, a teacher in the settlement, said her pupils had nowhere to study. "
        "“We need more classrooms.”",
        published=date(2022, 3, 15),
    )
    assert quotes_of(article) == [
        ("The camps are full,", "Filippo Grandi"),
        ("We need more classrooms.", "Zarmina Habibi"),
    ]


def test_a_pronoun_prefers_the_subject_of_the_sentence_before_it():
    article = story(
        "Mr. Ban met President Kagame of Rwanda on Tuesday. “We discussed the region,” he said.",
        published=date(2013, 5, 21),
    )
    assert quotes_of(article) == [("We discussed the region,", "Ban Ki-moon")]


def test_in_the_words_of_attributes_like_according_to():
    article = story("In the words of Mr. Ban, “we must act before it is too late”.")
    assert quotes_of(article) == [("we must act before it is too late", "Ban Ki-moon")]


def test_went_on_to_say_is_a_reporting_verb_with_its_subject():
    article = story("Mr. Ban went on to say that “the world is watching”.")
    assert quotes_of(article) == [("the world is watching", "Ban Ki-moon")]


def test_a_question_does_not_end_the_sentence_that_attributes_it():
    article = story(
        "“How much, and by when?” Mr. Guterres told reporters later in the day.",
        published=date(2022, 11, 7),
    )
    assert quotes_of(article) == [("How much, and by when?", "António Guterres")]


def test_a_full_stop_inside_the_quote_ends_the_sentence_before_the_next_one():
    article = story("“We are ready to help everyone.” On Monday, the agency said it would deploy.")
    assert [(q.speaker, q.speaker_mention) for q in extract_quotes(article)[0]] == [(None, None)]


def test_a_quote_paragraph_after_a_paraphrase_is_the_paraphrased_speaker_s():
    article = story(
        "“The threat looms largest at home,” said Secretary-General António Guterres.",
        "The UN chief said that calls to helplines had doubled in some countries.",
        "“I call on every government to make prevention part of its response.”",
        published=date(2020, 4, 6),
    )
    assert quotes_of(article)[1] == (
        "I call on every government to make prevention part of its response.",
        "António Guterres",
    )


def test_a_colon_after_the_subject_introduces_the_subject_s_words():
    article = story(
        "Rodel Villaflor, 41, lost his boat. “The sea took everything,” said Mr. Villaflor.",
        "The Humanitarian Coordinator in the Philippines, Anjali Menon, summed up the "
        "challenge: “We have food in the warehouses. The problem is the last mile.”",
        published=date(2013, 11, 20),
    )
    assert quote_speakers(article) == ["Rodel Villaflor", "Anjali Menon"]


def test_a_message_delivered_by_somebody_else_is_the_sender_s():
    article = story(
        "Secretary-General Ban Ki-moon, in a message delivered by Deputy Secretary-General "
        "Asha-Rose Migiro, said closing the gap could “lift millions of families out of hunger.”",
        published=date(2012, 2, 27),
    )
    assert quotes_of(article) == [("lift millions of families out of hunger.", "Ban Ki-moon")]


def test_as_somebody_put_it_and_hailing_it_as_are_attributions():
    article = story(
        "“The grass did not come,” said Oumarou Hamani, a herder near Tillia.",
        "Funding is short. “We are racing the lean season,” as one aid worker put it.",
        "Secretary-General Ban Ki-moon joined the signing, hailing the deal as “the end of the "
        "longest-running armed conflict in the Americas”.",
        published=date(2016, 9, 26),
    )
    assert quote_speakers(article) == ["Oumarou Hamani", None, "Ban Ki-moon"]


def test_a_theme_and_a_term_known_in_law_as_are_not_quotes():
    article = story(
        "The Executive Director, who marked the day under this year’s theme, “Empowering "
        "Women, Empowering Humanity: Picture It!”, urged donors to act.",
        "At least 3,500 women were killed last year, a crime known in many national laws as "
        "“femicide”.",
        published=date(2016, 3, 8),
    )
    assert extract_quotes(article)[0] == ()


def test_an_interrupted_quote_with_an_inverted_attribution_keeps_its_speaker():
    article = story(
        "“Salt water has spoiled the ponds,” said Ms. Tchibozo, the UNICEF Representative, "
        "“so clean water is now as urgent as food.”",
        published=date(2020, 5, 25),
    )
    assert quotes_of(article) == [
        ("Salt water has spoiled the ponds,", "Tchibozo"),
        ("so clean water is now as urgent as food.", "Tchibozo"),
    ]
