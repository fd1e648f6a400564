# ruff: noqa: E501
"""Name data, Europe and the Americas. Token syntax: ``Native/Variant/...~Nick/NickVariant,Nick2``; ``_`` is a
space inside a name; a surname ``Male|Female`` gives both forms (otherwise ``gender`` rules derive them).
Order of variants is the order of preference when a person picks one spelling."""

WEST = {
    "en": dict(
        male="James~Jim,Jimmy,Jamie John~Johnny,Jack Robert~Bob,Rob,Bobby,Robbie Michael~Mike,Mikey "
        "William~Bill,Will,Billy,Liam David~Dave,Davey Richard~Rick,Rich,Dick,Richie Joseph~Joe,Joey "
        "Thomas~Tom,Tommy Charles~Charlie,Chuck Christopher~Chris,Topher Daniel~Dan,Danny Matthew~Matt "
        "Anthony~Tony Mark Steven/Stephen~Steve Andrew~Andy,Drew Joshua~Josh Kevin Brian/Bryan George "
        "Edward~Ed,Eddie,Ted Ryan Jacob~Jake Nicholas~Nick,Nicky Jonathan~Jon Benjamin~Ben,Benny "
        "Samuel~Sam,Sammy Alexander~Alex,Al Patrick~Pat,Paddy Timothy~Tim,Timmy Oliver~Ollie Harry Jack Noah",
        female="Mary~Molly,Mae Patricia~Pat,Patty,Trish Jennifer~Jen,Jenny Linda Elizabeth~Liz,Beth,Lizzie,Betty "
        "Barbara~Barb,Babs Susan~Sue,Susie Jessica~Jess,Jessie Sarah/Sara Karen Nancy Lisa "
        "Margaret~Maggie,Peggy,Meg Sandra~Sandy Ashley~Ash Kimberly~Kim Emily~Em,Emmy Michelle~Shelly "
        "Amanda~Mandy Melissa~Mel,Missy Deborah~Deb,Debbie Stephanie~Steph Rebecca~Becky,Becca Laura "
        "Katherine/Catherine/Kathryn~Kate,Katie,Kathy,Kat Christine~Chrissy Samantha~Sam,Sammy "
        "Victoria~Vicky,Tori Olivia~Liv Emma Charlotte~Charlie,Lottie Amelia~Millie Jane Rachel",
        surname="Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson "
        "Martin Lee Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams "
        "Evans Roberts Turner Murphy O'Brien/OBrien Kelly McCarthy MacDonald/McDonald O'Connor/OConnor",
        middle=0.35,
    ),
    "es": dict(
        male="José/Jose~Pepe,Chepe Juan~Juanito Luis~Lucho Carlos~Carlitos Jorge~Coque "
        "Francisco~Paco,Pancho,Fran,Cisco Antonio~Toño/Tono,Toni Manuel~Manolo,Manu Miguel~Migue "
        "Alejandro~Alex,Ale Javier~Javi Jesús/Jesus~Chucho,Chuy Pedro~Perico Fernando~Nando,Fer "
        "Ricardo~Richi Roberto~Beto Eduardo~Lalo Guillermo~Memo Ignacio~Nacho Enrique~Quique Rafael~Rafa "
        "Santiago~Santi Sebastián/Sebastian~Sebas Diego Andrés/Andres Daniel~Dani David Juan_Carlos~Juanca",
        female="María/Maria~Mari Guadalupe~Lupita,Lupe Carmen~Mamen Ana Dolores~Lola Isabel~Chabela,Isa "
        "Rosario~Charo Concepción/Concepcion~Conchita,Concha Mercedes~Meche Josefa~Pepa Sofía/Sofia~Sofi "
        "Valentina~Vale Gabriela~Gaby Daniela~Dani Lucía/Lucia~Lu Paula Laura Marta Verónica/Veronica~Vero "
        "Patricia~Paty Alejandra~Ale Fernanda~Fer Ximena/Jimena María_José/Maria_Jose~Majo Juana",
        surname="García/Garcia Rodríguez/Rodriguez Martínez/Martinez Hernández/Hernandez López/Lopez "
        "González/Gonzalez Pérez/Perez Sánchez/Sanchez Ramírez/Ramirez Torres Flores Rivera Gómez/Gomez "
        "Díaz/Diaz Cruz Morales Reyes Gutiérrez/Gutierrez Ortiz Jiménez/Jimenez Ruiz Álvarez/Alvarez "
        "Castillo Romero Vargas Moreno Muñoz/Munoz Rojas Mendoza Herrera Medina",
        two_surnames=True,
    ),
    "pt": dict(
        male="João/Joao~Joãozinho José/Jose~Zé/Ze Antônio/António/Antonio~Tonho,Toninho Francisco~Chico "
        "Luiz/Luis Carlos~Carlinhos Paulo Pedro~Pedrinho Lucas Gabriel~Gabi Rafael~Rafa Eduardo~Dudu "
        "Marcos Thiago/Tiago Rodrigo~Digo Gustavo~Guga Felipe/Filipe~Lipe Bruno Ricardo~Rica",
        female="Maria Ana Francisca~Chica Antônia/Antonia Adriana~Dri Juliana~Ju Márcia/Marcia "
        "Fernanda~Nanda Patrícia/Patricia~Paty Aline Camila~Mila Beatriz~Bia Letícia/Leticia~Lelê/Lele "
        "Mariana~Mari Larissa~Lari Gabriela~Gabi Jéssica/Jessica~Jé Luana Vitória/Vitoria~Vivi",
        surname="Silva Santos Oliveira Souza/Sousa Rodrigues Ferreira Alves Pereira Lima Gomes Costa "
        "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento",
        middle=0.3,
        two_surnames=True,
    ),
    "fr": dict(
        male="Jean~Jeannot Pierre~Pierrot Michel Philippe~Phil Alain Nicolas~Nico Christophe~Chris "
        "François/Francois~Fanfan Laurent Julien~Juju Thomas~Tom Sébastien/Sebastien~Seb "
        "Stéphane/Stephane~Steph Jean-Pierre~JP Frédéric/Frederic~Fred Guillaume~Guigui Antoine "
        "Maxime~Max Hugo Lucas Mathieu/Matthieu~Mat Benoît/Benoit Olivier~Olive Patrick~Pat",
        female="Marie Nathalie Isabelle~Isa Sylvie Catherine~Cathy Françoise/Francoise Christine Sandrine "
        "Valérie/Valerie~Val Sophie Céline/Celine Aurélie/Aurelie Camille~Cam Émilie/Emilie~Mimi Julie~Juju "
        "Léa/Lea Manon Chloé/Chloe Marie-Claire Anne-Sophie Élodie/Elodie Mathilde~Mathou",
        surname="Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefebvre/Lefèbvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André/Andre "
        "Lefèvre/Lefevre Mercier Dupont Lambert Bonnet François/Francois",
    ),
    "de": dict(
        male="Alexander~Alex Andreas~Andi Christian~Chris Daniel~Dani Florian~Flo Jürgen/Juergen/Jurgen "
        "Klaus Lukas/Lucas Markus/Marcus Matthias~Matze,Matti Maximilian~Max Michael~Micha "
        "Sebastian~Basti Stefan/Stephan~Steffen Thomas~Tom,Tommy Tobias~Tobi Wolfgang~Wolf "
        "Jörg/Joerg/Jorg Uwe Dieter Jan Felix Leon Paul Niklas/Nicklas~Nik",
        female="Anna Andrea Birgit~Biggi Claudia Julia~Jule Katharina~Kathi,Katha Laura Lea/Leah Lena Maria "
        "Monika Petra Sabine~Bine Sandra Stefanie/Stephanie~Steffi Susanne~Susi Ursula~Uschi "
        "Jessica~Jessi Sophie/Sofie Jana Nicole~Nicki Melanie~Mel Franziska~Franzi",
        surname="Müller/Mueller/Muller Schmidt Schneider Fischer Weber Meyer/Meier/Maier Wagner Becker "
        "Schulz Hoffmann Schäfer/Schaefer/Schafer Koch Bauer Richter Klein Wolf Schröder/Schroeder/Schroder "
        "Neumann Schwarz Zimmermann Braun Krüger/Krueger/Kruger Hofmann Hartmann Lange Weiß/Weiss",
    ),
    "it": dict(
        male="Giuseppe~Peppe,Pino,Beppe Giovanni~Gianni,Nino Antonio~Toni,Totò/Toto Mario Luigi~Gigi "
        "Francesco~Franco,Checco,Cesco Alessandro~Ale,Sandro Andrea Marco Matteo~Teo Lorenzo~Enzo "
        "Roberto~Robi Stefano~Ste Salvatore~Totò/Toto,Turi Davide Paolo Vincenzo~Enzo Federico~Fede "
        "Riccardo~Ricky Simone Gabriele~Gabri",
        female="Maria Anna Giuseppina~Pina,Giusy Rosa Angela Giovanna~Gianna Teresa Lucia "
        "Francesca~Franci,Fra Chiara Giulia Sara Martina Alessia~Ale Elisa Valentina~Vale Federica~Fede "
        "Silvia Laura Paola Roberta~Robi Beatrice~Bea",
        surname="Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca/DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Caruso Ferraro",
    ),
    "nl": dict(
        male="Jan~Jantje Pieter/Peter~Piet Hendrik~Henk Johannes~Hans,Joop Cornelis~Kees Willem~Wim "
        "Gerrit~Gert Dirk Sander Bram Daan Thijs Ruben Tim Lars Jeroen Bas Joost Stijn Wouter",
        female="Maria~Ria,Mies Anna~Anne Johanna~Hanneke,Joke Cornelia~Corrie,Nel Elisabeth~Lies,Elise "
        "Sanne Lotte Femke Emma Anouk Fleur Marieke Ingrid Sophie Eva Lieke Inge",
        surname="de_Jong/De_Jong/DeJong Jansen de_Vries/De_Vries van_den_Berg/Van_den_Berg/vd_Berg "
        "van_Dijk/Van_Dijk Bakker Janssen Visser Smit Meijer/Meyer de_Boer/De_Boer Mulder "
        "de_Groot/De_Groot Bos Vos Peters Hendriks van_Leeuwen/Van_Leeuwen Dekker Brouwer Peeters Maes "
        "Willems Claes",
    ),
    "pl": dict(
        male="Piotr~Piotrek Krzysztof~Krzysiek Andrzej~Jędrek/Jedrek Tomasz~Tomek Paweł/Pawel~Pawełek "
        "Michał/Michal~Michałek/Michalek Marcin Jakub~Kuba Adam Łukasz/Lukasz Grzegorz~Grzesiek "
        "Mateusz~Mati Kamil Wojciech~Wojtek Dawid Bartosz~Bartek Jan~Janek Marek Rafał/Rafal",
        female="Anna~Ania Maria~Marysia Katarzyna~Kasia Małgorzata/Malgorzata~Gosia,Małgosia "
        "Agnieszka~Aga Barbara~Basia Ewa~Ewka Krystyna~Krysia Magdalena~Magda Joanna~Asia "
        "Aleksandra~Ola Monika Natalia~Nati Zofia~Zosia Dorota Karolina~Karo Justyna Beata",
        surname="Nowak Kowalski Wiśniewski/Wisniewski Wójcik/Wojcik Kowalczyk Kamiński/Kaminski Lewandowski "
        "Zieliński/Zielinski Szymański/Szymanski Woźniak/Wozniak Dąbrowski/Dabrowski Kozłowski/Kozlowski "
        "Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowicki Wieczorek",
        gender="pl",
    ),
    "cs": dict(
        male="Jan~Honza Petr~Péťa Tomáš/Tomas Martin Jiří/Jiri~Jirka Pavel Jakub~Kuba Lukáš/Lukas "
        "Josef~Pepa Michal David Ondřej/Ondrej~Ondra Vojtěch/Vojtech~Vojta Miroslav~Mirek Peter Marek",
        female="Jana Marie~Máňa Eva~Evička Hana~Hanka Anna~Anička Lenka Kateřina/Katerina~Káťa Lucie Petra "
        "Veronika~Verča Tereza~Terka Martina Zuzana~Zuzka Barbora~Bára Lucia",
        surname="Novák/Novak Svoboda Novotný/Novotny Dvořák/Dvorak Černý/Cerny Procházka/Prochazka "
        "Kučera/Kucera Veselý/Vesely Horák/Horak Němec/Nemec Marek Pokorný/Pokorny Pospíšil/Pospisil "
        "Hájek/Hajek Král/Kral Jelínek/Jelinek Růžička/Ruzicka Beneš/Benes Fiala Sedláček/Sedlacek",
        gender="cs",
    ),
    "hu": dict(
        male="László/Laszlo~Laci István/Istvan~Pista,Isti József/Jozsef~Józsi János/Janos~Jani "
        "Zoltán/Zoltan~Zoli Sándor/Sandor~Sanyi Gábor/Gabor~Gabi Ferenc~Feri Attila~Atti Péter/Peter~Peti "
        "Tamás/Tamas~Tomi Bence Máté/Mate Balázs/Balazs~Balu",
        female="Mária/Maria~Marika,Mari Erzsébet/Erzsebet~Erzsi,Bözsi Katalin~Kati Éva/Eva~Évi "
        "Ilona~Ica Anna~Panni Zsuzsanna~Zsuzsa,Zsuzsi Judit~Jutka Ágnes/Agnes~Ági Andrea Eszter Réka/Reka "
        "Anikó/Aniko",
        surname="Nagy Kovács/Kovacs Tóth/Toth Szabó/Szabo Horváth/Horvath Varga Kiss Molnár/Molnar "
        "Németh/Nemeth Farkas Balogh Papp Takács/Takacs Juhász/Juhasz Lakatos Mészáros/Meszaros "
        "Oláh/Olah Simon",
        order="sg",
    ),
    "ro": dict(
        male="Ion~Ionuț/Ionut Gheorghe~Ghiță/Ghita,George Vasile~Vasilică Constantin~Costel,Costi "
        "Alexandru~Alex,Sandu Andrei Mihai~Mihăiță/Mihaita Nicolae~Nicu Ștefan/Stefan~Fane Adrian Florin "
        "Marius Cristian~Cristi Gabriel~Gabi Bogdan Ionuț/Ionut",
        female="Maria~Mărioara Elena~Lenuța Ioana~Ionela Ana Mihaela~Mihaela Andreea/Andrea Cristina~Cristi "
        "Gabriela~Gabi Alexandra~Ale Daniela~Dana Alina Nicoleta Simona Raluca Ionela",
        surname="Popescu Popa Pop Radu Ionescu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin Rusu "
        "Mihai Munteanu Moldovan Lungu Dinu Marin Tudor",
    ),
    "nd": dict(
        male="Lars Anders Johan Erik/Eric Karl/Carl~Kalle Per Nils Mikael/Michael~Micke Jonas Oskar/Oscar "
        "Henrik~Henke Magnus Ole Bjørn/Björn/Bjorn Søren/Soren Emil Mathias Kristian",
        female="Anna Maria Eva Karin Kristina/Christina Sara Emma Ingrid Linnea Maja Ida Sofie/Sofia "
        "Astrid Hanne Mette Sigrid Kari Elin Camilla",
        surname="Andersson Andersen Johansson Johansen Karlsson/Carlsson Nilsson Nielsen Eriksson Eriksen "
        "Larsson Larsen Olsson Olsen Persson Pedersen Hansen Jensen Svensson Gustafsson Lindberg "
        "Lindqvist/Lindquist Berg Haugen Christensen/Kristensen",
    ),
    "fi": dict(
        male="Juha Mikko Jukka Matti Timo Antti Kari Jari Ville Janne Pekka Heikki Teemu Tuomas",
        female="Anna Maria Tuula Päivi/Paivi Anne Sari Minna Leena Johanna~Jonna Katja Laura Aino Emilia",
        surname="Korhonen Virtanen Mäkinen/Makinen Nieminen Mäkelä/Makela Hämäläinen/Hamalainen Laine "
        "Heikkinen Koskinen Järvinen/Jarvinen Lehtonen Lehtinen Saarinen Salminen",
    ),
    "el": dict(
        male="Γιώργος/Giorgos/Yiorgos/George~Γιωργάκης/Giorgakis Ιωάννης/Ioannis~Γιάννης/Giannis/Yannis "
        "Κωνσταντίνος/Konstantinos/Constantinos~Κώστας/Kostas/Costas,Ντίνος/Dinos "
        "Δημήτρης/Dimitris/Dimitrios~Μήτσος/Mitsos,Τάκης/Takis Νικόλαος/Nikolaos~Νίκος/Nikos "
        "Παναγιώτης/Panagiotis/Panayiotis~Πάνος/Panos Βασίλειος/Vasileios~Βασίλης/Vasilis/Vassilis "
        "Χρήστος/Christos/Hristos Αθανάσιος/Athanasios~Θανάσης/Thanasis Μιχάλης/Michalis/Michael "
        "Ευάγγελος/Evangelos~Βαγγέλης/Vangelis Σπύρος/Spyros/Spiros Αλέξανδρος/Alexandros~Αλέκος/Alekos",
        female="Μαρία/Maria~Μαρούλα/Maroula Ελένη/Eleni/Helen~Λένα/Lena Αικατερίνη/Aikaterini~Κατερίνα/Katerina "
        "Βασιλική/Vasiliki~Βάσω/Vaso,Κική/Kiki Σοφία/Sofia/Sophia Αγγελική/Angeliki/Aggeliki "
        "Γεωργία/Georgia~Γωγώ/Gogo Δήμητρα/Dimitra Ευαγγελία/Evangelia~Λίτσα/Litsa Ιωάννα/Ioanna/Joanna "
        "Χριστίνα/Christina/Xristina Παναγιώτα/Panagiota/Panayiota~Γιώτα/Giota Ειρήνη/Eirini/Irene",
        surname="Παπαδόπουλος/Papadopoulos|Παπαδοπούλου/Papadopoulou Παπαδάκης/Papadakis Γεωργίου/Georgiou "
        "Οικονόμου/Oikonomou/Economou Βασιλείου/Vasileiou Νικολάου/Nikolaou Καραγιάννης/Karagiannis/Karayannis "
        "Παπαγεωργίου/Papageorgiou Αθανασίου/Athanasiou Δημητρίου/Dimitriou Ιωάννου/Ioannou "
        "Παππάς/Pappas Κωνσταντίνου/Konstantinou Μακρής/Makris Αντωνίου/Antoniou",
        gender="el",
        native=0.45,
    ),
}
