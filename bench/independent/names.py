# ruff: noqa: E501, RUF001 -- name tables: long lines of names written in many scripts
"""Name tables for the independent generator: given names, surnames and nicknames by naming culture.

Each table entry is written ``Latin|Variant|Variant=Native``: the first Latin spelling is the usual
one, the others are alternative transliterations or spellings a person may use on some accounts, and
the part after ``=`` is the name in its own script (Cyrillic, Arabic, Han, kana/kanji, Hangul, Thai,
Greek). An underscore stands for a space inside one name. Lists are ordered roughly by frequency; the
generator draws from them with Zipf-like weights, so the first names are the common ones.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Name:
    """One name: Latin spellings (first is the usual one) and the native-script form, if any."""

    latin: tuple[str, ...]
    native: str | None = None

    @property
    def main(self) -> str:
        return self.latin[0]


def _parse(spec: str) -> tuple[Name, ...]:
    names = []
    for token in spec.split():
        latin, _, native = token.partition("=")
        names.append(
            Name(tuple(v.replace("_", " ") for v in latin.split("|")), native.replace("_", " ") or None)
        )
    return tuple(names)


def _nicks(spec: str) -> dict[str, tuple[str, ...]]:
    """``Robert:Bob,Rob,Bobby; William:Bill,Will`` -> {name: nicknames}."""
    table: dict[str, tuple[str, ...]] = {}
    for item in spec.split(";"):
        if item.strip():
            name, _, nicks = item.partition(":")
            table[name.strip()] = tuple(n.strip() for n in nicks.split(","))
    return table


@dataclass(frozen=True)
class Culture:
    """How people of one naming culture are named.

    ``order`` is ``gs`` (given name first) or ``sg`` (surname first, as in Chinese, Japanese, Korean,
    Vietnamese and Hungarian). ``native_p`` is the share of people who write their name in the native
    script on some accounts; ``second_surname_p`` the share with two surnames (Spanish, Portuguese);
    ``mononym_p`` the share known by one name only (Indonesian); ``patronymic`` inserts ``bin``/``binti``.
    """

    key: str
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    surnames: tuple[Name, ...]
    order: str = "gs"
    nicknames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    native_p: float = 0.0
    middle_p: float = 0.0
    second_surname_p: float = 0.0
    mononym_p: float = 0.0
    patronymic: bool = False
    feminine_surnames: bool = False  # Slavic -ov/-ova, -ski/-ska


ENGLISH = Culture(
    "english",
    male=_parse(
        "James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew "
        "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward "
        "Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen|Steven Larry Justin Scott Brandon "
        "Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam "
        "Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry "
        "Gerald Harold Sean|Shaun Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce "
        "Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby "
        "Mason Philip|Phillip Louis Liam Oliver Harry Jackson Cooper Hunter Lachlan Nikau Tama"
    ),
    female=_parse(
        "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
        "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
        "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma "
        "Nicole Helen Samantha Katherine|Catherine|Kathryn Christine Debra Rachel Carolyn Janet "
        "Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina "
        "Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara|Sarah "
        "Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn "
        "Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori "
        "Chloe Ruby Mia Aroha Mere"
    ),
    surnames=_parse(
        "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
        "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Hill Green Adams Nelson Baker Hall "
        "Campbell Mitchell Carter Roberts Phillips Evans Turner Parker Collins Edwards Stewart Morris "
        "Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly Howard Ward Cox Richardson "
        "Wood Watson Brooks Bennett Gray|Grey James Hughes Price Sanders Myers Long Ross Foster Powell "
        "Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson Jordan Reynolds "
        "Hamilton Graham Wallace Cole West Stone Murray Ford Marshall Owens McDonald|MacDonald Harrison "
        "Kennedy Wells Hunt Palmer Black Robertson Holmes Mills Rose Rice Hart Knight Lane Duncan Ryan "
        "Fraser Armstrong Walsh O'Brien|OBrien O'Connor|OConnor Byrne Doyle Gallagher Quinn Fletcher "
        "Chapman Dixon Mason Hunter Pearce Barnes Lloyd Matthews Shaw Webb Ellis Cameron Douglas "
        "Ngata Tipene Parata Whaanga Walker-Smith Jones-Taylor"
    ),
    nicknames=_nicks(
        "Robert:Bob,Rob,Bobby,Robbie; William:Bill,Will,Billy,Liam; Richard:Rick,Dick,Rich,Ricky; "
        "James:Jim,Jimmy,Jamie; John:Johnny,Jack; Michael:Mike,Mikey,Mick; Thomas:Tom,Tommy; "
        "Christopher:Chris,Topher; Daniel:Dan,Danny; Matthew:Matt; Anthony:Tony,Ant; Joseph:Joe,Joey; "
        "David:Dave,Davey; Charles:Charlie,Chuck; Edward:Ed,Eddie,Ted,Ned; Andrew:Andy,Drew; "
        "Benjamin:Ben,Benny; Samuel:Sam,Sammy; Alexander:Alex,Xander; Nicholas:Nick,Nicky; "
        "Jonathan:Jon,Johnny; Timothy:Tim,Timmy; Gregory:Greg; Stephen:Steve; Steven:Steve; "
        "Joshua:Josh; Zachary:Zach,Zack; Patrick:Pat,Paddy; Elizabeth:Liz,Beth,Lizzie,Betty,Eliza; "
        "Margaret:Maggie,Meg,Peggy; Jennifer:Jen,Jenny; Katherine:Kate,Katie,Kathy; Jessica:Jess,Jessie; "
        "Rebecca:Becky,Bec; Samantha:Sam,Sammie; Victoria:Vicky,Tori; Patricia:Pat,Patty,Trish; "
        "Susan:Sue,Suzy; Deborah:Deb,Debbie; Christine:Chris,Chrissy; Abigail:Abby; Amanda:Mandy; "
        "Kimberly:Kim; Stephanie:Steph; Alexis:Lexi; Olivia:Liv; Isabella:Bella,Izzy; Charlotte:Lottie"
    ),
    middle_p=0.25,
)

SPANISH = Culture(
    "spanish",
    male=_parse(
        "José Juan Luis Carlos Jorge Miguel Antonio Francisco Manuel Jesús Alejandro Pedro Javier "
        "Fernando Ricardo Roberto Eduardo Daniel Diego Andrés Sergio Raúl Alberto Rafael Pablo Mario "
        "Óscar|Oscar Santiago Sebastián Mateo Gabriel Ángel|Angel Héctor Hugo Iván Rodrigo Gustavo "
        "Enrique Ramón Julio Víctor|Victor Martín Emiliano Joaquín Ignacio Álvaro Gonzalo"
    ),
    female=_parse(
        "María Guadalupe Ana Carmen Laura Isabel Rosa Patricia Gabriela Sofía Valentina Camila Lucía "
        "Daniela Mariana Fernanda Alejandra Paula Andrea Martina Elena Claudia Verónica Adriana "
        "Natalia Carolina Beatriz Silvia Teresa Pilar Lorena Diana Ximena|Jimena Valeria Julieta "
        "Marta Cristina Raquel Noelia Inés Rocío Paola Catalina"
    ),
    surnames=_parse(
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
        "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez "
        "Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín "
        "Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez "
        "Cruz Flores Herrera Peña Rojas Vargas Reyes Aguilar Mendoza Silva Ríos Acosta Cabrera Figueroa "
        "Sosa Rivera Salazar Espinoza Valencia Cárdenas Pineda Quintero Villalobos"
    ),
    nicknames=_nicks(
        "José:Pepe,Chepe; Francisco:Paco,Pancho,Curro; Jesús:Chucho,Chuy; Manuel:Manolo,Manu; "
        "Alejandro:Alex,Ale; Guadalupe:Lupe,Lupita; Antonio:Toño,Toni; Ignacio:Nacho; Enrique:Kike; "
        "Eduardo:Lalo; Roberto:Beto; Alberto:Beto; Fernando:Nando,Fer; Rafael:Rafa; Santiago:Santi; "
        "Sebastián:Sebas; Dolores:Lola; Concepción:Conchi; Isabel:Isa,Chabela; Natalia:Naty; "
        "Valentina:Vale; Daniela:Dani; Fernanda:Fer; Gabriela:Gaby; Alejandra:Ale; María:Mari"
    ),
    second_surname_p=0.65,
    middle_p=0.25,
)

PORTUGUESE = Culture(
    "portuguese",
    male=_parse(
        "João José Antônio|António Francisco Carlos Paulo Pedro Lucas Luiz|Luís Marcos Luis Gabriel "
        "Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Manoel|Manuel Mateus Gustavo "
        "Guilherme Leonardo Thiago|Tiago Diego Vinícius Fernando Fábio Ricardo Sérgio Henrique Caio "
        "Miguel Arthur Davi Bernardo Heitor Enzo Samuel"
    ),
    female=_parse(
        "Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila "
        "Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Beatriz Larissa Rafaela "
        "Carolina Alice Sofia Helena Valentina Laura Isabela Manuela Lívia Giovanna Leonor Inês Joana"
    ),
    surnames=_parse(
        "Silva Santos Oliveira Souza|Sousa Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro "
        "Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade "
        "Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo "
        "Pinto Correia Cavalcanti Monteiro Moura Azevedo Batista Campos Cunha Reis Castro Pires"
    ),
    nicknames=_nicks(
        "José:Zé,Zezinho; Antônio:Tonho,Toninho; Francisco:Chico; Eduardo:Edu,Dudu; Luiz:Lula; "
        "Guilherme:Gui; Gabriel:Biel; Rafael:Rafa; Fernanda:Nanda,Fer; Gabriela:Gabi; Isabela:Bela; "
        "Mariana:Mari; Juliana:Ju; Beatriz:Bia; Manuela:Manu; Letícia:Lelê"
    ),
    second_surname_p=0.55,
    middle_p=0.3,
)

FRENCH = Culture(
    "french",
    male=_parse(
        "Jean Pierre Michel André Philippe Alain Nicolas Christophe Daniel Patrick Bernard Christian "
        "Éric|Eric Frédéric Laurent Stéphane Sébastien Julien David Pascal Thierry Olivier François "
        "Jérôme|Jerome Guillaume Antoine Maxime Thomas Alexandre Lucas Hugo Louis Gabriel Arthur Raphaël "
        "Théo Mathis Léo Mamadou Moussa Ibrahima"
    ),
    female=_parse(
        "Marie Nathalie Isabelle Sylvie Catherine Françoise|Francoise Christine Monique Valérie Sophie "
        "Sandrine Céline|Celine Stéphanie Aurélie Julie Camille Léa Manon Chloé Emma Inès Jade Louise "
        "Hélène Élodie|Elodie Amélie Mélanie Émilie Anaïs Margaux Océane Clémence Aminata Fatou Awa"
    ),
    surnames=_parse(
        "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre "
        "Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent "
        "Muller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand "
        "Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson "
        "Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Tremblay Gagnon Côté|Cote Diallo "
        "Diop Ndiaye Traoré Koné Coulibaly"
    ),
    nicknames=_nicks(
        "Christophe:Chris; Nicolas:Nico; Alexandre:Alex; Frédéric:Fred; Sébastien:Seb,Séb; "
        "Guillaume:Guigui; Stéphane:Steph; Maxime:Max; Catherine:Cathy; Isabelle:Isa; Christine:Titi; "
        "Stéphanie:Steph; Aurélie:Aurel; Camille:Cam; Véronique:Véro; Dominique:Dom"
    ),
)

GERMAN = Culture(
    "german",
    male=_parse(
        "Peter Michael Thomas Andreas Wolfgang Klaus Jürgen|Juergen Stefan|Stephan Christian Uwe Werner "
        "Hans Frank Bernd Markus Matthias Sven Tobias Jan Florian Sebastian Alexander Daniel Dennis "
        "Lukas|Lucas Leon Maximilian Felix Paul Jonas Niklas|Nicklas Tim Finn Moritz Jörg|Joerg Dieter "
        "Günter|Guenter Horst Ralf Dirk Björn|Bjoern"
    ),
    female=_parse(
        "Ursula Monika Petra Sabine Renate Helga Karin Brigitte Ingrid Andrea Claudia Susanne Birgit "
        "Stefanie Julia Anna Laura Lena Lea Hannah Sarah Katharina Nicole Sandra Melanie Kerstin "
        "Jessica Jana Sophie Marie Emilia Mia Lina Jülide Gisela Jutta Anke Silke Tanja Nadine"
    ),
    surnames=_parse(
        "Müller|Mueller Schmidt Schneider Fischer Weber Meyer|Meier Wagner Becker Schulz Hoffmann "
        "Schäfer|Schaefer Koch Bauer Richter Klein Wolf Schröder|Schroeder Neumann Schwarz Zimmermann "
        "Braun Krüger|Krueger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann "
        "Schmid Schulze Maier Köhler|Koehler Herrmann König|Koenig Walter Mayer Huber Kaiser Fuchs "
        "Peters Lang Scholz Möller|Moeller Weiß|Weiss Jung Hahn Schubert Vogel Friedrich Keller Günther "
        "Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm|Boehm "
        "Winter Kraus Martin Schumacher Krämer|Kraemer Vogt Stein Jäger|Jaeger Otto Sommer Groß|Gross "
        "Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn|Kuehn Pohl "
        "Yılmaz|Yilmaz Kaya"
    ),
    nicknames=_nicks(
        "Wolfgang:Wolfi; Andreas:Andi,Andy; Michael:Michi,Micha; Thomas:Tommi,Thommy; Matthias:Matze; "
        "Sebastian:Basti; Christian:Chris; Alexander:Alex; Maximilian:Max,Maxi; Stefan:Steffen; "
        "Katharina:Kathi,Kati; Stefanie:Steffi; Susanne:Susi; Alexandra:Alex; Johannes:Hannes,Jo"
    ),
)

DUTCH = Culture(
    "dutch",
    male=_parse(
        "Jan Johannes Hendrik Cornelis Pieter Gerrit Willem Dirk Jacobus Sander Bram Daan Sem Lucas "
        "Thijs Ruben Jesse Stijn Lars Bas Joost Maarten Niels Wouter Koen Jeroen Martijn Tim Luuk"
    ),
    female=_parse(
        "Maria Anna Johanna Cornelia Wilhelmina Sanne Lisa Anouk Emma Julia Sophie Eva Fleur Lotte "
        "Femke Iris Lieke Esther Marieke Inge Ingrid Annemiek Noor Tess Saskia Mirjam Anke Els"
    ),
    surnames=_parse(
        "de_Jong|De_Jong|deJong Jansen de_Vries|De_Vries van_den_Berg|van_der_Berg van_Dijk Bakker "
        "Janssen Visser Smit Meijer|Meyer de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen "
        "Dekker Brouwer de_Wit Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs "
        "de_Haan Vermeulen van_den_Heuvel van_der_Veen Peeters Maes Claes Willems Goossens Wouters"
    ),
    nicknames=_nicks(
        "Johannes:Hans,Jan,Joop; Hendrik:Henk,Rik; Cornelis:Kees; Willem:Wim; Johanna:Hanneke,Jo"
    ),
)

ITALIAN = Culture(
    "italian",
    male=_parse(
        "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco "
        "Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Stefano Marco Andrea Alessandro "
        "Lorenzo Matteo Leonardo Gabriele Riccardo Davide Simone Federico Luca Nicola Fabio Massimo"
    ),
    female=_parse(
        "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Sofia "
        "Giulia Aurora Alice Ginevra Emma Giorgia Martina Chiara Sara Federica Valentina Alessia "
        "Elisa Silvia Laura Paola Elena Roberta Simona Monica Daniela Serena Ilaria"
    ),
    surnames=_parse(
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca|DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
        "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra "
        "Coppola De_Santis D'Angelo|DAngelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco "
        "Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi"
    ),
    nicknames=_nicks(
        "Giuseppe:Peppe,Beppe,Pino; Giovanni:Gianni,Nanni; Francesco:Franco,Cecco; Salvatore:Totò,Turi; "
        "Alessandro:Ale,Sandro; Antonio:Toni,Totò; Vincenzo:Enzo; Domenico:Mimmo; Federica:Fede; "
        "Alessandra:Ale; Francesca:Fra,Checca; Giuseppina:Pina"
    ),
)

SLAVIC_CYR = Culture(
    "slavic_cyr",
    male=_parse(
        "Aleksandr|Alexander|Alexandr|Oleksandr=Александр Sergey|Sergei|Serhiy=Сергей "
        "Dmitry|Dmitriy|Dmitri|Dmytro=Дмитрий Andrey|Andrei|Andriy=Андрей Aleksey|Alexey|Alexei=Алексей "
        "Maksim|Maxim|Maksym=Максим Evgeny|Evgeniy|Yevgeny=Евгений Ivan=Иван Mikhail|Mikhail|Mykhailo=Михаил "
        "Artyom|Artem=Артём Nikolay|Nikolai|Mykola=Николай Vladimir|Volodymyr=Владимир Pavel|Pavlo=Павел "
        "Denis=Денис Roman=Роман Igor|Ihor=Игорь Oleg|Oleh=Олег Anton=Антон Viktor=Виктор Yuri|Yuriy=Юрий "
        "Kirill=Кирилл Nikita=Никита Ilya=Илья Vadim=Вадим Stanislav=Станислав Konstantin=Константин "
        "Georgi|Georgiy=Георгий Dimitar=Димитър Nenad=Ненад Bogdan=Богдан Taras=Тарас Yaroslav=Ярослав"
    ),
    female=_parse(
        "Elena|Yelena|Olena=Елена Olga|Olha=Ольга Natalya|Natalia|Nataliya=Наталья Tatyana|Tatiana=Татьяна "
        "Irina|Iryna=Ирина Svetlana=Светлана Anna|Hanna=Анна Maria|Mariya=Мария Ekaterina|Yekaterina|Kateryna=Екатерина "
        "Anastasia|Anastasiya=Анастасия Yulia|Julia|Yuliya=Юлия Daria|Darya=Дарья Marina=Марина "
        "Ksenia|Kseniya|Oksana=Ксения Alina=Алина Viktoria|Victoria=Виктория Polina=Полина Sofia|Sofiya=София "
        "Lyudmila|Ludmila=Людмила Galina|Halyna=Галина Valentina=Валентина Alyona|Alena=Алёна "
        "Kristina=Кристина Vesna=Весна Milena=Милена Ivana=Ивана"
    ),
    surnames=_parse(
        "Ivanov=Иванов Smirnov=Смирнов Kuznetsov|Kuznetsoff=Кузнецов Popov=Попов Vasiliev|Vasilyev=Васильев "
        "Petrov=Петров Sokolov=Соколов Mikhailov=Михайлов Novikov=Новиков Fedorov|Fyodorov=Фёдоров "
        "Morozov=Морозов Volkov=Волков Alekseev|Alexeev=Алексеев Lebedev=Лебедев Semenov|Semyonov=Семёнов "
        "Egorov|Yegorov=Егоров Pavlov=Павлов Kozlov=Козлов Stepanov=Степанов Nikolaev=Николаев "
        "Orlov=Орлов Andreev=Андреев Makarov=Макаров Nikitin=Никитин Zakharov=Захаров Zaitsev=Зайцев "
        "Solovyov|Soloviev=Соловьёв Borisov=Борисов Yakovlev=Яковлев Grigoriev=Григорьев Romanov=Романов "
        "Vorobyov=Воробьёв Sergeev=Сергеев Kovalenko=Коваленко Shevchenko=Шевченко Bondarenko=Бондаренко "
        "Tkachenko=Ткаченко Kravchenko=Кравченко Melnyk|Melnik=Мельник Boyko|Boiko=Бойко Petrenko=Петренко "
        "Kovalchuk=Ковальчук Lysenko=Лысенко Dimitrov=Димитров Georgiev=Георгиев Jovanović|Jovanovic=Јовановић "
        "Petrović|Petrovic=Петровић Nikolić|Nikolic=Николић Nazarbayev=Назарбаев Akhmetov=Ахметов"
    ),
    nicknames=_nicks(
        "Aleksandr:Sasha,Sanya,Shura,Alex; Sergey:Seryozha,Serge; Dmitry:Dima,Mitya; Andrey:Andryusha; "
        "Aleksey:Lyosha,Alyosha; Maksim:Max; Evgeny:Zhenya; Ivan:Vanya; Mikhail:Misha; Nikolay:Kolya; "
        "Vladimir:Volodya,Vova; Pavel:Pasha; Konstantin:Kostya; Kirill:Kirya; Yuri:Yura; Elena:Lena; "
        "Olga:Olya; Natalya:Natasha; Tatyana:Tanya; Irina:Ira; Svetlana:Sveta; Anna:Anya; Maria:Masha; "
        "Ekaterina:Katya; Anastasia:Nastya; Yulia:Yulya; Daria:Dasha; Ksenia:Ksyusha; Lyudmila:Luda"
    ),
    native_p=0.45,
    feminine_surnames=True,
)

SLAVIC_LAT = Culture(
    "slavic_lat",
    male=_parse(
        "Piotr Krzysztof Andrzej Tomasz Paweł|Pawel Michał|Michal Marcin Jakub Adam Łukasz|Lukasz "
        "Mateusz Kamil Wojciech Grzegorz Jan Marek Szymon Dawid Bartosz Filip Jiří|Jiri Petr Josef "
        "Martin Tomáš|Tomas Lukáš|Lukas Ondřej|Ondrej Ivan Marko Luka Ante Matej Tadeusz Rafał|Rafal"
    ),
    female=_parse(
        "Anna Maria Katarzyna Małgorzata|Malgorzata Agnieszka Barbara Ewa Krystyna Magdalena Joanna "
        "Aleksandra Monika Zofia Julia Natalia Karolina Marta Lenka Kateřina|Katerina Tereza Eliška "
        "Veronika Petra Ivana Ana Marija Lucija Ewelina Dorota Justyna Paulina"
    ),
    surnames=_parse(
        "Nowak Kowalski Wiśniewski|Wisniewski Wójcik|Wojcik Kowalczyk Kamiński|Kaminski Lewandowski "
        "Zieliński|Zielinski Szymański|Szymanski Woźniak|Wozniak Dąbrowski|Dabrowski Kozłowski "
        "Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski "
        "Nowotny Novák|Novak Svoboda Novotný|Novotny Dvořák|Dvorak Černý|Cerny Procházka|Prochazka "
        "Kučera|Kucera Veselý Horák Horvat Kovačević|Kovacevic Babić|Babic Marić Jurić Knežević "
        "Kovač Krajnc Zupančič Varga Tóth"
    ),
    nicknames=_nicks(
        "Krzysztof:Krzyś,Krzysiek; Andrzej:Jędrek; Tomasz:Tomek; Paweł:Pawełek; Michał:Misiek; "
        "Łukasz:Łukasz; Jakub:Kuba; Wojciech:Wojtek; Grzegorz:Grzesiek; Bartosz:Bartek; "
        "Katarzyna:Kasia,Kaśka; Małgorzata:Gosia,Małgosia; Agnieszka:Aga,Agnieszka; Aleksandra:Ola; "
        "Magdalena:Magda; Joanna:Asia; Jiří:Jirka; Tomáš:Tom; Kateřina:Katka"
    ),
    feminine_surnames=True,
)

ARABIC = Culture(
    "arabic",
    male=_parse(
        "Muhammad|Mohammed|Mohamed|Mohammad|Mohamad|Muhammed=محمد Ahmed|Ahmad|Ahmet=أحمد Ali=علي "
        "Omar|Umar=عمر Abdullah|Abdallah|Abdulla=عبدالله Mahmoud|Mahmud=محمود Hassan|Hasan=حسن "
        "Hussein|Husain|Hussain=حسين Khaled|Khalid=خالد Ibrahim|Ebrahim=إبراهيم Youssef|Yousef|Yusuf=يوسف "
        "Mustafa|Mostafa=مصطفى Karim|Kareem=كريم Tarek|Tariq|Tarik=طارق Saeed|Said|Sayed=سعيد "
        "Abdulrahman|Abdelrahman|Abd_al-Rahman=عبدالرحمن Hamza=حمزة Yasser|Yasir=ياسر Faisal|Faysal=فيصل "
        "Nasser|Nasir=ناصر Samir|Sameer=سمير Walid|Waleed=وليد Amr|Amro=عمرو Bilal=بلال Imran=عمران"
    ),
    female=_parse(
        "Fatima|Fatma|Fatimah=فاطمة Aisha|Aysha|Aicha=عائشة Maryam|Mariam|Meriem=مريم Nour|Noor|Nur=نور "
        "Layla|Leila|Laila=ليلى Sara|Sarah=سارة Huda|Hoda=هدى Amina|Aminah|Amena=أمينة Khadija|Khadeeja=خديجة "
        "Zainab|Zeinab|Zaynab=زينب Rania=رانيا Yasmin|Yasmine|Jasmin=ياسمين Salma=سلمى Hana|Hanaa=هناء "
        "Dina=دينا Reem|Rim=ريم Mona|Muna=منى Noura|Nora=نورة Asma|Asmaa=أسماء Samira|Sameera=سميرة"
    ),
    surnames=_parse(
        "Al-Sayed|Alsayed|El-Sayed|El_Sayed=السيد Hassan|Hasan=حسن Ali=علي Ibrahim=إبراهيم Mahmoud=محمود "
        "Abdullah|Abdallah=عبدالله Al-Harbi|Alharbi=الحربي Al-Qahtani|Alqahtani=القحطاني "
        "Al-Ghamdi|Alghamdi=الغامدي Al-Otaibi|Alotaibi|Al-Otaybi=العتيبي Al-Shammari|Alshammari=الشمري "
        "Haddad=حداد Khoury|Khouri|El_Khoury=خوري Mansour|Mansur=منصور Nasser|Nasser=ناصر Saleh|Salih=صالح "
        "Hamdan=حمدان Youssef|Yousef=يوسف Farouk|Farooq=فاروق Bakr|Bakir=بكر Benali|Ben_Ali=بن_علي "
        "Bouazizi=بوعزيزي Benmoussa|Ben_Moussa=بن_موسى El_Amrani|Elamrani=العمراني Khan=خان "
        "Qureshi|Qureshy|Kureshi=قريشي Malik=مالك Sheikh|Shaikh=شيخ Chaudhry|Chaudhary|Choudhry=چودھری "
        "Butt=بٹ Raza=رضا Hussain=حسين Ahmed=أحمد"
    ),
    nicknames=_nicks(
        "Muhammad:Mo,Moe,Hamoudi,Hamada; Abdullah:Abdo,Abboud; Mustafa:Moustafa; Ibrahim:Bob,Ibra"
    ),
    native_p=0.3,
)

PERSIAN = Culture(
    "persian",
    male=_parse(
        "Mohammad|Mohammed=محمد Ali=علی Reza=رضا Hossein|Hosein=حسین Mehdi|Mahdi=مهدی Amir=امیر "
        "Hamid=حمید Saeed|Said=سعید Ahmad=احمد Hassan=حسن Mohsen=محسن Arash=آرش Babak=بابک "
        "Dariush|Daryoush=داریوش Farhad=فرهاد Kourosh|Kurosh=کوروش Ahmad_Shah=احمدشاه"
    ),
    female=_parse(
        "Fatemeh|Fatima=فاطمه Zahra=زهرا Maryam=مریم Sara=سارا Neda=ندا Leila|Layla=لیلا Shirin=شیرین "
        "Parisa=پریسا Nazanin=نازنین Mahsa=مهسا Roya=رویا Soraya=ثریا Yasaman|Yasamin=یاسمن Niloufar|Nilufar=نیلوفر"
    ),
    surnames=_parse(
        "Mohammadi=محمدی Hosseini|Husseini=حسینی Ahmadi=احمدی Rezaei|Rezaee|Rezai=رضایی Moradi=مرادی "
        "Karimi=کریمی Rahimi=رحیمی Jafari|Jafary=جعفری Hashemi=هاشمی Ghasemi|Qasemi=قاسمی "
        "Mousavi|Musavi=موسوی Sadeghi|Sadeqi=صادقی Tehrani=تهرانی Amini=امینی Rahmani=رحمانی "
        "Ahmadzai=احمدزی Popal=پوپل Karzai=کرزی Noori|Nouri=نوری Safi=صافی"
    ),
    native_p=0.3,
)

CHINESE = Culture(
    "chinese",
    male=_parse(
        "Wei=伟 Jie=杰 Jun=军 Yong=勇 Tao=涛 Ming=明 Chao=超 Qiang=强 Lei=磊 Hao=浩 Yang=洋 Bin=斌 Hui=辉 "
        "Gang=刚 Peng=鹏 Hua=华 Fei=飞 Xin=鑫 Yu=宇 Zhiqiang|Zhi_Qiang|Chi-keung=志强 Jianhua|Jian_Hua=建华 "
        "Haoran|Hao_Ran=浩然 Zihao|Zi_Hao|Tsz-ho=梓豪 Junjie|Jun_Jie|Chun-kit=俊杰 Wenjie=文杰 Yuxuan=宇轩 "
        "Kai=凯 Long=龙 Cheng=成 Bo=波"
    ),
    female=_parse(
        "Fang=芳 Na=娜 Min=敏 Jing=静 Li=丽 Yan=艳 Juan=娟 Xia=霞 Ying=颖 Ling=玲 Mei=梅 Ping=萍 "
        "Xiuying|Xiu_Ying|Sau-ying=秀英 Guiying|Gui_Ying=桂英 Yuhan|Yu_Han=雨涵 Zixuan|Zi_Xuan=梓萱 "
        "Xinyi|Xin_Yi|Hsin-yi=欣怡 Shuting|Shu_Ting=淑婷 Jiayi|Jia_Yi|Ka-yee=嘉怡 Hui=慧 Qian=倩 Lan=兰 "
        "Yue=月 Xue=雪 Lin=琳 Wen=雯"
    ),
    surnames=_parse(
        "Wang|Wong=王 Li|Lee=李 Zhang|Chang|Cheung=张 Liu|Lau|Lao=刘 Chen|Chan|Tan=陈 Yang|Yeung=杨 "
        "Huang|Wong|Ng=黄 Zhao|Chiu=赵 Wu|Ng=吴 Zhou|Chow|Chou=周 Xu|Hsu|Tsui=徐 Sun|Suen=孙 Ma|Mah=马 "
        "Zhu|Chu=朱 Hu|Woo=胡 Guo|Kuo|Kwok=郭 He|Ho=何 Lin|Lam|Lim=林 Luo|Lo|Law=罗 Gao|Kao|Ko=高 "
        "Zheng|Cheng|Tay=郑 Liang|Leung=梁 Xie|Tse|Hsieh=谢 Song|Sung=宋 Tang|Tong=唐 Han|Hon=韩 "
        "Feng|Fung=冯 Deng|Tang=邓 Cao|Tso=曹 Peng|Pang=彭 Zeng|Tsang=曾 Xiao|Siu=肖 Tian=田 Dong|Tung=董"
    ),
    order="sg",
    native_p=0.5,
)

JAPANESE = Culture(
    "japanese",
    male=_parse(
        "Hiroshi=浩 Takashi=隆 Kenji=健二 Daisuke=大輔 Takuya=拓也 Kenta=健太 Yuki=雄基 Shota|Shouta=翔太 "
        "Haruto=陽翔 Sota|Souta=蒼太 Ren=蓮 Yuto|Yuuto=悠斗 Kazuki=一樹 Naoki=直樹 Makoto=誠 Satoshi=聡 "
        "Yusuke|Yuusuke=雄介 Ryo|Ryou=涼 Tsubasa=翼 Shun=駿 Kaito=海斗 Minato=湊 Akira=明 Koji|Kouji=浩二"
    ),
    female=_parse(
        "Yui=結衣 Aoi=葵 Yuna=優奈 Hina=陽菜 Sakura=さくら Mei=芽依 Yoko|Youko=陽子 Keiko=恵子 "
        "Tomoko=智子 Akiko=明子 Yuko|Yuuko=裕子 Mai=舞 Ayaka=彩花 Misaki=美咲 Haruka=遥 Nanami=七海 "
        "Rin=凛 Miyu=美優 Kaori=香織 Emi=恵美 Naomi=直美 Megumi=恵"
    ),
    surnames=_parse(
        "Sato|Satou=佐藤 Suzuki=鈴木 Takahashi=高橋 Tanaka=田中 Watanabe=渡辺 Ito|Itou=伊藤 "
        "Yamamoto=山本 Nakamura=中村 Kobayashi=小林 Kato|Katou=加藤 Yoshida=吉田 Yamada=山田 "
        "Sasaki=佐々木 Yamaguchi=山口 Matsumoto=松本 Inoue=井上 Kimura=木村 Hayashi=林 Shimizu=清水 "
        "Yamazaki|Yamasaki=山崎 Mori=森 Abe=阿部 Ikeda=池田 Hashimoto=橋本 Ishikawa=石川 Ogawa=小川 "
        "Fujita=藤田 Okada=岡田 Goto|Gotou=後藤 Hasegawa=長谷川"
    ),
    order="sg",
    native_p=0.55,
)

KOREAN = Culture(
    "korean",
    male=_parse(
        "Min-jun|Minjun|Min_Jun=민준 Seo-jun|Seojun=서준 Do-yun|Doyun=도윤 Ji-ho|Jiho=지호 Jun-ho|Junho=준호 "
        "Hyun-woo|Hyunwoo|Hyeon-u=현우 Ji-hoon|Jihoon|Ji-hun=지훈 Sung-min|Seongmin=성민 Jae-won|Jaewon=재원 "
        "Dong-hyun|Donghyun=동현 Young-ho|Yeong-ho=영호 Sang-woo|Sangwoo=상우 Jin-woo|Jinwoo=진우 "
        "Tae-yang|Taeyang=태양 Woo-jin|Woojin=우진 Seung-hyun|Seunghyun=승현"
    ),
    female=_parse(
        "Seo-yeon|Seoyeon=서연 Ji-woo|Jiwoo=지우 Seo-yun|Seoyun=서윤 Ha-eun|Haeun=하은 Ji-yeon|Jiyeon=지연 "
        "Min-ji|Minji=민지 Soo-jin|Sujin|Su-jin=수진 Eun-ji|Eunji=은지 Hye-jin|Hyejin=혜진 Ye-jin|Yejin=예진 "
        "Yu-na|Yuna=유나 Ji-min|Jimin=지민 Da-eun|Daeun=다은 Mi-kyung|Mikyung|Mi-gyeong=미경"
    ),
    surnames=_parse(
        "Kim|Gim=김 Lee|Yi|Rhee|Rhie=이 Park|Pak|Bak=박 Choi|Choe=최 Jung|Jeong|Chung=정 Kang=강 "
        "Cho|Jo=조 Yoon|Yun=윤 Jang|Chang=장 Lim|Im|Lim=임 Han=한 Oh|O=오 Seo|Suh=서 Shin|Sin=신 "
        "Kwon|Gwon=권 Hwang=황 Ahn|An=안 Song=송 Yoo|Yu=유 Hong=홍 Jeon|Chun=전 Ko|Go=고 Moon|Mun=문"
    ),
    order="sg",
    native_p=0.5,
)

INDIAN = Culture(
    "indian",
    male=_parse(
        "Rahul Amit Rajesh Suresh Ramesh Vijay Sanjay Anil Sunil Ajay Ravi Deepak Manoj Arun Ashok "
        "Vikram|Vikramaditya Rohit Karthik|Karthick|Kartik Arjun Aditya Vivek Nikhil Pradeep Sandeep "
        "Mohan Krishna|Krishnan Srinivas|Srinivasan Venkatesh Ganesh Prakash Harish Abhishek Aarav "
        "Vihaan Ishaan Sai Gurpreet Harpreet Manpreet Rakib Tanvir Nuwan Kasun"
    ),
    female=_parse(
        "Priya Anjali Pooja|Puja Neha Sunita Anita Kavita|Kavitha Deepa|Deepika Lakshmi|Laxmi Meena "
        "Rekha Divya Swati|Swathi Shreya Ananya Aishwarya|Aishwariya Sneha Nisha Ritu Geeta|Gita "
        "Sangeeta|Sangita Shalini Pallavi Aditi Isha Diya Saanvi Simran Jaspreet Nusrat Farzana "
        "Tahmina Dilani Chamari"
    ),
    surnames=_parse(
        "Sharma Kumar Singh Patel Gupta Verma Reddy Rao Nair Iyer|Iyengar Menon Pillai Das Joshi "
        "Mehta Shah Desai Jain Agarwal|Aggarwal Chopra Kapoor Malhotra Bhatia Sinha Mishra Pandey "
        "Tiwari Yadav Chauhan Thakur Mukherjee|Mukherji Banerjee|Banerji Chatterjee Bose Ghosh Dutta "
        "Krishnan Subramanian Naidu Gill Sandhu Sidhu Dhillon Grewal Hossain|Hussain Rahman|Rehman "
        "Islam Akter|Akhter Perera Fernando Silva Bandara Jayasuriya Shrestha Thapa Gurung Rai"
    ),
    nicknames=_nicks(
        "Venkatesh:Venky; Srinivas:Srini,Cheenu; Krishna:Kittu; Abhishek:Abhi; Vikram:Vicky; Aishwarya:Ash"
    ),
    middle_p=0.1,
)

MALAY = Culture(
    "malay",
    male=_parse(
        "Muhammad|Muhamad|Mohd|Mohamad Ahmad|Achmad Agus Budi Dedi Eko Joko Hendra Rizky|Rizki|Risky "
        "Adi Bambang Hadi Arif|Arief Fajar Yusuf Ilham Andi Dimas Putra Aditya Wahyu Hafiz|Haffiz "
        "Amirul Faizal Hakim Zulkifli Azlan Rahman Syafiq|Shafiq Aiman Irfan Danial Iskandar"
    ),
    female=_parse(
        "Siti Nur|Noor Dewi Sri Ayu Putri Rina Wulan Indah Fitri|Fitria Ratna Lestari Maya Dian Rini "
        "Nurul Aisyah|Aishah Nabila Aina Farah Nurul_Ain Syafiqah Aqilah Izzati Amira Hidayah"
    ),
    surnames=_parse(
        "Santoso Wijaya Saputra Hidayat Setiawan Kusuma Pratama Nugroho Susanto Gunawan Halim Kurniawan "
        "Wibowo Utomo Siregar Simanjuntak Nasution Harahap Sitompul Purba Lubis Tanjung Sihombing "
        "Ismail Abdullah Ibrahim Hassan Osman|Othman Yusof|Yusoff Razak Hamid Rahim Aziz Hashim Salleh"
    ),
    mononym_p=0.12,
    patronymic=True,
)

TURKISH = Culture(
    "turkish",
    male=_parse(
        "Mehmet|Mehmed Mustafa Ahmet Ali Hüseyin|Huseyin Hasan İbrahim|Ibrahim İsmail|Ismail Osman "
        "Murat Ömer|Omer Ramazan Halil Süleyman|Suleyman Abdullah Mahmut Recep Yusuf Emre Burak Can "
        "Kerem Eren Yiğit|Yigit Efe Arda Onur Serkan Volkan Barış|Baris Gökhan|Gokhan Tolga Uğur|Ugur "
        "Elvin Rashad|Rəşad Orkhan|Orxan Elnur Rustam|Rüstəm"
    ),
    female=_parse(
        "Fatma Ayşe|Ayse Emine Hatice Zeynep Elif Meryem Şerife|Serife Zehra Sultan Hanife Merve "
        "Özlem|Ozlem Büşra|Busra Esra Ebru Derya Gizem Tuğba|Tugba Seda Yasemin Melek Aylin Defne Ecrin "
        "Nigar Günel|Gunel Aynur Leyla Sevinc|Sevinj"
    ),
    surnames=_parse(
        "Yılmaz|Yilmaz Kaya Demir Şahin|Sahin Çelik|Celik Yıldız|Yildiz Yıldırım|Yildirim Öztürk|Ozturk "
        "Aydın|Aydin Özdemir|Ozdemir Arslan|Aslan Doğan|Dogan Kılıç|Kilic Çetin|Cetin Kara Koç|Koc Kurt "
        "Özkan|Ozkan Şimşek|Simsek Polat Korkmaz Erdoğan|Erdogan Aktaş|Aktas Güneş|Gunes Bulut Tekin "
        "Aliyev|Əliyev Mammadov|Mamedov|Məmmədov Hasanov|Həsənov Huseynov|Hüseynov Guliyev|Quliyev "
        "Karimov Rashidov Yusupov Abdullayev"
    ),
)

NORDIC = Culture(
    "nordic",
    male=_parse(
        "Lars Anders Johan Erik Per Nils Karl Jan Mikael Hans Björn|Bjorn|Bjørn|Bjoern Søren|Soren|Soeren "
        "Jørgen|Jorgen|Joergen Ole Knut Morten Magnus Henrik Fredrik Mattias Oskar|Oscar Axel Emil "
        "Elias William Noah Lucas Liam Jonas Mads Rasmus Kasper Jens Gunnar Sigurður|Sigurdur Jón|Jon "
        "Mikko Juha Timo Jukka Ville Ásgeir|Asgeir"
    ),
    female=_parse(
        "Anna Maria Eva Karin Kristina Lena Sara Emma Ingrid Marianne Kari Hanne Astrid Sofie|Sophie "
        "Ida Maja Ella Alma Freja Frida Signe Sigrid Åsa|Asa|Aasa Linnéa|Linnea Mette Pernille Camilla "
        "Guðrún|Gudrun Sólveig|Solveig Aino Helmi Sanna Päivi|Paivi Tuula"
    ),
    surnames=_parse(
        "Andersson|Anderson Johansson Karlsson|Carlsson Nilsson Eriksson Larsson Olsson Persson "
        "Svensson Gustafsson Pettersson Jonsson Jansson Hansen Johansen Olsen Larsen Andersen Pedersen "
        "Nielsen Jensen Kristiansen|Christiansen Jørgensen|Jorgensen|Joergensen Sørensen|Sorensen|Soerensen "
        "Rasmussen Lindström|Lindstrom Lindqvist|Lindquist Lundgren Bergström|Bergstrom Åberg|Aberg|Aaberg "
        "Sjöberg|Sjoberg Ødegård|Odegard|Oedegaard Bråten|Braten|Braaten Dahl Haugen Berg Bakke Strand "
        "Kristjánsdóttir|Kristjansdottir Sigurðsson|Sigurdsson Jónsdóttir|Jonsdottir Korhonen Virtanen "
        "Mäkinen|Makinen Nieminen Mäkelä|Makela Hämäläinen|Hamalainen Lehtonen Tamm Saar Sepp"
    ),
    nicknames=_nicks(
        "Mikael:Micke; Fredrik:Fredde; Johan:Jocke; Magnus:Mange; Kristina:Stina; Margareta:Maggan"
    ),
)

VIETNAMESE = Culture(
    "vietnamese",
    male=_parse(
        "Văn_Hùng|Van_Hung Văn_Nam|Van_Nam Minh_Tuấn|Minh_Tuan Quốc_Bảo|Quoc_Bao Đức_Anh|Duc_Anh "
        "Hoàng_Long|Hoang_Long Thành_Công|Thanh_Cong Văn_Thắng|Van_Thang Minh_Quân|Minh_Quan Tuấn_Anh|Tuan_Anh "
        "Quang_Huy Gia_Huy Đình_Phúc|Dinh_Phuc Hữu_Nghĩa|Huu_Nghia Trung_Kiên|Trung_Kien Bảo_Khang|Bao_Khang"
    ),
    female=_parse(
        "Thị_Lan|Thi_Lan Thị_Hương|Thi_Huong Thị_Mai|Thi_Mai Ngọc_Anh|Ngoc_Anh Thu_Trang Thanh_Hằng|Thanh_Hang "
        "Phương_Linh|Phuong_Linh Bảo_Ngọc|Bao_Ngoc Thị_Hồng|Thi_Hong Kim_Chi Mỹ_Duyên|My_Duyen "
        "Thùy_Dung|Thuy_Dung Khánh_Linh|Khanh_Linh Minh_Châu|Minh_Chau Hoài_An|Hoai_An"
    ),
    surnames=_parse(
        "Nguyễn|Nguyen|Nguyên Trần|Tran Lê|Le Phạm|Pham Hoàng|Hoang Huỳnh|Huynh Phan Vũ|Vu Võ|Vo "
        "Đặng|Dang Bùi|Bui Đỗ|Do Hồ|Ho Ngô|Ngo Dương|Duong Lý|Ly Trương|Truong Đinh|Dinh"
    ),
    order="sg",
)

THAI = Culture(
    "thai",
    male=_parse(
        "Somchai=สมชาย Somsak=สมศักดิ์ Prasert=ประเสริฐ Wichai|Vichai=วิชัย Anan=อนันต์ Niran=นิรันดร์ "
        "Kittisak=กิตติศักดิ์ Thanawat=ธนวัฒน์ Natthapong|Nattapong=ณัฐพงศ์ Chaiwat=ชัยวัฒน์ Sokha Dara Vanna"
    ),
    female=_parse(
        "Somsri=สมศรี Malee|Mali=มาลี Siriporn=ศิริพร Kanya=กัญญา Pim=พิม Nattaya=ณัฐยา Wanida=วนิดา "
        "Ratana|Rattana=รัตนา Sreymom Chanthou Nang"
    ),
    surnames=_parse(
        "Saetang|Sae-tang=แซ่ตั้ง Srisuk=ศรีสุข Wongsawat=วงศ์สวัสดิ์ Chaiyaphum=ชัยภูมิ "
        "Rattanakorn=รัตนากร Boonmee=บุญมี Kaewkla=แก้วกล้า Phromma=พรหมมา Sok Chea Kyaw Aung Win Phommavong"
    ),
    native_p=0.35,
)

GREEK = Culture(
    "greek",
    male=_parse(
        "Georgios|Giorgos|George=Γεώργιος Dimitrios|Dimitris|Demetrios=Δημήτριος Konstantinos|Kostas=Κωνσταντίνος "
        "Ioannis|Giannis|Yannis=Ιωάννης Nikolaos|Nikos=Νικόλαος Panagiotis=Παναγιώτης Christos=Χρήστος "
        "Vasileios|Vasilis=Βασίλειος Athanasios|Thanasis=Αθανάσιος Michail|Michalis=Μιχαήλ"
    ),
    female=_parse(
        "Maria=Μαρία Eleni|Helen=Ελένη Aikaterini|Katerina=Αικατερίνη Vasiliki=Βασιλική Sofia=Σοφία "
        "Angeliki=Αγγελική Georgia=Γεωργία Dimitra=Δήμητρα Konstantina=Κωνσταντίνα Paraskevi|Evi=Παρασκευή"
    ),
    surnames=_parse(
        "Papadopoulos=Παπαδόπουλος Papadakis=Παπαδάκης Georgiou=Γεωργίου Oikonomou|Economou=Οικονόμου "
        "Papageorgiou=Παπαγεωργίου Vlachos=Βλάχος Nikolaidis=Νικολαΐδης Dimitriou=Δημητρίου "
        "Konstantinidis=Κωνσταντινίδης Ioannou=Ιωάννου Pappas=Παππάς Karagiannis=Καραγιάννης"
    ),
    native_p=0.3,
)

AFRICAN = Culture(
    "african",
    male=_parse(
        "Chinedu Emeka Oluwaseun|Seun Tunde|Babatunde Ibrahim Musa Abubakar Kwame Kofi Kwabena Yaw "
        "Samuel Daniel Joseph Emmanuel David John Peter Michael Godfrey Brian Kevin Dennis Collins "
        "Tendai Tatenda Thabo Sipho Bongani Mandla Themba Tshepo Juma Baraka Otieno Kamau Wanjiru "
        "Chukwuma Ifeanyi Obinna Adebayo Olumide Blessing Precious Mulugeta Tesfaye Dawit"
    ),
    female=_parse(
        "Ngozi Chioma Adaeze Funmilayo|Funmi Folake Aisha Amina Abena Akosua Ama Efua Grace Mercy "
        "Faith Joy Esther Mary Elizabeth Blessing Precious Patience Gift Nomvula Thandiwe|Thandi "
        "Lerato Palesa Naledi Wanjiku Akinyi Achieng Nyambura Zawadi Rutendo Chipo Tsion Hiwot"
    ),
    surnames=_parse(
        "Okafor Okonkwo Adeyemi Adebayo Okeke Eze Nwosu Ibrahim Mohammed Bello Abubakar Mensah Boateng "
        "Owusu Asante Osei Agyeman Appiah Ofori Otieno Ochieng Odhiambo Kamau Mwangi Njoroge Kariuki "
        "Wanjiru Mutua Nkosi Dlamini Ndlovu Khumalo Mokoena Zulu Moyo Sibanda Ncube Banda Phiri Mwale "
        "Tembo Mulenga Hailu Tesfaye Bekele Girma Kato Okello Mugisha Habimana Uwimana"
    ),
    middle_p=0.15,
)

PACIFIC = Culture(
    "pacific",
    male=_parse(
        "Sione Tevita Viliami Semisi Sefo Tavita Iosefa Malakai Pita Tomasi Ioane Losa Ratu Josefa Tama"
    ),
    female=_parse("Mele Ana Losana Salote Sina Lupe Malia Seini Litia Vika Akanesi Fetu Miliama Adi Tiare"),
    surnames=_parse(
        "Fifita Taufa Vaipulu Tonga Havili Lolohea Tuilagi Leota Faleolo Sapolu Tuimavave Naidu "
        "Ratuvou Tikoisuva Vakacegu Marsters Tangaroa Tapsell Heather Vainikolo"
    ),
)

HUNGARIAN = Culture(
    "hungarian",
    male=_parse(
        "László|Laszlo István|Istvan József|Jozsef János|Janos Zoltán|Zoltan Sándor|Sandor Gábor|Gabor Ferenc Attila Péter|Peter Tamás|Tamas Zsolt Bence Máté|Mate"
    ),
    female=_parse(
        "Mária|Maria Erzsébet|Erzsebet Katalin Ilona Éva|Eva Anna Zsuzsanna Margit Judit Ágnes|Agnes Eszter Andrea Réka|Reka Zsófia|Zsofia Dóra|Dora"
    ),
    surnames=_parse(
        "Nagy Kovács|Kovacs Tóth|Toth Szabó|Szabo Horváth|Horvath Varga Kiss Molnár|Molnar Németh|Nemeth Farkas Balogh Papp Takács|Takacs Juhász|Juhasz Lakatos Mészáros|Meszaros Oláh|Olah"
    ),
    order="sg",
    nicknames=_nicks(
        "László:Laci; István:Pisti,Pista; József:Jóska,Józsi; János:Jancsi; Erzsébet:Erzsi,Zsóka; Katalin:Kati"
    ),
)

ROMANIAN = Culture(
    "romanian",
    male=_parse(
        "Ion Andrei Alexandru Mihai Gheorghe Constantin Vasile Ștefan|Stefan|Ştefan Florin Cristian Adrian Bogdan Daniel Marian Ionuț|Ionut Răzvan|Razvan"
    ),
    female=_parse(
        "Maria Elena Ioana Ana Mihaela Andreea Cristina Alexandra Gabriela Daniela Georgiana Roxana Simona Ramona Alina Mădălina|Madalina"
    ),
    surnames=_parse(
        "Popescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Ionescu Constantin Rusu Munteanu Lungu Ceban Rotaru Moldovan Țurcanu|Turcanu"
    ),
)

CULTURES: dict[str, Culture] = {
    c.key: c
    for c in (
        ENGLISH,
        SPANISH,
        PORTUGUESE,
        FRENCH,
        GERMAN,
        DUTCH,
        ITALIAN,
        SLAVIC_CYR,
        SLAVIC_LAT,
        ARABIC,
        PERSIAN,
        CHINESE,
        JAPANESE,
        KOREAN,
        INDIAN,
        MALAY,
        TURKISH,
        NORDIC,
        VIETNAMESE,
        THAI,
        GREEK,
        AFRICAN,
        PACIFIC,
        HUNGARIAN,
        ROMANIAN,
    )
}

# Handles with no link to a name, and the words they are built from.
_HANDLE_TEXT = (
    "shadow dark wolf dragon ninja gamer pixel ghost storm blaze sky star moon sun night silver "
    "black red blue kiwi tiger lion fox hawk raven viper cobra phoenix frost ice fire rider hunter "
    "lucky happy crazy cool chill lazy sunny rainbow magic cyber neo alpha omega king queen prince "
    "angel devil panda bear bunny kitty puppy boss legend master sniper rocket turbo nova zen "
)
HANDLE_WORDS = tuple(_HANDLE_TEXT.split())
COMMON_HANDLES = (
    "john",
    "mike",
    "alex",
    "sam",
    "chris",
    "dan",
    "max",
    "anna",
    "maria",
    "david",
    "ali",
    "jay",
)
EMOJI = ("✨", "🌸", "🔥", "💯", "⚡", "🌙", "❤️", "😎", "🎮", "⚽", "🌺", "💀", "🦋", "👑", "🐺")

_TRANSLIT = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ə": "e",
        "Ə": "E",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "œ": "oe",
        "Œ": "Oe",
    }
)
_EXPAND = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ø": "oe",
        "Ø": "Oe",
        "å": "aa",
        "Å": "Aa",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
    }
)


def strip_accents(text: str) -> str:
    """Drop diacritics the way a keyboard without them would: ``Søren Jørgensen`` -> ``Soren Jorgensen``."""
    text = text.translate(_TRANSLIT)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def expand_accents(text: str) -> str:
    """German and Nordic spelling without the letters: ``Müller`` -> ``Mueller``, ``Åsa`` -> ``Aasa``."""
    return strip_accents(text.translate(_EXPAND))


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only, for handles and mailbox names."""
    return "".join(ch for ch in strip_accents(text).lower() if ch.isascii() and ch.isalnum())


def feminine(surname: str, culture: Culture) -> str:
    """Feminine form of a Slavic surname (``Ivanov`` -> ``Ivanova``, ``Kowalski`` -> ``Kowalska``)."""
    if not culture.feminine_surnames:
        return surname
    for male, female in (
        ("ski", "ska"),
        ("cki", "cka"),
        ("ský", "ská"),
        ("ny", "na"),
        ("ný", "ná"),
        ("ий", "ая"),
    ):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    if surname.endswith(("ov", "ev", "in", "ёв", "ов", "ев", "ин")):
        return surname + ("а" if surname[-1] in "вн" and not surname[-1].isascii() else "a")
    return surname
