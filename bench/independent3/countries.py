"""Countries: weight, numbering plan, naming cultures, mail providers, places, habits."""

from __future__ import annotations

from dataclasses import dataclass

from .textutil import Weighted


@dataclass
class Country:
    code: str
    weight: float  # relative share of households (a flattened online population)
    tz: int  # UTC offset of most of the population, whole hours
    cc: str  # calling code
    trunk: str  # national trunk prefix, "" if none
    mobile: tuple[str, ...]  # first digits of mobile national significant numbers
    nsn: int  # length of a mobile national significant number
    land: tuple[str, ...]
    land_nsn: int
    groups: tuple[int, ...]  # national grouping of a mobile NSN
    cultures: Weighted
    mail: Weighted
    cities: tuple[tuple[str, str, str], ...]  # (city, region, postcode pattern: # digit, A letter)
    addr: str  # address style
    ios: float  # share of iPhones
    v6: float  # share of home lines with IPv6
    cgnat: float  # share of home lines behind carrier-grade NAT
    cafe: bool  # internet cafes in common use
    phone_first: bool  # sign-up by phone number more common than by e-mail
    migrant_share: float = 0.0


GLOBAL_MAIL = (("gmail.com", 60), ("yahoo.com", 9), ("hotmail.com", 9), ("outlook.com", 6), ("icloud.com", 5))


def _w(spec: str) -> Weighted:
    pairs = []
    for tok in spec.split():
        k, v = tok.rsplit(":", 1)
        pairs.append((k, float(v)))
    return Weighted(pairs)


def _mail(extra: str, ios: float) -> Weighted:
    pairs = [(d, float(w)) for d, w in GLOBAL_MAIL]
    pairs = [(d, w * (1 + 3 * ios) if d == "icloud.com" else w) for d, w in pairs]
    for tok in extra.split():
        k, v = tok.rsplit(":", 1)
        pairs.append((k, float(v)))
    return Weighted(pairs)


def _cities(spec: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for item in spec.split(";"):
        item = item.strip()
        if item:
            city, region, pc = (x.strip() for x in item.split("|"))
            out.append((city, region, pc))
    return tuple(out)


# code weight tz cc trunk | mobile prefixes | nsn | land prefixes | land nsn | groups | cultures |
# extra mail | cities | addr | ios v6 cgnat cafe phone_first migrant_share
_RAW = """
US 10 -6 1 - |201 212 213 214 305 310 312 347 404 415 469 512 602 617 646 702 713 718 773 786 818 832 917
 929|10|
 201 212 213 312 404 415 512 617 713 718|10|3,3,4|anglo:66 hispanic:17 chinese:2.5 hindi:2 tamil:1
 filipino:2
 korean:1 vietnamese:1.5 nigerian:1 arabic:1 russian:1 italian:1 hebrew:0.5 polish:0.5|aol.com:4
 comcast.net:2
 att.net:1.5 sbcglobal.net:1 verizon.net:1 msn.com:1 live.com:1|New York|NY|100##;Los Angeles|CA|900##;
 Chicago|IL|606##;Houston|TX|770##;Phoenix|AZ|850##;Miami|FL|331##;Atlanta|GA|303##;Seattle|WA|981##;
 Columbus|OH|432##;Denver|CO|802##|us|0.55 0.55 0.04 0 0 0.14
CA 1.5 -5 1 - |416 647 437 604 778 514 438 403 587 613 780 902|10|416 604 514 403 613|10|3,3,4|anglo:58
 french:20 chinese:6 hindi:3 tamil:1 urdu:2 filipino:3 arabic:2 italian:2 ukrainian:1 portuguese:1
 korean:1|
 yahoo.ca:3 rogers.com:2 shaw.ca:2 sympatico.ca:1.5 videotron.ca:1 live.ca:1|Toronto|ON|M#A
 #A#;Montréal|QC|H#A #A#;
 Vancouver|BC|V#A #A#;Calgary|AB|T#A #A#;Ottawa|ON|K#A #A#|ca|0.55 0.35 0.03 0 0 0.2
MX 3 -6 52 - |155 156 331 332 811 812 222 442 664 998|10|55 33 81|10|2,4,4|hispanic:99 anglo:1|
 hotmail.com:20 outlook.es:4 yahoo.com.mx:5 live.com.mx:2 prodigy.net.mx:1|Ciudad de México|CDMX|0####;
 Guadalajara|JAL|44###;Monterrey|NL|64###;Puebla|PUE|72###;Tijuana|BC|22###|mx|0.2 0.5 0.2 0 1 0
BR 5 -3 55 0 |119 219 319 419 519 619 719 819 859 489|11|11 21 31 41 51|10|2,5,4|portuguese:93 italian:2
 japanese:1.5 german:1.5 arabic:1 hispanic:1|hotmail.com:18 bol.com.br:3 uol.com.br:3 yahoo.com.br:5
 outlook.com:4|São Paulo|SP|0####-###;Rio de Janeiro|RJ|2####-###;Belo Horizonte|MG|3####-###;
 Curitiba|PR|8####-###;Porto Alegre|RS|9####-###;Salvador|BA|4####-###;Fortaleza|CE|6####-###|br|
 0.15 0.4 0.15 0 1 0
AR 1.2 -3 54 0 |11 351 341 261|10|11 351 341|10|2,4,4|hispanic:85 italian:10 arabic:2 german:1
 portuguese:1 hebrew:1|hotmail.com:20 yahoo.com.ar:6 fibertel.com.ar:1 outlook.com:3|Buenos
 Aires|CABA|C1###AAA;
 Córdoba|Córdoba|X5000;Rosario|Santa Fe|S2000;Mendoza|Mendoza|M5500;La Plata|Buenos Aires|B1900|latam|
 0.18 0.1 0.12 0 1 0
CO 1.2 -5 57 - |300 301 310 311 312 313 315 316 317 320 321 350|10|601 604 602|10|3,3,4|hispanic:98
 arabic:1
 anglo:1|hotmail.com:20 yahoo.es:3
 outlook.com:4|Bogotá|D.C.|1100##;Medellín|Antioquia|0500##;Cali|Valle|7600##;
 Barranquilla|Atlántico|0800##|latam|0.15 0.15 0.2 1 1 0.05
CL 0.6 -4 56 - |9|9|2 32 41|9|1,4,4|hispanic:93 german:2 arabic:2 italian:1 croatian:1|hotmail.com:15
 gmail.com:10 live.cl:2|Santiago|RM|#######;Valparaíso|Valparaíso|#######;Concepción|Biobío|#######|latam|
 0.25 0.3 0.1 0 1 0.07
PE 0.7 -5 51 - |9|9|1|8|3,3,3|hispanic:96 chinese:2 japanese:2|hotmail.com:20 yahoo.es:3|Lima|Lima|150##;
 Arequipa|Arequipa|040##;Trujillo|La Libertad|130##|latam|0.1 0.25 0.3 1 1 0.04
VE 0.6 -4 58 0 |412 414 416 424 426|10|212 241 261|10|3,3,4|hispanic:90 italian:5 portuguese:3 arabic:2|
 hotmail.com:25 cantv.net:2|Caracas|Distrito
 Capital|10##;Maracaibo|Zulia|40##;Valencia|Carabobo|20##|latam|
 0.1 0.05 0.3 1 1 0
EC 0.4 -5 593 0 |99 98 96 95|9|2 4|8|2,3,4|hispanic:99 anglo:1|hotmail.com:20
 yahoo.es:3|Quito|Pichincha|17####;
 Guayaquil|Guayas|09####;Cuenca|Azuay|01####|latam|0.1 0.1 0.3 1 1 0
DO 0.3 -4 1 - |809 829 849|10|809|10|3,3,4|hispanic:98 anglo:2|hotmail.com:22 claro.net.do:1|Santo
 Domingo|DN|10###;
 Santiago de los Caballeros|Santiago|51###|latam|0.2 0.1 0.3 1 1 0
GB 2.5 0 44 0 |7400 7500 7700 7800 7900 7411 7507 7723 7841 7956|10|20 121 161 113 131 117 141 151|10|4,6|
 anglo:80 hindi:3.5 tamil:1 urdu:4 bengali:1 polish:2 nigerian:2 akan:0.5 arabic:1 chinese:1 romanian:1
 italian:0.5 french:0.5 greek:0.5 turkish:0.5|hotmail.co.uk:8 yahoo.co.uk:5 btinternet.com:3 sky.com:2
 live.co.uk:2 googlemail.com:1|London|England|AA# #AA;Manchester|England|M## #AA;Birmingham|England|B##
 #AA;
 Leeds|England|LS# #AA;Glasgow|Scotland|G## #AA;Bristol|England|BS# #AA;Cardiff|Wales|CF## #AA;
 Belfast|Northern Ireland|BT# #AA|gb|0.5 0.4 0.03 0 0 0.14
IE 0.35 0 353 0 |83 85 86 87 89|9|1 21 61 91|9|2,3,4|anglo:92 polish:3 lithuanian:1 nigerian:1 hindi:1
 portuguese:1 chinese:1|eircom.net:3 hotmail.com:10 yahoo.ie:2|Dublin|Co. Dublin|D## A#A#;Cork|Co.
 Cork|T## A#A#;
 Galway|Co. Galway|H## A#A#;Limerick|Co. Limerick|V## A#A#|ie|0.5 0.2 0.03 0 0 0.15
FR 2 1 33 0 |6 7|9|1 2 3 4 5|9|1,2,2,2,2|french:82 maghrebi:10 portuguese:2 hispanic:1 italian:1 turkish:1
 vietnamese:1 chinese:0.5|orange.fr:10 free.fr:6 laposte.net:4 sfr.fr:3 hotmail.fr:8 wanadoo.fr:2
 yahoo.fr:4|
 Paris|Île-de-France|750##;Marseille|PACA|130##;Lyon|Auvergne-Rhône-Alpes|6900#;Toulouse|Occitanie|310##;
 Lille|Hauts-de-France|590##;Nantes|Pays de la Loire|440##;Strasbourg|Grand Est|670##|fr|0.35 0.75 0.02 0
 0 0.12
DE 2.5 1 49 0 |151 152 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179|11|30 40 69 89 221
 211|10|
 3,8|german:82 turkish:6 polish:2 russian:2 italian:1 greek:1 arabic:2 croatian:1 serbian:1 romanian:1
 ukrainian:1|web.de:16 gmx.de:14 gmx.net:6 t-online.de:8 freenet.de:2 posteo.de:1|Berlin|Berlin|1####;
 Hamburg|Hamburg|2####;München|Bayern|8####;Köln|NRW|5####;Frankfurt am Main|Hessen|6####;
 Stuttgart|BW|7####;Leipzig|Sachsen|04###;Dortmund|NRW|44###|de|0.35 0.65 0.05 0 0 0.15
NL 0.8 1 31 0 |6|9|20 10 70 30|9|1,8|dutch:86 turkish:3 maghrebi:3 indonesian:1 german:1 polish:1 hindi:1
 chinese:1 arabic:1|ziggo.nl:6 kpnmail.nl:4 hotmail.nl:5 live.nl:4 planet.nl:2
 home.nl:1|Amsterdam|NH|10## AA;
 Rotterdam|ZH|30## AA;Den Haag|ZH|25## AA;Utrecht|UT|35## AA;Eindhoven|NB|56## AA|de|0.45 0.35 0.02 0 0
 0.12
BE 0.45 1 32 0 |470 471 472 473 474 475 476 477 478 479 484 485 486 487 488 489 490 491 492 493 494 495
 496 497
 498 499|9|2 3 9|8|3,2,2,2|dutch:50 french:38 maghrebi:6 turkish:2 italian:2 polish:1
 arabic:1|telenet.be:8
 skynet.be:5 hotmail.be:4
 proximus.be:2|Brussel|Brussels|1000;Antwerpen|Antwerpen|2000;Gent|Oost-Vlaanderen|9000;
 Liège|Liège|4000;Charleroi|Hainaut|6000|de|0.4 0.65 0.02 0 0 0.15
ES 1.6 1 34 - |6 7|9|91 93 95 96|9|3,3,3|hispanic:88 romanian:3 maghrebi:3 anglo:1 chinese:1 portuguese:1
 italian:1 urdu:1 french:1|hotmail.es:10 yahoo.es:5 telefonica.net:2 outlook.es:4|Madrid|Madrid|280##;
 Barcelona|Barcelona|080##;Valencia|Valencia|460##;Sevilla|Sevilla|410##;Zaragoza|Zaragoza|500##;
 Málaga|Málaga|290##;Bilbao|Bizkaia|480##|es|0.35 0.12 0.03 0 0 0.12
PT 0.45 0 351 - |91 92 93 96|9|21 22|9|3,3,3|portuguese:95 ukrainian:1 romanian:1 hindi:1 chinese:1
 hispanic:1|sapo.pt:5 hotmail.com:12 netcabo.pt:2 clix.pt:1|Lisboa|Lisboa|1###-###;Porto|Porto|4###-###;
 Braga|Braga|47##-###;Coimbra|Coimbra|30##-###|pt|0.3 0.45 0.03 0 0 0.07
IT 1.8 1 39 - |320 327 328 329 330 333 335 338 339 340 342 345 346 347 348 349 351 366 388 393|10|
 06 02 011 081 055|10|3,3,4|italian:90 romanian:3 maghrebi:2 arabic:1 chinese:1 hispanic:1 bengali:1
 polish:0.5 ukrainian:0.5|libero.it:10 virgilio.it:4 hotmail.it:6 alice.it:3 tiscali.it:2 yahoo.it:4|
 Roma|RM|001##;Milano|MI|201##;Napoli|NA|801##;Torino|TO|101##;Palermo|PA|901##;Bologna|BO|401##;
 Firenze|FI|501##|it|0.35 0.12 0.03 0 0 0.09
CH 0.45 1 41 0 |75 76 77 78 79|9|44 22 31 61|9|2,3,2,2|german:60 french:20 italian:10 portuguese:2
 serbian:2 croatian:2 turkish:2 hispanic:1|bluewin.ch:10 gmx.ch:5 hispeed.ch:2
 sunrise.ch:1|Zürich|ZH|80##;
 Genève|GE|12##;Basel|BS|40##;Bern|BE|30##;Lausanne|VD|10##|de|0.55 0.45 0.02 0 0 0.25
AT 0.45 1 43 0 |650 660 664 676 680 681 688 699|10|1 316 512 662 732|10|3,7|german:88 turkish:3 serbian:3
 croatian:2 romanian:1 hungarian:1 polish:1 arabic:1|gmx.at:12 aon.at:5 chello.at:2
 a1.net:1|Wien|Wien|1###;
 Graz|Steiermark|80##;Linz|OÖ|40##;Salzburg|Salzburg|50##;Innsbruck|Tirol|60##|de|0.4 0.3 0.03 0 0 0.18
PL 1.2 1 48 - |50 51 53 57 60 66 69 72 73 78 79 88|9|22 12 61 71 58|9|3,3,3|polish:98 ukrainian:2|wp.pl:14
 o2.pl:10 onet.pl:10 interia.pl:8 op.pl:3
 gazeta.pl:2|Warszawa|mazowieckie|0#-###;Kraków|małopolskie|3#-###;
 Łódź|łódzkie|9#-###;Wrocław|dolnośląskie|5#-###;Poznań|wielkopolskie|6#-###;Gdańsk|pomorskie|8#-###|pl|
 0.25 0.25 0.05 0 0 0.05
CZ 0.45 1 420 - |601 602 603 604 605 606 607 608 702 720 721 723 724 731 732 733 734 736 737 739 776 777
 |9|
 2 5|9|3,3,3|czech:95 ukrainian:2 vietnamese:2 russian:1|seznam.cz:28 email.cz:8 centrum.cz:6 post.cz:2|
 Praha|Praha|1## ##;Brno|Jihomoravský|6## ##;Ostrava|Moravskoslezský|7## ##;Plzeň|Plzeňský|3## ##|cz|
 0.25 0.35 0.05 0 0 0.05
SK 0.2 1 421 0 |901 902 903 904 905 906 907 908 910 911 914 915 916 917 918 940 944 948
 949|9|2|9|3,3,3|czech:90
 hungarian:10|azet.sk:12 centrum.sk:5 zoznam.sk:3 post.sk:2|Bratislava|BA|8## ##;Košice|KE|0##
 ##;Žilina|ZA|010 ##|
 cz|0.25 0.3 0.05 0 0 0
HU 0.45 1 36 06 |20 30 31 70|9|1|8|2,3,4|hungarian:97 romanian:1 german:1 chinese:1|freemail.hu:12
 citromail.hu:4 t-online.hu:2
 indamail.hu:2|Budapest|Budapest|1###;Debrecen|Hajdú-Bihar|40##;Szeged|Csongrád|67##;
 Pécs|Baranya|76##|hu|0.25 0.4 0.05 0 0 0
RO 0.7 2 40 0 |72 73 74 75 76 77 78|9|21 264 232 256|9|3,3,3|romanian:95 hungarian:5|yahoo.com:20
 yahoo.ro:5
 hotmail.com:5|București|Sector 3|03####;Cluj-Napoca|Cluj|400###;Iași|Iași|700###;Timișoara|Timiș|300###;
 Constanța|Constanța|900###|ro|0.2 0.2 0.05 0 0 0
BG 0.3 2 359 0 |87 88 89 98|9|2 52 32|8|2,3,4|bulgarian:90 turkish:10|abv.bg:28 mail.bg:8 dir.bg:3|
 София|София|1###;Пловдив|Пловдив|4###;Варна|Варна|9###;Бургас|Бургас|8###|bg|0.2 0.2 0.05 0 0 0
GR 0.5 2 30 - |690 693 694 695 697 698 699|10|210 2310|10|3,3,4|greek:95 bulgarian:1 romanian:1 anglo:1
 arabic:2|yahoo.gr:6 hotmail.com:12 otenet.gr:3 windowslive.com:1|Αθήνα|Αττική|1##
 ##;Θεσσαλονίκη|Κεντρική Μακεδονία|5## ##;
 Πάτρα|Δυτική Ελλάδα|26# ##;Ηράκλειο|Κρήτη|71# ##|gr|0.25 0.6 0.05 0 0 0
SE 0.55 1 46 0 |70 72 73 76 79|9|8 31 40|9|2,3,2,2|nordic:84 finnish:3 arabic:4 persian:2 croatian:1
 polish:1
 turkish:1 hispanic:1 serbian:1|telia.com:5 hotmail.se:6 live.se:4 spray.se:1
 bredband.net:1|Stockholm|Stockholm|1## ##;
 Göteborg|Västra Götaland|4## ##;Malmö|Skåne|2## ##;Uppsala|Uppsala|75# ##|de|0.55 0.15 0.02 0 0 0.18
NO 0.35 1 47 - |4 9|8|2 5 7|8|3,2,3|nordic:90 polish:3 urdu:2 arabic:2 lithuanian:1 persian:1|online.no:6
 hotmail.no:5 live.no:3 broadpark.no:1|Oslo|Oslo|0###;Bergen|Vestland|5###;Trondheim|Trøndelag|7###;
 Stavanger|Rogaland|4###|de|0.6 0.3 0.02 0 0 0.15
DK 0.35 1 45 - |20 21 22 23 24 25 26 27 28 29 30 31 40 41 42 50 51 52 53 60 61|8|3 4 6
 8|8|2,2,2,2|nordic:90
 turkish:2 arabic:2 polish:2 german:2 urdu:1 persian:1|hotmail.dk:6 live.dk:4 jubii.dk:2 mail.dk:2
 yahoo.dk:2|
 København|Hovedstaden|1###;Aarhus|Midtjylland|8000;Odense|Syddanmark|5000;Aalborg|Nordjylland|9000|de|
 0.6 0.3 0.02 0 0 0.1
FI 0.35 2 358 0 |40 41 44 45 50|9|9 2 3|8|2,3,4|finnish:92 nordic:5 russian:2 arabic:1|luukku.com:4
 hotmail.fi:5
 suomi24.fi:2
 pp.inet.fi:2|Helsinki|Uusimaa|00###;Espoo|Uusimaa|02###;Tampere|Pirkanmaa|33###;Oulu|Pohjois-Pohjanmaa|90###;
 Turku|Varsinais-Suomi|20###|de|0.4 0.35 0.02 0 0 0.05
UA 1.2 2 380 0 |50 63 66 67 68 73 93 95 96 97 98 99|9|44 32 56 48|9|2,3,2,2|ukrainian:80
 russian:20|ukr.net:28
 i.ua:6 meta.ua:2
 mail.ru:3|Київ|Київ|0####;Харків|Харківська|61###;Одеса|Одеська|65###;Дніпро|Дніпропетровська|49###;
 Львів|Львівська|79###|ru|0.15 0.1 0.1 0 0 0
RU 3 3 7 8 |900 901 903 905 906 909 910 912 915 916 917 919 921 925 926 929 950 960 965 977 985
 999|10|495 499 812 343 383|
 10|3,3,2,2|russian:92 ukrainian:2 kazakh:1 uzbek:2|mail.ru:26 yandex.ru:22 bk.ru:4 list.ru:4 inbox.ru:3
 rambler.ru:3
 ya.ru:2|Москва|Москва|1#####;Санкт-Петербург|Санкт-Петербург|19####;Новосибирск|Новосибирская
 обл.|630###;
 Екатеринбург|Свердловская обл.|620###;Казань|Татарстан|420###;Нижний Новгород|Нижегородская
 обл.|603###|ru|
 0.3 0.08 0.15 0 0 0.05
BY 0.3 3 375 80 |25 29 33 44|9|17|9|2,3,2,2|russian:90 polish:5 ukrainian:5|tut.by:10 mail.ru:15
 yandex.by:6|
 Минск|Минск|220###;Гомель|Гомельская|246###;Брест|Брестская|224###|ru|0.25 0.05 0.1 0 0 0
RS 0.3 1 381 0 |60 61 62 63 64 65 66 69|9|11 21|9|2,3,4|serbian:90 hungarian:4 croatian:3 bulgarian:1|
 yahoo.com:15 hotmail.rs:2 eunet.rs:2|Београд|Београд|11###;Нови
 Сад|Војводина|21###;Ниш|Нишавски|18###|rs|
 0.2 0.1 0.05 0 0 0
HR 0.25 1 385 0 |91 92 95 97 98 99|9|1 21 51|8|2,3,4|croatian:93 serbian:5 italian:2|net.hr:5
 hotmail.com:10
 t-com.hr:3|Zagreb|Grad Zagreb|10###;Split|Splitsko-dalmatinska|21###;Rijeka|Primorsko-goranska|51###|hr|
 0.25 0.1 0.03 0 0 0
LT 0.2 2 370 8 |60 61 62 64 65 67 68 69|8|5 37|8|3,5|lithuanian:88 russian:7 polish:5|one.lt:4 inbox.lt:6
 takas.lt:2|Vilnius|Vilniaus apskr.|LT-0####;Kaunas|Kauno apskr.|LT-4####;Klaipėda|Klaipėdos
 apskr.|LT-9####|
 lt|0.3 0.1 0.03 0 0 0
TR 2 3 90 0 |530 532 533 535 536 537 538 539 541 542 543 544 545 546 505 506 507 551 552 553 554 555|10|
 212 216 312 232|10|3,3,2,2|turkish:96 arabic:3 persian:1|hotmail.com:22 yandex.com:3 mynet.com:2
 outlook.com:4|
 İstanbul|İstanbul|34###;Ankara|Ankara|06###;İzmir|İzmir|35###;Bursa|Bursa|16###;Antalya|Antalya|07###|tr|
 0.2 0.05 0.05 1 0 0.03
IL 0.45 2 972 0 |50 52 53 54 55 58|9|2 3 4 8 9|8|2,3,4|hebrew:76 arabic:20 russian:4|walla.co.il:6
 bezeqint.net:3 012.net.il:2|תל אביב|Tel Aviv|6######;ירושלים|Jerusalem|9######;חיפה|Haifa|3######|il|
 0.3 0.25 0.03 0 0 0.1
SA 1 3 966 0 |50 53 54 55 56 58 59|9|11 12 13|8|2,3,4|arabic:82 urdu:5 hindi:3 tamil:1 bengali:3
 filipino:3
 ethiopian:1 east_african:1|hotmail.com:20
 outlook.sa:2|الرياض|Riyadh|1####;جدة|Makkah|2####;الدمام|Eastern Province|3####;
 مكة|Makkah|2####|ar|0.45 0.55 0.1 0 1 0.3
AE 0.7 4 971 0 |50 52 54 55 56 58|9|2 4 6|8|2,3,4|arabic:30 hindi:20 tamil:7 urdu:14 bengali:7 filipino:10
 anglo:4 persian:2 chinese:2 nepali:2 sinhala:2|hotmail.com:15 eim.ae:2|Dubai|Dubai|#####;Abu Dhabi|Abu
 Dhabi|#####;
 Sharjah|Sharjah|#####|ar|0.5 0.4 0.1 0 1 0.55
EG 1.5 2 20 0 |100 101 106 109 111 112 114 115 120 122 127 128 150 155|10|2 3|9|3,3,4|arabic:99 anglo:1|
 hotmail.com:20 yahoo.com:15|القاهرة|Cairo|11###;الإسكندرية|Alexandria|21###;الجيزة|Giza|12###|ar|
 0.1 0.05 0.2 1 1 0
MA 0.8 1 212 0 |61 62 63 64 65 66 67 68 70 71 72|9|522 537 524|9|1,2,2,2,2|maghrebi:99 french:1|
 hotmail.com:22 hotmail.fr:8 yahoo.fr:6
 menara.ma:1|Casablanca|Casablanca-Settat|20###;Rabat|Rabat-Salé-Kénitra|10###;
 Marrakech|Marrakech-Safi|40###;Fès|Fès-Meknès|30###;Tanger|Tanger-Tétouan|90###|fr|0.15 0.05 0.15 1 1 0
DZ 0.7 1 213 0 |550 551 552 554 555 560 661 662 665 669 770 771 772 773 774 775 776 777 778 779 790 791
 792 793 796 797 798 799|9|21 31 41|8|3,2,2,2|
 maghrebi:99 french:1|hotmail.com:20 hotmail.fr:10 yahoo.fr:8|Alger|Alger|16###;Oran|Oran|31###;
 Constantine|Constantine|25###;Annaba|Annaba|23###|fr|0.1 0.05 0.25 1 1 0
TN 0.35 1 216 - |20 21 22 23 24 25 26 27 28 29 50 51 52 53 54 55 56 58 90 92 93 94 95 96 97 98 99|8|71 73
 74|8|2,3,3|
 maghrebi:99 french:1|hotmail.fr:15 yahoo.fr:8
 topnet.tn:2|Tunis|Tunis|10##;Sfax|Sfax|30##;Sousse|Sousse|40##|fr|
 0.12 0.05 0.2 1 1 0
NG 2 1 234 0 |703 706 803 806 810 813 814 816 903 906 701 708 802 808 812 902 907 805 807 811 815 905 809
 817 818 909 908|10|
 1 9|8|3,3,4|nigerian:100|yahoo.com:25
 hotmail.com:8|Lagos|Lagos|1#####;Abuja|FCT|9#####;Ibadan|Oyo|2#####;
 Kano|Kano|7#####;Port Harcourt|Rivers|5#####;Enugu|Enugu|4#####|ng|0.15 0.05 0.45 1 1 0
GH 0.45 0 233 0 |20 24 26 27 50 54 55 59|9|30 32|9|2,3,4|akan:95 nigerian:5|yahoo.com:25|Accra|Greater
 Accra|GA-###-####;
 Kumasi|Ashanti|AK-###-####;Tamale|Northern|NT-###-####|ng|0.12 0.05 0.45 1 1 0
KE 0.8 3 254 0 |700 701 702 703 704 705 706 707 708 710 711 712 713 714 715 716 717 718 719 720 721 722
 723 724 725 726 727 728 729 740 741 742 743 745 746 748 757 758 759 768 769 790 791 792 793 794 795 796
 797 798 799 110 111 112 113 114 115|9|
 20 41|9|3,3,3|east_african:96 hindi:2 arabic:2|yahoo.com:20 hotmail.com:6|Nairobi|Nairobi|00###;
 Mombasa|Mombasa|80###;Kisumu|Kisumu|40###;Nakuru|Nakuru|20###|ke|0.1 0.05 0.4 1 1 0.02
ZA 1 2 27 0 |60 61 71 72 73 74 76 78 79 81 82 83 84|9|11 21 31 12|9|2,3,4|nguni:62 afrikaans:16 anglo:12
 tamil:4
 hindi:3 portuguese:1 chinese:1|webmail.co.za:3 telkomsa.net:2 mweb.co.za:3
 vodamail.co.za:1|Johannesburg|Gauteng|2###;
 Cape Town|Western Cape|8###;Durban|KwaZulu-Natal|4###;Pretoria|Gauteng|0###;Soweto|Gauteng|1###|za|
 0.2 0.05 0.3 1 1 0.05
ET 0.35 3 251 0 |91 92 93 94 96 97 98 99|9|11|9|2,3,4|ethiopian:98 arabic:2|yahoo.com:25|አዲስ አበባ|Addis
 Ababa|1000;
 ድሬዳዋ|Dire Dawa|3000;ባሕር ዳር|Amhara|6000|et|0.08 0 0.5 1 1 0
IR 1 3 98 0 |910 911 912 913 914 915 916 917 918 919 901 902 903 905 930 933 935 936 937 938 939 990 991
 992 921 922|10|
 21 31 51|10|3,3,4|persian:98 arabic:2|yahoo.com:30|تهران|Tehran|1#########;مشهد|Razavi
 Khorasan|9#########;
 اصفهان|Isfahan|8#########;شیراز|Fars|7#########|ar|0.08 0.05 0.2 1 1 0
IQ 0.45 3 964 0 |750 751 770 771 772 773 774 780 781 782 790|10|1|9|3,3,4|arabic:95 persian:5|yahoo.com:20
 hotmail.com:15|بغداد|Baghdad|10###;البصرة|Basra|61###;أربيل|Erbil|44###;الموصل|Nineveh|41###|ar|
 0.15 0 0.35 1 1 0
JO 0.3 3 962 0 |77 78 79|9|6 2
 3|8|1,4,4|arabic:100|hotmail.com:22|عمان|Amman|11###;الزرقاء|Zarqa|13###;إربد|Irbid|21###|
 ar|0.3 0.05 0.2 0 1 0.05
LB 0.2 2 961 0 |3 70 71 76 78 79 81|8|1 4 5|7|2,3,3|arabic:100|hotmail.com:22
 idm.net.lb:2|بيروت|Beirut|####;
 طرابلس|North|####;صيدا|South|####|ar|0.35 0.05 0.2 0 1 0
IN 8 5 91 0 |70 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 60 62
 63|10|
 11 22 33 44 80 40 20|10|5,5|hindi:62 tamil:10 bengali:8 urdu:5|yahoo.co.in:8 rediffmail.com:5
 hotmail.com:6|
 Mumbai|Maharashtra|400###;Delhi|Delhi|110###;Bengaluru|Karnataka|560###;Hyderabad|Telangana|500###;
 Chennai|Tamil Nadu|600###;Kolkata|West Bengal|700###;Pune|Maharashtra|411###;Ahmedabad|Gujarat|380###;
 Jaipur|Rajasthan|302###;Lucknow|Uttar Pradesh|226###|in|0.05 0.7 0.45 1 1 0
PK 1.8 5 92 0 |300 301 302 303 304 305 306 307 308 309 310 311 312 313 314 315 316 317 318 320 321 322
 323 330 331 332 333 334 335 336 340 341 342 343 344 345 346 347 348 349|10|
 21 42 51|10|3,7|urdu:100|yahoo.com:20
 hotmail.com:10|Karachi|Sindh|7####;Lahore|Punjab|54###;Islamabad|ICT|44###;
 Faisalabad|Punjab|38###;Rawalpindi|Punjab|46###|pk|0.05 0.05 0.45 1 1 0
BD 1.5 6 880 0 |13 14 15 16 17 18 19|10|2 31|9|4,6|bengali:100|yahoo.com:20
 hotmail.com:5|Dhaka|Dhaka|1###;
 Chattogram|Chattogram|4###;Khulna|Khulna|9###;Sylhet|Sylhet|31##|bd|0.04 0.1 0.5 1 1 0
LK 0.35 5 94 0 |70 71 72 74 75 76 77 78|9|11 81|9|2,3,4|sinhala:75 tamil:25|yahoo.com:20 sltnet.lk:2|
 Colombo|Western|00###;Kandy|Central|20###;Galle|Southern|80###;Jaffna|Northern|40###|lk|0.1 0.05 0.35 1
 1 0
NP 0.35 6 977 - |980 981 982 984 985 986 974 975 976 961 962|10|1 61|8|3,7|nepali:100|yahoo.com:20
 hotmail.com:5|
 काठमाडौं|Bagmati|44600;पोखरा|Gandaki|33700;ललितपुर|Bagmati|44700|np|0.05 0.1 0.4 1 1 0
CN 3.5 8 86 - |130 131 132 133 135 136 137 138 139 150 151 152 155 156 158 159 176 177 180 181 182 183
 185 186 187 188 189 199|11|
 10 21 20 755|10|3,4,4|chinese:100|qq.com:34 163.com:20 126.com:8 sina.com:4 foxmail.com:3
 139.com:2|北京|北京市|100###;
 上海|上海市|200###;广州|广东省|510###;深圳|广东省|518###;成都|四川省|610###;武汉|湖北省|430###;杭州|浙江省|310###|cn|
 0.25 0.35 0.35 1 1 0
TW 0.7 8 886 0 |910 911 912 913 915 916 917 918 919 920 921 922 925 926 928 930 931 932 933 935 936 937
 938 939 952 953 955 958 960 963 966 968 970 972 975 978 979 980 981 983 986 987 988 989|9|
 2 4 7|9|3,3,3|chinese:100|yahoo.com.tw:15 hotmail.com:8 pchome.com.tw:2 msa.hinet.net:3|臺北市|Taipei|1##;
 高雄市|Kaohsiung|8##;臺中市|Taichung|4##;新北市|New Taipei|2##|tw|0.45 0.5 0.05 0 1 0.03
HK 0.45 8 852 - |51 52 53 54 55 56 59 60 61 62 63 64 65 66 67 68 69 90 91 92 93 94 95 96 97 98|8|2
 3|8|4,4|chinese:95
 anglo:2 filipino:2 hindi:1|yahoo.com.hk:15 hotmail.com:10 netvigator.com:4|香港|Hong Kong
 Island|-;九龍|Kowloon|-;
 新界|New Territories|-|hk|0.55 0.4 0.03 0 1 0.08
JP 2.5 9 81 0 |90 80 70|10|3 6 52 92 11|9|2,4,4|japanese:98 korean:1 chinese:1|yahoo.co.jp:18
 docomo.ne.jp:6
 ezweb.ne.jp:4 softbank.ne.jp:3 icloud.com:6|東京都|Tokyo|1##-####;大阪府|Osaka|5##-####;
 神奈川県|Kanagawa|2##-####;
 愛知県|Aichi|4##-####;福岡県|Fukuoka|8##-####;北海道|Hokkaido|0##-####|jp|0.65 0.5 0.03 0 1 0.02
KR 1.5 9 82 0 |10|10|2 51 53 32|9|2,4,4|korean:99 chinese:1|naver.com:38 daum.net:12 hanmail.net:8
 nate.com:6|
 서울특별시|Seoul|0####;부산광역시|Busan|4####;인천광역시|Incheon|2####;대구광역시|Daegu|4####;대전광역시|Daejeon|3####|kr|
 0.3 0.1 0.03 1 1 0.03
VN 2 7 84 0 |32 33 34 35 36 37 38 39 70 76 77 78 79 81 82 83 84 85 86 88 89 90 91 93 94 96 97 98|9|24
 28|10|2,3,4|
 vietnamese:100|yahoo.com:15 yahoo.com.vn:3 hotmail.com:4|Hà Nội|Hà Nội|1#####;TP. Hồ Chí
 Minh|TP.HCM|7#####;
 Đà Nẵng|Đà Nẵng|55####;Hải Phòng|Hải Phòng|18####;Cần Thơ|Cần Thơ|94####|vn|0.2 0.5 0.4 1 1 0
TH 1.5 7 66 0 |61 62 63 64 65 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99|9|2 53
 74|8|2,3,4|thai:97
 chinese:3|hotmail.com:25 yahoo.com:8|กรุงเทพมหานคร|Bangkok|10###;เชียงใหม่|Chiang Mai|50###;ขอนแก่น|Khon
 Kaen|40###;
 ภูเก็ต|Phuket|83###|th|0.35 0.45 0.35 1 1 0
MY 0.9 8 60 0 |12 13 14 16 17 18 19 11|9|3 4 7|9|2,3,4|malay:62 chinese:25 tamil:8 indonesian:2 bengali:2
 hindi:1|yahoo.com:15 hotmail.com:10|Kuala Lumpur|WP Kuala Lumpur|5####;Shah Alam|Selangor|40###;
 George Town|Pulau Pinang|10###;Johor Bahru|Johor|80###;Kota Kinabalu|Sabah|88###|my|0.3 0.55 0.35 0 1
 0.08
SG 0.45 8 65 - |8 9|8|6|8|4,4|chinese:74 malay:13 tamil:9 anglo:2 filipino:2|hotmail.com:12 yahoo.com.sg:8
 singnet.com.sg:3|Singapore|-|######|sg|0.55 0.3 0.03 0 1 0.3
ID 3.5 7 62 0 |811 812 813 821 822 852 853 815 816 855 856 857 858 817 818 819 859 877 878 895 896 897
 898 899 881 882 883 887 888 889|11|
 21 22 31 61|10|3,4,4|indonesian:96 chinese:4|yahoo.com:18 yahoo.co.id:6|Jakarta|DKI Jakarta|1####;
 Surabaya|Jawa Timur|60###;Bandung|Jawa Barat|40###;Medan|Sumatera Utara|20###;Semarang|Jawa Tengah|50###;
 Makassar|Sulawesi Selatan|90###|id|0.1 0.2 0.45 1 1 0
PH 2.5 8 63 0 |905 906 915 916 917 926 927 935 936 945 955 956 965 966 975 977 995 997 907 908 909 910
 912 918 919 920 921 928 929 930 938 939 946 947 948 949 950 951 961 998 999|10|
 2 32 82|9|3,3,4|filipino:99 chinese:1|yahoo.com:25 ymail.com:3 hotmail.com:5|Quezon City|Metro
 Manila|11##;
 Manila|Metro Manila|10##;Cebu City|Cebu|6000;Davao City|Davao del Sur|8000;Makati|Metro Manila|12##|ph|
 0.15 0.2 0.45 1 1 0
KZ 0.45 5 7 8 |700 701 702 705 707 708 747 771 775 776 777 778|10|727 717|10|3,3,2,2|kazakh:68 russian:27
 uzbek:3
 ukrainian:2|mail.ru:30 yandex.kz:5
 inbox.ru:3|Алматы|Алматы|050###;Астана|Астана|010###;Шымкент|Шымкент|160###;
 Караганда|Карагандинская обл.|100###|ru|0.2 0.05 0.2 1 0 0
UZ 0.45 5 998 - |90 91 93 94 95 97 98 99 33 88|9|71|9|2,3,2,2|uzbek:90 russian:7 kazakh:3|mail.ru:25
 yandex.ru:10
 inbox.uz:2|Toshkent|Toshkent|100###;Samarqand|Samarqand|140###;Buxoro|Buxoro|200###;Namangan|Namangan|160###|ru|
 0.1 0.02 0.4 1 1 0
AU 1 10 61 0 |400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 419 420 421 422
 423 424 425 426 427 428 429 430 431 432 433 434 435 436 437 438 439 447 448 449 450 451 452 455 456 457
 458 459 466 467 468 469 470 473 474 475 476 477 478 479 481 482 483 484 487 488 490 491 497 498 499|9|
 2 3 7 8|9|3,3,3|anglo:78 chinese:6 hindi:3 vietnamese:2 italian:2 greek:2 filipino:2 arabic:2 korean:1
 tamil:1
 nepali:1|bigpond.com:8 optusnet.com.au:4 hotmail.com:10
 bigpond.net.au:2|Sydney|NSW|2###;Melbourne|VIC|3###;
 Brisbane|QLD|4###;Perth|WA|6###;Adelaide|SA|5###|au|0.55 0.35 0.03 0 0 0.25
NZ 0.3 12 64 0 |21 22 27 29|9|9 4 3|8|2,3,4|anglo:83 chinese:5 hindi:4 filipino:2 korean:1|xtra.co.nz:10
 hotmail.co.nz:3
 slingshot.co.nz:1|Auckland|Auckland|1###;Wellington|Wellington|6###;Christchurch|Canterbury|8###;
 Hamilton|Waikato|3###|au|0.5 0.3 0.03 0 0 0.2
"""


def _parse() -> dict[str, Country]:
    out: dict[str, Country] = {}
    # records start with two capital letters at the beginning of a line
    text = _RAW.strip("\n")
    records: list[str] = []
    for line in text.split("\n"):
        if len(line) > 2 and line[:2].isupper() and line[2] == " ":
            records.append(line)
        else:
            records[-1] += line
    for rec in records:
        head, mobile, nsn, land, land_nsn, groups, cultures, mail, cities, addr, tail = rec.split("|", 10)
        code, weight, tz, cc, trunk = head.split()
        # cities: three fields per city joined by '|' - re-split
        rest = "|".join([cities, addr, tail])
        *city_fields, addr, tail = rest.split("|")
        city_spec = "|".join(city_fields)
        ios, v6, cgnat, cafe, phone_first, mig = tail.split()
        out[code] = Country(
            code=code,
            weight=float(weight),
            tz=int(tz),
            cc=cc,
            trunk="" if trunk == "-" else trunk,
            mobile=tuple(mobile.split()),
            nsn=int(nsn),
            land=tuple(land.split()),
            land_nsn=int(land_nsn),
            groups=tuple(int(x) for x in groups.split(",")),
            cultures=_w(cultures),
            mail=_mail(mail, float(ios)),
            cities=_cities(city_spec),
            addr=addr.strip(),
            ios=float(ios),
            v6=float(v6),
            cgnat=float(cgnat),
            cafe=cafe == "1",
            phone_first=phone_first == "1",
            migrant_share=float(mig),
        )
    return out


COUNTRIES = _parse()
COUNTRY_W = Weighted([(c, c.weight) for c in COUNTRIES.values()])

# Migration corridors: origin -> destination, relative weight.
CORRIDORS = """MX>US:5 IN>US:2 CN>US:1.5 PH>US:1.5 VN>US:1 KR>US:0.5 NG>US:0.5 BR>US:0.4 DO>US:0.8 IN>GB:1.5
PK>GB:1.5 PL>GB:1.2 RO>GB:0.8 NG>GB:0.6 BD>GB:0.5 GH>GB:0.2 KE>GB:0.2 ZA>GB:0.2 IN>AE:3 PK>AE:2
BD>AE:1 PH>AE:1.5 EG>AE:0.6 NP>AE:0.4 LK>AE:0.3 PH>SA:1.2 IN>SA:1.2 PK>SA:1 EG>SA:1.5 BD>SA:0.8
ET>SA:0.3 TR>DE:2 PL>DE:1.2 RO>DE:0.8 UA>DE:1 RU>DE:0.6 UA>PL:2.5 MA>FR:1.5 DZ>FR:1.5 TN>FR:0.6
PT>FR:0.5 MA>ES:1.2 RO>ES:0.8 CO>ES:0.6 VE>ES:0.6 EC>ES:0.4 AR>ES:0.3 RO>IT:1.2 MA>IT:0.5 UA>IT:0.3
VE>CO:1.5 VE>CL:0.6 VE>PE:0.8 PE>CL:0.3 IN>CA:1.2 CN>CA:0.8 PH>CA:0.6 IR>CA:0.3 CN>AU:0.8 IN>AU:0.7
GB>AU:0.5 VN>AU:0.2 NZ>AU:0.4 GB>NZ:0.2 IN>NZ:0.1 TR>NL:0.4 MA>NL:0.4 ID>NL:0.1 BR>PT:0.8 UA>CZ:0.5
VN>CZ:0.2 IN>SG:0.3 MY>SG:0.6 ID>MY:0.6 BD>MY:0.3 UZ>RU:1 KZ>RU:0.4 UA>RU:0.3 IR>TR:0.2 IQ>TR:0.1
IQ>SE:0.3 IR>SE:0.2 PL>NO:0.2 PK>NO:0.1 RU>FI:0.1 PL>IE:0.3 BR>IE:0.1 MA>BE:0.4 TR>BE:0.1 PT>CH:0.2
IT>CH:0.2 RS>CH:0.1 RS>AT:0.2 TR>AT:0.2 CN>JP:0.2 VN>JP:0.2 PH>JP:0.1 BR>JP:0.05 CN>KR:0.2 VN>KR:0.1
VN>TW:0.1 ID>TW:0.1 PH>HK:0.2 ID>HK:0.2 RU>IL:0.2 UA>IL:0.1 TR>DK:0.1 PK>DK:0.05 JO>SA:0.2 LB>AE:0.1"""


def _corridors() -> dict[str, Weighted]:
    by_dest: dict[str, list[tuple[str, float]]] = {}
    for tok in CORRIDORS.split():
        pair, w = tok.split(":")
        o, d = pair.split(">")
        by_dest.setdefault(d, []).append((o, float(w)))
    return {d: Weighted(v) for d, v in by_dest.items()}


ORIGINS = _corridors()

# Where people travel for a few days (hotel Wi-Fi, roaming).
TRAVEL = _w(
    "ES:8 FR:8 IT:7 US:7 TH:5 TR:5 AE:4 GB:5 DE:4 MX:3 JP:3 GR:3 PT:3 ID:2 SG:2 MY:2 NL:2 AT:2 CH:2 HR:2"
    " EG:2 MA:2 VN:2 CN:2 KR:1 AU:1 CA:2 BR:1 AR:1 CZ:1 HU:1 PL:1 SA:2 IN:2 PH:1 DO:1 CO:1 PE:1"
)
