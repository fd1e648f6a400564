# ruff: noqa: E501, RUF001 -- name tables: long lines of names written in many scripts
"""Personal names in many naming cultures and scripts.

Pool entry syntax: ``native=rom1|rom2~nick1~nick2``. ``native`` is the name in its own script;
romanizations follow ``=`` (first is the most common); ``~`` adds nicknames / diminutives
(written in the romanized form, or native script when they start with a non-Latin letter).
Entries without ``=`` are Latin-script names; their accent-stripped form is an extra variant.
Lists are ordered by frequency; a Zipf-like draw makes common names (and namesakes) frequent.
"""

from .geo import strip_accents

POOLS = {
    "en": (
        "James~Jim~Jimmy~Jamie Michael~Mike~Mikey John~Johnny~Jack Robert~Rob~Bob~Bobby David~Dave William~Will~Bill~Billy Richard~Rick~Dick Joseph~Joe Thomas~Tom~Tommy Christopher~Chris Daniel~Dan~Danny Matthew~Matt Anthony~Tony Mark Steven~Steve Andrew~Andy~Drew Joshua~Josh Kevin Brian Ryan Jacob~Jake Nicholas~Nick Tyler Brandon Samuel~Sam",
        "Mary~Molly Jennifer~Jen~Jenny Linda Patricia~Pat~Trish Elizabeth~Liz~Beth~Lizzie Susan~Sue Jessica~Jess Sarah Karen Nancy Lisa Margaret~Maggie~Peggy Emily~Em Ashley Michelle~Shelly Amanda~Mandy Melissa~Mel Stephanie~Steph Rebecca~Becky Laura Katherine~Kate~Katie~Kathy Emma Olivia~Liv Hannah Chloe",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner O'Brien Murphy",
    ),
    "es": (
        "José~Pepe Juan Luis Carlos~Charly Francisco~Paco~Pancho Antonio~Toño Jesús~Chuy Miguel Javier Alejandro~Alex Manuel~Manolo Pedro Diego Jorge Fernando~Nando Ricardo~Richi Andrés Sergio Pablo Raúl Eduardo~Lalo",
        "María Guadalupe~Lupe Carmen Ana Laura Isabel~Chabela Rosa Sofía Valentina Daniela Lucía Fernanda~Fer Paula Marta Elena Gabriela~Gaby Patricia~Paty Teresa~Tere Andrea Camila",
        "García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Torres Ramírez Flores Vargas Castro Rojas Morales Ortiz Gutiérrez Silva",
    ),
    "pt": (
        "João Pedro Lucas Gabriel Rafael~Rafa Gustavo~Guga Felipe Mateus Bruno Thiago Carlos~Cacá Paulo Marcos José~Zé Luiz Antônio~Tonho Fernando Rodrigo Diego Leonardo~Léo",
        "Maria Ana Juliana~Ju Fernanda~Nanda Beatriz~Bia Mariana Gabriela~Gabi Larissa Camila Letícia Amanda Bruna Aline Patrícia Luana Vitória Isabela~Bela Carolina~Carol",
        "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias",
    ),
    "fr": (
        "Jean~Jeannot Pierre~Pierrot Michel Philippe Alain Nicolas~Nico Christophe~Chris Laurent Thomas~Tom Julien~Juju François~Fanfan Éric Stéphane David Sébastien~Seb Frédéric~Fred Olivier Maxime~Max Antoine Mathieu Guillaume Hugo Lucas",
        "Marie Nathalie Isabelle~Isa Sylvie Catherine~Cathy Françoise Sophie Christine Valérie Sandrine Céline Camille Julie~Juju Aurélie Chloé Léa Manon Emma Inès Élodie",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Mercier Bonnet Lambert",
    ),
    "de": (
        "Peter Michael~Micha Thomas~Tom Andreas~Andi Wolfgang~Wolf Klaus Jürgen Stefan~Steffen Christian~Chris Uwe Frank Markus Matthias~Matze Sebastian~Basti Alexander~Alex Tobias~Tobi Jan Lukas Jonas Maximilian~Max Felix Leon Johannes~Hannes",
        "Ursula~Uschi Monika Petra Sabine Claudia Susanne~Susi Andrea Birgit Stefanie~Steffi Julia Katharina~Kathi~Kati Anna Laura Lena Sarah Lisa Johanna~Hanna Leonie Mia Sophie Elisabeth~Lisi",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Huber Gruber",
    ),
    "it": (
        "Giuseppe~Peppe~Beppe Giovanni~Gianni Antonio~Toni Mario Francesco~Franco~Checco Luigi~Gigi Angelo Vincenzo~Enzo Pietro Salvatore~Totò Carlo Alessandro~Ale Andrea Marco Matteo Lorenzo~Lollo Davide Luca Simone Federico~Fede",
        "Maria Anna Giuseppina~Pina Rosa Angela Giovanna~Gianna Teresa Lucia Carmela Francesca~Fra Giulia Chiara Sara Martina Alessia Elisa Federica~Fede Valentina~Vale Silvia Elena",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana",
    ),
    "nl": (
        "Jan Johannes~Hans~Johan Cornelis~Kees Hendrik~Henk Willem~Wim Pieter~Piet Gerrit Jacobus~Koos Dirk Daan Sem Lucas Bram Thijs Ruben Niels Jeroen Bas Tim",
        "Maria~Marieke Johanna~Anneke Cornelia~Corrie Anna~Anja Wilhelmina~Willy Elisabeth~Lies Emma Julia Sophie Lotte Sanne Fleur Femke Iris Eva Lisa",
        "de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer de Boer Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer",
    ),
    "pl": (
        "Piotr Krzysztof~Krzysiek Andrzej Tomasz~Tomek Paweł Jan Michał Marcin Jakub~Kuba Adam Łukasz Grzegorz~Grzesiek Mateusz Wojciech~Wojtek Mariusz Jiří Petr Tomáš Jakub Martin",
        "Anna~Ania Maria~Marysia Katarzyna~Kasia Małgorzata~Gosia Agnieszka~Aga Barbara~Basia Ewa Joanna~Asia Magdalena~Magda Zofia~Zosia Jana Eva Hana Lucie Tereza",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Novák Svoboda Novotný Dvořák Černý Procházka",
    ),
    "nordic": (
        "Lars Anders Johan Erik Per Karl Nils Mikael Jonas Magnus Ole Jens Henrik Mikko Juha Timo Oskar Emil",
        "Anna Maria Eva Karin Kristina~Kicki Lena Sara Emma Ingrid Ida Sofie Mette Hanne Anne Laura Johanna Aino Elsa",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Hansen Johansen Olsen Jensen Nielsen Pedersen Korhonen Virtanen Mäkinen Lindqvist Berg",
    ),
    "ro": (
        "Ion~Ionuț Andrei Alexandru~Alex Mihai Gheorghe~Gică Constantin~Costel Ștefan Florin Vasile Adrian Cristian~Cristi",
        "Maria Elena Ioana Andreea Ana Mihaela Cristina Alexandra Gabriela Raluca Georgiana",
        "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Constantin",
    ),
    "hu": (
        "László~Laci István~Pista József~Józsi János~Jani Zoltán~Zoli Sándor Gábor Ferenc~Feri Attila Péter Tamás~Tomi",
        "Mária~Mari Erzsébet~Erzsi Katalin~Kati Ilona Éva Anna Zsuzsanna~Zsuzsa Margit Judit Ágnes",
        "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács",
    ),
    "el": (
        "Γιώργος=Giorgos|Yiorgos|Georgios~George Δημήτρης=Dimitris|Dimitrios~Jim Κώστας=Kostas|Konstantinos~Costa Γιάννης=Giannis|Yannis|Ioannis~John Νίκος=Nikos|Nikolaos~Nick Παναγιώτης=Panagiotis~Panos",
        "Μαρία=Maria Ελένη=Eleni|Helen Αικατερίνη=Aikaterini|Katerina Βασιλική=Vasiliki|Vasso Σοφία=Sofia|Sophia Γεωργία=Georgia",
        "Παπαδόπουλος=Papadopoulos Παπαδάκης=Papadakis Γεωργίου=Georgiou Οικονόμου=Oikonomou|Economou Νικολάου=Nikolaou Βασιλείου=Vasileiou|Vassiliou",
    ),
    "ru": (
        "Александр=Aleksandr|Alexander|Alexandr|Oleksandr~Саша=Sasha|Sacha~Шура=Shura Сергей=Sergey|Sergei|Serhiy~Серёжа=Seryozha Дмитрий=Dmitry|Dmitriy|Dmitri~Дима=Dima Андрей=Andrey|Andrei|Andriy Алексей=Aleksey|Alexey|Alexei~Лёша=Lyosha Иван=Ivan~Ваня=Vanya Максим=Maksim|Maxim~Макс=Max Михаил=Mikhail|Michail~Миша=Misha Николай=Nikolay|Nikolai~Коля=Kolya Владимир=Vladimir|Volodymyr~Вова=Vova~Володя=Volodya Евгений=Evgeny|Yevgeniy|Eugene~Женя=Zhenya Артём=Artem|Artyom",
        "Елена=Elena|Yelena|Olena~Лена=Lena Ольга=Olga|Olha~Оля=Olya Наталья=Natalya|Natalia|Nataliya~Наташа=Natasha Татьяна=Tatyana|Tatiana|Tetiana~Таня=Tanya Ирина=Irina|Iryna~Ира=Ira Анна=Anna~Аня=Anya Мария=Mariya|Maria~Маша=Masha Екатерина=Ekaterina|Yekaterina|Kateryna~Катя=Katya Светлана=Svetlana~Света=Sveta Юлия=Yuliya|Julia|Yulia~Юля=Yulya Анастасия=Anastasiya|Anastasia~Настя=Nastya",
        "Иванов=Ivanov Смирнов=Smirnov Кузнецов=Kuznetsov|Kuznetsoff Попов=Popov Васильев=Vasilyev|Vasiliev Петров=Petrov Соколов=Sokolov Михайлов=Mikhailov|Mykhailov Новиков=Novikov Фёдоров=Fedorov|Fyodorov Шевченко=Shevchenko Коваленко=Kovalenko Бондаренко=Bondarenko Морозов=Morozov Волков=Volkov Лебедев=Lebedev",
    ),
    "tr": (
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Yusuf Murat Ömer Emre Burak Can",
        "Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Büşra",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin",
    ),
    "ar": (
        "محمد=Mohammed|Muhammad|Mohamed|Mohammad|Mohamad~Hamoudi~Mo أحمد=Ahmed|Ahmad|Ahmet علي=Ali|Aly حسن=Hassan|Hasan|Hasen حسين=Hussein|Hussain|Hossein|Husain عمر=Omar|Umar عبدالله=Abdullah|Abdallah|Abdulla|Abdellah يوسف=Youssef|Yousef|Yusuf|Joseph خالد=Khaled|Khalid إبراهيم=Ibrahim|Ebrahim رضا=Reza|Rida|Ridha مصطفى=Mustafa|Moustafa|Mostafa",
        "فاطمة=Fatima|Fatma|Fatemeh~Fatoom مريم=Maryam|Mariam|Meryem عائشة=Aisha|Aicha|Ayesha زينب=Zainab|Zeinab|Zaynab نور=Nour|Noor|Nur سارة=Sara|Sarah خديجة=Khadija|Khadijah|Khadidja ليلى=Layla|Leila|Laila",
        "العلي=Al-Ali|Alali|Al_Ali حسن=Hassan|Hasan محمد=Mohamed|Mohammed إبراهيم=Ibrahim|Brahim الحسيني=Al-Husseini|Hosseini|Husseini عبدالله=Abdullah|Abdallah الأحمد=Al-Ahmad|Alahmad منصور=Mansour|Mansoor|Mansur خليل=Khalil|Khalili السيد=El-Sayed|Elsayed|Al-Sayed بن_علي=Benali|Ben_Ali",
    ),
    "af": (
        "Emmanuel~Emma Samuel~Sammy David Daniel Joseph~Joe Chukwuemeka~Emeka Oluwaseun~Seun Ibrahim Kwame Kofi Yaw Abebe Tesfaye Baraka Otieno Musa",
        "Blessing Grace Mercy Esther Fatima Chioma Ngozi Aisha Abena Ama Akosua Hanna Tigist Wanjiru Achieng Precious",
        "Okafor Adeyemi Okonkwo Ibrahim Abubakar Mensah Boateng Owusu Asante Bekele Tadesse Kamau Otieno Mwangi Ochieng Balogun Eze",
    ),
    "hi": (
        "राहुल=Rahul अमित=Amit राजेश=Rajesh|Rajes सुरेश=Suresh रमेश=Ramesh विजय=Vijay|Vijai संजय=Sanjay|Sanjai अजय=Ajay|Ajai अनिल=Anil सुनील=Sunil|Suneel प्रदीप=Pradeep|Pradip मोहम्मद=Mohammed|Mohd|Md. आकाश=Akash|Aakash अर्जुन=Arjun|Arjoon",
        "प्रिया=Priya|Preeti पूजा=Pooja|Puja नेहा=Neha अनीता=Anita|Aneeta सुनीता=Sunita|Suneeta कविता=Kavita|Kavitha लक्ष्मी=Lakshmi|Laxmi दीपिका=Deepika|Dipika अंजलि=Anjali|Anjli रेखा=Rekha",
        "शर्मा=Sharma वर्मा=Verma|Varma सिंह=Singh कुमार=Kumar गुप्ता=Gupta पटेल=Patel यादव=Yadav|Yadava जैन=Jain रेड्डी=Reddy|Reddi नायर=Nair राव=Rao खान=Khan दास=Das",
    ),
    "pk": (
        "Muhammad|Mohammad|Mohammed|Muhammed~Md Ali|Aly Ahmed|Ahmad Hassan|Hasan Imran Usman|Osman Bilal Asif Abdul_Rahim|Abdur_Rahim Rahim Kamal Rafiq|Rafique Shahid Hamza",
        "Fatima|Fatema Ayesha|Aisha Khadija Sana Nadia Rabia Farzana Nasreen|Nasrin Shabnam Sadia Nusrat",
        "Khan Ahmed Ali Hussain|Hossain Akhtar Malik Chaudhry|Chowdhury|Choudhury Rahman Islam Hossain Sheikh|Shaikh Butt Iqbal Begum",
    ),
    "zh": (
        "伟=Wei 强=Qiang|Keung 磊=Lei 军=Jun|Chun 杰=Jie|Kit 明=Ming 俊杰=Junjie|Chun_Kit 浩然=Haoran 志强=Zhiqiang|Chi_Keung 建华=Jianhua|Kin_Wah 家豪=Jiahao|Ka_Ho",
        "芳=Fang|Fong 娜=Na 敏=Min|Man 静=Jing|Ching 丽=Li|Lai 秀英=Xiuying|Sau_Ying 婷=Ting 欣怡=Xinyi|Yan_Yi 美玲=Meiling|Mei_Ling|Mei_Lin 嘉欣=Jiaxin|Ka_Yan",
        "王=Wang|Wong 李=Li|Lee|Lei 张=Zhang|Cheung|Chang 刘=Liu|Lau|Lao 陈=Chen|Chan|Tan 杨=Yang|Yeung|Yeo 黄=Huang|Wong|Ng 赵=Zhao|Chiu 吴=Wu|Ng|Goh 周=Zhou|Chow|Chau 林=Lin|Lam|Lim 郭=Guo|Kwok",
    ),
    "id": (
        "Muhammad~Rizky Budi Agus Ahmad Andi Dedi Eko Hendra Rudi Adi Ahmad Farhan Rizal Siti",
        "Siti Sri Dewi Nur Rina Ayu Indah Putri Wati Lestari Fitri Nurul Aisyah",
        "Santoso Wijaya Saputra Hidayat Setiawan Kurniawan Pratama Nugroho Abdullah Ismail Rahman Hassan Lim Tan",
    ),
    "tl": (
        "Juan~Jun Jose~Joey Mark John Paul~Pau Michael Jerome Christian Angelo Carlo Rodrigo~Digong Bong",
        "Maria~Mae Ana Kristine~Tin Angelica~Gel Jessa Mary_Grace Princess Joy Liza Rose",
        "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos dela Cruz",
    ),
    "vi": (
        "Minh Hùng Dũng Tuấn Nam Hoàng Long Huy Đức Khoa Quang Phúc",
        "Linh Hương Lan Mai Ngọc Thảo Trang Hà Hoa Anh Thu Phương",
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ",
    ),
    "th": (
        "สมชาย=Somchai|Somchay สมศักดิ์=Somsak|Somsuk ประเสริฐ=Prasert|Prasoet วิชัย=Wichai|Vichai สุรชัย=Surachai ธนพล=Thanaphon|Tanapon|Thanapol",
        "สมศรี=Somsri มาลี=Malee|Mali วันดี=Wandee|Wandi สุภาพร=Supaporn|Suphaphon กาญจนา=Kanjana|Kanchana นภา=Napa|Napha",
        "แสงทอง=Saengthong|Sangthong ศรีสุข=Srisuk|Sisuk ทองดี=Thongdee|Tongdee วงศ์สวัสดิ์=Wongsawat|Vongsavat สุขใจ=Sukjai|Sukchai บุญมา=Boonma|Bunma",
    ),
    "ja": (
        "翔太=Shota|Shouta|Syota 大輔=Daisuke 健太=Kenta 拓也=Takuya 翔=Sho|Shou 蓮=Ren 悠斗=Yuto|Yuuto 隆=Takashi 浩=Hiroshi 誠=Makoto",
        "陽子=Yoko|Youko 恵子=Keiko 美咲=Misaki 由美=Yumi 愛=Ai 陽菜=Hina 結衣=Yui 真由美=Mayumi 裕子=Yuko|Yuuko|Hiroko",
        "佐藤=Sato|Satou|Satoh 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 伊藤=Ito|Itou|Itoh 渡辺=Watanabe 山本=Yamamoto 中村=Nakamura 小林=Kobayashi 加藤=Kato|Katou|Katoh",
    ),
    "ko": (
        "민준=Min-jun|Minjun|Min_Jun 서준=Seo-jun|Seojun 지훈=Ji-hoon|Jihun|Ji_Hoon 현우=Hyun-woo|Hyeonu|Hyunwoo 동현=Dong-hyun|Donghyeon 성민=Sung-min|Seongmin 준호=Jun-ho|Junho",
        "서연=Seo-yeon|Seoyeon 지은=Ji-eun|Jieun 민지=Min-ji|Minji 수빈=Su-bin|Soobin 지현=Ji-hyun|Jihyeon 유진=Yu-jin|Eugene|Yoojin 하은=Ha-eun|Haeun",
        "김=Kim|Gim 이=Lee|Yi|Rhee 박=Park|Pak|Bak 최=Choi|Choe 정=Jung|Jeong|Chung 강=Kang 조=Cho|Jo 윤=Yoon|Yun 장=Jang|Chang 임=Lim|Im",
    ),
}

# more names for the large cultures (appended to the pools above: given male, given female, surnames)
EXTRA = {
    "en": (
        "George Edward~Ed~Eddie Benjamin~Ben Patrick~Pat Kenneth~Ken Gary Timothy~Tim Jason Jeffrey~Jeff Eric Stephen Scott Justin Aaron Adam Nathan~Nate Zachary~Zach Kyle Sean Ethan Noah Liam Oliver~Ollie Harry Charlie Alfie Dylan Connor Luke Gavin Trevor Wayne Keith Craig Dean Shaun",
        "Sandra~Sandy Donna Carol Ruth Sharon Deborah~Debbie Amy Angela Anna Brenda Pamela~Pam Nicole~Nikki Samantha~Sam Christine~Chris Rachel Catherine~Cathy Heather Megan Lauren Abigail~Abby Grace Sophie Lucy Ella Holly Jade Kayla Tiffany Crystal Courtney Kelly Tracy Wendy Gemma",
        "Allen Wright Lopez Hill Green Adams Baker Gonzalez Nelson Perez Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Cooper Richardson Cox Howard Ward Peterson Gray James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington Butler Simmons Foster Bryant Russell Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens Reynolds Fisher Ellis Harrison Gibson McDonald Marshall Murray Freeman Wells Webb Simpson Stevens Tucker Porter Hunter Hicks Crawford Henry Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice Robertson Hunt Black Daniels Palmer Mills Grant Knight Ferguson Stone Hawkins Dunn Perkins Hudson Spencer Gardner Stephens Payne Pierce Berry Matthews Arnold Wagner Willis Ray Watkins Olson Carroll Duncan Snyder Hart Cunningham Bradley Lane Andrews Harper Fox Riley Armstrong Carpenter Weaver Greene Lawrence Elliott Chavez Sims Austin Peters Kelley Franklin Lawson Fields Ryan",
    ),
    "es": (
        "Roberto~Beto Alberto~Beto Jaime Enrique~Quique Rafael~Rafa Ramón Mario Guillermo~Memo Héctor Gerardo Arturo Óscar Rubén Adrián Álvaro Ignacio~Nacho Gonzalo Santiago~Santi Mateo Emiliano Joaquín Tomás Martín Nicolás Felipe Hugo",
        "Claudia Verónica~Vero Mónica Silvia Alejandra~Ale Adriana Beatriz~Bea Cristina~Cris Pilar Rocío Natalia~Nati Carolina~Caro Mariana Ximena Renata Regina Victoria~Vicky Florencia~Flor Agustina~Agus Julieta~Juli Martina Catalina~Cata Esperanza Yolanda Dolores~Lola Josefina~Pepa",
        "Navarro Domínguez Vázquez Ramos Gil Serrano Blanco Molina Suárez Ortega Delgado Castillo Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Cabrera Aguilar Reyes Mendoza Salazar Contreras Guzmán Espinoza Sandoval Carrillo Acosta Figueroa Cervantes Valencia Fuentes Campos Vega Ríos Maldonado Cárdenas Ibarra Pacheco Soto Velázquez Bravo Miranda Paredes Quispe Mamani Huamán Muñoz Araya Tapia Valenzuela Sepúlveda Zapata Osorio Cardona Arango Giraldo Montoya Benítez Sosa Acuña Villalba",
    ),
    "ar": (
        "سعيد=Said|Saeed|Saied كريم=Karim|Kareem طارق=Tarek|Tariq|Tareq سامي=Sami|Samy ماجد=Majid|Majed وليد=Walid|Waleed فيصل=Faisal|Faysal ناصر=Nasser|Naser|Nasir سليمان=Suleiman|Soliman|Sulaiman جمال=Jamal|Gamal عادل=Adel|Adil هشام=Hisham|Hicham أمين=Amin|Amine رشيد=Rachid|Rashid|Rasheed زياد=Ziad|Ziyad بلال=Bilal أيمن=Ayman|Aymen حمزة=Hamza|Hamzah أنس=Anas إسماعيل=Ismail|Esmail مهدي=Mehdi|Mahdi",
        "أمينة=Amina|Aminah حليمة=Halima|Halimah سلمى=Salma هدى=Huda|Houda|Hoda رانيا=Rania|Ranya ياسمين=Yasmin|Yasmine|Jasmin دعاء=Doaa|Duaa إيمان=Iman|Eman أسماء=Asma|Asmaa هبة=Heba|Hiba رحمة=Rahma|Rahmah سمية=Sumaya|Soumaya وفاء=Wafaa|Wafa لبنى=Lubna|Loubna نادية=Nadia|Nadiya منى=Mona|Muna غادة=Ghada شيماء=Shaimaa|Chaimae سهام=Siham|Sihame",
        "الزهراني=Al-Zahrani|Alzahrani القحطاني=Al-Qahtani|Alqahtani|Al-Kahtani الغامدي=Al-Ghamdi|Alghamdi العتيبي=Al-Otaibi|Alotaibi الشمري=Al-Shammari|Alshammari الدوسري=Al-Dosari|Aldossary الحربي=Al-Harbi|Alharbi المطيري=Al-Mutairi|Almutairi عبدالرحمن=Abdelrahman|Abdulrahman|Abderrahmane سالم=Salem|Salim يوسف=Youssef|Yousef|Youcef صالح=Saleh|Salah جابر=Jaber|Jabir العمري=El_Omari|Al-Omari|Elomari الإدريسي=El_Idrissi|Idrissi بنعلي=Benali العلوي=Alaoui|El_Alaoui التازي=Tazi بوزيد=Bouzid حداد=Haddad|Hadad نجار=Najjar|Nagar خوري=Khoury|Khouri عثمان=Osman|Othman|Osmane فاروق=Farouk|Farooq رحماني=Rahmani|Rahmany موسوي=Mousavi|Musawi|Moussaoui كريمي=Karimi|Karimy حسيني=Hosseini|Husseini أحمدي=Ahmadi|Ahmady جعفري=Jafari|Jaafari رضائي=Rezaei|Rezaie صادقي=Sadeghi|Sadeqi نوري=Nouri|Noori كاظمي=Kazemi|Kadhimi طاهر=Taher|Tahir",
    ),
    "hi": (
        "विकास=Vikas रवि=Ravi|Ravee दीपक=Deepak|Dipak मनोज=Manoj राजू=Raju अशोक=Ashok रोहित=Rohit|Rohith नितिन=Nitin|Nithin गौरव=Gaurav|Gourav सचिन=Sachin कृष्णा=Krishna|Krishnan वेंकटेश=Venkatesh|Venkatesan श्रीनिवास=Srinivas|Srinivasa|Shrinivas आनंद=Anand अभिषेक=Abhishek|Abishek हरीश=Harish|Hareesh",
        "सीमा=Seema|Sima ज्योति=Jyoti|Jyothi मीना=Meena|Mina रीना=Reena|Rina गीता=Geeta|Gita|Geetha स्वाति=Swati|Swathi दिव्या=Divya श्वेता=Shweta|Sweta अर्चना=Archana संगीता=Sangeeta|Sangita रश्मि=Rashmi|Reshmi पद्मा=Padma शालिनी=Shalini रूपा=Roopa|Rupa",
        "मिश्रा=Mishra तिवारी=Tiwari|Tewari पांडे=Pandey|Pande चौहान=Chauhan जोशी=Joshi मेहता=Mehta शाह=Shah देसाई=Desai नायडू=Naidu पिल्लई=Pillai|Pillay मेनन=Menon अय्यर=Iyer|Aiyar बनर्जी=Banerjee|Banerji चटर्जी=Chatterjee|Chatterji मुखर्जी=Mukherjee|Mukherji घोष=Ghosh|Ghose बोस=Bose|Basu सेन=Sen चौधरी=Chaudhary|Choudhary|Chaudhari ठाकुर=Thakur अग्रवाल=Agarwal|Aggarwal|Agrawal बंसल=Bansal गोयल=Goyal|Goel मित्तल=Mittal कपूर=Kapoor|Kapur मल्होत्रा=Malhotra खन्ना=Khanna सक्सेना=Saxena श्रीवास्तव=Srivastava|Shrivastava दुबे=Dubey|Dube त्रिपाठी=Tripathi पाटिल=Patil|Paatil कुलकर्णी=Kulkarni देशमुख=Deshmukh भट्ट=Bhatt|Bhat नाथ=Nath प्रसाद=Prasad गौड़ा=Gowda|Gouda",
    ),
    "ru": (
        "Павел=Pavel|Pavlo~Паша=Pasha Роман=Roman~Рома=Roma Игорь=Igor|Ihor Олег=Oleg|Oleh Виктор=Viktor|Victor~Витя=Vitya Юрий=Yuriy|Yuri|Yury|Iurii~Юра=Yura Денис=Denis Антон=Anton Кирилл=Kirill|Kyrylo Никита=Nikita|Mykyta Илья=Ilya|Illia Егор=Egor|Yegor Тимур=Timur Руслан=Ruslan Вадим=Vadim|Vadym",
        "Марина=Marina|Maryna Оксана=Oksana Людмила=Lyudmila|Liudmyla~Люда=Lyuda Галина=Galina|Halyna~Галя=Galya Дарья=Darya|Daria|Dariia~Даша=Dasha Алина=Alina Виктория=Viktoriya|Victoria~Вика=Vika Ксения=Kseniya|Ksenia~Ксюша=Ksyusha Полина=Polina Вера=Vera Надежда=Nadezhda|Nadiia~Надя=Nadya Валентина=Valentina|Valentyna~Валя=Valya",
        "Козлов=Kozlov Новик=Novik Павлов=Pavlov Семёнов=Semenov|Semyonov Голубев=Golubev Виноградов=Vinogradov Богданов=Bogdanov Воробьёв=Vorobyov|Vorobiev Зайцев=Zaitsev|Zaytsev Соловьёв=Solovyov|Soloviev Борисов=Borisov Яковлев=Yakovlev|Iakovlev Григорьев=Grigoryev|Grigoriev Романов=Romanov Захаров=Zakharov|Zaharov Степанов=Stepanov Николаев=Nikolaev|Nikolayev Орлов=Orlov Андреев=Andreev|Andreyev Макаров=Makarov Никитин=Nikitin Захарченко=Zakharchenko Ткаченко=Tkachenko Кравченко=Kravchenko Олейник=Oleinik|Oliinyk Мельник=Melnik|Melnyk Лысенко=Lysenko|Lisenko Руденко=Rudenko Савченко=Savchenko Марченко=Marchenko Ахметов=Akhmetov|Ahmetov Сулейменов=Suleimenov|Suleymenov Нурланов=Nurlanov Жуков=Zhukov|Joukov Белов=Belov Тарасов=Tarasov Беляев=Belyaev|Beliaev",
    ),
    "af": (
        "Chinedu Obinna Tunde~Tee Femi Ayodele~Ayo Adebayo~Bayo Uche Ikechukwu~Ike Segun Kelechi Nnamdi Yakubu Aliyu Suleiman Kwabena Kojo Kwaku Ekow Getachew Dawit Mulugeta Kiprono Kipchoge Njoroge Mutua Omondi Juma Hassan Peter Paul Michael Godwin Victor",
        "Funmilayo~Funmi Adaeze~Ada Nneka Amaka Folake Yetunde Bukola Zainab Hauwa Halima Efua Adwoa Akua Yaa Afia Selam Meron Hiwot Mekdes Wambui Njeri Akinyi Atieno Faith Joy Peace Gift Patience Comfort Charity",
        "Adebayo Oladipo Olawale Ogunleye Nwosu Nwachukwu Obi Chukwu Onyeka Eze Okeke Okoro Danjuma Bello Musa Yusuf Usman Garba Aminu Sani Appiah Osei Agyeman Darko Addo Quaye Ansah Amoah Tetteh Kebede Haile Girma Alemu Tesfaye Wolde Mekonnen Kiprop Cheruiyot Kiptoo Wanjiku Njoroge Kariuki Onyango Odhiambo Wafula Mutai Koech Ruto Kimani",
    ),
    "zh": (
        "勇=Yong|Yung 涛=Tao|To 斌=Bin|Ban 超=Chao|Chiu 鹏=Peng|Pang 辉=Hui|Fai 刚=Gang|Kong 华=Hua|Wah 平=Ping 文=Wen|Man 志明=Zhiming|Chi_Ming 国强=Guoqiang|Kwok_Keung 子轩=Zixuan 宇航=Yuhang 伟杰=Weijie|Wai_Kit",
        "艳=Yan 玲=Ling 霞=Xia|Ha 燕=Yan|Yin 红=Hong|Hung 梅=Mei|Mui 莉=Li|Lei 雪=Xue|Suet 慧敏=Huimin|Wai_Man 晓燕=Xiaoyan|Hiu_Yin 雨涵=Yuhan 子涵=Zihan 诗琪=Shiqi|Sze_Ki 佳怡=Jiayi|Kai_Yee",
        "徐=Xu|Tsui|Hsu 孙=Sun|Suen 胡=Hu|Wu|Woo 朱=Zhu|Chu|Chee 高=Gao|Ko|Kao 何=He|Ho 罗=Luo|Law|Lo 梁=Liang|Leung|Neo 宋=Song|Sung 郑=Zheng|Cheng|Tay 谢=Xie|Tse|Cheah 韩=Han|Hon 唐=Tang|Tong 冯=Feng|Fung 许=Xu|Hui|Koh 邓=Deng|Tang|Teng 曹=Cao|Tso|Chor 彭=Peng|Pang 曾=Zeng|Tsang|Chan 蔡=Cai|Choi|Chua|Tsai 叶=Ye|Yip|Yap 钟=Zhong|Chung 潘=Pan|Poon|Phua 杜=Du|To 苏=Su|So 卢=Lu|Lo 蒋=Jiang|Cheung|Chiang 余=Yu|Yue 袁=Yuan|Yuen 邱=Qiu|Yau|Khoo",
    ),
    "id": (
        "Bambang Joko Slamet Hadi Wahyu Yusuf Arif Fajar Dimas Bayu Reza Aditya Putra Teguh Irfan Hendro Yoga Gilang Ilham Ridwan Rahmat Hafiz Syahrul Aziz Amir Faisal Zulkifli",
        "Rini Yuni Dian Ratna Endang Novi Desi Maya Eka Ani Intan Citra Nabila Salsabila Anisa Puspita Kartika Nur_Aini Siti_Nurhaliza Aminah Zahra Farah Nadia Hidayah",
        "Susanto Gunawan Halim Sutrisno Wibowo Suryadi Hartono Siregar Nasution Harahap Lubis Simanjuntak Sitompul Pardede Tanjung Hasibuan Purnomo Prasetyo Sulistyo Utomo Rahardjo Firmansyah Hakim Maulana Hamid Yusof Othman Ahmad Ibrahim Mohd_Noor Zainal Osman Razak Aziz Ong Chong Lee Ng Wong",
    ),
    "pk": (
        "Faisal Kashif Nadeem Naveed Tariq|Tarik Zubair Waqas Junaid Adnan Fahad Saad Haris Rizwan Arif Sajid Zahid Shahzad Farhan Sohail Tanvir Mizanur Habibur Shafiqul Anisur Rakib Sakib",
        "Mehwish Hina Saima Bushra Uzma Amna Iqra Maryam Mahnoor Zara Anum Sidra Tahmina Rokeya Sharmin Nasima Rupa Shirin Taslima Jannatul",
        "Qureshi Siddiqui|Siddiqi Javed Mirza Raza Abbasi Bhatti Awan Baig Haider|Hyder Shah Nawaz Rana Gill Jatt Anwar Aslam Mahmood|Mahmud Karim Uddin Miah|Mia Sarkar|Sarker Sikder Talukder Bhuiyan Mollah Haque|Hoque Alam Molla",
    ),
    "th": (
        "อนันต์=Anan|Anant ณัฐพล=Nattapon|Natthaphon ชัยวัฒน์=Chaiwat|Chaiyawat กิตติ=Kitti พงศกร=Pongsakorn|Phongsakon วีระ=Weera|Veera สมพงษ์=Sompong|Somphong บุญชัย=Boonchai|Bunchai",
        "ปิยะนุช=Piyanuch|Piyanut อรุณี=Arunee|Aruni รัตนา=Rattana|Ratana ศิริพร=Siriporn|Siriphon พรทิพย์=Porntip|Phonthip จันทร์เพ็ญ=Chanpen|Janpen นิตยา=Nittaya|Nitaya ดวงใจ=Duangjai|Duangchai",
        "รัตนพันธ์=Rattanapan|Ratanaphan จันทร์แก้ว=Chankaew|Chankaeo ศรีวงศ์=Sriwong|Siwong พรหมมา=Promma|Phromma เพชรสุวรรณ=Petchsuwan|Phetsuwan ใจดี=Jaidee|Chaidi สมบูรณ์=Somboon|Sombun มณีรัตน์=Maneerat|Manirat ทองคำ=Thongkham|Tongkam บุญเรือง=Boonruang|Bunrueang",
    ),
    "ja": (
        "大翔=Hiroto|Haruto 陽太=Yota|Youta|Hinata 颯太=Sota|Souta 健一=Kenichi|Ken'ichi 直樹=Naoki 和也=Kazuya 亮=Ryo|Ryou 剛=Tsuyoshi|Go 修=Osamu 聡=Satoshi",
        "さくら=Sakura 美穂=Miho 麻衣=Mai 彩=Aya 舞=Mai 明美=Akemi 智子=Tomoko 直美=Naomi 香織=Kaori 千尋=Chihiro",
        "吉田=Yoshida 山田=Yamada 佐々木=Sasaki 山口=Yamaguchi 松本=Matsumoto 井上=Inoue 木村=Kimura 林=Hayashi 斎藤=Saito|Saitou|Saitoh 清水=Shimizu 山崎=Yamazaki|Yamasaki 森=Mori 池田=Ikeda 橋本=Hashimoto 阿部=Abe 石川=Ishikawa 山下=Yamashita 中島=Nakajima|Nakashima 前田=Maeda 藤田=Fujita 小川=Ogawa 岡田=Okada 後藤=Goto|Gotou|Gotoh 長谷川=Hasegawa",
    ),
    "ko": (
        "도윤=Do-yun|Doyoon 예준=Ye-jun|Yejun 시우=Si-woo|Siwoo 주원=Ju-won|Joowon 영수=Young-soo|Yeongsu|Youngsoo 상철=Sang-chul|Sangcheol 재현=Jae-hyun|Jaehyeon 태민=Tae-min|Taemin",
        "서윤=Seo-yun|Seoyoon 지우=Ji-woo|Jiwoo 하윤=Ha-yun|Hayoon 은지=Eun-ji|Eunji 미경=Mi-kyung|Migyeong 영희=Young-hee|Yeonghui 혜진=Hye-jin|Hyejin 소연=So-yeon|Soyeon",
        "한=Han 오=Oh|O 서=Seo|Suh 신=Shin|Sin 권=Kwon|Gwon 황=Hwang 안=Ahn|An 송=Song 류=Ryu|Yoo|Yu 홍=Hong 전=Jeon|Jun|Chun 고=Ko|Go 문=Moon|Mun 양=Yang 손=Son|Sohn 배=Bae|Pae 백=Baek|Paik 허=Heo|Hur 남=Nam 노=Noh|Roh",
    ),
    "tl": (
        "Ronaldo Jomar Jericho Ramon~Mon Ferdinand~Bongbong Emmanuel~Manny Renato~Jun Reynaldo~Rey Eduardo~Ed Danilo Rommel Arnel Joel Romeo",
        "Cristina~Tina Rosalie Marites Jocelyn Maricel Lorna Evangeline~Vangie Charmaine Rowena Analyn Kimberly Janine",
        "Aquino Dizon Manalo Lim Navarro Aguilar Salazar Soriano Pascual Domingo Gonzales Fernandez Mercado Rivera De_Leon Valdez Gutierrez Corpuz Ramirez Panganiban Macaraeg Dimaculangan",
    ),
    "vi": (
        "Thành Tùng Hải Sơn Cường Thắng Bình Vinh Trung Hiếu Toàn Lâm",
        "Hằng Nhung Yến Quỳnh Vy Nga Hạnh Huyền Diệp Trinh Uyên Nhi",
        "Hồ Ngô Dương Lý Đinh Trương Lâm Mai Tạ Cao Lương Trịnh Đoàn Vương Tô Chu Kiều Hà Quách La",
    ),
}
for _k, _v in EXTRA.items():
    POOLS[_k] = tuple(a + " " + b for a, b in zip(POOLS[_k], _v, strict=False))

SURNAME_FIRST = {"zh", "ja", "ko", "hu", "vi"}
NO_SPACE_NATIVE = {"zh", "ja"}  # 王伟, 佐藤翔太 (Korean native: 김민준 also without space)
MARRIED_NAME_CULTURES = {
    "en",
    "de",
    "fr",
    "it",
    "nl",
    "pl",
    "nordic",
    "ro",
    "hu",
    "el",
    "ru",
    "tr",
    "pt",
    "af",
    "tl",
}
TWO_SURNAMES = {"es", "pt"}


class Name:
    __slots__ = ("native", "nicks", "roms")

    def __init__(self, entry):
        parts = entry.split("~")
        main, self.nicks = parts[0], parts[1:]
        if "=" in main:
            self.native, r = main.split("=", 1)
            self.roms = r.split("|")
        else:
            forms = main.split("|")
            self.native, self.roms = forms[0], forms[:]
            plain = strip_accents(forms[0])
            if plain not in self.roms:
                self.roms.append(plain)

    def latin(self, rng):
        return self.roms[0] if rng.random() < 0.65 else rng.choice(self.roms)

    def nick(self, rng, native=False):
        n = rng.choice(self.nicks)
        if "=" not in n:
            return n
        nat, rom = n.split("=", 1)
        return nat if native else rom.split("|")[0]


def _parse(s):
    # entries are space-separated except multi-word Dutch/Filipino surnames, kept by a leading lowercase particle
    out, buf = [], []
    for tok in s.split():
        if buf and (buf[-1] in ("de", "van", "den", "dela") or tok in ("den",)):
            buf.append(tok)
            continue
        if buf:
            out.append(" ".join(buf))
        buf = [tok]
    if buf:
        out.append(" ".join(buf))
    return [Name(e.replace("_", " ")) for e in out]


PARSED = {k: tuple(_parse(x) for x in v) for k, v in POOLS.items()}


def feminine(surname):
    """Slavic surnames take a feminine form (Иванов -> Иванова, Ivanov -> Ivanova)."""
    if surname.native[-2:] in ("ов", "ев", "ёв", "ин", "ын"):
        return Name(surname.native + "а=" + "|".join(r + "a" for r in surname.roms))
    return surname


def zipf_pick(pool, rng, s=0.65):
    w = [1.0 / (i + 1) ** s for i in range(len(pool))]
    return rng.choices(pool, weights=w)[0]


def draw_given(culture, gender, rng):
    return zipf_pick(PARSED[culture][0 if gender == "M" else 1], rng)


def draw_surname(culture, rng):
    return zipf_pick(PARSED[culture][2], rng)


def is_latin(culture):
    return culture not in ("ru", "ar", "hi", "zh", "ja", "ko", "th", "el")


def full_name(culture, given, surnames, rng, native_p=0.4, nick_p=0.12):
    """One written form of a person's name: script, romanization, nickname, order, case."""
    native = not is_latin(culture) and rng.random() < native_p
    if native:
        g = given.nick(rng, True) if given.nicks and rng.random() < nick_p else given.native
        s = surnames[0].native
        if culture in NO_SPACE_NATIVE or (culture == "ko" and rng.random() < 0.8):
            return s + g
        if culture in SURNAME_FIRST:
            return f"{s} {g}"
        return f"{g} {s}"
    g = given.nick(rng) if given.nicks and rng.random() < nick_p else given.latin(rng)
    sn = [surnames[0].latin(rng)]
    if len(surnames) > 1 and rng.random() < 0.55:
        sn.append(surnames[1].latin(rng))
    if is_latin(culture) and rng.random() < 0.3:
        g, sn = strip_accents(g), [strip_accents(x) for x in sn]
    s = " ".join(sn)
    r = rng.random()
    if culture in SURNAME_FIRST and r < 0.45:
        out = f"{s} {g}"
    elif r < 0.05:
        out = f"{s.upper()} {g}"
    elif r < 0.09:
        out = f"{s}, {g}"
    else:
        out = f"{g} {s}"
    r = rng.random()
    return out.lower() if r < 0.07 else (out.upper() if r < 0.1 else out)
