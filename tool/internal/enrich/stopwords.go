package enrich

import "strings"

// stopWords are the function words and common sentence openers of French and English that may
// start a sentence with a capital letter but never name anything. Keys are folded (see key).
var stopWords = setOf(`
a à afin ainsi alors apres après au aucun aucune aujourd aujourd'hui auprès aussi autant autre autres aux avant avec
ayant bien car ce ceci cela celle celles celui cependant certes ces cet cette ceux chacun chaque chez ci
comme comment contre d dans de depuis des desormais désormais deux donc dont du duquel durant elle elles en encore
enfin entre environ et etait était ete été etre être eux face faut hier hormis ici il ils j je jusqu jusque l la
laquelle le lequel les lesquels leur leurs lorsque lors lui m ma mais malgre malgré me meme même mes moi moins mon
n ne ni non nos notre nous on or ou où outre par parce parfois parmi pas pendant peu peut plus plusieurs pour pourquoi pourtant
pres près puis puisque qu quand que quel quelle quelles quels qui quoi sa sans se selon ses si sien sinon soit son sont
sous suite sur surtout ta tandis tant te tel telle tels tes toi ton tous tout toute toutes tres très trois tu un une
vers via voici voila voilà vos votre vous y
ensuite egalement également cependant neanmoins néanmoins toutefois certains certaines d'abord dabord
lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre décembre
the a an and or but if of in on at to for from by with without as is are was were be been it its this that these
those he she they we you i his her their our your there here when while after before since during about over under
not no yes all some many most more much one two three also however meanwhile yet so then than though although
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
mr mrs ms dr
lire voir suite photo photos video vidéo source sources article articles
`)

// honorifics are the titles that precede a name and are no part of it ("M. Macron").
var honorifics = setOf(`m mm mme mmes mlle mlles dr pr me mgr mr mrs ms st ste sir`)

// connectors are the small words that may join the words of one name ("Groupe de Minsk",
// "Place de la Concorde", "Bank of England").
var connectors = setOf(`de du des d la le les l von van der den del della da di dos of the`)

// elisions are the French words that lose their vowel before another word ("l’OSCE").
var elisions = setOf(`l d j n s c m t qu jusqu lorsqu puisqu presqu quoiqu`)

// determiners are the words after which a capitalised word may be a demonym
// ("l’Azerbaïdjanais Ilham Aliyev").
var determiners = setOf(`l le la les un une du des`)

// demonymSuffixes end the French nouns of nationality.
var demonymSuffixes = []string{"ais", "aise", "ien", "ienne", "ain", "aine", "ois", "oise"}

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[key(w)] = true
		m[strings.ReplaceAll(key(w), " ", "")] = true
	}
	return m
}
