package main

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/internal/benchquery"
)

// q1Cypher answers benchquery.Q1 in one statement: each list in dataset order (the links' ord),
// each item as a list of the values the query selects.
const q1Cypher = `MATCH (p:Profession {id: $id})
RETURN p.name AS name,
  COLLECT { MATCH (p)-[e:HAS_QUALITY]->(s:Skill) WITH e, s ORDER BY e.ord RETURN s.name } AS qualities,
  COLLECT { MATCH (p)-[e:REQUIRES]->(s:Skill) WITH e, s ORDER BY e.ord RETURN [s.name, s.kind, e.importance] } AS skills,
  COLLECT { MATCH (p)-[e:USES]->(t:Tool) WITH e, t ORDER BY e.ord RETURN [t.name, t.category] } AS tools,
  COLLECT { MATCH (p)-[e:TRAINED_BY]->(t:Training) WITH e, t ORDER BY e.ord RETURN [t.name, t.level] } AS trainings,
  COLLECT { MATCH (p)-[e:NEXT]->(q:Profession) WITH e, q ORDER BY e.ord RETURN [q.name, e.kind] } AS next`

// q2Cypher answers benchquery.Q2 in one statement: the next careers in dataset order, each with
// its skills in dataset order.
const q2Cypher = `MATCH (p:Profession {id: $id})
RETURN p.name AS name,
  COLLECT { MATCH (p)-[e:NEXT]->(q:Profession) WITH e, q ORDER BY e.ord
    RETURN [e.kind, q.name, COLLECT { MATCH (q)-[r:REQUIRES]->(s:Skill) WITH r, s ORDER BY r.ord RETURN [s.name, r.importance] }] } AS next`

// The answers' shapes, their fields in the order the queries select them (encoding/json writes
// struct fields in order, as gqlgen writes selections).
type (
	named struct {
		Name string `json:"name"`
	}
	q1Data struct {
		Profession q1Profession `json:"profession"`
	}
	q1Profession struct {
		Name        string          `json:"name"`
		Qualities   []named         `json:"qualities"`
		Skills      []q1Requirement `json:"skills"`
		Tools       []q1Tool        `json:"tools"`
		Trainings   []q1Training    `json:"trainings"`
		NextCareers []q1Move        `json:"nextCareers"`
	}
	q1Requirement struct {
		Skill struct {
			Name string `json:"name"`
			Kind string `json:"kind"`
		} `json:"skill"`
		Importance string `json:"importance"`
	}
	q1Tool struct {
		Name     string  `json:"name"`
		Category *string `json:"category"` // null when the dataset gives none, as careergraph says
	}
	q1Training struct {
		Name  string `json:"name"`
		Level string `json:"level"`
	}
	q1Move struct {
		Profession named  `json:"profession"`
		Kind       string `json:"kind"`
	}
	q2Data struct {
		Profession q2Profession `json:"profession"`
	}
	q2Profession struct {
		Name        string   `json:"name"`
		NextCareers []q2Move `json:"nextCareers"`
	}
	q2Move struct {
		Kind       string `json:"kind"`
		Profession struct {
			Name   string          `json:"name"`
			Skills []q2Requirement `json:"skills"`
		} `json:"profession"`
	}
	q2Requirement struct {
		Skill      named  `json:"skill"`
		Importance string `json:"importance"`
	}
)

// q1 answers benchquery.Q1.
func (b *baseline) q1(ctx context.Context) (*q1Data, error) {
	rec, err := b.found(ctx, "Q1", q1Cypher)
	if err != nil {
		return nil, err
	}
	v := rec.Values
	d := &q1Data{Profession: q1Profession{Name: str(v[0])}}
	p := &d.Profession
	p.Qualities = make([]named, 0, len(list(v[1])))
	for _, x := range list(v[1]) {
		p.Qualities = append(p.Qualities, named{str(x)})
	}
	p.Skills = make([]q1Requirement, 0, len(list(v[2])))
	for _, x := range list(v[2]) {
		t := list(x)
		var r q1Requirement
		r.Skill.Name, r.Skill.Kind, r.Importance = str(t[0]), str(t[1]), str(t[2])
		p.Skills = append(p.Skills, r)
	}
	p.Tools = make([]q1Tool, 0, len(list(v[3])))
	for _, x := range list(v[3]) {
		t := list(x)
		tool := q1Tool{Name: str(t[0])}
		if c := str(t[1]); c != "" {
			tool.Category = &c
		}
		p.Tools = append(p.Tools, tool)
	}
	p.Trainings = make([]q1Training, 0, len(list(v[4])))
	for _, x := range list(v[4]) {
		t := list(x)
		p.Trainings = append(p.Trainings, q1Training{Name: str(t[0]), Level: str(t[1])})
	}
	p.NextCareers = make([]q1Move, 0, len(list(v[5])))
	for _, x := range list(v[5]) {
		t := list(x)
		p.NextCareers = append(p.NextCareers, q1Move{Profession: named{str(t[0])}, Kind: str(t[1])})
	}
	return d, nil
}

// q2 answers benchquery.Q2.
func (b *baseline) q2(ctx context.Context) (*q2Data, error) {
	rec, err := b.found(ctx, "Q2", q2Cypher)
	if err != nil {
		return nil, err
	}
	v := rec.Values
	d := &q2Data{Profession: q2Profession{Name: str(v[0])}}
	next := list(v[1])
	d.Profession.NextCareers = make([]q2Move, 0, len(next))
	for _, x := range next {
		t := list(x)
		m := q2Move{Kind: str(t[0])}
		m.Profession.Name = str(t[1])
		skills := list(t[2])
		m.Profession.Skills = make([]q2Requirement, 0, len(skills))
		for _, y := range skills {
			s := list(y)
			m.Profession.Skills = append(m.Profession.Skills, q2Requirement{Skill: named{str(s[0])}, Importance: str(s[1])})
		}
		d.Profession.NextCareers = append(d.Profession.NextCareers, m)
	}
	return d, nil
}

// found runs cypher and fails when the profession is not in Neo4j.
func (b *baseline) found(ctx context.Context, what, cypher string) (*neo4j.Record, error) {
	rec, err := b.one(ctx, cypher)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if rec == nil {
		return nil, fmt.Errorf("%s: no profession %s in neo4j: import rome first", what, benchquery.Profession)
	}
	return rec, nil
}

// str is a string value, "" for null.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// list is a list value, nil for null.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}
