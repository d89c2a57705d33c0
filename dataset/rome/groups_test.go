package rome_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/rome"
)

// TestReadGroups checks the groups of the full data against the raw files: 14 rows of
// unix_grand_domaine, 110 of unix_domaine_professionnel (the most under one grand domaine: 18
// under H), every one of the 1,584 fiches of unix_referentiel_code_rome in the domaine its code
// starts with (unix_cr_gd_dp agrees on all 1,584), 94 of them in M18.
func TestReadGroups(t *testing.T) {
	d := realDataset(t)
	levels, underH := map[string]int{}, 0
	for _, g := range d.Groups {
		levels[g.Level]++
		if g.BroaderID == "group:rome:H" {
			underH++
		}
	}
	if want := map[string]int{rome.LevelGrandDomaine: 14, rome.LevelDomaine: 110}; !reflect.DeepEqual(levels, want) {
		t.Errorf("groups per level: got %v, want %v", levels, want)
	}
	var m18 *career.OccupationGroup
	for i := range d.Groups {
		if d.Groups[i].ID == "group:rome:M18" {
			m18 = &d.Groups[i]
		}
	}
	want := career.OccupationGroup{ID: "group:rome:M18", Dataset: "rome", Code: "M18",
		Name: "Systèmes d'information et de télécommunication", Level: rome.LevelDomaine, BroaderID: "group:rome:M"}
	if m18 == nil || *m18 != want {
		t.Errorf("M18: got %+v, want %+v", m18, want)
	}
	inM18 := 0
	for _, m := range d.GroupMembers {
		if m.TargetID == "group:rome:M18" {
			inM18++
		}
	}
	if underH != 18 || len(d.GroupMembers) != 1584 || inM18 != 94 {
		t.Errorf("got %d domaines under H, %d members, %d in M18; want 18, 1584, 94", underH, len(d.GroupMembers), inM18)
	}
}
