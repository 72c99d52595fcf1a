"""Attribution on real-story shapes, in sentences written for these tests: who speaks when a
name carries an appositive, a possessive or a role, and how each quote says it was found."""

import json

import pytest

from articles.extraction import parse
from articles.extraction.serialize import article_to_json


def story(*paragraphs: str, title: str = "Envoy briefs the Council on the northern region"):
    text = "\n\n".join([title, "12 March 2009", *paragraphs]) + "\n"
    (article,) = parse(text.encode(), name="story.txt", format="plain")
    return article


def speakers(article) -> list[tuple[str | None, str]]:
    return [(quote.speaker, quote.attribution) for quote in article.quotes]


def test_a_name_with_an_appositive_holding_another_name_speaks_itself():
    article = story(
        "“Give us the tools and we will finish the job,” Petra Lindqvist, Secretary-General "
        "Ban Ki-moon’s Special Representative, told the Security Council."
    )
    assert speakers(article) == [("Petra Lindqvist", "named")]


def test_the_object_of_told_is_not_an_inverted_speaker():
    article = story(
        "“The border is calm but fragile,” Omar Haddad, the Secretary-General's Special "
        "Coordinator for the region and head of the Mission, known as UNMIR, told reporters "
        "at UN Headquarters."
    )
    assert speakers(article) == [("Omar Haddad", "named")]


def test_according_to_a_possessive_spokesperson_leaves_the_sentence_subject_speaking():
    article = story(
        "Alan Okoro, Mr. Ban’s Special Representative, said in a closed meeting that “the "
        "situation remains stable but serious challenges remain,” according to Mr. Ban’s "
        "spokesperson."
    )
    assert speakers(article) == [("Alan Okoro", "named")]


def test_a_pronoun_after_a_possessive_goes_to_the_person_the_passage_is_about():
    article = story(
        "Marco Ferreira, Secretary-General Kofi Annan's Special Adviser on the island, said "
        "talks had begun well.",
        "“There is a long way to go,” he said of the two leaders, “but they are talking.”",
        title="UN adviser sees progress in island talks",
    )
    # "he" is the adviser the passage is about, not Annan, who owns the adviser's title
    assert speakers(article) == [("Marco Ferreira", "pronoun"), ("Marco Ferreira", "pronoun")]


def test_a_role_the_story_does_not_name_is_the_person_in_focus():
    article = story(
        "Jonas Whitfield, the head of the United Nations mission in the region, met leaders.",
        "“Disarmament will be voluntary,” the Mission chief said.",
    )
    assert speakers(article) == [("Jonas Whitfield", "title")]


def test_quote_paragraphs_after_a_speaker_continue_that_speaker():
    article = story(
        "“We need more trucks,” said Amira Salah, a WFP logistics officer.",
        "“Without them the rains will cut the roads and the camps will be out of reach.”",
    )
    assert speakers(article) == [("Amira Salah", "named"), ("Amira Salah", "continuation")]


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("UN envoy ‘optimistic’ about island talks", "Lucia Ferreira"),
        ("Island talks show ‘real momentum’ – UN envoy", "Lucia Ferreira"),
        ("WFP: ‘Urgent action is needed’ to end hunger in the north", "World Food Programme"),
        ("Hunger in the north ‘far from over’, UN envoy warns", "Lucia Ferreira"),
    ],
)
def test_a_headline_quote_belongs_to_the_source_the_headline_names(title, speaker):
    article = story(
        "Lucia Ferreira, the UN Special Envoy for the island, said “the parties are talking.”",
        title=title,
    )
    headline = [q for q in article.quotes if q.attribution == "headline"]
    assert len(headline) == 1
    assert headline[0].speaker.startswith(speaker)
    assert headline[0].text in title


def test_a_headline_quote_nobody_is_said_to_say_is_not_a_quote():
    article = story("The parties met again today.", title="‘Marathon of suffering’ in the north")
    assert article.quotes == ()


def test_a_headline_printed_twice_is_quoted_twice_in_the_parse_and_once_in_the_story():
    text = (
        "Global perspective Human stories\n\nUN envoy ‘optimistic’ about island talks\n\n"
        "UN envoy ‘optimistic’ about island talks\n\nLucia Ferreira, the UN Special Envoy for "
        "the island, said on Monday that “the parties are talking again and that matters.”\n"
    )
    (article,) = parse(text.encode(), name="copy.txt")
    assert [q.text for q in article.quotes if q.attribution == "headline"] == ["optimistic"]
    printed = article_to_json(article, "copy")["quotes"]
    assert [q["text"] for q in printed][:2] == ["optimistic", "optimistic"]
    assert json.dumps(printed)  # the contract stays JSON


def test_a_bulletins_here_is_introduces_the_quote_after_it():
    article = story(
        "Aid convoys reached the northern towns on Monday.",
        "Here's the agency's Head of Communications, Marta Lindgren:",
        "“We saw families who had not eaten for days and children too weak to walk.”",
    )
    assert speakers(article) == [("Marta Lindgren", "named")]


def test_thats_according_to_names_the_source_of_the_quote_before_it():
    article = story(
        "Lawmakers are facing “more threats than ever before” in many regions.",
        "That's according to the Inter-Parliamentary Union (IPU), which published its "
        "annual survey on Tuesday.",
    )
    assert [speaker for speaker, _ in speakers(article)] == ["Inter-Parliamentary Union (IPU)"]


def test_an_item_headline_inside_a_bulletin_quotes_its_source():
    article = story(
        "The first item today is about the north.",
        "Recovery in the north is ‘a long road’ warns Rashid Omar",
        "Rashid Omar, the UN Resident Coordinator, briefed journalists in Geneva on Tuesday.",
    )
    assert [(q.text, q.speaker) for q in article.quotes] == [("a long road", "Rashid Omar")]


def test_a_statement_issued_by_the_spokesperson_is_the_secretary_generals():
    article = story(
        "The Secretary-General welcomed the agreement, according to a statement issued by his "
        "spokesperson.",
        "“The Secretary-General calls on all parties to implement it in good faith,” the "
        "statement said.",
    )
    assert speakers(article) == [("Ban Ki-moon", "title")]


def test_the_un_said_in_a_story_about_an_agency_is_that_agency():
    article = story(
        "The UN Children's Fund (UNICEF) sent water tankers to the camps this week.",
        "Without more funds, the crisis could “spiral out of control”, the UN warned.",
    )
    assert [speaker for speaker, _ in speakers(article)] == ["UN Children's Fund (UNICEF)"]


def test_a_quote_cut_off_at_the_end_of_a_copy_is_no_quote():
    article = story(
        "“We are ready,” said Rashid Omar, the UN Resident Coordinator.",
        "He added that “the next weeks will decide whether the",
    )
    assert [q.text for q in article.quotes] == ["We are ready,"]


def test_other_english_news_is_attributed_by_the_same_rules():
    article = story(
        "“We are going to win this state,” Trump said at a rally on Saturday.",
        "Senator Maria Delgado, a Democrat from New Mexico, disagreed. “He will not,” she "
        "told reporters, “because voters remember.”",
        "“It is over,” said Macron, speaking in Paris.",
        title="Campaign enters its final week",
    )
    assert speakers(article) == [
        ("Trump", "named"),
        ("Maria Delgado", "pronoun"),
        ("Maria Delgado", "pronoun"),
        ("Macron", "named"),
    ]


def test_a_title_with_its_own_verb_is_the_subject_not_an_appositive():
    article = story(
        "In a call with the Prime Minister, Yusuf Karimov, the Secretary-General reiterated "
        "his condolences and, “while recognising the difficult circumstances”, urged restraint."
    )
    assert speakers(article) == [("Ban Ki-moon", "title")]


def test_a_document_is_no_person_and_a_surname_typo_is_the_person_named_in_full():
    article = story(
        "Secretary-General Kofi Annan spoke to the leaders on Monday.",
        "Mr. Anna voiced “deep regret” at the violence.",
        "The Presidential Statement expressed “grave concern” at the reports.",
    )
    assert [speaker for speaker, _ in speakers(article)][0] == "Kofi Annan"
    assert "Presidential Statement" not in [s.name for s in article.speakers]


def test_a_role_named_before_the_person_goes_to_the_subject_in_focus():
    article = story(
        "Jonas Whitfield, the head of the UN mission, met the Minister of Defence and the Force "
        "Commander, General Ana Ruiz.",
        "“Disarmament will be voluntary,” the Mission chief said.",
    )
    assert speakers(article) == [("Jonas Whitfield", "title")]
