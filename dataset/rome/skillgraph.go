package rome

import (
	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// natureMacro is the nature (unix_referentiel_competence) of a macro-compétence: a group of
// compétences, a skill with IsGroup. Every other nature ("Compétence") is a skill.
const natureMacro = "Macro-compétence"

// The transition flags of unix_referentiel_competence: "O" (oui) puts the compétence in the
// flag's collection; "N" (non) and "" do not.
var transitionCollections = []struct {
	column     string
	collection career.SkillCollection
}{
	{"transition_eco", career.CollectionGreen},
	{"transition_num", career.CollectionDigital},
}

// readSkillGraph reads the compétences' hierarchy and collections from unix_referentiel_competence
// (read before by readCompetences): nature "Macro-compétence" makes a group, code_ogr_macro_comp
// names the compétence's macro-compétence (its broader skill), transition_eco and transition_num
// "O" put it in the GREEN and DIGITAL collections.
func (r *reader) readSkillGraph() error {
	cols := []string{"code_ogr", "nature", "code_ogr_macro_comp"}
	for _, tc := range transitionCollections {
		cols = append(cols, tc.column)
	}
	var links []struct {
		ogr, macro string
	}
	err := r.forEach(FileCompetence, cols, func(t *dataset.Table, c []int) error {
		rec := t.Record()
		ogr := Clean(rec[c[0]])
		id := career.MakeID(career.KindSkill, Name, ogr)
		if rec[c[1]] == natureMacro {
			r.skillGraph.Groups = append(r.skillGraph.Groups, id)
		}
		if macro := Clean(rec[c[2]]); macro != "" {
			links = append(links, struct {
				ogr, macro string
			}{ogr, macro})
		}
		for i, tc := range transitionCollections {
			switch flag := rec[c[3+i]]; flag {
			case "O":
				r.skillGraph.Members = append(r.skillGraph.Members, career.SkillMember{SkillID: id, Collection: tc.collection})
			case "N", "":
			default:
				return t.Errorf("invalid %s %q: want \"O\", \"N\" or empty", tc.column, flag)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range links {
		it, ok := r.items[l.macro]
		if !ok || it.tool {
			// Every macro-compétence of ROME 4.0 is in the file; a partial export (such as the
			// tests' excerpt) lacks some, and their links are left out.
			continue
		}
		r.skillGraph.Broader = append(r.skillGraph.Broader, career.SkillLink{
			SkillID: career.MakeID(career.KindSkill, Name, l.ogr), OtherID: r.skills[it.index].ID,
		})
	}
	return nil
}
