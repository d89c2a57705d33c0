// Package rome reads the ROME 4.0 open-data export of France Travail (the "RefRomeCsv" files,
// release v460) into a normalized career.Dataset: fiches métiers become professions, compétences
// and savoirs become skills (or tools), "coeur de métier" links become essential requirements,
// the mobility rubric becomes career moves and the "accès au métier" texts become trainings.
// README.md documents the mapping.
package rome

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// The dataset's identity.
const (
	// Name is the dataset name, the middle part of every global ID ("profession:rome:M1805").
	Name = "rome"
	// Title is the dataset's human-readable title.
	Title = "ROME 4.0 — Répertoire Opérationnel des Métiers et des Emplois"
	// Version is the release of the export.
	Version = "460"
	// Attribution is the line that must be shown wherever the data is served.
	Attribution = "Source : France Travail – Répertoire Opérationnel des Métiers et des Emplois (ROME 4.0, version 460)"
	// Language is the language of every text of the export.
	Language = "fr"
)

// The files the reader needs, as published (each may also be given gzip-compressed as X.gz).
const (
	FileFiches      = "unix_referentiel_code_rome_v460_utf8.csv"
	FileAppellation = "unix_referentiel_appellation_v460_utf8.csv"
	FileDomaines    = "unix_domaine_professionnel_v460_utf8.csv"
	FileGrandDomain = "unix_grand_domaine_v460_utf8.csv"
	FileTexte       = "unix_texte_v460_utf8.csv"
	FileCompetence  = "unix_referentiel_competence_v460_utf8.csv"
	FileSavoir      = "unix_referentiel_savoir_v460_utf8.csv"
	FileCoherence   = "unix_coherence_item_v460_utf8.csv"
	FileLiens       = "unix_liens_rome_referentiels_v460_utf8.csv"
	FileMobilite    = "unix_rubrique_mobilite_v460_utf8.csv"
	FileContextes   = "unix_referentiel_contexte_travail_v460_utf8.csv"
	FileRiasec      = "unix_referentiel_code_rome_riasec_v460_utf8.csv"
)

// Files lists the files Read needs, in the order it reads them.
func Files() []string {
	return []string{FileDomaines, FileGrandDomain, FileFiches, FileAppellation, FileTexte, FileCompetence, FileSavoir,
		FileCoherence, FileContextes, FileLiens, FileMobilite, FileRiasec}
}

// toolCategories are the sous-catégories of savoirs that name tools, machines, software or
// equipment: their savoirs become Tools (with the sous-catégorie as category), not skills.
var toolCategories = []string{
	"Outils, machines, équipement matériel",
	"Logiciels, progiciels",
	"Véhicules",
	"Instruments de musique",
}

// ToolCategories returns the savoir sous-catégories whose savoirs become Tools.
func ToolCategories() []string { return slices.Clone(toolCategories) }

// languageCategory is the savoir sous-catégorie whose savoirs are languages (kind LANGUAGE).
const languageCategory = "Langues"

// Text types of unix_texte.
const (
	textDefinition = "definition"
	textAccess     = "acces_metier"
)

// The bloc of unix_liens_rome_referentiels that links fiches to compétences and savoirs.
const blocCompetences = "5"

// Values of coeur_metier in unix_coherence_item.
const (
	coreMain     = "Principale" // coeur de métier → ESSENTIAL
	coreEmerging = "Émergente"  // an emerging skill → OPTIONAL
)

// Read reads the ROME export in dir (the files named by Files, as published) into a validated
// Dataset. Malformed input fails with a *dataset.ParseError; what is dropped or repaired is
// reported as warnings.
func Read(dir string) (*career.Dataset, []dataset.Warning, error) {
	r := &reader{dir: dir, fiches: map[string]*fiche{}, items: map[string]item{}}
	steps := []func() error{r.readDomaines, r.readGrandDomaines, r.readFiches, r.readAppellations, r.readTextes,
		r.readCompetences, r.readSavoirs, r.readCoherence, r.readContextes, r.readLiens, r.readMobilite,
		r.readRiasec, r.readSkillGraph}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, r.warnings, fmt.Errorf("read rome: %w", err)
		}
	}
	d := r.build()
	r.buildInterests(d)
	ws, err := dataset.Validate(d)
	r.warnings = append(r.warnings, ws...)
	if err != nil {
		return nil, r.warnings, fmt.Errorf("read rome: %w", err)
	}
	return d, r.warnings, nil
}

// reader holds what has been read so far.
type reader struct {
	dir      string
	warnings []dataset.Warning

	domaines map[string]string // code_domaine_professionnel → label
	grands   map[string]string // code_grand_domaine → label (groups.go)
	order    []*fiche          // fiches in file order
	fiches   map[string]*fiche // by code ROME

	skills []career.Skill
	tools  []career.Tool
	items  map[string]item // code_ogr → skill or tool

	essential map[linkKey]bool // (fiche, code_ogr) with coeur_metier "Principale"

	contextes  map[string]string // code_ogr → libelle_cont_travail
	skillGraph career.SkillGraph // skillgraph.go
}

// fiche is a fiche métier being read.
type fiche struct {
	code, name, parent, cadre string
	appellations              []string
	definition, access        []phrase
	links                     []itemLink
	linked                    map[string]bool // code_ogr already linked
	moves                     []move
	contexts                  []string // libelle_cont_travail, in the links file's order
	riasec                    string
}

type phrase struct {
	pos  int
	text string
}

type itemLink struct {
	ogr       string
	essential bool
}

type move struct {
	ordre  int
	target string
	file   string
	line   int
}

// item is a compétence or savoir: a skill or a tool, by index.
type item struct {
	tool  bool
	index int
}

type linkKey struct{ code, ogr string }

func (r *reader) warn(w dataset.Warning) { r.warnings = append(r.warnings, w) }

// forEach opens a file, checks its header and calls fn for each record (see dataset.Table.Each)
// with the indexes of cols in the header. The export is comma-separated, and its problems are
// worded as dataset.DefaultTableMessages.
func (r *reader) forEach(name string, cols []string, fn func(t *dataset.Table, c []int) error) error {
	t, err := dataset.OpenTable(r.dir, name, dataset.TableOptions{}, cols...)
	if err != nil {
		return err
	}
	defer t.Close()
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = t.Col(c)
	}
	return t.Each(func([]string) error { return fn(t, idx) })
}

// required returns the cleaned value of column i of the current record, failing when it is empty.
func required(t *dataset.Table, i int, name string) (string, error) {
	v := Clean(t.Record()[i])
	if v == "" {
		return "", t.Errorf("empty %s", name)
	}
	return v, nil
}

func (r *reader) readDomaines() error {
	r.domaines = map[string]string{}
	cols := []string{"code_domaine_professionnel", "libelle_domaine_professionnel"}
	return r.forEach(FileDomaines, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		if _, dup := r.domaines[code]; dup {
			return t.Errorf("duplicate code_domaine_professionnel %q", code)
		}
		r.domaines[code] = Clean(t.Record()[c[1]])
		return nil
	})
}

func (r *reader) readFiches() error {
	cols := []string{"code_rome", "libelle_rome", "code_rome_parent", "emploi_cadre"}
	return r.forEach(FileFiches, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		name, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		if _, dup := r.fiches[code]; dup {
			return t.Errorf("duplicate code_rome %q", code)
		}
		f := &fiche{code: code, name: name, parent: Clean(t.Record()[c[2]]), cadre: Clean(t.Record()[c[3]]), linked: map[string]bool{}}
		r.fiches[code] = f
		r.order = append(r.order, f)
		return nil
	})
}

// fiche looks up the fiche a record names, warning when it is unknown.
func (r *reader) fiche(t *dataset.Table, code string) *fiche {
	f := r.fiches[code]
	if f == nil {
		r.warn(t.Warnf("unknown code_rome %q: record dropped", code))
	}
	return f
}

func (r *reader) readAppellations() error {
	cols := []string{"code_ogr", "libelle_appellation_long", "code_rome"}
	err := r.forEach(FileAppellation, cols, func(t *dataset.Table, c []int) error {
		name, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		code, err := required(t, c[2], cols[2])
		if err != nil {
			return err
		}
		if f := r.fiche(t, code); f != nil && name != f.name {
			f.appellations = append(f.appellations, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Alphabetical (by the folded name, as lists are), without duplicates.
	type keyed struct{ key, name string }
	var ks []keyed
	for _, f := range r.order {
		ks = ks[:0]
		for _, a := range f.appellations {
			ks = append(ks, keyed{career.SortKey(a), a})
		}
		slices.SortFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name)) })
		f.appellations = f.appellations[:0]
		for i, k := range ks {
			if i == 0 || k.name != ks[i-1].name {
				f.appellations = append(f.appellations, k.name)
			}
		}
	}
	return nil
}

func (r *reader) readTextes() error {
	cols := []string{"code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"}
	err := r.forEach(FileTexte, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		pos, err := strconv.Atoi(t.Record()[c[2]])
		if err != nil {
			return t.Errorf("position_phrase %q is not a number", t.Record()[c[2]])
		}
		text := Clean(t.Record()[c[3]])
		f := r.fiche(t, code)
		switch {
		case f == nil:
		case text == "":
			r.warn(t.Warnf("empty libelle_texte: dropped"))
		case t.Record()[c[1]] == textDefinition:
			f.definition = append(f.definition, phrase{pos, text})
		case t.Record()[c[1]] == textAccess:
			f.access = append(f.access, phrase{pos, text})
		default:
			r.warn(t.Warnf("unknown libelle_type_texte %q: dropped", t.Record()[c[1]]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range r.order {
		byPos := func(a, b phrase) int { return cmp.Compare(a.pos, b.pos) }
		slices.SortStableFunc(f.definition, byPos)
		slices.SortStableFunc(f.access, byPos)
	}
	return nil
}

// addItem registers a skill or tool under its code_ogr.
func (r *reader) addItem(t *dataset.Table, ogr string, it item) error {
	if _, dup := r.items[ogr]; dup {
		return t.Errorf("duplicate code_ogr %q", ogr)
	}
	r.items[ogr] = it
	return nil
}

func (r *reader) readCompetences() error {
	cols := []string{"code_ogr", "libelle_competence", "definition", "cat_comp"}
	return r.forEach(FileCompetence, cols, func(t *dataset.Table, c []int) error {
		ogr, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		name, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		var kind career.SkillKind
		switch cat := t.Record()[c[3]]; cat {
		case "Savoir-faire":
			kind = career.SkillKindSkill
		case "Savoir-être professionnel":
			kind = career.SkillKindAttitude
		default:
			return t.Errorf("unknown cat_comp %q: want \"Savoir-faire\" or \"Savoir-être professionnel\"", cat)
		}
		if err := r.addItem(t, ogr, item{index: len(r.skills)}); err != nil {
			return err
		}
		r.skills = append(r.skills, career.Skill{
			ID: career.MakeID(career.KindSkill, Name, ogr), Dataset: Name, Code: ogr, Name: name,
			Kind: kind, Description: Clean(t.Record()[c[2]]), Language: Language,
		})
		return nil
	})
}

func (r *reader) readSavoirs() error {
	cols := []string{"code_ogr_savoir", "libelle_savoir", "categorie_savoir", "sous_categorie_savoir"}
	return r.forEach(FileSavoir, cols, func(t *dataset.Table, c []int) error {
		ogr, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		name, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		sub := Clean(t.Record()[c[3]])
		if slices.Contains(toolCategories, sub) {
			if err := r.addItem(t, ogr, item{tool: true, index: len(r.tools)}); err != nil {
				return err
			}
			r.tools = append(r.tools, career.Tool{
				ID: career.MakeID(career.KindTool, Name, ogr), Dataset: Name, Code: ogr, Name: name, Category: sub,
			})
			return nil
		}
		kind := career.SkillKindKnowledge
		if sub == languageCategory {
			kind = career.SkillKindLanguage
		}
		if err := r.addItem(t, ogr, item{index: len(r.skills)}); err != nil {
			return err
		}
		r.skills = append(r.skills, career.Skill{
			ID: career.MakeID(career.KindSkill, Name, ogr), Dataset: Name, Code: ogr, Name: name,
			Kind: kind, Language: Language,
		})
		return nil
	})
}

func (r *reader) readCoherence() error {
	r.essential = map[linkKey]bool{}
	cols := []string{"code_rome", "code_ogr", "coeur_metier"}
	return r.forEach(FileCoherence, cols, func(t *dataset.Table, c []int) error {
		switch flag := t.Record()[c[2]]; flag {
		case coreMain:
			r.essential[linkKey{t.Record()[c[0]], t.Record()[c[1]]}] = true
		case "", coreEmerging:
		default:
			return t.Errorf("unknown coeur_metier %q: want \"\", %q or %q", flag, coreMain, coreEmerging)
		}
		return nil
	})
}

func (r *reader) readLiens() error {
	cols := []string{"code_rome", "code_compo_bloc", "code_ogr"}
	return r.forEach(FileLiens, cols, func(t *dataset.Table, c []int) error {
		if t.Record()[c[1]] == blocContextes {
			return r.readContexteLink(t, c)
		}
		if t.Record()[c[1]] != blocCompetences {
			return nil // fiche code, appellations, sectors, mobility
		}
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		ogr, err := required(t, c[2], cols[2])
		if err != nil {
			return err
		}
		f := r.fiche(t, code)
		if f == nil {
			return nil
		}
		if _, ok := r.items[ogr]; !ok {
			r.warn(t.Warnf("unknown code_ogr %q (neither a compétence nor a savoir): link dropped", ogr))
			return nil
		}
		if f.linked[ogr] {
			r.warn(t.Warnf("duplicate link %s → %s: dropped", code, ogr))
			return nil
		}
		f.linked[ogr] = true
		f.links = append(f.links, itemLink{ogr: ogr, essential: r.essential[linkKey{code, ogr}]})
		return nil
	})
}

func (r *reader) readMobilite() error {
	cols := []string{"code_rome", "code_rome_cible", "numero_ordre"}
	err := r.forEach(FileMobilite, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		target, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		ordre, err := strconv.Atoi(t.Record()[c[2]])
		if err != nil {
			return t.Errorf("numero_ordre %q is not a number", t.Record()[c[2]])
		}
		f := r.fiche(t, code)
		if f == nil {
			return nil
		}
		if r.fiches[target] == nil {
			r.warn(t.Warnf("unknown code_rome_cible %q: move dropped", target))
			return nil
		}
		f.moves = append(f.moves, move{ordre: ordre, target: target, file: t.File(), line: t.Line()})
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range r.order {
		slices.SortStableFunc(f.moves, func(a, b move) int { return cmp.Compare(a.ordre, b.ordre) })
	}
	return nil
}

// build assembles the Dataset, fiche by fiche in file order.
func (r *reader) build() *career.Dataset {
	d := &career.Dataset{
		Info:        career.DatasetInfo{Name: Name, Title: Title, Version: Version, Attribution: Attribution},
		Professions: make([]career.Profession, 0, len(r.order)),
		Skills:      r.skills,
		Tools:       r.tools,
		Trainings:   make([]career.Training, 0, len(r.order)),
		SkillGraph:  r.skillGraph,
	}
	for _, f := range r.order {
		pid := career.MakeID(career.KindProfession, Name, f.code)
		p := career.Profession{
			ID: pid, Dataset: Name, Code: f.code, Name: f.name, AlternativeNames: f.appellations,
			Language: Language, Source: Name,
		}
		if len(f.code) >= 3 {
			p.Sector = r.domaines[f.code[:3]]
		}
		if f.parent != "" && f.parent != f.code {
			if r.fiches[f.parent] != nil {
				p.SpecializationOf = career.MakeID(career.KindProfession, Name, f.parent)
			} else {
				r.warn(dataset.Warning{File: FileFiches, Reason: fmt.Sprintf("%s: unknown code_rome_parent %q: ignored", f.code, f.parent)})
			}
		}
		if len(f.definition) > 0 {
			p.Summary = f.definition[0].text
			p.Description = joinParagraphs(f.definition)
			for _, ph := range f.definition[1:] {
				p.Tasks = append(p.Tasks, ph.text)
			}
		}
		d.Professions = append(d.Professions, p)

		// Essential (coeur de métier) links first, then the others, each in file order.
		for _, essential := range []bool{true, false} {
			for _, l := range f.links {
				if l.essential != essential {
					continue
				}
				it := r.items[l.ogr]
				if it.tool {
					d.ToolUses = append(d.ToolUses, career.Link{ProfessionID: pid, TargetID: r.tools[it.index].ID})
					continue
				}
				s := &r.skills[it.index]
				imp := career.Optional
				if essential {
					imp = career.Essential
				}
				d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: pid, SkillID: s.ID, Importance: imp})
				if s.Kind == career.SkillKindAttitude {
					d.Qualities = append(d.Qualities, career.Link{ProfessionID: pid, TargetID: s.ID})
				}
			}
		}

		if len(f.access) > 0 {
			text := joinParagraphs(f.access)
			tr := career.Training{
				ID: career.MakeID(career.KindTraining, Name, f.code), Dataset: Name, Code: f.code,
				Name: "Accès au métier : " + f.name, Level: TrainingLevel(text), Description: text,
			}
			d.Trainings = append(d.Trainings, tr)
			d.TrainingLinks = append(d.TrainingLinks, career.Link{ProfessionID: pid, TargetID: tr.ID})
		}

		seen := map[string]bool{}
		for _, m := range f.moves {
			if seen[m.target] {
				r.warn(dataset.Warning{File: m.file, Line: m.line, Reason: fmt.Sprintf("duplicate move %s → %s: dropped", f.code, m.target)})
				continue
			}
			seen[m.target] = true
			d.Moves = append(d.Moves, career.Move{
				FromID: pid, ToID: career.MakeID(career.KindProfession, Name, m.target), Kind: r.moveKind(f, r.fiches[m.target]),
			})
		}
	}
	r.addGroups(d)
	return d
}

// moveKind is PROGRESSION for a move from a non-managerial fiche (emploi_cadre "N") to a
// managerial one (emploi_cadre "O"), LATERAL otherwise: the export gives no mobility type.
func (r *reader) moveKind(from, to *fiche) career.MoveKind {
	if from.cadre == "N" && to.cadre == "O" {
		return career.MoveProgression
	}
	return career.MoveLateral
}

// joinParagraphs joins phrases as paragraphs separated by a blank line.
func joinParagraphs(ps []phrase) string {
	n := 0
	for _, p := range ps {
		n += len(p.text) + 2
	}
	b := make([]byte, 0, n)
	for i, p := range ps {
		if i > 0 {
			b = append(b, "\n\n"...)
		}
		b = append(b, p.text...)
	}
	return string(b)
}
