package lang

import "time"

// german is the table of German-language sites. German capitalises every noun, so its
// names take no complement in lower case and its tables list none.
func german() *Table {
	return &Table{
		Code: "de",
		StopWords: `der die das den dem des ein eine einer einen einem eines und oder aber ist sind war waren
			wird werden wurde wurden hat haben hatte hatten sein ihr ihre ihren ihrem seine seinen seinem
			er sie es wir ich du man nicht auch noch nur schon sehr mehr als wie wenn dass daß weil ob
			mit von zu zum zur bei nach aus auf für über unter vor durch gegen ohne um bis seit im ins am
			an in dieser diese dieses diesen diesem jener kein keine keinen sich so doch dann denn da
			hier dort wo was wer wann warum alle allen aller etwa bereits immer wieder heute gestern
			kann können konnte soll sollen muss müssen will wollen habe sei wäre würde`,
		Openers: `auch aber doch dann damit dazu danach deshalb trotzdem jedoch zudem außerdem inzwischen
			nun bisher zuletzt zunächst foto fotos video quelle artikel`,
		Months: map[string]time.Month{
			"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4,
			"apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
			"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
			"dezember": 12, "dez": 12,
		},
		Weekdays:      `montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag`,
		DateWords:     `veröffentlicht aktualisiert zuletzt stand am um uhr erstellt geändert vom`,
		UpdateWords:   []string{"aktualisiert", "zuletzt aktualisiert", "geändert"},
		BylineWords:   []string{"Von", "VON", "Text", "Autor:", "Autorin:"},
		Honorifics:    `herr frau dr prof`,
		NameParticles: `von vom zu zur van der den de`,
		NewsroomNouns: `redaktion`,
		Connectors:    `von vom zu zur der des`,
		NameHeads: `bundestag bundesrat bundesregierung ministerium gericht bundesgericht rat stadtrat
			gemeinderat kreistag landtag bank kommission verband partei regierung behörde amt
			polizei feuerwehr verein stiftung universität hochschule institut gesellschaft`,
		Conjunctions: `und`,
		Titles: `präsident präsidentin kanzler kanzlerin minister ministerin bürgermeister
			bürgermeisterin landrat landrätin trainer pfarrer polizeisprecher polizeisprecherin`,
		Accounts:  `admin redaktion`,
		Pronouns:  `ich er wir ihr`,
		BioVerbs:  `ist schreibt berichtet lebt arbeitet`,
		PageWords: []string{"Seite"},
		Agencies:  []string{"dpa", "AFP", "epd", "KNA", "Reuters", "AP", "SDA", "APA"},
		RelatedClasses: []string{
			"weitere-artikel", "mehr-zum-thema", "lesen-sie-auch", "auch-interessant",
		},
		Cues: Cues{
			RelatedHeadings: []string{
				"Mehr zum Thema", "Das könnte Sie auch interessieren", "Weitere Artikel",
				"Lesen Sie auch", "Auch interessant", "Meistgelesen", "Weitere Nachrichten",
				"Ähnliche Artikel", "Passend zum Thema", "Mehr aus der Region",
			},
			RelatedPrefixes: []string{"Mehr zum Thema", "Mehr aus", "Weitere Artikel aus", "Mehr Nachrichten aus"},
			InlineRelated:   []string{"Lesen Sie auch", "Lesen Sie dazu", "Mehr dazu", "Auch interessant", "Lesetipp"},
			PostLinks:       []string{"Vorheriger Artikel", "Nächster Artikel", "Vorheriger Beitrag", "Nächster Beitrag"},
			Furniture: map[string][]string{
				Share:      {"Teilen", "Artikel teilen", "Drucken", "Per E-Mail versenden", "Link kopieren", "Merken"},
				Comments:   {"Kommentare", "Kommentar", "Kommentar schreiben", "Kommentieren", "Antworten", "Keine Kommentare"},
				Newsletter: {"Newsletter", "Newsletter abonnieren", "Jetzt abonnieren", "Abonnieren"},
				Cookies:    {"Akzeptieren", "Alle akzeptieren", "Ablehnen", "Einstellungen"},
				Navigation: {
					"Startseite", "Suche", "Menü", "Impressum", "Datenschutz", "Kontakt", "Zurück",
					"Nach oben", "Zum Inhalt springen", "Weiter", "Vorheriger Artikel", "Nächster Artikel",
				},
				Login:      {"Anmelden", "Einloggen", "Registrieren", "Abmelden", "Mein Konto"},
				Paywall:    {"Plus", "Abo", "Nur für Abonnenten", "Plus-Artikel"},
				Truncation: {"Weiterlesen", "Mehr lesen", "Artikel lesen"},
				Widget:     {"Neueste Beiträge", "Kategorien", "Archiv", "Schlagwörter", "Beliebte Artikel"},
				Ad:         {"Anzeige", "Werbung", "ANZEIGE"},
				Agency:     {"dpa", "(dpa)", "epd", "KNA", "AFP", "(AFP)"},
			},
			Prefixes: map[string][]string{
				PhotoCredit: {"Foto:", "Fotos:", "Bild:", "Bildquelle:", "Symbolbild"},
				Source:      {"Quelle:", "Quellen:"},
				Paywall:     {"Lesen Sie jetzt", "Jetzt weiterlesen", "Weiterlesen mit", "Sie haben bereits ein"},
				Copyright:   {"Alle Rechte vorbehalten"},
				Section:     {"Veröffentlicht in", "Kategorie:", "Schlagwörter:"},
			},
			CommentVerbs: []string{"sagte...", "schrieb:", "meint:", "sagt:"},
		},
	}
}
