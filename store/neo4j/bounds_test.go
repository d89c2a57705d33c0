package neo4jstore_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestBoundsSeeImportsOfOtherProcesses loads a dataset through one store and watches another
// store (its own driver, as another process would have) pick its bounds up.
func TestBoundsSeeImportsOfOtherProcesses(t *testing.T) {
	ctx := ctxT(t)
	importer := testbackend.OpenNeo4j(t)
	seed := testbackend.Seed(t)
	testbackend.LoadNeo4j(t, importer, seed)

	cfg := testbackend.Neo4jConfig()
	cfg.BoundsRefresh = 50 * time.Millisecond
	server, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	before, err := server.Bounds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Professions != 8 || before.MaxNextCareers != 6 {
		t.Fatalf("bounds of the seed: %+v", before)
	}

	star := storetest.Generate(1, "star")
	testbackend.LoadNeo4j(t, importer, seed, star)
	want := must(importer.Bounds(ctx))(t)
	if want.Walks != [career.WalkSteps]int{29, 29, 261, 261, 2349, 2349} {
		t.Fatalf("the importer's own bounds: walks %v", want.Walks)
	}
	// The server reads them again in the background once they are older than BoundsRefresh.
	deadline := time.Now().Add(30 * time.Second)
	for {
		got, err := server.Bounds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if reflect.DeepEqual(got, want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server still serves %+v, want %+v", got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}

	t.Run("when Neo4j goes away, the last bounds read are served", func(t *testing.T) {
		if err := server.Close(ctx); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			time.Sleep(60 * time.Millisecond) // past BoundsRefresh: each call tries a read in the background
			got, err := server.Bounds(ctx)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("got %+v, %v; want the last bounds read", got, err)
			}
		}
	})
	testbackend.LoadNeo4j(t, importer, seed)
}

func TestBoundsWhenNeo4jWasNeverReached(t *testing.T) {
	ctx := ctxT(t)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: "bolt://127.0.0.1:1", MaxRetryTime: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	got, err := s.Bounds(ctx)
	if career.ErrorCode(err) != career.EUNAVAILABLE {
		t.Errorf("error %v, want %s", err, career.EUNAVAILABLE)
	}
	if !reflect.DeepEqual(got, career.DefaultBounds) {
		t.Errorf("got %+v, want career.DefaultBounds", got)
	}
}

// must returns v, failing the test on err.
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}
