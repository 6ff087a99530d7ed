package lang

import "time"

// french is the table of French and of French-language sites. Add a line here (or in a
// site's `[params.kiosque.cues]`) when a site prints furniture kiosque does not know yet.
func french() *Table {
	return &Table{
		Code: "fr",
		StopWords: `le la les l des du de d et est une un dans pour qui que qu sur pas avec au aux ont sont
			ce cet cette ces c il ils elle elles nous vous leur leurs par se s sa son ses ne n plus mais ou où
			comme été être avait était étaient sera seront serait a ai as avons avez y en lui on dont tout
			tous toute toutes aussi même entre après avant sans sous selon chez depuis lors ainsi donc car
			si alors encore très fait faire peut doit mon ma mes ton ta tes notre nos votre vos
			je j tu me m te t moi toi soi ceux celle celles celui cela ceci ça quand comment pourquoi
			quel quelle quels quelles lequel laquelle lesquels auquel duquel bien déjà toujours
			jamais rien personne chaque autre autres plusieurs quelques certains certaines tel telle
			puis ensuite enfin pendant contre vers parmi jusqu jusque lorsque lorsqu puisque quoi
			avoir eu fut furent va vont allait aura auront peu beaucoup trop moins tant
			non oui ni soit dès afin près ici là hier demain cependant pourtant`,
		Openers: `à afin ainsi alors apres après aucun aucune aujourd aujourd'hui auprès aussi autant autre autres
			avant ayant bien car ceci cela celle celles celui cependant certes chacun chaque ci comment contre
			désormais deux duquel durant enfin environ était ete etre eux face faut hier hormis ici j je jusqu
			jusque laquelle lequel lesquels lorsque m ma malgré me moi moins mon n ni non nos notre or outre
			parce parfois parmi pendant peu peut plusieurs pourquoi pourtant près puis puisque quand quel quelle
			quelles quels quoi sien sinon soit suite surtout ta tandis tant te tel telle tels tes toi ton
			toutes trois tu vers via voici voilà vos votre ensuite également néanmoins toutefois certains
			certaines d'abord dabord lire voir photo photos vidéo source sources article articles`,
		Months: map[string]time.Month{
			"janvier": 1, "janv": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
			"mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "septembre": 9, "octobre": 10,
			"novembre": 11, "décembre": 12, "déc": 12,
		},
		Weekdays:    `lundi mardi mercredi jeudi vendredi samedi dimanche`,
		DateWords:   `posté postée publié publiée le mis mise à jour maj modifié modifiée actualisé actualisée du heure de paris cet cest initialement en ligne et dernière h min`,
		UpdateWords: []string{"mis à jour", "mise à jour", "maj", "modifié", "actualisé"},
		BylineWords: []string{"Par", "PAR", "Texte", "Texte de", "Texte original de", "Un texte de", "Écrit par", "Propos recueillis par", "Rédigé par",
			"De notre envoyé spécial", "De notre envoyée spéciale", "De nos envoyés spéciaux",
			"D'un de nos envoyés spéciaux", "De notre correspondant", "De notre correspondante"},
		CommentNouns:  []string{"commentaire", "commentaires", "réponse", "réponses", "reponse", "reponses"},
		CommentLinks:  []string{"sur", "à", "a"},
		ThoughtNouns:  []string{"réflexion", "réflexions", "reflexion", "reflexions"},
		ThoughtLinks:  []string{"sur"},
		Honorifics:    `m mm mme mmes mlle mlles dr pr me mgr st ste`,
		NameParticles: `de du des d' d’ la le`,
		NewsroomNouns: `rédaction correspondant correspondante service équipe agences agence`,
		Connectors:    `de du des d la le les l`,
		NameHeads: `union cour chambre conseil ministère ministre banque assemblée commission parlement
			tribunal agence office fonds organisation autorité comité fédération confédération institut
			centre caisse ordre préfecture direction ligue syndicat association société académie
			conférence haut haute président présidente premier première état république gouvernement
			mouvement parti front rassemblement observatoire secrétariat bureau régie fondation groupe
			coupe palais musée école université`,
		NameAdjectives: `national nationale nationaux nationales européen européenne européens européennes
			central centrale centraux centrales constitutionnel constitutionnelle supérieur supérieure
			mondial mondiale international internationale internationaux internationales régional
			régionale régionaux régionales départemental départementale municipal municipale général
			générale généraux fédéral fédérale fédéraux populaire populaires unies unis administratif
			administrative pénal pénale civil civile militaire militaires public publique publics
			scientifique économique économiques social sociale sociaux environnemental environnementale
			olympique olympiques républicain républicaine démocrate démocrates socialiste communiste
			écologiste insoumise monétaire maritime agricole hospitalier hospitalière universitaire
			nucléaire atomique sanitaire judiciaire numérique permanent permanente latine occidental
			occidentale oriental orientale australe africain africaine africains américain américaine
			américains asiatique français française allemand allemande britannique italien italienne
			espagnol espagnole belge suisse canadien canadienne russe chinois chinoise arabe islamique
			tchèque démocratique étranger étrangère étrangers étrangères écologique sociales solidaire
			solidaires`,
		Complements:     `de du des d`,
		Conjunctions:    `et`,
		CoWriters:       `avec`,
		LowerHeads:      map[string]string{"ministère": "ministère", "ministre": "ministère"},
		Titles:          `président présidente ministre capitaine lieutenant commandant colonel général adjudant gendarme maire adjoint adjointe docteur professeur directeur directrice secrétaire trésorier trésorière curé`,
		Elisions:        `l d j n s c m t qu jusqu lorsqu puisqu presqu quoiqu`,
		Determiners:     `l le la les un une du des`,
		DemonymSuffixes: []string{"ais", "aise", "ien", "ienne", "ain", "aine", "ois", "oise"},
		Accounts:        `admin administrateur webmestre webmaster invité`,
		Addressing:      `vous votre vos`,
		OutletPhrases: []string{"notre site", "notre newsletter", "notre lettre d'information", "notre application", "notre page",
			"suivez-nous", "suivez nous", "rejoignez-nous", "abonnez-vous à notre", "inscrivez-vous pour recevoir", "téléchargez notre", "nos réseaux sociaux"},
		OutletWords:    `nous notre nos`,
		Mastheads:      `journal courrier dépêche parisien républicain progrès midi presse gazette écho hebdo quotidien nouvelliste libre éclair télégramme provence maine alsace indépendant populaire`,
		CommentButtons: []string{"RépondreSupprimer", "Répondre Supprimer"},
		Abbreviations:  `P.-S. N.B. S.V.P. E.U. Q.G. C.Q.F.D.`,
		Channels:       `facebook twitter instagram whatsapp telegram youtube tiktok linkedin newsletter application podcast courriel e-mail`,
		Pronouns:       `je il elle nous vous ils elles`,
		BioVerbs:       `est couvre écrit suit vit enseigne travaille`,
		PageWords:      []string{"Page"},
		Agencies:       []string{"AFP", "Agence France-Presse", "ATS", "Belga", "ANSA", "Sipa"},
		CaptionVerbs:   `pose posent`,
		CaptionCues:    []string{"de gauche à droite", "de g. à d.", "de g à d"},
		CaptionOpeners: []string{"Sur cette photo", "Sur la photo", "Sur notre photo", "Sur nos photos", "Sur cette image", "En photo", "Photo ci-dessus"},
		Standfirsts:    true,
		SignOffs:       []string{"Cordialement", "Bien cordialement", "Bien à vous", "Amicalement", "Fraternellement", "Respectueusement", "Votre curé", "Votre pasteur", "Votre maire", "Le maire", "La maire", "Le président", "La présidente", "Le secrétaire", "La secrétaire"},
		RelatedClasses: []string{
			"lire-aussi", "lireaussi", "a-lire", "alire", "sur-le-meme-sujet", "meme-sujet",
			"voir-aussi", "a-voir-aussi",
		},
		Cues: Cues{
			RelatedHeadings: []string{
				"Ne manquez pas",
				"La rédaction vous conseille", "A lire aussi", "À lire aussi", "Lire aussi", "Autres actualités",
				"A lire également", "Lire également", "Sur le même sujet", "Sur le même thème",
				"Voir également", "Voir aussi", "Articles similaires", "Articles liés",
				"Dans la même rubrique", "Nos articles sur le sujet", "Vous aimerez aussi",
				"Vous aimerez peut-être aussi", "Les plus lus", "À découvrir aussi",
				"Articles en relation", "Ces articles peuvent vous intéresser", "À lire également",
				"Vous pourriez aussi aimer", "Dans la même catégorie", "Autres articles",
				"Recommandés pour vous", "Recommandé pour vous", "Nos recommandations", "Suggestions de la rédaction",
				"Autres vidéos", "Vidéos à voir aussi",
			},
			RelatedPrefixes: []string{"Plus d'articles sur", "Nos articles sur", "D'autres articles sur", "Tous nos articles sur", "Les derniers articles de", "Autres articles de", "Plus d'infos sur", "Dans la rubrique"},
			InlineRelated: []string{
				"Lire aussi", "A lire aussi", "À lire aussi", "Lire également", "A lire également",
				"Voir aussi", "Voir également", "Sur le même sujet", "LIRE AUSSI", "Lire notre article",
				"Notre article", "Voir notre article", "Relire",
			},
			PostLinks: []string{"Article précédent", "Article suivant", "Billet précédent", "Billet suivant"},
			Furniture: map[string][]string{
				Share: {
					"URL courte", "Se Propager", "Partager", "Partage", "Partager par courriel", "Partager cet article", "Partager l'article",
					"Partager sur Facebook", "Partager sur Twitter", "Partager sur X",
					"Partager sur LinkedIn", "Partager par e-mail", "Envoyer par e-mail",
					"Imprimer", "Envoyer à un ami", "Version imprimable", "Imprimer l'article", "Imprimer le texte", "Imprimer la page", "Imprimer cette page", "Copier le lien", "Lien copié", "Envoyer", "Offrir cet article",
				},
				Like: {"J'aime", "J'aime ça", "J'aime chargement", "Chargement", "Chargement en cours"},
				Comments: {
					"Commentaires", "Commentaire", "Votre commentaire", "Laisser un commentaire", "Laisser une réponse",
					"Répondre", "Annuler la réponse", "Publier le commentaire", "Nom", "Nom *",
					"E-mail *", "Adresse e-mail *", "Site web", "Réagir", "Réagissez",
					"Aucun commentaire", "Soyez le premier à commenter", "Publier les commentaires (Atom)", "Écrire un commentaire",
					"Avertir le modérateur", "Signaler ce commentaire", "Signaler un abus", "Les commentaires sont fermés.", "Publier un commentaire", "Enregistrer un commentaire", "Commenter cet article", "Voir les commentaires", "Article plus récent", "Article plus ancien",
				},
				Newsletter: {"Newsletter", "La newsletter", "S'abonner", "Abonnez-vous", "Je m'abonne", "S'inscrire"},
				Cookies:    {"Accepter", "Tout accepter", "Refuser", "Tout refuser", "Paramétrer les cookies", "Gérer les cookies", "Paramètres des cookies"},
				Navigation: {
					"Accueil", "Menu", "Rechercher", "Recherche", "Mon compte",
					"Taille du texte", "Taille de police", "Agrandir le texte", "Réduire le texte", "Aller au contenu", "Fermer le menu", "Ouvrir le menu",
					"Aller au contenu principal", "Fermer", "Suivez-nous", "Suivez-nous sur",
					"Retour", "Précédent", "Suivant", "Plan du site", "Mentions légales", "Contact",
					"Nous contacter", "Sommaire", "Rubriques", "Toutes les rubriques", "Ouvrir le menu",
				},
				Login:       {"Se connecter", "Connexion", "Déconnexion", "S'identifier", "Créer un compte", "Mot de passe oublié", "Identifiant"},
				Paywall:     {"Abonné", "Réservé aux abonnés", "Article réservé aux abonnés", "Contenu réservé aux abonnés", "Offre numérique"},
				Ticker:      {"Urgent", "Dernières infos", "Dernière minute", "Flash info", "En direct", "Direct", "À la une", "A la une", "L'info en continu", "Fil info", "Info en continu"},
				Truncation:  {"Lire la suite", "(...)", "[...]", "(…)", "[…]", "Lire plus", "Voir plus", "Suite de l'article", "Lire l'article", "Lire l'article complet", "En savoir plus"},
				Widget:      {"Retour en haut", "Haut de page", "Réseaux sociaux", "Inscription à :", "Articles (Atom)", "Commentaires (Atom)", "Repost0", "Repost 0", "Articles récents", "Derniers articles", "Les derniers articles", "Derniers articles publiés", "Commentaires récents", "Catégories", "Archives", "Mots-clés", "Étiquettes", "Les plus lus", "Les plus partagés", "Les plus commentés", "Populaires", "Derniers commentaires", "Pages", "Liens", "Blogroll", "Méta", "Tags"},
				Ad:          {"Publicité", "Contenu sponsorisé", "Annonce", "Sponsorisé", "Contenu partenaire", "PUBLICITÉ"},
				Date:        {"Ce contenu a été publié le", "Ce contenu a été publié sur", "Date de publication"},
				PhotoCredit: {"DR", "© DR", "Photo DR", "Photo : DR", "Image", "Photo", "Photos"},
				Agency:      {"AFP", "(AFP)", "Avec AFP", "avec AFP", "Source AFP", "AFP Photo", "ATS", "Belga", "Sipa"},
			},
			Prefixes: map[string][]string{
				Share:       {"Partagez moi", "Partagez-moi", "Partagez sur", "Partagez cet article", "Cliquez pour partager sur", "Cliquer pour partager sur", "Partager sur", "Cliquez pour imprimer", "Cliquez pour envoyer"},
				Comments:    {"Commentaires :", "Écrire commentaire", "Votre commentaire s'affichera", "Votre adresse e-mail ne sera pas publiée", "Votre adresse de messagerie ne sera pas publiée", "Les champs obligatoires sont indiqués", "Enregistrer mon nom, mon e-mail", "Vous devez être connecté pour", "Vous devez être connecté à votre compte", "Connectez-vous pour commenter", "Ajouter un commentaire", "L'espace des commentaires est ouvert aux", "Vos réactions doivent respecter", "Vos commentaires doivent respecter", "La section Commentaires est fermée", "La section des commentaires est fermée", "Compte tenu de la nature délicate", "Votre email ne sera pas affiché", "Votre adresse email ne sera pas", "Tous les champs sont obligatoires", "Il n'y a actuellement aucun commentaire"},
				Newsletter:  {"Chaque matin, recevez", "Chaque jour, recevez", "Chaque semaine, recevez", "Soyez les premiers informés", "Soyez le premier informé", "De la vie quotidienne aux grands enjeux", "France Télévisions utilise votre adresse", "Signaler une erreur", "Envoyez-nous vos", "Vous avez une info", "Vous souhaitez signaler", "Vous voulez signaler", "Vous aimeriez en savoir plus sur", "Inscrivez-vous à notre newsletter", "Inscrivez-vous à la newsletter", "Abonnez-vous à notre newsletter", "Abonnez-vous à la newsletter", "Recevez notre newsletter", "Recevez gratuitement", "Inscrivez-vous gratuitement", "Recevez chaque"},
				Cookies:     {"Consultez notre politique de gestion des données", "Ce site utilise des cookies", "Nous utilisons des cookies", "En poursuivant votre navigation", "En continuant à naviguer"},
				PhotoCredit: {"Photo courtoisie", "Photos courtoisie", "Crédit photo", "Crédits photo", "Crédit photographique", "Crédits photos", "Photo :", "Photos :", "Illustration :", "Crédit :", "© Photo", "Photo d'illustration"},
				Copyright:   {"Les prix mentionnés dans cet article", "Tous droits réservés", "Reproduction interdite"},
				ReadingTime: {"Temps de lecture", "Lecture :"},
				Navigation:  {"Cliquez-ici pour", "Cliquez ici pour", "Suivre ce blog", "Créer mon blog", "Créer un blog", "Overblog Suivre ce blog", "Administration Créer mon blog", "Suivez l'", "Suivez le", "Suivez la", "Suivez nous", "Vous êtes ici", "Aller au menu", "Passer au contenu", "Passer au player", "Voir tous ses articles", "Voir tous les articles", "Tous ses articles", "Voir la biographie"},
				Section:     {"Ce contenu a été publié dans", "Cette entrée a été publiée dans", "Publié dans", "Classé dans", "Rubrique :", "Catégorie :", "Catégories :", "Articles taggés", "Archives de l'étiquette", "Archives de catégorie", "Archives du mot-clé", "Archives par mot-clé"},
				Login:       {"Si vous avez déjà créé un compte", "Si vous avez déjà un compte", "Connectez-vous", "Identifiez-vous", "Déjà abonné", "Déjà inscrit", "Pas encore de compte", "Vous avez déjà un compte", "Connexion à votre compte", "Connectez vous", "Je suis déjà abonné", "Vous êtes déjà abonné"},
				Paywall:     {"Cet article est réservé aux abonnés", "Pour accéder à ce contenu, vous pouvez", "Si vous avez déjà un abonnement", "pour lire la suite, rejoignez", "Pour lire la suite, rejoignez", "Pour lire la suite, abonnez-vous", "Article réservé aux abonnés", "Pour poursuivre la lecture", "Pour continuer la lecture", "Pour lire la suite de cet article", "Pour lire la suite", "Il vous reste", "Abonnez-vous pour", "Vous devez être abonné", "Vous devez bénéficier d'un abonnement", "Abonnement sans engagement", "La suite est réservée", "Cet article vous est offert", "Offre spéciale", "Soutenez", "Faites un don", "Je soutiens", "Je m'abonne", "Pour lire ce contenu", "Je donne", "*don déductible", "Don déductible"},
				Truncation:  {"Lire la suite :"},
				Source:      {"Retrouvez l’intégralité de cet article", "Cet article a été publié initialement", "Cet article a été initialement publié", "Cet article a été publié à l'origine", "Cet article est paru initialement", "Cet article est initialement paru", "Source :", "Sources :", "Via :", "Lien :", "Article complet :", "Lire l'article complet sur"},
				Widget:      {"Cet article vous a-t-il été utile", "Cliquez sur une étoile pour", "Note moyenne /", "Aucun vote jusqu", "Vidéo suivante dans", "Affichage des articles dont le libellé est", "Archives pour la catégorie", "Archives de la catégorie", "Archives par catégorie", "Archives du mot-clé", "Afficher tous les articles"},
				Ad:          {"Espace publicitaire", "Votre publicité ici", "Envie d'afficher votre publicité"},
				Agency:      {"Avec AFP", "(Avec AFP", "Source : AFP", "Par AFP", "Par l'AFP"},
			},
			CommentVerbs: []string{"a dit...", "a dit :", "dit :", "a écrit :", "a commenté :", "a répondu :"},
		},
	}
}
