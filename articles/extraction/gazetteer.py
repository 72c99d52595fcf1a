"""Places and the UN News region each is filed under, as data for `topics.classify`.

Regions follow news.un.org rather than the UN statistical geoscheme: the Middle East runs
from Iran to the Mediterranean and the Gulf (Egypt, Libya and Sudan are Africa), Türkiye,
Cyprus and the South Caucasus are Europe, and Afghanistan, Pakistan and Central Asia are
Asia Pacific.

Names are matched case-sensitively on whole words, longest first, so "South Sudan" is never
also counted as "Sudan" and "Papua New Guinea" never as "Guinea".
"""

from __future__ import annotations

from .taxonomy import REGIONS

AFRICA, AMERICAS, ASIA_PACIFIC, EUROPE, MIDDLE_EAST = REGIONS

# The 193 Member States under the short names stories use.
MEMBER_STATES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Algeria", "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cabo Verde",
            "Cameroon", "Central African Republic", "Chad", "Comoros", "Congo",
            "Côte d'Ivoire", "Democratic Republic of the Congo", "Djibouti", "Egypt",
            "Equatorial Guinea", "Eritrea", "Eswatini", "Ethiopia", "Gabon", "Gambia", "Ghana",
            "Guinea", "Guinea-Bissau", "Kenya", "Lesotho", "Liberia", "Libya", "Madagascar",
            "Malawi", "Mali", "Mauritania", "Mauritius", "Morocco", "Mozambique", "Namibia",
            "Niger", "Nigeria", "Rwanda", "Sao Tome and Principe", "Senegal", "Seychelles",
            "Sierra Leone", "Somalia", "South Africa", "South Sudan", "Sudan", "Togo",
            "Tunisia", "Uganda", "United Republic of Tanzania", "Zambia", "Zimbabwe",
        ),
        AFRICA,
    ),
    **dict.fromkeys(
        (
            "Antigua and Barbuda", "Argentina", "Bahamas", "Barbados", "Belize", "Bolivia",
            "Brazil", "Canada", "Chile", "Colombia", "Costa Rica", "Cuba", "Dominica",
            "Dominican Republic", "Ecuador", "El Salvador", "Grenada", "Guatemala", "Guyana",
            "Haiti", "Honduras", "Jamaica", "Mexico", "Nicaragua", "Panama", "Paraguay",
            "Peru", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
            "Suriname", "Trinidad and Tobago", "United States", "Uruguay", "Venezuela",
        ),
        AMERICAS,
    ),
    **dict.fromkeys(
        (
            "Afghanistan", "Australia", "Bangladesh", "Bhutan", "Brunei Darussalam",
            "Cambodia", "China", "Democratic People's Republic of Korea", "Fiji", "India",
            "Indonesia", "Japan", "Kazakhstan", "Kiribati", "Kyrgyzstan",
            "Lao People's Democratic Republic", "Malaysia", "Maldives", "Marshall Islands",
            "Micronesia", "Mongolia", "Myanmar", "Nauru", "Nepal", "New Zealand", "Pakistan",
            "Palau", "Papua New Guinea", "Philippines", "Republic of Korea", "Samoa",
            "Singapore", "Solomon Islands", "Sri Lanka", "Tajikistan", "Thailand",
            "Timor-Leste", "Tonga", "Turkmenistan", "Tuvalu", "Uzbekistan", "Vanuatu",
            "Viet Nam",
        ),
        ASIA_PACIFIC,
    ),
    **dict.fromkeys(
        (
            "Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium",
            "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark",
            "Estonia", "Finland", "France", "Georgia", "Germany", "Greece", "Hungary",
            "Iceland", "Ireland", "Italy", "Latvia", "Liechtenstein", "Lithuania",
            "Luxembourg", "Malta", "Monaco", "Montenegro", "Netherlands", "North Macedonia",
            "Norway", "Poland", "Portugal", "Republic of Moldova", "Romania",
            "Russian Federation", "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain",
            "Sweden", "Switzerland", "Türkiye", "Ukraine", "United Kingdom",
        ),
        EUROPE,
    ),
    **dict.fromkeys(
        (
            "Bahrain", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman",
            "Qatar", "Saudi Arabia", "Syria", "United Arab Emirates", "Yemen",
        ),
        MIDDLE_EAST,
    ),
}  # fmt: skip

OBSERVER_STATES: dict[str, str] = {"Holy See": EUROPE, "State of Palestine": MIDDLE_EAST}

# Territories and disputed areas that UN News reports on under their own names.
TERRITORIES: dict[str, str] = {
    **dict.fromkeys(
        ("Western Sahara", "Mayotte", "Réunion", "Saint Helena", "Somaliland", "Zanzibar"),
        AFRICA,
    ),
    **dict.fromkeys(
        (
            "Puerto Rico", "Greenland", "Bermuda", "Cayman Islands", "Anguilla", "Montserrat",
            "Turks and Caicos Islands", "British Virgin Islands", "United States Virgin Islands",
            "Falkland Islands", "Malvinas", "Aruba", "Curaçao", "Sint Maarten", "Guadeloupe",
            "Martinique", "French Guiana",
        ),
        AMERICAS,
    ),
    **dict.fromkeys(
        (
            "Hong Kong", "Macao", "Taiwan", "Tibet", "Xinjiang", "Kashmir", "Jammu and Kashmir",
            "New Caledonia", "French Polynesia", "Guam", "American Samoa", "Tokelau",
            "Pitcairn", "Bougainville",
        ),
        ASIA_PACIFIC,
    ),
    **dict.fromkeys(
        (
            "Kosovo", "Gibraltar", "Crimea", "Donbas", "Donetsk", "Luhansk", "Abkhazia",
            "South Ossetia", "Nagorno-Karabakh", "Transnistria",
        ),
        EUROPE,
    ),
    **dict.fromkeys(
        (
            "Gaza", "Gaza Strip", "West Bank", "East Jerusalem", "Occupied Palestinian Territory",
            "Golan", "Syrian Golan",
        ),
        MIDDLE_EAST,
    ),
}  # fmt: skip

# Other names, demonyms, regions, cities, peoples, armed groups and UN missions that tie a
# story to one region. Demonyms that are also languages ("French", "Spanish", "Arabic") are
# left out: "the Spanish version of the report" places nothing.
OTHER_NAMES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Africa", "African", "Africans", "West Africa", "East Africa", "Southern Africa",
            "Central Africa", "North Africa", "Horn of Africa", "Sahel", "Sahelian",
            "Lake Chad", "Great Lakes region", "Maghreb",
            "Algerian", "Algerians", "Angolan", "Angolans", "Beninese", "Burkinabe",
            "Burkinabè", "Burundian", "Burundians", "Cape Verde", "Cameroonian",
            "Cameroonians", "CAR", "Chadian", "Chadians", "Comorian", "Congolese",
            "Republic of the Congo", "Republic of Congo", "Democratic Republic of Congo",
            "DR Congo", "DRC", "Cote d'Ivoire", "Ivory Coast", "Ivorian", "Ivorians",
            "Djiboutian", "Egyptian", "Egyptians", "Eritrean", "Eritreans", "Swaziland",
            "Ethiopian", "Ethiopians", "Gabonese", "The Gambia", "Gambian", "Gambians",
            "Ghanaian", "Ghanaians", "Guinean", "Guineans", "Kenyan", "Kenyans", "Liberian",
            "Liberians", "Libyan", "Libyans", "Malagasy", "Malawian", "Malawians", "Malian",
            "Malians", "Mauritanian", "Mauritanians", "Moroccan", "Moroccans", "Mozambican",
            "Mozambicans", "Namibian", "Nigerien", "Nigeriens", "Nigerian", "Nigerians",
            "Rwandan", "Rwandans", "São Tomé and Príncipe", "Senegalese", "Sierra Leonean",
            "Sierra Leoneans", "Somali", "Somalis", "South African", "South Africans",
            "South Sudanese", "Sudanese", "Tanzania", "Tanzanian", "Tanzanians", "Togolese",
            "Tunisian", "Tunisians", "Ugandan", "Ugandans", "Zambian", "Zambians",
            "Zimbabwean", "Zimbabweans",
            "Darfur", "Darfurs", "North Darfur", "South Darfur", "West Darfur", "Kordofan",
            "Khartoum",
            "El Fasher", "Port Sudan", "Abyei", "Juba", "Jonglei", "Upper Nile", "Tigray",
            "Amhara", "Oromia", "Mogadishu", "Puntland", "Kivu", "North Kivu",
            "South Kivu", "Ituri", "Goma", "Kinshasa", "Beni", "Bangui", "Bamako", "Timbuktu",
            "Niamey", "Ouagadougou", "Borno", "Maiduguri", "Cabo Delgado", "Tripoli",
            "Benghazi", "Derna", "Lagos", "Abuja", "Dakar", "Freetown", "Monrovia", "Conakry",
            "Harare", "Lusaka", "Maputo", "Beira", "Kampala", "Kigali", "Bujumbura", "Dadaab",
            "Kakuma", "Adré", "El Geneina", "Kasai", "Liptako-Gourma", "Tigrayan", "Tigrayans",
            "Sahrawi", "Boko Haram", "Al-Shabaab", "Al Shabaab",
            "Rapid Support Forces", "MONUSCO", "MINUSMA", "MINUSCA", "UNMISS", "UNAMID",
            "UNISFA", "UNSMIL", "UNSOM", "UNSOS", "MINURSO", "UNITAMS", "UNOWAS", "UNMIL",
            "UNOCI",
        ),
        AFRICA,
    ),
    **dict.fromkeys(
        (
            "Americas", "Latin America", "Latin American", "Caribbean", "Central America",
            "Central American", "South America", "South American", "North America",
            "Antiguan", "Argentine", "Argentinian", "Bahamian", "Barbadian", "Belizean",
            "Bolivian", "Bolivians", "Brazilian", "Brazilians", "Canadian", "Canadians",
            "Chilean", "Chileans", "Colombian", "Colombians", "Costa Rican", "Cuban", "Cubans",
            "Dominican", "Ecuadorian", "Ecuadorians", "Salvadoran", "Salvadorans",
            "Guatemalan", "Guatemalans", "Guyanese", "Haitian", "Haitians", "Honduran",
            "Hondurans", "Jamaican", "Jamaicans", "Mexican", "Mexicans", "Nicaraguan",
            "Nicaraguans", "Panamanian", "Paraguayan", "Peruvian", "Peruvians", "Surinamese",
            "Trinidadian", "Uruguayan", "Venezuelan", "Venezuelans", "United States of America",
            "USA", "U.S.", "Port-au-Prince", "Artibonite", "Guantánamo", "Guantanamo", "Darién",
            "Darien", "Caracas",
            "Bogotá", "Tijuana", "Ciudad Juárez", "Amazon", "Amazonia", "MINUSTAH", "BINUH",
        ),
        AMERICAS,
    ),
    **dict.fromkeys(
        (
            "Asia", "Asia Pacific", "Asia-Pacific", "South Asia", "South-East Asia",
            "Southeast Asia", "East Asia", "Central Asia", "Central Asian", "Pacific",
            "Pacific Islands", "Pacific island", "Oceania", "Golden Triangle",
            "Afghan", "Afghans", "Taliban", "Australian", "Australians", "Bangladeshi",
            "Bangladeshis", "Bhutanese", "Brunei", "Cambodian", "Cambodians", "Chinese",
            "North Korea", "North Korean", "DPRK", "Fijian", "Fijians", "Indian", "Indians",
            "Indonesian", "Indonesians", "Japanese", "Kazakh", "Kyrgyz", "Laos", "Lao PDR",
            "Lao", "Malaysian", "Malaysians", "Maldivian", "Federated States of Micronesia",
            "Mongolian", "Burma", "Burmese", "Nepali", "Nepalese", "New Zealander",
            "Aotearoa", "Pakistani", "Pakistanis", "Filipino", "Filipinos", "South Korea",
            "South Korean", "Korea", "Korean", "Samoan", "Singaporean", "Sri Lankan",
            "Sri Lankans", "Tajik", "Thai", "Timor Leste", "East Timor", "Timorese",
            "Tongan", "Turkmen", "Tuvaluan", "Uzbek", "Vietnam", "Vietnamese",
            "Rohingya", "Rakhine", "Kachin", "Marawi", "Papua", "Uyghur", "Uyghurs", "Cox's Bazar",
            "Cox’s Bazar", "Bhasan Char", "Shan State",
            "Yangon", "Naypyidaw", "Mandalay", "Dhaka", "Kabul", "Kandahar", "Herat",
            "Helmand", "Islamabad", "Peshawar", "Khyber Pakhtunkhwa", "Balochistan",
            "Karachi", "Lahore", "Sindh", "Kathmandu", "Colombo", "New Delhi", "Mumbai",
            "Beijing", "Tokyo", "Fukushima", "Pyongyang", "Seoul", "Manila", "Tacloban",
            "Mindanao", "Jakarta", "Aceh", "Sulawesi", "Phnom Penh", "Hanoi", "Dili",
            "Port Moresby", "Suva", "Ulaanbaatar", "Almaty", "Astana", "Bishkek",
            "Dushanbe", "Tashkent", "Ashgabat", "Aral Sea", "UNAMA",
        ),
        ASIA_PACIFIC,
    ),
    **dict.fromkeys(
        (
            "Europe", "European", "Europeans", "Eastern Europe", "Western Europe",
            "Balkans", "Western Balkans", "Caucasus", "South Caucasus", "Scandinavia",
            "Albanian", "Albanians", "Armenian", "Armenians", "Austrian", "Azerbaijani",
            "Belarusian", "Belgian", "Bosnia", "Bosnian", "Herzegovina", "Bulgarian",
            "Croatian", "Cypriot", "Cypriots", "Czech Republic", "Czech", "Danish", "Estonian",
            "Finnish", "Georgian", "Georgians", "German", "Germans", "Greek", "Hungarian",
            "Icelandic", "Irish", "Italian", "Italians", "Latvian", "Lithuanian", "Maltese",
            "Montenegrin", "Dutch", "Macedonia", "Norwegian", "Moldova", "Moldovan",
            "Moldovans", "Romanian", "Romanians", "Russia", "Russian", "Russians", "Serbian",
            "Serbs", "Slovak", "Slovenian", "Swedish", "Swiss", "Turkey", "Turkish",
            "Ukrainian", "Ukrainians", "UK", "Britain", "Great Britain", "British",
            "Kosovar", "Kosovo Albanians",
            "Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa", "Mariupol", "Zaporizhzhia",
            "Kherson", "Mykolaiv", "Donbass", "Chernobyl", "Karabakh", "Dnipro", "Lviv",
            "Chernihiv", "Sumy", "Bucha", "Moscow",
            "Minsk", "Chisinau", "Warsaw", "Przemyśl", "Lampedusa", "Lesbos", "Lesvos",
            "Sarajevo", "Srebrenica", "Belgrade", "Pristina", "Tbilisi", "Yerevan", "Ankara",
            "Istanbul", "Gaziantep", "Hatay", "Kahramanmaraş", "Nicosia", "Athens", "Madrid",
            "London", "Berlin", "UNMIK", "UNFICYP",
        ),
        EUROPE,
    ),
    **dict.fromkeys(
        (
            "Middle East", "Levant", "Arabian Peninsula", "Gulf States", "Strait of Hormuz",
            "Hormuz",
            "Bahraini", "Iranian", "Iranians", "Islamic Republic of Iran", "Iraqi", "Iraqis",
            "Israeli", "Israelis", "Jordanian", "Jordanians", "Kuwaiti", "Lebanese", "Omani",
            "Qatari", "Saudi", "Saudis", "Syrian Arab Republic", "Syrian", "Syrians", "UAE",
            "Emirati", "Yemeni", "Yemenis", "Palestine", "Palestinian", "Palestinians",
            "Occupied Palestinian Territories", "occupied Palestinian territory",
            "Jerusalem", "Gazan", "Gazans", "Rafah", "Khan Younis", "Jabalia", "Jenin",
            "Ramallah", "Hebron", "Nablus", "Tel Aviv", "Beirut", "Tyre", "Damascus", "Aleppo",
            "Idlib", "Homs", "Deir ez-Zor", "Raqqa", "Baghdad", "Mosul", "Basra", "Erbil",
            "Sinjar", "Yazidi", "Yazidis", "Kurdistan Region", "Tehran", "Sana'a", "Sana’a",
            "Sanaa", "Aden",
            "Hudaydah", "Hodeidah", "Marib", "Taiz", "Amman", "Zaatari", "Riyadh",
            "Hamas", "Hizbullah", "Hezbollah", "Houthi", "Houthis", "Ansar Allah", "UNRWA",
            "UNIFIL", "UNDOF", "UNTSO", "UNAMI", "UNMHA",
        ),
        MIDDLE_EAST,
    ),
}  # fmt: skip

# Names that look like places but seldom say where a story is: the duty stations where
# briefings are given ("told journalists in Geneva"), bodies named after a region, oceans,
# and cities better known as conference venues. They map to no region, and because the
# longest name wins they also stop "African" from counting inside "African Union".
NOT_PLACES: tuple[str, ...] = (
    "New York", "Geneva", "Vienna", "Rome", "Paris", "Nairobi", "Bangkok", "The Hague",
    "Bonn", "Brussels", "Addis Ababa", "Washington", "Strasbourg", "Copenhagen",
    "Sharm el-Sheikh", "Glasgow", "Davos", "Baku",
    "African Union", "African Development Bank", "Economic Commission for Africa",
    "European Union", "European Commission", "Council of Europe", "European Court",
    "Organization of American States", "Inter-American", "League of Arab States",
    "Arab League", "ASEAN", "Asian Development Bank", "Economic Commission for Europe",
    "Economic Commission for Latin America and the Caribbean",
    "Economic and Social Commission for Asia and the Pacific",
    "Economic and Social Commission for Western Asia",
    "Indian Ocean", "Pacific Ocean", "Atlantic", "Mediterranean", "Red Sea",
    "Gulf of Mexico", "Gulf of Aden",
)  # fmt: skip

PLACE_REGIONS: dict[str, str | None] = {
    **MEMBER_STATES,
    **OBSERVER_STATES,
    **TERRITORIES,
    **OTHER_NAMES,
    **dict.fromkeys(NOT_PLACES),
}
