package scrape

// frenchCues is the cue table of French sites. Add a line here (or in the site's
// `[params.kiosque.cues]`) when a site prints furniture kiosque does not know yet.
func frenchCues() Cues {
	return Cues{
		RelatedHeadings: []string{
			"La rédaction vous conseille", "A lire aussi", "À lire aussi", "Lire aussi",
			"A lire également", "Lire également", "Sur le même sujet", "Sur le même thème",
			"Voir également", "Voir aussi", "Articles similaires", "Articles liés",
			"Dans la même rubrique", "Nos articles sur le sujet", "Vous aimerez aussi",
			"Vous aimerez peut-être aussi", "Les plus lus", "À découvrir aussi",
		},
		InlineRelated: []string{
			"Lire aussi", "A lire aussi", "À lire aussi", "Lire également", "A lire également",
			"Voir aussi", "Voir également", "Sur le même sujet", "LIRE AUSSI",
		},
		Furniture: map[string][]string{
			ReasonShare: {
				"Se Propager", "Partager", "Partager cet article", "Partager l'article",
				"Partager sur Facebook", "Partager sur Twitter", "Partager sur X",
				"Partager sur LinkedIn", "Partager par e-mail", "Envoyer par e-mail",
				"Imprimer", "Copier le lien", "Lien copié",
			},
			ReasonLike: {"J'aime", "J'aime ça", "J'aime chargement", "Chargement", "Chargement en cours"},
			ReasonComments: {
				"Commentaires", "Commentaire", "Laisser un commentaire", "Laisser une réponse",
				"Répondre", "Annuler la réponse", "Publier le commentaire", "Nom", "Nom *",
				"E-mail *", "Adresse e-mail *", "Site web", "Réagir", "Réagissez",
				"Aucun commentaire", "Soyez le premier à commenter",
			},
			ReasonNewsletter: {"Newsletter", "La newsletter", "S'abonner", "Abonnez-vous", "Je m'abonne", "S'inscrire"},
			ReasonCookies:    {"Accepter", "Tout accepter", "Refuser", "Tout refuser", "Paramétrer les cookies", "Gérer les cookies", "Paramètres des cookies"},
			ReasonNavigation: {
				"Accueil", "Menu", "Rechercher", "Recherche", "Se connecter", "Connexion",
				"Mon compte", "Article précédent", "Article suivant", "Retour en haut",
				"Haut de page", "Aller au contenu", "Aller au contenu principal",
				"Lire la suite", "Fermer", "Suivez-nous", "Suivez-nous sur",
			},
			ReasonAd: {"Publicité", "Contenu sponsorisé", "Annonce", "Sponsorisé"},
		},
		Prefixes: map[string][]string{
			ReasonShare:       {"Cliquez pour partager sur", "Cliquer pour partager sur", "Partager sur", "Cliquez pour imprimer", "Cliquez pour envoyer"},
			ReasonComments:    {"Votre adresse e-mail ne sera pas publiée", "Votre adresse de messagerie ne sera pas publiée", "Les champs obligatoires sont indiqués", "Enregistrer mon nom, mon e-mail", "Vous devez être connecté pour", "Connectez-vous pour commenter"},
			ReasonNewsletter:  {"Inscrivez-vous à notre newsletter", "Inscrivez-vous à la newsletter", "Abonnez-vous à notre newsletter", "Abonnez-vous à la newsletter", "Recevez notre newsletter", "Recevez gratuitement", "Inscrivez-vous gratuitement"},
			ReasonCookies:     {"Ce site utilise des cookies", "Nous utilisons des cookies", "En poursuivant votre navigation", "En continuant à naviguer"},
			ReasonPhotoCredit: {"Crédit photo", "Crédits photo", "Crédit photographique", "Crédits photos", "Photo :", "Photos :", "Illustration :", "Crédit :"},
			ReasonCopyright:   {"Tous droits réservés"},
			ReasonReadingTime: {"Temps de lecture"},
			ReasonNavigation:  {"Vous êtes ici"},
			ReasonSection:     {"Publié dans", "Classé dans", "Rubrique :", "Catégorie :", "Catégories :"},
		},
	}
}
