package memory_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

func TestBoundsFollowEachLoad(t *testing.T) {
	ctx := context.Background()
	seed := testbackend.Seed(t)
	s := memory.New(seed)
	before, err := s.Bounds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	star := storetest.Generate(1, "star")
	if err := s.Load(ctx, star); err != nil {
		t.Fatal(err)
	}
	after, err := s.Bounds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The star's hub leads to its 29 other professions, nine of which lead back to it.
	if want := [career.WalkSteps]int{29, 29, 261, 261, 2349, 2349}; after.Walks != want {
		t.Errorf("walks after loading a star: got %v, want %v", after.Walks, want)
	}
	if before.Walks == after.Walks || after.Professions != 38 || after.Datasets != 2 {
		t.Errorf("bounds did not follow the load: before %+v, after %+v", before, after)
	}
	want := career.MergeBounds(career.DatasetBounds(seed), career.DatasetBounds(star))
	after.TextPrefixes, after.MaxWordPostings = nil, 0
	want.TextPrefixes = nil
	if !reflect.DeepEqual(after, want) {
		t.Errorf("bounds:\ngot  %+v\nwant %+v", after, want)
	}
}
