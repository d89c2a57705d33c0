package main

import (
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// benchFullCardInferred is benchFullCard with the inferred moves after the card's own.
var benchFullCardInferred = strings.Replace(benchFullCard, "nextCareers { profession { name } kind }",
	"nextCareers(inferred: true) { profession { name } kind inferred basis score }", 1)

// BenchmarkFullCardInferred is BenchmarkFullCard selecting nextCareers(inferred: true), on the
// seed with hand-made inferred moves (storetest.WithInferredMoves, and one out of the card's
// profession, the back-end developer): one planned read, as the card without them.
func BenchmarkFullCardInferred(b *testing.B) {
	if benchFullCardInferred == benchFullCard {
		b.Fatal("the card's nextCareers selection changed: update benchFullCardInferred")
	}
	seed := storetest.WithInferredMoves(testbackend.Seed(b))
	seed.InferredMoves = append(seed.InferredMoves, career.InferredMove{FromID: "profession:seed:developpeur-web-back-end",
		ToID: "profession:seed:developpeur-web", Kind: career.MoveLateral, Score: 0.6, Basis: "its broader profession"})
	b.Run("memory", func(b *testing.B) { benchQuery(b, memory.New(seed), false, benchFullCardInferred) })
	b.Run("neo4j", func(b *testing.B) {
		s := testbackend.OpenNeo4j(b)
		testbackend.LoadNeo4j(b, s, seed)
		benchQuery(b, s, true, benchFullCardInferred)
	})
}
