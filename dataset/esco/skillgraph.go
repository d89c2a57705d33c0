package esco

import (
	"fmt"
	"path"
	"strings"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// skillsHierarchy_fr.csv is not read: its rows have fewer fields than its header (line 2 has
// 11 of 14), which the strict reader refuses; the groups and links of skillGroups_fr.csv and
// broaderRelationsSkillPillar.csv hold the same hierarchy but for the pillars' 7 top concepts.

// The files of the skill hierarchy and relations, all optional: when one is absent, Read warns
// and the dataset has that much less of its skill graph.
const (
	fileSkillGroupsFR    = "skillGroups_fr.csv"
	fileBroaderSkill     = "broaderRelationsSkillPillar.csv"
	fileSkillRelations   = "skillSkillRelations.csv"
	iscedFieldPathPrefix = "/isced-f/"
)

// collectionFiles maps the French collection files (read for labels too, see frCollections)
// to the collection their members belong to.
var collectionFiles = []struct {
	rel        string
	collection career.SkillCollection
}{
	{"digitalSkillsCollection_fr.csv", career.CollectionDigital},
	{"digCompSkillsCollection_fr.csv", career.CollectionDigital},
	{"greenSkillsCollection_fr.csv", career.CollectionGreen},
	{"transversalSkillsCollection_fr.csv", career.CollectionTransversal},
	{"languageSkillsCollection_fr.csv", career.CollectionLanguage},
	{"researchSkillsCollection_fr.csv", career.CollectionResearch},
}

// skillGraphReader is what Read gathers of the skill graph.
type skillGraphReader struct {
	groups   []career.Skill
	groupIDs map[string]string // group concept URI → skill ID
	graph    career.SkillGraph
}

// groupCode is the code of a skill group's ID: the uuid of an ESCO skill group, "isced-f-<code>"
// for an ISCED-F field of education (whose URI ends in the bare field code, e.g. "0613").
func groupCode(uri string) string {
	if strings.Contains(uri, iscedFieldPathPrefix) {
		return "isced-f-" + uuidOf(uri)
	}
	return uuidOf(uri)
}

// groupKind is a group's kind: LANGUAGE under the language pillar (codes L…), KNOWLEDGE for
// ISCED-F fields and the knowledge pillar (codes K…), SKILL otherwise.
func groupKind(uri, code string) career.SkillKind {
	switch {
	case strings.HasPrefix(code, "L"):
		return career.SkillKindLanguage
	case strings.Contains(uri, iscedFieldPathPrefix) || strings.HasPrefix(code, "K"):
		return career.SkillKindKnowledge
	}
	return career.SkillKindSkill
}

// idOf returns the skill ID of a skill or group concept URI, "" when unknown.
func (r *reader) idOf(uri string) string {
	uri = strings.TrimSpace(uri)
	if i, ok := r.skillIndex[uri]; ok {
		return r.skills[i].id
	}
	return r.sg.groupIDs[uri]
}

// readSkillGraph reads the skill groups, the hierarchy, the skill-skill relations and the
// collections' members.
func (r *reader) readSkillGraph() error {
	r.sg.groupIDs = make(map[string]string)
	for _, step := range []struct {
		rel  string
		read func() error
	}{
		{fileSkillGroupsFR, r.readSkillGroups},
		{fileBroaderSkill, r.readBroaderSkills},
		{fileSkillRelations, r.readSkillRelations},
	} {
		if !exists(r.dir, step.rel) {
			r.warn(dataset.Warning{File: step.rel, Reason: "optional file absent: no skill hierarchy or relations from it"})
			continue
		}
		if err := step.read(); err != nil {
			return err
		}
	}
	for _, c := range collectionFiles {
		if exists(r.dir, c.rel) { // readFrenchLabels warned of an absent one
			if err := r.readMembers(c.rel, c.collection); err != nil {
				return err
			}
		}
	}
	return nil
}

// addGroup adds a skill group once.
func (r *reader) addGroup(uri, code, name string, alts []string, desc string) {
	if _, ok := r.sg.groupIDs[uri]; ok {
		return
	}
	id := career.MakeID(career.KindSkill, Name, groupCode(uri))
	r.sg.groupIDs[uri] = id
	r.sg.groups = append(r.sg.groups, career.Skill{
		ID: id, Dataset: Name, Code: groupCode(uri), Name: name, AlternativeNames: altNames(name, alts),
		Kind: groupKind(uri, code), Description: desc, Language: "fr",
	})
	r.sg.graph.Groups = append(r.sg.graph.Groups, id)
}

// readSkillGroups reads skillGroups_fr.csv: every row is a group (a skill with IsGroup).
func (r *reader) readSkillGroups() error {
	t, err := openTable(r.dir, fileSkillGroupsFR, "conceptUri", "preferredLabel", "altLabels", "description", "code")
	if err != nil {
		return err
	}
	defer t.Close()
	uri, label, alts, desc, code := t.Col("conceptUri"), t.Col("preferredLabel"), t.Col("altLabels"), t.Col("description"), t.Col("code")
	return t.Each(func(rec []string) error {
		u := strings.TrimSpace(rec[uri])
		if uuidOf(u) == "" {
			return t.ErrorAt(t.Line(), "empty conceptUri")
		}
		name := clean(rec[label])
		if name == "" {
			return t.ErrorAt(t.Line(), "empty preferredLabel of %s", u)
		}
		if _, ok := r.skillIndex[u]; ok {
			return t.ErrorAt(t.Line(), "skill group %s is also a skill of %s", u, fileSkillsEN)
		}
		r.addGroup(u, strings.TrimSpace(rec[code]), name, labels(rec[alts], "\n"), clean(rec[desc]))
		return nil
	})
}

// readBroaderSkills reads broaderRelationsSkillPillar.csv: a skill or group under a broader
// skill or group. Rows naming a concept Read does not know are skipped with a warning.
func (r *reader) readBroaderSkills() error {
	t, err := openTable(r.dir, fileBroaderSkill, "conceptUri", "broaderUri")
	if err != nil {
		return err
	}
	defer t.Close()
	uri, broader := t.Col("conceptUri"), t.Col("broaderUri")
	return t.Each(func(rec []string) error {
		from, to := r.idOf(rec[uri]), r.idOf(rec[broader])
		if from == "" || to == "" {
			r.warn(dataset.Warning{File: fileBroaderSkill, Line: t.Line(), Reason: fmt.Sprintf("unknown concept in %s → %s: skipped", strings.TrimSpace(rec[uri]), strings.TrimSpace(rec[broader]))})
			return nil
		}
		r.sg.graph.Broader = append(r.sg.graph.Broader, career.SkillLink{SkillID: from, OtherID: to})
		return nil
	})
}

// readSkillRelations reads skillSkillRelations.csv: relationType essential / optional becomes
// the relation's Importance.
func (r *reader) readSkillRelations() error {
	t, err := openTable(r.dir, fileSkillRelations, "originalSkillUri", "relationType", "relatedSkillUri")
	if err != nil {
		return err
	}
	defer t.Close()
	orig, typ, related := t.Col("originalSkillUri"), t.Col("relationType"), t.Col("relatedSkillUri")
	return t.Each(func(rec []string) error {
		var imp career.Importance
		switch rel := strings.TrimSpace(rec[typ]); rel {
		case "essential":
			imp = career.Essential
		case "optional":
			imp = career.Optional
		default:
			return t.ErrorAt(t.Line(), "unknown relationType %q: want \"essential\" or \"optional\"", rel)
		}
		from, to := r.idOf(rec[orig]), r.idOf(rec[related])
		if from == "" || to == "" {
			r.warn(dataset.Warning{File: fileSkillRelations, Line: t.Line(), Reason: fmt.Sprintf("unknown skill in %s → %s: skipped", strings.TrimSpace(rec[orig]), strings.TrimSpace(rec[related]))})
			return nil
		}
		r.sg.graph.Relations = append(r.sg.graph.Relations, career.SkillRelationLink{SkillID: from, RelatedID: to, Importance: imp})
		return nil
	})
}

// readMembers reads the members of one collection file.
func (r *reader) readMembers(rel string, c career.SkillCollection) error {
	t, err := openTable(r.dir, rel, "conceptUri")
	if err != nil {
		return err
	}
	defer t.Close()
	uri := t.Col("conceptUri")
	return t.Each(func(rec []string) error {
		id := r.idOf(rec[uri])
		if id == "" {
			r.warn(dataset.Warning{File: path.Base(rel), Line: t.Line(), Reason: fmt.Sprintf("unknown skill %s: not in collection %s", strings.TrimSpace(rec[uri]), c)})
			return nil
		}
		r.sg.graph.Members = append(r.sg.graph.Members, career.SkillMember{SkillID: id, Collection: c})
		return nil
	})
}

// addSkillGraph puts the groups (after the skills) and the skill graph into d.
func (r *reader) addSkillGraph(d *career.Dataset) {
	d.Skills = append(d.Skills, r.sg.groups...)
	d.SkillGraph = r.sg.graph
}
