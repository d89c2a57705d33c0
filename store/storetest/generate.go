package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// GeneratedDataset is the name of every dataset Generate makes.
const GeneratedDataset = "gen"

// Shapes lists the shapes of career-move graphs Generate makes:
//
//   - chain: p000 → p001 → … → p029, one line of moves;
//   - cycle: a chain whose last profession leads back to the first;
//   - diamond: layers of professions, each leading to two or three of the next layer, so that
//     many paths of equal length join (ties broken by name, then ID);
//   - star: a hub that leads to every other profession, and some that lead back to it;
//   - isolated: a few moves, most professions without any link at all;
//   - dense: a random graph where each profession leads to up to five others;
//   - mixed: a chain, a cycle, a diamond and isolated professions side by side, plus random moves;
//   - large: a "dense" graph of 10,000 nodes (4,000 professions, 4,000 skills, 1,000 tools,
//     1,000 trainings) for load and query timings.
//
// Whatever the shape, names repeat (the same name on several IDs, and names that differ only in
// case and accents, so that their sort keys tie), carry accents and French inclusive forms, and
// skills and tools are shared between professions.
var Shapes = []string{"chain", "cycle", "diamond", "star", "isolated", "dense", "mixed", "large"}

// Vocabulary the generated names are drawn from.
var (
	genTitles = []string{
		"Développeur·euse", "Directeur·rice", "Chef·fe", "Électricien·ne", "Ingénieur·e",
		"Conseiller·ère", "Technicien / Technicienne", "Analyste", "Architecte", "Agent(e)",
		"Responsable", "Opérateur·rice", "Électricien", "electricien", "ÉLECTRICIEN",
	}
	genFields = []string{
		"web", "back end", "front end", "réseau", "données", "logiciel", "qualité", "sécurité",
		"cloud", "systèmes", "projet", "maintenance", "études", "bâtiment", "", "",
	}
	genSkillWords = []string{
		"Gestion", "Analyse", "Conception", "Programmation", "Maîtrise", "Connaissance",
		"Rédaction", "Contrôle", "Négociation", "Écoute", "Sécurité", "Maintenance",
	}
	genSkillObjects = []string{
		"des bases de données", "des réseaux", "d'un projet", "de la qualité", "du code",
		"des risques", "des clients", "du budget", "des tests", "de l'équipe", "", "",
	}
	genAttitudes = []string{
		"Rigueur", "Autonomie", "Curiosité", "Réactivité", "Esprit d'équipe", "Mobilité",
		"Sens de l'écoute", "Créativité",
	}
	genTools = []string{
		"Git", "Visual Studio Code", "PhpStorm", "Slack", "Trello", "Google Drive", "Photoshop",
		"PaintNet", "Firefox", "Chrome", "Excel", "AutoCAD", "Multimètre", "Tournevis",
	}
	genCategories = []string{"Outils de développement", "Navigateur web", "Communication", "Bureautique", ""}
	genTrainings  = []string{
		"Bachelier en informatique", "Master en sciences", "CESS technique", "Formation qualifiante",
		"Certificat d'électricien·ne", "Brevet d'aptitude", "Promotion sociale",
	}
)

// genSize is the number of nodes of each kind a shape makes.
type genSize struct {
	professions, skills, tools, trainings int
}

// Generate returns a valid dataset named GeneratedDataset whose career moves have the given
// shape (one of Shapes; an unknown shape panics), drawn from a pseudo-random generator seeded
// with seed: the same seed and shape always give the same dataset.
func Generate(seed int64, shape string) *career.Dataset {
	if !slices.Contains(Shapes, shape) {
		panic(fmt.Sprintf("storetest.Generate: unknown shape %q (want one of %v)", shape, Shapes))
	}
	size := genSize{professions: 30, skills: 40, tools: 12, trainings: 8}
	if shape == "large" {
		size = genSize{professions: 4000, skills: 4000, tools: 1000, trainings: 1000}
	}
	g := &generator{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), d: &career.Dataset{}}
	g.nodes(size)
	g.links()
	g.moves(shape)
	return g.d
}

type generator struct {
	rng *rand.Rand
	d   *career.Dataset
	// attitudes are the indexes of the skills of kind ATTITUDE.
	attitudes []int
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// name joins words, skipping empty ones.
func name(words ...string) string {
	out := ""
	for _, w := range words {
		if w == "" {
			continue
		}
		if out != "" {
			out += " "
		}
		out += w
	}
	return out
}

// nodes makes the professions, skills, tools and trainings.
func (g *generator) nodes(size genSize) {
	ds := GeneratedDataset
	g.d.Info = career.DatasetInfo{
		Name: ds, Title: "Generated career graph", Version: "1", Attribution: "careergraph storetest.Generate",
	}
	for i := range size.professions {
		code := fmt.Sprintf("p%04d", i)
		p := career.Profession{
			ID: career.MakeID(career.KindProfession, ds, code), Dataset: ds, Code: code,
			Name:     name(g.pick(genTitles), g.pick(genFields)),
			Language: "fr", Source: "generated",
		}
		if g.rng.IntN(3) == 0 {
			p.AlternativeNames = []string{name(g.pick(genTitles), g.pick(genFields))}
		}
		if g.rng.IntN(2) == 0 {
			p.Summary = "Résumé de " + p.Name + "."
			p.Tasks = []string{"Tâche " + code + " a", "Tâche " + code + " b"}
		}
		if g.rng.IntN(2) == 0 {
			p.Sector = []string{"Informatique", "Construction", "Industrie"}[g.rng.IntN(3)]
		}
		// A broader profession: one with a smaller index, so that specialisations form trees.
		if i > 0 && g.rng.IntN(6) == 0 {
			p.SpecializationOf = career.MakeID(career.KindProfession, ds, fmt.Sprintf("p%04d", g.rng.IntN(i)))
		}
		g.d.Professions = append(g.d.Professions, p)
	}
	for i := range size.skills {
		code := fmt.Sprintf("s%04d", i)
		s := career.Skill{ID: career.MakeID(career.KindSkill, ds, code), Dataset: ds, Code: code, Language: "fr"}
		switch g.rng.IntN(4) {
		case 0:
			s.Kind, s.Name = career.SkillKindAttitude, g.pick(genAttitudes)
			g.attitudes = append(g.attitudes, i)
		case 1:
			s.Kind, s.Name = career.SkillKindKnowledge, name("Connaissance", g.pick(genSkillObjects))
		default:
			s.Kind, s.Name = career.SkillKindSkill, name(g.pick(genSkillWords), g.pick(genSkillObjects))
		}
		if g.rng.IntN(4) == 0 {
			s.AlternativeNames = []string{name(g.pick(genSkillWords), g.pick(genSkillObjects))}
		}
		if g.rng.IntN(3) == 0 {
			s.Description = "Description de " + s.Name + "."
		}
		g.d.Skills = append(g.d.Skills, s)
	}
	for i := range size.tools {
		code := fmt.Sprintf("t%04d", i)
		g.d.Tools = append(g.d.Tools, career.Tool{
			ID: career.MakeID(career.KindTool, ds, code), Dataset: ds, Code: code,
			Name: g.pick(genTools), Category: g.pick(genCategories),
		})
	}
	levels := []career.TrainingLevel{career.LevelSecondary, career.LevelHigherShort, career.LevelHigherLong,
		career.LevelAdultEducation, career.LevelVocational, career.LevelOther}
	for i := range size.trainings {
		code := fmt.Sprintf("f%04d", i)
		t := career.Training{
			ID: career.MakeID(career.KindTraining, ds, code), Dataset: ds, Code: code,
			Name: g.pick(genTrainings), Level: levels[g.rng.IntN(len(levels))],
		}
		if g.rng.IntN(2) == 0 {
			years := float64(1+g.rng.IntN(10)) / 2
			t.DurationYears = &years
		}
		g.d.Trainings = append(g.d.Trainings, t)
	}
}

// distinct returns up to n distinct indexes below limit, in random order.
func (g *generator) distinct(n, limit int) []int {
	if limit == 0 {
		return nil
	}
	return g.rng.Perm(limit)[:min(n, limit)]
}

// links makes requirements, qualities, tool uses and training links. Every fifth profession
// gets none, so that some professions stand alone.
func (g *generator) links() {
	for i, p := range g.d.Professions {
		if i%5 == 4 {
			continue
		}
		for _, s := range g.distinct(g.rng.IntN(7), len(g.d.Skills)) {
			imp := career.Essential
			if g.rng.IntN(3) == 0 {
				imp = career.Optional
			}
			g.d.Requirements = append(g.d.Requirements, career.Requirement{ProfessionID: p.ID, SkillID: g.d.Skills[s].ID, Importance: imp})
		}
		for _, a := range g.distinct(g.rng.IntN(3), len(g.attitudes)) {
			g.d.Qualities = append(g.d.Qualities, career.Link{ProfessionID: p.ID, TargetID: g.d.Skills[g.attitudes[a]].ID})
		}
		for _, t := range g.distinct(g.rng.IntN(4), len(g.d.Tools)) {
			g.d.ToolUses = append(g.d.ToolUses, career.Link{ProfessionID: p.ID, TargetID: g.d.Tools[t].ID})
		}
		for _, t := range g.distinct(g.rng.IntN(3), len(g.d.Trainings)) {
			g.d.TrainingLinks = append(g.d.TrainingLinks, career.Link{ProfessionID: p.ID, TargetID: g.d.Trainings[t].ID})
		}
	}
}

// moves makes the career moves of a shape, never a move to oneself nor the same move twice.
func (g *generator) moves(shape string) {
	n := len(g.d.Professions)
	seen := make(map[[2]int]bool)
	add := func(from, to int) {
		if from == to || from < 0 || to < 0 || from >= n || to >= n || seen[[2]int{from, to}] {
			return
		}
		seen[[2]int{from, to}] = true
		kind := career.MoveProgression
		if g.rng.IntN(3) == 0 {
			kind = career.MoveLateral
		}
		g.d.Moves = append(g.d.Moves, career.Move{FromID: g.d.Professions[from].ID, ToID: g.d.Professions[to].ID, Kind: kind})
	}
	chain := func(from, to int) { // from → from+1 → … → to
		for i := from; i < to; i++ {
			add(i, i+1)
		}
	}
	diamond := func(from, to, width int) { // layers of width professions in [from, to)
		for i := from; i < to; i++ {
			next := from + ((i-from)/width+1)*width
			for _, j := range g.distinct(2+g.rng.IntN(2), width) {
				if next+j < to {
					add(i, next+j)
				}
			}
		}
	}
	random := func(from, to, degree int) {
		for i := from; i < to; i++ {
			for range g.rng.IntN(degree + 1) {
				add(i, from+g.rng.IntN(to-from))
			}
		}
	}
	switch shape {
	case "chain":
		chain(0, n-1)
	case "cycle":
		chain(0, n-1)
		add(n-1, 0)
	case "diamond":
		diamond(0, n, 5)
	case "star":
		for i := 1; i < n; i++ {
			add(0, i)
			if i%3 == 0 {
				add(i, 0)
			}
		}
	case "isolated":
		add(0, 1)
		add(1, 2)
		add(3, 2)
	case "dense", "large":
		random(0, n, 5)
	case "mixed":
		chain(0, 7)        // p0000 … p0007
		chain(8, 13)       // a cycle p0008 … p0013
		add(13, 8)         //
		diamond(14, 24, 3) // layers of three
		random(0, 24, 1)   // random moves across the parts; p0024 … stay alone
	}
}
