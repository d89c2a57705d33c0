package textsearch

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Query is a parsed search query: the token lists of its variants.
type Query struct {
	variants [][]string
	typos    bool // Match corrects typos (WithTypos)
}

// WithTypos returns the query matching as q does and, where nothing else matches, with typos
// corrected (see MaxEdits): what search does; lists filtered by text do not.
func (q *Query) WithTypos() *Query {
	c := *q
	c.typos = true
	return &c
}

// ParseQuery folds and expands a query with Variants. It reports false when the query has
// no tokens (blank, or punctuation only): the API rejects such a query as BAD_USER_INPUT.
func ParseQuery(query string) (*Query, bool) {
	vs := Variants(query)
	if len(vs) == 0 {
		return nil, false
	}
	q := &Query{}
	for _, v := range vs {
		q.variants = append(q.variants, Tokens(v))
	}
	return q, true
}

// Typos reports whether the query corrects typos (WithTypos).
func (q *Query) Typos() bool { return q.typos }

// Variants returns the token lists of the query's variants (Variants of the query, split).
// The caller must not modify them.
func (q *Query) Variants() [][]string { return q.variants }

// Selective returns the variants that select candidates: those not implied by another one.
// A variant whose every token is a prefix of a token of another variant selects every text the
// other selects ("developpeur" selects all that "developpeur euse" does), so the other adds
// nothing to a candidate search. Scoring still uses every variant. The caller must not modify
// them.
func (q *Query) Selective() [][]string {
	var out [][]string
	for i, v := range q.variants {
		implied := false
		for j, w := range q.variants {
			if j != i && prefixesAll(w, v) && (j < i || !prefixesAll(v, w)) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, v)
		}
	}
	return out
}

// prefixesAll reports whether every token of a is a prefix of some token of b.
func prefixesAll(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if strings.HasPrefix(y, x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// PreparedTexts are a node's names ready for matching: for each text (the name first, then the
// alternative names), the token lists of its variants. Preparing once and matching many
// queries gives the same scores as MatchText.
type PreparedTexts struct {
	texts [][][]string
}

// PrepareTexts folds and expands texts[0] (the name) and texts[1:] (alternative names).
func PrepareTexts(texts []string) *PreparedTexts {
	p := &PreparedTexts{texts: make([][][]string, len(texts))}
	for i, t := range texts {
		for _, v := range Variants(t) {
			p.texts[i] = append(p.texts[i], Tokens(v))
		}
	}
	return p
}

// Score weights. A match's score is 1 when a query variant equals a text variant; otherwise
//
//	0.05 + 0.9 × (E + x) / (n + 1), x = min(0.8 × coverage + 0.2 × order, 0.999999)
//
// where n is the number of query tokens, E how many of them equal a text token (whole words),
// coverage the share of the text's tokens the query covers (a token matched by a prefix counts
// for the share of its letters typed), and order 1 when the text starts with the query's
// tokens, 0.75 when they come in the query's order from the text's first token with other
// tokens between, 0.5 when they come in order elsewhere, 0 otherwise. So, for one query
// variant, one more whole-word match always wins; among equal whole-word counts, covering more
// of a shorter text wins, then the query's word order. Matches on an alternative name are
// multiplied by altNameFactor. Every score of a match is in [0.05, 1].
const (
	altNameFactor = 0.9
	scoreFloor    = 0.05
	scoreSpan     = 0.9
	coverWeight   = 0.8
	orderWeight   = 0.2
	maxSecondary  = 0.999999
)

// MatchText scores how well query matches texts: texts[0] is a node's name and texts[1:] its
// alternative names. Query and texts are folded and expanded with Variants; a text variant
// matches a query variant when every query token is a prefix of some token of the text variant
// ("dévelop" matches "Développeur·euse web"). The best (query variant, text variant) pair gives
// the score, in (0, 1], rounded to 6 decimals: 1 for an exact match of the name, less for
// matches on a prefix of a word, on a longer text, or on an alternative name only (×0.9).
// ok is false when nothing matches or the query has no tokens.
func MatchText(query string, texts []string) (score float64, ok bool) {
	q, ok := ParseQuery(query)
	if !ok {
		return 0, false
	}
	return q.Match(PrepareTexts(texts))
}

// Match scores prepared texts against the query exactly as MatchText does.
func (q *Query) Match(p *PreparedTexts) (score float64, ok bool) {
	score, _, ok = q.MatchTypo(p)
	return score, ok
}

// MatchTypo is Match, and tells whether the match needed a typo corrected (only with
// WithTypos).
func (q *Query) MatchTypo(p *PreparedTexts) (score float64, typo, ok bool) {
	for _, typo := range passes[:1+boolInt(q.typos)] {
		best, titles := 0.0, 0
		for i, variants := range p.texts {
			factor := 1.0
			if i > 0 {
				factor = altNameFactor
			}
			matched := false
			for _, tv := range variants {
				for _, qv := range q.variants {
					if s, ok := scoreStrings(qv, tv, typo); ok {
						matched = matched || allWhole(s, len(qv))
						best = max(best, s*factor)
					}
				}
			}
			if matched {
				titles++
			}
		}
		if best > 0 {
			s, ok := finalScore(withBreadth(best, titles, typo))
			return s, typo, ok
		}
	}
	return 0, false, false
}

// finalScore rounds the best pair score to 6 decimals; 0 means no match.
func finalScore(best float64) (float64, bool) {
	if best <= 0 {
		return 0, false
	}
	return math.Round(best*1e6) / 1e6, true
}

// scoreStrings scores one query variant against one text variant (see the score weights). A
// text word that is the query word's plural counts as a whole word; with typo, so does a text
// word within MaxEdits of the query word.
func scoreStrings(q, t []string, typo bool) (float64, bool) {
	return scoreTokens(len(q), len(t),
		func(i, j int) (equal, prefix bool) {
			prefix = strings.HasPrefix(t[j], q[i])
			equal = prefix && (len(t[j]) == len(q[i]) || isPlural(q[i], t[j]))
			if typo && !equal {
				if k := MaxEdits(q[i]); k > 0 && Within(q[i], t[j], k) {
					return true, true
				}
			}
			return equal, prefix
		},
		func(i, j int) float64 {
			return float64(utf8.RuneCountInString(q[i])) / float64(utf8.RuneCountInString(t[j]))
		})
}

// scoreTokens scores a query variant of nq tokens against a text variant of nt tokens (see the
// score weights). match(i, j) tells whether query token i equals text token j and whether it
// is a prefix of it; typed(i, j) is the share of text token j's letters that query token i
// (a prefix of it) spells. MatchText and Index both score with it, over strings and over
// dictionary numbers.
func scoreTokens(nq, nt int, match func(i, j int) (equal, prefix bool), typed func(i, j int) float64) (float64, bool) {
	if nq == 0 || nt == 0 {
		return 0, false
	}
	// Most texts do not match: find that out first.
	for i := range nq {
		found := false
		for j := 0; j < nt && !found; j++ {
			_, found = match(i, j)
		}
		if !found {
			return 0, false
		}
	}
	if nq == nt {
		same := true
		for i := 0; i < nq && same; i++ {
			same, _ = match(i, i)
		}
		if same {
			return 1, true
		}
	}
	const none = -1
	var posBuf [16]int
	var exactBuf, usedBuf [16]bool
	var creditBuf [16]float64
	pos, exact := posBuf[:0], exactBuf[:0]
	if nq > len(posBuf) {
		pos, exact = make([]int, 0, nq), make([]bool, 0, nq)
	}
	for range nq {
		pos, exact = append(pos, none), append(exact, false)
	}
	used, credit := usedBuf[:0], creditBuf[:0]
	if nt > len(usedBuf) {
		used, credit = make([]bool, 0, nt), make([]float64, 0, nt)
	}
	for range nt {
		used, credit = append(used, false), append(credit, 0)
	}
	// Whole words first, each on a token of its own.
	for i := range nq {
		for j := range nt {
			if eq, _ := match(i, j); eq && !used[j] {
				pos[i], exact[i], used[j] = j, true, true
				break
			}
		}
	}
	// Then prefixes, on a token of their own when there is one left, or else on any.
	for i := range nq {
		if pos[i] != none {
			continue
		}
		for j := range nt {
			if _, pre := match(i, j); pre && !used[j] {
				pos[i], used[j] = j, true
				break
			}
		}
		if pos[i] != none {
			continue
		}
		for j := range nt {
			if eq, pre := match(i, j); pre {
				pos[i], exact[i] = j, eq
				break
			}
		}
	}
	// Coverage: each text token matched counts once, by the best share of it typed.
	wholeWords := 0
	for i, j := range pos {
		c := 1.0
		if exact[i] {
			wholeWords++
		} else {
			c = typed(i, j)
		}
		credit[j] = max(credit[j], c)
	}
	coverage := 0.0
	for _, c := range credit {
		coverage += c
	}
	coverage /= float64(nt)
	order, phrase := 0.5, pos[0] == 0
	for i := 1; i < nq; i++ {
		if pos[i] <= pos[i-1] {
			order, phrase = 0, false
			break
		}
		phrase = phrase && pos[i] == i
	}
	switch {
	case phrase:
		order = 1
	case order > 0 && pos[0] == 0:
		order = 0.75
	}
	x := min(coverWeight*coverage+orderWeight*order, maxSecondary)
	return scoreFloor + scoreSpan*(float64(wholeWords)+x)/float64(nq+1), true
}
