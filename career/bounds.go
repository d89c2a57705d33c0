package career

import (
	"context"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/careergraph/careergraph/internal/saturate"
)

// WalkSteps is the longest walk Bounds counts: the most moves careerPaths and
// careerProgression may take (MaxPathSteps).
const WalkSteps = MaxPathSteps

// TextPrefixRunes is the longest word prefix Bounds counts search postings for: a query word
// of more runes reaches at most what its first TextPrefixRunes runes reach.
const TextPrefixRunes = 3

// Bounds are upper bounds of the loaded data: how long each list the API serves can be and how
// much each traversal can visit. The API's cost model multiplies by them, so that a query's
// cost bounds its real work before it runs. Stores compute them at each load (DatasetBounds,
// merged with Merge), so both backends give the same bounds for the same datasets.
//
// Links stay within a dataset (dataset.Validate enforces it), so the per-profession and
// per-node maxima of several datasets are the largest of theirs; counts and search postings
// add up; and what lies under a node of one dataset is bounded by that dataset's own bounds
// (ByDataset, Of).
type Bounds struct {
	// Counts over the loaded datasets.
	Datasets    int `json:"datasets"`
	Professions int `json:"professions"`
	Skills      int `json:"skills"`
	Tools       int `json:"tools"`
	Trainings   int `json:"trainings"`
	// Moves counts the career moves (self-moves left out).
	Moves int `json:"moves"`
	// Postings counts the requirement links and tool uses: all that matchProfessions can walk.
	Postings int `json:"postings"`

	// The most of each list one profession has.
	MaxQualities       int `json:"maxQualities"`
	MaxRequirements    int `json:"maxRequirements"`
	MaxTools           int `json:"maxTools"`
	MaxTrainings       int `json:"maxTrainings"`
	MaxNextCareers     int `json:"maxNextCareers"`
	MaxPreviousCareers int `json:"maxPreviousCareers"`
	MaxSpecializations int `json:"maxSpecializations"`
	// MaxEquivalents bounds the equivalents of one profession: per dataset, the most links one
	// profession has among those the dataset declares (from it or to it); merged, the sum, since
	// the links of several datasets can meet on one profession.
	MaxEquivalents int `json:"maxEquivalents"`

	// MaxProfessionGroups is the most occupation groups one profession is in (its narrowest
	// groups and all the groups above them: the depth of the deepest hierarchy);
	// MaxNarrowerGroups the most groups directly under one group.
	MaxProfessionGroups int `json:"maxProfessionGroups"`
	MaxNarrowerGroups   int `json:"maxNarrowerGroups"`

	// MaxSkillUse is the most professions requiring one skill; MaxToolUse the most using one tool.
	MaxSkillUse int `json:"maxSkillUse"`
	MaxToolUse  int `json:"maxToolUse"`
	// MaxSimilarPostings is the most links similarProfessions walks for one profession: the
	// professions requiring each of its skills plus those using each of its tools.
	MaxSimilarPostings int `json:"maxSimilarPostings"`
	// MaxBroaderSkills is the longest Skill.broader; MaxRelatedSkills the most related skills
	// of one skill (skillgraph.go). ESCO v1.1.1 has the largest: 42 and 20.
	MaxBroaderSkills int `json:"maxBroaderSkills"`
	MaxRelatedSkills int `json:"maxRelatedSkills"`

	// Walks[k-1] is the most walks of k moves (professions may repeat) that start at one
	// profession: a bound of the paths of k moves, and of what a traversal sees k moves away.
	Walks [WalkSteps]int `json:"walks"`
	// InferredMoves counts the inferred moves served (ServedInferredMoves), MaxInferredCareers
	// the most out of one profession, and InferredWalks[k-1] the most walks of k moves, own or
	// inferred, that start at one profession: what the traversals and lists that follow
	// inferred moves (inferred: true) can see.
	InferredMoves      int            `json:"inferredMoves"`
	MaxInferredCareers int            `json:"maxInferredCareers"`
	InferredWalks      [WalkSteps]int `json:"inferredWalks"`
	// TextPrefixes maps each word prefix of 1..TextPrefixRunes runes to the number of (node,
	// word) pairs whose word starts with it: what a query word starting with it (and no
	// shorter) can make a search read. Nil when unknown: then every word reads MaxWordPostings.
	TextPrefixes map[string]int `json:"textPrefixes"`
	// MaxWordPostings is the most (node, word) pairs one query word can reach: the largest
	// count of TextPrefixes.
	MaxWordPostings int `json:"maxWordPostings"`

	// ByDataset holds the bounds of each dataset these bounds merge, by name, without their
	// search postings (searches read every dataset's words) and without ByDataset. Nil when
	// unknown.
	ByDataset map[string]Bounds `json:"-"`
}

// Of returns the bounds of what lies under the nodes of the named datasets: theirs merged (a
// dataset that is not loaded has no nodes, and zero bounds), or b itself when b does not know
// its datasets. The search postings are b's.
func (b *Bounds) Of(datasets ...string) Bounds {
	if b.ByDataset == nil || len(datasets) == 0 {
		return *b
	}
	list := make([]Bounds, 0, len(datasets))
	for i, name := range datasets {
		if !slices.Contains(datasets[:i], name) {
			list = append(list, b.ByDataset[name])
		}
	}
	m := MergeBounds(list...)
	m.TextPrefixes, m.MaxWordPostings = b.TextPrefixes, b.MaxWordPostings
	return m
}

// withoutText returns b without its search postings and ByDataset: an entry of ByDataset.
func (b Bounds) withoutText() Bounds {
	b.TextPrefixes, b.MaxWordPostings, b.ByDataset = nil, 0, nil
	return b
}

// Named returns b as the bounds of the one dataset name: ByDataset holds b under name.
func (b Bounds) Named(name string) Bounds {
	b.ByDataset = map[string]Bounds{name: b.withoutText()}
	return b
}

// WordPostings returns the most (node, word) pairs a folded query word can make a search
// read: those of the words that start with its first TextPrefixRunes runes.
func (b *Bounds) WordPostings(word string) int {
	if b.TextPrefixes == nil {
		return b.MaxWordPostings
	}
	if utf8.RuneCountInString(word) > TextPrefixRunes {
		word = firstRunes(word, TextPrefixRunes)
	}
	return b.TextPrefixes[word]
}

// BoundsReader is a store that knows the bounds of the data it holds. Both backends implement
// it; the API costs queries with DefaultBounds for a store that does not.
type BoundsReader interface {
	// Bounds returns the bounds of the loaded data. A store that cannot read them (Neo4j down)
	// returns the last bounds it knew, or DefaultBounds, with the error.
	Bounds(ctx context.Context) (Bounds, error)
}

// DefaultBounds are the bounds used when the data's are unknown: about one and a half times
// the largest values of ROME 4.0, ESCO v1.1.1 and O*NET 29.3 loaded together, so that the
// queries that fit the real data fit these too.
var DefaultBounds = Bounds{
	Datasets: 10, Professions: 10000, Skills: 70000, Tools: 45000, Trainings: 2500,
	Moves: 50000, Postings: 500000,
	MaxQualities: 10, MaxRequirements: 500, MaxTools: 700, MaxTrainings: 10,
	MaxNextCareers: 32, MaxPreviousCareers: 650, MaxSpecializations: 65, MaxEquivalents: 100,
	MaxProfessionGroups: 6, MaxNarrowerGroups: 27,
	MaxSkillUse: 1600, MaxToolUse: 1300, MaxSimilarPostings: 150000,
	MaxBroaderSkills: 65, MaxRelatedSkills: 30,
	Walks:         [WalkSteps]int{32, 1024, 32768, 1048576, 33554432, 1073741824},
	InferredMoves: 200000, MaxInferredCareers: 20,
	InferredWalks:   [WalkSteps]int{52, 2704, 140608, 7311616, 380204032, 19770609664},
	MaxWordPostings: 120000,
}

// Merge returns the bounds of two sets of datasets loaded together.
func (b Bounds) Merge(o Bounds) Bounds {
	m := Bounds{
		Datasets:            saturate.Add(b.Datasets, o.Datasets),
		Professions:         saturate.Add(b.Professions, o.Professions),
		Skills:              saturate.Add(b.Skills, o.Skills),
		Tools:               saturate.Add(b.Tools, o.Tools),
		Trainings:           saturate.Add(b.Trainings, o.Trainings),
		Moves:               saturate.Add(b.Moves, o.Moves),
		Postings:            saturate.Add(b.Postings, o.Postings),
		MaxQualities:        max(b.MaxQualities, o.MaxQualities),
		MaxRequirements:     max(b.MaxRequirements, o.MaxRequirements),
		MaxTools:            max(b.MaxTools, o.MaxTools),
		MaxTrainings:        max(b.MaxTrainings, o.MaxTrainings),
		MaxNextCareers:      max(b.MaxNextCareers, o.MaxNextCareers),
		MaxPreviousCareers:  max(b.MaxPreviousCareers, o.MaxPreviousCareers),
		MaxSpecializations:  max(b.MaxSpecializations, o.MaxSpecializations),
		MaxProfessionGroups: max(b.MaxProfessionGroups, o.MaxProfessionGroups),
		MaxNarrowerGroups:   max(b.MaxNarrowerGroups, o.MaxNarrowerGroups),
		MaxSkillUse:         max(b.MaxSkillUse, o.MaxSkillUse),
		MaxToolUse:          max(b.MaxToolUse, o.MaxToolUse),
		MaxSimilarPostings:  max(b.MaxSimilarPostings, o.MaxSimilarPostings),
		MaxEquivalents:      saturate.Add(b.MaxEquivalents, o.MaxEquivalents),
		MaxBroaderSkills:    max(b.MaxBroaderSkills, o.MaxBroaderSkills),
		MaxRelatedSkills:    max(b.MaxRelatedSkills, o.MaxRelatedSkills),
		InferredMoves:       saturate.Add(b.InferredMoves, o.InferredMoves),
		MaxInferredCareers:  max(b.MaxInferredCareers, o.MaxInferredCareers),
	}
	for k := range m.Walks {
		m.Walks[k] = max(b.Walks[k], o.Walks[k])
		m.InferredWalks[k] = max(b.InferredWalks[k], o.InferredWalks[k])
	}
	if b.ByDataset != nil && o.ByDataset != nil {
		m.ByDataset = make(map[string]Bounds, len(b.ByDataset)+len(o.ByDataset))
		maps.Copy(m.ByDataset, b.ByDataset)
		maps.Copy(m.ByDataset, o.ByDataset)
	}
	m.MaxWordPostings = saturate.Add(b.MaxWordPostings, o.MaxWordPostings)
	if b.TextPrefixes != nil && o.TextPrefixes != nil {
		m.TextPrefixes = make(map[string]int, max(len(b.TextPrefixes), len(o.TextPrefixes)))
		for _, prefixes := range []map[string]int{b.TextPrefixes, o.TextPrefixes} {
			for p, n := range prefixes {
				m.TextPrefixes[p] = saturate.Add(m.TextPrefixes[p], n)
			}
		}
		m.MaxWordPostings = maxCount(m.TextPrefixes)
	}
	return m
}

// maxCount returns the largest value of a map (0 for none).
func maxCount(m map[string]int) int {
	n := 0
	for _, v := range m {
		n = max(n, v)
	}
	return n
}

// MergeBounds merges the bounds of datasets loaded together; no datasets give zero bounds
// (with no words and no datasets).
func MergeBounds(list ...Bounds) Bounds {
	m := Bounds{TextPrefixes: map[string]int{}, ByDataset: map[string]Bounds{}}
	for _, b := range list {
		m = m.Merge(b)
	}
	return m
}

// DatasetBounds computes the bounds of one dataset as stores serve it: links to nodes the
// dataset does not hold and moves from a profession to itself are left out, links given twice
// count twice. TextPrefixes is left nil: stores count it with a PrefixCounter from the words
// they index, which they have folded already. ByDataset holds the dataset's bounds under its
// name.
func DatasetBounds(d *Dataset) Bounds {
	b := Bounds{
		Datasets:    1,
		Professions: len(d.Professions),
		Skills:      len(d.Skills),
		Tools:       len(d.Tools),
		Trainings:   len(d.Trainings),
	}
	b.MaxBroaderSkills, b.MaxRelatedSkills = skillGraphBounds(d)
	index := make(map[string]int, len(d.Professions))
	for i, p := range d.Professions {
		index[p.ID] = i
	}
	skills := make(map[string]int, len(d.Skills)) // skill ID → professions requiring it
	for _, s := range d.Skills {
		skills[s.ID] = 0
	}
	tools := make(map[string]int, len(d.Tools)) // tool ID → professions using it
	for _, t := range d.Tools {
		tools[t.ID] = 0
	}
	trainings := make(map[string]bool, len(d.Trainings))
	for _, t := range d.Trainings {
		trainings[t.ID] = true
	}

	b.MaxEquivalents = maxEquivalents(d.Equivalences)
	n := len(d.Professions)
	qualities, requirements, toolUses, trained := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	next, previous, narrower := make([][]int, n), make([]int, n), make([]int, n)
	for _, r := range d.Requirements {
		p, ok := index[r.ProfessionID]
		if _, known := skills[r.SkillID]; ok && known {
			requirements[p]++
			skills[r.SkillID]++
			b.Postings++
		}
	}
	for _, l := range d.Qualities {
		if p, ok := index[l.ProfessionID]; ok {
			if _, known := skills[l.TargetID]; known {
				qualities[p]++
			}
		}
	}
	for _, l := range d.ToolUses {
		p, ok := index[l.ProfessionID]
		if _, known := tools[l.TargetID]; ok && known {
			toolUses[p]++
			tools[l.TargetID]++
			b.Postings++
		}
	}
	for _, l := range d.TrainingLinks {
		if p, ok := index[l.ProfessionID]; ok && trainings[l.TargetID] {
			trained[p]++
		}
	}
	for _, m := range d.Moves {
		from, okFrom := index[m.FromID]
		to, okTo := index[m.ToID]
		if okFrom && okTo && from != to {
			next[from] = append(next[from], to)
			previous[to]++
			b.Moves++
		}
	}
	for i, p := range d.Professions {
		if broader, ok := index[p.SpecializationOf]; ok && broader != i {
			narrower[broader]++
		}
	}
	for i := range n {
		b.MaxQualities = max(b.MaxQualities, qualities[i])
		b.MaxRequirements = max(b.MaxRequirements, requirements[i])
		b.MaxTools = max(b.MaxTools, toolUses[i])
		b.MaxTrainings = max(b.MaxTrainings, trained[i])
		b.MaxNextCareers = max(b.MaxNextCareers, len(next[i]))
		b.MaxPreviousCareers = max(b.MaxPreviousCareers, previous[i])
		b.MaxSpecializations = max(b.MaxSpecializations, narrower[i])
	}
	for _, uses := range skills {
		b.MaxSkillUse = max(b.MaxSkillUse, uses)
	}
	for _, uses := range tools {
		b.MaxToolUse = max(b.MaxToolUse, uses)
	}

	similar := make([]int, n)
	for _, r := range d.Requirements {
		if p, ok := index[r.ProfessionID]; ok {
			similar[p] = saturate.Add(similar[p], skills[r.SkillID])
		}
	}
	for _, l := range d.ToolUses {
		if p, ok := index[l.ProfessionID]; ok {
			similar[p] = saturate.Add(similar[p], tools[l.TargetID])
		}
	}
	for _, v := range similar {
		b.MaxSimilarPostings = max(b.MaxSimilarPostings, v)
	}

	b.Walks = walks(next)
	b.InferredMoves, b.MaxInferredCareers, b.InferredWalks = inferredBounds(d, index, next)
	b.MaxProfessionGroups, b.MaxNarrowerGroups = groupBounds(d, index)
	return b.Named(d.Info.Name)
}

// groupBounds returns the most occupation groups one profession of d is in (the distinct
// groups of its memberships and all those above them) and the most groups directly under one
// group, as stores serve them: links to groups or professions d does not hold are left out.
func groupBounds(d *Dataset, professions map[string]int) (maxOf, maxNarrower int) {
	broader := make(map[string]string, len(d.Groups))
	for _, g := range d.Groups {
		broader[g.ID] = g.BroaderID
	}
	narrower := make(map[string]int, len(d.Groups))
	for _, g := range d.Groups {
		if _, ok := broader[g.BroaderID]; ok && g.BroaderID != g.ID {
			narrower[g.BroaderID]++
			maxNarrower = max(maxNarrower, narrower[g.BroaderID])
		}
	}
	of := make(map[string]map[string]bool, len(d.Professions))
	for _, m := range d.GroupMembers {
		if _, ok := professions[m.ProfessionID]; !ok {
			continue
		}
		set := of[m.ProfessionID]
		if set == nil {
			set = map[string]bool{}
			of[m.ProfessionID] = set
		}
		for id := m.TargetID; !set[id]; id = broader[id] {
			if _, ok := broader[id]; !ok {
				break
			}
			set[id] = true
		}
		maxOf = max(maxOf, len(set))
	}
	return maxOf, maxNarrower
}

// inferredBounds returns the number of inferred moves d serves, the most out of one
// profession, and the walks over its own moves (next, by profession index) and inferred ones.
func inferredBounds(d *Dataset, index map[string]int, next [][]int) (moves, most int, w [WalkSteps]int) {
	all := make([][]int, len(next))
	for i, targets := range next {
		all[i] = slices.Clone(targets)
	}
	per := make([]int, len(next))
	for _, m := range ServedInferredMoves(d) {
		from, to := index[m.FromID], index[m.ToID]
		all[from] = append(all[from], to)
		per[from]++
		moves++
		most = max(most, per[from])
	}
	return moves, most, walks(all)
}

// walks returns, for k = 1..WalkSteps, the most walks of k moves out of one profession:
// walks_k(p) = Σ walks_{k-1}(q) over p's moves to q, with walks_0 = 1.
func walks(next [][]int) [WalkSteps]int {
	var out [WalkSteps]int
	prev := make([]int, len(next))
	for i := range prev {
		prev[i] = 1
	}
	cur := make([]int, len(next))
	for k := range out {
		for p, targets := range next {
			w := 0
			for _, q := range targets {
				w = saturate.Add(w, prev[q])
			}
			cur[p] = w
			out[k] = max(out[k], w)
		}
		prev, cur = cur, prev
	}
	return out
}

// PrefixCounter counts, for word prefixes of 1..TextPrefixRunes runes, the (node, word) pairs
// whose word starts with the prefix: what fills Bounds.TextPrefixes from the words a store
// indexes (textsearch.Words of each node). The zero PrefixCounter is ready to use.
type PrefixCounter struct {
	counts map[string]int
}

// AddNode counts the distinct words of one node (its textsearch.Words).
func (c *PrefixCounter) AddNode(words []string) {
	for _, w := range words {
		c.AddWord(w, 1)
	}
}

// AddWord counts one word that nodes nodes have, as AddNode of each of those nodes would
// (textsearch.Index.EachWord gives every word of an index this way).
func (c *PrefixCounter) AddWord(word string, nodes int) {
	if c.counts == nil {
		c.counts = make(map[string]int)
	}
	end := 0
	for n := 1; n <= TextPrefixRunes && end < len(word); n++ {
		_, size := utf8.DecodeRuneInString(word[end:])
		end += size
		c.counts[word[:end]] = saturate.Add(c.counts[word[:end]], nodes)
	}
}

// SetText sets b's TextPrefixes and MaxWordPostings to the counts.
func (c *PrefixCounter) SetText(b *Bounds) {
	b.TextPrefixes = c.counts
	if b.TextPrefixes == nil {
		b.TextPrefixes = map[string]int{}
	}
	b.MaxWordPostings = maxCount(b.TextPrefixes)
}

// firstRunes returns the first n runes of s (s has at least n).
func firstRunes(s string, n int) string {
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// maxEquivalents is the most equivalences one profession has among eqs, from it or to it.
func maxEquivalents(eqs []Equivalence) int {
	per := make(map[string]int, len(eqs))
	for _, e := range eqs {
		per[e.FromID]++
		per[e.ToID]++
	}
	return maxCount(per)
}

// WithInferred returns b as the bounds of the graph whose moves include the inferred ones: what
// the lists and traversals that follow inferred moves (inferred: true) can see.
func (b Bounds) WithInferred() Bounds {
	b.Moves = saturate.Add(b.Moves, b.InferredMoves)
	b.MaxNextCareers = saturate.Add(b.MaxNextCareers, b.MaxInferredCareers)
	b.Walks = b.InferredWalks
	return b
}
