package rome_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
)

// The skill graph against the raw unix_referentiel_competence file (counted by hand with a CSV
// reader: 507 rows of nature "Macro-compétence", 17,810 compétences with a code_ogr_macro_comp,
// 614 transition_eco "O", 1,088 transition_num "O").
func TestReadSkillGraph(t *testing.T) {
	d := realDataset(t)
	sg := d.SkillGraph
	if got := []int{len(sg.Groups), len(sg.Broader), len(sg.Relations)}; got[0] != 507 || got[1] != 17810 || got[2] != 0 {
		t.Errorf("groups, broader links, relations = %v, want [507 17810 0]", got)
	}
	members := map[career.SkillCollection]int{}
	for _, m := range sg.Members {
		members[m.Collection]++
	}
	if members[career.CollectionGreen] != 614 || members[career.CollectionDigital] != 1088 || len(members) != 2 {
		t.Errorf("members = %v, want GREEN 614, DIGITAL 1088", members)
	}
	// "100063","Compétence","Tailler les arbres",…,"300230": under macro-compétence 300230.
	want := career.SkillLink{SkillID: "skill:rome:100063", OtherID: "skill:rome:300230"}
	found := false
	for _, l := range sg.Broader {
		found = found || l == want
	}
	if !found {
		t.Errorf("no broader link %v", want)
	}
}
