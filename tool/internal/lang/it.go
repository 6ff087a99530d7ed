package lang

import "time"

// italian is the table of Italian-language sites.
func italian() *Table {
	return &Table{
		Code: "it",
		StopWords: `il lo la i gli le un uno una di del dello della dei degli delle da dal dallo dalla dai dagli
			dalle in nel nello nella nei negli nelle su sul sullo sulla sui sugli sulle con per tra fra
			e ed o ma anche che chi cui non più come dove quando perché se è sono era erano stato stata
			stati sarà ha hanno aveva avevano essere avere questo questa questi queste quello quella
			quelli quelle suo sua suoi sue loro mio mia nostro nostra si ci ne già ancora molto tutto
			tutti tutte dopo prima durante senza secondo mentre poi così solo oggi ieri`,
		Openers: `inoltre tuttavia però quindi infatti intanto ora foto video fonte articolo`,
		Months: map[string]time.Month{
			"gennaio": 1, "gen": 1, "febbraio": 2, "feb": 2, "marzo": 3, "mar": 3, "aprile": 4, "apr": 4,
			"maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "ago": 8,
			"settembre": 9, "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11,
			"dicembre": 12, "dic": 12,
		},
		Weekdays:      `lunedì martedì mercoledì giovedì venerdì sabato domenica`,
		DateWords:     `pubblicato pubblicata aggiornato aggiornata il alle ore del`,
		UpdateWords:   []string{"aggiornato", "aggiornata", "ultimo aggiornamento"},
		BylineWords:   []string{"A cura di", "Scritto da", "Autore:"},
		Honorifics:    `sig sig.ra dott dott.ssa prof avv ing`,
		NameParticles: `di de da del della dello dei degli lo la`,
		NewsroomNouns: `redazione`,
		Connectors:    `di del della dei degli delle`,
		NameHeads: `unione corte camera consiglio ministero ministro banca assemblea commissione parlamento
			tribunale agenzia ufficio fondo organizzazione autorità comitato federazione istituto centro
			partito governo comune regione provincia procura prefettura questura università`,
		NameAdjectives: `nazionale nazionali europeo europea europei europee centrale regionale regionali
			provinciale comunale generale costituzionale amministrativo amministrativa`,
		Complements:  `di del della dei degli delle`,
		Conjunctions: `e ed`,
		LowerHeads:   map[string]string{"ministero": "ministero", "ministro": "ministero", "ministra": "ministero"},
		Titles:       `presidente sindaco sindaca ministro ministra assessore assessora consigliere allenatore`,
		Accounts:     `admin redazione`,
		Pronouns:     `io noi voi loro`,
		BioVerbs:     `è scrive vive lavora insegna`,
		PageWords:    []string{"Pagina"},
		Agencies:     []string{"ANSA", "Adnkronos", "AGI", "LaPresse", "Askanews"},
		RelatedClasses: []string{
			"leggi-anche", "articoli-correlati", "potrebbe-interessarti",
		},
		Cues: Cues{
			RelatedHeadings: []string{
				"Leggi anche", "Articoli correlati", "Potrebbe interessarti", "Ti potrebbe interessare",
				"Altre notizie", "Notizie correlate", "I più letti", "Ultime notizie",
			},
			RelatedPrefixes: []string{"Altre notizie da", "Altri articoli su", "Ultime da"},
			InlineRelated:   []string{"Leggi anche", "Vedi anche", "Potrebbe interessarti"},
			PostLinks:       []string{"Articolo precedente", "Articolo successivo"},
			Furniture: map[string][]string{
				Share:      {"Condividi", "Condividi su Facebook", "Condividi su Twitter", "Stampa", "Invia per email"},
				Comments:   {"Commenti", "Commento", "Lascia un commento", "Rispondi", "Annulla risposta", "Nessun commento"},
				Newsletter: {"Iscriviti", "Iscriviti alla newsletter", "Newsletter"},
				Cookies:    {"Accetta", "Accetta tutti", "Rifiuta"},
				Navigation: {"Home", "Cerca", "Menu", "Contatti", "Torna su", "Articolo precedente", "Articolo successivo"},
				Login:      {"Accedi", "Registrati", "Esci", "Il mio account"},
				Paywall:    {"Abbonati", "Riservato agli abbonati"},
				Truncation: {"Leggi tutto", "Continua a leggere", "Leggi di più"},
				Widget:     {"Articoli recenti", "Categorie", "Archivi", "Tag"},
				Ad:         {"Pubblicità", "PUBBLICITÀ"},
				Agency:     {"ANSA", "(ANSA)", "Adnkronos", "AGI"},
			},
			Prefixes: map[string][]string{
				PhotoCredit: {"Foto:", "Foto di", "Immagine:"},
				Source:      {"Fonte:"},
				Copyright:   {"Riproduzione riservata", "© Riproduzione riservata", "Tutti i diritti riservati"},
			},
			CommentVerbs: []string{"ha detto...", "ha scritto:", "dice:"},
		},
	}
}
