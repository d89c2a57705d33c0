package career

import (
	"slices"
)

// MaxCoRequired is the most co-required skills kept for one skill (the highest `first` of
// Skill.coRequired): stores precompute that many at load, by CoRequired.
const MaxCoRequired = 50

// MaxBroaderDepth is the most levels Skill.broader climbs from a skill. ESCO's deepest skill
// has 8 levels above it (skills under skills under groups); the cap only guards against a
// cycle in a dataset.
const MaxBroaderDepth = 10

// SkillCollection is a thematic collection a skill belongs to.
type SkillCollection string

// The skill collections, in the order the API lists them.
const (
	CollectionDigital     SkillCollection = "DIGITAL"
	CollectionGreen       SkillCollection = "GREEN"
	CollectionTransversal SkillCollection = "TRANSVERSAL"
	CollectionLanguage    SkillCollection = "LANGUAGE"
	CollectionResearch    SkillCollection = "RESEARCH"
)

// SkillCollections lists every collection, in the order the API lists them.
var SkillCollections = []SkillCollection{CollectionDigital, CollectionGreen, CollectionTransversal, CollectionLanguage, CollectionResearch}

// Valid reports whether c is one of the collections.
func (c SkillCollection) Valid() bool { return slices.Contains(SkillCollections, c) }

// SkillGraph is the skill hierarchy and the skill-to-skill links of one dataset. Every ID is
// a skill of the dataset.
type SkillGraph struct {
	// Groups are the IDs of the skills that are groups of skills (ESCO skill groups, ROME
	// macro-compétences) rather than skills.
	Groups []string
	// Broader links a skill to a broader skill or group, in dataset order.
	Broader []SkillLink
	// Relations link a skill to skills the dataset relates to it, with how much it needs them.
	Relations []SkillRelationLink
	// Members put skills in collections.
	Members []SkillMember
}

// SkillLink is a link from one skill to another.
type SkillLink struct {
	SkillID string
	OtherID string
}

// SkillRelationLink is a skill-to-skill relation with its importance.
type SkillRelationLink struct {
	SkillID    string
	RelatedID  string
	Importance Importance
}

// SkillMember puts a skill in a collection.
type SkillMember struct {
	SkillID    string
	Collection SkillCollection
}

// SkillRelation is a related skill, with its importance.
type SkillRelation struct {
	Skill      *Skill
	Importance Importance
}

// SkillFacets are what a skill is besides its texts: a group or not, and its collections (in
// the order of SkillCollections).
type SkillFacets struct {
	IsGroup     bool
	Collections []SkillCollection
}

// CoCount is a skill required together with another one by Professions professions.
type CoCount struct {
	SkillID     string
	Professions int
}

// CoRequired computes, for every skill of d that a profession requires, the skills most often
// required by the same professions: by the number of professions requiring both (descending),
// then SortKey(name), then ID; at most limit per skill. A profession counts once per pair
// however many times it lists a skill. Skills nobody requires with another are absent.
//
// Stores call it at load, so that Skill.coRequired reads a stored list and never scans the
// requirements per request. Its work is the sum over professions of their number of skills
// squared (about 5 million pairs for ESCO), on dense integer indexes: one count array reused
// from skill to skill, and a bounded selection of the limit best per skill.
func CoRequired(d *Dataset, limit int) map[string][]CoCount {
	if limit <= 0 {
		return map[string][]CoCount{}
	}
	rank := nameRanks(d.Skills)
	index := make(map[string]int, len(d.Skills))
	for i, s := range d.Skills {
		index[s.ID] = i
	}
	// The skills of each profession (dataset order of the requirements), then each skill's
	// professions, a profession once per skill.
	var profSkills [][]int
	profIndex := make(map[string]int, len(d.Professions))
	last, lastP := "", -1
	for _, r := range d.Requirements {
		s, ok := index[r.SkillID]
		if !ok {
			continue
		}
		if r.ProfessionID != last || lastP < 0 {
			p, ok := profIndex[r.ProfessionID]
			if !ok {
				p = len(profSkills)
				profIndex[r.ProfessionID] = p
				profSkills = append(profSkills, nil)
			}
			last, lastP = r.ProfessionID, p
		}
		profSkills[lastP] = append(profSkills[lastP], s)
	}
	bySkill := make([][]int, len(d.Skills))
	mark := make([]int, len(d.Skills)) // mark[s] == p+1: s seen in profession p
	for p, skills := range profSkills {
		distinct := skills[:0]
		for _, s := range skills {
			if mark[s] != p+1 {
				mark[s] = p + 1
				distinct = append(distinct, s)
				bySkill[s] = append(bySkill[s], p)
			}
		}
		profSkills[p] = distinct
	}

	// A candidate's score packs its count and its name rank into one integer, larger first:
	// count·n + (n-1-rank), so that the selection compares integers only.
	n := len(d.Skills)
	byRank := make([]int, n)
	for i, r := range rank {
		byRank[r] = i
	}
	out := make(map[string][]CoCount)
	counts := make([]int32, n)  // zero between skills
	touched := make([]int, n+1) // the skills counted for the current skill: touched[:nt], and a slot written past them
	var scores []int
	best := make([]int, 0, limit)
	for s, profs := range bySkill {
		nt := 0
		for _, p := range profs {
			for _, o := range profSkills[p] {
				c := counts[o]
				touched[nt] = o // kept only when o is new (no branch to mispredict)
				if c == 0 {
					nt++
				}
				counts[o] = c + 1
			}
		}
		scores = scores[:0]
		for _, o := range touched[:nt] {
			if o != s {
				scores = append(scores, int(counts[o])*n+n-1-rank[o])
			}
			counts[o] = 0
		}
		if len(scores) == 0 {
			continue
		}
		best = topK(best[:0], scores, limit)
		top := make([]CoCount, len(best))
		for i, score := range best {
			top[i] = CoCount{SkillID: d.Skills[byRank[n-1-score%n]].ID, Professions: score / n}
		}
		out[d.Skills[s].ID] = top
	}
	return out
}

// nameRanks returns each skill's position in the (SortKey(name), ID) order, so that ties
// compare as integers.
func nameRanks(skills []Skill) []int {
	keys := make([]string, len(skills))
	byName := make([]int, len(skills))
	for i, s := range skills {
		keys[i] = SortKey(s.Name)
		byName[i] = i
	}
	slices.SortFunc(byName, func(a, b int) int { return CompareKeys(keys[a], skills[a].ID, keys[b], skills[b].ID) })
	rank := make([]int, len(skills))
	for r, i := range byName {
		rank[i] = r
	}
	return rank
}

// topK appends to dst the k largest of scores, largest first. It keeps a min-heap of the k
// largest seen so far, so that a score not above its root costs one comparison.
func topK(dst, scores []int, k int) []int {
	h := dst
	for _, v := range scores {
		switch {
		case len(h) < k:
			h = append(h, v)
			for i := len(h) - 1; i > 0 && h[(i-1)/2] > h[i]; i = (i - 1) / 2 {
				h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			}
		case v > h[0]:
			h[0] = v
			for i := 0; ; {
				least, l, r := i, 2*i+1, 2*i+2
				if l < len(h) && h[l] < h[least] {
					least = l
				}
				if r < len(h) && h[r] < h[least] {
					least = r
				}
				if least == i {
					break
				}
				h[i], h[least] = h[least], h[i]
				i = least
			}
		}
	}
	slices.Sort(h)
	slices.Reverse(h)
	return h
}

// BroaderChain returns what lies above a skill in a hierarchy (direct maps a skill's ID to the
// IDs of its broader skills): every skill reachable in 1..MaxBroaderDepth steps, once, at its
// shortest distance, nearest first, then by key (keyOf gives the sort key and ID of an ID).
func BroaderChain(id string, direct map[string][]string, keyOf func(id string) (sortKey string)) []string {
	dist := map[string]int{id: 0}
	var out []string
	level := []string{id}
	for depth := 1; depth <= MaxBroaderDepth && len(level) > 0; depth++ {
		var next []string
		for _, n := range level {
			for _, b := range direct[n] {
				if _, ok := dist[b]; ok {
					continue
				}
				dist[b] = depth
				next = append(next, b)
			}
		}
		slices.SortFunc(next, func(a, b string) int { return CompareKeys(keyOf(a), a, keyOf(b), b) })
		out = append(out, next...)
		level = next
	}
	return out
}

// CompareRelations orders a skill's related skills: essential first, then by (sortKey, ID).
func CompareRelations(impA Importance, sortKeyA, idA string, impB Importance, sortKeyB, idB string) int {
	if c := EssentialFirst(impA, impB); c != 0 {
		return c
	}
	return CompareKeys(sortKeyA, idA, sortKeyB, idB)
}

// skillGraphBounds returns the longest Skill.broader and the most related skills of one skill
// of d.
func skillGraphBounds(d *Dataset) (maxBroader, maxRelated int) {
	direct := BroaderIndex(d.SkillGraph.Broader)
	for id := range direct {
		maxBroader = max(maxBroader, len(BroaderChain(id, direct, func(string) string { return "" })))
	}
	related := make(map[string]int)
	for _, r := range d.SkillGraph.Relations {
		related[r.SkillID]++
		maxRelated = max(maxRelated, related[r.SkillID])
	}
	return maxBroader, maxRelated
}

// BroaderIndex maps each skill's ID to the IDs of its broader skills, in dataset order, a link
// given twice once, a skill's link to itself left out.
func BroaderIndex(links []SkillLink) map[string][]string {
	direct := make(map[string][]string)
	for _, l := range links {
		if l.SkillID != l.OtherID && !slices.Contains(direct[l.SkillID], l.OtherID) {
			direct[l.SkillID] = append(direct[l.SkillID], l.OtherID)
		}
	}
	return direct
}
