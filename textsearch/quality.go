package textsearch

import (
	"strings"
	"unicode/utf8"
)

// The rules that make search find what a person means, beside the prefix matching of
// MatchText:
//
//   - Plurals: a query word followed by "s" in a text counts as a whole word ("data scientist"
//     finds "Data Scientists" as a whole-word match); the query word must have at least
//     pluralMinRunes letters.
//   - Titles: a node whose several titles (counting those that hold every query word whole) (name, alternative names, names in other languages)
//     is the general profession a general word means, rather than one of its
//     specialisations carrying one title. With m matching titles the best pair score s
//     becomes s + breadthWeight × (1 − s) × (1 − 1/m): unchanged for one title, never above 1.
//   - Typos: a query word of typoMinRunes (5) to typo2MinRunes−1 (8) letters matches a text word
//     at most one edit away, one of typo2MinRunes (9) letters or more at most two edits away.
//     An edit is the optimal string alignment distance (Damerau–Levenshtein restricted to
//     adjacent transpositions that are not edited again: one insertion, deletion, substitution
//     or swap of two neighbouring letters), counted in letters, as Lucene's fuzzy queries
//     count it. A match that needs a typo corrected scores fuzzyFactor × its score as if the
//     word had been typed right: at most 0.04, below every match without one (at least
//     scoreFloor × altNameFactor = 0.045). A query word is corrected into every word of the
//     index within its edits, as Query.MatchTypo accepts them.
const (
	pluralMinRunes = 3
	breadthWeight  = 0.5
	typoMinRunes   = 5
	typo2MinRunes  = 9
	fuzzyFactor    = 0.04
)

// MaxEdits returns how many edits a query word may be away from a text word it matches with a
// typo: 0 below typoMinRunes letters, 1 up to typo2MinRunes−1 letters, 2 from typo2MinRunes.
func MaxEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n >= typo2MinRunes:
		return 2
	case n >= typoMinRunes:
		return 1
	}
	return 0
}

// isPlural reports whether text word t is query word q followed by "s".
func isPlural(q, t string) bool {
	return len(t) == len(q)+1 && t[len(q)] == 's' && strings.HasPrefix(t, q) && utf8.RuneCountInString(q) >= pluralMinRunes
}

// withBreadth applies the titles rule to the best pair score of a node with m matching titles,
// and the typo factor when the match needed a correction.
func withBreadth(best float64, m int, typo bool) float64 {
	if m > 1 {
		best += breadthWeight * (1 - best) * (1 - 1/float64(m))
	}
	if typo {
		best *= fuzzyFactor
	}
	return best
}

// Within reports whether a and b are at most k edits apart (optimal string alignment distance
// over letters), without computing distances beyond k.
func Within(a, b string, k int) bool {
	d, ok := editDistance([]rune(a), []rune(b), k)
	return ok && d <= k
}

// editDistance returns the optimal string alignment distance of a and b when it is at most k;
// ok is false when it is more.
func editDistance(a, b []rune, k int) (int, bool) {
	if abs(len(a)-len(b)) > k {
		return 0, false
	}
	// Three rows of the dynamic programme: two back (for swaps), one back, current.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > k {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[len(b)]
	return d, d <= k
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// correctionBatch is how many dictionary tokens corrections compares between two steps of its
// Stopper.
const correctionBatch = 256

// corrections returns the numbers of every dictionary token at most MaxEdits(tok) edits from
// tok, sorted; nil when tok is too short for typos. It compares tok with each token whose
// length is within the edits (a scan bounded by the dictionary's size), and counts each
// comparison on stop, stopping with its error.
func (x *Index) corrections(stop Stopper, tok string) ([]int32, error) {
	k := MaxEdits(tok)
	if k == 0 {
		return nil, nil
	}
	q := []rune(tok)
	var out []int32
	compared := 0
	for n, t := range x.tokens {
		if abs(int(x.runeLens[n])-len(q)) > k {
			continue
		}
		if compared++; compared == correctionBatch {
			if err := stop.Step(compared); err != nil {
				return nil, err
			}
			compared = 0
		}
		if _, ok := editDistance(q, []rune(t), k); ok {
			out = append(out, int32(n))
		}
	}
	return out, stop.Step(compared)
}

// TyposIfNone keeps, of a search's hits (after its filters), those that needed no correction,
// or all of them when every hit needed one: a typo is corrected only when the query as typed
// finds nothing. typo tells whether a hit needed a correction.
func TyposIfNone[H any](hits []H, typo func(H) bool) []H {
	exact := hits[:0:0]
	for _, h := range hits {
		if !typo(h) {
			exact = append(exact, h)
		}
	}
	if len(exact) == 0 {
		return hits
	}
	return exact
}

// passes are the two ways of matching: without typos, then with.
var passes = [2]bool{false, true}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// allWhole reports whether a pair score for a query variant of n tokens has every token
// matched as a whole word: E = n in the score weights, so at least scoreFloor + scoreSpan ×
// n/(n+1).
func allWhole(score float64, n int) bool {
	return score >= scoreFloor+scoreSpan*float64(n)/float64(n+1)-1e-9
}
