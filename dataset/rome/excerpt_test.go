package rome_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// TestReadExcerpt reads the committed excerpt of the export (testdata/excerpt/rome), which
// every checkout has: the values below were counted in its raw files.
func TestReadExcerpt(t *testing.T) {
	dir := datafiles.Excerpt(t, "rome")
	d, ws, err := rome.Read(dir)
	if err != nil {
		t.Fatalf("Read(excerpt): %v", err)
	}
	checkInfo(t, d, dir)

	t.Run("the excerpt reads without warnings", func(t *testing.T) {
		if len(ws) != 0 {
			t.Errorf("got %d warnings, want 0; first: %v", len(ws), ws[0])
		}
	})

	t.Run("counts match the raw files", func(t *testing.T) {
		want := map[string]int{
			"professions":    33,   // unix_referentiel_code_rome rows
			"skills":         1312, // 763 compétences + 638 savoirs - 89 tools
			"tools":          89,
			"trainings":      33, // every fiche has an acces_metier text
			"requirements":   1912,
			"qualities":      115,
			"toolUses":       111,
			"trainingLinks":  33,
			"moves":          65, // unix_rubrique_mobilite rows
			"essential":      371,
			"progressions":   14,
			"specialisation": 14, // code_rome_parent ≠ code_rome
		}
		if got := countsOf(d); !mapsEqual(got, want) {
			t.Errorf("counts = %v, want %v", got, want)
		}
	})

	t.Run("fiches in file order: the chosen ones and the fiches they specialise", func(t *testing.T) {
		var got []string
		for _, p := range d.Professions {
			got = append(got, p.Code)
		}
		want := []string{"A1202", "A1205", "A1207", "A1301", "A1303", "A1306", "A1313", "A1405", "C1105", "D1102",
			"D1402", "D1407", "D1418", "E1205", "E1206", "F1107", "F1133", "F1703", "H2204", "J1403", "K1802",
			"M1802", "M1803", "M1805", "M1810", "M1812", "M1814", "M1818", "M1824", "M1831", "M1832", "M1842", "M1855"}
		if !slices.Equal(got, want) {
			t.Errorf("fiches = %v, want %v", got, want)
		}
	})

	t.Run("skill kinds and tool categories follow the referentials", func(t *testing.T) {
		kinds := map[career.SkillKind]int{}
		for _, s := range d.Skills {
			kinds[s.Kind]++
		}
		wantKinds := map[career.SkillKind]int{
			career.SkillKindSkill:     750, // cat_comp Savoir-faire
			career.SkillKindAttitude:  13,  // cat_comp Savoir-être professionnel
			career.SkillKindLanguage:  3,   // savoirs of sous-catégorie Langues
			career.SkillKindKnowledge: 546,
		}
		if !mapsEqual(kinds, wantKinds) {
			t.Errorf("skill kinds = %v, want %v", kinds, wantKinds)
		}
		cats := map[string]int{}
		for _, tl := range d.Tools {
			cats[tl.Category]++
		}
		wantCats := map[string]int{
			"Outils, machines, équipement matériel": 22,
			"Logiciels, progiciels":                 66,
			"Véhicules":                             1,
		}
		if !mapsEqual(cats, wantCats) {
			t.Errorf("tool categories = %v, want %v", cats, wantCats)
		}
	})

	checkCards(t, d)
	checkTexts(t, d)

	t.Run("training levels of the excerpt's access texts", func(t *testing.T) {
		var cases []trainingLevelCase
		for _, c := range trainingLevelCases {
			if slices.Contains([]string{"M1805", "C1105", "M1814", "F1703", "J1403"}, c.code) {
				cases = append(cases, c)
			}
		}
		if len(cases) != 5 {
			t.Fatalf("%d cases of trainingLevelCases are in the excerpt, want 5", len(cases))
		}
		checkTrainingLevels(t, d, cases)
	})

	t.Run("dataset is consistent", func(t *testing.T) {
		checkConsistent(t, d)
	})
}
