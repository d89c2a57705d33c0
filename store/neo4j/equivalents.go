package neo4jstore

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// Equivalences are stored as (:Equivalence {dataset, from, to, ord, match, source, confidence,
// loadGen}) nodes holding the two professions' IDs, not as relationships: a link to a profession
// of a dataset loaded later (or reloaded) is kept, and answered once both professions are there.
// They belong to the dataset that declares them (dataset), are written with its load generation
// and replaced with it; the indexes on from and to (schema.go) serve the reads.

// equivalenceSteps returns the load step writing d's equivalences and the step removing those
// of an earlier load of d.
func equivalenceSteps(d *career.Dataset) (load, stale loadStep) {
	rows := make([]map[string]any, 0, len(d.Equivalences))
	for i, e := range d.Equivalences {
		rows = append(rows, compact(map[string]any{
			"from": e.FromID, "to": e.ToID, "ord": i, "match": string(e.Match), "source": e.Source, "confidence": e.Confidence,
		}))
	}
	load = loadStep{
		name:   "equivalences",
		cypher: "UNWIND $rows AS r CREATE (e:Equivalence) SET e = r, e.dataset = $ds, e.loadGen = $gen",
		rows:   rows,
	}
	stale = loadStep{
		name:   "stale equivalences",
		cypher: "MATCH (e:Equivalence {dataset: $ds}) WHERE e.loadGen <> $gen DELETE e",
	}
	return load, stale
}

// dropEquivalencesCypher removes the equivalences a dataset declares (Drop).
const dropEquivalencesCypher = "MATCH (e:Equivalence {dataset: $ds}) DELETE e"

// equivalentsCypher reads, for each known profession among $ids, the equivalences from it and
// to it whose other profession is loaded, with that profession.
var equivalentsCypher = `UNWIND $ids AS id
MATCH (p:Profession {id: id})
RETURN id, COLLECT {
  MATCH (e:Equivalence {from: id}) MATCH (q:Profession {id: e.to}) WHERE q.dataset <> p.dataset
  RETURN {e: e {.match, .source, .confidence}, fromSide: true, q: q ` + professionProj + `} AS x
  UNION ALL
  MATCH (e:Equivalence {to: id}) MATCH (q:Profession {id: e.from}) WHERE q.dataset <> p.dataset
  RETURN {e: e {.match, .source, .confidence}, fromSide: false, q: q ` + professionProj + `} AS x
} AS ts`

// Equivalents returns each profession's equivalents, best first (career.SortEquivalents).
func (s *Store) Equivalents(ctx context.Context, ids []string) (map[string][]career.Equivalent, error) {
	out := make(map[string][]career.Equivalent, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "equivalents", equivalentsCypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		var eqs []career.Equivalent
		for _, x := range w.list("ts") {
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			em, _ := m["e"].(map[string]any)
			q, _ := m["q"].(map[string]any)
			fromSide, _ := m["fromSide"].(bool)
			e := career.Equivalence{Match: career.EquivalenceMatch(str(em, "match")), Source: str(em, "source")}
			if c := floatOf(em["confidence"]); c != nil {
				e.Confidence = *c
			}
			eqs = append(eqs, e.Seen(fromSide, toProfession(q)))
		}
		if len(eqs) > 0 {
			out[w.str("id")] = career.SortEquivalents(eqs)
		}
	}
	return out, nil
}

// equivalenceStats counts the answered equivalences (both professions loaded) with a
// profession in dataset ("" for all), by source.
func (s *Store) equivalenceStats(ctx context.Context, dataset string) (int, []career.SourceCount, error) {
	recs, err := s.read(ctx, "equivalence stats", `
MATCH (e:Equivalence)
MATCH (a:Profession {id: e.from})
MATCH (b:Profession {id: e.to})
WHERE a.dataset <> b.dataset AND ($dataset = '' OR a.dataset = $dataset OR b.dataset = $dataset)
RETURN e.source AS source, count(*) AS n`, map[string]any{"dataset": dataset})
	if err != nil {
		return 0, nil, err
	}
	counts := make([]career.SourceCount, 0, len(recs))
	total := 0
	for _, r := range recs {
		w := row{r}
		counts = append(counts, career.SourceCount{Source: w.str("source"), Count: w.int("n")})
		total += w.int("n")
	}
	career.SortSourceCounts(counts)
	return total, counts, nil
}
