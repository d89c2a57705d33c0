package saturate_test

import (
	"math"
	"testing"

	"github.com/careergraph/careergraph/internal/saturate"
)

func TestArithmeticSaturates(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want int
	}{
		{"add", saturate.Add(2, 3), 5},
		{"add overflow", saturate.Add(math.MaxInt, 1), math.MaxInt},
		{"add negative", saturate.Add(-5, 3), 3},
		{"mul", saturate.Mul(6, 7), 42},
		{"mul by zero", saturate.Mul(0, math.MaxInt), 0},
		{"mul overflow", saturate.Mul(1106804644422572897, 201), math.MaxInt},
		{"mul overflow of int32 maxima", saturate.Mul(saturate.Mul(math.MaxInt32, math.MaxInt32), math.MaxInt32), math.MaxInt},
		{"mul negative", saturate.Mul(-3, 4), 0},
		{"sum", saturate.Sum(1, 2, 3), 6},
		{"sum overflow", saturate.Sum(math.MaxInt, math.MaxInt, 1), math.MaxInt},
		{"div ceil", saturate.DivCeil(101, 100), 2},
		{"div ceil exact", saturate.DivCeil(200, 100), 2},
		{"div ceil zero", saturate.DivCeil(0, 100), 0},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, tc.got, tc.want)
		}
	}
}
