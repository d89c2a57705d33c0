package graph

import (
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestEncodeResponse checks that encodeResponse writes the bytes json.Marshal writes, for
// data with the characters json.Marshal escapes, errors, extensions and the other fields.
func TestEncodeResponse(t *testing.T) {
	hasNext := true
	errWithPath := &gqlerror.Error{Message: "boom <&>", Path: ast.Path{ast.PathName("profession"), ast.PathIndex(0)},
		Extensions: map[string]any{"code": "NOT_FOUND"}}
	cases := []*graphql.Response{
		{Data: json.RawMessage(`{"profession":{"name":"R&D <web> \u2028 a\u2029b \"q\" é"}}`)},
		{Data: json.RawMessage("{\"name\":\"line\u2028sep\u2029para & <tag>\"}")},
		{Data: json.RawMessage(`{"a":[1,2,{"b":null}]}`), Extensions: map[string]any{"cost": &Cost{RequestedQueryCost: 12, MaximumAvailable: 20000}}},
		{Errors: gqlerror.List{errWithPath}, Data: json.RawMessage(`{"profession":null}`)},
		{Errors: gqlerror.List{errWithPath}},
		{},
		{Data: json.RawMessage(`{}`), Label: "l", Path: ast.Path{ast.PathName("x")}, HasNext: &hasNext},
		{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"cost": Cost{RequestedQueryCost: 432, MaximumAvailable: 20000}}},
		{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"cost": Cost{RequestedQueryCost: -1, MaximumAvailable: 0}}},
		{Extensions: map[string]any{"cost": Cost{RequestedQueryCost: 7, MaximumAvailable: 9}}},
		{Data: json.RawMessage(`{}`), Extensions: map[string]any{"cost": Cost{RequestedQueryCost: 1, MaximumAvailable: 2}, "other": "x"}},
		{Data: json.RawMessage(`{}`), Label: "l", Extensions: map[string]any{"cost": Cost{RequestedQueryCost: 1, MaximumAvailable: 2}}},
	}
	for _, resp := range cases {
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeResponse(resp)
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		if string(got) != string(want) {
			t.Errorf("encodeResponse:\n got %s\nwant %s", got, want)
		}
	}
	const want = `{"data":{"n":"R\u0026D \u003cweb\u003e"},"extensions":{"cost":{"requestedQueryCost":3,"maximumAvailable":9}}}`
	got, err := encodeResponse(&graphql.Response{Data: json.RawMessage(`{"n":"R&D <web>"}`),
		Extensions: map[string]any{"cost": &Cost{RequestedQueryCost: 3, MaximumAvailable: 9}}})
	if err != nil || string(got) != want {
		t.Errorf("encodeResponse = %s, %v; want %s", got, err, want)
	}
	if _, err := encodeResponse(&graphql.Response{Data: json.RawMessage{}}); err == nil {
		t.Error("encodeResponse of empty data: no error, want json.Marshal's")
	}
}
