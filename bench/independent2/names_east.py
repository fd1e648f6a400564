# ruff: noqa: E501, RUF001
"""Name data: Eastern Europe, Middle East, Asia, Africa (token syntax as in ``names_west``). ``native`` is the
share of a culture's people who write their name in its own script; ``order`` ``sg`` puts the surname first;
``alias`` names are ones people adopt beside their given name (English names in China, Thai nicknames)."""

EAST = {
    "ru": dict(
        male="Александр/Aleksandr/Alexander/Alexandr~Саша/Sasha,Шура/Shura Сергей/Sergey/Sergei/Sergej~Серёжа/Seryozha "
        "Дмитрий/Dmitry/Dmitriy/Dmitrii/Dmitri~Дима/Dima Андрей/Andrey/Andrei~Андрюша/Andryusha "
        "Алексей/Aleksey/Alexey/Alexei~Лёша/Lyosha/Lesha Максим/Maksim/Maxim~Макс/Max Иван/Ivan~Ваня/Vanya "
        "Михаил/Mikhail/Mihail~Миша/Misha Николай/Nikolay/Nikolai~Коля/Kolya Евгений/Evgeny/Evgeniy/Yevgeny~Женя/Zhenya "
        "Владимир/Vladimir~Вова/Vova,Володя/Volodya Павел/Pavel~Паша/Pasha Артём/Artyom/Artem~Тёма/Tyoma "
        "Роман/Roman~Рома/Roma Юрий/Yuriy/Yury/Yuri~Юра/Yura Денис/Denis~Дэн/Den Игорь/Igor Олег/Oleg",
        female="Анна/Anna~Аня/Anya Елена/Elena/Yelena~Лена/Lena Ольга/Olga~Оля/Olya "
        "Наталья/Natalya/Natalia/Natalja~Наташа/Natasha Татьяна/Tatyana/Tatiana~Таня/Tanya "
        "Екатерина/Ekaterina/Yekaterina/Katerina~Катя/Katya Мария/Mariya/Maria~Маша/Masha Ирина/Irina~Ира/Ira "
        "Светлана/Svetlana~Света/Sveta Юлия/Yuliya/Julia/Yulia~Юля/Yulya Анастасия/Anastasiya/Anastasia~Настя/Nastya "
        "Дарья/Darya/Daria~Даша/Dasha Ксения/Kseniya/Ksenia~Ксюша/Ksyusha Виктория/Viktoriya/Victoria~Вика/Vika "
        "Полина/Polina Алина/Alina Марина/Marina",
        surname="Иванов/Ivanov/Ivanoff Смирнов/Smirnov Кузнецов/Kuznetsov/Kuznecov Попов/Popov "
        "Васильев/Vasilyev/Vasiliev Петров/Petrov Соколов/Sokolov Михайлов/Mikhailov/Mihaylov Новиков/Novikov "
        "Фёдоров/Fedorov/Fyodorov Морозов/Morozov Волков/Volkov Алексеев/Alekseev/Alexeev Лебедев/Lebedev "
        "Семёнов/Semenov/Semyonov Егоров/Egorov/Yegorov Павлов/Pavlov Козлов/Kozlov Степанов/Stepanov "
        "Николаев/Nikolaev Орлов/Orlov Зайцев/Zaytsev/Zaitsev Соловьёв/Solovyov/Soloviev Ильин/Ilyin/Ilin",
        gender="ru",
        native=0.6,
    ),
    "uk": dict(
        male="Олександр/Oleksandr/Aleksandr~Сашко/Sashko,Саша/Sasha Андрій/Andrii/Andriy Сергій/Serhii/Serhiy/Sergiy "
        "Дмитро/Dmytro~Діма/Dima Володимир/Volodymyr~Вова/Vova Микола/Mykola~Коля/Kolia Іван/Ivan "
        "Віталій/Vitalii/Vitaliy~Віталік/Vitalik Богдан/Bohdan/Bogdan Тарас/Taras Олег/Oleh/Oleg "
        "Юрій/Yurii/Yuriy~Юра/Yura Максим/Maksym/Maxim Василь/Vasyl~Вася/Vasia",
        female="Олена/Olena~Оленка/Olenka Оксана/Oksana~Ксюша/Ksiusha Наталія/Nataliia/Natalia~Наташа/Natasha "
        "Тетяна/Tetiana/Tetyana~Таня/Tania Ірина/Iryna~Іра/Ira Юлія/Yuliia/Yulia~Юля/Yulia Анна/Anna~Аня/Ania "
        "Марія/Mariia/Maria Катерина/Kateryna~Катя/Katia Світлана/Svitlana~Світла/Svitla "
        "Людмила/Liudmyla/Lyudmila~Люда/Liuda Галина/Halyna/Galina~Галя/Halia Вікторія/Viktoriia~Віка/Vika",
        surname="Шевченко/Shevchenko Коваленко/Kovalenko Бондаренко/Bondarenko Ткаченко/Tkachenko "
        "Кравченко/Kravchenko Олійник/Oliinyk/Oliynyk Шевчук/Shevchuk Мельник/Melnyk/Melnik Коваль/Koval "
        "Бойко/Boiko/Boyko Поліщук/Polishchuk Лисенко/Lysenko Савченко/Savchenko Руденко/Rudenko "
        "Марченко/Marchenko Петренко/Petrenko Кравчук/Kravchuk Мороз/Moroz",
        native=0.55,
    ),
    "sr": dict(
        male="Никола/Nikola Марко/Marko Стефан/Stefan Милош/Miloš/Milos Лука/Luka Немања/Nemanja "
        "Александар/Aleksandar~Саша/Saša/Sasa Драган/Dragan Зоран/Zoran Горан/Goran Дејан/Dejan Ненад/Nenad "
        "Иван/Ivan Петар/Petar~Пера/Pera Георги/Georgi Димитър/Dimitar~Митко/Mitko",
        female="Милица/Milica Јелена/Jelena~Јеца/Jeca Ана/Ana Марија/Marija Драгана/Dragana Ивана/Ivana "
        "Снежана/Snežana/Snezana~Снежа/Sneža Мила/Mila Сања/Sanja Тамара/Tamara Десислава/Desislava~Деси/Desi "
        "Цветелина/Tsvetelina~Цвети/Tsveti Мария/Maria Иванка/Ivanka",
        surname="Јовановић/Jovanović/Jovanovic/Jovanovich Петровић/Petrović/Petrovic Николић/Nikolić/Nikolic "
        "Марковић/Marković/Markovic Ђорђевић/Đorđević/Djordjevic Стојановић/Stojanović/Stojanovic Илић/Ilić/Ilic "
        "Станковић/Stanković/Stankovic Павловић/Pavlović/Pavlovic Хорват/Horvat Ковачевић/Kovačević/Kovacevic "
        "Бабић/Babić/Babic Марић/Marić/Maric Иванов/Ivanov Георгиев/Georgiev Димитров/Dimitrov Петков/Petkov",
        gender="ru",
        native=0.4,
    ),
    "kk": dict(
        male="Нұрсұлтан/Nursultan Ерлан/Yerlan/Erlan Асхат/Askhat/Ashat Айдар/Aidar/Aydar Данияр/Daniyar "
        "Бауыржан/Bauyrzhan/Baurzhan~Бауке/Bauke Арман/Arman Ержан/Yerzhan/Erzhan Нұрлан/Nurlan Тимур/Timur",
        female="Айгерім/Aigerim/Aygerim~Айгуля/Aigulya Динара/Dinara Гүлнар/Gulnar/Gulnara Әсел/Asel/Assel "
        "Жанар/Zhanar Айжан/Aizhan Мадина/Madina Сәуле/Saule Ақбота/Akbota Аружан/Aruzhan",
        surname="Ахметов/Akhmetov/Ahmetov Нұрланов/Nurlanov Омаров/Omarov Жұмабаев/Zhumabayev/Zhumabaev "
        "Сүлейменов/Suleimenov/Suleymenov Қасымов/Kassymov/Kasymov Абдрахманов/Abdrakhmanov "
        "Исмаилов/Ismailov Бекмұханов/Bekmukhanov Серікбаев/Serikbayev Тоқаев/Tokayev/Tokaev",
        gender="ru",
        native=0.4,
    ),
    "tr": dict(
        male="Mehmet/Mehmed~Memo Mustafa~Musti Ahmet/Ahmed Ali Hüseyin/Huseyin Hasan İbrahim/Ibrahim "
        "İsmail/Ismail Osman Yusuf Murat Ömer/Omer Emre Burak Can Kemal Serkan Cem Onur Mert",
        female="Fatma Ayşe/Ayse Emine Hatice Zeynep Elif Meryem Şerife/Serife Zehra Sultan Merve "
        "Büşra/Busra Esra Özlem/Ozlem Derya Ebru Gamze Selin Dilek",
        surname="Yılmaz/Yilmaz Kaya Demir Şahin/Sahin Çelik/Celik Yıldız/Yildiz Yıldırım/Yildirim "
        "Öztürk/Ozturk/Oeztuerk Aydın/Aydin Özdemir/Ozdemir/Oezdemir Arslan Doğan/Dogan Kılıç/Kilic Aslan "
        "Çetin/Cetin Kara Koç/Koc Kurt Özkan/Ozkan Şimşek/Simsek Polat Erdoğan/Erdogan",
    ),
    "ar": dict(
        male="محمد/Mohammed/Muhammad/Mohamed/Mohammad/Mohamad/Muhammed~حمودي/Hamoudi,مودي/Moudi أحمد/Ahmed/Ahmad "
        "علي/Ali عمر/Omar/Umar يوسف/Youssef/Yousef/Yusuf خالد/Khaled/Khalid حسن/Hassan/Hasan "
        "حسين/Hussein/Hussain/Hossein إبراهيم/Ibrahim/Ebrahim عبد_الله/Abdullah/Abdallah/Abdalla~عبود/Abboud "
        "مصطفى/Mustafa/Moustafa/Mostafa محمود/Mahmoud/Mahmud كريم/Karim/Kareem طارق/Tarek/Tariq/Tarik "
        "سعيد/Said/Saeed ياسين/Yassine/Yasin/Yaseen عبد_الرحمن/Abdelrahman/Abdulrahman/Abdul_Rahman "
        "فيصل/Faisal/Faysal سامي/Sami/Samy أنس/Anas",
        female="فاطمة/Fatima/Fatma/Fatimah~فطوم/Fattoum عائشة/Aisha/Aicha/Aysha مريم/Maryam/Mariam/Meryem "
        "زينب/Zainab/Zeinab/Zaynab نور/Nour/Noor/Nur سارة/Sara/Sarah ليلى/Layla/Leila/Laila هدى/Huda/Houda "
        "أمل/Amal خديجة/Khadija/Khadijah/Khadidja سلمى/Salma ياسمين/Yasmin/Yasmine/Jasmin رانيا/Rania/Ranya "
        "دينا/Dina/Dena هبة/Heba/Hiba رنا/Rana منى/Mona/Muna",
        surname="الحسن/Al-Hassan/Alhassan/El_Hassan عبد_الرحمن/Abdelrahman/Abdulrahman إبراهيم/Ibrahim "
        "محمود/Mahmoud علي/Ali حسين/Hussein/Hussain الأحمد/Al-Ahmad/Alahmad منصور/Mansour/Mansur "
        "سالم/Salem/Salim حداد/Haddad خوري/Khoury/Khouri ناصر/Nasser/Nasir صالح/Saleh/Salih يوسف/Youssef/Yousef "
        "بن_علي/Ben_Ali/Benali العتيبي/Al-Otaibi/Alotaibi القحطاني/Al-Qahtani/Alqahtani "
        "الشمري/Al-Shammari/Alshammari عثمان/Osman/Othman عباس/Abbas/Abas الزهراني/Al-Zahrani/Alzahrani "
        "المصري/El-Masry/Elmasry/Al-Masri",
        native=0.35,
    ),
    "fa": dict(
        male="محمد/Mohammad/Mohamad علی/Ali حسین/Hossein/Hosein رضا/Reza مهدی/Mehdi/Mahdi امیر/Amir "
        "سعید/Saeed/Said محسن/Mohsen حمید/Hamid علیرضا/Alireza داریوش/Dariush/Daryoush کوروش/Kourosh/Koorosh "
        "بهروز/Behrouz/Behrooz",
        female="فاطمه/Fatemeh/Fatima زهرا/Zahra مریم/Maryam سارا/Sara نرگس/Narges لیلا/Leila/Layla "
        "شیرین/Shirin پریسا/Parisa نازنین/Nazanin~نازی/Nazi مهسا/Mahsa سمیرا/Samira نسرین/Nasrin",
        surname="محمدی/Mohammadi حسینی/Hosseini/Hoseini احمدی/Ahmadi رضایی/Rezaei/Rezaee/Rezaie کریمی/Karimi "
        "موسوی/Mousavi/Musavi جعفری/Jafari/Jaafari رحیمی/Rahimi صادقی/Sadeghi/Sadeqi هاشمی/Hashemi "
        "کاظمی/Kazemi قاسمی/Ghasemi/Qasemi نوری/Nouri/Noori طاهری/Taheri",
        native=0.4,
    ),
    "he": dict(
        male="יוסף/Yosef/Joseph~יוסי/Yossi דוד/David~דודי/Dudi משה/Moshe~מושיקו/Moshiko אברהם/Avraham/Abraham~אבי/Avi "
        "יעקב/Yaakov/Yakov/Jacob~קובי/Kobi איתי/Itai/Itay נועם/Noam אורי/Ori/Uri דניאל/Daniel~דני/Dani "
        "אליהו/Eliyahu~אלי/Eli יונתן/Yonatan/Jonathan~יוני/Yoni עומר/Omer/Omar",
        female="שרה/Sara/Sarah רחל/Rachel/Rahel מיכל/Michal נועה/Noa תמר/Tamar יעל/Yael שירה/Shira "
        "אביגיל/Avigail/Abigail רבקה/Rivka/Rebecca~ריקי/Riki מאיה/Maya/Maia אסתר/Ester/Esther",
        surname="כהן/Cohen/Kohen לוי/Levi/Levy מזרחי/Mizrahi/Mizrachi פרץ/Peretz/Perez ביטון/Biton "
        "דהן/Dahan אברהם/Avraham פרידמן/Friedman/Fridman שפירא/Shapira/Shapiro אזולאי/Azoulay/Azulai "
        "כץ/Katz גולדברג/Goldberg אוחיון/Ohayon",
        native=0.45,
    ),
    "hi": dict(
        male="राहुल/Rahul अमित/Amit सुनील/Sunil राजेश/Rajesh~राजू/Raju विजय/Vijay/Vijai अनिल/Anil "
        "संजय/Sanjay सुरेश/Suresh मनोज/Manoj अजय/Ajay रवि/Ravi आकाश/Aakash/Akash अर्जुन/Arjun "
        "विकास/Vikas दीपक/Deepak/Dipak प्रवीण/Praveen/Pravin आदित्य/Aditya रोहित/Rohit वेंकटेश/Venkatesh/Venkat",
        female="प्रिया/Priya पूजा/Pooja/Puja अंजलि/Anjali/Anjaly नेहा/Neha सुनीता/Sunita कविता/Kavita/Kavitha "
        "दिव्या/Divya लक्ष्मी/Lakshmi/Laxmi स्नेहा/Sneha रीना/Reena/Rina आरती/Aarti/Arti सीमा/Seema/Sima "
        "श्वेता/Shweta/Sweta ज्योति/Jyoti/Jyothi",
        surname="शर्मा/Sharma कुमार/Kumar सिंह/Singh वर्मा/Verma गुप्ता/Gupta पटेल/Patel यादव/Yadav जैन/Jain "
        "मिश्रा/Mishra रेड्डी/Reddy नायर/Nair अग्रवाल/Agarwal/Aggarwal/Agrawal चौधरी/Chaudhary/Choudhary "
        "श्रीवास्तव/Srivastava/Shrivastava देसाई/Desai मेहता/Mehta राव/Rao खन्ना/Khanna",
        native=0.2,
    ),
    "ur": dict(
        male="محمد/Muhammad/Mohammad/Muhammed/Mohd علی/Ali احمد/Ahmed/Ahmad حسن/Hassan/Hasan عمران/Imran "
        "عثمان/Usman/Osman بلال/Bilal فیصل/Faisal عمر/Umar/Omar حمزہ/Hamza/Hamzah زاہد/Zahid کامران/Kamran "
        "شاہد/Shahid/Shahed آصف/Asif/Asaf",
        female="عائشہ/Ayesha/Aisha فاطمہ/Fatima مریم/Maryam صبا/Saba حنا/Hina ثنا/Sana نادیہ/Nadia "
        "سمیرا/Samira رابعہ/Rabia زینب/Zainab کرن/Kiran سدرہ/Sidra",
        surname="خان/Khan ملک/Malik حسین/Hussain/Hussein احمد/Ahmed بٹ/Butt چوہدری/Chaudhry/Chaudhary "
        "شیخ/Sheikh/Shaikh قریشی/Qureshi راجپوت/Rajput اعوان/Awan مرزا/Mirza صدیقی/Siddiqui/Siddiqi "
        "اقبال/Iqbal بھٹی/Bhatti",
        native=0.15,
    ),
    "bn": dict(
        male="মোহাম্মদ/Mohammad/Md./Mohammed/Muhammad রহিম/Rahim করিম/Karim আব্দুল/Abdul রফিক/Rafiq/Rafik "
        "সাকিব/Sakib/Shakib তানভীর/Tanvir/Tanveer আরিফ/Arif হাসান/Hasan/Hassan রাজু/Raju শফিকুল/Shafiqul",
        female="ফাতেমা/Fatema/Fatima নুসরাত/Nusrat তাসলিমা/Taslima সুমাইয়া/Sumaiya/Sumaiyah মিম/Mim "
        "সাদিয়া/Sadia রুমানা/Rumana শারমিন/Sharmin ফারজানা/Farzana নাসরিন/Nasrin",
        surname="ইসলাম/Islam হোসেন/Hossain/Hossen/Hussain রহমান/Rahman আহমেদ/Ahmed আক্তার/Akter/Akhter/Aktar "
        "খাতুন/Khatun উদ্দিন/Uddin চৌধুরী/Chowdhury বেগম/Begum সরকার/Sarker/Sarkar মিয়া/Mia/Miah দাস/Das",
        native=0.2,
    ),
    "zh": dict(
        male="伟/Wei 强/Qiang 磊/Lei 军/Jun 洋/Yang 勇/Yong 杰/Jie 涛/Tao 明/Ming 超/Chao 建华/建華/Jianhua "
        "志强/志強/Zhiqiang 浩然/Haoran 宇轩/宇軒/Yuxuan 俊杰/俊傑/Junjie 子豪/Zihao 家豪/Jiahao/Ka_Ho 文/Wen",
        female="芳/Fang 娜/Na 敏/Min 静/靜/Jing 丽/麗/Li 艳/艷/Yan 秀英/Xiuying 桂英/Guiying 晓燕/曉燕/Xiaoyan "
        "婷婷/Tingting 子涵/Zihan 欣怡/Xinyi 梓萱/Zixuan 嘉怡/Jiayi 佳琪/Jiaqi 慧/Hui/Wai 美玲/Meiling/Mei_Ling",
        surname="王/Wang/Wong 李/Li/Lee 张/張/Zhang/Cheung/Chang 刘/劉/Liu/Lau 陈/陳/Chen/Chan/Tan 杨/楊/Yang/Yeung "
        "黄/黃/Huang/Wong/Ng 赵/趙/Zhao/Chiu 吴/吳/Wu/Ng/Goh 周/Zhou/Chow/Chou 徐/Xu/Hsu/Tsui 孙/孫/Sun/Suen "
        "马/馬/Ma 朱/Zhu/Chu 胡/Hu/Woo 郭/Guo/Kwok 何/He/Ho 林/Lin/Lam/Lim 罗/羅/Luo/Law/Lo 高/Gao/Ko",
        order="sg",
        nospace=True,
        native=0.5,
        alias_m="Kevin Jason Tony Eric Jack David Michael Leo Vincent Andy Alex Ryan",
        alias_f="Vivian Cindy Grace Amy Annie Michelle Emily Jenny Cherry Sherry Coco Iris",
    ),
    "ja": dict(
        male="翔太/Shota/Shouta 大輔/Daisuke 健太/Kenta 拓也/Takuya 直樹/Naoki 翔/Sho/Shou 誠/Makoto 健/Ken "
        "浩二/Koji/Kouji 隆/Takashi 陽斗/Haruto 蓮/Ren 大翔/Hiroto 悠真/Yuma/Yuuma 和也/Kazuya 亮/Ryo/Ryou",
        female="陽子/Yoko/Youko 裕子/Yuko/Yuuko さくら/Sakura 美咲/Misaki 愛/Ai 恵/Megumi 由美/Yumi 花子/Hanako "
        "明美/Akemi 結衣/Yui 陽菜/Hina 葵/Aoi 真由美/Mayumi 奈々/Nana 彩/Aya 舞/Mai",
        surname="佐藤/Sato/Satou/Satoh 鈴木/Suzuki 高橋/Takahashi 田中/Tanaka 伊藤/Ito/Itou/Itoh 渡辺/Watanabe "
        "山本/Yamamoto 中村/Nakamura 小林/Kobayashi 加藤/Kato/Katou/Katoh 吉田/Yoshida 山田/Yamada 佐々木/Sasaki "
        "山口/Yamaguchi 松本/Matsumoto 井上/Inoue 木村/Kimura 林/Hayashi 清水/Shimizu 斎藤/Saito/Saitou",
        order="sg",
        native=0.55,
    ),
    "ko": dict(
        male="민준/Min-jun/Minjun/Min_Jun 서준/Seo-jun/Seojun 지훈/Ji-hoon/Jihoon/Jihun 현우/Hyun-woo/Hyunwoo "
        "준호/Jun-ho/Junho 성민/Sung-min/Seongmin 동현/Dong-hyun/Donghyun 영수/Young-soo/Yeongsu "
        "상훈/Sang-hoon/Sanghoon 재현/Jae-hyun/Jaehyun 태양/Tae-yang/Taeyang 승민/Seung-min/Seungmin",
        female="서연/Seo-yeon/Seoyeon 지민/Ji-min/Jimin 수빈/Su-bin/Subin/Soobin 민지/Min-ji/Minji "
        "지영/Ji-young/Jiyoung/Jiyeong 은지/Eun-ji/Eunji 혜진/Hye-jin/Hyejin 유진/Yu-jin/Yujin/Eugene "
        "수진/Su-jin/Soojin 하은/Ha-eun/Haeun 예린/Ye-rin/Yerin 다은/Da-eun/Daeun",
        surname="김/Kim/Gim 이/Lee/Yi/Rhee 박/Park/Pak/Bak 최/Choi/Choe 정/Jung/Jeong/Chung 강/Kang 조/Cho/Jo "
        "윤/Yoon/Yun 장/Jang/Chang 임/Lim/Im 한/Han 오/Oh 서/Seo/Suh 신/Shin/Sin 권/Kwon 황/Hwang 송/Song "
        "류/Ryu/Yoo",
        order="sg",
        nospace=True,
        native=0.6,
    ),
    "vi": dict(
        male="Anh Minh Hùng/Hung Dũng/Dung Tuấn/Tuan Hoàng/Hoang Long Nam Phong Quang Thành/Thanh "
        "Trung Đức/Duc Huy Khoa Bảo/Bao",
        female="Linh Hương/Huong Lan Mai Ngọc/Ngoc Thảo/Thao Trang Hà/Ha Hằng/Hang Phương/Phuong Thu Vy "
        "Nhung Yến/Yen",
        surname="Nguyễn/Nguyen Trần/Tran Lê/Le Phạm/Pham Hoàng/Hoang Huỳnh/Huynh Phan Vũ/Vu Võ/Vo "
        "Đặng/Dang Bùi/Bui Đỗ/Do Hồ/Ho Ngô/Ngo Dương/Duong Lý/Ly",
        order="sg",
        middle_m="Văn/Van Đức/Duc Minh Quốc/Quoc",
        middle_f="Thị/Thi Ngọc/Ngoc Thu Thanh",
    ),
    "th": dict(
        male="สมชาย/Somchai สมศักดิ์/Somsak ประเสริฐ/Prasert วิชัย/Wichai/Vichai สุรชัย/Surachai "
        "ธนากร/Thanakorn/Tanakorn ณัฐพล/Nattapon/Nattaphon อนุชา/Anucha กิตติ/Kitti ชัยวัฒน์/Chaiwat",
        female="สมหญิง/Somying มาลี/Malee/Mali สุดา/Suda วันเพ็ญ/Wanpen กาญจนา/Kanchana/Kanjana "
        "ณัฐธิดา/Natthida ปิยะนุช/Piyanuch รัตนา/Rattana/Ratana สุภาพร/Supaporn/Suphaphon อรุณี/Arunee",
        surname="สุขสวัสดิ์/Suksawat ศรีสุข/Srisuk/Sisuk แก้วมณี/Kaewmanee/Kaewmani วงศ์สวัสดิ์/Wongsawat "
        "บุญมา/Boonma/Bunma ทองดี/Thongdee/Tongdee จันทร์แก้ว/Chankaew/Junkaew รัตนพันธ์/Rattanaphan "
        "ศรีวงศ์/Sriwong สมบูรณ์/Somboon/Sombun",
        native=0.55,
        alias_m="น้อย/Noi ต้น/Ton แบงค์/Bank กอล์ฟ/Golf เบียร์/Beer บอย/Boy เอ็ม/Em",
        alias_f="นก/Nok พลอย/Ploy บี/Bee ฝน/Fon ปุ้ย/Pui แนน/Nan มิ้นท์/Mint",
    ),
    "id": dict(
        male="Budi Agus Andi Dedi Eko Hendra Joko Rudi Wahyu Yudi Rizky/Rizki Fajar Bayu Dimas Arief/Arif "
        "Muhammad/Muhamad/Mohd Ahmad Irfan",
        female="Sri Dewi Siti Ratna Wulan Putri Indah Ayu Fitri/Fitriani Nur Rina Lestari Nurul Aisyah "
        "Nabila Anisa/Annisa",
        surname="Santoso Wijaya/Widjaja Susanto Saputra Pratama Setiawan Hidayat Nugroho Kurniawan Halim "
        "Gunawan Siregar Nasution Hakim Lubis Abdullah Rahman",
        mononym=0.25,
    ),
    "tl": dict(
        male="Jose~Pepe,Jojo Juan~Jun Mark John_Paul~JP Christian~Ian Michael~Mike Angelo~Gelo Jerome "
        "Ramon~Mon Rodel Arnel Ronaldo~Ronald,Aldo Reynaldo~Rey Jayson Kenneth~Ken",
        female="Maria~Mae Mary_Grace~Grace Kristine/Christine~Tin Angelica~Gel Jocelyn~Joy Rowena~Weng "
        "Maritess/Marites~Tess Jennifer~Jen Lovely Princess~Cess Mary_Joy~Joy Rosalie~Rose Analyn~Ana",
        surname="Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores "
        "Villanueva Ramos Castro dela_Cruz/Dela_Cruz/De_la_Cruz Aquino Navarro",
        middle=0.4,
    ),
    "wa": dict(
        male="Chinedu~Chidi Oluwaseun~Seun Adebayo~Bayo Chukwuemeka~Emeka Oluwatobi~Tobi Ibrahim Musa Kwame "
        "Kofi Kwabena Yaw Babatunde~Tunde Olumide~Mide Uchenna~Uche Oluwafemi~Femi Samuel~Sammy Godwin",
        female="Ngozi Chioma Funmilayo~Funmi Adaeze~Ada Amina Aisha Oluwakemi~Kemi Yetunde~Yetty Abena "
        "Akosua Ama Efua Blessing Precious Mercy Chiamaka~Amaka Folake",
        surname="Okafor Okonkwo Adeyemi Ogunleye Balogun Eze Nwosu Mohammed Bello Abubakar Mensah Owusu "
        "Boateng Asante Osei Adeleke Okoro Danjuma Olawale Nwachukwu",
        middle=0.3,
    ),
    "ea": dict(
        male="James John Peter Joseph Samuel David Brian Kevin Dennis Collins Otieno Kamau Baraka Juma "
        "Sipho Thabo Themba Bongani Kagiso",
        female="Wanjiru Achieng Akinyi Njeri Wambui Nomvula Thandiwe~Thandi Zanele Lerato Neema Faith Grace "
        "Mercy Esther",
        surname="Kamau Mwangi Otieno Odhiambo Ochieng Kiprono Njoroge Wanjala Mutua Dlamini Nkosi Ndlovu "
        "Khumalo Mokoena Mahlangu Naidoo Omondi",
        middle=0.3,
    ),
}
