package dataset_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/dataset"
)

func TestCountWarnings(t *testing.T) {
	ws := []dataset.Warning{
		{File: "b.csv", Line: 3, Reason: "x"},
		{File: "a.csv", Line: 2, Reason: "y"},
		{File: "b.csv", Line: 9, Reason: "z"},
		{File: "rome", Reason: "self-loop"},
	}
	want := []dataset.FileWarnings{{File: "b.csv", Warnings: 2}, {File: "a.csv", Warnings: 1}, {File: "rome", Warnings: 1}}
	if got := dataset.CountWarnings(ws); !reflect.DeepEqual(got, want) {
		t.Errorf("CountWarnings = %v, want %v", got, want)
	}
	if got := dataset.CountWarnings(nil); got != nil {
		t.Errorf("CountWarnings(nil) = %v, want nil", got)
	}
}
