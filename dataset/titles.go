package dataset

import (
	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// Title is one name of a profession: its preferred name (Preferred) or an alternative one.
type Title struct {
	ProfessionID string
	Text         string
	Preferred    bool
}

// The sources and confidences of the equivalences MatchTitles computes. The confidences are
// the precision measured on a hand-checked sample of the links ROME → ESCO
// (dataset/rome/README.md, "Computed equivalents").
const (
	// SourceSameTitle: the two preferred names read the same.
	SourceSameTitle = "computed: same title"
	// SourceSameAltTitle: an alternative name of one reads as a name of the other.
	SourceSameAltTitle = "computed: same alternative title"
	// ConfidenceSameTitle and ConfidenceSameAltTitle are the links' confidences: the precision
	// of each source on the hand-checked sample (dataset/testdata/computed-rome-esco-sample.tsv),
	// estimated as (correct + 1) / (checked + 2) (Laplace's rule of succession, so that a sample
	// without errors does not claim certainty), rounded to two decimals: 40 of 40 links with the
	// same title → 41/42 = 0.98; 37 of 40 with the same alternative title → 38/42 = 0.90.
	ConfidenceSameTitle    = 0.98
	ConfidenceSameAltTitle = 0.90
)

// ProfessionTitles returns the titles of d's professions: each name, then its alternative names.
func ProfessionTitles(d *career.Dataset) []Title {
	var out []Title
	for _, p := range d.Professions {
		out = append(out, Title{ProfessionID: p.ID, Text: p.Name, Preferred: true})
		for _, a := range p.AlternativeNames {
			out = append(out, Title{ProfessionID: p.ID, Text: a})
		}
	}
	return out
}

// MatchTitles links professions whose titles read the same once folded with search's French
// rules (textsearch.Variants: case, accents, punctuation, and the inclusive and paired forms,
// so "Développeur / Développeuse web" reads as "développeur web/développeuse web"): one link per
// pair of professions, from a profession of from to one of to. Two preferred names give
// SourceSameTitle, match CLOSE (the two taxonomies cut the same job differently); otherwise
// (an alternative name on either side) SourceSameAltTitle, with no match. Links are in the order
// they are found: by from's titles, then by to's.
func MatchTitles(from, to []Title) []career.Equivalence {
	type target struct {
		id        string
		preferred bool
	}
	byReading := make(map[string][]target)
	for _, t := range to {
		for _, r := range textsearch.Variants(t.Text) {
			byReading[r] = append(byReading[r], target{t.ProfessionID, t.Preferred})
		}
	}
	type pair struct{ from, to string }
	best := make(map[pair]bool) // pair → both preferred
	var order []pair
	for _, f := range from {
		for _, r := range textsearch.Variants(f.Text) {
			for _, t := range byReading[r] {
				p := pair{f.ProfessionID, t.id}
				same, seen := best[p]
				if !seen {
					order = append(order, p)
				}
				best[p] = same || (f.Preferred && t.preferred)
			}
		}
	}
	out := make([]career.Equivalence, 0, len(order))
	for _, p := range order {
		e := career.Equivalence{FromID: p.from, ToID: p.to, Source: SourceSameAltTitle, Confidence: ConfidenceSameAltTitle}
		if best[p] {
			e.Match, e.Source, e.Confidence = career.MatchClose, SourceSameTitle, ConfidenceSameTitle
		}
		out = append(out, e)
	}
	return out
}
