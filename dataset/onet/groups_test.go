package onet_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/onet"
)

// TestReadGroups checks the SOC major groups of the full data against Occupation Data.txt: its
// 1,016 codes start with 23 distinct two-digit prefixes, 11 to 55 (cut -c1-2 | sort -u), each
// a major group of soc.go's table; every profession is a member of exactly one, 38 of them of
// 15-0000 (codes 15-…); no group has a broader group.
func TestReadGroups(t *testing.T) {
	d := load(t)
	levels := map[string]int{}
	for _, g := range d.Groups {
		levels[g.Level]++
		if g.BroaderID != "" {
			t.Errorf("group %s has broader group %q, want none", g.ID, g.BroaderID)
		}
	}
	if want := map[string]int{onet.LevelMajorGroup: 23}; !reflect.DeepEqual(levels, want) {
		t.Errorf("groups per level: got %v, want %v", levels, want)
	}
	first, last := d.Groups[0], d.Groups[len(d.Groups)-1]
	if want := (career.OccupationGroup{ID: "group:onet:11-0000", Dataset: "onet", Code: "11-0000", Name: "Management Occupations", Level: onet.LevelMajorGroup}); first != want {
		t.Errorf("first group: got %+v, want %+v", first, want)
	}
	if want := (career.OccupationGroup{ID: "group:onet:55-0000", Dataset: "onet", Code: "55-0000", Name: "Military Specific Occupations", Level: onet.LevelMajorGroup}); last != want {
		t.Errorf("last group: got %+v, want %+v", last, want)
	}
	in15 := 0
	for _, m := range d.GroupMembers {
		if m.TargetID == "group:onet:15-0000" {
			in15++
		}
	}
	if len(d.GroupMembers) != 1016 || in15 != 38 {
		t.Errorf("members: got %d, %d in 15-0000; want 1016, 38", len(d.GroupMembers), in15)
	}
}
