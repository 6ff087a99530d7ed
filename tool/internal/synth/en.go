package synth

import (
	"math/rand/v2"
	"strings"
)

// The English world: invented surnames, towns and newsrooms.
var (
	enFem   = strings.Fields("Priya Dana Harriet Imogen Keira Lorna Maeve Nadia Opal Petra Rowan Tamsin Verity Wren Zelda Agnes Bryony Cora Delia Esme Fern Greta Hollis Ivy Juno")
	enMasc  = strings.Fields("Colin Dev Alistair Barnaby Cedric Desmond Ellis Fletcher Gideon Horace Ivor Jasper Kit Lionel Magnus Noel Osric Percy Quinn Rufus Silas Tobias Ulric Wilfred Ansel")
	enLast  = strings.Fields("Ashdown Brackley Cotterill Dunmore Elsworth Fairweather Gosling Hatherley Ingleby Jessop Kettering Lathbury Marchbank Netherton Oakshott Pennefather Quarrington Rudge Southwell Thistlewood Upshaw Vantreight Whitlock Yardley Abernethy Blencowe Crabtree Dimmock Eversley Fothergill Grimshaw Hesketh Ilsley Juniper Kingsmill Loxley Mortlake Nettleship Ormerod Pickersgill Ravenscroft Sowerby Tilbrook Underhill Wetherall Birtwhistle Cragg Dewhurst Eastwood Fennimore")
	enRoots = strings.Fields("Mill Ash Harrow Oak Thorn Wil Brack Elm Fen Hollow Kings Lark Marsh Nether Red Stone Wester Alder Birch Cold Deer Fox Glen Heron Iron Juniper Kettle Lime Moor Pike")
	enForms = []string{"*brook", "*ford", "*field", "*haven", "*ton", "*wick", "*bury", "*dale", "*mouth", "*ridge", "Port *ley", "North *by"}
	enOrgs  = [][2]string{
		{"the ", "* Chamber of Commerce"}, {"the ", "* Harbor Authority"}, {"the ", "* Historical Society"},
		{"the ", "* Water Board"}, {"the ", "* School District"}, {"the ", "* Rowing Club"}, {"the ", "* Arts Council"},
		{"the ", "* Tenants Association"}, {"the ", "* Volunteer Fire Department"}, {"the ", "* Farmers Cooperative"},
		{"the ", "* Community Hospital"}, {"the ", "* Public Library"}, {"the ", "* Transit Authority"},
	}
	enNewsrooms = []Newsroom{
		{"The Millbrook Ledger", "millbrook-ledger.example"}, {"Harrowford Courier", "harrowford-courier.example"},
		{"The Ashdale Sentinel", "ashdale-sentinel.example"}, {"Thornmouth Gazette", "thornmouth-gazette.example"},
	}
)

func enLexicon(rng *rand.Rand) *lexicon {
	l := &lexicon{newsrooms: enNewsrooms}
	l.people, l.journalists = persons(rng, enFem, enMasc, enLast, peoplePerLang, journalistsPerLang)
	l.places = placeNames(rng, enRoots, enForms, placesPerLang)
	l.orgs = orgNames(rng, enOrgs, l.places, orgsPerLang)
	l.sections = strings.Fields("news business schools sports environment arts")
	l.subjects = []string{
		"the pool budget", "the maternity ward closure", "the new tram line", "the harbor renovation",
		"the winter floods", "the school merger", "the summer festival", "the market reform",
		"the water rates", "the night bus route", "the wind farm", "the school lunch program", "the bike plan",
		"the cinema reopening", "the police station move", "the retail park", "the farm college",
		"the drought", "the station works", "the mill closure", "the Christmas market",
		"the canal cycle path", "the new housing estate", "the health center", "the town stadium",
		"the bypass road", "the aquatic center", "the affordable housing plan", "the broadband rollout",
		"the spring parade", "the library extension", "the town campsite", "the sewage plant", "the suspension bridge",
	}
	roles := strings.Split("the town treasurer|president of the parents association|the school principal|an opposition councillor|a farmer for twenty years|a downtown shop owner|a county commissioner|a retired engineer|the doctor on call|a lobster fisher|the club coach|the town mayor", "|")
	l.lead = "The debate over {subject} resumed this week."
	l.roles = [2][]string{roles, roles}
	l.months = strings.Fields("January February March April May June July August September October November December")
	l.titles = []string{
		"{place} divided over {subject}",
		"{place} council debates {subject}",
		"{Subject}: {person} calls for talks",
		"{n} residents rally against {subject} in {place}",
		"{place} council approves {subject} after {n}-hour meeting",
		"What {subject} will change in {place}",
		"{Org} criticizes {subject}",
		"{person} revives {subject} in {place}",
	}
	l.sentences = []string{
		"person:According to {e}, {role}, the town must find {n} million dollars by {year}.",
		"person:“We have no choice,” said {e}, {role}, before a packed hall.",
		"person:{e}, {role}, presented the plan on Thursday evening to {n} people.",
		"person:For {e}, the timetable announced is not realistic.",
		"person:{e}, {role}, said the decision had been rushed.",
		"person2:{e} promised to come back before the council by the end of the month.",
		"person2:People close to {e} say nothing has been settled yet.",
		"person2:The answer from {e} is expected at the meeting on {month} {day}.",
		"person2:{e} said residents would not pay for past mistakes.",
		"place:The {e} council debated the matter for {n} hours, watched by residents from across the valley.",
		"place:In {e}, the question has divided residents since the spring.",
		"place:Residents of {e} are following the matter closely: the decision could affect them by the fall.",
		"place:The mayor of {e} met a delegation of {n} neighbors on Monday morning.",
		"place2:{e} has waited years for the aid the state promised.",
		"place2:The road linking {e} to the county seat will close for {n} days.",
		"place2:A public meeting is planned in {e} on {month} {day}.",
		"place2:In {e}, shop owners are far from agreed on the plan.",
		"org:In a statement, {e} denounced a decision made without consultation.",
		"org:{E} wants a meeting with state officials before the end of the month.",
		"org:According to {e}, {n} jobs could be at risk.",
		"org:{E} has filed an appeal in county court.",
		"org2:{E} will hold its annual meeting on {month} {day}.",
		"org2:{E} declined to comment.",
		"org2:Members of {e} will be consulted by mail.",
	}
	l.fillers = []string{
		"The project, estimated at {n} million dollars, would be paid for in part by the state.",
		"Work could begin in the spring of {year} if no appeal is filed.",
		"An online petition has already gathered {big} signatures.",
		"The matter will be taken up again at the next council meeting.",
		"Several neighbors voiced their concerns during the public hearing.",
		"The opposition wants an independent audit before any final vote.",
		"State officials said the timetable depends on environmental permits.",
		"Early figures show attendance rose {n} percent in one year.",
		"The motion passed {n} to {n} after a short recess.",
		"Local groups say they were kept in the dark and want a public debate.",
		"A public inquiry will open at town hall for one month this fall.",
		"The cost has doubled since the first studies, made {n} years ago.",
		"Downtown merchants fear a drop in sales while the work goes on.",
		"A steering committee of officials, residents and engineers will meet every three months.",
		"The county pledged a grant of {big} dollars for the first phase.",
		"Schools in the area will be consulted before September.",
		"A consulting firm has been asked to offer two options by the end of the year.",
		"The question will likely come back during the next town election.",
		"Last season's numbers surprised even the organizers.",
		"Several families say they will leave if nothing changes by summer.",
	}
	l.share = []string{"Share", "Facebook", "Email"}
	l.related = []string{"Related", "More stories", "Read next"}
	l.by = []string{"By ", " and ", "By "}
	l.relatedClass, l.picksHd, l.authorPath = "recommended", "Editors’ picks", "author"
	return l
}
