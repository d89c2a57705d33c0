package esco_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// cloudSecurityCompliance is "cloud security and compliance", whose chain in
// broaderRelationsSkillPillar.csv of the full export is one broader concept a level:
//
//	line 14821: cloud security and compliance → bd14968e… "cloud technologies" (a skill)
//	line 10546: cloud technologies → isced-f/0612 "conception et administration de bases de données et de réseau"
//	line 119:   0612 → isced-f/061 "technologies de l’information et de la communication (tic)"
//	line 116:   061 → isced-f/06 "technologies de l’information et de la communication (tic)"
//	line 115:   06 → c46fcb45… "connaissances" (the knowledge pillar's group)
//
// The excerpt keeps all five rows.
const cloudSecurityCompliance = "skill:esco:1c2978b8-bb0d-4249-9c23-877571a4dffa"

var cloudSecurityChain = []string{
	"skill:esco:bd14968e-e409-45af-b362-3495ed7b10e0",
	"skill:esco:isced-f-0612", "skill:esco:isced-f-061", "skill:esco:isced-f-06",
	"skill:esco:c46fcb45-5c14-4ffa-abed-5a43f104bb22",
}

// skillGraphCounts are a dataset's groups, broader links, relations (essential ones) and
// collection members by collection.
func skillGraphCounts(d *career.Dataset) ([]int, map[career.SkillCollection]int) {
	essential := 0
	for _, r := range d.SkillGraph.Relations {
		if r.Importance == career.Essential {
			essential++
		}
	}
	members := map[career.SkillCollection]int{}
	for _, m := range d.SkillGraph.Members {
		members[m.Collection]++
	}
	sg := d.SkillGraph
	return []int{len(sg.Groups), len(sg.Broader), len(sg.Relations), essential}, members
}

// checkChain checks the hierarchy depth of cloud security and compliance: five levels, one
// concept each, in the order of the files.
func checkChain(t *testing.T, d *career.Dataset) {
	t.Helper()
	names := map[string]string{}
	for _, s := range d.Skills {
		names[s.ID] = career.SortKey(s.Name)
	}
	got := career.BroaderChain(cloudSecurityCompliance, career.BroaderIndex(d.SkillGraph.Broader), func(id string) string { return names[id] })
	if !slices.Equal(got, cloudSecurityChain) {
		t.Errorf("broader chain of cloud security and compliance = %v,\nwant %v", got, cloudSecurityChain)
	}
	var groups []string
	for _, id := range d.SkillGraph.Groups {
		if slices.Contains(cloudSecurityChain, id) {
			groups = append(groups, id)
		}
	}
	slices.Sort(groups)
	if want := slices.Sorted(slices.Values(cloudSecurityChain[1:])); !slices.Equal(groups, want) {
		t.Errorf("groups of the chain = %v, want %v (cloud technologies is a skill)", groups, want)
	}
}

// TestReadExcerptSkillGraph counts the excerpt's skill graph in its raw files: 280 rows of
// skillGroups_fr.csv, 1,103 of broaderRelationsSkillPillar.csv, 130 of skillSkillRelations.csv
// (17 essential); the members are the rows of the six French collection files.
func TestReadExcerptSkillGraph(t *testing.T) {
	d, _, err := esco.Read(datafiles.Excerpt(t, "esco"))
	if err != nil {
		t.Fatal(err)
	}
	counts, members := skillGraphCounts(d)
	if want := []int{280, 1103, 130, 17}; !slices.Equal(counts, want) {
		t.Errorf("groups, broader links, relations, essential relations = %v, want %v", counts, want)
	}
	wantMembers := map[career.SkillCollection]int{career.CollectionDigital: 266, career.CollectionGreen: 27,
		career.CollectionTransversal: 2, career.CollectionLanguage: 1, career.CollectionResearch: 4}
	if !mapsEqual(members, wantMembers) {
		t.Errorf("members = %v, want %v", members, wantMembers)
	}
	checkChain(t, d)
}

// TestReadSkillGraph counts the full export's skill graph in its raw files: 640 skill groups;
// 20,656 broader rows of which 7 name a concept in neither skills_en.csv nor skillGroups_fr.csv
// (skipped with a warning); 5,899 relations (191 essential). Its largest
// values bound the cost model (career.DefaultBounds): 42 concepts above one skill, 20 skills
// related to one.
func TestReadSkillGraph(t *testing.T) {
	d, ws := readReal(t)
	counts, members := skillGraphCounts(d)
	if want := []int{640, 20649, 5899, 191}; !slices.Equal(counts, want) {
		t.Errorf("groups, broader links, relations, essential relations = %v, want %v", counts, want)
	}
	wantMembers := map[career.SkillCollection]int{career.CollectionDigital: 1227, career.CollectionGreen: 570,
		career.CollectionTransversal: 96, career.CollectionLanguage: 346, career.CollectionResearch: 40}
	if !mapsEqual(members, wantMembers) {
		t.Errorf("members = %v, want %v", members, wantMembers)
	}
	skipped := 0
	for _, w := range ws {
		if w.File == "broaderRelationsSkillPillar.csv" && strings.HasPrefix(w.Reason, "unknown concept in ") {
			skipped++
		}
	}
	if skipped != 7 {
		t.Errorf("%d broader rows skipped with a warning, want 7", skipped)
	}
	checkChain(t, d)
	b := career.DatasetBounds(d)
	if got := []int{b.MaxBroaderSkills, b.MaxRelatedSkills}; !slices.Equal(got, []int{42, 20}) {
		t.Errorf("max broader skills, max related skills = %v, want [42 20]", got)
	}
}

// TestAbsentSkillGraphFiles: each absent skill graph file is a warning, as absent French
// label files are.
func TestAbsentSkillGraphFiles(t *testing.T) {
	_, ws, err := esco.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []dataset.Warning
	for _, w := range ws {
		if strings.Contains(w.Reason, "skill hierarchy") {
			got = append(got, w)
		}
	}
	reason := "optional file absent: no skill hierarchy or relations from it"
	want := []dataset.Warning{{File: "skillGroups_fr.csv", Reason: reason}, {File: "broaderRelationsSkillPillar.csv", Reason: reason}, {File: "skillSkillRelations.csv", Reason: reason}}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %v, want %v", got, want)
	}
}

func mapsEqual[K comparable](a, b map[K]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
