// Command loadtest sends one GraphQL query to a running careergraph over and over, from several
// concurrent clients, for a bounded time and number of requests, and reports requests per
// second and latency percentiles. It only talks to loopback addresses.
//
//	go run ./cmd/loadtest -url http://127.0.0.1:8080/query -query card -c 8 -d 10s
//
// With -attack it measures admission control instead, on a server holding ROME, ESCO and
// O*NET: the median latency of the cheap query (-query) alone for -d, then for -d while -c
// clients send the costliest legal queries (the most aliases the server accepts of the
// heaviest searches, text filters, progressions, paths, matches and similarities), and the
// ratio of the two medians; it exits 1 when the ratio exceeds -max-ratio.
//
//	go run ./cmd/loadtest -attack -query card -c 8 -d 10s
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/benchquery"
)

// queries are the named queries the load test can send.
var queries = map[string]string{
	"card": `{ profession(id: "profession:seed:developpeur-web-back-end") { name summary description qualities { name }
		tasks skills { skill { name kind } importance } tools { name category } trainings { name level durationYears }
		nextCareers { profession { name } kind } previousCareers { profession { name } } specializationOf { name } } }`,
	"paths": `{ careerPaths(from: "profession:seed:developpeur-web-back-end", to: "profession:seed:directeur-technique-informatique", maxSteps: 4, first: 5) { length steps { name } } }`,
	"rome-card": `{ profession(id: "profession:rome:M1805") { name summary qualities { name } tasks skills { skill { name kind } importance }
		tools { name category } trainings { name level } nextCareers { profession { name } kind } } }`,
	"search":      `{ search(text: "développeuse web", first: 10) { score node { id ... on Profession { name } } } }`,
	"progression": `{ careerProgression(from: "profession:rome:M1805", maxSteps: 3, first: 50) { distance profession { name } } }`,
	"match": `{ matchProfessions(first: 10, skills: ["skill:onet:2.A.1.a","skill:onet:2.A.1.b","skill:onet:2.A.1.c","skill:onet:2.A.1.d",
		"skill:onet:2.A.1.e","skill:onet:2.A.1.f","skill:onet:2.A.2.a","skill:onet:2.A.2.b","skill:onet:2.A.2.c","skill:onet:2.A.2.d",
		"skill:onet:2.B.1.a","skill:onet:2.B.1.b","skill:onet:2.B.1.c","skill:onet:2.B.1.d","skill:onet:2.B.1.e","skill:onet:2.B.1.f",
		"skill:onet:2.B.2.i","skill:onet:2.B.3.a","skill:onet:2.B.3.e","skill:onet:2.C.3.a"]) { score profession { name } } }`,
	"similar": `{ similarProfessions(to: "profession:rome:M1805", first: 10) { score profession { name } } }`,
	// The README's first example, GraphiQL's first tab: the seed card, which scripts/measure lean
	// measures against a bare net/http handler.
	"readme-card": httpapi.Examples()[0].Query,
	// Q1 and Q2, which scripts/measure baseline also sends to the raw Cypher baseline.
	"q1": benchquery.Q1,
	"q2": benchquery.Q2,
	// The README's card as apps send it, the ID in a variable (see variables).
	"readme-card-vars": `query ProfessionCard($id: ID!) {
  profession(id: $id) {
    name
    summary
    qualities { name }
    tasks
    skills { skill { name kind } importance }
    tools { name category }
    trainings { name level durationYears }
    nextCareers { profession { name } kind }
    specializationOf { name }
  }
}`,
}

// variables are the variables of the queries that have some, by the queries' names.
var variables = map[string]map[string]any{
	"readme-card-vars": {"id": "profession:seed:developpeur-web-back-end"},
}

// requestBody is the JSON body of a POST of the named query, with its variables.
func requestBody(name string) ([]byte, error) {
	query, ok := queries[name]
	if !ok {
		return nil, fmt.Errorf("unknown query %q", name)
	}
	req := map[string]any{"query": query}
	if vars := variables[name]; vars != nil {
		req["variables"] = vars
	}
	return json.Marshal(req)
}

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/query", "GraphQL endpoint (loopback only)")
	name := flag.String("query", "card", "query to send: card, readme-card, readme-card-vars, paths, rome-card, search, progression, match, similar, q1, q2 (see internal/benchquery)")
	clients := flag.Int("c", 8, "concurrent clients")
	duration := flag.Duration("d", 10*time.Second, "how long to run (at most 5m)")
	maxRequests := flag.Int64("n", 1_000_000, "stop after this many requests")
	attackMode := flag.Bool("attack", false, "measure the query's median latency idle, then under -c clients sending the costliest legal queries")
	maxRatio := flag.Float64("max-ratio", 50, "with -attack: the highest acceptable ratio of the medians (exit 1 above)")
	print := flag.Bool("print", false, "print the text of -query and exit")
	printBody := flag.Bool("print-body", false, "print the JSON request body of -query (its text and variables) and exit")
	flag.Parse()
	if *printBody {
		body, err := requestBody(*name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		fmt.Println(string(body))
		return
	}
	if *print {
		query, ok := queries[*name]
		if !ok {
			fmt.Fprintf(os.Stderr, "loadtest: unknown query %q\n", *name)
			os.Exit(1)
		}
		fmt.Println(query)
		return
	}
	err := checkArgs(*target, *clients, *duration)
	if err == nil && *attackMode {
		err = attack(*target, *name, *clients, *duration, *maxRatio)
	} else if err == nil {
		err = run(*target, *name, *clients, *duration, *maxRequests)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// checkArgs refuses targets that are not loopback addresses, and unbounded runs.
func checkArgs(target string, clients int, duration time.Duration) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", u.Hostname())
	}
	if duration <= 0 || duration > 5*time.Minute || clients < 1 || clients > 256 {
		return fmt.Errorf("want -d between 0 and 5m and -c between 1 and 256")
	}
	return nil
}

func run(target, name string, clients int, duration time.Duration, maxRequests int64) error {
	body, err := requestBody(name)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	// One request first, to check the answer.
	if err := send(client, target, body); err != nil {
		return err
	}
	var (
		sent      atomic.Int64
		failures  atomic.Int64
		mu        sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(duration)
	start := time.Now()
	for range clients {
		wg.Go(func() {
			var local []time.Duration
			for time.Now().Before(deadline) && sent.Add(1) <= maxRequests {
				t0 := time.Now()
				if err := send(client, target, body); err != nil {
					failures.Add(1)
					continue
				}
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(float64(len(latencies))*p))]
	}
	fmt.Printf("query=%s clients=%d requests=%d failures=%d duration=%s rps=%.0f p50=%s p90=%s p99=%s\n",
		name, clients, len(latencies), failures.Load(), elapsed.Round(time.Millisecond),
		float64(len(latencies))/elapsed.Seconds(), pct(0.50), pct(0.90), pct(0.99))
	return nil
}

// send posts the query and fails on HTTP or GraphQL errors.
func send(client *http.Client, target string, body []byte) error {
	resp, err := client.Post(target, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
		return fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	return nil
}
