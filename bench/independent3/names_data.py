# ruff: noqa: RUF001
"""Given names and surnames by naming culture, most frequent first.

Token grammar, tokens separated by white space, "_" stands for a space inside a name:

    form[=latin1/latin2...][~dim1/dim2...][@m|@f]

`form` is the name in the culture's own script (with its accents); `latin` lists romanizations or
alternative spellings, the usual one first; a diminutive is `native:latin` or, in Latin-script
cultures, just the form. `@m`/`@f` limits a surname to one gender.
"""

CULTURES: dict[str, dict[str, str | float]] = {
    "anglo": {
        "script": "latin",
        "m": """James~Jim/Jimmy/Jamie William~Will/Bill/Billy/Liam John~Johnny/Jack
            Robert~Rob/Bob/Bobby/Robbie Michael~Mike/Mikey David~Dave/Davey Richard~Rick/Rich/Richie
            Joseph~Joe/Joey Thomas~Tom/Tommy Christopher~Chris Daniel~Dan/Danny Matthew~Matt
            Anthony=Antony~Tony Mark Steven=Stephen~Steve Andrew~Andy/Drew Joshua~Josh Kevin Brian=Bryan
            Ryan Jacob~Jake Nicholas=Nicolas~Nick/Nicky Jonathan~Jon/Jonny Benjamin~Ben/Benny
            Samuel~Sam/Sammy Timothy~Tim/Timmy Patrick~Pat/Paddy Edward~Ed/Eddie/Ted
            Alexander~Alex/Xander Charles~Charlie/Chuck Liam Noah Oliver~Ollie Ethan Tyler Brandon
            Justin Aaron Sean=Shaun/Shawn Connor=Conor Gary Kenneth~Ken/Kenny Ronald~Ron/Ronnie
            Gregory~Greg Zachary~Zach/Zack Harry Jack George Logan Mason Dylan Jordan Kyle Cameron
            Nathan~Nate Adam Peter~Pete Paul Scott Eric=Erik Jeffrey=Geoffrey~Jeff/Geoff Frank
            Raymond~Ray Gerald~Gerry Dennis Walter~Walt Henry~Hank Lucas Owen Declan Callum Rhys Gareth
            Terrence~Terry Marcus DeShawn Jamal Tyrone Darnell""",
        "f": """Mary~Molly/Mae Patricia~Pat/Patty/Trish Jennifer~Jen/Jenny Linda
            Elizabeth~Liz/Beth/Lizzie/Betty Barbara~Barb Susan~Sue/Susie Jessica~Jess/Jessie Sarah=Sara
            Karen Lisa Nancy Margaret~Maggie/Meg/Peggy Sandra~Sandy Ashley Emily~Em/Emmy Kimberly~Kim
            Donna Michelle~Shelly Carol=Carole Amanda~Mandy Melissa~Mel/Missy Deborah=Debra~Deb/Debbie
            Stephanie~Steph Rebecca~Becky/Becca Laura Sharon Cynthia~Cindy Kathleen~Kathy/Kath Amy
            Angela~Angie Helen Anna~Annie Brenda Pamela~Pam Emma Nicole~Nikki Samantha~Sam/Sammy
            Katherine=Catherine/Kathryn~Kate/Katie/Cathy/Kat Christine~Chrissy Rachel Olivia~Liv
            Sophia=Sofia~Sophie Isabella~Bella/Izzy Ava Mia Charlotte~Lottie Abigail~Abby/Abbie
            Madison~Maddie Chloe Grace Hannah Lauren Megan~Meg Victoria~Vicky/Tori Alexandra~Alex/Lexi
            Danielle~Dani Natalie~Nat Zoe Lucy Holly Amber Jade Kayla Brittany Tiffany Heather Siobhan
            Niamh Caitlin=Kaitlyn Shaniqua Keisha Latoya""",
        "s": """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
            Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright
            Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Evans
            Edwards Collins Stewart Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard
            Ward Cox Richardson Wood Watson Brooks Bennett Gray=Grey James Hughes Price Sanders Myers
            Long Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes
            Fisher Murray Ellis Marshall Hunt Palmer Walsh O'Brien=OBrien O'Connor=OConnor
            McDonald=MacDonald MacKenzie=McKenzie Byrne Ryan Doyle Davies Washington Jefferson""",
        "zipf": 0.9,
    },
    "hispanic": {
        "script": "latin",
        "m": """José~Pepe/Chepe Juan~Juanito/Juancho Luis Carlos~Carlitos/Charly Jorge~Coque Miguel
            Antonio~Toño/Tony Francisco~Paco/Pancho/Kiko Alejandro~Alex/Ale Manuel~Manolo/Manu Pedro
            Jesús~Chucho/Chuy Fernando~Fer/Nando Javier~Javi Ricardo~Richi Daniel~Dani Diego Andrés
            Rafael~Rafa Eduardo~Lalo/Edu Roberto~Beto Sergio~Checo David Pablo Mario Raúl Héctor Óscar
            Gabriel~Gabo Santiago~Santi Mateo Sebastián~Sebas Nicolás~Nico Martín Emiliano Ignacio~Nacho
            Guillermo~Memo/Guille Enrique~Quique Alberto~Beto Arturo Gustavo~Tavo Julio Víctor Hugo Iván
            Adrián Álvaro Rodrigo~Rodri Gonzalo~Gonza Joaquín~Joaco José_Luis~Pepelu José_Manuel~Chema
            Juan_Carlos~Juanca Juan_Pablo Luis_Miguel""",
        "f": """María~Mari/Maruja María_José~Majo María_Fernanda~Mafe/Marifer Guadalupe~Lupe/Lupita Ana
            Carmen~Mamen Laura Isabel~Chabela/Isa Rosa~Rosita Lucía~Lu Sofía~Sofi Valentina~Vale
            Camila~Cami Daniela~Dani Gabriela~Gaby Fernanda~Fer Alejandra~Ale Andrea Paula Marta
            Patricia~Paty Elena Verónica~Vero Claudia Mónica Sandra Adriana Natalia~Nati Carolina~Caro
            Paola Diana Silvia Beatriz~Bea Pilar~Pili Dolores~Lola Concepción~Concha/Conchi
            Mercedes~Meche Josefa~Pepa Francisca~Paquita Teresa~Tere Ximena=Jimena Valeria Mariana
            Victoria~Vicky Esperanza Leticia~Lety Yolanda~Yoli Rocío Nerea Ainhoa""",
        "s": """García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores
            Rivera Gómez Díaz Cruz Morales Reyes Jiménez Ruiz Gutiérrez Ortiz Chávez Ramos Vargas
            Castillo Romero Mendoza Moreno Álvarez Vásquez=Vázquez Herrera Medina Aguilar Castro Suárez
            Rojas Guerrero Navarro Muñoz Domínguez Gil Serrano Blanco Molina Delgado Ortega Rubio Marín
            Iglesias Núñez Garrido Cortés Santos Lozano Cabrera Fuentes Campos Vega León Méndez Salazar
            Peña Contreras Guzmán Paredes Acosta Espinoza=Espinosa Figueroa Pacheco Cárdenas""",
        "zipf": 0.8,
    },
    "portuguese": {
        "script": "latin",
        "m": """José~Zé João~Joãozinho Antônio=António~Toninho/Tonho Francisco~Chico Carlos~Carlinhos
            Paulo Pedro Lucas Luiz=Luís Marcos Gabriel~Gabi Rafael~Rafa Daniel Marcelo Bruno
            Eduardo~Dudu/Edu Felipe=Filipe~Lipe Raimundo Rodrigo~Digo Manoel=Manuel~Mané Mateus=Matheus
            Gustavo~Guga Fernando~Nando Fábio Leonardo~Léo Diego Ricardo Thiago=Tiago Guilherme~Gui
            Vinícius~Vini Rui Nuno André Sérgio Vítor=Victor João_Pedro Luiz_Carlos José_Carlos
            Carlos_Eduardo~Cadu""",
        "f": """Maria Ana Francisca~Chica Antônia=Antónia Adriana Juliana~Ju Márcia Fernanda~Nanda
            Patrícia~Paty Aline Sandra Camila~Cami Amanda Bruna Jéssica=Jessica Letícia~Lê Júlia~Ju
            Luciana~Lu Vanessa~Nessa Mariana~Mari Beatriz~Bia Gabriela~Gabi Larissa Raquel Tatiana~Tati
            Inês Joana Catarina Sofia Rita Daniela~Dani Carla Cláudia Débora Renata Simone
            Maria_Eduarda~Duda Ana_Paula Maria_Clara Ana_Luísa""",
        "s": """Silva Santos Oliveira Souza=Sousa Rodrigues Ferreira Alves Pereira Lima Gomes Costa
            Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento
            Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana
            Teixeira Araújo Pinto Correia Monteiro Cunha Moura Cavalcanti Azevedo Batista Campos Castro
            Coelho""",
        "zipf": 0.9,
    },
    "french": {
        "script": "latin",
        "m": """Jean Pierre Michel Philippe Alain Nicolas~Nico Christophe Patrick Laurent Frédéric~Fred
            Stéphane~Steph Sébastien~Seb David Julien Thomas~Tom Olivier~Oli François Éric=Eric Pascal
            Thierry Guillaume~Guigui Vincent~Vince Antoine~Toine Maxime~Max Alexandre~Alex Hugo Lucas
            Louis Mathieu=Matthieu~Matt Romain Jérôme~Jéjé Bruno Yannick~Yann Cédric Benoît Arnaud
            Jean-Pierre~JP Jean-Claude~JC Jean-Marc Jean-Luc Jean-François Théo Nathan Enzo Clément
            Kévin=Kevin Baptiste Gaël""",
        "f": """Marie Nathalie~Nath Isabelle~Isa Sylvie Catherine~Cathy Françoise Christine Monique
            Valérie~Val Sandrine Sophie Céline Stéphanie~Steph Véronique~Vero Nicole Aurélie Camille
            Julie~Juju Chloé Léa Manon Emma Inès Sarah Laura Pauline Marine Élodie=Elodie Audrey
            Émilie=Emilie Caroline~Caro Virginie Hélène Anne-Sophie Marie-Claire Marie-Christine Claire
            Lucie Charlotte Mathilde Margaux=Margot Océane""",
        "s": """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
            Lefebvre=Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert
            Fontaine Rousseau Vincent Muller Faure André Mercier Blanc Guérin Boyer Garnier Chevalier
            François Legrand Gauthier Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Masson
            Marchand Duval Denis Dumont Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly
            Rivière Le_Gall Le_Roux Da_Silva""",
        "zipf": 0.8,
    },
    "german": {
        "script": "latin",
        "m": """Thomas Michael~Micha Andreas~Andi Stefan=Stephan~Steffen Peter Christian~Chris Frank
            Markus=Marcus Klaus=Claus Wolfgang Jürgen=Juergen Matthias~Matze Martin Sebastian~Basti
            Tobias~Tobi Daniel Alexander~Alex Jan Lukas=Lucas Florian~Flo Maximilian~Max Jonas Leon Paul
            Felix Dieter Uwe Jörg=Joerg Dirk Torsten=Thorsten Holger Ralf=Ralph Bernd Heinz Hans
            Karl=Carl Günter=Günther Helmut Manfred Horst Gerhard~Gerd Werner Rainer Volker Kai
            Niklas=Niclas Moritz Philipp~Phil Johannes~Hannes Georg~Schorsch Josef=Joseph~Sepp
            Franz~Franzl""",
        "f": """Sabine Petra Claudia Andrea Susanne~Susi Stefanie=Stephanie~Steffi Nicole Birgit Monika
            Katharina~Kathi Julia~Jule Anna Laura Lena Lea Sarah=Sara Lisa Hannah=Hanna Marie
            Sophie=Sofie Johanna~Hanni Ursula~Uschi Renate Karin Gabriele~Gabi Heike Anja Silke Sandra
            Melanie Nadine Kerstin Jana Christina~Tina Franziska~Franzi Charlotte~Lotte Emilia Mia
            Ingrid Brigitte~Gitti Elke Ute Dagmar""",
        "s": """Müller=Mueller Schmidt Schneider Fischer Weber Meyer=Meier Wagner Becker Schulz Hoffmann
            Schäfer=Schaefer Koch Bauer Richter Klein Wolf Schröder=Schroeder Neumann Schwarz Zimmermann
            Braun Krüger=Krueger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Lehmann Schmid
            Schulze Maier Köhler=Koehler Herrmann König=Koenig Walter Mayer Huber Kaiser Fuchs Peters
            Lang Scholz Möller=Moeller Weiß=Weiss Jung Hahn Schubert Vogel Friedrich Keller Günther
            Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Ludwig Böhm Winter
            Kraus Groß=Gross""",
        "zipf": 0.85,
    },
    "dutch": {
        "script": "latin",
        "m": """Jan Pieter~Piet Johannes~Hans Hendrik~Henk Cornelis~Kees Willem~Wim Gerrit~Gert
            Jacobus~Koos/Jaap Dirk Bram Daan Sem Lucas Jesse Thijs Lars Ruben Tim Niels Bas Joost Sander
            Mark Martijn Jeroen Stefan Rob Maarten Erik Wouter Koen Bart Tom Kevin Dennis Pieter-Jan""",
        "f": """Maria~Mies Anna~Anke Johanna~Anneke Cornelia~Corrie/Nel Elisabeth~Els/Lies Sanne Lotte
            Emma Julia Sophie Eva Lisa Anouk Fleur Femke Iris Laura Lieke Sara Marieke Inge Ingrid
            Monique Linda Esther Petra Mirjam Wendy Marloes Daphne""",
        "s": """de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer=Meyer
            de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra
            Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel
            van_der_Veen van_den_Broek de_Bruijn=de_Bruin/de_Bruyn van_der_Heijden Schouten van_Beek
            Willems van_Vliet Hoekstra Maas Verhoeven Koster van_Dam Prins Blom Huisman Peeters Maes
            Claes Goossens Wouters""",
        "zipf": 0.8,
    },
    "italian": {
        "script": "latin",
        "m": """Giuseppe~Peppe/Pino/Beppe Giovanni~Gianni Antonio~Tonino Mario Luigi~Gigi
            Francesco~Franco/Checco/Ciccio Angelo Vincenzo~Enzo Pietro Salvatore~Salvo/Totò Carlo
            Domenico~Mimmo Bruno Paolo Michele Giorgio Aldo Sergio Luca Marco Andrea Stefano
            Alessandro~Ale/Sandro Matteo Lorenzo~Lollo Davide Simone Federico~Fede Riccardo~Ricky
            Gabriele Leonardo~Leo Tommaso~Tommy Roberto~Robi Massimo~Max Fabio Emanuele~Manu Daniele
            Claudio Nicola Filippo~Pippo Giacomo Alberto""",
        "f": """Maria Anna Giuseppina~Pina Rosa Angela Giovanna~Gianna Teresa Lucia Carmela Caterina
            Francesca~Franci Antonella Sara Giulia Chiara Martina Alessia Federica~Fede Valentina~Vale
            Silvia Elena Laura Paola Roberta Simona Barbara Cristina Alessandra~Ale Giorgia Sofia Aurora
            Ginevra Beatrice~Bea Emma Alice Elisa Veronica Serena Ilaria Eleonora~Ele Daniela Patrizia
            Raffaella~Lella""",
        "s": """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
            De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani
            Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra
            Coppola De_Santis D'Angelo=DAngelo/D_Angelo Marchetti Parisi Villa Conte Ferraro Ferri
            Fabbri Bianco Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna""",
        "zipf": 0.8,
    },
    "polish": {
        "script": "latin",
        "rule": "polish",
        "m": """Piotr~Piotrek Krzysztof~Krzysiek Andrzej Tomasz~Tomek Paweł Jan~Janek Michał Marcin
            Jakub~Kuba Adam Łukasz Grzegorz~Grzesiek Mateusz Wojciech~Wojtek Mariusz Dariusz~Darek
            Zbigniew~Zbyszek Marek Kamil Maciej~Maciek Rafał Robert Stanisław~Staszek Józef~Józek
            Ryszard~Rysiek Kacper Bartosz~Bartek Szymon Dawid Sebastian Damian Artur Przemysław~Przemek""",
        "f": """Anna~Ania Maria~Marysia Katarzyna~Kasia Małgorzata~Gosia/Małgosia Agnieszka~Aga
            Barbara~Basia Ewa Krystyna~Krysia Elżbieta~Ela Magdalena~Magda Joanna~Asia Aleksandra~Ola
            Monika Zofia~Zosia Teresa Danuta~Danka Natalia Julia Karolina Marta Beata Dorota Justyna
            Paulina Weronika Wiktoria Jadwiga~Jadzia Halina Irena Janina Alicja~Ala Iwona Sylwia
            Patrycja""",
        "s": """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
            Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek
            Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski
            Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski
            Witkowski Walczak Sikora Baran Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Zalewski""",
        "zipf": 0.8,
    },
    "czech": {
        "script": "latin",
        "rule": "czech",
        "m": """Jiří~Jirka Jan~Honza Petr Josef~Pepa Pavel Martin Tomáš Jaroslav~Jarda Miroslav~Mirek
            Zdeněk~Zdenda Václav~Venca Michal Karel Milan Vladimír~Vláďa Lukáš Jakub~Kuba David
            Ondřej~Ondra Stanislav~Standa Marek Roman Radek Vojtěch~Vojta Filip Matěj Adam Antonín~Tonda
            Peter Juraj Ľubomír""",
        "f": """Jana Marie Eva Hana~Hanka Anna~Anička Lenka Kateřina~Katka Lucie Věra Alena Petra
            Veronika~Verča Martina Jaroslava~Jarka Tereza~Terka Michaela~Míša Jitka Ludmila~Lída Helena
            Zdeňka Ivana Monika Markéta Barbora~Bára Eliška Klára Natálie Kristýna~Týna Adéla Zuzana
            Mária""",
        "s": """Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Marek Pospíšil
            Pokorný Hájek Král Jelínek Růžička Beneš Fiala Sedláček Doležal Zeman Kolář Navrátil Čermák
            Urban Blažek Kříž Kovář Bartoš Vlček Polák Musil Šimek Konečný Malý Holub Štěpánek Kadlec
            Horváth Varga""",
        "zipf": 0.8,
    },
    "hungarian": {
        "script": "latin",
        "order": "SG",
        "m": """László~Laci Zoltán~Zoli István~Pista/Pisti József~Józsi János~Jani Sándor~Sanyi
            Ferenc~Feri Gábor~Gabi Attila Péter~Peti Tamás~Tomi Zsolt Tibor~Tibi András~Andris Csaba
            Imre Balázs Gergely~Gergő Dániel~Dani Bence Máté Ádám Levente Dávid Norbert~Norbi""",
        "f": """Mária~Marika Erzsébet~Erzsi Katalin~Kati Ilona~Ilonka Éva~Évi Anna~Panni
            Zsuzsanna~Zsuzsa Margit~Manci Judit~Juci Ágnes~Ági Andrea Erika Krisztina~Kriszti Eszter
            Anita Szilvia~Szilvi Mónika Viktória~Viki Nikolett~Niki Dóra~Dóri Réka Fanni Petra
            Boglárka~Bogi Zsófia~Zsófi Hanna Lili Júlia""",
        "s": """Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász
            Lakatos Mészáros Oláh Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis Szűcs Kocsis
            Pintér Fodor Szalai Sipos Magyar Lukács Gulyás Biró Király Katona""",
        "zipf": 0.9,
    },
    "romanian": {
        "script": "latin",
        "m": """Ion~Ionel/Nelu Gheorghe~Gică Vasile Constantin~Costel/Costică Alexandru~Alex/Sandu
            Andrei Mihai Nicolae~Nicu Ștefan=Stefan Florin Cristian~Cristi Adrian Daniel~Dani Marian
            Dumitru~Mitică Gabriel~Gabi Mircea Ionuț Bogdan Răzvan Sorin Cătălin Radu Lucian Vlad Ovidiu
            Dan Paul Emil Petru Claudiu""",
        "f": """Maria~Mărioara Elena~Lenuța Ioana Ana Mihaela Andreea Cristina Alexandra Daniela
            Gabriela~Gabi Florentina~Flori Georgiana Mariana Nicoleta Ramona Simona Adriana Larisa Alina
            Irina Roxana Raluca Oana Diana Camelia Monica Anca Bianca Ana-Maria Iuliana""",
        "s": """Popa Popescu Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Ionescu Rusu Mihai
            Constantin Mocanu Dinu Munteanu Lazăr Florea Ilie Moldovan Dobre Barbu Nistor Toma Tudor
            Stanciu Vasile Diaconu Georgescu Dumitrescu Marin Marinescu Ene Oprea Sandu Vlad""",
        "zipf": 0.8,
    },
    "greek": {
        "script": "greek",
        "rule": "greek",
        "m": """Γιώργος=Giorgos/Yiorgos/Georgios/George Γιάννης=Giannis/Yiannis/Ioannis/John
            Κωνσταντίνος=Konstantinos/Constantinos~Κώστας:Kostas/Ντίνος:Dinos
            Δημήτρης=Dimitris/Dimitrios/Demetrios~Μήτσος:Mitsos/Τάκης:Takis Νίκος=Nikos/Nikolaos/Nick
            Παναγιώτης=Panagiotis/Panayiotis~Πάνος:Panos Βασίλης=Vasilis/Vassilis/Vasileios
            Χρήστος=Christos/Chris Αντώνης=Antonis/Antonios Μιχάλης=Michalis/Michael
            Ευάγγελος=Evangelos~Βαγγέλης:Vangelis Αθανάσιος=Athanasios~Θανάσης:Thanasis/Σάκης:Sakis
            Σπύρος=Spyros/Spiros Αλέξανδρος=Alexandros/Alexander~Αλέκος:Alekos Στέφανος=Stefanos
            Ηλίας=Ilias/Elias Πέτρος=Petros Άγγελος=Angelos""",
        "f": """Μαρία=Maria Ελένη=Eleni/Helen~Λένα:Lena
            Αικατερίνη=Aikaterini/Ekaterini~Κατερίνα:Katerina Βασιλική=Vasiliki~Βάσω:Vaso/Κική:Kiki
            Σοφία=Sofia/Sophia Γεωργία=Georgia/Yiorgia Ευαγγελία=Evangelia~Λίτσα:Litsa/Εύα:Eva
            Δήμητρα=Dimitra Ειρήνη=Eirini/Irini/Irene Παναγιώτα=Panagiota/Panayiota~Γιώτα:Yiota
            Χριστίνα=Christina Αναστασία=Anastasia~Νατάσα:Natasa Ιωάννα=Ioanna/Joanna
            Κωνσταντίνα=Konstantina~Ντίνα:Dina Δέσποινα=Despoina/Despina Θεοδώρα=Theodora~Δώρα:Dora""",
        "s": """Παπαδόπουλος=Papadopoulos Παπαδάκης=Papadakis Παπαγεωργίου=Papageorgiou
            Οικονόμου=Oikonomou/Economou Γεωργίου=Georgiou Βασιλείου=Vasileiou/Vasiliou
            Νικολάου=Nikolaou Ιωάννου=Ioannou Παπανικολάου=Papanikolaou
            Καραγιάννης=Karagiannis/Karayiannis Αντωνίου=Antoniou Δημητρίου=Dimitriou Μακρής=Makris
            Αλεξίου=Alexiou Κωνσταντίνου=Konstantinou Παππάς=Pappas Μαυρίδης=Mavridis
            Λαμπρόπουλος=Lampropoulos/Labropoulos Κουτσός=Koutsos Χατζής=Chatzis/Hatzis
            Αθανασίου=Athanasiou Σταματόπουλος=Stamatopoulos Τσακίρης=Tsakiris""",
        "zipf": 0.8,
    },
    "nordic": {
        "script": "latin",
        "m": """Lars Anders Johan Erik Per Karl=Carl Nils Jan Mikael=Michael Lennart Magnus Henrik
            Fredrik Björn=Bjørn Ole Jens Søren=Sören Niels Mads Rasmus Kristian=Christian Morten Thomas
            Jonas Oskar=Oscar Elias William Lucas Emil Noah Axel Gustav~Gösta Hans Knut Sven Øyvind
            Tor=Thor""",
        "f": """Anna Maria Karin Kristina=Christina Eva Lena Sara Emma Ingrid Astrid Maja Elsa Ebba
            Linnéa Ida Freja Sofie Mette Hanne Kirsten Lise Camilla Line Nora Solveig Sigrid Åsa
            Birgitta~Bitte Margareta~Maggan Ulla Kerstin Marianne Signe Tove""",
        "s": """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
            Pettersson Jonsson Jansson Hansson Lindberg Lindqvist=Lindquist Lindström Berg Bergström
            Lundberg Sandberg Nyström Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen
            Jensen Nielsen Rasmussen Jørgensen Petersen Madsen Kristensen Sørensen Haugen Hagen Bakken
            Dahl Lund Holm""",
        "zipf": 0.8,
    },
    "finnish": {
        "script": "latin",
        "m": """Juha Timo Matti Kari Mikko Jari Antti Jukka Mika Markku Pekka Hannu Heikki Seppo Sami
            Janne Ville Tuomas Lauri Eero Onni Aleksi Eino Väinö Veeti Joonas Petri Ilkka""",
        "f": """Anne Tuula Päivi Anna Ritva Leena Pirjo Sari Minna Marja Tiina Riitta Aino Helmi
            Eveliina Sofia Emilia Aada Ella Laura Johanna Hanna Katja Satu Elina Maria Liisa Sanna Kaisa
            Noora""",
        "s": """Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen
            Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo
            Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen""",
        "zipf": 0.7,
    },
    "russian": {
        "script": "cyrillic",
        "rule": "russian",
        "patronymic": "ru",
        "m": """Александр=Aleksandr/Alexander/Alexandr~Саша:Sasha/Шура:Shura
            Сергей=Sergey/Sergei~Серёжа:Seryozha Дмитрий=Dmitry/Dmitriy/Dmitrii~Дима:Dima
            Андрей=Andrey/Andrei~Андрюша:Andryusha Алексей=Aleksey/Alexey/Alexei~Лёша:Lyosha
            Максим=Maksim/Maxim~Макс:Max Евгений=Evgeny/Yevgeny/Evgeniy~Женя:Zhenya Иван=Ivan~Ваня:Vanya
            Михаил=Mikhail~Миша:Misha Николай=Nikolay/Nikolai~Коля:Kolya
            Владимир=Vladimir~Вова:Vova/Володя:Volodya Артём=Artyom/Artem~Тёма:Tyoma Денис=Denis
            Павел=Pavel~Паша:Pasha Игорь=Igor Олег=Oleg Роман=Roman~Рома:Roma Никита=Nikita Антон=Anton
            Юрий=Yury/Yuri/Iurii~Юра:Yura Виктор=Viktor/Victor~Витя:Vitya Кирилл=Kirill Илья=Ilya/Ilia
            Вадим=Vadim Константин=Konstantin~Костя:Kostya Даниил=Daniil~Даня:Danya Егор=Egor/Yegor
            Григорий=Grigory~Гриша:Grisha Василий=Vasily/Vasiliy~Вася:Vasya Пётр=Pyotr/Petr~Петя:Petya
            Станислав=Stanislav~Стас:Stas Георгий=Georgy~Гоша:Gosha Анатолий=Anatoly~Толя:Tolya
            Борис=Boris Валерий=Valery~Валера:Valera Геннадий=Gennady~Гена:Gena Тимур=Timur
            Руслан=Ruslan""",
        "f": """Елена=Elena/Yelena~Лена:Lena Ольга=Olga~Оля:Olya Наталья=Natalya/Natalia~Наташа:Natasha
            Екатерина=Ekaterina/Yekaterina~Катя:Katya Анна=Anna~Аня:Anya
            Татьяна=Tatyana/Tatiana~Таня:Tanya Мария=Mariya/Maria~Маша:Masha Ирина=Irina~Ира:Ira
            Светлана=Svetlana~Света:Sveta Юлия=Yulia/Yuliya/Julia~Юля:Yulya
            Анастасия=Anastasia/Anastasiya~Настя:Nastya Ксения=Ksenia/Kseniya/Xenia~Ксюша:Ksyusha
            Дарья=Darya/Daria~Даша:Dasha Марина=Marina Людмила=Lyudmila/Ludmila~Люда:Lyuda
            Галина=Galina~Галя:Galya Валентина=Valentina~Валя:Valya Виктория=Viktoria/Victoria~Вика:Vika
            Алина=Alina Полина=Polina Надежда=Nadezhda~Надя:Nadya Вера=Vera Любовь=Lyubov~Люба:Lyuba
            Кристина=Kristina Алёна=Alyona/Alena Софья=Sofya/Sofia Оксана=Oksana
            Валерия=Valeria~Лера:Lera Александра=Aleksandra/Alexandra~Саша:Sasha Вероника=Veronika""",
        "s": """Иванов=Ivanov/Ivanoff Смирнов=Smirnov Кузнецов=Kuznetsov Попов=Popov
            Васильев=Vasilyev/Vasiliev Петров=Petrov Соколов=Sokolov Михайлов=Mikhaylov/Mikhailov
            Новиков=Novikov Фёдоров=Fyodorov/Fedorov Морозов=Morozov Волков=Volkov
            Алексеев=Alekseev/Alexeev Лебедев=Lebedev Семёнов=Semyonov/Semenov Егоров=Egorov/Yegorov
            Павлов=Pavlov Козлов=Kozlov Степанов=Stepanov Николаев=Nikolaev Орлов=Orlov Андреев=Andreev
            Макаров=Makarov Никитин=Nikitin Захаров=Zakharov Зайцев=Zaitsev/Zaytsev
            Соловьёв=Solovyov/Soloviev Борисов=Borisov Яковлев=Yakovlev Григорьев=Grigoryev/Grigoriev
            Романов=Romanov Сергеев=Sergeev Кузьмин=Kuzmin Фролов=Frolov
            Александров=Aleksandrov/Alexandrov Дмитриев=Dmitriev Гусев=Gusev Ильин=Ilyin
            Максимов=Maksimov Поляков=Polyakov Сорокин=Sorokin Виноградов=Vinogradov Белов=Belov
            Медведев=Medvedev Антонов=Antonov Тарасов=Tarasov Жуков=Zhukov Баранов=Baranov
            Комаров=Komarov Давыдов=Davydov Богданов=Bogdanov Сидоров=Sidorov Миронов=Mironov
            Крылов=Krylov Высоцкий=Vysotsky/Vysotskiy Островский=Ostrovsky/Ostrovskiy Толстой=Tolstoy""",
        "zipf": 0.7,
    },
    "ukrainian": {
        "script": "cyrillic",
        "rule": "ukrainian",
        "patronymic": "uk",
        "m": """Олександр=Oleksandr/Aleksandr/Alexander~Сашко:Sashko Андрій=Andrii/Andriy/Andrey
            Сергій=Serhii/Serhiy/Sergey Дмитро=Dmytro/Dmitry Володимир=Volodymyr/Vladimir~Вова:Vova
            Микола=Mykola/Nikolai~Коля:Kolya Іван=Ivan Юрій=Yurii/Yuriy/Yuri Олег=Oleh/Oleg
            Віктор=Viktor Максим=Maksym/Maxim Богдан=Bohdan/Bogdan Тарас=Taras Василь=Vasyl/Vasily
            Петро=Petro Павло=Pavlo Артем=Artem Денис=Denys/Denis Роман=Roman Ігор=Ihor/Igor
            Віталій=Vitalii/Vitaliy Назар=Nazar Ярослав=Yaroslav Остап=Ostap""",
        "f": """Олена=Olena/Elena~Оленка:Olenka Наталія=Nataliia/Natalia/Nataliya
            Тетяна=Tetiana/Tetyana/Tatiana Ірина=Iryna/Irina Оксана=Oksana Юлія=Yuliia/Yulia/Julia
            Марія=Mariia/Maria Світлана=Svitlana/Svetlana Анна=Anna/Hanna Катерина=Kateryna/Katerina
            Людмила=Liudmyla/Lyudmila Галина=Halyna/Galina Вікторія=Viktoriia/Viktoria
            Анастасія=Anastasiia/Anastasia~Настя:Nastia Софія=Sofiia/Sofia Дарина=Daryna
            Мар'яна=Mariana/Maryana Ольга=Olha/Olga Валентина=Valentyna/Valentina""",
        "s": """Мельник=Melnyk/Melnik Шевченко=Shevchenko Коваленко=Kovalenko Бондаренко=Bondarenko
            Бойко=Boiko/Boyko Ткаченко=Tkachenko Кравченко=Kravchenko Коваль=Koval
            Олійник=Oliinyk/Oliynyk Шевчук=Shevchuk Поліщук=Polishchuk Бондар=Bondar Ткачук=Tkachuk
            Марченко=Marchenko Лисенко=Lysenko Руденко=Rudenko Савченко=Savchenko Петренко=Petrenko
            Мороз=Moroz Кравчук=Kravchuk Клименко=Klymenko/Klimenko Павленко=Pavlenko Савчук=Savchuk
            Іваненко=Ivanenko Левченко=Levchenko Гончаренко=Honcharenko Кузьменко=Kuzmenko
            Ковальчук=Kovalchuk Литвиненко=Lytvynenko Ковальський=Kovalskyi/Kovalsky
            Заболотний=Zabolotnyi/Zabolotny""",
        "zipf": 0.7,
    },
    "bulgarian": {
        "script": "cyrillic",
        "rule": "russian",
        "m": """Георги=Georgi Иван=Ivan Димитър=Dimitar/Dimitur Николай=Nikolay/Nikolai
            Петър=Petar/Peter Христо=Hristo/Christo Стоян=Stoyan Тодор=Todor Васил=Vasil Стефан=Stefan
            Александър=Aleksandar/Alexander Мартин=Martin Борис=Boris Калоян=Kaloyan Ивайло=Ivaylo
            Мирослав=Miroslav Атанас=Atanas~Наско:Nasko""",
        "f": """Мария=Maria Иванка=Ivanka Елена=Elena Йорданка=Yordanka Пенка=Penka
            Десислава=Desislava~Деси:Desi Виктория=Viktoria Гергана=Gergana Ивана=Ivana
            Цветелина=Tsvetelina~Цвети:Tsveti Радостина=Radostina Николета=Nikoleta Петя=Petya
            Снежана=Snezhana Анна=Anna Теодора=Teodora""",
        "s": """Иванов=Ivanov Георгиев=Georgiev Димитров=Dimitrov Петров=Petrov Николов=Nikolov
            Христов=Hristov/Christov Стоянов=Stoyanov Тодоров=Todorov Илиев=Iliev Василев=Vasilev
            Атанасов=Atanasov Петков=Petkov Ангелов=Angelov Колев=Kolev Йорданов=Yordanov
            Маринов=Marinov Стефанов=Stefanov Попов=Popov Михайлов=Mihaylov/Mikhailov Костов=Kostov""",
        "zipf": 0.7,
    },
    "serbian": {
        "script": "cyrillic",
        "m": """Милош=Miloš/Milos Никола=Nikola Марко=Marko Стефан=Stefan Лука=Luka Душан=Dušan/Dusan
            Александар=Aleksandar Драган=Dragan Зоран=Zoran Горан=Goran Небојша=Nebojša/Nebojsa
            Милан=Milan Дејан=Dejan Ненад=Nenad Бојан=Bojan Владимир=Vladimir Немања=Nemanja Филип=Filip""",
        "f": """Милица=Milica Јелена=Jelena Ана=Ana Марија=Marija Драгана=Dragana
            Снежана=Snežana/Snezana Јована=Jovana Тијана=Tijana Ивана=Ivana Невена=Nevena
            Катарина=Katarina Сања=Sanja Мирјана=Mirjana Бојана=Bojana""",
        "s": """Јовановић=Jovanović/Jovanovic Петровић=Petrović/Petrovic Николић=Nikolić/Nikolic
            Марковић=Marković/Markovic Ђорђевић=Đorđević/Djordjevic/Dordevic
            Стојановић=Stojanović/Stojanovic Илић=Ilić/Ilic Станковић=Stanković/Stankovic
            Павловић=Pavlović/Pavlovic Милошевић=Milošević/Milosevic Ђурић=Đurić/Djuric
            Стевановић=Stevanović/Stevanovic Томић=Tomić/Tomic Костић=Kostić/Kostic
            Поповић=Popović/Popovic""",
        "zipf": 0.7,
    },
    "croatian": {
        "script": "latin",
        "m": """Ivan Marko Josip Luka Ante Tomislav Stjepan~Stipe Nikola Mario Davor Dario Filip Petar
            Matej Krešimir~Krešo Zvonimir~Zvonko Damir Hrvoje Igor Mate""",
        "f": """Marija Ana Ivana Kata Mirjana Snježana Petra Lucija Mia Ema Nikolina Martina Maja Jelena
            Dragica Vesna Sanja Ljiljana""",
        "s": """Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović
            Matić Tomić Pavlović Kovač Božić Blažević Grgić Pavić Radić Perić Šarić Lovrić Vidović
            Perković""",
        "zipf": 0.7,
    },
    "lithuanian": {
        "script": "latin",
        "rule": "lithuanian",
        "m": """Jonas Petras Antanas Tomas Mantas Darius Andrius Vytautas Marius Lukas Paulius Gediminas
            Kęstutis Rimantas Saulius Algirdas Žygimantas Mindaugas""",
        "f": """Ona Rūta Jūratė Kristina Laura Agnė Ieva Eglė Gintarė Rasa Vilma Aušra Indrė Greta Ugnė
            Emilija Gabija Lina""",
        "s": """Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas
            Urbonas Kavaliauskas Navickas Ramanauskas Savickas Rimkus Pocius Baranauskas Sakalauskas""",
        "zipf": 0.6,
    },
    "turkish": {
        "script": "latin",
        "m": """Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan
            Halil Süleyman Abdullah Mahmut Emre Burak Serkan Kemal Can Cem Kerem Eren Yiğit Mert Emir
            Arda Barış Oğuz Tolga Onur Uğur Gökhan Volkan Erkan""",
        "f": """Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Özlem
            Yasemin Esra Büşra Gamze Derya Ebru Sevgi Tuğba Selin Dilek Ecrin Defne Eylül Nur Aslı Ceren
            İrem Gizem Pınar Seda""",
        "s": """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç
            Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen
            Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer""",
        "zipf": 0.9,
    },
    "hebrew": {
        "script": "hebrew",
        "m": """דוד=David~דודי:Dudi יוסף=Yosef/Joseph~יוסי:Yossi משה=Moshe/Moishe~מוישה:Moishe
            אברהם=Avraham/Abraham~אבי:Avi יצחק=Yitzhak/Itzhak/Isaac~איציק:Itzik
            יעקב=Yaakov/Yakov/Jacob~קובי:Kobi דניאל=Daniel~דני:Dani אורי=Ori/Uri נועם=Noam
            איתי=Itay/Itai עומר=Omer אריאל=Ariel יונתן=Yonatan/Jonathan~יוני:Yoni איתן=Eitan/Ethan
            רון=Ron אלון=Alon עידו=Ido גיל=Gil אמיר=Amir שלמה=Shlomo~שלומי:Shlomi""",
        "f": """שרה=Sarah/Sara רחל=Rachel/Rahel רבקה=Rivka/Rebecca לאה=Leah/Lea נועה=Noa מיכל=Michal
            תמר=Tamar יעל=Yael שירה=Shira מאיה=Maya/Maia אביגיל=Avigail/Abigail הדס=Hadas רוני=Roni
            אורית=Orit ליאת=Liat איילת=Ayelet עדי=Adi דנה=Dana אסתר=Esther/Ester""",
        "s": """כהן=Cohen/Kohen/Cohn לוי=Levi/Levy מזרחי=Mizrahi/Mizrachi פרץ=Peretz/Perez ביטון=Biton
            אברהם=Avraham/Abraham פרידמן=Friedman/Fridman דהן=Dahan אזולאי=Azoulay/Azulai מלכה=Malka
            כץ=Katz שפירא=Shapira/Shapiro גולן=Golan אוחיון=Ohayon רוזנברג=Rosenberg/Rozenberg
            גבאי=Gabay/Gabai חדד=Hadad בן_דוד=Ben_David/Ben-David""",
        "zipf": 0.8,
    },
    "arabic": {
        "script": "arabic",
        "nasab": 0.55,
        "m": """محمد=Mohammed/Muhammad/Mohamed/Mohammad/Mohamad~حمودي:Hamoudi أحمد=Ahmed/Ahmad
            علي=Ali/Aly عمر=Omar/Umar خالد=Khalid/Khaled يوسف=Youssef/Yousef/Yusuf حسن=Hassan/Hasan
            حسين=Hussein/Hussain/Husain إبراهيم=Ibrahim/Ebrahim
            عبد_الله=Abdullah/Abdallah/Abdulla~عبودي:Abboud
            عبد_الرحمن=Abdulrahman/Abdelrahman/Abdul_Rahman مصطفى=Mustafa/Moustafa/Mostafa
            طارق=Tarek/Tariq/Tareq سعيد=Said/Saeed كريم=Karim/Kareem ياسين=Yassin/Yasin
            حمزة=Hamza/Hamzah فيصل=Faisal/Faysal سلطان=Sultan ماجد=Majid/Maged/Majed نبيل=Nabil/Nabeel
            وليد=Walid/Waleed سامي=Sami/Samy رامي=Rami/Ramy زياد=Ziad/Ziyad فهد=Fahad/Fahd
            بلال=Bilal/Belal عادل=Adel/Adil جمال=Jamal/Gamal منصور=Mansour/Mansur ناصر=Nasser/Naser
            صالح=Saleh/Salih""",
        "f": """فاطمة=Fatima/Fatma/Fatimah عائشة=Aisha/Ayesha/Aysha مريم=Maryam/Mariam
            خديجة=Khadija/Khadeeja زينب=Zainab/Zeinab/Zaynab نور=Nour/Noor/Nur سارة=Sara/Sarah
            ليلى=Layla/Leila/Laila هدى=Huda/Hoda أمل=Amal منى=Mona/Muna ياسمين=Yasmin/Yasmine
            رانيا=Rania/Ranya سلمى=Salma دينا=Dina/Deena نادية=Nadia/Nadya حنان=Hanan إيمان=Iman/Eman
            سمية=Sumaya/Somaya لينا=Lina/Leena هند=Hind رحاب=Rehab/Rihab أسماء=Asmaa/Asma
            شيماء=Shaimaa/Shaima""",
        "s": """الأحمد=Al-Ahmad/Al_Ahmad/Alahmad العلي=Al-Ali/Alali الشمري=Al-Shammari/Alshammari
            العتيبي=Al-Otaibi/Alotaibi القحطاني=Al-Qahtani/Alqahtani/Al-Kahtani
            الدوسري=Al-Dosari/Aldossary الزهراني=Al-Zahrani/Alzahrani الغامدي=Al-Ghamdi/Alghamdi
            المصري=El-Masry/Elmasry/Al-Masri حداد=Haddad خوري=Khoury/Khouri إبراهيم=Ibrahim
            عبد_الله=Abdullah/Abdallah حسن=Hassan/Hasan محمود=Mahmoud/Mahmood/Mahmud
            سليمان=Suleiman/Soliman/Sulaiman منصور=Mansour عثمان=Othman/Osman العمري=Al-Omari/Alomari
            السيد=El-Sayed/Elsayed/Al-Sayed عبد_العزيز=Abdelaziz/Abdulaziz
            الحسيني=Al-Husseini/Alhusseini النجار=Al-Najjar/Elnaggar/Najjar الخطيب=Al-Khatib/Khatib""",
        "zipf": 0.9,
    },
    "maghrebi": {
        "script": "arabic",
        "latin_first": 0.75,
        "m": """محمد=Mohamed/Mohammed/Mouhamed أحمد=Ahmed يوسف=Youssef/Youcef/Yousef
            عبد_الله=Abdellah/Abdallah ياسين=Yassine/Yacine/Yassin أمين=Amine/Amin كريم=Karim
            رشيد=Rachid سفيان=Sofiane/Soufiane بلال=Bilal إلياس=Ilyes/Ilyas/Elias حمزة=Hamza مهدي=Mehdi
            نبيل=Nabil سعيد=Said/Saïd عبد_القادر=Abdelkader مصطفى=Mustapha/Mostafa/Moustapha
            إسماعيل=Ismail/Smail خالد=Khaled/Khalid نور_الدين=Noureddine/Nour-Eddine/Nourdine
            هشام=Hicham/Hisham عمر=Omar أيوب=Ayoub/Ayyoub زكرياء=Zakaria/Zakariae""",
        "f": """فاطمة=Fatima/Fatma خديجة=Khadija/Khadidja مريم=Meriem/Meryem/Myriam سارة=Sara/Sarah
            إيمان=Imane/Iman أمينة=Amina ياسمين=Yasmine/Yasmina نادية=Nadia سلمى=Salma/Selma
            أسماء=Asmaa/Asma سهام=Siham نوال=Nawal حنان=Hanane/Hanan كوثر=Kaoutar/Kawtar
            شيماء=Chaimae/Chaima هاجر=Hajar/Hadjer وفاء=Wafae/Wafa لبنى=Loubna سعاد=Souad
            زينب=Zineb/Zeineb غزلان=Ghizlane""",
        "s": """العلوي=Alaoui/El_Alaoui الإدريسي=Idrissi/El_Idrissi بنعلي=Benali/Ben_Ali
            بنسعيد=Bensaid/Ben_Said بوزيد=Bouzid شريف=Cherif/Chérif مرابط=Merabet/Mrabet حمدي=Hamdi
            التازي=Tazi الفاسي=El_Fassi/Fassi بناني=Bennani بلحاج=Belhadj/Bel_Hadj
            بنعمر=Benamor/Ben_Amor عمراني=Amrani/El_Amrani مسعودي=Messaoudi بوعزيزي=Bouazizi حداد=Haddad
            سعيدي=Saidi منصوري=Mansouri بلقاسم=Belkacem بن_يوسف=Benyoussef/Ben_Youssef طرابلسي=Trabelsi
            غربي=Gharbi جبالي=Jebali/Djebali""",
        "zipf": 0.7,
    },
    "persian": {
        "script": "arabic",
        "m": """محمد=Mohammad/Mohammed/Mohamad علی=Ali حسین=Hossein/Hosein رضا=Reza مهدی=Mehdi/Mahdi
            امیر=Amir حسن=Hassan/Hasan سعید=Saeed/Saeid مجید=Majid عباس=Abbas بهرام=Bahram
            داریوش=Dariush/Darius کوروش=Kourosh/Kurosh آرش=Arash بابک=Babak فرهاد=Farhad کامران=Kamran
            میلاد=Milad پویا=Pouya/Puya سینا=Sina امید=Omid مسعود=Masoud/Massoud نیما=Nima""",
        "f": """فاطمه=Fatemeh/Fatima زهرا=Zahra مریم=Maryam/Mariam زینب=Zeinab/Zaynab معصومه=Masoumeh
            سارا=Sara/Sarah نرگس=Narges لیلا=Leila/Leyla شیرین=Shirin/Shireen مهسا=Mahsa نازنین=Nazanin
            پریسا=Parisa الهام=Elham ستاره=Setareh نسرین=Nasrin/Nasreen سمیرا=Samira آزاده=Azadeh
            مینا=Mina یاسمن=Yasaman""",
        "s": """محمدی=Mohammadi/Mohamadi حسینی=Hosseini/Hoseini احمدی=Ahmadi رضایی=Rezaei/Rezaee
            موسوی=Mousavi/Musavi جعفری=Jafari/Jaafari کریمی=Karimi رحیمی=Rahimi هاشمی=Hashemi
            صادقی=Sadeghi/Sadeqi حیدری=Heidari/Heydari قاسمی=Ghasemi/Ghassemi نوری=Nouri/Noori
            ابراهیمی=Ebrahimi کاظمی=Kazemi یزدانی=Yazdani تهرانی=Tehrani اکبری=Akbari
            سلیمانی=Soleimani/Solaimani عباسی=Abbasi""",
        "zipf": 0.8,
    },
    "hindi": {
        "script": "devanagari",
        "m": """राहुल=Rahul अमित=Amit राजेश=Rajesh~राजू:Raju सुनील=Sunil अनिल=Anil विजय=Vijay
            संजय=Sanjay राकेश=Rakesh मनोज=Manoj दीपक=Deepak/Dipak सुरेश=Suresh रमेश=Ramesh अजय=Ajay
            आकाश=Akash अंकित=Ankit रोहित=Rohit विकास=Vikas प्रदीप=Pradeep/Pradip अर्जुन=Arjun
            आदित्य=Aditya विवेक=Vivek सौरभ=Saurabh/Sourabh गौरव=Gaurav अभिषेक=Abhishek~अभि:Abhi
            मोहम्मद=Mohammed/Mohd/Md आरव=Aarav ईशान=Ishaan/Ishan करण=Karan हर्ष=Harsh कृष्णा=Krishna
            गुरप्रीत=Gurpreet हरप्रीत=Harpreet मनप्रीत=Manpreet""",
        "f": """प्रिया=Priya पूजा=Pooja/Puja अंजलि=Anjali नेहा=Neha सुनीता=Sunita अनीता=Anita
            रीता=Rita/Reeta कविता=Kavita/Kavitha सीमा=Seema ज्योति=Jyoti/Jyothi दिव्या=Divya
            स्वाति=Swati श्वेता=Shweta/Sweta निशा=Nisha रेखा=Rekha मीना=Meena गीता=Geeta/Gita
            लक्ष्मी=Lakshmi/Laxmi सरिता=Sarita आरती=Aarti/Arti सोनिया=Sonia/Soniya अनन्या=Ananya
            श्रेया=Shreya ऐश्वर्या=Aishwarya किरण=Kiran रुबीना=Rubina सिमरन=Simran""",
        "s": """कुमार=Kumar@m शर्मा=Sharma सिंह=Singh वर्मा=Verma गुप्ता=Gupta यादव=Yadav पटेल=Patel
            जैन=Jain मिश्रा=Mishra/Misra अग्रवाल=Agarwal/Aggarwal/Agrawal चौहान=Chauhan तिवारी=Tiwari
            पांडे=Pandey/Pande श्रीवास्तव=Srivastava/Shrivastava मेहता=Mehta शाह=Shah दास=Das जोशी=Joshi
            सक्सेना=Saxena राठौर=Rathore/Rathod खान=Khan अंसारी=Ansari ठाकुर=Thakur
            चौधरी=Chaudhary/Choudhary मल्होत्रा=Malhotra कपूर=Kapoor/Kapur भाटिया=Bhatia नायर=Nair
            रेड्डी=Reddy देवी=Devi@f कौर=Kaur@f""",
        "zipf": 0.9,
    },
    "tamil": {
        "script": "tamil",
        "patronym_surname": 0.7,
        "m": """கார்த்திக்=Karthik/Karthick முருகன்=Murugan சுரேஷ்=Suresh ராஜா=Raja பிரகாஷ்=Prakash
            விக்னேஷ்=Vignesh அருண்=Arun செந்தில்=Senthil பாலாஜி=Balaji கணேஷ்=Ganesh சரவணன்=Saravanan
            ராஜேஷ்=Rajesh குமார்=Kumar ஸ்ரீநிவாசன்=Srinivasan/Sreenivasan~சீனு:Seenu மணி=Mani
            வெங்கட்=Venkat தினேஷ்=Dinesh ரமேஷ்=Ramesh கண்ணன்=Kannan""",
        "f": """பிரியா=Priya லட்சுமி=Lakshmi/Latchumi மீனா=Meena கவிதா=Kavitha தேவி=Devi ராதா=Radha
            சரண்யா=Saranya திவ்யா=Divya/Dhivya ஐஸ்வர்யா=Aishwarya நந்தினி=Nandhini/Nandini
            கீர்த்தனா=Keerthana மகாலட்சுமி=Mahalakshmi அனிதா=Anitha வித்யா=Vidhya/Vidya""",
        "s": """பிள்ளை=Pillai ஐயர்=Iyer அய்யங்கார்=Iyengar முதலியார்=Mudaliar செட்டியார்=Chettiar
            நாடார்=Nadar கவுண்டர்=Gounder""",
        "zipf": 0.7,
    },
    "bengali": {
        "script": "bengali",
        "m": """মোহাম্মদ=Mohammad/Md/Mohammed/Muhammad রহিম=Rahim করিম=Karim আব্দুল=Abdul
            রফিক=Rafiq/Rafik সাকিব=Sakib/Shakib তানভীর=Tanvir রাকিব=Rakib হাসান=Hasan/Hassan
            মাহমুদ=Mahmud ইমরান=Imran আরিফ=Arif নাসির=Nasir জাহিদ=Zahid/Jahid রুবেল=Rubel
            শফিকুল=Shafiqul মিজানুর=Mizanur আনিসুর=Anisur সৌরভ=Sourav/Saurav অমিত=Amit দীপক=Dipak""",
        "f": """ফাতেমা=Fatema/Fatima নাসরিন=Nasrin সুমাইয়া=Sumaiya তাসলিমা=Taslima শারমিন=Sharmin
            রাবেয়া=Rabeya/Rabia আয়েশা=Ayesha মরিয়ম=Mariam সাদিয়া=Sadia নুসরাত=Nusrat জান্নাত=Jannat
            শাহনাজ=Shahnaz রুমানা=Rumana মিম=Mim তানিয়া=Tania রিয়া=Riya পূজা=Puja""",
        "s": """হোসেন=Hossain/Hossen/Hussain রহমান=Rahman আহমেদ=Ahmed ইসলাম=Islam উদ্দিন=Uddin@m আলী=Ali
            চৌধুরী=Chowdhury/Choudhury খান=Khan মিয়া=Mia/Miah@m বেগম=Begum@f আক্তার=Akter/Akhter@f
            খাতুন=Khatun@f সরকার=Sarker/Sarkar দাস=Das রায়=Roy শেখ=Sheikh/Shaikh মোল্লা=Molla
            তালুকদার=Talukder""",
        "zipf": 0.9,
    },
    "urdu": {
        "script": "arabic",
        "m": """محمد=Muhammad/Mohammad/Muhammed علی=Ali احمد=Ahmed/Ahmad عمران=Imran عثمان=Usman/Osman
            بلال=Bilal حسن=Hassan/Hasan حسین=Hussain/Husain عمر=Umar/Omar فیصل=Faisal زین=Zain
            حمزہ=Hamza کامران=Kamran آصف=Asif شاہد=Shahid طارق=Tariq عبداللہ=Abdullah
            ارسلان=Arsalan/Arslan دانیال=Daniyal سلمان=Salman وقاص=Waqas""",
        "f": """فاطمہ=Fatima عائشہ=Ayesha/Aisha مریم=Maryam/Mariam زینب=Zainab صبا=Saba سدرہ=Sidra
            حنا=Hina ثنا=Sana نادیہ=Nadia رابعہ=Rabia کرن=Kiran آمنہ=Amna/Aamna ماہ_نور=Mahnoor
            علیزہ=Aliza""",
        "s": """خان=Khan احمد=Ahmed/Ahmad ملک=Malik بٹ=Butt چوہدری=Chaudhry/Chaudhary شیخ=Sheikh/Shaikh
            قریشی=Qureshi راجپوت=Rajput مرزا=Mirza اعوان=Awan جٹ=Jatt ہاشمی=Hashmi
            صدیقی=Siddiqui/Siddiqi عباسی=Abbasi نقوی=Naqvi بی_بی=Bibi@f""",
        "zipf": 0.9,
    },
    "sinhala": {
        "script": "latin",
        "m": """Nimal Sunil Kasun Prasad Dinesh Kamal Lahiru Thilina Chathura Asanka Ruwan Nuwan
            Chaminda Sampath Mahesh Dilshan Isuru Tharindu Kavindu Sandun""",
        "f": """Nilmini Chamari Dilani Sanduni Nadeesha Ishara Kumari Nirosha Sachini Hansani Tharushi
            Dulani Piumi Madushani Nethmi Chathurika Anusha""",
        "s": """Perera Fernando de_Silva Silva Jayasinghe Bandara Dissanayake Wickramasinghe Gunawardena
            Rathnayake Herath Kumara Rajapaksa Wijesinghe Senanayake Jayawardena Ranasinghe Weerasinghe""",
        "zipf": 0.9,
    },
    "nepali": {
        "script": "devanagari",
        "m": """राम=Ram हरि=Hari कृष्ण=Krishna सन्तोष=Santosh बिकास=Bikash सुमन=Suman राजेन्द्र=Rajendra
            दिपक=Dipak/Deepak सुरज=Suraj प्रकाश=Prakash गणेश=Ganesh बिशाल=Bishal रोशन=Roshan
            आशिष=Aashish/Ashish""",
        "f": """सीता=Sita गीता=Gita/Geeta सरिता=Sarita सुनिता=Sunita अनिता=Anita पुजा=Puja/Pooja
            सबिना=Sabina कल्पना=Kalpana रिता=Rita मनिषा=Manisha सृजना=Srijana प्रतिक्षा=Pratiksha
            अस्मिता=Asmita""",
        "s": """श्रेष्ठ=Shrestha थापा=Thapa गुरुङ=Gurung तामाङ=Tamang राई=Rai मगर=Magar अधिकारी=Adhikari
            पौडेल=Poudel/Paudel खड्का=Khadka कार्की=Karki भट्टराई=Bhattarai शर्मा=Sharma लामा=Lama
            बस्नेत=Basnet""",
        "zipf": 0.8,
    },
    "chinese": {
        "script": "han",
        "order": "SG",
        "adopt": 0.3,
        "m": """伟=Wei 强=Qiang 磊=Lei 军=Jun 洋=Yang 勇=Yong 杰=Jie 涛=Tao 明=Ming 超=Chao 浩=Hao
            鹏=Peng 斌=Bin 俊杰=Junjie/Chun-Chieh 子轩=Zixuan 浩然=Haoran 宇航=Yuhang
            建华=Jianhua/Kin_Wah 志强=Zhiqiang/Chi-Keung 晓东=Xiaodong 建国=Jianguo
            家豪=Jiahao/Chia-Hao/Ka_Ho 文杰=Wenjie/Man_Kit 国伟=Guowei/Kwok_Wai 嘉伟=Jiawei/Ka_Wai
            志明=Zhiming/Chih-Ming/Chi_Ming""",
        "f": """芳=Fang 娜=Na 敏=Min 静=Jing 丽=Li 艳=Yan 秀英=Xiuying 桂英=Guiying 婷=Ting 雪=Xue
            慧=Hui 玲=Ling 颖=Ying 欣怡=Xinyi/Hsin-Yi 梓涵=Zihan 雨桐=Yutong 诗涵=Shihan
            佳怡=Jiayi/Chia-Yi 美玲=Meiling/Mei-Ling/Mei_Ling 淑芬=Shufen/Shu-Fen 嘉欣=Jiaxin/Ka_Yan
            晓燕=Xiaoyan 丽华=Lihua/Lai_Wah 婉婷=Wanting/Yuen_Ting""",
        "s": """王=Wang/Wong 李=Li/Lee 张=Zhang/Chang/Cheung 刘=Liu/Lau 陈=Chen/Chan/Tan 杨=Yang/Yeung
            黄=Huang/Wong 赵=Zhao/Chao/Chiu 吴=Wu/Ng/Goh 周=Zhou/Chou/Chow 徐=Xu/Hsu/Tsui 孙=Sun/Suen
            马=Ma 朱=Zhu/Chu 胡=Hu/Woo 郭=Guo/Kuo/Kwok 何=He/Ho 林=Lin/Lam/Lim 高=Gao/Kao/Ko
            罗=Luo/Lo/Law 郑=Zheng/Cheng 梁=Liang/Leung 谢=Xie/Hsieh/Tse 宋=Song/Sung 唐=Tang
            许=Xu/Hsu/Hui 韩=Han 冯=Feng/Fung 邓=Deng/Teng/Tang 曹=Cao/Tsao 彭=Peng/Pang
            曾=Zeng/Tseng/Tsang 蔡=Cai/Tsai/Choi 欧阳=Ouyang/Au-Yeung""",
        "zipf": 1.0,
    },
    "japanese": {
        "script": "han",
        "order": "SG",
        "m": """翔太=Shota/Shouta 大輔=Daisuke 健太=Kenta 拓也=Takuya 翔=Sho/Shou 誠=Makoto 浩=Hiroshi
            健一=Kenichi/Ken'ichi 直樹=Naoki 大樹=Daiki 蓮=Ren 悠真=Yuma/Yuuma 陽翔=Haruto 湊=Minato
            隆=Takashi 和也=Kazuya 亮=Ryo/Ryou 雄太=Yuta/Yuuta 達也=Tatsuya 一郎=Ichiro/Ichirou 修=Osamu
            学=Manabu 剛=Tsuyoshi""",
        "f": """陽子=Yoko/Youko 裕子=Yuko/Yuuko 恵子=Keiko 美香=Mika 愛=Ai 結衣=Yui 陽菜=Hina
            美咲=Misaki さくら=Sakura 葵=Aoi 七海=Nanami 彩=Aya 真由美=Mayumi 直美=Naomi 由美子=Yumiko
            智子=Tomoko 明美=Akemi 千尋=Chihiro 舞=Mai""",
        "s": """佐藤=Sato/Satou/Satoh 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 伊藤=Ito/Itou/Itoh
            渡辺=Watanabe 山本=Yamamoto 中村=Nakamura 小林=Kobayashi 加藤=Kato/Katou/Katoh 吉田=Yoshida
            山田=Yamada 佐々木=Sasaki 山口=Yamaguchi 松本=Matsumoto 井上=Inoue 木村=Kimura 林=Hayashi
            斎藤=Saito/Saitou 清水=Shimizu 山崎=Yamazaki/Yamasaki 森=Mori 池田=Ikeda 橋本=Hashimoto
            阿部=Abe 石川=Ishikawa 前田=Maeda 藤田=Fujita 後藤=Goto/Gotou 小川=Ogawa 岡田=Okada
            長谷川=Hasegawa 村上=Murakami 近藤=Kondo/Kondou""",
        "zipf": 0.8,
    },
    "korean": {
        "script": "hangul",
        "order": "SG",
        "adopt": 0.15,
        "keep_name": 1.0,
        "m": """민준=Min-jun/Minjun/Min_Jun 서준=Seo-jun/Seojun 도윤=Do-yun/Doyoon 지호=Ji-ho/Jiho
            현우=Hyun-woo/Hyunwoo/Hyeon-u 준서=Jun-seo/Junseo 성민=Sung-min/Seongmin
            영수=Young-soo/Yeong-su 동현=Dong-hyun/Donghyun 상우=Sang-woo/Sangwoo 재현=Jae-hyun/Jaehyun
            진우=Jin-woo/Jinwoo 정훈=Jung-hoon/Jeonghun 승민=Seung-min/Seungmin 태현=Tae-hyun/Taehyun
            우진=Woo-jin/Woojin""",
        "f": """서연=Seo-yeon/Seoyeon 서윤=Seo-yun/Seoyoon 지우=Ji-woo/Jiwoo 민서=Min-seo/Minseo
            하은=Ha-eun/Haeun 지민=Ji-min/Jimin 수빈=Su-bin/Soobin 유진=Yu-jin/Yujin/Eugene
            지영=Ji-young/Jiyoung 미영=Mi-young 은지=Eun-ji/Eunji 혜진=Hye-jin/Hyejin 수진=Su-jin/Soojin
            민지=Min-ji/Minji 예은=Ye-eun 소연=So-yeon""",
        "s": """김=Kim/Gim 이=Lee/Yi/Rhee 박=Park/Pak/Bak 최=Choi/Choe 정=Jung/Jeong/Chung 강=Kang
            조=Cho/Jo 윤=Yoon/Yun 장=Jang/Chang 임=Lim/Im 한=Han 오=Oh 서=Seo/Suh 신=Shin 권=Kwon
            황=Hwang 안=Ahn 송=Song 류=Ryu/Yoo 홍=Hong""",
        "zipf": 1.3,
    },
    "vietnamese": {
        "script": "latin",
        "order": "SG",
        "keep_name": 1.0,
        "vmid_m": "Văn Đức Minh Quốc Hữu Thanh Công Xuân",
        "vmid_f": "Thị Ngọc Thanh Thu Kim Bảo Phương Minh",
        "m": """Minh Hùng Dũng Tuấn Nam Long Hải Thành Quang Đức Hoàng Phúc Khánh Huy Sơn Trung Bảo Anh
            Việt Tâm""",
        "f": """Linh Lan Hương Hà Trang Thảo Ngọc Mai Anh Hạnh Thủy Phương Nhung Yến Vy Quỳnh Hoa Nga
            Thu Hằng""",
        "s": """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý""",
        "zipf": 1.6,
    },
    "thai": {
        "script": "thai",
        "nick_m": "แบงค์:Bank บอย:Boy กอล์ฟ:Golf บิ๊ก:Big ท็อป:Top ต้น:Ton บีม:Beam เอก:Ek",
        "nick_f": "นก:Nok แพรว:Praew ฝน:Fon แอน:Ann พลอย:Ploy มิ้นท์:Mint เบียร์:Beer แนน:Nan",
        "m": """สมชาย=Somchai สมศักดิ์=Somsak ประเสริฐ=Prasert วิชัย=Wichai/Vichai สุรชัย=Surachai
            ธนากร=Thanakorn/Tanakorn ณัฐวุฒิ=Nattawut/Natthawut ศุภชัย=Supachai กิตติ=Kitti อนุชา=Anucha
            ปิยะ=Piya ชัยวัฒน์=Chaiwat ธีรพงษ์=Teerapong/Thiraphong วีระ=Weera/Veera""",
        "f": """สมหญิง=Somying มาลี=Malee/Mali สุดา=Suda วันเพ็ญ=Wanpen ณัฐธิดา=Nattida/Natthida
            พิมพ์ชนก=Pimchanok ศิริพร=Siriporn กาญจนา=Kanchana จิราพร=Jiraporn/Chiraphon ปวีณา=Paweena
            สุภาพร=Supaporn/Suphaphon รัตนา=Rattana/Ratana""",
        "s": """ศรีสุข=Srisuk แสงทอง=Saengthong สุขสวัสดิ์=Suksawat วงศ์สวัสดิ์=Wongsawat
            รัตนพันธ์=Rattanaphan ทองดี=Thongdee/Tongdee บุญมา=Boonma/Bunma จันทร์เพ็ญ=Chanpen
            ศรีวงศ์=Sriwong เจริญสุข=Charoensuk ชัยประเสริฐ=Chaiprasert มณีรัตน์=Maneerat
            แก้วมณี=Kaewmanee""",
        "zipf": 0.6,
    },
    "malay": {
        "script": "latin",
        "bin": 0.75,
        "m": """Muhammad=Mohd/Mohamad/Mohammad Ahmad Ali Hafiz Faiz Amir Aiman Haziq Syafiq=Shafiq Izzat
            Razak Azman Rizal Hakim Firdaus Nazri Zulkifli Ismail Ibrahim Abdullah Hassan Kamal""",
        "f": """Nur=Noor Siti Nurul Aisyah=Aishah Fatimah Nor Aina Farah Nabila Hidayah Zarina Aminah
            Sofea=Sophia Syazwani Amira Izzati Nadia Hani Zulaikha""",
        "s": """Abdullah Rahman Ismail Hassan Ibrahim Yusof Othman Hamid Ahmad Salleh""",
        "zipf": 0.8,
    },
    "indonesian": {
        "script": "latin",
        "mononym": 0.25,
        "m": """Budi Agus Ahmad Eko Andi Dedi Hendra Rudi Bambang Joko Arif Dwi Rizki=Rizky Fajar Reza
            Dimas Bayu Yoga Putra Wahyu Adi Aditya Fikri Ilham Rahmat Slamet Heru Teguh Sutrisno""",
        "f": """Siti Sri Dewi Ani Rina Wati Fitri Nur Ayu Putri Indah Ratna Lestari Wulan Dian Intan
            Novita Rini Yuli Sari Maya Kartika Retno Endang Sulastri""",
        "s": """Santoso Wijaya Saputra@m Hidayat Pratama@m Kurniawan Setiawan Nugroho Susanto Wibowo
            Gunawan Hartono Siregar Nasution Simanjuntak Hutapea Lubis Harahap Halim Purnomo Rahayu@f
            Handayani@f Wulandari@f Saputri@f Kusuma Prasetyo Permana""",
        "zipf": 0.7,
    },
    "filipino": {
        "script": "latin",
        "mother_middle": 0.8,
        "m": """Juan~Jun/Jun-Jun Jose~Pepe/Jojo Mark John_Paul~JP Michael~Mike Jericho~Echo Christian
            Angelo~Gelo John_Lloyd Kenneth~Ken Carlo Jayson=Jason Ronald~Ron Ramon~Mon Rolando~Lando
            Eduardo~Eddie/Edong Ferdinand~Ferdie Arnel Noel Ariel Renato~Atoy Dennis Reynaldo~Rey Marvin
            Jomar Miguel~Migs Gabriel~Gab Joshua Ian""",
        "f": """Maria~Mae Mary_Grace~Grace Mary_Joy~Joy Ana Princess Angel Kristine=Christine~Tin/Tintin
            Jasmine Jennifer~Jen Michelle Marites~Tess Rowena~Weng Lorna Lourdes~Lulu Rosario~Charo
            Gemma Divina Cristina~Tina Althea Nicole Angelica~Gelai Shiela=Sheila Lovely Cherry Rhea
            Mylene""",
        "s": """dela_Cruz=Dela_Cruz/De_la_Cruz/Delacruz Santos Reyes Garcia Bautista Mendoza Ocampo
            Castillo Villanueva Ramos Aquino Torres Gonzales Flores Rivera Navarro Tolentino Mercado
            Pascual Domingo Manalo Soriano Castro Lim Tan Villareal Fernandez Salazar Ramirez Cruz""",
        "zipf": 0.8,
    },
    "nigerian": {
        "script": "latin",
        "m": """Oluwaseun~Seun Chinedu~Nedu Emeka Ikechukwu~Ike Adebayo~Bayo Olumide~Mide
            Chukwuemeka~Emeka Babatunde~Tunde Ibrahim Musa Abubakar Usman Aliyu Yusuf Samuel~Sammy
            Daniel Emmanuel~Emma David Godwin Blessing Precious Femi Segun Uche Obinna Kelechi Nnamdi
            Chidi Sani""",
        "f": """Chiamaka~Amaka Ngozi Adaeze~Ada Chioma Funmilayo~Funmi Folake Yetunde~Yetty Aisha Fatima
            Hauwa Zainab Amina Blessing Precious Grace Mercy Joy Faith Esther Ruth Oluwakemi~Kemi
            Temitope~Tope Bukola~Buky Abimbola~Bimbo Nneka Ifeoma~Ify Chinwe Halima Hadiza""",
        "s": """Okafor Okonkwo Adeyemi Adebayo Ogunleye Eze Nwosu Okoro Ibrahim Bello Abubakar Mohammed
            Musa Usman Ogundipe Olawale Balogun Adeleke Afolabi Chukwu Obi Nwachukwu Okeke Adewale Ojo
            Akinola Danjuma Yusuf Lawal Suleiman Okoye""",
        "zipf": 0.7,
    },
    "akan": {
        "script": "latin",
        "m": """Kwame Kofi Kwabena Kwaku Yaw Kojo Kwasi=Kwesi Kwadwo Emmanuel Samuel Isaac Prince
            Ebenezer Richard Michael Daniel Joseph Eric Felix Nana""",
        "f": """Ama Akosua Abena Adwoa Afua Akua Yaa Efua Esi Adjoa Abigail Gifty Mercy Comfort Grace
            Patience Priscilla Vida Linda Josephine Doris""",
        "s": """Mensah Owusu Boateng Asante Osei Appiah Agyeman=Agyemang Acheampong Addo Darko Amoah
            Ofori Ansah Antwi Opoku Adjei Asamoah Boakye Danso Frimpong Kyei Sarpong Quaye Tetteh""",
        "zipf": 0.8,
    },
    "east_african": {
        "script": "latin",
        "m": """Brian John Kevin Dennis Peter David James Joseph Samuel Daniel Collins Victor Evans
            Felix George Moses Stephen Francis Erick=Eric Kelvin Allan Ian Mark""",
        "f": """Mary Faith Mercy Grace Caroline Nancy Esther Jane Lucy Ann=Anne Purity Sharon Beatrice
            Joyce Winnie Dorcas Diana Janet Lilian Cynthia Irene Ruth Naomi Rose""",
        "s": """Otieno@m Ochieng@m Odhiambo@m Onyango@m Omondi@m Achieng@f Atieno@f Akinyi@f Adhiambo@f
            Kamau Mwangi Njoroge Kariuki Wanjiru@f Wanjiku@f Nyambura@f Wairimu@f Njeri@f Kimani Maina
            Mutua Kiprono@m Cheruiyot Chebet@f Wafula Barasa Wekesa Mutiso Musyoka Kiptoo@m""",
        "zipf": 0.7,
    },
    "nguni": {
        "script": "latin",
        "m": """Thabo Sipho Bongani Themba Mandla Sibusiso Tshepo Kagiso Sizwe Lwazi Mpho Tebogo
            Siyabonga Kabelo Lungelo Musa Jabulani Vusi Katlego""",
        "f": """Nomvula Thandiwe~Thandi Zanele Lindiwe Nokuthula Palesa Lerato Busisiwe Ayanda Precious
            Nomsa Zodwa Thembi Refilwe Nandi Dineo Khanyisile Naledi""",
        "s": """Dlamini Nkosi Ndlovu Khumalo Mokoena Mahlangu Zulu Mkhize Sithole Ngcobo Mthembu Molefe
            Radebe Shabalala Nxumalo Zwane Ngubane Buthelezi Mabaso Cele Mofokeng""",
        "zipf": 0.7,
    },
    "afrikaans": {
        "script": "latin",
        "m": """Johan Pieter~Piet Willem Jacques Hendrik~Henk Gerhard Francois Johannes~Hannes
            Christiaan~Chris Jacobus~Kobus/Koos Stefan Ruan Wian Riaan Andries~Dries Gert Nico Schalk""",
        "f": """Elize Annelie Marietjie Charlene Marli Anri Liezl Carina Chantelle Elmarie Hanlie
            Susanna~Sanna/Susan Petronella~Nellie Johanna~Hanna Mariska Lize Nadia Ilze""",
        "s": """van_der_Merwe Botha Pretorius Venter du_Plessis Nel Smit Steyn Coetzee Kruger Fourie
            van_Wyk Joubert Swanepoel Viljoen le_Roux du_Toit Erasmus Potgieter Marais Louw Olivier
            van_Zyl Visser""",
        "zipf": 0.7,
    },
    "ethiopian": {
        "script": "ethiopic",
        "patronym_surname": 1.0,
        "m": """አበበ=Abebe ዳዊት=Dawit ሰለሞን=Solomon/Selomon ዮሃንስ=Yohannes/Yohanes ተስፋዬ=Tesfaye/Tesfay
            ግርማ=Girma ብርሃኑ=Birhanu/Berhanu መስፍን=Mesfin ሙሉጌታ=Mulugeta ታደሰ=Tadesse/Taddese ኃይሌ=Haile
            ደረጄ=Dereje አለማየሁ=Alemayehu ካሳ=Kassa/Kasa ሀብታሙ=Habtamu""",
        "f": """ሰላም=Selam ትዕግስት=Tigist/Tegist ሜሮን=Meron ሔለን=Helen ብርቱካን=Birtukan መሠረት=Meseret አልማዝ=Almaz
            ፍሬሕይወት=Frehiwot/Firehiwot ሕይወት=Hiwot ቤተልሔም=Bethlehem/Betelhem ሳራ=Sara ራሔል=Rahel/Rachel
            ማርታ=Martha/Marta""",
        "s": "",
        "zipf": 0.6,
    },
    "kazakh": {
        "script": "cyrillic",
        "rule": "russian",
        "m": """Нурлан=Nurlan Ерлан=Erlan/Yerlan Асхат=Askhat/Askat Данияр=Daniyar Арман=Arman
            Бауыржан=Bauyrzhan/Baurzhan Ержан=Erzhan/Yerzhan Айдос=Aidos Нурсултан=Nursultan
            Алихан=Alikhan Тимур=Timur Медет=Medet""",
        "f": """Айгерим=Aigerim/Aygerim Жанар=Zhanar Гульнара=Gulnara Динара=Dinara Айгуль=Aigul/Aygul
            Асель=Asel/Assel Мадина=Madina Аружан=Aruzhan Жулдыз=Zhuldyz Сауле=Saule Камила=Kamila
            Дана=Dana""",
        "s": """Ахметов=Akhmetov/Ahmetov Нурланов=Nurlanov Жумабаев=Zhumabayev/Zhumabaev
            Сулейменов=Suleimenov/Suleymenov Омаров=Omarov Абдрахманов=Abdrakhmanov Искаков=Iskakov
            Касымов=Kassymov/Kasymov Сарсенбаев=Sarsenbayev Муканов=Mukanov Ермеков=Ermekov/Yermekov
            Байжанов=Baizhanov Кенжебеков=Kenzhebekov""",
        "zipf": 0.6,
    },
    "uzbek": {
        "script": "latin",
        "rule": "latin_ov",
        "m": """Alisher Sardor Jasur Bekzod Rustam Javlon Otabek Sherzod Dilshod Farrux=Farrukh Ulugbek
            Jamshid Aziz Bobur=Babur Shoxrux=Shokhrukh Sanjar""",
        "f": """Dilnoza Gulnora Nilufar Malika Madina Shahnoza Zarina Nodira Feruza Sevara Kamola
            Dilfuza Mohira Gulchehra Munisa Sabina""",
        "s": """Karimov Rahimov=Rakhimov Yusupov Aliyev Sharipov Abdullayev Ismoilov=Ismailov Toshmatov
            Xolmatov=Kholmatov Nazarov Ergashev Qodirov=Kadyrov Usmonov=Usmanov Mirzayev Tursunov Saidov
            Yuldashev Rasulov""",
        "zipf": 0.6,
    },
}

# Given names adopted by Chinese and Korean speakers for use with foreigners.
ADOPTED_M = (
    "Kevin", "Jason", "David", "Eric", "Tony", "Jack", "Peter", "Michael", "Vincent", "Andy", "Leo", "Alan",
    "Ken", "Daniel", "Sam", "Ryan",
)  # fmt: skip
ADOPTED_F = (
    "Amy", "Grace", "Cindy", "Vivian", "Jenny", "Crystal", "Lily", "Annie", "Emily", "Tiffany", "Joyce",
    "Angela", "Coco", "Cherry", "Iris",
)  # fmt: skip
