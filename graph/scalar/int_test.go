package scalar_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/graph/scalar"
)

func TestWholeNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"-0", 0, true},
		{"10", 10, true},
		{"-10", -10, true},
		{"1e3", 1000, true},
		{"1E3", 1000, true},
		{"1e+3", 1000, true},
		{"10.0", 10, true},
		{"1.5e1", 15, true},
		{"20e-1", 2, true},
		{"0.0e5", 0, true},
		{"0e99999999999999999999", 0, true},
		{"-2.147483648e9", -2147483648, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"9.223372036854775807e18", 9223372036854775807, true},
		{"9223372036854775808", 0, false},
		{"1e19", 0, false},
		{"1e100", 0, false},
		{"1e999999999", 0, false},
		{"1e99999999999999999999", 0, false},
		{"10.5", 0, false},
		{"1e-1", 0, false},
		{"2147483647.0000000001", 0, false},
		{"", 0, false},
		{"x", 0, false},
	} {
		got, ok := scalar.WholeNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("WholeNumber(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCoerceInt(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want int
		ok   bool
	}{
		{int64(7), 7, true},
		{int64(2147483647), 2147483647, true},
		{int64(-2147483648), -2147483648, true},
		{int64(2147483648), 0, false},
		{int64(-2147483649), 0, false},
		{7, 7, true},
		{int32(7), 7, true},
		{json.Number("1e3"), 1000, true},
		{json.Number("2147483648"), 0, false},
		{json.Number("10.5"), 0, false},
		{float64(12), 12, true},
		{12.5, 0, false},
		{float64(1 << 40), 0, false},
		{"10", 0, false},
		{true, 0, false},
		{nil, 0, false},
		{[]any{int64(1)}, 0, false},
	} {
		got, ok := scalar.CoerceInt(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CoerceInt(%#v) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestUnmarshalIntRefusesWithTheRange(t *testing.T) {
	_, err := scalar.UnmarshalInt("10")
	gqlErr, ok := err.(*gqlerror.Error)
	if !ok {
		t.Fatalf("got %T %v, want a *gqlerror.Error", err, err)
	}
	if gqlErr.Message != `Int cannot represent "10": give a whole number between -2147483648 and 2147483647` ||
		gqlErr.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("got %q %v", gqlErr.Message, gqlErr.Extensions)
	}
	if n, err := scalar.UnmarshalInt(int64(42)); n != 42 || err != nil {
		t.Errorf("UnmarshalInt(42) = %d, %v", n, err)
	}
}

func TestShowCutsLongValues(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{strings.Repeat("a", 65), strings.Repeat("a", 64) + "…"},
		{strings.Repeat("a", 63) + "éé", strings.Repeat("a", 63) + "…"}, // never half a character
	} {
		if got := scalar.Show(tc.in); got != tc.want {
			t.Errorf("Show(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := scalar.ShowJSON("<a>"); got != `"<a>"` {
		t.Errorf(`ShowJSON("<a>") = %s, want "<a>" unescaped`, got)
	}
}
