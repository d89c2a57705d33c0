// Command cypherbaseline is the raw-Cypher baseline careergraph's Neo4j backend is measured
// against: a bare net/http server that answers the two benchmark queries of
// internal/benchquery (Q1, Q2), each with one hand-written Cypher statement sent with the Go
// driver, and writes the same JSON bytes careergraph writes for them (a test checks it). It
// knows no other query. It only listens on loopback addresses.
//
//	NEO4J_URI=bolt://127.0.0.1:7687 go run ./cmd/cypherbaseline -addr 127.0.0.1:18082 -q1-cost 1234 -q2-cost 5678
//
// careergraph reports each query's cost in its answer ("extensions"); the baseline has no cost
// model, so it writes the costs it is given (scripts/measure reads them from careergraph).
// NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE default as careergraph's do.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/benchquery"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18082", "listen address (loopback only)")
	q1Cost := flag.Int("q1-cost", 0, "the cost careergraph reports for Q1, written in the answer's extensions")
	q2Cost := flag.Int("q2-cost", 0, "the cost careergraph reports for Q2, written in the answer's extensions")
	flag.Parse()
	if err := run(*addr, map[string]int{benchquery.Q1: *q1Cost, benchquery.Q2: *q2Cost}); err != nil {
		fmt.Fprintln(os.Stderr, "cypherbaseline:", err)
		os.Exit(1)
	}
}

// run serves the baseline on addr until the process is stopped.
func run(addr string, costs map[string]int) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-addr %q is not a loopback address", addr)
	}
	env := func(name, def string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		return def
	}
	uri := env("NEO4J_URI", neo4jstore.DefaultURI)
	if err := neo4jstore.CheckURI(uri); err != nil {
		return err
	}
	driver, err := neo4j.NewDriverWithContext(uri,
		neo4j.BasicAuth(env("NEO4J_USER", neo4jstore.DefaultUser), env("NEO4J_PASSWORD", neo4jstore.DefaultPassword), ""))
	if err != nil {
		return fmt.Errorf("open %s: %w", uri, err)
	}
	defer driver.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4j at %s: %w", uri, err)
	}
	b := &baseline{driver: driver, database: env("NEO4J_DATABASE", neo4jstore.DefaultDatabase), costs: costs}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Printf("cypherbaseline listening on http://%s/query, neo4j %s", ln.Addr(), uri)
	return http.Serve(ln, b)
}

// baseline answers Q1 and Q2 on POST /query.
type baseline struct {
	driver   neo4j.DriverWithContext
	database string
	costs    map[string]int // per query text: the cost careergraph reports
}

// answer is careergraph's response shape: the data, then the cost extension.
type answer struct {
	Data       any `json:"data"`
	Extensions struct {
		Cost struct {
			RequestedQueryCost int `json:"requestedQueryCost"`
			MaximumAvailable   int `json:"maximumAvailable"`
		} `json:"cost"`
	} `json:"extensions"`
}

// ServeHTTP reads a GraphQL request, runs the Cypher of its query and writes the answer.
func (b *baseline) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/query" || r.Method != http.MethodPost {
		http.Error(w, "POST /query only", http.StatusNotFound)
		return
	}
	var req struct {
		Query string `json:"query"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		http.Error(w, "not a JSON GraphQL request: "+err.Error(), http.StatusBadRequest)
		return
	}
	var data any
	var err error
	switch req.Query {
	case benchquery.Q1:
		data, err = b.q1(r.Context())
	case benchquery.Q2:
		data, err = b.q2(r.Context())
	default:
		http.Error(w, "the baseline answers benchquery.Q1 and Q2 only", http.StatusBadRequest)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var a answer
	a.Data = data
	a.Extensions.Cost.RequestedQueryCost = b.costs[req.Query]
	a.Extensions.Cost.MaximumAvailable = graph.DefaultLimits.Complexity
	out, err := json.Marshal(a) // as careergraph writes it: HTML characters escaped, no newline at the end
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if _, err := w.Write(out); err != nil {
		log.Printf("write answer: %v", err)
	}
}

// one runs cypher as one auto-commit read (RUN and PULL in one round trip) and returns its
// single record, or nil when there is none.
func (b *baseline) one(ctx context.Context, cypher string) (*neo4j.Record, error) {
	session := b.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: b.database,
		AccessMode:   neo4j.AccessModeRead,
		FetchSize:    neo4j.FetchAll,
	})
	defer session.Close(ctx)
	res, err := session.Run(ctx, cypher, map[string]any{"id": benchquery.Profession})
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	if !res.Next(ctx) {
		if err := res.Err(); err != nil {
			return nil, fmt.Errorf("fetch: %w", err)
		}
		return nil, nil
	}
	return res.Record(), nil
}
