package esco_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// TestReadGroups checks the ISCO-08 groups of the full data against ISCOGroups_fr.csv (619
// rows: codes of 1, 2, 3 and 4 digits for 10 major, 43 sub-major, 130 minor and 436 unit
// groups) and occupations_fr.csv (every one of the 3,007 occupations has an iscoGroup of the
// file; 5 are in 2513).
func TestReadGroups(t *testing.T) {
	d, _ := readReal(t)
	levels := map[string]int{}
	byID := map[string]career.OccupationGroup{}
	for _, g := range d.Groups {
		levels[g.Level]++
		byID[g.ID] = g
	}
	want := map[string]int{"ISCO-08 major group": 10, "ISCO-08 sub-major group": 43, "ISCO-08 minor group": 130, "ISCO-08 unit group": 436}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("groups per level: got %v, want %v", levels, want)
	}
	if got, want := byID["group:esco:2513"], (career.OccupationGroup{ID: "group:esco:2513", Dataset: "esco", Code: "2513",
		Name: "Concepteurs de sites internet et de multimédia", Level: "ISCO-08 unit group", BroaderID: "group:esco:251"}); got != want {
		t.Errorf("2513: got %+v, want %+v", got, want)
	}
	in2513 := 0
	for _, m := range d.GroupMembers {
		if m.TargetID == "group:esco:2513" {
			in2513++
		}
	}
	if len(d.GroupMembers) != 3007 || in2513 != 5 {
		t.Errorf("got %d members, %d in 2513; want 3007, 5", len(d.GroupMembers), in2513)
	}
}
