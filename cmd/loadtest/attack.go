package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The attack mode measures admission control: the median latency of a cheap query alone,
// then while attackers send the costliest legal queries over ROME + ESCO + O*NET, and the
// ratio of the two.

// IDs of the real data the heavy queries start from.
const (
	hubProfession = "profession:rome:H3302"                                // 21 next careers, the most
	pathsTarget   = "profession:rome:H2204"                                // 20 paths of 5 and 6 moves from the hub
	mostSkilled   = "profession:esco:547b304b-9a72-4717-9b24-b7046df5f64e" // 340 required skills, the most
	heavyWords    = 20                                                     // the most words a search text may have
	heavyLetter   = "e"                                                    // starts a word of about 50,000 names
)

// heavyKind is one kind of expensive query: a root field repeated under aliases.
type heavyKind struct {
	name string
	// field returns one alias's field.
	field func(alias string) string
	// vars are the query's variables.
	vars func() map[string]any
	// header declares the variables.
	header string
	// shrink, when set, makes one alias lighter (fewer words, fewer steps) and reports false
	// when it cannot: calibration shrinks a kind until one alias fits the cost limit, so the
	// heaviest legal query is the largest that fits. size describes the current size.
	shrink func() bool
	size   func() string
}

// words repeats a word n times.
func words(w string, n int) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }

// heavyKinds returns the expensive kinds; skills are the IDs matchProfessions is given.
func heavyKinds(skills []string) []heavyKind {
	searchWords, filterWords, pathSteps, matchSkills := heavyWords, heavyWords, 6, len(skills)
	fewer := func(n *int) func() bool {
		return func() bool {
			if *n <= 1 {
				return false
			}
			*n--
			return true
		}
	}
	sized := func(n *int, unit string) func() string {
		return func() string { return fmt.Sprintf("%d %s", *n, unit) }
	}
	text := func(n int) string { return words(heavyLetter, n) }
	none := func() map[string]any { return nil }
	return []heavyKind{
		{name: "search", vars: none, shrink: fewer(&searchWords), size: sized(&searchWords, "words"), field: func(a string) string {
			return fmt.Sprintf(`%s: search(text: %q, first: 50) { score kind node { id } }`, a, text(searchWords))
		}},
		{name: "text-filter", vars: none, shrink: fewer(&filterWords), size: sized(&filterWords, "words"), field: func(a string) string {
			return fmt.Sprintf(`%s: professions(filter: {text: %q}, first: 100) { totalCount nodes { name } }`, a, text(filterWords))
		}},
		{name: "progression", vars: none, field: func(a string) string {
			return fmt.Sprintf(`%s: careerProgression(from: %q, maxSteps: 6, first: 200) { distance profession { name } path { name } }`, a, hubProfession)
		}},
		{name: "paths", vars: none, shrink: fewer(&pathSteps), size: sized(&pathSteps, "steps"), field: func(a string) string {
			return fmt.Sprintf(`%s: careerPaths(from: %q, to: %q, maxSteps: %d, first: 20) { length steps { name } }`, a, hubProfession, pathsTarget, pathSteps)
		}},
		{name: "match", header: "($skills: [ID!]!)", shrink: func() bool {
			if matchSkills <= 1 {
				return false
			}
			matchSkills = matchSkills * 3 / 4
			return true
		}, size: sized(&matchSkills, "skills"), field: func(a string) string {
			return a + `: matchProfessions(skills: $skills, first: 50) { score profession { name } matchedSkills { name } missingSkills { name } }`
		}, vars: func() map[string]any { return map[string]any{"skills": skills[:matchSkills]} }},
		{name: "similar", vars: none, field: func(a string) string {
			return fmt.Sprintf(`%s: similarProfessions(to: %q, first: 50) { score profession { name } }`, a, mostSkilled)
		}},
	}
}

// body builds the request body of n aliases of a kind.
func (k heavyKind) body(n int) []byte {
	var b strings.Builder
	b.WriteString("query" + k.header + " {")
	for i := range n {
		b.WriteString(" ")
		b.WriteString(k.field(fmt.Sprintf("a%d", i)))
	}
	b.WriteString(" }")
	body, _ := json.Marshal(map[string]any{"query": b.String(), "variables": k.vars()})
	return body
}

// answer is what the attack tells apart in a response.
type answer struct {
	status int
	codes  []string
	// cost and limit are the operation's cost and the server's limit, from the answer's
	// extensions (0 when it gave none).
	cost, limit int
}

// post sends a body and reads the status and the error codes of the answer.
func post(ctx context.Context, client *http.Client, target string, body []byte) (answer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{}, err
	}
	var r struct {
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
		Extensions struct {
			Cost struct {
				Requested int `json:"requestedQueryCost"`
				Maximum   int `json:"maximumAvailable"`
			} `json:"cost"`
		} `json:"extensions"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return answer{}, fmt.Errorf("status %d, not JSON: %.200s", resp.StatusCode, raw)
	}
	a := answer{status: resp.StatusCode, cost: r.Extensions.Cost.Requested, limit: r.Extensions.Cost.Maximum}
	for _, e := range r.Errors {
		if !slices.Contains(a.codes, e.Extensions.Code) {
			a.codes = append(a.codes, e.Extensions.Code)
		}
	}
	return a, nil
}

// ran reports whether the server ran the request (maybe only in part): it answered, refused
// for load, or stopped it at its deadline, rather than rejecting the query as too costly.
func (a answer) ran(allowed ...string) bool {
	if a.status != http.StatusOK && a.status != http.StatusServiceUnavailable {
		return false
	}
	for _, c := range a.codes {
		if !slices.Contains(allowed, c) {
			return false
		}
	}
	return true
}

// maxAliases is the most aliases the server accepts in one document (its alias limit).
const maxAliases = 200

// calibrate finds the most aliases of a kind the server accepts under its cost limit, from
// the cost the server reports: a request of maxAliases aliases is refused as too costly without
// running (the refusal gives its cost), so the cost of one alias follows, the cost of n aliases
// being 1 + n × that. When even maxAliases fit, that is the answer (and that request ran once).
func calibrate(client *http.Client, target string, k heavyKind) (int, error) {
	a, err := post(context.Background(), client, target, k.body(maxAliases))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", k.name, err)
	}
	if a.ran("NOT_FOUND", "OVERLOADED", "TIMEOUT") {
		return maxAliases, nil
	}
	if a.cost <= 1 || a.limit <= 0 || !slices.Contains(a.codes, "COMPLEXITY_LIMIT_EXCEEDED") {
		return 0, fmt.Errorf("%s: %d aliases answered %d %v without a cost; is this careergraph?", k.name, maxAliases, a.status, a.codes)
	}
	perAlias := (a.cost - 1 + maxAliases - 1) / maxAliases // rounded up
	n := (a.limit - 1) / perAlias
	if n == 0 {
		return 0, fmt.Errorf("%s: one alias costs about %d, more than the limit of %d", k.name, perAlias, a.limit)
	}
	return n, nil
}

// probeEvery is how often the cheap query is sent, whether earlier ones have answered or
// not: a user arriving at any moment is measured, not only those a stalled server lets in.
const probeEvery = 20 * time.Millisecond

// probeGrace is how long, after a phase, answers to the probes still running are awaited; a
// probe unanswered then counts with the time it waited.
const probeGrace = 5 * time.Second

// probes sends the cheap query every probeEvery for d, and returns the sorted latencies of
// the answers (and of the probes still unanswered after probeGrace, as long as they waited),
// how many of those were unanswered, and how many failed.
func probes(d time.Duration, client *http.Client, target string, body []byte) (sorted []time.Duration, unanswered, failed int) {
	ctx, cancel := context.WithTimeout(context.Background(), d+probeGrace)
	defer cancel()
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	tick := time.NewTicker(probeEvery)
	defer tick.Stop()
	for end := time.Now().Add(d); time.Now().Before(end); <-tick.C {
		wg.Go(func() {
			t0 := time.Now()
			a, err := post(ctx, client, target, body)
			took := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case ctx.Err() != nil:
				unanswered++
				sorted = append(sorted, took)
			case err != nil || a.status != http.StatusOK || len(a.codes) > 0:
				failed++
			default:
				sorted = append(sorted, took)
			}
		})
	}
	wg.Wait()
	slices.Sort(sorted)
	return sorted, unanswered, failed
}

// median of sorted latencies.
func median(sorted []time.Duration) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[len(sorted)/2]
}

// attackStats counts the attackers' answers.
type attackStats struct {
	sent, answered, timedOut, overloaded, rejected, failed atomic.Int64
}

// attack measures the cheap query idle, then under `clients` attackers, for `phase` each, and
// prints the figures. It returns an error when the ratio of the medians exceeds maxRatio.
func attack(target, cheapName string, clients int, phase time.Duration, maxRatio float64) error {
	cheap, ok := queries[cheapName]
	if !ok {
		return fmt.Errorf("unknown query %q", cheapName)
	}
	cheapBody, _ := json.Marshal(map[string]string{"query": cheap})
	cheapClient := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	attackClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	// The skills matchProfessions is given: the 100 most required.
	var top struct {
		Data struct {
			Stats struct {
				TopSkills []struct{ Skill struct{ ID string } } `json:"topSkills"`
			} `json:"stats"`
		} `json:"data"`
	}
	if err := getJSON(cheapClient, target, `{ stats { topSkills(first: 100) { skill { id } } } }`, &top); err != nil {
		return err
	}
	var skills []string
	for _, s := range top.Data.Stats.TopSkills {
		skills = append(skills, s.Skill.ID)
	}
	kinds := heavyKinds(skills)
	aliases := make([]atomic.Int64, len(kinds))
	fmt.Printf("costliest legal queries (aliases of one root field, sized by the costs the server reports):")
	for i, k := range kinds {
		n, err := calibrate(cheapClient, target, k)
		for err != nil && k.shrink != nil && k.shrink() {
			n, err = calibrate(cheapClient, target, k)
		}
		if err != nil {
			return err
		}
		// The real query must be accepted too, and answer something.
		if a, err := post(context.Background(), cheapClient, target, k.body(1)); err != nil || !a.ran() {
			return fmt.Errorf("%s: one real alias is not answered (%v %v); does the server hold ROME, ESCO and O*NET?", k.name, a, err)
		}
		aliases[i].Store(int64(n))
		if k.size != nil {
			fmt.Printf(" %s(%s)×%d", k.name, k.size(), n)
		} else {
			fmt.Printf(" %s×%d", k.name, n)
		}
	}
	fmt.Println()

	// Idle.
	if _, unanswered, failed := probes(time.Second, cheapClient, target, cheapBody); unanswered+failed > 0 {
		return fmt.Errorf("the cheap query %q fails on an idle server", cheapName)
	}
	idle, idleUnanswered, idleFailed := probes(phase, cheapClient, target, cheapBody)
	if len(idle) == 0 {
		return fmt.Errorf("no answer to the cheap query in %s", phase)
	}
	fmt.Printf("idle: %s every %s for %s: p50=%s p90=%s (%d answered, %d unanswered, %d failed)\n", cheapName, probeEvery, phase,
		round(median(idle)), round(idle[len(idle)*9/10]), len(idle)-idleUnanswered, idleUnanswered, idleFailed)

	// Under attack.
	ctx, stop := context.WithCancel(context.Background())
	var stats attackStats
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; ctx.Err() == nil; i++ {
				kind := i % len(kinds)
				n := int(aliases[kind].Load())
				stats.sent.Add(1)
				a, err := post(ctx, attackClient, target, kinds[kind].body(n))
				switch {
				case ctx.Err() != nil:
				case err != nil:
					stats.failed.Add(1)
				case a.status == http.StatusServiceUnavailable:
					stats.overloaded.Add(1)
				case slices.Contains(a.codes, "TIMEOUT"):
					stats.timedOut.Add(1)
				case a.ran():
					stats.answered.Add(1)
				default: // rejected as too costly: halve its aliases
					stats.rejected.Add(1)
					aliases[kind].CompareAndSwap(int64(n), int64(max(1, n/2)))
				}
			}
		})
	}
	time.Sleep(500 * time.Millisecond) // let the attackers' first requests start
	busy, busyUnanswered, busyFailed := probes(phase, cheapClient, target, cheapBody)
	stop()
	wg.Wait()
	fmt.Printf("attack: %d clients; %d requests: %d answered, %d TIMEOUT, %d OVERLOADED (503), %d rejected as too costly, %d failed\n",
		clients, stats.sent.Load(), stats.answered.Load(), stats.timedOut.Load(), stats.overloaded.Load(), stats.rejected.Load(), stats.failed.Load())
	if len(busy) == 0 {
		return fmt.Errorf("every cheap query failed under attack (%d)", busyFailed)
	}
	ratio := float64(median(busy)) / float64(median(idle))
	fmt.Printf("under attack: %s every %s for %s: p50=%s p90=%s (%d answered, %d unanswered after %s more, %d failed)\n", cheapName, probeEvery, phase,
		round(median(busy)), round(busy[len(busy)*9/10]), len(busy)-busyUnanswered, busyUnanswered, probeGrace, busyFailed)
	verdict := "ok"
	if ratio > maxRatio {
		verdict = "TOO SLOW"
	}
	fmt.Printf("ratio p50 under attack / p50 idle: %.1f× (at most %.0f×: %s)\n", ratio, maxRatio, verdict)
	if ratio > maxRatio {
		return errors.New("cheap requests are starved under attack")
	}
	return nil
}

// getJSON sends a query over POST and decodes the answer into v.
func getJSON(client *http.Client, target, query string, v any) error {
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := client.Post(target, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("%s: status %d: %w", query, resp.StatusCode, err)
	}
	return nil
}

// round rounds a latency for printing.
func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
