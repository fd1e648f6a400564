# ruff: noqa: E501, RUF001 -- the country table: one long line per country, city names in their scripts
"""Countries of the independent generator's world: who lives there, how their phones and mail look.

One line per country, ordered by how many persons of a typical large disclosure live there (the first
has the most). Fields, separated by ``|``:

``code | cultures (culture:weight,...) | subregion | calling code | trunk prefix |
mobile (national significant number length:prefixes) | landline (length:prefixes) | UTC offset |
national mail domains | cities``

Phone plans are simplified (a fixed length per kind and a few leading digits); they are close enough
to real ones that numbers look plausible and format the way people write them. Countries of one
subregion are each other's neighbours: travel, cross-border blocks and geolocation mistakes go there.
"""

from __future__ import annotations

from dataclasses import dataclass

_TABLE = """
US|english:70,spanish:17,chinese:3,indian:3,vietnamese:2,korean:2,arabic:1,african:2|n-america|1||10:201,212,213,305,312,347,415,503,617,646,702,713,720,786,818,917,929|10:202,206,214,303,404,480,512,602,614,704,773,801,919|-6|comcast.net,att.net,verizon.net,aol.com,sbcglobal.net|New York,Los Angeles,Chicago,Houston,Phoenix,Philadelphia,San Antonio,Dallas,Seattle,Denver
IN|indian:100|s-asia|91|0|10:70,72,73,74,75,77,78,80,81,82,84,88,90,91,93,94,95,96,97,98,99|10:11,22,33,40,44,80|5.5|rediffmail.com|Mumbai,Delhi,Bengaluru,Hyderabad,Chennai,Kolkata,Pune,Ahmedabad
BR|portuguese:100|s-america|55|0|11:119,119,219,319,419,519,619,719,819,919|10:11,21,31,41,51,61,71,81|-3|uol.com.br,bol.com.br,terra.com.br|São Paulo,Rio de Janeiro,Belo Horizonte,Salvador,Fortaleza,Curitiba,Recife,Porto Alegre
GB|english:82,indian:9,slavic_lat:4,african:3,arabic:2|w-europe|44|0|10:71,73,74,75,77,78,79|10:20,121,131,141,161,113,117|0|btinternet.com,sky.com,virginmedia.com,talktalk.net|London,Birmingham,Manchester,Leeds,Glasgow,Liverpool,Bristol,Sheffield,Edinburgh
ID|malay:100|se-asia|62|0|11:811,812,813,821,822,852,853,857,878,895|10:21,22,24,31,61|7||Jakarta,Surabaya,Bandung,Medan,Semarang,Makassar,Palembang
PH|english:55,spanish:45|se-asia|63|0|10:905,906,915,917,918,919,920,921,927,945,966,977,995|9:2,32,82|8||Manila,Quezon City,Cebu,Davao,Caloocan,Zamboanga
MX|spanish:100|c-america|52||10:55,33,81,22,44,66,99|10:55,33,81|-6|prodigy.net.mx|Ciudad de México,Guadalajara,Monterrey,Puebla,Tijuana,León,Mérida
DE|german:88,turkish:6,slavic_lat:4,arabic:2|w-europe|49|0|11:151,152,157,160,162,170,171,172,176,178,179|10:30,40,69,89,221,211|1|gmx.de,web.de,t-online.de,freenet.de|Berlin,Hamburg,München,Köln,Frankfurt am Main,Stuttgart,Düsseldorf,Leipzig
FR|french:88,arabic:8,african:2,portuguese:2|w-europe|33|0|9:6,7|9:1,2,3,4,5|1|orange.fr,free.fr,laposte.net,sfr.fr,wanadoo.fr|Paris,Marseille,Lyon,Toulouse,Nice,Nantes,Strasbourg,Bordeaux,Lille
CA|english:68,french:22,chinese:4,indian:4,arabic:2|n-america|1||10:416,437,514,604,647,778,403,587,613|10:416,514,604,403,613,902|-5|shaw.ca,rogers.com,videotron.ca,sympatico.ca|Toronto,Montréal,Vancouver,Calgary,Edmonton,Ottawa,Winnipeg,Québec
AU|english:82,chinese:6,indian:4,vietnamese:3,greek:2,arabic:3|oceania|61|0|9:4|9:2,3,7,8|10|bigpond.com,optusnet.com.au,iinet.net.au|Sydney,Melbourne,Brisbane,Perth,Adelaide,Gold Coast,Canberra
RU|slavic_cyr:100|e-europe|7|8|10:9|10:495,499,812,343,383|3|mail.ru,yandex.ru,bk.ru,inbox.ru,list.ru,rambler.ru|Москва,Санкт-Петербург,Новосибирск,Екатеринбург,Казань,Нижний Новгород
TR|turkish:100|middle-east|90|0|10:50,53,54,55|10:212,216,312,232|3|yandex.com.tr,ttmail.com|İstanbul,Ankara,İzmir,Bursa,Antalya,Adana,Konya
NZ|english:80,pacific:8,chinese:5,indian:5,korean:2|oceania|64|0|9:21,22,27,29|8:3,4,6,7,9|12|xtra.co.nz,orcon.net.nz,slingshot.co.nz,vodafone.co.nz|Auckland,Wellington,Christchurch,Hamilton,Tauranga,Dunedin,Palmerston North,Nelson
ES|spanish:92,arabic:4,romanian:4|s-europe|34||9:6,7|9:91,93,95,96|1|telefonica.net,movistar.es|Madrid,Barcelona,Valencia,Sevilla,Zaragoza,Málaga,Murcia,Bilbao
IT|italian:94,romanian:3,arabic:3|s-europe|39||10:3|10:06,02,011,081,055|1|libero.it,virgilio.it,tiscali.it,alice.it|Roma,Milano,Napoli,Torino,Palermo,Genova,Bologna,Firenze
VN|vietnamese:100|se-asia|84|0|9:32,33,34,35,36,37,38,39,70,76,77,78,79,81,83,84,85,86,88,89,90,91,93,94,96,97,98|10:24,28|7||Hà Nội,Hồ Chí Minh,Đà Nẵng,Hải Phòng,Cần Thơ
NG|african:100|w-africa|234|0|10:70,80,81,90,91|8:1,9|1||Lagos,Abuja,Kano,Ibadan,Port Harcourt,Benin City
PK|arabic:100|s-asia|92|0|10:30,31,32,33,34|10:21,42,51|5||Karachi,Lahore,Faisalabad,Rawalpindi,Islamabad,Multan
JP|japanese:100|e-asia|81|0|10:70,80,90|10:3,6,52,92|9|yahoo.co.jp,docomo.ne.jp,ezweb.ne.jp,softbank.ne.jp|東京,大阪,横浜,名古屋,札幌,福岡,神戸
KR|korean:100|e-asia|82|0|10:10|9:2,31,32,51|9|naver.com,daum.net,hanmail.net,nate.com|서울,부산,인천,대구,대전,광주
CN|chinese:100|e-asia|86|0|11:13,15,17,18,19|11:10,20,21,755|8|qq.com,163.com,126.com,sina.com,foxmail.com|北京,上海,广州,深圳,成都,杭州,武汉,重庆
PL|slavic_lat:97,slavic_cyr:3|e-europe|48||9:50,51,53,57,60,66,69,72,73,78,79,88|9:12,22,42,58,61,71|1|wp.pl,o2.pl,onet.pl,interia.pl,gazeta.pl|Warszawa,Kraków,Łódź,Wrocław,Poznań,Gdańsk,Szczecin
NL|dutch:88,turkish:5,arabic:5,indian:2|w-europe|31|0|9:6|9:10,20,30,40,70|1|ziggo.nl,kpnmail.nl,home.nl,hetnet.nl|Amsterdam,Rotterdam,Den Haag,Utrecht,Eindhoven,Groningen,Tilburg
AR|spanish:92,italian:8|s-america|54|0|10:911,351,341,261,221|10:11,351,341|-3|fibertel.com.ar,arnet.com.ar,speedy.com.ar|Buenos Aires,Córdoba,Rosario,Mendoza,La Plata,Tucumán
CO|spanish:100|s-america|57||10:300,301,310,311,312,313,315,316,317,320,321|10:601,604,602|-5||Bogotá,Medellín,Cali,Barranquilla,Cartagena,Bucaramanga
EG|arabic:100|n-africa|20|0|10:10,11,12,15|9:2,3|2||القاهرة,الإسكندرية,الجيزة,Cairo,Alexandria
SA|arabic:82,indian:10,english:3,malay:5|middle-east|966|0|9:50,53,54,55,56,58,59|9:11,12,13|3||الرياض,جدة,مكة,Riyadh,Jeddah,Dammam
ZA|african:70,english:25,indian:5|s-africa|27|0|9:60,61,62,71,72,73,74,76,78,79,81,82,83,84|9:11,21,31,12|2|telkomsa.net,mweb.co.za|Johannesburg,Cape Town,Durban,Pretoria,Port Elizabeth,Bloemfontein
MY|malay:62,chinese:26,indian:12|se-asia|60|0|9:12,13,16,17,19,11|9:3,4,7|8|streamyx.com|Kuala Lumpur,George Town,Johor Bahru,Ipoh,Shah Alam,Kuching
TH|thai:100|se-asia|66|0|9:6,8,9|8:2|7||กรุงเทพมหานคร,Bangkok,Chiang Mai,Phuket,Khon Kaen
UA|slavic_cyr:100|e-europe|380|0|9:50,63,66,67,68,73,93,95,96,97,98,99|9:44,32,48,56|2|ukr.net,i.ua,meta.ua|Київ,Харків,Одеса,Дніпро,Львів,Kyiv,Lviv
SE|nordic:88,arabic:6,slavic_lat:3,persian:3|n-europe|46|0|9:70,72,73,76,79|9:8,31,40,18|1|telia.com,bredband.net,spray.se|Stockholm,Göteborg,Malmö,Uppsala,Västerås,Örebro
CL|spanish:100|s-america|56||9:9|9:2,32,41|-4|vtr.net|Santiago,Valparaíso,Concepción,La Serena,Antofagasta
PE|spanish:100|s-america|51||9:9|8:1,44,54|-5||Lima,Arequipa,Trujillo,Chiclayo,Cusco
IE|english:90,slavic_lat:6,portuguese:4|w-europe|353|0|9:83,85,86,87,89|8:1,21,91|0|eircom.net|Dublin,Cork,Limerick,Galway,Waterford
BE|dutch:52,french:42,arabic:6|w-europe|32|0|9:47,48,49|8:2,3,9|1|telenet.be,skynet.be,proximus.be|Bruxelles,Antwerpen,Gent,Charleroi,Liège,Brugge
PT|portuguese:100|s-europe|351||9:91,92,93,96|9:21,22|0|sapo.pt,netcabo.pt|Lisboa,Porto,Braga,Coimbra,Funchal
AE|arabic:38,indian:35,english:10,malay:7,african:5,chinese:5|middle-east|971|0|9:50,52,54,55,56,58|8:2,4,6|4||دبي,أبوظبي,Dubai,Abu Dhabi,Sharjah
TW|chinese:100|e-asia|886|0|9:9|9:2,4,7|8|hinet.net,yahoo.com.tw|臺北,新北,臺中,高雄,Taipei
HK|chinese:93,english:3,indian:2,malay:2|e-asia|852||8:5,6,9|8:2,3|8|netvigator.com,yahoo.com.hk|香港,Hong Kong,Kowloon,Sha Tin
SG|chinese:70,malay:15,indian:12,english:3|se-asia|65||8:8,9|8:6|8|singnet.com.sg,starhub.net.sg|Singapore
CH|german:64,french:23,italian:9,slavic_lat:4|w-europe|41|0|9:75,76,77,78,79|9:21,22,31,44,61|1|bluewin.ch,gmx.ch|Zürich,Genève,Basel,Lausanne,Bern,Lugano
AT|german:90,slavic_lat:5,turkish:5|w-europe|43|0|10:650,660,664,676,680,699|9:1,316,512,662,732|1|aon.at,chello.at,gmx.at|Wien,Graz,Linz,Salzburg,Innsbruck
NO|nordic:92,slavic_lat:4,arabic:4|n-europe|47||8:4,9|8:2,5,7|1|online.no,start.no|Oslo,Bergen,Trondheim,Stavanger,Tromsø
DK|nordic:92,turkish:4,arabic:4|n-europe|45||8:2,3,4,5,6|8:3,7,8,9|1|jubii.dk,mail.dk,tdcadsl.dk|København,Aarhus,Odense,Aalborg,Esbjerg
FI|nordic:96,slavic_cyr:4|n-europe|358|0|9:40,41,44,45,46,50|8:9,2,3|2|luukku.com,elisanet.fi,suomi24.fi|Helsinki,Espoo,Tampere,Vantaa,Oulu,Turku
GR|greek:100|s-europe|30||10:69|10:21,231|2|otenet.gr,hol.gr|Αθήνα,Θεσσαλονίκη,Athens,Patra,Heraklion
CZ|slavic_lat:95,slavic_cyr:5|e-europe|420||9:60,70,72,73,77,79|9:2,5|1|seznam.cz,centrum.cz,email.cz|Praha,Brno,Ostrava,Plzeň,Liberec
RO|romanian:100|e-europe|40|0|9:72,73,74,75,76,77,78|9:21,31,264|2|yahoo.ro|București,Cluj-Napoca,Timișoara,Iași,Constanța
HU|hungarian:100|e-europe|36|06|9:20,30,70|8:1|1|freemail.hu,citromail.hu|Budapest,Debrecen,Szeged,Miskolc,Pécs
IL|english:30,slavic_cyr:30,arabic:40|middle-east|972|0|9:50,52,53,54,58|8:2,3,4,8,9|2|walla.co.il,bezeqint.net|Tel Aviv,Jerusalem,Haifa,Rishon LeZion
KE|african:100|e-africa|254|0|9:70,71,72,79,11|9:20|3||Nairobi,Mombasa,Kisumu,Nakuru,Eldoret
GH|african:100|w-africa|233|0|9:20,24,26,27,50,54,55|9:30,32|0||Accra,Kumasi,Tamale,Takoradi
MA|arabic:75,french:25|n-africa|212|0|9:6,7|9:52,53|1|menara.ma|Casablanca,Rabat,Marrakech,Fès,Tanger
DZ|arabic:80,french:20|n-africa|213|0|9:55,66,77,79|8:21,31,41|1||Alger,Oran,Constantine,Annaba
TN|arabic:85,french:15|n-africa|216||8:2,5,9|8:7|1|planet.tn|Tunis,Sfax,Sousse,Kairouan
BD|indian:100|s-asia|880|0|10:13,14,15,16,17,18,19|9:2|6||Dhaka,Chittagong,Khulna,Rajshahi,Sylhet
LK|indian:100|s-asia|94|0|9:70,71,72,75,76,77,78|9:11|5.5|sltnet.lk|Colombo,Kandy,Galle,Jaffna
NP|indian:100|s-asia|977||10:98|8:1|5.75||Kathmandu,Pokhara,Lalitpur,Biratnagar
VE|spanish:100|s-america|58|0|10:412,414,416,424,426|10:212,241,261|-4|cantv.net|Caracas,Maracaibo,Valencia,Barquisimeto
EC|spanish:100|s-america|593|0|9:9|8:2,4|-5||Guayaquil,Quito,Cuenca,Santo Domingo
GT|spanish:100|c-america|502||8:3,4,5|8:2|-6||Ciudad de Guatemala,Mixco,Villa Nueva,Quetzaltenango
DO|spanish:100|caribbean|1||10:809,829,849|10:809|-4||Santo Domingo,Santiago de los Caballeros,La Romana
CU|spanish:100|caribbean|53|0|8:5|8:7|-5|nauta.cu|La Habana,Santiago de Cuba,Camagüey
PR|spanish:80,english:20|caribbean|1||10:787,939|10:787|-4||San Juan,Bayamón,Carolina,Ponce
JM|english:100|caribbean|1||10:876|10:876|-5||Kingston,Montego Bay,Spanish Town
TT|english:60,indian:40|caribbean|1||10:868|10:868|-4||Port of Spain,Chaguanas,San Fernando
BO|spanish:100|s-america|591||8:6,7|8:2,3|-4||La Paz,Santa Cruz de la Sierra,Cochabamba
PY|spanish:100|s-america|595|0|9:98,97,99|9:21|-4||Asunción,Ciudad del Este,Encarnación
UY|spanish:100|s-america|598|0|8:9|8:2|-3|adinet.com.uy|Montevideo,Salto,Paysandú
CR|spanish:100|c-america|506||8:6,7,8|8:2|-6||San José,Alajuela,Cartago,Heredia
PA|spanish:100|c-america|507||8:6|7:2,3|-5||Ciudad de Panamá,Colón,David
SV|spanish:100|c-america|503||8:6,7|8:2|-6||San Salvador,Santa Ana,San Miguel
HN|spanish:100|c-america|504||8:3,9|8:2|-6||Tegucigalpa,San Pedro Sula,La Ceiba
NI|spanish:100|c-america|505||8:8|8:2|-6||Managua,León,Masaya
KZ|slavic_cyr:70,turkish:30|c-asia|7|8|10:70,74,77|10:727,717|5|mail.kz|Алматы,Астана,Шымкент,Almaty,Astana
UZ|turkish:60,slavic_cyr:40|c-asia|998||9:90,91,93,94,97,99|9:71|5||Toshkent,Samarqand,Namangan,Tashkent
BY|slavic_cyr:100|e-europe|375|8|9:25,29,33,44|9:17|3|tut.by|Минск,Гомель,Брест,Minsk
BG|slavic_cyr:100|e-europe|359|0|9:87,88,89|9:2|2|abv.bg,mail.bg|София,Пловдив,Варна,Sofia
RS|slavic_cyr:100|e-europe|381|0|9:60,61,62,63,64,65,66|9:11,21|1|eunet.rs|Београд,Нови Сад,Beograd,Niš
HR|slavic_lat:100|s-europe|385|0|9:91,92,95,97,98,99|8:1,21,51|1|net.hr,t-com.hr|Zagreb,Split,Rijeka,Osijek
SK|slavic_lat:85,hungarian:15|e-europe|421|0|9:90,91,94|9:2|1|azet.sk,zoznam.sk|Bratislava,Košice,Prešov,Žilina
SI|slavic_lat:100|s-europe|386|0|8:30,31,40,41,51,64,70|8:1,2|1|siol.net|Ljubljana,Maribor,Celje,Kranj
LT|slavic_lat:80,slavic_cyr:20|n-europe|370|8|8:6|8:5|2|one.lt|Vilnius,Kaunas,Klaipėda
LV|slavic_lat:60,slavic_cyr:40|n-europe|371||8:2|8:6|2|inbox.lv|Rīga,Daugavpils,Liepāja
EE|nordic:65,slavic_cyr:35|n-europe|372||8:5|7:6|2|hot.ee|Tallinn,Tartu,Narva,Pärnu
IS|nordic:100|n-europe|354||7:6,7,8|7:5|0|simnet.is|Reykjavík,Kópavogur,Akureyri
LU|french:60,portuguese:25,german:15|w-europe|352||9:621,661,691|8:2|1|pt.lu|Luxembourg,Esch-sur-Alzette,Differdange
MT|english:50,italian:50|s-europe|356||8:79,99|8:21|1|maltanet.net|Valletta,Birkirkara,Sliema
CY|greek:90,turkish:10|s-europe|357||8:96,97,99|8:22|2|cytanet.com.cy|Λευκωσία,Λεμεσός,Nicosia,Limassol
IR|persian:100|middle-east|98|0|10:91,93,99|10:21,31,51|3.5|chmail.ir|تهران,مشهد,اصفهان,Tehran,Shiraz
IQ|arabic:100|middle-east|964|0|10:75,77,78,79|9:1|3||بغداد,البصرة,Baghdad,Erbil,Mosul
JO|arabic:100|middle-east|962|0|9:77,78,79|8:6|3||عمان,الزرقاء,Amman,Irbid
LB|arabic:80,french:20|middle-east|961|0|8:3,70,71,76,81|7:1|2||بيروت,طرابلس,Beirut,Tripoli
KW|arabic:60,indian:30,english:5,malay:5|middle-east|965||8:5,6,9|8:2|3||الكويت,Kuwait City,Hawalli
QA|arabic:40,indian:45,malay:10,english:5|middle-east|974||8:3,5,6,7|8:4|3||الدوحة,Doha,Al Rayyan
OM|arabic:70,indian:30|middle-east|968||8:9,7|8:2|4||مسقط,Muscat,Salalah
BH|arabic:65,indian:35|middle-east|973||8:3,66|8:17|3||المنامة,Manama,Riffa
AF|persian:100|c-asia|93|0|9:70,72,77,78,79|9:20|4.5||کابل,هرات,Kabul,Herat,Kandahar
KH|thai:100|se-asia|855|0|9:10,12,15,16,17,69,70,77,78,92,96|8:23|7||Phnom Penh,Siem Reap,Battambang
MM|thai:100|se-asia|95|0|10:9|8:1|6.5||Yangon,Mandalay,Naypyidaw
LA|thai:100|se-asia|856|0|10:20|8:21|7||Vientiane,Luang Prabang,Pakse
FJ|pacific:60,indian:40|oceania|679||7:7,8,9|7:3|12|connect.com.fj|Suva,Lautoka,Nadi
WS|pacific:100|oceania|685||7:72,75,77|5:2|13||Apia
TO|pacific:100|oceania|676||7:77,78,84,87|5:2|13||Nukuʻalofa,Neiafu
CK|pacific:100|oceania|682||5:5,7|5:2|-10||Avarua,Rarotonga
NU|pacific:100|oceania|683||4:1,4,5|4:4|-11||Alofi
PG|pacific:70,english:30|oceania|675||8:7|7:3|10||Port Moresby,Lae
ET|african:100|e-africa|251|0|9:91,92,93,94|9:11|3||Addis Ababa,Dire Dawa,Mekelle
TZ|african:100|e-africa|255|0|9:65,67,68,71,74,75,76,78|9:22|3||Dar es Salaam,Dodoma,Mwanza,Arusha
UG|african:100|e-africa|256|0|9:70,71,75,77,78|9:41|3||Kampala,Gulu,Mbarara,Jinja
RW|african:80,french:20|e-africa|250|0|9:72,73,78,79|9:25|2||Kigali,Butare,Gisenyi
ZM|african:100|s-africa|260|0|9:95,96,97|9:21|2||Lusaka,Kitwe,Ndola
ZW|african:100|s-africa|263|0|9:71,73,77,78|9:24|2||Harare,Bulawayo,Mutare
BW|african:100|s-africa|267||8:71,72,73,74,75,76,77|7:3|2||Gaborone,Francistown
NA|african:85,german:15|s-africa|264|0|9:81,85|8:61|2||Windhoek,Walvis Bay,Oshakati
MZ|portuguese:100|s-africa|258||9:82,84,85,86,87|8:21|2||Maputo,Beira,Nampula
AO|portuguese:100|s-africa|244||9:91,92,93,94|9:222|1||Luanda,Huambo,Lobito
SN|french:100|w-africa|221||9:70,76,77,78|9:33|0||Dakar,Touba,Thiès
CI|french:100|w-africa|225||10:01,05,07|10:27|0||Abidjan,Bouaké,Yamoussoukro
CM|french:75,english:25|w-africa|237||9:65,67,69|9:22,23|1||Douala,Yaoundé,Bamenda
CD|french:100|c-africa|243|0|9:81,82,84,85,89,97,99|9:12|1||Kinshasa,Lubumbashi,Goma
SD|arabic:100|n-africa|249|0|9:91,92,96,99|9:15|2||الخرطوم,Khartoum,Omdurman
LY|arabic:100|n-africa|218|0|9:91,92,94|8:21|2||طرابلس,بنغازي,Tripoli,Benghazi
AZ|turkish:100|c-asia|994|0|9:50,51,55,70,77|9:12|4||Bakı,Gəncə,Baku,Sumqayit
MD|romanian:75,slavic_cyr:25|e-europe|373|0|8:6,7|8:22|2|mail.md|Chișinău,Bălți,Chisinau
MK|slavic_cyr:75,turkish:25|e-europe|389|0|8:70,71,72,75,76,77,78|8:2|1||Скопје,Битола,Skopje
BA|slavic_lat:100|s-europe|387|0|8:61,62,63,65,66|8:33|1|bih.net.ba|Sarajevo,Banja Luka,Tuzla,Mostar
ME|slavic_lat:100|s-europe|382|0|8:67,68,69|8:20|1|t-com.me|Podgorica,Nikšić,Budva
AL|italian:30,greek:20,turkish:50|s-europe|355|0|9:67,68,69|8:4|1||Tiranë,Durrës,Vlorë
PF|french:60,pacific:40|oceania|689||8:87,89|8:40|-10|mail.pf|Papeete,Faaa,Punaauia
NC|french:70,pacific:30|oceania|687||6:7,8,9|6:2|11|lagoon.nc|Nouméa,Dumbéa
GU|english:60,pacific:20,spanish:20|oceania|1||10:671|10:671|10||Hagåtña,Dededo,Tamuning
BZ|english:50,spanish:50|c-america|501||7:6|7:2|-6||Belize City,Belmopan,San Ignacio
HT|french:100|caribbean|509||8:3,4|8:2|-5||Port-au-Prince,Cap-Haïtien,Gonaïves
BB|english:100|caribbean|1||10:246|10:246|-4||Bridgetown,Speightstown
MU|indian:60,french:40|s-africa|230||8:5|7:2|4||Port Louis,Curepipe,Vacoas
MV|indian:100|s-asia|960||7:7,9|7:3|5||Malé,Addu City
BN|malay:85,chinese:15|se-asia|673||7:7,8|7:2|8||Bandar Seri Begawan,Kuala Belait
MO|chinese:95,portuguese:5|e-asia|853||8:6|8:28|8||澳門,Macau,Taipa
TL|portuguese:100|se-asia|670||8:77,78|7:3|9||Dili,Baucau
LI|german:100|w-europe|423||7:78,79|7:2,3|1||Vaduz,Schaan
MC|french:70,italian:30|w-europe|377||8:6|8:9|1||Monaco,Monte-Carlo
AD|spanish:60,french:40|s-europe|376||6:3,6|6:8|1|andorra.ad|Andorra la Vella,Escaldes-Engordany
SM|italian:100|s-europe|378||10:66|8:549|1||San Marino,Serravalle
FO|nordic:100|n-europe|298||6:2,5,7|6:3|0||Tórshavn,Klaksvík
GL|nordic:100|n-america|299||6:2,4,5|6:3|-2||Nuuk,Sisimiut
"""


@dataclass(frozen=True)
class Country:
    """One country: who lives there (cultures), where it is, and its phone and mail conventions."""

    code: str
    rank: int
    cultures: tuple[tuple[str, float], ...]
    subregion: str
    dial: str
    trunk: str
    mobile_len: int
    mobile_prefixes: tuple[str, ...]
    land_len: int
    land_prefixes: tuple[str, ...]
    utc_offset: float
    mail_domains: tuple[str, ...]
    cities: tuple[str, ...]


def _load() -> tuple[Country, ...]:
    countries = []
    for rank, line in enumerate(row for row in _TABLE.strip().splitlines() if row.strip()):
        code, cultures, sub, dial, trunk, mobile, land, utc, mail, cities = line.split("|")
        mobile_len, _, mobile_prefixes = mobile.partition(":")
        land_len, _, land_prefixes = land.partition(":")
        mix = tuple(
            (name, float(weight))
            for name, weight in (item.split(":") for item in cultures.split(","))
            if float(weight) > 0
        )
        countries.append(
            Country(
                code=code,
                rank=rank,
                cultures=mix,
                subregion=sub,
                dial=dial,
                trunk=trunk,
                mobile_len=int(mobile_len),
                mobile_prefixes=tuple(mobile_prefixes.split(",")),
                land_len=int(land_len),
                land_prefixes=tuple(land_prefixes.split(",")),
                utc_offset=float(utc),
                mail_domains=tuple(d for d in mail.split(",") if d),
                cities=tuple(cities.split(",")),
            )
        )
    return tuple(countries)


COUNTRIES: tuple[Country, ...] = _load()
BY_CODE: dict[str, Country] = {c.code: c for c in COUNTRIES}

# Where registries and multinational operators of each subregion are based: a block used in a
# country is sometimes registered to one of these instead (a regional or parent company's block).
HUBS: dict[str, tuple[str, ...]] = {
    "n-america": ("US", "CA"),
    "c-america": ("US", "MX"),
    "caribbean": ("US", "PR"),
    "s-america": ("BR", "US", "ES"),
    "w-europe": ("GB", "DE", "NL", "FR"),
    "n-europe": ("SE", "NO", "DK"),
    "s-europe": ("IT", "ES", "DE"),
    "e-europe": ("DE", "RU", "AT"),
    "middle-east": ("AE", "GB", "DE"),
    "n-africa": ("FR", "EG", "AE"),
    "w-africa": ("ZA", "MU", "FR", "GB"),
    "c-africa": ("ZA", "MU", "FR"),
    "e-africa": ("ZA", "MU", "KE"),
    "s-africa": ("ZA", "MU", "PT"),
    "s-asia": ("SG", "IN", "HK"),
    "se-asia": ("SG", "HK", "AU"),
    "e-asia": ("HK", "SG", "US"),
    "c-asia": ("RU", "DE", "TR"),
    "oceania": ("AU", "NZ", "US"),
}

# Countries that host VPN exits, anonymising relays and rented servers, with their weights.
HOSTING: tuple[tuple[str, float], ...] = (
    ("US", 30),
    ("NL", 12),
    ("DE", 12),
    ("GB", 8),
    ("FR", 6),
    ("SE", 4),
    ("CH", 4),
    ("SG", 6),
    ("JP", 4),
    ("CA", 4),
    ("AU", 3),
    ("HK", 3),
    ("RO", 2),
    ("ES", 2),
)

# Weekday-independent share of a person's activity in each local hour (0-23): evenings peak.
LOCAL_HOURS: tuple[float, ...] = (
    3.0,
    2.0,
    1.2,
    0.7,
    0.4,
    0.4,
    0.8,
    1.6,
    2.6,
    3.2,
    3.6,
    4.0,
    4.4,
    4.4,
    4.2,
    4.2,
    4.6,
    5.2,
    6.0,
    6.8,
    7.4,
    7.6,
    6.6,
    4.8,
)


def subregion_members(subregion: str) -> tuple[str, ...]:
    return tuple(c.code for c in COUNTRIES if c.subregion == subregion)
