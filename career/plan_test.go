package career_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
)

func TestNodePlanReads(t *testing.T) {
	cases := []struct {
		name  string
		props []career.Property
		paged bool
		want  []career.Property
	}{
		{"nothing selected", nil, false, []career.Property{}},
		{"the name only", []career.Property{career.PropName}, false, []career.Property{career.PropName}},
		{"the ID and other properties, ID first", []career.Property{career.PropDataset, career.PropID, career.PropCode}, false, []career.Property{career.PropID, career.PropDataset, career.PropCode}},
		{"items of a page read ID and name for their cursors", []career.Property{career.PropCode}, true, []career.Property{career.PropID, career.PropName, career.PropCode}},
		{"selected on a page, read once", []career.Property{career.PropName, career.PropID}, true, []career.Property{career.PropID, career.PropName}},
	}
	for _, tc := range cases {
		if got := (&career.NodePlan{Props: tc.props}).Reads(tc.paged); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	for _, r := range []career.Relation{career.RelQualities, career.RelSkills, career.RelTools, career.RelTrainings, career.RelNextCareers, career.RelPreviousCareers, career.RelSpecializations, career.RelSpecializationOf, career.RelProfessions} {
		if got, want := r.Paged(), r == career.RelProfessions; got != want {
			t.Errorf("%s.Paged() = %v, want %v", r, got, want)
		}
	}
}
