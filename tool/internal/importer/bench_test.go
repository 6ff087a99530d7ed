package importer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// The fictional world of the generated corpus.
var (
	firstNames = strings.Fields("Anne Bastien Claire Hugo Lucie Marion Yann Gaston Élise Mathis Inès Rémi Salomé Théo Adèle Baptiste Capucine Damien Estelle Félix Gabrielle Hélène Jules Léna Maël Noémie Octave Pauline Quentin Rose")
	lastNames  = strings.Fields("Delorme Fontanel Martel Morel Varenne Chastel Kerbellec Lebrun Aubertin Baudrier Cassagne Dufresnoy Espérandieu Falguière Garnotel Hautecœur Isnardon Jaubert Lamarque Massebœuf Nogaret Orsini Peyrolles Quintard Rabanel Sauvageot Tessandier Urbain Vaissière Wattrelot")
	places     = []string{"Valmont", "Port-Aubrac", "Montclair", "Haute-Sélève", "Saint-Orvel", "Brévenne", "Castelroux", "Lanvézec", "Miraval", "Pontarlé", "Roche-Guyard", "Vernade", "Aigrefeuille", "Belcastel", "Coudray-Lès-Bains", "Durandal", "Estaron", "Fontvieille-sur-Aude"}
	orgs       = [][2]string{{"Union des Commerçants de Valmont", "UCV"}, {"Agence Maritime de la Sélève", "AMS"}, {"Conseil Régional de Brévenne", "CRB"}, {"Syndicat des Pêcheurs Aubracois", "SPA"}, {"Office des Forêts de Montclair", "OFM"}, {"Banque Populaire de Castelroux", "BPC"}, {"Comité des Fêtes de Miraval", "CFM"}, {"Fédération des Vignerons de Vernade", "FVV"}}
	subjects   = []string{"le budget", "les quotas de pêche", "la fermeture de l’hôpital", "le nouveau tramway", "la rénovation du port", "les inondations", "la fusion des communes", "le festival d’été", "la réforme des marchés", "les tarifs de l’eau"}
)

// generated is one fictional scrape of the generated corpus.
type generated struct {
	title string
	body  []string
}

// generateCorpus writes n fictional scrapes in the seed's layout into dir on fsys: a byline,
// body paragraphs naming people, places and organisations, the title, and teasers that
// announce other articles of the corpus by excerpt or title, or articles outside it.
func generateCorpus(fsys afero.Fs, dir string, n int) error {
	if err := fsys.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(4, 2026))
	person := func() string {
		return firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
	}
	arts := make([]generated, n)
	for i := range arts {
		p1, p2 := person(), person()
		place, place2 := places[rng.IntN(len(places))], places[rng.IntN(len(places))]
		org := orgs[rng.IntN(len(orgs))]
		subj := subjects[rng.IntN(len(subjects))]
		g := generated{title: fmt.Sprintf("À %s, %s divise élus et habitants pour la %de fois", place, subj, i+2)}
		g.body = []string{
			fmt.Sprintf("Le conseil de %s a débattu %s jeudi soir, une séance de %d heures suivie par %d habitants venus de toute la vallée.", place, subj, 2+rng.IntN(5), 50+rng.IntN(400)),
			fmt.Sprintf("Selon %s, adjointe chargée du dossier, la ville doit trouver %d millions d’euros d’ici %d. « Nous n’avons pas le choix », a déclaré %s devant les élus.", p1, 1+rng.IntN(9), 2027+rng.IntN(4), strings.Fields(p1)[1]),
			fmt.Sprintf("Dans un communiqué, l’%s (%s) dénonce une décision prise sans concertation. L’%s réclame une rencontre avec %s avant la fin du mois.", org[0], org[1], org[1], p1),
			fmt.Sprintf("Ils étaient plus de %d devant la mairie. M. %s, chef de file de l’opposition, a promis de saisir la justice administrative.", 20+rng.IntN(300), p2),
			fmt.Sprintf("Les habitants de %s, la commune voisine, suivent le dossier de près : %s pourrait aussi les concerner dès l’automne.", place2, subj),
			fmt.Sprintf("%s a rappelé que %s attend depuis des années l’aide promise par l’État. %s lui a répondu que les habitants ne paieront pas pour les erreurs passées.", p1, place, p2),
		}
		arts[i] = g
	}
	for i, g := range arts {
		var b strings.Builder
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "Par %s et %s\n", person(), person())
		case 1, 2, 3:
			fmt.Fprintf(&b, "Par %s\n", person())
		}
		for _, p := range g.body {
			b.WriteString(p + "\n")
		}
		b.WriteString(g.title + "\nSe Propager\nLa rédaction vous conseille\nA lire aussi\n")
		if i > 0 {
			other := arts[rng.IntN(i)]
			excerpt := strings.Join(other.body, " ")[:100]
			fmt.Fprintf(&b, "%s\n- by %s\n", strings.ReplaceAll(excerpt, "’", "'"), person())
			fmt.Fprintf(&b, "%s\n- by %s\n", arts[rng.IntN(i)].title, person())
		}
		fmt.Fprintf(&b, "Le marché de %s fête ses %d ans avec un concert gratuit sur la place\n- by %s\n", places[rng.IntN(len(places))], 10+rng.IntN(90), person())
		name := fmt.Sprintf("%s/%05d.txt", dir, i)
		if err := afero.WriteFile(fsys, name, []byte(b.String()), 0o644); err != nil {
			return err
		}
		if err := fsys.Chtimes(name, epoch, epoch); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkImport10k imports 10,000 generated scrapes into an empty site on a memory
// filesystem (afero.MemMapFs) and reports the import rate, the time spent reading, enriching
// and writing, and the time of a second import of the same scrapes (which writes nothing).
// Run it with: go test -run '^$' -bench Import10k -benchtime 1x ./tool/internal/importer/
// MemMapFs renames in time proportional to the number of files it holds, so the write stage
// grows faster than on a disk: see BenchmarkImport10kDisk.
func BenchmarkImport10k(b *testing.B) {
	benchmarkImport(b, 10000, func(*testing.B) afero.Fs { return afero.NewMemMapFs() })
}

// BenchmarkImport1k is BenchmarkImport10k on 1,000 scrapes, to see how the cost grows.
func BenchmarkImport1k(b *testing.B) {
	benchmarkImport(b, 1000, func(*testing.B) afero.Fs { return afero.NewMemMapFs() })
}

// BenchmarkImport10kDisk is BenchmarkImport10k on the disk, in a temporary folder.
func BenchmarkImport10kDisk(b *testing.B) {
	benchmarkImport(b, 10000, func(b *testing.B) afero.Fs { return afero.NewBasePathFs(afero.NewOsFs(), b.TempDir()) })
}

// stageClock is a Progress that measures the wall and CPU time of each stage: on a loaded
// machine the CPU time says more than the wall time.
type stageClock struct {
	stage     string
	wall0     time.Time
	cpu0      time.Duration
	wall, cpu map[string]time.Duration
}

func newStageClock() *stageClock {
	return &stageClock{wall: map[string]time.Duration{}, cpu: map[string]time.Duration{}}
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (c *stageClock) Start(stage string, _ int, _ Unit) {
	c.stage, c.wall0, c.cpu0 = stage, time.Now(), cpuTime()
}
func (c *stageClock) Step(int) {}
func (c *stageClock) Done() {
	c.wall[c.stage] += time.Since(c.wall0)
	c.cpu[c.stage] += cpuTime() - c.cpu0
}

func benchmarkImport(b *testing.B, n int, newFs func(*testing.B) afero.Fs) {
	var total, totalCPU, rerun, rerunCPU time.Duration
	clock := newStageClock()
	runs := 0
	for b.Loop() {
		b.StopTimer()
		fsys := newFs(b)
		if err := generateCorpus(fsys, site+"/scrapes", n); err != nil {
			b.Fatal(err)
		}
		opts := importOpts(fsys)
		opts.Progress = clock
		b.StartTimer()
		start, cpu := time.Now(), cpuTime()
		rep, err := Run(opts)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		totalCPU += cpuTime() - cpu
		b.StopTimer()
		if len(rep.Failures) > 0 || len(rep.Items) != n {
			b.Fatalf("%d items, %d failures: %v", len(rep.Items), len(rep.Failures), rep.Failures[:min(3, len(rep.Failures))])
		}
		start, cpu = time.Now(), cpuTime()
		if _, err := Run(importOpts(fsys)); err != nil {
			b.Fatal(err)
		}
		rerun += time.Since(start)
		rerunCPU += cpuTime() - cpu
		runs++
		b.StartTimer()
	}
	r := float64(runs)
	b.ReportMetric(float64(n)*r/total.Seconds(), "articles/s")
	b.ReportMetric(float64(n)*r/totalCPU.Seconds(), "articles/cpu-s")
	for _, st := range []string{StageRead, StageEnrich, StageWrite} {
		b.ReportMetric(clock.wall[st].Seconds()/r, st+"-s")
		b.ReportMetric(clock.cpu[st].Seconds()/r, st+"-cpu-s")
	}
	b.ReportMetric(rerun.Seconds()/r, "rerun-s")
	b.ReportMetric(rerunCPU.Seconds()/r, "rerun-cpu-s")
}
