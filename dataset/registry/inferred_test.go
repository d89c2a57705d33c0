package registry

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/datafiles"
)

// firstInferred are the first two inferred moves of the first profession of the seed and of
// each excerpt. Checked by hand: the seed's architect goes first to the project manager, whom
// its neighbours' moves reach (a PROGRESSION, as the seed's moves to it are); ROME's A1202
// (espaces naturels) to A1205 and A1306, which its neighbours' moves reach.
var firstInferred = map[string][]string{
	Seed: {
		"profession:seed:architecte-logiciel -> profession:seed:chef-de-projet PROGRESSION 0.502: the seed lists both as moves of the same professions; the seed links it to 6 of the 7 most similar professions",
		"profession:seed:architecte-logiciel -> profession:seed:developpeur-applications-mobiles LATERAL 0.45: the seed links it to 4 of the 7 most similar professions; the seed lists both as moves of the same professions",
	},
	"rome": {
		"profession:rome:A1202 -> profession:rome:A1205 LATERAL 0.301: ROME links it to 7 of the 20 most similar professions",
		"profession:rome:A1202 -> profession:rome:A1306 LATERAL 0.163: ROME links it to 5 of the 20 most similar professions",
	},
	"esco": {
		"profession:esco:04ba4d6c-957d-417f-bf63-5b9e015a9f86 -> profession:esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1 LATERAL 0.238: in the same group: Concepteurs de logiciels; a similar title",
		"profession:esco:04ba4d6c-957d-417f-bf63-5b9e015a9f86 -> profession:esco:106f79e4-6264-45f1-9e7a-297435cd684b LATERAL 0.218: in the same group: Concepteurs et analystes de logiciels et de multimédia; shares 2 of its 10 essential skills",
	},
	"onet": {
		"profession:onet:11-1011.00 -> profession:onet:15-1299.01 LATERAL 0.174: O*NET links it to 6 of the 20 most similar professions; shares 8 of its 8 essential skills",
		"profession:onet:11-1011.00 -> profession:onet:15-1299.03 LATERAL 0.17: O*NET links it to 6 of the 20 most similar professions; shares 11 of its 11 essential skills",
	},
}

// TestReadInfersMovesOfTheExcerpts reads the seed and the excerpts as the import does: every
// profession has inferred moves, the first ones as firstInferred says.
func TestReadInfersMovesOfTheExcerpts(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	for _, name := range []string{Seed, "rome", "esco", "onet"} {
		dir := ""
		if name != Seed {
			dir = datafiles.Excerpt(t, name)
		}
		d, err := Read(name, dir, logger)
		if err != nil {
			t.Fatal(err)
		}
		with := map[string]bool{}
		for _, m := range d.InferredMoves {
			with[m.FromID] = true
		}
		if len(with) != len(d.Professions) {
			t.Errorf("%s: %d of %d professions have inferred moves, want all", name, len(with), len(d.Professions))
		}
		var got []string
		for _, m := range d.InferredMoves[:2] {
			got = append(got, fmt.Sprintf("%s -> %s %s %v: %s", m.FromID, m.ToID, m.Kind, m.Score, m.Basis))
		}
		if !slices.Equal(got, firstInferred[name]) {
			t.Errorf("%s: first inferred moves:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(firstInferred[name], "\n"))
		}
	}
}

// TestReadInfersMovesOfEveryESCOOccupation reads the full ESCO, which has no curated moves: every
// occupation has its 10 inferred moves, 24,390 of them with the O*NET related occupations lent
// through the crosswalk named in their basis.
func TestReadInfersMovesOfEveryESCOOccupation(t *testing.T) {
	d, err := Read("esco", datafiles.Full(t, "esco"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	lent := 0
	for _, m := range d.InferredMoves {
		per[m.FromID]++
		if strings.Contains(m.Basis, "O*NET related occupation") {
			lent++
		}
	}
	for _, p := range d.Professions {
		if per[p.ID] != 10 {
			t.Errorf("%s (%s): %d inferred moves, want 10", p.ID, p.Name, per[p.ID])
		}
	}
	if len(d.Professions) != 3007 || len(d.InferredMoves) != 30070 {
		t.Errorf("%d occupations, %d inferred moves, want 3007 and 30070", len(d.Professions), len(d.InferredMoves))
	}
	if lent != 24390 {
		t.Errorf("%d moves name the O*NET related occupations in their basis, want 24390", lent)
	}
}
