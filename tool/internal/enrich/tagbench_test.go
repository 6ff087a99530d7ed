package enrich

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// BenchmarkTags10k derives the tags of 10,000 generated French and English articles (see
// tagWorld) and reports what the site's tag pages would be: the share of tags that two
// articles or more share (shared-%), the number of distinct tags (tags), the tags per article,
// the articles left without a tag, and the articles tagged with a bare generic head such as
// "Union" or "Cour" (fragments). It logs the most used tags.
// Run it with: go test -run '^$' -bench Tags10k -benchtime 1x ./tool/internal/enrich/
func BenchmarkTags10k(b *testing.B) { benchmarkTags(b, 10000) }

// BenchmarkTags50k is BenchmarkTags10k at 50,000 articles. The world keeps as many people and
// towns, so the stories naming only people of their own weigh more among the tag pages.
func BenchmarkTags50k(b *testing.B) { benchmarkTags(b, 50000) }

func benchmarkTags(b *testing.B, n int) {
	var arts []*article.Article
	for b.Loop() {
		b.StopTimer()
		arts = newTagWorld(7).articles(n)
		b.StartTimer()
		Corpus(arts, nil, Options{Similar: -1})
	}
	st := tagStats(arts)
	b.ReportMetric(st.sharedPct, "shared-%")
	b.ReportMetric(float64(st.distinct), "tags")
	b.ReportMetric(st.perArticle, "tags/article")
	b.ReportMetric(float64(st.untagged), "untagged")
	b.ReportMetric(float64(st.fragments), "fragments")
	b.Logf("most used tags: %s", strings.Join(st.top, ", "))
	b.Logf("fragments by tag: %v", st.fragmentsBy)
}

// genericHeads are the words that head institution names and say nothing on their own: a tag
// made of one of them alone is a fragment of a name. The benchmark's own list, so that it
// measures the tagger rather than repeats it.
var genericHeads = strings.Fields("Union Cour Chambre Conseil Ministère Président Banque Assemblée Commission Office Autorité Caisse Organisation Fonds Syndicat Association Parlement Court Bank House Council Chamber Department Fund Organization University Premier")

// tagFigures are the figures of a tagged corpus.
type tagFigures struct {
	distinct    int
	sharedPct   float64
	perArticle  float64
	untagged    int
	fragments   int
	fragmentsBy map[string]int
	top         []string
}

func tagStats(arts []*article.Article) tagFigures {
	uses := map[string]int{}
	form := map[string]string{}
	f := tagFigures{fragmentsBy: map[string]int{}}
	total := 0
	for _, a := range arts {
		if len(a.Tags) == 0 {
			f.untagged++
		}
		fragment := false
		for _, t := range a.Tags {
			k := key(t)
			uses[k]++
			form[k] = t
			total++
			if slices.Contains(genericHeads, t) {
				fragment = true
				f.fragmentsBy[t]++
			}
		}
		if fragment {
			f.fragments++
		}
	}
	f.distinct = len(uses)
	shared := 0
	keys := make([]string, 0, len(uses))
	for k, n := range uses {
		if n >= 2 {
			shared++
		}
		keys = append(keys, k)
	}
	if f.distinct > 0 {
		f.sharedPct = 100 * float64(shared) / float64(f.distinct)
	}
	if len(arts) > 0 {
		f.perArticle = float64(total) / float64(len(arts))
	}
	slices.SortFunc(keys, func(a, b string) int {
		if uses[a] != uses[b] {
			return uses[b] - uses[a]
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys[:min(15, len(keys))] {
		f.top = append(f.top, fmt.Sprintf("%s (%d)", form[k], uses[k]))
	}
	return f
}

// tagWorld is the fictional world of the generated articles: people, towns, national
// institutions written the way French and English newsrooms write them (particles and
// adjectives in lower case: "la Cour des comptes", "l'Assemblée nationale"), local bodies
// named after their town, and people who appear once only. People and towns are drawn with a
// Zipf law: a few are in the news every day, most now and then.
type tagWorld struct {
	rng                *rand.Rand
	people, places     []string
	peopleZ, placesZ   *rand.Zipf
	oneOff             map[string]bool
	frInst, enInst     [][2]string
	frLocal, enLocal   [][2]string
	frSubject, enTopic []string
}

// Syllables of the invented surnames and towns.
var (
	namePre   = strings.Fields("Bar Cas Del Fon Gar Lam Mar Nog Per Ros Tes Vau Ker Lan Mor Quin Sau Ver Bel Char Dur Esc Fal Gil Hau Jou Lor Mon Pey Rab")
	nameSuf   = strings.Fields("elle ard ier on ot ac ès aud enne in ois eau el as ille ade ens oux ery ange")
	placeSuf  = strings.Fields("ville mont ac euil court bourg ières an ois ède")
	firstFr   = strings.Fields("Anne Bastien Claire Hugo Lucie Marion Yann Gaston Élise Mathis Inès Rémi Salomé Théo Adèle Baptiste Capucine Damien Estelle Félix Gabrielle Hélène Jules Léna Maël Noémie Octave Pauline Quentin Rose")
	firstEn   = strings.Fields("Alice Brian Carol David Emma Frank Grace Henry Isla Jack Karen Liam Megan Nathan Olivia Peter Ruth Simon Tessa Victor")
	middleSyl = strings.Fields("ba co di fe gu la mi no pu ra se ti vo zu")
)

func newTagWorld(seed uint64) *tagWorld {
	w := &tagWorld{rng: rand.New(rand.NewPCG(seed, 2026)), oneOff: map[string]bool{}}
	seen := map[string]bool{}
	for len(w.people) < 2500 {
		first := firstFr
		if len(w.people)%3 == 2 {
			first = firstEn
		}
		p := first[w.rng.IntN(len(first))] + " " + namePre[w.rng.IntN(len(namePre))] + nameSuf[w.rng.IntN(len(nameSuf))]
		if !seen[p] {
			seen[p] = true
			w.people = append(w.people, p)
		}
	}
	for len(w.places) < 300 {
		p := namePre[w.rng.IntN(len(namePre))] + placeSuf[w.rng.IntN(len(placeSuf))]
		switch w.rng.IntN(6) {
		case 0:
			p = "Saint-" + p
		case 1:
			p += "-sur-Mer"
		}
		if !seen[p] {
			seen[p] = true
			w.places = append(w.places, p)
		}
	}
	w.peopleZ = rand.NewZipf(w.rng, 1.1, 8, uint64(len(w.people)-1))
	w.placesZ = rand.NewZipf(w.rng, 1.2, 4, uint64(len(w.places)-1))
	// National institutions, and how a second mention shortens them.
	w.frInst = [][2]string{
		{"l’Union européenne", "l’Union"}, {"la Cour des comptes", "la Cour"},
		{"la Banque centrale européenne", "la Banque"}, {"l’Assemblée nationale", "l’Assemblée"},
		{"le Conseil d’État", "le Conseil"}, {"le ministère de l’Intérieur", "le ministère"},
		{"le ministère de la Culture", "le ministère"}, {"le Conseil constitutionnel", "le Conseil"},
		{"la Cour de cassation", "la Cour"}, {"le Parlement européen", "le Parlement"},
		{"la Commission européenne", "la Commission"}, {"l’Organisation mondiale de la santé", "l’Organisation"},
		{"le Fonds monétaire international", "le Fonds"}, {"la Haute Autorité de santé", "la Haute Autorité"},
		{"l’Autorité de la concurrence", "l’Autorité"}, {"la Cour européenne des droits de l’homme", "la Cour"},
		{"le Conseil supérieur de la magistrature", "le Conseil"}, {"la Caisse des dépôts et consignations", "la Caisse"},
		{"l’Office national des forêts", "l’Office"}, {"le Sénat", "le Sénat"}, {"la Banque de France", "la Banque"},
		{"le Conseil de l’Europe", "le Conseil"}, {"la Sécurité sociale", "la Sécurité sociale"},
	}
	w.enInst = [][2]string{
		{"the European Central Bank", "the Bank"}, {"the House of Commons", "the House"},
		{"the Supreme Court", "the Court"}, {"the Department of Health", "the Department"},
		{"the Court of Appeal", "the Court"}, {"the European Commission", "the Commission"},
		{"the International Monetary Fund", "the Fund"}, {"the World Health Organization", "the Organization"},
		{"the Treasury", "the Treasury"}, {"the European Union", "the Union"},
	}
	// Local bodies: %s is the town.
	w.frLocal = [][2]string{
		{"la Chambre de commerce et d’industrie de %s", "la Chambre"}, {"la Chambre d’agriculture de %s", "la Chambre"},
		{"l’Union des commerçants de %s", "l’Union"}, {"le Conseil départemental de %s", "le Conseil"},
		{"la Cour d’appel de %s", "la Cour"}, {"l’Office de tourisme de %s", "l’Office"},
		{"le Syndicat des pêcheurs de %s", "le Syndicat"}, {"l’Association des amis du musée de %s", "l’Association"},
		{"le tribunal administratif de %s", "le tribunal"},
	}
	w.enLocal = [][2]string{
		{"the %s Chamber of Commerce", "the Chamber"}, {"the Port Authority of %s", "the Port Authority"},
		{"the University of %s", "the University"}, {"the %s City Council", "the Council"},
	}
	w.frSubject = []string{"le budget", "les quotas de pêche", "la fermeture de l’hôpital", "le nouveau tramway",
		"la rénovation du port", "les inondations", "la fusion des communes", "le festival d’été",
		"la réforme des marchés", "les tarifs de l’eau", "la sécheresse", "le plan vélo"}
	w.enTopic = []string{"the budget", "fishing quotas", "the hospital closure", "the new tramway",
		"the harbour works", "the floods", "the merger of the towns", "the summer festival", "water prices"}
	return w
}

func (w *tagWorld) person() string { return w.people[w.peopleZ.Uint64()] }
func (w *tagWorld) place() string  { return w.places[w.placesZ.Uint64()] }

// stranger returns a person who appears in one article only.
func (w *tagWorld) stranger(first []string) string {
	for {
		p := first[w.rng.IntN(len(first))] + " " + namePre[w.rng.IntN(len(namePre))] +
			middleSyl[w.rng.IntN(len(middleSyl))] + middleSyl[w.rng.IntN(len(middleSyl))] + nameSuf[w.rng.IntN(len(nameSuf))]
		if !w.oneOff[p] {
			w.oneOff[p] = true
			return p
		}
	}
}

func (w *tagWorld) pick(list []string) string { return list[w.rng.IntN(len(list))] }

// institution returns a national or local body (full name, short name) and whether it is local.
func (w *tagWorld) institution(national, local [][2]string, town string) [2]string {
	if w.rng.IntN(3) == 0 {
		l := local[w.rng.IntN(len(local))]
		return [2]string{fmt.Sprintf(l[0], town), l[1]}
	}
	return national[w.rng.IntN(len(national))]
}

func (w *tagWorld) articles(n int) []*article.Article {
	arts := make([]*article.Article, n)
	for i := range arts {
		var a *article.Article
		switch {
		case i%50 == 7:
			a = w.nameless()
		case i%25 == 3:
			a = w.oneOffStory()
		case i%10 < 7:
			a = w.french(i)
		default:
			a = w.english(i)
		}
		a.Page = fmt.Sprintf("/articles/%05d", i)
		arts[i] = a
	}
	return arts
}

// oneOffStory is a short story whose people and hamlet the corpus names nowhere else.
func (w *tagWorld) oneOffStory() *article.Article {
	who := w.stranger(firstFr)
	hamlet := w.stranger([]string{"Le Bourg", "Les Granges", "La Combe"})
	last := who[strings.LastIndexByte(who, ' ')+1:]
	return &article.Article{Title: "Le four à pain de " + hamlet + " reprend du service", Lang: "fr", Body: []article.Block{
		{Kind: article.Paragraph, Text: "À " + hamlet + ", " + who + " a rallumé le four communal éteint depuis trente ans."},
		{Kind: article.Paragraph, Text: "« Le pain a le goût d’avant », sourit " + last + ", qui cuit chaque samedi pour les voisins de " + hamlet + "."},
	}}
}

// nameless is a practical piece that names nobody.
func (w *tagWorld) nameless() *article.Article {
	return &article.Article{Title: "Cinq conseils pour un potager sans arrosage", Lang: "fr", Body: []article.Block{
		{Kind: article.Paragraph, Text: "Paillez tôt, arrosez le soir et choisissez des variétés rustiques : le potager tiendra tout l’été."},
	}}
}

func (w *tagWorld) french(i int) *article.Article {
	town, town2 := w.place(), w.place()
	a, b, c := w.person(), w.person(), w.stranger(firstFr)
	inst, inst2 := w.institution(w.frInst, w.frLocal, town), w.institution(w.frInst, w.frLocal, town2)
	subj := w.pick(w.frSubject)
	last := func(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }
	r := strings.NewReplacer("{T}", town, "{T2}", town2, "{A}", a, "{a}", last(a), "{B}", b, "{b}", last(b),
		"{C}", c, "{c}", last(c), "{I}", inst[0], "{i}", inst[1], "{J}", inst2[0], "{j}", inst2[1], "{S}", subj,
		"{N}", fmt.Sprint(2+w.rng.IntN(400)))
	titles := []string{"À {T}, {A} défend {S}", "{S} : {I} épingle {T}", "{T} : {A} et {B} s’opposent sur {S}", "Ce que {I} reproche à {T}"}
	paras := []string{
		"Le conseil municipal de {T} a débattu {S} jeudi soir, une séance de {N} minutes suivie par de nombreux habitants.",
		"Selon {A}, adjointe chargée du dossier, la ville doit trouver des millions d’euros. « Nous n’avons pas le choix », a déclaré {a} devant les élus.",
		"Dans un rapport publié mardi, {I} critique la gestion de {T}. {i} demande des comptes à la municipalité.",
		"{A} a rappelé que {T} attend depuis des années l’aide promise par l’État. {b} lui a répondu que les habitants ne paieront pas.",
		"Ils étaient {N} devant la mairie. M. {b}, chef de file de l’opposition, a promis de saisir {J}.",
		"Les habitants de {T2} suivent le dossier de près. Pour {C}, commerçante installée depuis vingt ans, « rien n’est réglé ».",
		"Le président de la République avait promis une aide en mars. Le Premier ministre n’a rien confirmé depuis.",
		"{J} se prononcera avant l’été. En attendant, {A} et {B} doivent se revoir à {T2}.",
		"Interrogée, {C} estime que {I} a raison. « {i} dit tout haut ce que chacun pense », dit {c}.",
	}
	art := &article.Article{Title: capFirst(r.Replace(titles[w.rng.IntN(len(titles))])), Lang: "fr"}
	for _, k := range w.rng.Perm(len(paras))[:5+w.rng.IntN(4)] {
		art.Body = append(art.Body, article.Block{Kind: article.Paragraph, Text: sentences(r.Replace(paras[k]))})
	}
	return art
}

func (w *tagWorld) english(i int) *article.Article {
	town, town2 := w.place(), w.place()
	a, b, c := w.person(), w.person(), w.stranger(firstEn)
	inst, inst2 := w.institution(w.enInst, w.enLocal, town), w.institution(w.enInst, w.enLocal, town2)
	subj := w.pick(w.enTopic)
	last := func(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }
	r := strings.NewReplacer("{T}", town, "{T2}", town2, "{A}", a, "{a}", last(a), "{B}", b, "{b}", last(b),
		"{C}", c, "{c}", last(c), "{I}", inst[0], "{i}", inst[1], "{J}", inst2[0], "{j}", inst2[1], "{S}", subj,
		"{N}", fmt.Sprint(2+w.rng.IntN(400)))
	titles := []string{"{A} defends {S} in {T}", "{I} criticises {T} over {S}", "{T} divided over {S}", "What {I} found in {T}"}
	paras := []string{
		"The council of {T} debated {S} on Thursday night, in a meeting of {N} minutes watched by many residents.",
		"According to {A}, who leads on the file, the town must find millions. \"We have no choice,\" {a} told councillors.",
		"In a report published on Tuesday, {I} criticised the way {T} is run. {i} wants answers from the town hall.",
		"{A} said {T} had waited years for the help promised by the government. {b} replied that residents would not pay.",
		"There were {N} people outside the town hall. Mr {b}, who leads the opposition, promised to go to {J}.",
		"Residents of {T2} are watching closely. For {C}, a shopkeeper for twenty years, \"nothing is settled\".",
		"{J} will decide before the summer. Meanwhile {A} and {B} are due to meet again in {T2}.",
		"Asked about it, {C} said {I} was right. \"{i} says out loud what everyone thinks,\" said {c}.",
	}
	art := &article.Article{Title: capFirst(r.Replace(titles[w.rng.IntN(len(titles))])), Lang: "en"}
	for _, k := range w.rng.Perm(len(paras))[:4+w.rng.IntN(4)] {
		art.Body = append(art.Body, article.Block{Kind: article.Paragraph, Text: sentences(r.Replace(paras[k]))})
	}
	return art
}

// sentences gives every sentence and quotation of s a capital first letter, as a newsroom
// would print it.
func sentences(s string) string {
	var b strings.Builder
	up, prev := true, ' '
	for _, r := range s {
		if up && unicode.IsLetter(r) {
			r, up = unicode.ToUpper(r), false
		}
		switch {
		case r == '.' || r == '!' || r == '?' || r == '«':
			up = true
		case r == '"' && prev == ' ':
			up = true
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func capFirst(s string) string { return sentences(s) }
