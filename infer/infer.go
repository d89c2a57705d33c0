// Package infer computes the career moves the service infers for a dataset's professions
// (career.InferredMove), beside the moves the dataset itself declares.
//
// For a profession p and another profession q of the same dataset, the score of the move p → q
// is one weighted mean (Score) of nine signals, each 0..1:
//
//   - content: how alike p and q are — a weighted sum of cosine similarities over four
//     feature blocks, each feature weighted by its rarity (IDF, ln(1 + n/df)): the skills
//     (an essential requirement weighs twice an optional one), the tools, the words of the
//     titles (name and alternative names) and the words of the tasks;
//   - neighbours: the share of p's most similar professions (weighted by their similarity) whose
//     own moves lead to q, or come from q (the moves of similar professions);
//   - reverse: the dataset lists the move q → p;
//   - own moves: how close q is to one of the moves the dataset lists for p;
//   - co-target: the professions whose moves lead to p also lead to q: 1 - exp(-c), c the sum,
//     over the professions r with moves r → p and r → q, of 1 over the number of r's other
//     moves;
//   - related: another dataset's move reached through the equivalences (for ESCO, O*NET's
//     related occupations through the official ESCO–O*NET crosswalk), nearer the top of the
//     other dataset's list scoring higher;
//   - group: the narrowest occupation group p and q share, deeper scoring higher;
//   - interest: how well q's Holland code fits p's (career.RiasecScore);
//   - family: p and q are one profession and another that specialises it, or two that
//     specialise the same one (career.Profession.SpecializationOf).
//
// The weights are signalWeight's, or datasetWeights' for a dataset tuned apart (ROME), chosen
// with cmd/evaluate on the tuning seeds only (TuningFirstSeed on).
//
// A signal the dataset cannot have (no moves, no groups, no interest codes, nothing lent) is
// left out of the mean. The candidates of p are its candidateCount most similar professions
// (content), those the collaborative and lent signals reach, and the members of its narrowest
// groups and family; p itself and p's own moves never are. The similarities are computed once,
// in a first pass that also gives each profession its neighbours; a candidate outside p's most
// similar ones gets its content signal computed alone, and only when it can still make the
// first moves. Words (of titles and tasks) found in more than a tenth of the professions of a
// large dataset (see commonDF) are dropped: they tell little apart and would make the sparse
// product quadratic.
//
// Kind is PROGRESSION when the curated moves that support the inference (the moves of similar
// professions toward q, p's own moves near q, the lent moves; a reverse move counting against)
// are PROGRESSION for more than half of their weight, LATERAL otherwise. Basis names the (at
// most two) signals that weigh most in the score, e.g. "shares 9 of its 12 essential skills;
// ROME lists the reverse move".
package infer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// The number of inferred moves per profession.
const (
	// DefaultPerProfession is the number of moves inferred per profession when Options does not
	// say.
	DefaultPerProfession = 10
	// MaxPerProfession is the most moves Options may ask for per profession.
	MaxPerProfession = 50
)

// Options says how many moves to infer, and what another dataset lends.
type Options struct {
	// PerProfession is the number of moves inferred per profession, 1..MaxPerProfession; 0 means
	// DefaultPerProfession.
	PerProfession int
	// Label names the dataset in the basis of a move, e.g. "ROME" ("ROME lists the reverse
	// move"); "" reads "the dataset".
	Label string
	// Lent are another dataset's moves, reached through the dataset's equivalences; nil when
	// none are lent.
	Lent *Lent
}

// Lent are the career moves of another dataset that a dataset reaches through its
// equivalences to that dataset's professions: O*NET's related occupations for ESCO, through the
// ESCO–O*NET crosswalk.
type Lent struct {
	// Label names the other dataset in a basis, e.g. "O*NET".
	Label string
	// Via names the equivalences in a basis, e.g. "the ESCO–O*NET crosswalk".
	Via string
	// Moves are the other dataset's moves, each profession's in the dataset's order (most
	// related first).
	Moves []career.Move
}

// perProfession returns the number of moves opts asks for, or an error saying the range.
func (opts Options) perProfession() (int, error) {
	switch {
	case opts.PerProfession == 0:
		return DefaultPerProfession, nil
	case opts.PerProfession < 1 || opts.PerProfession > MaxPerProfession:
		return 0, career.Errorf(career.EINVALID, "inferred moves per profession %d: want 1 to %d", opts.PerProfession, MaxPerProfession)
	}
	return opts.PerProfession, nil
}

// label returns the dataset's name in a basis.
func (opts Options) label() string {
	if opts.Label == "" {
		return "the dataset"
	}
	return opts.Label
}

// The feature blocks of the content signal.
const (
	blockSkills = iota
	blockTools
	blockTitles
	blockTasks
	numBlocks
)

// blockWeight is the weight of each block in the content signal; the blocks a dataset has
// share the content signal in these proportions.
var blockWeight = [numBlocks]float64{blockSkills: 0.5, blockTools: 0.1, blockTitles: 0.25, blockTasks: 0.15}

// The signals of the score.
const (
	sigContent = iota
	sigNeighbours
	sigReverse
	sigOwnMoves
	sigCoTarget
	sigLent
	sigGroup
	sigInterest
	sigFamily
	numSignals
)

// signalWeight is the relative weight of each signal in the score (see the package doc): the
// signals a dataset has share the score in these proportions. Tuned with cmd/evaluate on the
// tuning seeds (TuningFirstSeed on), on O*NET; datasetWeights says where a dataset differs.
var signalWeight = [numSignals]float64{
	sigContent:    0.3,
	sigNeighbours: 0.4,
	sigReverse:    0.1,
	sigOwnMoves:   0.05,
	sigCoTarget:   0.5,
	sigLent:       0.15,
	sigGroup:      0.1,
	sigInterest:   0.02,
	sigFamily:     0.1,
}

// datasetWeights are the weights of the datasets (by career.DatasetInfo.Name) whose curated
// moves are best found with others than signalWeight, tuned in the same way: ROME's moves
// follow its neighbours' more, and are seldom the reverse of one or within a family.
var datasetWeights = map[string][numSignals]float64{
	"rome": {
		sigContent:    0.3,
		sigNeighbours: 0.7,
		sigReverse:    0.05,
		sigOwnMoves:   0.05,
		sigCoTarget:   0.5,
		sigLent:       0.15,
		sigGroup:      0.1,
		sigInterest:   0.02,
		sigFamily:     0.03,
	},
}

// weights returns the signals' weights for the dataset named.
func weights(dataset string) [numSignals]float64 {
	if w, ok := datasetWeights[dataset]; ok {
		return w
	}
	return signalWeight
}

// Tuning of the signals.
const (
	// neighbourCount is the number of most similar professions whose moves the neighbours signal
	// reads, and whose neighbours the own-moves signal reads.
	neighbourCount = 20
	// candidateCount is the number of most similar professions (content signal) that are
	// candidates by their content alone; the others are candidates only when another signal
	// reaches them (their content signal then computed on its own, see index.dot).
	candidateCount = 40
	// reverseNeighbourWeight is how much a similar profession's incoming move q → n counts in the
	// neighbours signal, against 1 for its outgoing move n → q.
	reverseNeighbourWeight = 0.5
	// lentDepth is the number of a lent profession's moves that score above 0: the move at
	// position i (from 1) scores 1 - (i-1)/lentDepth.
	lentDepth = 20
	// maxFeatureShare and minCommonDF set commonDF.
	maxFeatureShare = 0.1
	minCommonDF     = 50
	// minWordLen is the fewest letters a word of a title or task needs to be a feature.
	minWordLen = 3
	// minBasisShare is the least share of the score a second signal needs to be named in the
	// basis.
	minBasisShare = 0.2
	// scoreScale rounds scores to 3 decimals, so that both stores hold the same numbers.
	scoreScale = 1000
)

// commonDF is the highest number of professions a feature may belong to and still count, in a
// dataset of n professions: a tenth of them, but never fewer than minCommonDF.
func commonDF(n int) int { return max(int(maxFeatureShare*float64(n)), minCommonDF) }

// entry is one weight of a sparse vector: a feature (or a profession, in a posting list).
type entry struct {
	i int32
	w float32
}

// index is what Moves reads of a dataset, by profession position.
type index struct {
	d       *career.Dataset
	n       int
	pos     map[string]int32
	sortKey []string
	// vec are the professions' unit vectors per block; post the posting lists per feature.
	vec  [numBlocks][][]entry
	post [numBlocks][][]entry
	// hasBlock says which blocks the dataset has features in.
	hasBlock [numBlocks]bool
	// skills are the professions' skills (skill positions) and which of them are essential.
	skills    [][]int32
	essential [][]bool
	numSkills int
	tools     [][]int32
	out, in   [][]move
	// groups are the professions' narrowest groups, each as its chain (group positions) up to a
	// top group; groupName and members the name and members of each group position.
	groups    [][][]int32
	groupName []string
	members   [][]int32
	interest  []string
	// family is the position of the profession each one specialises, or its own; kin the
	// professions of each family, when it has more than one.
	family []int32
	kin    map[int32][]int32
	// lent are the lent moves reached from each profession, in order of first reach.
	lent [][]lentMove
}

// move is a curated move to (or from) a profession position.
type move struct {
	p    int32
	kind career.MoveKind
}

// lentMove is a target reached through a lent move, with the signal's value and the move's kind.
type lentMove struct {
	p    int32
	v    float64
	kind career.MoveKind
}

// Moves infers up to opts.PerProfession moves for every profession of d, toward other
// professions of d, by profession in d's order, then best first (see the package doc). It never
// proposes a profession's own move nor the profession itself.
func Moves(ctx context.Context, d *career.Dataset, opts Options) ([]career.InferredMove, error) {
	k, err := opts.perProfession()
	if err != nil {
		return nil, err
	}
	x, err := newIndex(ctx, d, opts.Lent)
	if err != nil {
		return nil, err
	}
	sims, err := x.similar(ctx)
	if err != nil {
		return nil, err
	}
	per := make([][]career.InferredMove, x.n)
	err = x.each(ctx, func() func(p int32) {
		s := newScorer(x, sims, opts)
		return func(p int32) { per[p] = s.moves(p, k) }
	})
	if err != nil {
		return nil, err
	}
	var out []career.InferredMove
	for _, ms := range per {
		out = append(out, ms...)
	}
	return out, nil
}

// each runs, for every profession p, the function work returns, on GOMAXPROCS workers: worker w
// calls work once, then the function it returns for the professions w, w+W, w+2W, ...
func (x *index) each(ctx context.Context, work func() func(p int32)) error {
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			f := work()
			for p := w; p < x.n; p += workers {
				if err := ctx.Err(); err != nil {
					errs[w] = fmt.Errorf("infer moves of %s: %w", x.d.Info.Name, err)
					return
				}
				f(int32(p))
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// newIndex reads d into an index: the sparse vectors, posting lists, moves, groups, interests
// and the lent moves.
func newIndex(ctx context.Context, d *career.Dataset, lent *Lent) (*index, error) {
	n := len(d.Professions)
	x := &index{d: d, n: n, pos: make(map[string]int32, n), sortKey: make([]string, n)}
	for i, p := range d.Professions {
		x.pos[p.ID] = int32(i)
		x.sortKey[i] = career.SortKey(p.Name)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("infer moves of %s: %w", d.Info.Name, err)
	}
	var raw [numBlocks]*features
	for b := range raw {
		raw[b] = newFeatures(n)
	}
	skillPos := make(map[string]int32, len(d.Skills))
	for i, s := range d.Skills {
		skillPos[s.ID] = int32(i)
	}
	x.numSkills = len(d.Skills)
	x.skills, x.essential = make([][]int32, n), make([][]bool, n)
	for _, r := range d.Requirements {
		p, ok := x.pos[r.ProfessionID]
		s, known := skillPos[r.SkillID]
		if !ok || !known {
			continue
		}
		if raw[blockSkills].add(p, r.SkillID, requirementWeight(r.Importance)) {
			x.skills[p] = append(x.skills[p], s)
			x.essential[p] = append(x.essential[p], r.Importance == career.Essential)
		} else if r.Importance == career.Essential {
			x.essential[p][slices.Index(x.skills[p], s)] = true
		}
	}
	toolPos := make(map[string]int32, len(d.Tools))
	for i, t := range d.Tools {
		toolPos[t.ID] = int32(i)
	}
	x.tools = make([][]int32, n)
	for _, u := range d.ToolUses {
		p, ok := x.pos[u.ProfessionID]
		t, known := toolPos[u.TargetID]
		if !ok || !known {
			continue
		}
		if raw[blockTools].add(p, u.TargetID, 1) {
			x.tools[p] = append(x.tools[p], t)
		}
	}
	for i, p := range d.Professions {
		raw[blockTitles].addWords(int32(i), p.Name)
		for _, a := range p.AlternativeNames {
			raw[blockTitles].addWords(int32(i), a)
		}
		for _, t := range p.Tasks {
			raw[blockTasks].addWords(int32(i), t)
		}
	}
	for b := range numBlocks {
		x.vectors(b, raw[b])
		raw[b] = nil
	}
	x.out, x.in = make([][]move, n), make([][]move, n)
	for _, m := range d.Moves {
		f, ok := x.pos[m.FromID]
		t, known := x.pos[m.ToID]
		if !ok || !known || f == t {
			continue
		}
		x.out[f] = append(x.out[f], move{p: t, kind: m.Kind})
		x.in[t] = append(x.in[t], move{p: f, kind: m.Kind})
	}
	x.readGroups()
	x.interest = make([]string, n)
	for _, in := range d.Interests {
		if p, ok := x.pos[in.ProfessionID]; ok {
			x.interest[p] = in.Code
		}
	}
	x.readFamilies()
	x.readLent(lent)
	return x, nil
}

// features are the raw features of one block, by profession: each feature once, with the
// highest weight it was added with, and the number of professions it belongs to.
type features struct {
	id map[string]int32
	// word is addWords' buffer.
	word []byte
	df   []int32
	// last is 1 + the profession that last added each feature, at the feature's position in
	// that profession's list.
	last, at []int32
	of       [][]entry
}

// newFeatures returns the empty features of n professions.
func newFeatures(n int) *features {
	return &features{id: map[string]int32{}, of: make([][]entry, n)}
}

// add adds feature key with weight w to profession p, and says whether it is new to p.
func (f *features) add(p int32, key string, w float64) bool {
	return f.addID(p, f.intern(key), w)
}

// intern returns the feature of key, a new one the first time.
func (f *features) intern(key string) int32 {
	id, ok := f.id[key]
	if !ok {
		id = int32(len(f.df))
		f.id[key] = id
		f.df, f.last, f.at = append(f.df, 0), append(f.last, 0), append(f.at, 0)
	}
	return id
}

// internBytes is intern for a key in a buffer, copied only when it is new.
func (f *features) internBytes(key []byte) int32 {
	if id, ok := f.id[string(key)]; ok {
		return id
	}
	return f.intern(string(key))
}

// addID adds feature id with weight w to profession p, and says whether it is new to p.
func (f *features) addID(p int32, id int32, w float64) bool {
	if f.last[id] == p+1 {
		e := &f.of[p][f.at[id]]
		e.w = max(e.w, float32(w))
		return false
	}
	f.last[id], f.at[id] = p+1, int32(len(f.of[p]))
	f.of[p] = append(f.of[p], entry{i: id, w: float32(w)})
	f.df[id]++
	return true
}

// addWords adds the words of text (folded as textsearch.Fold folds them, minWordLen letters or
// more) to profession p. A text of ASCII and the characters latinFold knows is folded here,
// character by character, to the same words; any other through textsearch.Fold.
func (f *features) addWords(p int32, text string) {
	if !f.foldLatin(p, text) {
		for _, w := range textsearch.Tokens(textsearch.Fold(text)) {
			if utf8.RuneCountInString(w) >= minWordLen {
				f.add(p, w, 1)
			}
		}
	}
}

// foldLatin adds the words of text to profession p and returns true when every character of
// text is ASCII or one latinFold knows; it adds nothing and returns false otherwise.
func (f *features) foldLatin(p int32, text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && latinFold[r] == nil {
			return false
		}
	}
	f.word = f.word[:0]
	runes := 0
	end := func() {
		if runes >= minWordLen {
			f.addID(p, f.internBytes(f.word), 1)
		}
		f.word, runes = f.word[:0], 0
	}
	for _, r := range text {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			f.word = append(f.word, byte(r))
			runes++
		case 'A' <= r && r <= 'Z':
			f.word = append(f.word, byte(r)+'a'-'A')
			runes++
		case r < utf8.RuneSelf || latinFold[r].sep:
			end()
		default:
			f.word = append(f.word, latinFold[r].folded...)
			runes += len(latinFold[r].folded)
		}
	}
	end()
	return true
}

// latinLetter is how textsearch.Fold folds one character: to ASCII letters and digits, or to
// a separator.
type latinLetter struct {
	folded string
	sep    bool
}

// latinFold are the characters of Latin-1 and Latin Extended-A (U+00A0 to U+017F) and the
// typographic marks of French texts whose folding foldLatin does itself, read from
// textsearch.Fold: those it folds to ASCII letters and digits, or to nothing but as a separator
// (not the soft hyphen, which it drops within a word).
var latinFold = func() map[rune]*latinLetter {
	m := map[rune]*latinLetter{}
	add := func(r rune) {
		folded := textsearch.Fold(string(r))
		if folded == "" {
			if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
				m[r] = &latinLetter{sep: true}
			}
			return
		}
		for i := range len(folded) {
			if c := folded[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				return
			}
		}
		if textsearch.Fold("a"+string(r)+"a") == "a"+folded+"a" {
			m[r] = &latinLetter{folded: folded}
		}
	}
	for r := rune(0xA0); r <= 0x17F; r++ {
		add(r)
	}
	for _, r := range "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u202f" {
		add(r)
	}
	return m
}()

// isASCII reports whether s is made of ASCII characters only.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// vectors turns the raw features of block b into unit vectors weighted by IDF, sorted by
// feature, and their posting lists, leaving out the words (of titles and tasks) of more than
// commonDF professions.
func (x *index) vectors(b int, raw *features) {
	limit := int32(x.n)
	if b == blockTitles || b == blockTasks {
		limit = int32(commonDF(x.n))
	}
	x.vec[b] = make([][]entry, x.n)
	for p, f := range raw.of {
		var norm float64
		v := make([]entry, 0, len(f))
		for _, e := range f {
			if df := raw.df[e.i]; df <= limit {
				w := float64(e.w) * math.Log(1+float64(x.n)/float64(df))
				norm += w * w
				v = append(v, entry{i: e.i, w: float32(w)})
			}
		}
		for i := range v {
			v[i].w = float32(float64(v[i].w) / math.Sqrt(norm))
		}
		slices.SortFunc(v, func(a, b entry) int { return cmp.Compare(a.i, b.i) })
		x.vec[b][p] = v
		x.hasBlock[b] = x.hasBlock[b] || len(v) > 0
	}
	x.post[b] = make([][]entry, len(raw.df))
	for p, v := range x.vec[b] {
		for _, e := range v {
			x.post[b][e.i] = append(x.post[b][e.i], entry{i: int32(p), w: e.w})
		}
	}
}

// readFamilies reads the families: a profession with the professions that specialise it.
func (x *index) readFamilies() {
	x.family = make([]int32, x.n)
	members := map[int32][]int32{}
	for i, p := range x.d.Professions {
		x.family[i] = int32(i)
		if f, ok := x.pos[p.SpecializationOf]; ok {
			x.family[i] = f
		}
		members[x.family[i]] = append(members[x.family[i]], int32(i))
	}
	x.kin = map[int32][]int32{}
	for f, ms := range members {
		if len(ms) > 1 {
			x.kin[f] = ms
		}
	}
}

// readGroups reads the professions' narrowest groups as chains up to a top group, and the
// members of each group.
func (x *index) readGroups() {
	pos := make(map[string]int32, len(x.d.Groups))
	x.groupName = make([]string, len(x.d.Groups))
	for i, g := range x.d.Groups {
		pos[g.ID] = int32(i)
		x.groupName[i] = g.Name
	}
	broader := make([]int32, len(x.d.Groups))
	for i, g := range x.d.Groups {
		broader[i] = -1
		if b, ok := pos[g.BroaderID]; ok {
			broader[i] = b
		}
	}
	x.groups = make([][][]int32, x.n)
	x.members = make([][]int32, len(x.d.Groups))
	for _, m := range x.d.GroupMembers {
		p, ok := x.pos[m.ProfessionID]
		g, known := pos[m.TargetID]
		if !ok || !known {
			continue
		}
		chain := []int32{g}
		for b := broader[g]; b >= 0 && !slices.Contains(chain, b); b = broader[b] {
			chain = append(chain, b)
		}
		x.groups[p] = append(x.groups[p], chain)
		for _, g := range chain {
			x.members[g] = append(x.members[g], p)
		}
	}
}

// readLent reads the lent moves each profession reaches: p ≡ o (an equivalence), o → o' (the
// i-th lent move of o), o' ≡ q; the best value per target, in order of first reach.
func (x *index) readLent(lent *Lent) {
	x.lent = make([][]lentMove, x.n)
	if lent == nil || len(lent.Moves) == 0 {
		return
	}
	// from are the other dataset's professions each profession is equivalent to; equiv the
	// professions equivalent to each of the other dataset's.
	from := make([][]string, x.n)
	equiv := map[string][]int32{}
	for _, e := range x.d.Equivalences {
		if p, ok := x.pos[e.FromID]; ok {
			from[p] = append(from[p], e.ToID)
			equiv[e.ToID] = append(equiv[e.ToID], p)
		}
	}
	// lentOf are the other dataset's moves that score above 0, by profession, with their value.
	type ranked struct {
		to   string
		v    float64
		kind career.MoveKind
	}
	lentOf := map[string][]ranked{}
	for _, m := range lent.Moves {
		v := 1 - float64(len(lentOf[m.FromID]))/lentDepth
		if v > 0 {
			lentOf[m.FromID] = append(lentOf[m.FromID], ranked{to: m.ToID, v: v, kind: m.Kind})
		} else {
			lentOf[m.FromID] = append(lentOf[m.FromID], ranked{})
		}
	}
	at := make([]int32, x.n) // 1 + the position of q in x.lent[p], 0 when absent
	for p := range int32(x.n) {
		for _, o := range from[p] {
			for _, r := range lentOf[o] {
				if r.v <= 0 {
					break
				}
				for _, q := range equiv[r.to] {
					switch i := at[q] - 1; {
					case q == p:
					case i >= 0:
						if r.v > x.lent[p][i].v {
							x.lent[p][i].v, x.lent[p][i].kind = r.v, r.kind
						}
					default:
						x.lent[p] = append(x.lent[p], lentMove{p: q, v: r.v, kind: r.kind})
						at[q] = int32(len(x.lent[p]))
					}
				}
			}
		}
		for _, l := range x.lent[p] {
			at[l.p] = 0
		}
	}
}

// contentWeights returns the weights of the blocks the dataset has, summing to 1.
func (x *index) contentWeights() [numBlocks]float64 {
	var w [numBlocks]float64
	var sum float64
	for b := range numBlocks {
		if x.hasBlock[b] {
			w[b] = blockWeight[b]
			sum += w[b]
		}
	}
	for b := range w {
		if sum > 0 {
			w[b] /= sum
		}
	}
	return w
}

// similarity accumulates, per block, the products of p's vector with every profession's that
// shares a feature with it into acc (unweighted, a product of features in their order), and
// returns the professions touched (each once: marked in mark, p included).
func (x *index) similarity(p int32, w [numBlocks]float64, acc *[numBlocks][]float64, mark []bool, touched []int32) []int32 {
	for b := range numBlocks {
		if w[b] == 0 {
			continue
		}
		a := acc[b]
		for _, e := range x.vec[b][p] {
			ew := float64(e.w)
			for _, o := range x.post[b][e.i] {
				if !mark[o.i] {
					mark[o.i] = true
					touched = append(touched, o.i)
				}
				a[o.i] += ew * float64(o.w)
			}
		}
	}
	return touched
}

// combine is the content signal of the products of two professions' vectors per block, and the
// block that weighs most in it (the first of the highest, blockSkills when none).
func combine(w [numBlocks]float64, dots [numBlocks]float64) (float64, int8) {
	var total, best float64
	block := int8(blockSkills)
	for b := range numBlocks {
		v := w[b] * dots[b]
		total += v
		if v > best {
			best, block = v, int8(b)
		}
	}
	return total, block
}

// dot is the content signal of the profession whose vectors are spread in dense (by block, by
// feature) toward q, the same number similarity and combine give, and the block that weighs
// most in it.
func (x *index) dot(dense *[numBlocks][]float32, q int32, w [numBlocks]float64) (float64, int8) {
	var dots [numBlocks]float64
	for b := range numBlocks {
		if w[b] == 0 {
			continue
		}
		for _, e := range x.vec[b][q] {
			if d := dense[b][e.i]; d != 0 {
				dots[b] += float64(d) * float64(e.w)
			}
		}
	}
	return combine(w, dots)
}

// neighbour is a similar profession, its content similarity and the block that weighs most
// in it.
type neighbour struct {
	p     int32
	block int8
	sim   float64
}

// similar returns each profession's candidateCount most similar professions (content signal),
// most similar first, then by position: their first neighbourCount are its neighbours.
func (x *index) similar(ctx context.Context) ([][]neighbour, error) {
	w := x.contentWeights()
	sims := make([][]neighbour, x.n)
	err := x.each(ctx, func() func(p int32) {
		var acc [numBlocks][]float64
		for b := range acc {
			acc[b] = make([]float64, x.n)
		}
		mark := make([]bool, x.n)
		var touched []int32
		return func(p int32) {
			touched = x.similarity(p, w, &acc, mark, touched[:0])
			ns := make([]neighbour, 0, candidateCount+1)
			for _, q := range touched {
				mark[q] = false
				var dots [numBlocks]float64
				for b := range acc {
					dots[b], acc[b][q] = acc[b][q], 0
				}
				sim, block := combine(w, dots)
				if q == p || sim == 0 || (len(ns) == candidateCount && sim < ns[len(ns)-1].sim) {
					continue
				}
				nb := neighbour{p: q, block: block, sim: sim}
				if i, _ := slices.BinarySearchFunc(ns, nb, compareNeighbours); i < candidateCount {
					ns = slices.Insert(ns, i, nb)[:min(len(ns)+1, candidateCount)]
				}
			}
			sims[p] = slices.Clip(ns)
		}
	})
	if err != nil {
		return nil, err
	}
	return sims, nil
}

// compareNeighbours orders neighbours most similar first, then by position.
func compareNeighbours(a, b neighbour) int {
	if a.sim != b.sim {
		if a.sim > b.sim {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.p, b.p)
}

// scorer scores the candidates of one profession after the other, reusing its arrays.
type scorer struct {
	x       *index
	sims    [][]neighbour
	opts    Options
	content [numBlocks]float64
	signal  [numSignals]float64
	val     [numSignals][]float64
	// block is the content block that weighs most toward a candidate, -1 until it is known.
	block   []int8
	progW   []float64
	kindW   []float64
	mark    []bool
	own     []bool
	touched []int32
	// depth is groupSignal's value of each group position for the profession being scored.
	depth []float64
	// dense are the vectors of the profession being scored, by block and feature.
	dense [numBlocks][]float32
	skill []bool
}

// newScorer prepares a scorer: the weights of the signals the dataset has, summing to 1.
func newScorer(x *index, sims [][]neighbour, opts Options) *scorer {
	s := &scorer{x: x, sims: sims, opts: opts, content: x.contentWeights()}
	has := [numSignals]bool{sigContent: true}
	has[sigNeighbours] = len(x.d.Moves) > 0
	has[sigReverse] = has[sigNeighbours]
	has[sigOwnMoves] = has[sigNeighbours]
	has[sigCoTarget] = has[sigNeighbours]
	has[sigLent] = opts.Lent != nil && len(opts.Lent.Moves) > 0
	has[sigGroup] = len(x.d.GroupMembers) > 0
	has[sigInterest] = len(x.d.Interests) > 0
	has[sigFamily] = len(x.kin) > 0
	w := weights(x.d.Info.Name)
	var sum float64
	for i := range numSignals {
		if has[i] {
			s.signal[i] = w[i]
			sum += w[i]
		}
	}
	for i := range s.signal {
		s.signal[i] /= sum
	}
	for i := range s.val {
		s.val[i] = make([]float64, x.n)
	}
	s.block = make([]int8, x.n)
	for i := range s.block {
		s.block[i] = -1
	}
	s.progW, s.kindW, s.mark, s.own = make([]float64, x.n), make([]float64, x.n), make([]bool, x.n), make([]bool, x.n)
	s.depth = make([]float64, len(x.groupName))
	for b := range s.dense {
		s.dense[b] = make([]float32, len(x.post[b]))
	}
	s.skill = make([]bool, x.numSkills)
	return s
}

// knn returns the neighbourCount professions most similar to p.
func (s *scorer) knn(p int32) []neighbour {
	return s.sims[p][:min(len(s.sims[p]), neighbourCount)]
}

// touch makes q a candidate of the profession being scored.
func (s *scorer) touch(q int32) {
	if !s.mark[q] {
		s.mark[q] = true
		s.touched = append(s.touched, q)
	}
}

// candidate is a scored move of the profession being scored.
type candidate struct {
	p     int32
	score float64
}

// moves returns the k best inferred moves of profession p.
func (s *scorer) moves(p int32, k int) []career.InferredMove {
	x := s.x
	s.touched = s.touched[:0]
	for _, nb := range s.sims[p] {
		s.val[sigContent][nb.p], s.block[nb.p] = nb.sim, nb.block
		s.touch(nb.p)
	}
	knn := s.knn(p)
	var simSum float64
	for _, nb := range knn {
		simSum += nb.sim
	}
	for _, nb := range knn {
		for _, m := range x.out[nb.p] {
			s.val[sigNeighbours][m.p] += nb.sim / simSum
			s.addKind(m.p, nb.sim, m.kind == career.MoveProgression)
			s.touch(m.p)
		}
		for _, m := range x.in[nb.p] {
			s.val[sigNeighbours][m.p] += reverseNeighbourWeight * nb.sim / simSum
			s.touch(m.p)
		}
	}
	for _, m := range x.in[p] {
		s.val[sigReverse][m.p] = 1
		s.addKind(m.p, 1, false) // q → p, lateral or a step up to p: p → q is no step up
		s.touch(m.p)
	}
	for _, r := range x.in[p] {
		for _, m := range x.out[r.p] {
			if m.p != p {
				s.val[sigCoTarget][m.p] += 1 / float64(len(x.out[r.p])-1)
				s.touch(m.p)
			}
		}
	}
	for _, m := range x.out[p] {
		for _, nb := range s.knn(m.p) {
			if nb.sim > s.val[sigOwnMoves][nb.p] {
				s.val[sigOwnMoves][nb.p] = nb.sim
			}
			s.addKind(nb.p, nb.sim, m.kind == career.MoveProgression)
			s.touch(nb.p)
		}
	}
	for _, l := range x.lent[p] {
		s.val[sigLent][l.p] = l.v
		s.addKind(l.p, l.v, l.kind == career.MoveProgression)
		s.touch(l.p)
	}
	for _, q := range x.kin[x.family[p]] {
		s.val[sigFamily][q] = 1
		s.touch(q)
	}
	s.own[p] = true
	for _, m := range x.out[p] {
		s.own[m.p] = true
	}
	// The members of p's narrowest groups are candidates; when nothing else is, those of the
	// broader groups, one level after the other.
	for level := 0; ; level++ {
		more := false
		for _, chain := range x.groups[p] {
			if level < len(chain) {
				more = true
				for _, q := range x.members[chain[level]] {
					s.touch(q)
				}
			}
		}
		if !more || slices.ContainsFunc(s.touched, func(q int32) bool { return !s.own[q] }) {
			break
		}
	}
	for _, chain := range x.groups[p] {
		for i, g := range chain {
			s.depth[g] = max(s.depth[g], float64(len(chain)-i)/float64(len(chain)))
		}
	}
	for b := range s.dense {
		for _, e := range x.vec[b][p] {
			s.dense[b][e.i] = e.w
		}
	}
	rank := func(c candidate) career.Ranked {
		return career.Ranked{Score: c.score, SortKey: x.sortKey[c.p], ID: x.d.Professions[c.p].ID}
	}
	cands := make([]candidate, 0, k+1)
	for _, q := range s.touched {
		if s.own[q] {
			continue
		}
		s.val[sigCoTarget][q] = 1 - math.Exp(-s.val[sigCoTarget][q])
		s.val[sigGroup][q] = s.groupSignal(q)
		if x.interest[p] != "" && x.interest[q] != "" {
			s.val[sigInterest][q] = career.RiasecScore(x.interest[p], x.interest[q])
		}
		if s.block[q] < 0 {
			// q is not among p's candidateCount most similar professions: its content signal is
			// 0 when they are fewer, at most the last one's otherwise; computed only when q can
			// then still make the first k (a rounding step of slack).
			s.block[q] = blockSkills
			if len(s.sims[p]) == candidateCount {
				s.val[sigContent][q] = s.sims[p][candidateCount-1].sim
				if len(cands) == k && s.score(q)+1.0/scoreScale < cands[k-1].score {
					continue
				}
				s.val[sigContent][q], s.block[q] = x.dot(&s.dense, q, s.content)
			}
		}
		c := candidate{p: q, score: s.score(q)}
		if len(cands) == k && c.score < cands[k-1].score {
			continue
		}
		i, _ := slices.BinarySearchFunc(cands, c, func(a, b candidate) int { return career.CompareRanked(rank(a), rank(b)) })
		if i < k {
			cands = slices.Insert(cands, i, c)[:min(len(cands)+1, k)]
		}
	}
	out := make([]career.InferredMove, 0, min(k, len(cands)))
	for _, c := range cands[:min(k, len(cands))] {
		out = append(out, career.InferredMove{
			FromID: x.d.Professions[p].ID, ToID: x.d.Professions[c.p].ID,
			Kind: s.kind(c.p), Score: c.score, Basis: s.basis(p, c.p),
		})
	}
	for _, q := range s.touched {
		s.mark[q], s.own[q], s.block[q] = false, false, -1
		s.progW[q], s.kindW[q] = 0, 0
		for i := range s.val {
			s.val[i][q] = 0
		}
	}
	s.own[p] = false
	for _, m := range x.out[p] {
		s.own[m.p] = false
	}
	for _, chain := range x.groups[p] {
		for _, g := range chain {
			s.depth[g] = 0
		}
	}
	for b := range s.dense {
		for _, e := range x.vec[b][p] {
			s.dense[b][e.i] = 0
		}
	}
	return out
}

// addKind counts weight w of curated evidence for the move toward q, PROGRESSION or not.
func (s *scorer) addKind(q int32, w float64, progression bool) {
	s.kindW[q] += w
	if progression {
		s.progW[q] += w
	}
}

// kind is PROGRESSION when more than half of the curated evidence toward q is.
func (s *scorer) kind(q int32) career.MoveKind {
	if s.kindW[q] > 0 && s.progW[q] > s.kindW[q]/2 {
		return career.MoveProgression
	}
	return career.MoveLateral
}

// score is the weighted mean of the signals toward q, rounded to 3 decimals, in 0..1.
func (s *scorer) score(q int32) float64 {
	var v float64
	for i := range numSignals {
		v += s.signal[i] * min(s.val[i][q], 1)
	}
	return math.Round(min(max(v, 0), 1)*scoreScale) / scoreScale
}

// groupSignal is the depth of the deepest group the profession being scored and q share, over
// the depth of its group (both counted from 1 at the top): 1 for its narrowest group, 0 for
// none.
func (s *scorer) groupSignal(q int32) float64 {
	var best float64
	for _, cq := range s.x.groups[q] {
		for _, g := range cq {
			best = max(best, s.depth[g])
		}
	}
	return best
}

// basis says why the move p → q is suggested: the signal that weighs most in its score, and
// the second one when it weighs at least minBasisShare of the score.
func (s *scorer) basis(p, q int32) string {
	type part struct {
		sig int
		v   float64
	}
	parts := make([]part, 0, numSignals)
	var sum float64
	for i := range numSignals {
		if v := s.signal[i] * min(s.val[i][q], 1); v > 0 {
			parts = append(parts, part{sig: i, v: v})
			sum += v
		}
	}
	if len(parts) == 0 {
		return "in the same occupation group"
	}
	slices.SortStableFunc(parts, func(a, b part) int {
		if a.v > b.v {
			return -1
		}
		if a.v < b.v {
			return 1
		}
		return 0
	})
	phrases := []string{s.phrase(parts[0].sig, p, q)}
	if len(parts) > 1 && parts[1].v >= minBasisShare*sum {
		phrases = append(phrases, s.phrase(parts[1].sig, p, q))
	}
	return strings.Join(phrases, "; ")
}

// phrase is a signal's part of a basis.
func (s *scorer) phrase(sig int, p, q int32) string {
	x := s.x
	switch sig {
	case sigContent:
		return s.contentPhrase(p, q)
	case sigNeighbours:
		n := 0
		knn := s.knn(p)
		for _, nb := range knn {
			if slices.ContainsFunc(x.out[nb.p], func(m move) bool { return m.p == q }) ||
				slices.ContainsFunc(x.in[nb.p], func(m move) bool { return m.p == q }) {
				n++
			}
		}
		return fmt.Sprintf("%s links it to %d of the %d most similar professions", s.opts.label(), n, len(knn))
	case sigReverse:
		return s.opts.label() + " lists the reverse move"
	case sigOwnMoves:
		return "close to a move " + s.opts.label() + " lists"
	case sigCoTarget:
		return s.opts.label() + " lists both as moves of the same professions"
	case sigLent:
		return s.opts.Lent.Label + " related occupation, via " + s.opts.Lent.Via
	case sigGroup:
		for _, cp := range x.groups[p] {
			for _, g := range cp {
				for _, cq := range x.groups[q] {
					if slices.Contains(cq, g) {
						return "in the same group: " + x.groupName[g]
					}
				}
			}
		}
	case sigInterest:
		return "interest code " + x.interest[q] + " close to " + x.interest[p]
	case sigFamily:
		switch f := x.family[p]; {
		case f == q:
			return "the profession it specialises"
		case f == p:
			return "a specialisation of it"
		default:
			return "both specialise " + x.d.Professions[f].Name
		}
	}
	return ""
}

// contentPhrase names the content block that weighs most toward q: its shared skills (essential
// ones when q has some), tools, or similar titles or tasks.
func (s *scorer) contentPhrase(p, q int32) string {
	x := s.x
	switch s.block[q] {
	case blockTools:
		return "shares " + s.share(x.tools[p], x.tools[q]) + " tools"
	case blockTitles:
		return "a similar title"
	case blockTasks:
		return "similar tasks"
	}
	for _, sk := range x.skills[p] {
		s.skill[sk] = true
	}
	defer func() {
		for _, sk := range x.skills[p] {
			s.skill[sk] = false
		}
	}()
	var shared, all, sharedEss, ess int
	for i, sk := range x.skills[q] {
		all++
		if s.skill[sk] {
			shared++
		}
		if x.essential[q][i] {
			ess++
			if s.skill[sk] {
				sharedEss++
			}
		}
	}
	if ess > 0 && sharedEss > 0 {
		return fmt.Sprintf("shares %d of its %d essential skills", sharedEss, ess)
	}
	return fmt.Sprintf("shares %d of its %d skills", shared, all)
}

// share says how many of q's items (tools) p shares: "3 of its 8".
func (s *scorer) share(p, q []int32) string {
	n := 0
	for _, t := range q {
		if slices.Contains(p, t) {
			n++
		}
	}
	return fmt.Sprintf("%d of its %d", n, len(q))
}

// requirementWeight is the weight of a requirement in the skill similarity: an essential skill
// counts twice, an optional one once.
func requirementWeight(i career.Importance) float64 {
	if i == career.Essential {
		return 2
	}
	return 1
}
