package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

// Load loads a dataset, replacing any earlier version of the same dataset as a whole.
//
// The whole load is one write transaction: batches of `UNWIND $rows AS r MERGE …` stamp every
// node and relationship they write with a fresh load generation, then what the new version no
// longer has (older generations) is deleted. Readers see the previous version until the
// transaction commits; a load that fails or is cancelled midway leaves it untouched. Loading
// the same dataset twice leaves the same graph.
//
// Links must point at nodes of the dataset: a link to an unknown node fails the load. Moves
// from a profession to itself and self-specialisations are left out, as the embedded store does.
func (s *Store) Load(ctx context.Context, d *career.Dataset) error {
	if d == nil || d.Info.Name == "" {
		return fmt.Errorf("neo4j: load: the dataset has no name")
	}
	if err := checkDatasetNames(d); err != nil {
		return err
	}
	what := "load " + d.Info.Name
	if err := s.refusal(what); err != nil {
		return err
	}
	gen := career.NewGeneration()
	steps := loadSteps(d, gen)
	if err := storeBounds(steps, d); err != nil {
		return err
	}

	session := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.cfg.Database,
		AccessMode:   neo4j.AccessModeWrite,
		// Reads, which carry this bookmark manager's bookmarks, see the load once committed.
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
	defer session.Close(context.WithoutCancel(ctx))

	total := 0
	for _, st := range steps {
		total += len(st.rows)
	}
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		done, started := 0, time.Now()
		for _, st := range steps {
			for _, batch := range batches(st.rows, s.cfg.BatchSize) {
				params := map[string]any{"gen": gen, "ds": d.Info.Name}
				if batch != nil {
					params["rows"] = batch
				}
				for k, v := range st.params {
					params[k] = v
				}
				s.counted()
				res, err := tx.Run(ctx, st.cypher, params)
				if err != nil {
					return nil, err
				}
				if !st.check {
					if _, err := res.Consume(ctx); err != nil {
						return nil, err
					}
					continue
				}
				rec, err := res.Single(ctx)
				if err != nil {
					return nil, err
				}
				if n := (row{rec}).int("n"); n != len(batch) {
					return nil, fmt.Errorf("%d of %d %s point at nodes missing from dataset %q (batch starting with %v)",
						len(batch)-n, len(batch), st.name, d.Info.Name, batch[0])
				}
			}
			done += len(st.rows)
			if s.cfg.OnLoadProgress != nil {
				s.cfg.OnLoadProgress(LoadProgress{Dataset: d.Info.Name, Step: st.name, Rows: done, TotalRows: total, Elapsed: time.Since(started)})
			}
		}
		return nil, nil
	}, txTimeout(ctx)...)
	if err != nil {
		return s.fail(ctx, what, err)
	}
	s.reloadBounds(ctx)
	return nil
}

// batches splits rows into batches of at most size rows; no rows make one batch of none.
func batches(rows []map[string]any, size int) [][]map[string]any {
	if len(rows) == 0 {
		return [][]map[string]any{nil}
	}
	var out [][]map[string]any
	for start := 0; start < len(rows); start += size {
		out = append(out, rows[start:min(start+size, len(rows))])
	}
	return out
}

// checkDatasetNames makes sure every node belongs to the dataset being loaded: replacing a
// dataset finds its nodes by their dataset property.
func checkDatasetNames(d *career.Dataset) error {
	check := func(kind career.Kind, id, dataset string) error {
		if dataset != d.Info.Name {
			return fmt.Errorf("neo4j: load %s: %s %q belongs to dataset %q", d.Info.Name, kind, id, dataset)
		}
		return nil
	}
	for _, p := range d.Professions {
		if err := check(career.KindProfession, p.ID, p.Dataset); err != nil {
			return err
		}
	}
	for _, n := range d.Skills {
		if err := check(career.KindSkill, n.ID, n.Dataset); err != nil {
			return err
		}
	}
	for _, n := range d.Tools {
		if err := check(career.KindTool, n.ID, n.Dataset); err != nil {
			return err
		}
	}
	for _, n := range d.Trainings {
		if err := check(career.KindTraining, n.ID, n.Dataset); err != nil {
			return err
		}
	}
	for _, n := range d.Groups {
		if err := check(career.KindGroup, n.ID, n.Dataset); err != nil {
			return err
		}
	}
	return nil
}

// loadStep is one query of a load, run once per batch of rows (once when rows is nil).
type loadStep struct {
	name   string
	cypher string
	rows   []map[string]any
	params map[string]any
	// check: the query returns n, the number of rows it linked; fewer than the batch means a
	// link to a missing node.
	check bool
}

// loadSteps lists the queries that load d: nodes, then links, then the removal of what an
// earlier version had and this one has not.
func loadSteps(d *career.Dataset, gen string) []loadStep {
	var steps []loadStep
	node := func(label string, rows []map[string]any) {
		if len(rows) == 0 {
			return
		}
		steps = append(steps, loadStep{
			name: label + " nodes",
			cypher: "UNWIND $rows AS r MERGE (n:" + label + " {id: r.id}) " +
				"SET n = r, n.loadGen = $gen",
			rows: rows,
		})
	}
	link := func(name, cypher string, rows []map[string]any) {
		if len(rows) == 0 {
			return
		}
		steps = append(steps, loadStep{name: name, cypher: cypher, rows: rows, check: true})
	}

	steps = append(steps, loadStep{
		name:   "dataset",
		cypher: "MERGE (d:Dataset {name: $ds}) SET d = $info, d.loadGen = $gen",
		params: map[string]any{"info": compact(map[string]any{
			"name": d.Info.Name, "title": d.Info.Title, "version": d.Info.Version, "attribution": d.Info.Attribution,
		})},
	})

	extras := newNodeExtras(d)
	essentials := essentialCounts(d)
	rows := make([]map[string]any, 0, len(d.Professions))
	for _, p := range d.Professions {
		m := compact(map[string]any{
			"id": p.ID, "dataset": p.Dataset, "code": p.Code, "name": p.Name, "altNames": list(p.AlternativeNames),
			"summary": p.Summary, "description": p.Description, "sector": p.Sector, "tasks": list(p.Tasks),
			"specializationOf": p.SpecializationOf, "language": p.Language, "source": p.Source,
			"sortKey": career.SortKey(p.Name), "searchText": SearchField(extras.searchNames(p.ID, p.Name, p.AlternativeNames)),
		})
		extras.set(m, p.ID)
		m["essentials"] = essentials[p.ID]
		rows = append(rows, m)
	}
	node("Profession", rows)
	rows = make([]map[string]any, 0, len(d.Skills))
	for _, n := range d.Skills {
		m := compact(map[string]any{
			"id": n.ID, "dataset": n.Dataset, "code": n.Code, "name": n.Name, "altNames": list(n.AlternativeNames),
			"kind": string(n.Kind), "description": n.Description, "language": n.Language,
			"sortKey": career.SortKey(n.Name), "searchText": SearchField(extras.searchNames(n.ID, n.Name, n.AlternativeNames)),
		})
		extras.set(m, n.ID)
		rows = append(rows, m)
	}
	node("Skill", rows)
	rows = make([]map[string]any, 0, len(d.Tools))
	for _, n := range d.Tools {
		rows = append(rows, compact(map[string]any{
			"id": n.ID, "dataset": n.Dataset, "code": n.Code, "name": n.Name, "category": n.Category,
			"sortKey": career.SortKey(n.Name), "searchText": SearchField([]string{n.Name}),
		}))
	}
	node("Tool", rows)
	rows = make([]map[string]any, 0, len(d.Trainings))
	for _, n := range d.Trainings {
		m := compact(map[string]any{
			"id": n.ID, "dataset": n.Dataset, "code": n.Code, "name": n.Name, "level": string(n.Level),
			"description": n.Description,
			"sortKey":     career.SortKey(n.Name), "searchText": SearchField([]string{n.Name}),
		})
		if n.DurationYears != nil {
			m["durationYears"] = *n.DurationYears
		}
		rows = append(rows, m)
	}
	node("Training", rows)

	// Relationships are merged by their position in the dataset's list (ord), so a dataset that
	// links the same pair twice keeps both links, as the embedded store does.
	rows = make([]map[string]any, 0, len(d.Requirements))
	for i, r := range d.Requirements {
		rows = append(rows, map[string]any{"from": r.ProfessionID, "to": r.SkillID, "ord": i, "importance": string(r.Importance)})
	}
	link("requirements", "UNWIND $rows AS r MATCH (p:Profession {id: r.from}) MATCH (s:Skill {id: r.to}) "+
		"MERGE (p)-[e:REQUIRES {ord: r.ord}]->(s) SET e.importance = r.importance, e.loadGen = $gen RETURN count(*) AS n", rows)
	link("qualities", linkCypher("HAS_QUALITY", "Skill"), linkRows(d.Qualities))
	link("tool uses", linkCypher("USES", "Tool"), linkRows(d.ToolUses))
	link("training links", linkCypher("TRAINED_BY", "Training"), linkRows(d.TrainingLinks))
	rows = make([]map[string]any, 0, len(d.Moves))
	for i, m := range d.Moves {
		if m.FromID == m.ToID {
			continue
		}
		rows = append(rows, map[string]any{"from": m.FromID, "to": m.ToID, "ord": i, "kind": string(m.Kind)})
	}
	link("moves", "UNWIND $rows AS r MATCH (p:Profession {id: r.from}) MATCH (q:Profession {id: r.to}) "+
		"MERGE (p)-[e:NEXT {ord: r.ord}]->(q) SET e.kind = r.kind, e.loadGen = $gen RETURN count(*) AS n", rows)
	steps = append(steps, inferredStep(d)...)
	rows = nil
	for _, p := range d.Professions {
		if p.SpecializationOf != "" && p.SpecializationOf != p.ID {
			rows = append(rows, map[string]any{"from": p.ID, "to": p.SpecializationOf})
		}
	}
	link("specialisations", "UNWIND $rows AS r MATCH (p:Profession {id: r.from}) MATCH (b:Profession {id: r.to}) "+
		"MERGE (p)-[e:SPECIALIZES]->(b) SET e.loadGen = $gen RETURN count(*) AS n", rows)

	eqLoad, eqStale := equivalenceSteps(d)
	if len(eqLoad.rows) > 0 {
		steps = append(steps, eqLoad)
	}
	steps = append(steps, groupSteps(d)...)
	steps = append(steps, skillGraphSteps(d, gen)...)

	// Remove what the new version no longer has: relationships first (those of nodes that stay),
	// then nodes (with whatever still links them).
	steps = append(steps, eqStale, loadStep{
		name:   "stale links",
		cypher: "MATCH (p:Profession {dataset: $ds})-[e]->() WHERE e.loadGen <> $gen DELETE e",
	})
	for _, l := range nodeLabels {
		steps = append(steps, loadStep{
			name:   "stale " + l + " nodes",
			cypher: "MATCH (n:" + l + " {dataset: $ds}) WHERE n.loadGen <> $gen DETACH DELETE n",
		})
	}
	return steps
}

// linkCypher merges ordered links from professions to nodes of a label.
func linkCypher(rel, label string) string {
	return "UNWIND $rows AS r MATCH (p:Profession {id: r.from}) MATCH (t:" + label + " {id: r.to}) " +
		"MERGE (p)-[e:" + rel + " {ord: r.ord}]->(t) SET e.loadGen = $gen RETURN count(*) AS n"
}

func linkRows(links []career.Link) []map[string]any {
	rows := make([]map[string]any, len(links))
	for i, l := range links {
		rows[i] = map[string]any{"from": l.ProfessionID, "to": l.TargetID, "ord": i}
	}
	return rows
}

// compact drops empty strings and nil lists: absent properties read back as zero values.
func compact(m map[string]any) map[string]any {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				delete(m, k)
			}
		case []string:
			if v == nil {
				delete(m, k)
			}
		case nil:
			delete(m, k)
		}
	}
	return m
}

// list keeps nil lists nil and empty lists empty, so that they read back as they were.
func list(l []string) []string { return l }

// Drop removes a dataset (its nodes, their relationships and its :Dataset node) in one
// transaction. Dropping a dataset that is not loaded does nothing.
func (s *Store) Drop(ctx context.Context, name string) error {
	if err := s.refusal("drop " + name); err != nil {
		return err
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.cfg.Database,
		AccessMode:      neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
	defer session.Close(context.WithoutCancel(ctx))
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, l := range nodeLabels {
			if _, err := s.run(ctx, tx, "MATCH (n:"+l+" {dataset: $ds}) DETACH DELETE n", map[string]any{"ds": name}); err != nil {
				return nil, err
			}
		}
		if _, err := s.run(ctx, tx, dropEquivalencesCypher, map[string]any{"ds": name}); err != nil {
			return nil, err
		}
		_, err := s.run(ctx, tx, "MATCH (d:Dataset {name: $ds}) DELETE d", map[string]any{"ds": name})
		return nil, err
	}, txTimeout(ctx)...)
	if err != nil {
		return s.fail(ctx, "drop "+name, err)
	}
	s.reloadBounds(ctx)
	return nil
}

// run runs one query of a write transaction and consumes its result, counting the round trip.
func (s *Store) run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (neo4j.ResultSummary, error) {
	s.counted()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Consume(ctx)
}
