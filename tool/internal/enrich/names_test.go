package enrich

import (
	"slices"
	"sort"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// mentionedNames returns the names an article mentions, as the tagger would print them, in
// the order of their first mention: the candidates its tags are chosen from.
func mentionedNames(a *article.Article) []string {
	lex := newLexicon()
	title, body := tokenize(a.Title), bodyTokens(a)
	lex.learn(title)
	for _, p := range body {
		lex.learn(p)
	}
	cands := lex.candidates(title, body, nameWordsOf(a), nil)
	list := make([]*candidate, 0, len(cands))
	for _, c := range cands {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].first < list[j].first })
	var out []string
	for _, c := range list {
		out = append(out, c.display())
	}
	return out
}

// TestInstitutionNames reads the names of institutions the way French, English and Spanish
// newsrooms print them: particles and adjectives in lower case stay in the name, a head noun
// alone ("la Cour") is a mention of the article's longer name or nothing, and a role is no
// name. The sentences are fictional; the expected names were written before the code ran.
func TestInstitutionNames(t *testing.T) {
	for _, c := range []struct {
		msg, lang string
		body      []string
		want      []string
	}{
		{
			msg:  "an adjective of nationality after the head; the head alone abbreviates it",
			body: []string{"L’Union européenne a sanctionné Valmont-sur-Sèle. L’Union reproche à la ville ses retards."},
			want: []string{"Union européenne", "Valmont-sur-Sèle"},
		},
		{
			msg:  "a complement in lower case after the head",
			body: []string{"La Cour des comptes publie son rapport. Selon la Cour, le port de Brévenne perd de l’argent."},
			want: []string{"Cour des comptes", "Brévenne"},
		},
		{
			msg:  "two complements joined by et, then the town",
			body: []string{"La Chambre de commerce et d’industrie de Valmont réunit ses membres. La Chambre soutient le projet d’Anne Delorme."},
			want: []string{"Chambre de commerce et d’industrie de Valmont", "Anne Delorme"},
		},
		{
			msg:  "two adjectives; an adjective of institution; a capitalised complement",
			body: []string{"La Banque centrale européenne relève ses taux. L’Assemblée nationale débat du budget et le Conseil d’État rendra son avis."},
			want: []string{"Banque centrale européenne", "Assemblée nationale", "Conseil d’État"},
		},
		{
			msg:  "a ministry in lower case before its capitalised domain; its minister names the ministry",
			body: []string{"Le ministère de l’Intérieur a saisi le Conseil constitutionnel. La ministre de la Culture, Claire Fontanel, n’a pas réagi."},
			want: []string{"ministère de l’Intérieur", "Conseil constitutionnel", "ministère de la Culture", "Claire Fontanel"},
		},
		{
			msg:  "generic heads alone are never names",
			body: []string{"Le Conseil a voté mardi. La Cour a tranché, et le Président a parlé à Miraval. L’Union et la Chambre se taisent."},
			want: []string{"Miraval"},
		},
		{
			msg:  "roles: the President of the Republic, the Prime Minister, a title before a name",
			body: []string{"Le président de la République a reçu Anne Delorme. Le Premier ministre était présent, comme le Président Hugo Martel."},
			want: []string{"Anne Delorme", "Hugo Martel"},
		},
		{
			msg:  "long names with articles inside, never joined across et la",
			body: []string{"L’Organisation mondiale de la santé et la Cour européenne des droits de l’homme ont été saisies par la Caisse des dépôts et consignations."},
			want: []string{"Organisation mondiale de la santé", "Cour européenne des droits de l’homme", "Caisse des dépôts et consignations"},
		},
		{
			msg:  "a complement stops before an acronym and at a verb",
			body: []string{"Le Conseil de sécurité de l’ONU se réunit. La Haute Autorité de santé recommande un rappel."},
			want: []string{"Conseil de sécurité", "ONU", "Haute Autorité de santé"},
		},
		{
			msg:  "a body named after its town, its acronym, and the town",
			body: []string{"L’Union des commerçants de Valmont (UCV) proteste. L’UCV veut rencontrer le maire de Valmont."},
			want: []string{"Union des commerçants de Valmont", "UCV", "Valmont"},
		},
		{
			msg:  "a regional council, and a town after a lower-case word",
			body: []string{"Le Conseil régional de Brévenne vote le budget de Valmont mardi."},
			want: []string{"Conseil régional de Brévenne", "Valmont"},
		},
		{
			msg:  "no adjective after a person's name",
			body: []string{"Une Anne Delorme populaire a gagné à Valmont."},
			want: []string{"Anne Delorme", "Valmont"},
		},
		{
			msg:  "English: capitalised names, and the head alone abbreviating one of them",
			lang: "en",
			body: []string{"The European Central Bank raised rates. The Bank said the Court of Appeal and the House of Commons were told."},
			want: []string{"European Central Bank", "Court of Appeal", "House of Commons"},
		},
		{
			msg:  "English: for inside a name, a head at the end, a title before a name",
			lang: "en",
			body: []string{"The Department for Education wrote to the Valmont City Council. The Council replied, and President Anne Delorme spoke."},
			want: []string{"Department for Education", "Valmont City Council", "Anne Delorme"},
		},
		{
			msg:  "Spanish, a table only: a minister names the ministry, articles inside a name, a head alone",
			lang: "es",
			body: []string{"El ministro de Hacienda habló con el Congreso de los Diputados. El Consejo aprobó el plan."},
			want: []string{"ministerio de Hacienda", "Congreso de los Diputados"},
		},
	} {
		a := newArticle("/a", "Un article", c.body...)
		if c.lang != "" {
			a.Lang = c.lang
		}
		if got := mentionedNames(a); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got  %q\n want %q", c.msg, got, c.want)
		}
	}
}
