package rome

import (
	"fmt"
	"maps"
	"slices"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// The levels of ROME's occupation groups: grand domaine › domaine professionnel › fiche.
const (
	LevelGrandDomaine = "ROME grand domaine"
	LevelDomaine      = "ROME domaine professionnel"
)

// readGrandDomaines reads the grands domaines (code_grand_domaine, one letter, and its label).
func (r *reader) readGrandDomaines() error {
	r.grands = map[string]string{}
	cols := []string{"code_grand_domaine", "libelle_grand_domaine"}
	return r.forEach(FileGrandDomain, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		if _, dup := r.grands[code]; dup {
			return t.Errorf("duplicate code_grand_domaine %q", code)
		}
		label, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		r.grands[code] = label
		return nil
	})
}

// addGroups adds the occupation groups to d: the grands domaines, the domaines professionnels
// (each under the grand domaine its code starts with: M18 under M), by code, and each fiche as a
// member of the domaine its code starts with (M1805 in M18). A domaine whose grand domaine is
// not in the file is kept without one, with a warning; so is a domaine with no label.
func (r *reader) addGroups(d *career.Dataset) {
	id := func(code string) string { return career.MakeID(career.KindGroup, Name, code) }
	for _, code := range slices.Sorted(maps.Keys(r.grands)) {
		d.Groups = append(d.Groups, career.OccupationGroup{ID: id(code), Dataset: Name, Code: code, Name: r.grands[code], Level: LevelGrandDomaine})
	}
	for _, code := range slices.Sorted(maps.Keys(r.domaines)) {
		name := r.domaines[code]
		if name == "" {
			r.warn(dataset.Warning{File: FileDomaines, Reason: fmt.Sprintf("domaine %s has no label: not a group", code)})
			continue
		}
		g := career.OccupationGroup{ID: id(code), Dataset: Name, Code: code, Name: name, Level: LevelDomaine}
		if _, ok := r.grands[code[:1]]; ok {
			g.BroaderID = id(code[:1])
		} else {
			r.warn(dataset.Warning{File: FileDomaines, Reason: fmt.Sprintf("domaine %s: grand domaine %s is not in %s: no broader group", code, code[:1], FileGrandDomain)})
		}
		d.Groups = append(d.Groups, g)
	}
	for _, f := range r.order {
		if len(f.code) >= 3 && r.domaines[f.code[:3]] != "" {
			d.GroupMembers = append(d.GroupMembers, career.Link{ProfessionID: career.MakeID(career.KindProfession, Name, f.code), TargetID: id(f.code[:3])})
		}
	}
}
