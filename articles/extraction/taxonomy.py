"""The UN News topics and regions, as named on news.un.org."""

TOPICS = (
    "Peace and Security",
    "Economic Development",
    "Humanitarian Aid",
    "Climate Change",
    "Human Rights",
    "UN Affairs",
    "Women",
    "Law and Crime Prevention",
    "Health",
    "Culture and Education",
    "SDGs",
    "Migrants and Refugees",
)

REGIONS = ("Africa", "Americas", "Asia Pacific", "Europe", "Middle East")


def slug_for(name: str) -> str:
    """`Peace and Security` -> `peace-and-security`, as the site's URLs spell it."""
    return "-".join(name.lower().split())


TOPIC_BY_SLUG = {slug_for(name): name for name in TOPICS}
REGION_BY_SLUG = {slug_for(name): name for name in REGIONS}
