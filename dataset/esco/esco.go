// Package esco reads the ESCO v1.1.1 CSV export (European Skills, Competences, Qualifications and
// Occupations, European Commission) into a career.Dataset: occupations become professions, skills
// and knowledge become skills, occupation→skill relations become requirements, and broader
// occupation relations become specializations. Texts are French where the export (or the French
// skill-label supplements in fr-skill-labels/) has them, English otherwise. See README.md for the
// mapping, the thresholds and the defects of the export that Read handles.
package esco

import (
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// Dataset metadata that Read puts in career.Dataset.Info.
const (
	// Name is the dataset name used in global IDs ("profession:esco:<uuid>").
	Name = "esco"
	// Title is the dataset's display title.
	Title = "ESCO — European Skills, Competences, Qualifications and Occupations"
	// Version is the ESCO release the reader is written for.
	Version = "1.1.1"
	// Attribution is the acknowledgement ESCO's reuse policy asks for (quoted in SOURCE.txt).
	Attribution = "This service uses the ESCO classification of the European Commission."
)

// The files Read uses, relative to the export folder. Each may also be stored gzip-compressed
// as <name>.gz.
const (
	fileOccupationsFR = "occupations_fr.csv"
	fileOccupationsEN = "occupations_en.csv"
	fileISCOGroupsFR  = "ISCOGroups_fr.csv"
	fileSkillsEN      = "skills_en.csv"
	fileLanguage      = "languageSkillsCollection_en.csv"
	fileTransversal   = "transversalSkillsCollection_en.csv"
	fileRelations     = "occupationSkillRelations.csv"
	fileBroaderOcc    = "broaderRelationsOccPillar.csv"
	fileLabelsAPI     = "fr-skill-labels/skills_fr_api_2026.csv"
	fileLabelsV10     = "fr-skill-labels/skills_fr_v1.0.csv"
)

// frCollections are the official v1.1.1 French skill collections, read (when present) for
// French skill labels and descriptions, after skills_fr_api_2026.csv and before skills_fr_v1.0.csv.
var frCollections = []string{
	"digCompSkillsCollection_fr.csv",
	"digitalSkillsCollection_fr.csv",
	"greenSkillsCollection_fr.csv",
	"languageSkillsCollection_fr.csv",
	"researchSkillsCollection_fr.csv",
	"transversalSkillsCollection_fr.csv",
}

// AttitudeGroups are the transversal skill groups (ESCO v1.1 transversal hierarchy) whose
// members Read classifies as ATTITUDE: the four groups of T3 "self-management skills and
// competences" (ESCO's successor to v1.0's "attitudes") and T4.5 "following ethical code of
// conduct" (its "values"). Keys are group concept URIs, values their codes and English labels.
var AttitudeGroups = map[string]string{
	"http://data.europa.eu/esco/skill/14c41899-0224-4cbc-bd8c-e946ada2da87": "T3.1 working efficiently",
	"http://data.europa.eu/esco/skill/91860993-1a8b-4473-91f3-600aa1924bd0": "T3.2 taking a proactive approach",
	"http://data.europa.eu/esco/skill/2b2c3254-7f6c-47e2-84f1-aece946fbfae": "T3.3 maintaining a positive attitude",
	"http://data.europa.eu/esco/skill/f5c9eef3-0495-4747-9519-d71a58d252bd": "T3.4 demonstrating willingness to learn",
	"http://data.europa.eu/esco/skill/925af2b5-2f4d-4cce-92cc-79e1ff887c7d": "T4.5 following ethical code of conduct",
}

// ESCO's skill types (skillType column).
const (
	typeKnowledge = "knowledge"
	typeSkill     = "skill/competence"
)

// Read reads the ESCO v1.1.1 export in dir (the folder as published, see README.md) and
// returns it as a validated dataset named "esco", with warnings for the records it dropped or
// repaired. Malformed input fails with a *dataset.ParseError naming the file and line.
func Read(dir string) (*career.Dataset, []dataset.Warning, error) {
	r := &reader{dir: dir}
	steps := []func() error{
		r.readISCOGroups,
		r.readOccupations,
		r.readSkills,
		r.readLanguageSkills,
		r.readTransversalSkills,
		r.readFrenchLabels,
		r.readSkillGraph,
		r.readRelations,
		r.readBroader,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	d := r.dataset()
	r.addSkillGraph(d)
	vw, err := dataset.Validate(d)
	if err != nil {
		return nil, nil, fmt.Errorf("esco: validate %s: %w", dir, err)
	}
	return d, append(r.warnings, vw...), nil
}

// reader holds what Read has read so far.
type reader struct {
	dir      string
	warnings []dataset.Warning

	isco map[string]string // ISCO group code → French label
	grp  iscoGroups        // the ISCO groups as occupation groups (groups.go)

	occs     []occupation
	occIndex map[string]int // concept URI → index in occs

	skills     []skill
	skillIndex map[string]int // concept URI → index in skills

	sg skillGraphReader // skillgraph.go
}

// occupation is a profession being built, with its requirements.
type occupation struct {
	p    career.Profession
	reqs []requirement
	isco string // the iscoGroup code, "" when none
	// en are its English texts when its default ones are French (see englishText).
	en *career.Text
}

// requirement is a required skill (an index in reader.skills).
type requirement struct {
	skill int
	imp   career.Importance
	line  int
}

// skill is a skill being built: its English texts, and the French ones found so far.
type skill struct {
	uri, id, typ                string
	line                        int
	enName, enDesc              string
	enAlts                      []string
	language, attitude          bool
	frName, frDesc              string
	frAlts                      []string
	kind                        career.SkillKind
	name, sortKey, nameLanguage string
}

func (r *reader) warn(w dataset.Warning) { r.warnings = append(r.warnings, w) }

// readISCOGroups reads the French labels of ISCO groups (the professions' sectors).
func (r *reader) readISCOGroups() error {
	t, err := openTable(r.dir, fileISCOGroupsFR, "code", "preferredLabel", "conceptUri")
	if err != nil {
		return err
	}
	defer t.Close()
	code, label, uri := t.Col("code"), t.Col("preferredLabel"), t.Col("conceptUri")
	r.isco = make(map[string]string, 700)
	err = t.Each(func(rec []string) error {
		if c := strings.TrimSpace(rec[code]); c != "" {
			r.isco[c] = clean(rec[label])
			return r.grp.add(t, c, clean(rec[label]), strings.TrimSpace(rec[uri]))
		}
		return nil
	})
	r.linkISCOGroups()
	return err
}

// occRow is one row of occupations_<lang>.csv.
type occRow struct {
	uri, isco, label, alts, desc string
	line                         int
}

// readOccupationFile reads the occupations of one language, in file order.
func (r *reader) readOccupationFile(rel string) ([]occRow, *dataset.Table, error) {
	t, err := openTable(r.dir, rel, "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description")
	if err != nil {
		return nil, nil, err
	}
	defer t.Close()
	uri, isco, label, alts, desc := t.Col("conceptUri"), t.Col("iscoGroup"), t.Col("preferredLabel"), t.Col("altLabels"), t.Col("description")
	var rows []occRow
	seen := make(map[string]int, 3100)
	err = t.Each(func(rec []string) error {
		line := t.Line()
		u := strings.TrimSpace(rec[uri])
		if uuidOf(u) == "" {
			return t.ErrorAt(line, "empty conceptUri")
		}
		if first, dup := seen[u]; dup {
			return t.ErrorAt(line, "duplicate conceptUri %s (first at line %d)", u, first)
		}
		seen[u] = line
		rows = append(rows, occRow{uri: u, isco: strings.TrimSpace(rec[isco]), label: rec[label], alts: rec[alts], desc: rec[desc], line: line})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return rows, t, nil
}

// readOccupations builds the professions: French texts, English where French is missing.
// Professions keep the order of occupations_fr.csv; occupations only in occupations_en.csv follow.
func (r *reader) readOccupations() error {
	en, tEN, err := r.readOccupationFile(fileOccupationsEN)
	if err != nil {
		return err
	}
	fr, tFR, err := r.readOccupationFile(fileOccupationsFR)
	if err != nil {
		return err
	}
	enByURI := make(map[string]*occRow, len(en))
	for i := range en {
		enByURI[en[i].uri] = &en[i]
	}
	r.occIndex = make(map[string]int, len(fr))
	r.occs = make([]occupation, 0, len(fr))
	for i := range fr {
		if err := r.addOccupation(&fr[i], enByURI[fr[i].uri], tFR); err != nil {
			return err
		}
	}
	for i := range en {
		if _, done := r.occIndex[en[i].uri]; !done {
			if err := r.addOccupation(nil, &en[i], tEN); err != nil {
				return err
			}
		}
	}
	return nil
}

// addOccupation adds the profession of an occupation from its French row (nil when absent)
// and its English row (nil when absent); t is the file of the row it is reported against.
func (r *reader) addOccupation(fr, en *occRow, t *dataset.Table) error {
	row := fr
	if row == nil {
		row = en
	}
	p := career.Profession{
		ID:      career.MakeID(career.KindProfession, Name, uuidOf(row.uri)),
		Dataset: Name,
		Code:    uuidOf(row.uri),
		Source:  Name,
	}
	switch {
	case fr != nil && clean(fr.label) != "":
		p.Name, p.Language = clean(fr.label), "fr"
		p.AlternativeNames = altNames(p.Name, labels(fr.alts, "\n"))
	case en != nil && clean(en.label) != "":
		p.Name, p.Language = clean(en.label), "en"
		p.AlternativeNames = altNames(p.Name, labels(en.alts, "\n"))
	default:
		return t.ErrorAt(row.line, "occupation %s has no preferredLabel", row.uri)
	}
	if fr != nil {
		p.Summary, p.Description = paragraphs(fr.desc)
	}
	if p.Description == "" && en != nil {
		p.Summary, p.Description = paragraphs(en.desc)
	}
	if row.isco != "" {
		label, ok := r.isco[row.isco]
		if !ok || label == "" {
			r.warn(t.WarnAt(row.line, "iscoGroup %q of occupation %s has no label in %s: no sector", row.isco, row.uri, fileISCOGroupsFR))
		}
		p.Sector = label
	}
	r.occIndex[row.uri] = len(r.occs)
	r.occs = append(r.occs, occupation{p: p, isco: row.isco, en: englishText(&p, en)})
	return nil
}

// readSkills reads every skill of skills_en.csv, with its English texts.
func (r *reader) readSkills() error {
	t, err := openTable(r.dir, fileSkillsEN, "conceptUri", "skillType", "preferredLabel", "altLabels", "description")
	if err != nil {
		return err
	}
	defer t.Close()
	uri, typ, label, alts, desc := t.Col("conceptUri"), t.Col("skillType"), t.Col("preferredLabel"), t.Col("altLabels"), t.Col("description")
	r.skillIndex = make(map[string]int, 14000)
	r.skills = make([]skill, 0, 14000)
	return t.Each(func(rec []string) error {
		line := t.Line()
		u := strings.TrimSpace(rec[uri])
		if uuidOf(u) == "" {
			return t.ErrorAt(line, "empty conceptUri")
		}
		if first, dup := r.skillIndex[u]; dup {
			return t.ErrorAt(line, "duplicate conceptUri %s (first at line %d)", u, r.skills[first].line)
		}
		s := skill{
			uri:  u,
			id:   career.MakeID(career.KindSkill, Name, uuidOf(u)),
			typ:  strings.TrimSpace(rec[typ]),
			line: line,
		}
		switch s.typ {
		case typeKnowledge, typeSkill:
		case "":
			r.warn(t.Warnf("skill %s has an empty skillType: kind %s assumed", u, career.SkillKindSkill))
		default:
			return t.ErrorAt(line, "unknown skillType %q: want %q or %q", s.typ, typeKnowledge, typeSkill)
		}
		if s.enName = clean(rec[label]); s.enName == "" {
			return t.ErrorAt(line, "skill %s has no preferredLabel", u)
		}
		s.enAlts = labels(rec[alts], "\n")
		_, s.enDesc = paragraphs(rec[desc])
		r.skillIndex[u] = len(r.skills)
		r.skills = append(r.skills, s)
		return nil
	})
}

// readCollection calls fn with the skill index and broader-concept cell of every row of a
// skill collection whose concept is a known skill; rows naming unknown skills are counted in
// one warning.
func (r *reader) readCollection(rel string, fn func(skill int, broader string)) error {
	t, err := openTable(r.dir, rel, "conceptUri", "broaderConceptUri")
	if err != nil {
		return err
	}
	defer t.Close()
	uri, broader := t.Col("conceptUri"), t.Col("broaderConceptUri")
	unknown, firstLine := 0, 0
	err = t.Each(func(rec []string) error {
		line := t.Line()
		i, ok := r.skillIndex[strings.TrimSpace(rec[uri])]
		if !ok {
			t.CountBad()
			if unknown++; unknown == 1 {
				firstLine = line
			}
			return nil
		}
		fn(i, rec[broader])
		return nil
	})
	if err != nil {
		return err
	}
	if unknown > 0 {
		r.warn(t.WarnAt(firstLine, "%d rows name skills that are not in %s: ignored", unknown, fileSkillsEN))
	}
	return nil
}

// readLanguageSkills marks the skills of the language collection (kind LANGUAGE).
func (r *reader) readLanguageSkills() error {
	return r.readCollection(fileLanguage, func(i int, _ string) { r.skills[i].language = true })
}

// readTransversalSkills marks the transversal skills of the AttitudeGroups (kind ATTITUDE).
func (r *reader) readTransversalSkills() error {
	return r.readCollection(fileTransversal, func(i int, broader string) {
		for _, b := range labels(broader, "|") {
			if _, ok := AttitudeGroups[b]; ok {
				r.skills[i].attitude = true
			}
		}
	})
}

// frLabelFile is a source of French skill labels.
type frLabelFile struct {
	rel    string
	altSep string // separator of the altLabels cell
	desc   bool   // whether to take French descriptions from it
}

// tableOptions reads the export's CSV files and words the problems as ESCO's reader always has.
var tableOptions = dataset.TableOptions{
	FirstDuplicate:    true,
	TrimBOMEverywhere: true,
	SyntaxErrorColumn: true,
	Messages: dataset.TableMessages{
		MissingFile:   "missing required file (also looked for %[2]s)",
		OpenError:     "esco: open %[1]s: %[3]w",
		EmptyFile:     "empty file: want a header row",
		MissingColumn: "missing column %q",
		FieldCount:    "wrong number of fields: want %[2]d as in the header",
	},
}

// openTable opens rel (a slash-separated path inside dir), or rel+".gz" when rel is absent,
// reads its header and checks that every required column is present. An absent file is a
// *dataset.ParseError naming it.
func openTable(dir, rel string, required ...string) (*dataset.Table, error) {
	return dataset.OpenTable(dir, rel, tableOptions, required...)
}

// exists reports whether rel (a slash-separated path inside dir) or rel+".gz" is present.
func exists(dir, rel string) bool {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	for _, p := range []string{name, name + ".gz"} {
		if _, err := os.Stat(p); err == nil {
			return true
		}
	}
	return false
}

// readFrenchLabels reads the French skill labels, best source first: the labels of the live
// ESCO API (2026), the official v1.1.1 French collections, then the older v1.0 export. The
// first French preferredLabel found names the skill; later, different ones become alternative
// names, as do the altLabels of every source. All these files are optional.
func (r *reader) readFrenchLabels() error {
	files := []frLabelFile{{rel: fileLabelsAPI, altSep: "|"}}
	for _, c := range frCollections {
		files = append(files, frLabelFile{rel: c, altSep: "|", desc: true})
	}
	files = append(files, frLabelFile{rel: fileLabelsV10, altSep: "\n"})
	for _, f := range files {
		if !exists(r.dir, f.rel) {
			r.warn(dataset.Warning{File: path.Base(f.rel), Reason: "optional file absent: fewer French skill labels"})
			continue
		}
		if err := r.readFrenchLabelFile(f); err != nil {
			return err
		}
	}
	return nil
}

// readFrenchLabelFile reads one source of French skill labels.
func (r *reader) readFrenchLabelFile(f frLabelFile) error {
	t, err := openTable(r.dir, f.rel, "conceptUri", "preferredLabel", "altLabels")
	if err != nil {
		return err
	}
	defer t.Close()
	uri, label, alts, desc := t.Col("conceptUri"), t.Col("preferredLabel"), t.Col("altLabels"), t.Col("description")
	if !f.desc {
		desc = -1
	}
	unknown, firstLine := 0, 0
	err = t.Each(func(rec []string) error {
		line := t.Line()
		u := strings.TrimSpace(rec[uri])
		if !strings.Contains(u, "/skill/") {
			return nil // e.g. an occupation in a collection
		}
		i, ok := r.skillIndex[u]
		if !ok {
			t.CountBad()
			if unknown++; unknown == 1 {
				firstLine = line
			}
			return nil
		}
		s := &r.skills[i]
		if name := clean(rec[label]); name != "" {
			if s.frName == "" {
				s.frName = name
			} else if name != s.frName {
				s.frAlts = append(s.frAlts, name)
			}
		}
		s.frAlts = append(s.frAlts, labels(rec[alts], f.altSep)...)
		if desc >= 0 && s.frDesc == "" {
			_, s.frDesc = paragraphs(rec[desc])
		}
		return nil
	})
	if err != nil {
		return err
	}
	if unknown > 0 {
		r.warn(t.WarnAt(firstLine, "%d rows name skills that are not in %s: ignored", unknown, fileSkillsEN))
	}
	return nil
}

// finishSkills settles each skill's kind, name and texts.
func (r *reader) finishSkills() {
	for i := range r.skills {
		s := &r.skills[i]
		switch {
		case s.language:
			s.kind = career.SkillKindLanguage
		case s.attitude:
			s.kind = career.SkillKindAttitude
		case s.typ == typeKnowledge:
			s.kind = career.SkillKindKnowledge
		default:
			s.kind = career.SkillKindSkill
		}
		if s.frName != "" {
			s.name, s.nameLanguage = s.frName, "fr"
		} else {
			s.name, s.nameLanguage = s.enName, "en"
		}
		s.sortKey = career.SortKey(s.name)
	}
}

// readRelations reads the occupation→skill relations into each occupation's requirements.
func (r *reader) readRelations() error {
	r.finishSkills()
	t, err := openTable(r.dir, fileRelations, "occupationUri", "relationType", "skillType", "skillUri")
	if err != nil {
		return err
	}
	defer t.Close()
	occCol, relCol, typCol, skillCol := t.Col("occupationUri"), t.Col("relationType"), t.Col("skillType"), t.Col("skillUri")
	type unknownURI struct {
		uri         string
		rows, first int
	}
	var unknownOcc, unknownSkill []*unknownURI
	byURI := map[string]*unknownURI{}
	count := func(list *[]*unknownURI, uri string, line int) {
		t.CountBad()
		u, ok := byURI[uri]
		if !ok {
			u = &unknownURI{uri: uri, first: line}
			byURI[uri] = u
			*list = append(*list, u)
		}
		u.rows++
	}
	type pair struct{ occ, skill int }
	seen := make(map[pair]int, 130000) // → index in the occupation's reqs
	err = t.Each(func(rec []string) error {
		line := t.Line()
		var imp career.Importance
		switch rel := strings.TrimSpace(rec[relCol]); rel {
		case "essential":
			imp = career.Essential
		case "optional":
			imp = career.Optional
		default:
			return t.ErrorAt(line, "unknown relationType %q: want \"essential\" or \"optional\"", rel)
		}
		typ := strings.TrimSpace(rec[typCol])
		if typ != "" && typ != typeKnowledge && typ != typeSkill {
			return t.ErrorAt(line, "unknown skillType %q: want %q, %q or empty", typ, typeKnowledge, typeSkill)
		}
		ou, su := strings.TrimSpace(rec[occCol]), strings.TrimSpace(rec[skillCol])
		oi, ok := r.occIndex[ou]
		if !ok {
			count(&unknownOcc, ou, line)
			return nil
		}
		si, ok := r.skillIndex[su]
		if !ok {
			count(&unknownSkill, su, line)
			return nil
		}
		s := &r.skills[si]
		switch {
		case typ == "" && s.typ == "":
			r.warn(t.Warnf("empty skillType for skill %s, which has none either: kind %s", su, s.kind))
		case typ == "":
			r.warn(t.Warnf("empty skillType: the skill's own type %q used", s.typ))
		case s.typ != "" && typ != s.typ:
			r.warn(t.Warnf("skillType %q differs from the type %q of skill %s: the skill's type used", typ, s.typ, su))
		}
		o := &r.occs[oi]
		if j, dup := seen[pair{oi, si}]; dup {
			prev := &o.reqs[j]
			if imp == career.Essential {
				prev.imp = career.Essential
			}
			r.warn(t.Warnf("duplicate relation of occupation %s to skill %s (first at line %d): kept once, as %s",
				ou, su, prev.line, prev.imp))
			return nil
		}
		seen[pair{oi, si}] = len(o.reqs)
		o.reqs = append(o.reqs, requirement{skill: si, imp: imp, line: line})
		return nil
	})
	if err != nil {
		return err
	}
	for _, u := range unknownOcc {
		r.warn(t.WarnAt(u.first, "%d rows link occupation %s, which is in neither %s nor %s: skipped",
			u.rows, u.uri, fileOccupationsFR, fileOccupationsEN))
	}
	for _, u := range unknownSkill {
		r.warn(t.WarnAt(u.first, "%d rows link skill %s, which is not in %s: skipped", u.rows, u.uri, fileSkillsEN))
	}
	return nil
}

// compareRequirements orders a profession's requirements: essential first, then by skill name
// (career.SortKey), then by skill ID.
func (r *reader) compareRequirements(a, b requirement) int {
	if a.imp != b.imp {
		if a.imp == career.Essential {
			return -1
		}
		return 1
	}
	sa, sb := &r.skills[a.skill], &r.skills[b.skill]
	return cmp.Or(strings.Compare(sa.sortKey, sb.sortKey), strings.Compare(sa.id, sb.id))
}

// readBroader reads the occupation→broader occupation relations (specializations). Relations
// from or to ISCO groups are not between professions and are skipped.
func (r *reader) readBroader() error {
	t, err := openTable(r.dir, fileBroaderOcc, "conceptType", "conceptUri", "broaderType", "broaderUri")
	if err != nil {
		return err
	}
	defer t.Close()
	typCol, uriCol, btypCol, buriCol := t.Col("conceptType"), t.Col("conceptUri"), t.Col("broaderType"), t.Col("broaderUri")
	firstLine := make(map[int]int) // occupation index → line of its kept broader relation
	return t.Each(func(rec []string) error {
		line := t.Line()
		typ, btyp := strings.TrimSpace(rec[typCol]), strings.TrimSpace(rec[btypCol])
		for _, ty := range []string{typ, btyp} {
			if ty != "Occupation" && ty != "ISCOGroup" {
				return t.ErrorAt(line, "unknown concept type %q: want \"Occupation\" or \"ISCOGroup\"", ty)
			}
		}
		if typ != "Occupation" || btyp != "Occupation" {
			return r.checkISCOBroader(t, line, typ, strings.TrimSpace(rec[uriCol]), strings.TrimSpace(rec[buriCol]))
		}
		u, b := strings.TrimSpace(rec[uriCol]), strings.TrimSpace(rec[buriCol])
		oi, ok := r.occIndex[u]
		if !ok {
			r.warn(t.Warnf("occupation %s is in neither %s nor %s: its broader relation is skipped", u, fileOccupationsFR, fileOccupationsEN))
			return nil
		}
		bi, ok := r.occIndex[b]
		if !ok {
			r.warn(t.Warnf("broader occupation %s is in neither %s nor %s: relation skipped", b, fileOccupationsFR, fileOccupationsEN))
			return nil
		}
		if oi == bi {
			r.warn(t.Warnf("occupation %s is its own broader occupation: relation skipped", u))
			return nil
		}
		p := &r.occs[oi].p
		if p.SpecializationOf != "" {
			r.warn(t.Warnf("occupation %s has several broader occupations: kept the first (line %d), skipped %s",
				u, firstLine[oi], b))
			return nil
		}
		p.SpecializationOf = r.occs[bi].p.ID
		firstLine[oi] = line
		return nil
	})
}

// dataset assembles the Dataset.
func (r *reader) dataset() *career.Dataset {
	d := &career.Dataset{
		Info: career.DatasetInfo{Name: Name, Title: Title, Version: Version, Attribution: Attribution},
	}
	d.Skills = make([]career.Skill, len(r.skills))
	for i := range r.skills {
		s := &r.skills[i]
		sk := career.Skill{
			ID:          s.id,
			Dataset:     Name,
			Code:        uuidOf(s.uri),
			Name:        s.name,
			Kind:        s.kind,
			Description: s.enDesc,
			Language:    s.nameLanguage,
		}
		if s.nameLanguage == "fr" {
			sk.AlternativeNames = altNames(s.name, s.frAlts)
			if s.frDesc != "" {
				sk.Description = s.frDesc
			}
		} else {
			sk.AlternativeNames = altNames(s.name, s.enAlts)
		}
		d.Skills[i] = sk
		if s.nameLanguage == "fr" && (clean(s.enName) != "" || s.enDesc != "") {
			d.Texts = append(d.Texts, career.Text{NodeID: s.id, Lang: langEN, Name: clean(s.enName), Description: s.enDesc})
		}
	}
	// The requirements are ordered by the names the dataset gives, so after skills that share
	// a name are told apart.
	dataset.DisambiguateSkillNames(d)
	for i := range r.skills {
		r.skills[i].sortKey = career.SortKey(d.Skills[i].Name)
	}
	for i := range r.occs {
		slices.SortFunc(r.occs[i].reqs, r.compareRequirements)
	}
	d.Groups = r.grp.groups()
	nreq := 0
	for i := range r.occs {
		nreq += len(r.occs[i].reqs)
	}
	d.Professions = make([]career.Profession, len(r.occs))
	d.Requirements = make([]career.Requirement, 0, nreq)
	for i := range r.occs {
		o := &r.occs[i]
		d.Professions[i] = o.p
		if o.isco != "" && r.grp.byCode[o.isco] != nil {
			d.GroupMembers = append(d.GroupMembers, career.Link{ProfessionID: o.p.ID, TargetID: r.grp.byCode[o.isco].ID})
		}
		if o.en != nil {
			d.Texts = append(d.Texts, *o.en)
		}
		for _, q := range o.reqs {
			s := &r.skills[q.skill]
			d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: o.p.ID, SkillID: s.id, Importance: q.imp})
			if s.kind == career.SkillKindAttitude {
				d.Qualities = append(d.Qualities, career.Link{ProfessionID: o.p.ID, TargetID: s.id})
			}
		}
	}
	return d
}
