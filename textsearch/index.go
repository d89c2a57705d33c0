package textsearch

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Index is an inverted index over the names of nodes, in memory: it finds the nodes a search
// query can match without scanning them all, and scores them exactly as MatchText does.
//
// Use: NewIndex, Add every node, Build, then Candidates or Match. After Build the index is
// read-only and safe for concurrent use; Add after Build needs another Build, and querying an
// index with Adds not yet built panics.
type Index struct {
	ids   []string
	names []string // Fold of each node's name, for its hits

	// The token dictionary: every distinct token of every variant of every text. Build sorts
	// it, so that the tokens a query token is a prefix of form one range of numbers.
	tokens   []string
	runeLens []int32          // rune count of each token
	postings [][]int32        // for each token, the nodes (in Add order) that have it
	numbers  map[string]int32 // token → number; dropped by Build

	// Each node's variants, as token numbers: node n's variants are
	// variants[variantStart[n]:variantStart[n+1]], each a slice of variantTokens.
	variantStart  []int32
	variants      []indexedVariant
	variantTokens []int32

	built bool
}

// indexedVariant is one variant of one text of a node.
type indexedVariant struct {
	alt        bool  // of an alternative name, not of the name
	text       int32 // the text it is a variant of: 0 the name, 1.. the alternative names
	start, end int32 // its tokens: variantTokens[start:end]
}

// Hit is a node that matches a search, with its score and its folded name (Fold(texts[0])),
// which callers rank hits by.
type Hit struct {
	ID     string
	Score  float64
	Folded string
	Typo   bool // the match needed a typo corrected
}

// Stopper tells a long search when its request is over: Step counts n units of work and
// returns a non-nil error once the search must stop (its deadline passed, its client gone),
// which the search returns as it is.
type Stopper interface {
	Step(n int) error
}

// neverStop is the Stopper of a search that runs to the end.
type neverStop struct{}

// Step never stops.
func (neverStop) Step(int) error { return nil }

// NewIndex returns an empty index. The zero Index is empty and ready to use too.
func NewIndex() *Index { return &Index{} }

// Len returns the number of nodes added.
func (x *Index) Len() int { return len(x.ids) }

// Add indexes a node: texts[0] is its name, texts[1:] its alternative names (as MatchText takes
// them). IDs should be unique; a node added twice is found twice.
func (x *Index) Add(id string, texts []string) {
	if x.numbers == nil {
		x.numbers = x.dictionary()
	}
	if len(x.variantStart) == 0 {
		x.variantStart = []int32{0}
	}
	node := int32(len(x.ids))
	x.ids = append(x.ids, id)
	folded := ""
	first := len(x.variantTokens) // the node's tokens so far: variantTokens[first:]
	for i, t := range texts {
		vs := Variants(t)
		if i == 0 && len(vs) > 0 {
			folded = vs[len(vs)-1] // the plain fold: Fold(name)
		}
		for _, v := range vs {
			start := int32(len(x.variantTokens))
			for _, tok := range Tokens(v) {
				n, ok := x.numbers[tok]
				if !ok {
					n = int32(len(x.tokens))
					x.numbers[tok] = n
					x.tokens = append(x.tokens, tok)
					x.runeLens = append(x.runeLens, int32(utf8.RuneCountInString(tok)))
					x.postings = append(x.postings, nil)
				}
				if !slices.Contains(x.variantTokens[first:], n) {
					x.postings[n] = append(x.postings[n], node)
				}
				x.variantTokens = append(x.variantTokens, n)
			}
			x.variants = append(x.variants, indexedVariant{alt: i > 0, text: int32(i), start: start, end: int32(len(x.variantTokens))})
		}
	}
	x.names = append(x.names, folded)
	x.variantStart = append(x.variantStart, int32(len(x.variants)))
	x.built = false
}

// dictionary rebuilds the token → number map that Build dropped.
func (x *Index) dictionary() map[string]int32 {
	m := make(map[string]int32, len(x.tokens))
	for n, tok := range x.tokens {
		m[tok] = int32(n)
	}
	return m
}

// Build sorts the token dictionary. Call it after the last Add and before querying.
func (x *Index) Build() {
	order := make([]int32, len(x.tokens)) // order[new] = old
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(x.tokens[a], x.tokens[b]) })
	renumber := make([]int32, len(order)) // renumber[old] = new
	tokens := make([]string, len(order))
	runeLens := make([]int32, len(order))
	postings := make([][]int32, len(order))
	for n, old := range order {
		renumber[old] = int32(n)
		tokens[n], runeLens[n], postings[n] = x.tokens[old], x.runeLens[old], x.postings[old]
	}
	for i, old := range x.variantTokens {
		x.variantTokens[i] = renumber[old]
	}
	x.tokens, x.runeLens, x.postings = tokens, runeLens, postings
	x.numbers = nil
	x.built = true
}

// EachWord calls f with each word of the index (the Words of its nodes), in sorted order, and
// the number of nodes that have it. The index must be built.
func (x *Index) EachWord(f func(word string, nodes int)) {
	if !x.built && len(x.ids) > 0 {
		panic("textsearch: Index read before Build")
	}
	for t, tok := range x.tokens {
		f(tok, len(x.postings[t]))
	}
}

// tokenRange is the dictionary numbers [lo, hi) of the tokens a query token is a prefix of,
// the number of the token it equals and of its plural (-1 when none), and the sorted numbers
// of the tokens it matches with a typo (its corrections).
type tokenRange struct {
	lo, hi, equal, plural int32
	runes                 int32
	typos                 []int32
}

// matches tells how the query token relates to text token t: equal (a whole word: the token,
// or its plural; with typo, also a correction) and prefix.
func (r *tokenRange) matches(t int32, typo bool) (equal, prefix bool) {
	prefix = r.lo <= t && t < r.hi
	equal = t == r.equal || t == r.plural
	if typo && !equal {
		if _, found := slices.BinarySearch(r.typos, t); found {
			return true, true
		}
	}
	return equal, prefix
}

// indexedQuery is a query resolved against the sorted dictionary: its variants as token
// ranges, those that cannot match anything dropped. selective are the variants that select
// candidates (see Query.Selective); all are every variant, for scoring.
type indexedQuery struct {
	selective, all [][]tokenRange
	tokens         int  // the number of tokens of all, the work of scoring one node
	typos          bool // hits may need corrections
}

// lookup resolves a query against the sorted dictionary. ok is false when the query has no
// tokens. With typos, finding corrections scans the dictionary, counted on stop (unused, and
// may be nil, without typos).
func (x *Index) lookup(stop Stopper, query string, typos bool) (*indexedQuery, bool, error) {
	if !x.built && len(x.ids) > 0 {
		panic("textsearch: Index queried before Build")
	}
	q, ok := ParseQuery(query)
	if !ok {
		return nil, false, nil
	}
	out := &indexedQuery{typos: typos}
	var corrected map[string][]int32 // each distinct token corrected once; nil: no typos
	if typos {
		corrected = map[string][]int32{}
	}
	for _, v := range q.Variants() {
		r, err := x.ranges(stop, v, corrected)
		if err != nil {
			return nil, false, err
		}
		if r != nil {
			out.all = append(out.all, r)
			out.tokens += len(r)
		}
	}
	// Selecting with the variants that Selective keeps is enough for prefix matches; a
	// correction of a dropped variant's word can select other nodes, so with typos every
	// variant selects.
	if len(corrected) == 0 {
		for _, v := range q.Selective() {
			if r, _ := x.ranges(nil, v, nil); r != nil {
				out.selective = append(out.selective, r)
			}
		}
	} else {
		out.selective = out.all
	}
	return out, true, nil
}

// ranges returns the token ranges of a query variant's tokens, or nil when one of them is a
// prefix of no token and has no correction. typos caches the corrections of each token (only
// those that have some); nil means no corrections, and then stop is not used.
func (x *Index) ranges(stop Stopper, variant []string, typos map[string][]int32) ([]tokenRange, error) {
	out := make([]tokenRange, 0, len(variant))
	for _, tok := range variant {
		corr, seen := typos[tok]
		if typos != nil && !seen && MaxEdits(tok) > 0 {
			var err error
			if corr, err = x.corrections(stop, tok); err != nil {
				return nil, err
			}
			if len(corr) > 0 {
				typos[tok] = corr
			}
		}
		lo := sort.SearchStrings(x.tokens, tok)
		hi := lo + sort.Search(len(x.tokens)-lo, func(i int) bool {
			return !strings.HasPrefix(x.tokens[lo+i], tok)
		})
		if lo == hi && len(corr) == 0 {
			return nil, nil
		}
		equal, plural := int32(-1), int32(-1)
		if lo < hi && x.tokens[lo] == tok {
			equal = int32(lo)
		}
		if utf8.RuneCountInString(tok) >= pluralMinRunes {
			if p := sort.SearchStrings(x.tokens, tok+"s"); p < len(x.tokens) && x.tokens[p] == tok+"s" {
				plural = int32(p)
			}
		}
		out = append(out, tokenRange{lo: int32(lo), hi: int32(hi), equal: equal, plural: plural, runes: int32(utf8.RuneCountInString(tok)), typos: corr})
	}
	return out, nil
}

// Candidates returns the IDs of the nodes, in the order they were added, that have for every
// token of some query variant a token it is a prefix of: a superset of the nodes MatchText
// accepts (the same set as a full-text search for every query variant's tokens as required
// prefixes selects among the nodes' Words). Nil when the query has no tokens or nothing
// matches.
func (x *Index) Candidates(query string) []string {
	q, ok, _ := x.lookup(nil, query, false)
	if !ok {
		return nil
	}
	set, _ := x.candidates(neverStop{}, q)
	var ids []string
	forEachNode(set, func(n int) bool { ids = append(ids, x.ids[n]); return true })
	return ids
}

// candidates returns the set of nodes (a bitset) that have, for every token of some query
// variant, a token it is a prefix of. A query token whose range holds another token's range
// of the same variant selects a superset of what that one selects, so it is skipped (repeated
// words cost one pass). It stops when stop says the request is over.
func (x *Index) candidates(stop Stopper, q *indexedQuery) ([]uint64, error) {
	words := (len(x.ids) + 63) / 64
	union := make([]uint64, words)
	tokenSet := make([]uint64, words)
	variantSet := make([]uint64, words)
	for _, v := range q.selective {
		first := true
		for i, r := range v {
			if impliedRange(v, i) {
				continue
			}
			clear(tokenSet)
			for t := r.lo; t < r.hi; t++ {
				for _, n := range x.postings[t] {
					tokenSet[n>>6] |= 1 << (n & 63)
				}
				if err := stop.Step(1 + len(x.postings[t])); err != nil {
					return nil, err
				}
			}
			for _, t := range r.typos {
				for _, n := range x.postings[t] {
					tokenSet[n>>6] |= 1 << (n & 63)
				}
				if err := stop.Step(1 + len(x.postings[t])); err != nil {
					return nil, err
				}
			}
			if first {
				copy(variantSet, tokenSet)
				first = false
				continue
			}
			for w := range variantSet {
				variantSet[w] &= tokenSet[w]
			}
		}
		for w := range union {
			union[w] |= variantSet[w]
		}
		if err := stop.Step(words); err != nil {
			return nil, err
		}
	}
	return union, nil
}

// impliedRange reports whether token i of a query variant adds nothing to the candidate
// search: its range holds the range of another token of the variant (the first of equal ones
// is kept), so every node the other selects it selects too.
func impliedRange(v []tokenRange, i int) bool {
	for j, r := range v {
		if j == i || r.lo < v[i].lo || r.hi > v[i].hi {
			continue
		}
		if r.lo != v[i].lo || r.hi != v[i].hi || j < i {
			return true
		}
	}
	return false
}

// forEachNode calls f with each node of a bitset, in increasing order, until f returns false.
func forEachNode(set []uint64, f func(n int) bool) {
	for w, bitsLeft := range set {
		for bitsLeft != 0 {
			b := bits.TrailingZeros64(bitsLeft)
			if !f(w*64 + b) {
				return
			}
			bitsLeft &= bitsLeft - 1
		}
	}
}

// Match returns the nodes the query matches, in the order they were added, with their scores,
// equal to MatchText's for each node's texts. Nil when the query has no tokens or nothing
// matches. It runs to the end; requests use MatchStopping.
func (x *Index) Match(query string) []Hit {
	hits, _ := x.MatchStopping(neverStop{}, query)
	return hits
}

// MatchStopping is Match for a request: it stops as soon as stop's Step returns an error, and
// returns that error.
func (x *Index) MatchStopping(stop Stopper, query string) ([]Hit, error) {
	return x.matchStopping(stop, query, false)
}

// SearchStopping is MatchStopping with typos corrected, as Query.WithTypos matches: the hits
// that needed a correction have Typo set (and score at most 0.04). A search lists them only
// when it has no other hit (TyposIfNone).
func (x *Index) SearchStopping(stop Stopper, query string) ([]Hit, error) {
	return x.matchStopping(stop, query, true)
}

// matchStopping is MatchStopping, with typos corrected or not.
func (x *Index) matchStopping(stop Stopper, query string, typos bool) ([]Hit, error) {
	q, ok, err := x.lookup(stop, query, typos)
	if err != nil || !ok {
		return nil, err
	}
	set, err := x.candidates(stop, q)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	forEachNode(set, func(n int) bool {
		if s, typo, ok := x.score(q, n); ok {
			hits = append(hits, Hit{ID: x.ids[n], Score: s, Folded: x.names[n], Typo: typo})
		}
		err = stop.Step(q.tokens)
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	return hits, nil
}

// score scores node n as Query.Match scores its prepared texts.
func (x *Index) score(q *indexedQuery, n int) (score float64, typo, ok bool) {
	for _, typo := range passes[:1+boolInt(q.typos)] {
		best, titles, lastText := 0.0, 0, int32(-1)
		for _, v := range x.variants[x.variantStart[n]:x.variantStart[n+1]] {
			t := x.variantTokens[v.start:v.end]
			factor := 1.0
			if v.alt {
				factor = altNameFactor
			}
			for _, qv := range q.all {
				s, ok := scoreTokens(len(qv), len(t),
					func(i, j int) (equal, prefix bool) { return qv[i].matches(t[j], typo) },
					func(i, j int) float64 {
						return float64(qv[i].runes) / float64(x.runeLens[t[j]])
					})
				if !ok {
					continue
				}
				best = max(best, s*factor)
				if v.text != lastText && allWhole(s, len(qv)) { // variants of one text are added together
					titles, lastText = titles+1, v.text
				}
			}
		}
		if best > 0 {
			s, ok := finalScore(withBreadth(best, titles, typo))
			return s, typo, ok
		}
	}
	return 0, false, false
}
