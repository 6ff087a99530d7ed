package synth

import (
	"math/rand/v2"
	"strings"
)

// The French world: invented surnames, towns and newsrooms.
var (
	frFem   = strings.Fields("Anne Claire Lucie Marion Élise Inès Salomé Adèle Capucine Estelle Gabrielle Hélène Léna Noémie Pauline Rose Maud Sofia Lise Odile Bérénice Clémence Delphine Faustine Gaëlle Josiane Laurine Mireille Nadège Ophélie")
	frMasc  = strings.Fields("Bastien Hugo Yann Gaston Mathis Rémi Théo Baptiste Damien Félix Jules Maël Octave Quentin Henri Marc Paul Jean Armand Benoît Corentin Édouard Firmin Gilles Honoré Lazare Loïc Nestor Roch Sylvain")
	frLast  = strings.Fields("Delorme Fontanel Martel Varenne Chastel Kerbellec Aubertin Baudrier Cassagne Dufresnoy Espérandieu Falguière Garnotel Hautecœur Isnardon Jaubert Lamarque Massebœuf Nogaret Peyrolles Quintard Rabanel Sauvageot Tessandier Vaissière Wattrelot Abadie Bellocq Cazals Dalmasso Escoffier Ferrandis Gourdon Héraud Iribarne Jolibois Kervella Labarthe Maurin Nadal Oustric Pradier Ravel Sabatier Terrasse Uzan Vidalenc Aymard Boissonnet Castaing Daguerre Estrade Fabregat Guiraud Lapeyre Marchal Noguès Ollivier Pujol Roussel Soubeyran Trémolet Verdier Bardou Couderc Dournel Fauvel Girardin Lavergne Mercadier Peyrac Rivière Teissier")
	frRoots = strings.Fields("Valmont Orvel Brévenne Castelroux Lanvézec Miravelle Pontarlé Vernade Aigrevanne Belcastrou Coudravel Estaronne Sélève Montclarène Guyard Lusivère Mérivande Parvillène Roquebrenne Saugnerel Tarvenne Vauclarin Bellerivon Combelaure Escarolle Fontclarel Gardolène Hautbrenne Issarvène Joncheval Lavarzène Morvezen Navarzac Ornavel Plouvénar Quérivol Rancevolle Sarlambe Trévolune Ustarenc Villandrac Brézonnet Chaudevrac Douvrenne Espaludre Fréjolle Ganzerel Hérivonne")
	frForms = []string{"*", "Saint-*", "*-sur-Brenelle", "Port-*", "*-les-Bains", "Haut-*", "*-le-Château", "Mont-*", "*-en-Vercors", "La Roche-*", "Pont-*", "Sainte-*"}
	frOrgs  = [][2]string{
		{"l’", "Union des Commerçants de *"}, {"le ", "Syndicat des Pêcheurs de *"}, {"l’", "Office des Forêts de *"},
		{"le ", "Comité des Fêtes de *"}, {"la ", "Fédération des Vignerons de *"}, {"la ", "Chambre des Métiers de *"},
		{"l’", "Association des Riverains de *"}, {"le ", "Conservatoire de Musique de *"}, {"la ", "Régie des Eaux de *"},
		{"le ", "Club Nautique de *"}, {"la ", "Coopérative Laitière de *"}, {"l’", "Harmonie Municipale de *"},
		{"le ", "Centre Hospitalier de *"}, {"la ", "Société Historique de *"}, {"l’", "Amicale des Pompiers de *"},
	}
	frNewsrooms = []Newsroom{
		{"Le Courrier de Valmont", "courrier-valmont.example"}, {"La Gazette de Brévenne", "gazette-brevenne.example"},
		{"L’Éveil de Castelroux", "eveil-castelroux.example"}, {"Le Phare de Lanvézec", "phare-lanvezec.example"},
	}
)

func frLexicon(rng *rand.Rand) *lexicon {
	l := &lexicon{newsrooms: frNewsrooms}
	l.people, l.journalists = persons(rng, frFem, frMasc, frLast, peoplePerLang, journalistsPerLang)
	l.places = placeNames(rng, frRoots, frForms, placesPerLang)
	l.orgs = orgNames(rng, frOrgs, l.places, orgsPerLang)
	l.sections = strings.Fields("politique economie societe culture sports environnement")
	l.subjects = []string{
		"le budget de la piscine", "la fermeture de la maternité", "le nouveau tramway", "la rénovation du port",
		"les inondations de l’hiver", "la fusion des communes", "le festival d’été", "la réforme du marché",
		"le prix de l’eau", "la ligne de bus de nuit", "le parc éolien", "la cantine bio", "le plan vélo",
		"la réouverture du cinéma", "le déménagement de la gendarmerie", "la zone commerciale", "le lycée agricole",
		"la sécheresse", "les travaux de la gare", "la fermeture de l’usine", "le marché de Noël",
		"la piste cyclable du canal", "le nouveau quartier des Tilleuls", "la maison de santé", "le stade municipal",
		"la déviation routière", "le centre aquatique", "les logements sociaux", "la fibre optique",
		"le carnaval", "la médiathèque", "le camping municipal", "la station d’épuration", "le pont suspendu",
	}
	l.lead = "Le débat sur {subject} a repris cette semaine."
	l.roles = [2][]string{
		strings.Split("adjoint chargé des finances|président de l’association des parents|directeur de l’école|élu d’opposition|agriculteur installé depuis vingt ans|commerçant du centre-ville|conseiller départemental|ingénieur à la retraite|médecin de garde|pêcheur|entraîneur du club|maire de la commune", "|"),
		strings.Split("adjointe chargée des finances|présidente de l’association des parents|directrice de l’école|élue d’opposition|agricultrice installée depuis vingt ans|commerçante du centre-ville|conseillère départementale|ingénieure à la retraite|médecin de garde|pêcheuse|entraîneuse du club|maire de la commune", "|"),
	}
	l.months = strings.Fields("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
	l.titles = []string{
		"À {place}, {subject} divise élus et habitants",
		"{place} : {subject} au cœur du conseil municipal",
		"{Subject} : {person} appelle à la concertation",
		"À {place}, {n} habitants se mobilisent contre {subject}",
		"{place} : le conseil adopte {subject} après {n} heures de débat",
		"{Subject} à {place} : ce qui va changer",
		"{place} : {org} dénonce {subject}",
		"{person} relance le dossier : {subject} à {place}",
	}
	l.sentences = []string{
		// person, first mention: {e} is the full name, {role} agrees with it
		"person:Selon {e}, {role}, la commune doit trouver {n} millions d’euros d’ici {year}.",
		"person:« Nous n’avons pas le choix », a déclaré {e}, {role}, devant une salle comble.",
		"person:{e}, {role}, a présenté le projet jeudi soir devant {n} personnes.",
		"person:Pour {e}, le calendrier annoncé est intenable.",
		"person:Pour {e}, {role}, la décision a été prise beaucoup trop vite.",
		// person, second mention
		"person2:{e} a promis de revenir devant le conseil avant la fin du mois.",
		"person2:{e} assure que rien n’est encore tranché.",
		"person2:{e} doit donner sa réponse lors de la séance du {day} {month}.",
		"person2:{e} a rappelé que les habitants ne paieront pas pour les erreurs passées.",
		// place
		"place:Le conseil de {e} a débattu du dossier pendant {n} heures, suivi par des habitants venus de toute la vallée.",
		"place:À {e}, la question divise depuis le printemps.",
		"place:Les habitants de {e} suivent le dossier de près : la décision pourrait aussi les concerner dès l’automne.",
		"place:Le maire de {e} a reçu une délégation de {n} riverains lundi matin.",
		"place2:{e} attend depuis des années l’aide promise par l’État.",
		"place2:La route qui relie {e} au chef-lieu sera fermée pendant {n} jours.",
		"place2:Une réunion publique est prévue à {e} le {day} {month}.",
		"place2:À {e}, le dossier ne fait pas l’unanimité parmi les commerçants.",
		// organisation: {e} is its determiner and name, {E} the same at the start of a sentence
		"org:Dans un communiqué, {e} dénonce une décision prise sans concertation.",
		"org:{E} réclame une rencontre avec la préfecture avant la fin du mois.",
		"org:Selon {e}, {n} emplois seraient menacés.",
		"org:{E} a déposé un recours devant le tribunal administratif.",
		"org2:{E} tiendra son assemblée générale le {day} {month}.",
		"org2:{E} n’a pas souhaité faire de commentaire.",
		"org2:{E} consultera ses adhérents par courrier.",
	}
	l.fillers = []string{
		"Le projet, estimé à {n} millions d’euros, devrait être financé en partie par la région.",
		"Les travaux pourraient commencer au printemps {year}, si aucun recours n’est déposé.",
		"Une pétition a déjà recueilli {big} signatures en ligne.",
		"Le dossier sera de nouveau examiné lors de la prochaine séance du conseil.",
		"Plusieurs riverains ont fait part de leur inquiétude pendant la réunion publique.",
		"L’opposition demande un audit indépendant avant tout vote définitif.",
		"La préfecture a rappelé que le calendrier dépend des autorisations environnementales.",
		"Selon les premiers chiffres, la fréquentation a progressé de {n} % en un an.",
		"Le vote a été acquis par {n} voix contre {n}, après une suspension de séance.",
		"Les associations locales dénoncent un manque d’information et réclament un débat public.",
		"Une enquête publique sera ouverte en mairie pendant un mois à partir de l’automne.",
		"Le coût de l’opération a doublé depuis les premières études, réalisées il y a {n} ans.",
		"Les commerçants du centre craignent une baisse de leur chiffre d’affaires pendant les travaux.",
		"Un comité de suivi réunira élus, habitants et techniciens tous les trois mois.",
		"Le département a promis une subvention de {big} euros pour la première tranche.",
		"Les écoles du secteur seront consultées avant la rentrée de septembre.",
		"Un bureau d’études a été chargé de proposer deux scénarios d’ici la fin de l’année.",
		"La question reviendra sans doute pendant la campagne des municipales.",
		"Les chiffres de la dernière saison ont surpris jusqu’aux organisateurs eux-mêmes.",
		"Plusieurs familles ont déjà annoncé leur départ si rien ne change d’ici l’été.",
	}
	l.share = []string{"Partager", "Facebook", "Twitter"}
	l.related = []string{"À lire aussi", "Sur le même sujet", "Lire aussi"}
	l.by = []string{"Par ", " et ", "par "}
	l.relatedClass, l.picksHd, l.authorPath = "recommended", "La rédaction vous conseille", "auteurs"
	return l
}
