"""Name, street and suburb lists, plus the variant tables the corruptions draw on.

Every list is in rough order of frequency; `zipf` turns that order into weights so common names repeat.
All values are lower-case ASCII letters (and single spaces for suburbs and streets), as FEBRL writes them.
"""

from __future__ import annotations

import random
from itertools import accumulate

# culture: (share of households, male given names, female given names, surnames)
CULTURES: dict[str, tuple[float, str, str, str]] = {
    "anglo": (
        0.55,
        "james jack william oliver thomas noah lucas liam henry charlie joshua samuel daniel benjamin ethan "
        "alexander matthew michael david john robert christopher andrew peter mark paul richard stephen "
        "steven anthony jason luke ryan nathan adam timothy scott brendan craig shane darren glenn wayne "
        "dylan riley cooper harrison hudson lachlan mitchell jayden jordan tyler connor max leo archie "
        "harry hunter isaac jacob joseph george edward patrick kevin brian gregory raymond kenneth ronald "
        "gary dennis keith trevor graham ross bruce neil ian colin barry geoffrey phillip philip douglas "
        "frederick albert arthur harold stanley leonard nicholas christian jonathan zachary aaron callum "
        "blake jake kyle brodie jesse zac angus hamish archer flynn xavier sebastian jasper evan aidan "
        "mason jackson declan cameron bailey corey dean rhys",
        "charlotte olivia amelia isla mia ava grace chloe sophie emily ella ruby zoe lily emma hannah "
        "sarah jessica rebecca rachel laura lauren katherine catherine elizabeth margaret mary patricia "
        "susan linda karen julie michelle kylie nicole melissa lisa jennifer kimberley amanda kate natalie "
        "tegan brooke courtney jade georgia madison matilda isabella isabelle harper evie willow scarlett "
        "sienna abigail ivy frankie poppy alice audrey eleanor anna claire helen joanne dianne heather "
        "barbara judith christine deborah carol gail kerry leanne tracey donna rhonda sharon wendy jillian "
        "samantha stephanie alexandra victoria danielle kathleen dorothy joan shirley beverley valerie "
        "jacqueline tara amber bianca caitlin jasmine holly paige tayla shannon hayley kayla imogen "
        "phoebe penelope violet hazel layla eva maya",
        "smith jones williams brown wilson taylor johnson white martin anderson thompson nguyen thomas "
        "walker harris lee ryan robinson kelly king davis wright evans roberts green hall wood jackson "
        "clarke clark patel campbell edwards mitchell turner hughes scott stewart murphy moore baker cook "
        "young allen morris morgan price hill ward cooper collins bell kennedy oconnor murray phillips "
        "wilkinson james graham russell parker watson hunt lewis stevens walsh black dunn marshall "
        "richardson butler johnston reid fraser hamilton ross mills gibson henderson sullivan harrison "
        "bennett shaw carter simpson gray jenkins hayes fisher chapman hart mason armstrong hudson barnes "
        "fletcher webb lawrence ellis burke hawkins reynolds payne knight dixon holmes spencer barker "
        "harvey newman day wallace owen rose lloyd mcdonald macdonald mckenzie maclean fitzgerald doyle "
        "byrne quinn brennan gallagher donnelly mccarthy obrien burns crawford duncan hogan waller "
        "berry purdon harrington trevorrow sondergeld",
    ),
    "italian": (
        0.07,
        "marco giuseppe antonio luca giovanni francesco salvatore mario vincenzo paolo domenico roberto "
        "angelo pietro carlo sergio stefano alessandro matteo lorenzo enzo fabio claudio massimo "
        "rocco bruno dario nico gianni",
        "maria giulia francesca anna rosa giuseppina angela lucia sofia chiara elena paola teresa "
        "carmela antonella alessia martina valentina silvia laura gabriella rosaria concetta lina "
        "bianca serena federica",
        "rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa "
        "giordano mancini rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso "
        "ferrara galli martini leone longo gentile martinelli vitale lombardo serra coppola deluca "
        "distefano larosa",
    ),
    "greek": (
        0.05,
        "george nick nikos kostas dimitrios ioannis christos panagiotis vasilios konstantinos "
        "theodoros stavros spiros andreas michail angelos yiannis petros manolis alexandros",
        "maria eleni katerina georgia sophia vasiliki despina anastasia dimitra paraskevi ioanna "
        "angeliki christina evangelia stavroula panagiota irene voula helen athena",
        "papadopoulos papas georgiou nikolaou konstantinou dimitriou ioannou christodoulou "
        "vlahos karagiannis pappas economou alexiou antoniou athanasiou kyriakou manolis "
        "stavrou theodorou vasilakis mavros galanis lambrou panagiotou",
    ),
    "vietnamese": (
        0.06,
        "minh duc tuan huy khanh long nam quang thanh trung hung dung hai son phong vinh binh hoang "
        "thang cuong hieu tai tien",
        "linh lan mai hoa thu trang ngoc huong anh phuong thao hanh yen nhung van thuy hang diep "
        "my vy kim tam",
        "nguyen tran le pham huynh hoang phan vu vo dang bui do ho ngo duong ly truong dinh lam "
        "luong trinh mai cao ha doan ta",
    ),
    "chinese": (
        0.08,
        "wei jun hao jie ming lei jian yang tao bo kai feng qiang peng xin yong bin zhi chao gang "
        "yi hong kevin jason andy",
        "mei li xiu ying jing yan ling fang na xia lan yu hui qing min juan xue ting yue jia xiao "
        "wen grace amy",
        "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng "
        "liang xie tang song han feng deng cao peng wong chan cheung ng tan lim",
    ),
    "indian": (
        0.08,
        "arjun rahul amit raj vikram sanjay rohit anil sunil ravi arun vijay ajay deepak manoj "
        "suresh rajesh karan aditya harpreet gurpreet mandeep jaspreet sandeep ankit",
        "priya anjali pooja neha sunita kavita deepa anita rekha divya shreya aishwarya lakshmi "
        "meena nisha asha rani simran harjeet manpreet sonia ritu swati kiran",
        "singh patel kumar sharma shah gupta kaur reddy iyer nair rao mehta joshi desai verma "
        "agarwal chopra malhotra kapoor bhatia chauhan pillai menon das sandhu gill dhillon",
    ),
    "arabic": (
        0.05,
        "mohammed ahmed ali omar hassan hussein khaled ibrahim youssef mahmoud mustafa karim tariq "
        "samir nabil walid fadi bilal jamal rami ziad adam",
        "fatima aisha mariam zainab layla nour sara huda rania yasmin amira leila hanan dina "
        "salma noor lina rana maya mona",
        "khoury haddad hassan ali ahmed saleh nasser mansour hamdan darwish khalil ibrahim "
        "abboud habib jaber nassar farah sabbagh aziz rahman elmasri",
    ),
    "european": (
        0.06,
        "hans peter jan stefan tomasz piotr marek andrzej lukas jakob dirk pieter ivan luka marko "
        "dragan milan goran josip zoran",
        "anna eva katarzyna agnieszka ingrid greta hanna marta ivana ana jelena maja petra "
        "monika sanja vesna elke",
        "muller schmidt schneider fischer weber meyer wagner becker vandenberg dejong jansen "
        "bakker nowak kowalski wisniewski kowalczyk horvat kovacevic babic petrovic jovanovic "
        "novak kovac",
    ),
}


def _words(text: str) -> list[str]:
    """Split a list; an underscore joins a two-word value ("castle_hill")."""
    return [word.replace("_", " ") for word in text.split()]


NAMES: dict[str, dict[str, list[str]]] = {
    culture: {"m": _words(male), "f": _words(female), "s": _words(surnames)}
    for culture, (_share, male, female, surnames) in CULTURES.items()
}
STREETS = _words(
    "tullaroop giblin goldfinch maltby ramsay dumas blacket banksia wattle acacia waratah bottlebrush "
    "boronia kurrajong jacaranda grevillea melaleuca hakea casuarina messmate ironbark stringybark "
    "yarra murray darling hume lachlan macquarie hawkesbury nepean snowy barwon goulburn loddon "
    "campaspe avoca wimmera glenelg fitzroy burdekin mitchell herbert flinders gilbert diamantina "
    "victoria albert queen king george william elizabeth charlotte princes regent station church "
    "high main park railway bridge river hill mountain beach ocean bay harbour marine esplanade "
    "chapel mill market school college hospital oxford cambridge windsor richmond kensington "
    "chelsea brighton hampton sandringham balmoral stirling wellington nelson cook phillip hunter "
    "bligh darling brisbane hindmarsh gawler light sturt stuart eyre forrest leichhardt kennedy "
    "burke wills hovell oxley sturdee monash chauvel bean lawson paterson gilmore wright mackellar "
    "kendall gordon boake clarke furphy franklin davey hobart lonsdale latrobe bourke collins swanston"
)
STREET_TYPES = {  # the form an original uses -> how it may also be written
    "street": "st",
    "road": "rd",
    "avenue": "ave",
    "crescent": "cres",
    "place": "pl",
    "court": "ct",
    "drive": "dr",
    "close": "cl",
    "parade": "pde",
    "circuit": "cct",
    "terrace": "tce",
    "lane": "ln",
    "way": "way",
    "highway": "hwy",
}
STREET_TYPE_WEIGHTS = (30, 18, 10, 7, 7, 7, 6, 3, 3, 3, 2, 2, 1, 1)
BUILDINGS = _words(
    "willaroo killarney kooltuo coaling mirani eureka rosedale glenrowan woodlands the_pines "
    "wattle_grove harbour_view bellevue fairview kingsford_lodge sunnyside riverview ashgrove "
    "the_oaks highfield greenslopes bayview parkside tallowwood lyndhurst"
)

# state: (share of households, lowest postcode, highest postcode, suburbs)
STATES: dict[str, tuple[float, int, int, str]] = {
    "nsw": (
        0.32,
        2000,
        2599,
        "parramatta blacktown penrith liverpool campbelltown hornsby chatswood bondi manly cronulla "
        "newtown marrickville ashfield burwood strathfield auburn bankstown hurstville kogarah "
        "randwick coogee mosman ryde epping castle_hill baulkham_hills gosford wyong newcastle "
        "maitland cessnock wollongong kiama nowra dubbo orange bathurst tamworth armidale wagga_wagga "
        "albury lismore coffs_harbour port_macquarie",
    ),
    "vic": (
        0.26,
        3000,
        3999,
        "carlton fitzroy richmond collingwood brunswick coburg preston reservoir footscray sunshine "
        "st_albans werribee point_cook frankston dandenong springvale clayton oakleigh box_hill "
        "doncaster ringwood croydon bayswater glen_waverley mount_waverley camberwell hawthorn kew "
        "st_kilda brighton sandringham cheltenham mentone geelong ballarat bendigo shepparton "
        "mildura warrnambool traralgon coolaroo canterbury bittern",
    ),
    "qld": (
        0.20,
        4000,
        4899,
        "fortitude_valley new_farm paddington toowong indooroopilly chermside aspley sunnybank "
        "logan ipswich redcliffe caboolture southport surfers_paradise robina nerang coolangatta "
        "toowoomba maroochydore caloundra noosa bundaberg gladstone rockhampton mackay townsville "
        "garbutt cairns mount_isa hervey_bay",
    ),
    "wa": (
        0.10,
        6000,
        6799,
        "fremantle subiaco joondalup midland armadale rockingham mandurah cannington morley "
        "scarborough cottesloe bunbury busselton albany geraldton kalgoorlie broome",
    ),
    "sa": (
        0.07,
        5000,
        5799,
        "glenelg norwood unley prospect salisbury elizabeth modbury marion noarlunga port_adelaide "
        "mount_gambier whyalla port_augusta murray_bridge",
    ),
    "tas": (0.02, 7000, 7470, "sandy_bay battery_point glenorchy kingston launceston devonport burnie"),
    "act": (0.02, 2600, 2620, "belconnen woden tuggeranong gungahlin braddon kingston turner"),
    "nt": (0.01, 800, 899, "darwin casuarina palmerston nightcliff alice_springs katherine"),
}

# Nicknames and short forms: formal -> the forms people register under.
NICKNAMES: dict[str, list[str]] = {
    "robert": ["bob", "rob", "bobby", "robbie"],
    "william": ["bill", "will", "billy", "liam"],
    "elizabeth": ["liz", "beth", "lizzie", "betty", "eliza"],
    "alexander": ["alex", "xander", "sandy"],
    "alexandra": ["alex", "sandra", "lexi"],
    "james": ["jim", "jimmy", "jamie"],
    "john": ["johnny", "jack"],
    "michael": ["mike", "mick", "mikey"],
    "christopher": ["chris", "kit"],
    "christine": ["chris", "chrissy", "tina"],
    "christina": ["chris", "tina"],
    "matthew": ["matt", "matty"],
    "andrew": ["andy", "drew"],
    "anthony": ["tony", "ant"],
    "thomas": ["tom", "tommy"],
    "daniel": ["dan", "danny"],
    "benjamin": ["ben", "benny"],
    "samuel": ["sam", "sammy"],
    "joshua": ["josh"],
    "nicholas": ["nick", "nicky"],
    "jonathan": ["jon", "jonny"],
    "timothy": ["tim", "timmy"],
    "richard": ["rick", "richie", "dick"],
    "edward": ["ed", "eddie", "ted"],
    "joseph": ["joe", "joey"],
    "patrick": ["pat", "paddy"],
    "stephen": ["steve"],
    "steven": ["steve"],
    "peter": ["pete"],
    "david": ["dave", "davo"],
    "gregory": ["greg"],
    "kenneth": ["ken", "kenny"],
    "raymond": ["ray"],
    "zachary": ["zac", "zach"],
    "frederick": ["fred", "freddie"],
    "harrison": ["harry"],
    "lachlan": ["lachie"],
    "katherine": ["kate", "kathy", "katie", "kat"],
    "catherine": ["cathy", "cate", "kate"],
    "margaret": ["maggie", "peggy", "meg", "marg"],
    "jennifer": ["jen", "jenny"],
    "jessica": ["jess", "jessie"],
    "rebecca": ["becky", "bec"],
    "samantha": ["sam", "sammy"],
    "stephanie": ["steph"],
    "victoria": ["vicky", "tori"],
    "kimberley": ["kim"],
    "natalie": ["nat"],
    "isabella": ["bella", "izzy"],
    "isabelle": ["izzy", "belle"],
    "abigail": ["abby"],
    "patricia": ["pat", "trish", "patty"],
    "deborah": ["deb", "debbie"],
    "jacqueline": ["jackie"],
    "penelope": ["penny"],
    "charlotte": ["charlie", "lottie"],
    "danielle": ["dani"],
    "giuseppe": ["joe", "pino"],
    "giovanni": ["john", "gianni"],
    "francesco": ["frank"],
    "salvatore": ["sam", "salvo"],
    "konstantinos": ["kostas", "con", "dean"],
    "dimitrios": ["jim", "dimitri"],
    "ioannis": ["john", "yiannis"],
    "panagiotis": ["peter", "takis"],
    "mohammed": ["mo"],
    "ibrahim": ["abe"],
    "rajesh": ["raj"],
    "aishwarya": ["ash"],
}
_REVERSE: dict[str, list[str]] = {}
for _formal, _shorts in NICKNAMES.items():
    for _short in _shorts:
        _REVERSE.setdefault(_short, []).append(_formal)


def nickname_of(given: str, rng: random.Random) -> str | None:
    """A short form of a formal name, or the formal name of a short form."""
    options = NICKNAMES.get(given) or _REVERSE.get(given)
    return rng.choice(options) if options else None


# Spellings of one name that sound alike (given names and surnames).
PHONETIC_GROUPS = [
    g.split()
    for g in (
        "catherine katherine kathryn",
        "steven stephen stefan",
        "philip phillip",
        "mohammed muhammad mohamed mohammad",
        "ahmed ahmad",
        "hussein husein hussain",
        "youssef yousef yusuf",
        "nguyen ngyuen nguyenn",
        "jon john",
        "sara sarah",
        "geoffrey jeffrey",
        "brian bryan",
        "sean shaun shawn",
        "zoe zoey",
        "thompson thomson tomson",
        "smith smyth",
        "mcdonald macdonald",
        "mckenzie mackenzie",
        "reid reed read",
        "anderson andersen",
        "nicholas nicolas nikolas",
        "michael micheal",
        "matthew mathew",
        "jayden jaden jaydon",
        "aidan aiden",
        "isabel isobel",
        "rachel rachael",
        "leanne leann",
        "kerry kerrie",
        "tracey tracy",
        "kylie kyly",
        "chloe chloey",
        "layla laila leila",
        "fatima fatimah",
        "lee li",
        "wong wang",
        "kaur kour",
        "iyer ayer",
        "clarke clark",
        "allen allan",
    )
]
PHONETIC: dict[str, list[str]] = {}
for _group in PHONETIC_GROUPS:
    for _name in _group:
        PHONETIC[_name] = [n for n in _group if n != _name]

# Given names a parent picks for children born together or close together (by sex; "x" = boy and girl).
SIMILAR = {
    "m": [
        g.split()
        for g in (
            "jayden jordan jaden",
            "ethan evan",
            "aiden aidan adam",
            "lucas luca luke",
            "liam lian",
            "max matt",
            "leo theo",
            "connor conor",
            "jack zack",
            "mason jason",
            "harry harvey",
            "ryan bryan",
            "dylan dillon",
            "mark marc",
            "minh manh",
            "arjun arun",
            "omar amir",
            "marco mario",
            "hao hai",
            "nathan nathaniel",
        )
    ],
    "f": [
        g.split()
        for g in (
            "emma emily emilia",
            "mia maya mya",
            "isabella isabelle isabel",
            "ava eva",
            "chloe zoe",
            "sophie sophia",
            "hannah anna",
            "ella ellie",
            "lily lila",
            "grace gracie",
            "olivia olive",
            "amelia amelie",
            "madison madeline",
            "linh lan",
            "priya piya",
            "layla leila",
            "maria marie",
            "sara sarah",
        )
    ],
    "x": [
        g.split()
        for g in (
            "oliver olivia",
            "daniel danielle",
            "christian christina",
            "julian juliana",
            "alex alexa",
            "george georgia",
            "louis louise",
            "max maxine",
            "paul paula",
            "eric erica",
        )
    ],
}


def zipf(n: int, s: float, offset: float = 2.0) -> list[float]:
    """Cumulative Zipf-like weights for a list of n names in order of frequency."""
    return list(accumulate(1.0 / (rank + offset) ** s for rank in range(1, n + 1)))


class Sampler:
    """Picks from a frequency-ordered list with Zipf-like weights."""

    def __init__(self, items: list[str], s: float) -> None:
        self.items = items
        self.cum = zipf(len(items), s)

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]
