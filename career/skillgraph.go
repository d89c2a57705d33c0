package career

import (
	"cmp"
	"slices"
)

// MaxCoRequired is the most co-required skills kept for one skill (the highest `first` of
// Skill.coRequired): stores precompute that many at load, by CoRequired.
const MaxCoRequired = 50

// MaxBroaderDepth is the most levels Skill.broader climbs from a skill. ESCO's deepest skill
// is 5 levels under its pillar; the cap only guards against a cycle in a dataset.
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
// squared (about 5 million pairs for ESCO).
func CoRequired(d *Dataset, limit int) map[string][]CoCount {
	index := make(map[string]int, len(d.Skills))
	keys := make([]string, len(d.Skills))
	for i, s := range d.Skills {
		index[s.ID] = i
		keys[i] = SortKey(s.Name)
	}
	// rank[i] is skill i's position in the (SortKey(name), ID) order: ties compare as ints.
	byName := make([]int, len(d.Skills))
	for i := range byName {
		byName[i] = i
	}
	slices.SortFunc(byName, func(a, b int) int { return CompareKeys(keys[a], d.Skills[a].ID, keys[b], d.Skills[b].ID) })
	rank := make([]int, len(d.Skills))
	for r, i := range byName {
		rank[i] = r
	}
	// The distinct skills of each profession, and the professions of each skill.
	bySkill := make([][]int, len(d.Skills))
	var profSkills [][]int
	profIndex := make(map[string]int, len(d.Professions))
	seen := make(map[[2]int]bool, len(d.Requirements))
	for _, r := range d.Requirements {
		s, ok := index[r.SkillID]
		if !ok {
			continue
		}
		p, ok := profIndex[r.ProfessionID]
		if !ok {
			p = len(profSkills)
			profIndex[r.ProfessionID] = p
			profSkills = append(profSkills, nil)
		}
		if seen[[2]int{p, s}] {
			continue
		}
		seen[[2]int{p, s}] = true
		profSkills[p] = append(profSkills[p], s)
		bySkill[s] = append(bySkill[s], p)
	}
	out := make(map[string][]CoCount)
	counts := make([]int, len(d.Skills))
	var touched []int
	for s, profs := range bySkill {
		touched = touched[:0]
		for _, p := range profs {
			for _, o := range profSkills[p] {
				if o == s {
					continue
				}
				if counts[o] == 0 {
					touched = append(touched, o)
				}
				counts[o]++
			}
		}
		if len(touched) == 0 {
			continue
		}
		// Only the skills counted at least as often as the limit-th need sorting: find that
		// count from a histogram of the counts (at most len(profs)).
		hist := make([]int, len(profs)+1)
		for _, o := range touched {
			hist[counts[o]]++
		}
		threshold, kept := len(profs), 0
		for ; threshold > 1 && kept+hist[threshold] < limit; threshold-- {
			kept += hist[threshold]
		}
		candidates := touched[:0:0]
		for _, o := range touched {
			if counts[o] >= threshold {
				candidates = append(candidates, o)
			}
		}
		slices.SortFunc(candidates, func(a, b int) int {
			if c := cmp.Compare(counts[b], counts[a]); c != 0 {
				return c
			}
			return cmp.Compare(rank[a], rank[b])
		})
		top := make([]CoCount, 0, min(limit, len(candidates)))
		for _, o := range candidates[:min(limit, len(candidates))] {
			top = append(top, CoCount{SkillID: d.Skills[o].ID, Professions: counts[o]})
		}
		for _, o := range touched {
			counts[o] = 0
		}
		out[d.Skills[s].ID] = top
	}
	return out
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
