package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// seedCodes are the seed's professions by name, the order of every list of them.
var seedCodes = []string{"architecte-logiciel", "chef-de-projet", "developpeur-applications-mobiles", "developpeur-logiciels",
	"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end", "directeur-technique-informatique"}

// TestBackwardPagesThroughTheAPI asks every connection of the seed for backward pages (last,
// before) on both backends, with and without read plans (which leave them to the resolvers):
// the exact items, page info and errors.
func TestBackwardPagesThroughTheAPI(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			for _, c := range []struct {
				name, query string
				vars        map[string]any
				want        string
			}{
				{"the last professions", `{ professions(last: 3) { totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage } } }`, nil,
					`{"data":{"professions":{"totalCount":8,"nodes":[{"code":"developpeur-web-back-end"},{"code":"developpeur-web-front-end"},{"code":"directeur-technique-informatique"}],"pageInfo":{"hasNextPage":false,"hasPreviousPage":true}}},"extensions":{"cost":{"requestedQueryCost":9,"maximumAvailable":20000}}}`},
				{"last larger than the list", `{ professions(last: 100) { totalCount nodes { code } pageInfo { hasPreviousPage } } }`, nil,
					`{"data":{"professions":{"totalCount":8,"nodes":[{"code":"architecte-logiciel"},{"code":"chef-de-projet"},{"code":"developpeur-applications-mobiles"},{"code":"developpeur-logiciels"},{"code":"developpeur-web"},{"code":"developpeur-web-back-end"},{"code":"developpeur-web-front-end"},{"code":"directeur-technique-informatique"}],"pageInfo":{"hasPreviousPage":false}}},"extensions":{"cost":{"requestedQueryCost":105,"maximumAvailable":20000}}}`},
				{"a forward page has no previous page", `{ professions(first: 2) { nodes { code } pageInfo { hasNextPage hasPreviousPage } } }`, nil,
					`{"data":{"professions":{"nodes":[{"code":"architecte-logiciel"},{"code":"chef-de-projet"}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false}}},"extensions":{"cost":{"requestedQueryCost":7,"maximumAvailable":20000}}}`},
				{"first null with last", `query($n: Int) { professions(first: $n, last: 1) { nodes { code } } }`, map[string]any{},
					`{"data":{"professions":{"nodes":[{"code":"directeur-technique-informatique"}]}},"extensions":{"cost":{"requestedQueryCost":3,"maximumAvailable":20000}}}`},
				{"a skill's professions", `{ skill(id: "skill:seed:maitriser-langages-programmation") { name professions(last: 2) { totalCount nodes { code } pageInfo { hasPreviousPage } } } }`, nil,
					`{"data":{"skill":{"name":"Maîtriser des langages de programmation spécifiques","professions":{"totalCount":6,"nodes":[{"code":"developpeur-web-back-end"},{"code":"developpeur-web-front-end"}],"pageInfo":{"hasPreviousPage":true}}}},"extensions":{"cost":{"requestedQueryCost":9,"maximumAvailable":20000}}}`},
				{"a tool's and a training's professions", `{ tool(id: "tool:seed:git") { professions(last: 1) { nodes { code } } }
					training(id: "training:seed:secondaire") { professions(last: 5) { totalCount nodes { code } pageInfo { hasPreviousPage } } } }`, nil,
					`{"data":{"tool":{"professions":{"nodes":[{"code":"developpeur-web-front-end"}]}},"training":{"professions":{"totalCount":3,"nodes":[{"code":"developpeur-web"},{"code":"developpeur-web-back-end"},{"code":"developpeur-web-front-end"}],"pageInfo":{"hasPreviousPage":false}}}},"extensions":{"cost":{"requestedQueryCost":15,"maximumAvailable":20000}}}`},
				{"skills, tools and trainings", `{ skills(filter: {kind: KNOWLEDGE}, last: 2) { nodes { code } pageInfo { hasPreviousPage } }
					tools(filter: {category: "Navigateur web"}, last: 1) { nodes { code } } trainings(last: 2) { totalCount nodes { code } } }`, nil,
					`{"data":{"skills":{"nodes":[{"code":"connaitre-architecture-logicielle"},{"code":"connaitre-magasins-applications"}],"pageInfo":{"hasPreviousPage":true}},"tools":{"nodes":[{"code":"firefox"}]},"trainings":{"totalCount":7,"nodes":[{"code":"promotion-sociale"},{"code":"secondaire"}]}},"extensions":{"cost":{"requestedQueryCost":16,"maximumAvailable":20000}}}`},
				{"first and last", `{ professions(first: 2, last: 2) { totalCount } }`, nil, `{"errors":[{"message":"first and last cannot both be given: page forward with first (and after), or backward with last (and before)","path":["professions"],"locations":[{"line":1,"column":3}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null,"extensions":{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}}`},
				{"first and last in variables", `query($n: Int) { professions(first: $n, last: 2) { totalCount } }`, map[string]any{"n": 3}, `{"errors":[{"message":"first and last cannot both be given: page forward with first (and after), or backward with last (and before)","path":["professions"],"locations":[{"line":1,"column":18}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null,"extensions":{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}}`},
				{"last out of range", `{ professions(last: 0) { totalCount } }`, nil, `{"errors":[{"message":"last must be between 1 and 100, got 0","path":["professions"],"locations":[{"line":1,"column":3}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null,"extensions":{"cost":{"requestedQueryCost":1,"maximumAvailable":20000}}}`},
				{"a bad before", `{ professions(last: 2, before: "bad!") { totalCount } }`, nil, `{"errors":[{"message":"invalid cursor \"bad!\": use a cursor returned by this API","path":["professions"],"locations":[{"line":1,"column":3}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null,"extensions":{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}}`},
			} {
				t.Run(c.name, func(t *testing.T) {
					got := postQuery(t, planned, c.query, c.vars)
					if got != c.want {
						t.Errorf("got  %s\nwant %s", got, c.want)
					}
					if without := postQuery(t, unplanned, c.query, c.vars); without != got {
						t.Errorf("without plans:\n%s\nwith:\n%s", without, got)
					}
				})
			}
		})
	}
}

// TestCursorsRoundTrip walks the seed's professions backward from the end, then forward from
// a backward page's end cursor, on both backends: every edge's cursor is its node's
// (career.EncodeCursor), startCursor and endCursor are the first and last edges', and the
// pages together are the whole list.
func TestCursorsRoundTrip(t *testing.T) {
	type page struct {
		Edges []struct {
			Cursor string
			Node   struct{ ID, Name, Code string }
		}
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
	}
	const q = `query($last: Int, $before: String, $first: Int, $after: String) {
		professions(last: $last, before: $before, first: $first, after: $after) {
			edges { cursor node { id name code } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			h := graph.NewHandler(b.Store, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			ask := func(vars map[string]any) page {
				t.Helper()
				var r struct{ Data struct{ Professions page } }
				if err := json.Unmarshal([]byte(postQuery(t, h, q, vars)), &r); err != nil {
					t.Fatal(err)
				}
				p := r.Data.Professions
				for i, e := range p.Edges {
					if want := career.EncodeCursor(e.Node.Name, e.Node.ID); e.Cursor != want {
						t.Errorf("edge %d (%s): cursor %q, want %q", i, e.Node.Code, e.Cursor, want)
					}
				}
				if n := len(p.Edges); n > 0 && (p.PageInfo.StartCursor == nil || *p.PageInfo.StartCursor != p.Edges[0].Cursor ||
					p.PageInfo.EndCursor == nil || *p.PageInfo.EndCursor != p.Edges[n-1].Cursor) {
					t.Errorf("start and end cursors %v %v are not the first and last edges'", p.PageInfo.StartCursor, p.PageInfo.EndCursor)
				}
				return p
			}
			codes := func(p page) []string {
				out := []string{}
				for _, e := range p.Edges {
					out = append(out, e.Node.Code)
				}
				return out
			}
			var pages [][]string
			vars := map[string]any{"last": 3}
			for range seedCodes {
				p := ask(vars)
				pages = append(pages, codes(p))
				if p.PageInfo.HasNextPage {
					t.Errorf("a backward page says hasNextPage")
				}
				if !p.PageInfo.HasPreviousPage {
					break
				}
				vars = map[string]any{"last": 3, "before": *p.PageInfo.StartCursor}
			}
			if want := [][]string{seedCodes[5:], seedCodes[2:5], seedCodes[:2]}; !slices.EqualFunc(pages, want, slices.Equal) {
				t.Errorf("backward pages: got %q, want %q", pages, want)
			}
			back := ask(map[string]any{"last": 2, "before": career.EncodeCursor("Développeur·euse web", "profession:seed:developpeur-web")})
			next := ask(map[string]any{"first": 3, "after": *back.PageInfo.EndCursor})
			if got, want := [][]string{codes(back), codes(next)}, [][]string{seedCodes[2:4], seedCodes[4:7]}; !slices.EqualFunc(got, want, slices.Equal) ||
				!back.PageInfo.HasPreviousPage || !next.PageInfo.HasNextPage || next.PageInfo.HasPreviousPage {
				t.Errorf("back then forward: got %q %+v %+v, want %q, hasPreviousPage then hasNextPage only", got, back.PageInfo, next.PageInfo, want)
			}
			empty := ask(map[string]any{"last": 3, "before": back.Edges[0].Cursor, "after": *next.PageInfo.EndCursor})
			if len(empty.Edges) != 0 || empty.PageInfo.StartCursor != nil || empty.PageInfo.EndCursor != nil || empty.PageInfo.HasPreviousPage {
				t.Errorf("after beyond before: got %+v, want an empty page with null cursors", empty)
			}
		})
	}
}
