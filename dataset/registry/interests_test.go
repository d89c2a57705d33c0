package registry

import (
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// escoInterests reads ESCO from dir as the import does and returns "code name riasec" per
// occupation with a borrowed interest code, and ESCO's professions by ID.
func escoInterests(t *testing.T, dir string) ([]string, map[string]career.Profession) {
	t.Helper()
	e, err := Read("esco", dir, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]career.Profession{}
	for _, p := range e.Professions {
		byID[p.ID] = p
	}
	var got []string
	for _, in := range e.Interests {
		got = append(got, byID[in.ProfessionID].Name+" "+in.Code)
	}
	return got, byID
}

// TestESCOBorrowsInterestsOfTheExcerpts reads the ESCO excerpt with the crosswalk and the
// O*NET excerpt beside it: an occupation takes the interest code its O*NET equivalents that
// have one agree on. E.g. "boulanger/boulangère" → 51-3011.00 Bakers, whose high-points in
// Interests.txt are 1 (R) then 6 (C); "actuaire" → four O*NET codes, of which only 15-2011.00
// Actuaries (CIE) is in the excerpt; "développeur web/développeuse web" → 15-1254.00 (CI),
// 15-1255.00 (IAC) and 15-1299.01 (CIE) of the excerpt disagree: none.
func TestESCOBorrowsInterestsOfTheExcerpts(t *testing.T) {
	got, _ := escoInterests(t, datafiles.Excerpt(t, "esco"))
	want := []string{
		"maçon/maçonne RC",
		"actuaire CIE",
		"traducteur/traductrice CAS",
		"boulanger/boulangère RC",
		"responsable évènement ECS",
		"ergothérapeute SI",
		"ingénieur en informatique en nuage/ingénieure en informatique en nuage CI",
		"testeur d’utilisabilité/testeuse d’utilisabilité IAC",
		"concepteur d’interface utilisateur/conceptrice d’interface utilisatrice IAC",
		"forestier RIC",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ESCO's borrowed interest codes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBorrowInterests checks the rule on made-up links: agreement, disagreement, equivalents
// without a code, and a profession that has its own code.
func TestBorrowInterests(t *testing.T) {
	d := &career.Dataset{
		Professions: []career.Profession{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}},
		Interests:   []career.Interest{{ProfessionID: "d", Code: "S"}},
		Equivalences: []career.Equivalence{
			{FromID: "a", ToID: "x"}, {FromID: "a", ToID: "y"}, {FromID: "a", ToID: "none"},
			{FromID: "b", ToID: "x"}, {FromID: "b", ToID: "z"},
			{FromID: "c", ToID: "none"},
			{FromID: "d", ToID: "x"},
		},
	}
	others := []career.Interest{{ProfessionID: "x", Code: "IC"}, {ProfessionID: "y", Code: "IC"}, {ProfessionID: "z", Code: "CI"}}
	got := BorrowInterests(d, others)
	want := []career.Interest{{ProfessionID: "a", Code: "IC"}}
	if !slices.Equal(got, want) {
		t.Errorf("BorrowInterests = %v, want %v", got, want)
	}
}

// TestESCOBorrowsInterestsOfTheFullData counts the ESCO occupations that take a code from the
// full crosswalk and O*NET's Interests.txt, and checks two by hand: "boulanger/boulangère" →
// 51-3011.00 Bakers only (RC); the cloud engineer → 15-1242.00 (CI), 15-1299.07 (CI) and
// 15-1299.08 (ICR) disagree: none.
func TestESCOBorrowsInterestsOfTheFullData(t *testing.T) {
	got, _ := escoInterests(t, datafiles.Full(t, "esco"))
	if len(got) != wantFullESCOInterests {
		t.Errorf("%d ESCO occupations with a borrowed interest code, want %d", len(got), wantFullESCOInterests)
	}
	has := map[string]bool{}
	for _, g := range got {
		has[g] = true
	}
	if !has["boulanger/boulangère RC"] {
		t.Errorf("boulanger/boulangère: want RC")
	}
	for _, g := range got {
		if strings.HasPrefix(g, "ingénieur en informatique en nuage/") {
			t.Errorf("the cloud engineer's O*NET equivalents disagree, want no code: %s", g)
		}
	}
}

// wantFullESCOInterests is how many ESCO occupations borrow a code from the full data.
const wantFullESCOInterests = 1484
