package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// describedQuery asks the served schema for the description of every type, field, argument,
// enum value, input field and directive (and for what a directive's arguments say).
const describedQuery = `{ __schema {
  types { name kind description
    fields(includeDeprecated: true) { name description args { name description } }
    inputFields { name description }
    enumValues(includeDeprecated: true) { name description } }
  directives { name description args { name description } } } }`

// describedSchema is the answer to describedQuery.
type describedSchema struct {
	Data struct {
		Schema struct {
			Types []struct {
				Name, Kind, Description string
				Fields                  []struct {
					Name, Description string
					Args              []described
				}
				InputFields []described
				EnumValues  []described
			}
			Directives []struct {
				Name, Description string
				Args              []described
			}
		} `json:"__schema"`
	}
	Errors []struct{ Message string }
}

// described is a named element of the schema and its description.
type described struct{ Name, Description string }

// specTypes are the types every GraphQL schema has, described by the GraphQL specification
// rather than by this API: the introspection types and the built-in scalars.
var specTypes = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// specDirectives are the directives of the GraphQL specification.
var specDirectives = map[string]bool{"include": true, "skip": true, "deprecated": true, "specifiedBy": true, "oneOf": true, "defer": true}

// TestEveryElementIsDescribed runs the introspection query against the handler and lists every
// type, field, argument, enum value, input field and directive of the API that has no
// description (or one of blanks only), so that GraphiQL documents all of them.
func TestEveryElementIsDescribed(t *testing.T) {
	h := graph.NewHandler(memory.New(testbackend.Seed(t)), graph.Options{
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Introspection: true,
	})
	answer := postQuery(t, h, describedQuery, nil)
	var got describedSchema
	if err := json.Unmarshal([]byte(answer), &got); err != nil {
		t.Fatalf("%v: %s", err, answer)
	}
	if len(got.Errors) > 0 {
		t.Fatalf("errors: %v", got.Errors)
	}
	var missing []string
	check := func(element, description string) {
		if strings.TrimSpace(description) == "" {
			missing = append(missing, element)
		}
	}
	types := 0
	for _, typ := range got.Data.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || specTypes[typ.Name] {
			continue
		}
		types++
		check(typ.Kind+" "+typ.Name, typ.Description)
		for _, f := range typ.Fields {
			check(typ.Name+"."+f.Name, f.Description)
			for _, a := range f.Args {
				check(typ.Name+"."+f.Name+"("+a.Name+")", a.Description)
			}
		}
		for _, f := range typ.InputFields {
			check(typ.Name+"."+f.Name, f.Description)
		}
		for _, v := range typ.EnumValues {
			check(typ.Name+"."+v.Name, v.Description)
		}
	}
	for _, d := range got.Data.Schema.Directives {
		if specDirectives[d.Name] {
			continue
		}
		check("@"+d.Name, d.Description)
		for _, a := range d.Args {
			check("@"+d.Name+"("+a.Name+")", a.Description)
		}
	}
	if types == 0 {
		t.Fatalf("introspection listed no type of the API: %s", answer)
	}
	if len(missing) > 0 {
		t.Errorf("%d schema elements have no description (graph/schema/*.graphqls, then go generate ./...):\n%s",
			len(missing), strings.Join(missing, "\n"))
	}
}
