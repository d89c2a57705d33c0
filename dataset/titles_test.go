package dataset

import (
	"slices"
	"testing"
)

// TestMatchTitles: titles that read the same under search's French rules link their
// professions once, CLOSE when both are preferred names.
func TestMatchTitles(t *testing.T) {
	from := []Title{
		{ProfessionID: "profession:rome:M1855", Text: "Développeur / Développeuse web", Preferred: true},
		{ProfessionID: "profession:rome:M1855", Text: "Développeur·euse web"},
		{ProfessionID: "profession:rome:D1102", Text: "Boulanger / Boulangère", Preferred: true},
		{ProfessionID: "profession:rome:D1102", Text: "Mitron / Mitronne"},
		{ProfessionID: "profession:rome:K1207", Text: "Jardinier / Jardinière", Preferred: true},
	}
	to := []Title{
		{ProfessionID: "profession:esco:web", Text: "développeur web/développeuse web", Preferred: true},
		{ProfessionID: "profession:esco:baker", Text: "maître boulanger", Preferred: true},
		{ProfessionID: "profession:esco:baker", Text: "mitron"},
		{ProfessionID: "profession:esco:cook", Text: "cuisinier", Preferred: true},
	}
	var got []string
	for _, e := range MatchTitles(from, to) {
		got = append(got, e.FromID+" "+e.ToID+" "+string(e.Match)+" "+e.Source)
	}
	want := []string{
		"profession:rome:M1855 profession:esco:web CLOSE computed: same title",
		"profession:rome:D1102 profession:esco:baker  computed: same alternative title",
	}
	if !slices.Equal(got, want) {
		t.Errorf("MatchTitles = %q,\nwant %q", got, want)
	}
	for _, e := range MatchTitles(from, to) {
		if err := e.Check("rome"); err != nil {
			t.Error(err)
		}
	}
	if n := len(MatchTitles(from, nil)); n != 0 {
		t.Errorf("MatchTitles(from, nil): %d links, want 0", n)
	}
}
