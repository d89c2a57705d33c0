package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/explorer"
	"github.com/careergraph/careergraph/internal/browsertest"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// The seed professions the explorer's test walks through.
const (
	seedBackEnd     = "profession:seed:developpeur-web-back-end"
	seedBackEndName = "Développeur·euse web back end"
	seedDirector    = "profession:seed:directeur-technique-informatique"
	seedArchitect   = "profession:seed:architecte-logiciel"
	seedWeb         = "profession:seed:developpeur-web"
)

// queryMethods records, per GraphQL operation name, the methods of the requests to /query in
// the order they came: the explorer sends GET with a persisted-query hash, and POST only when
// the server does not know the hash yet.
type queryMethods struct {
	next http.Handler
	mu   sync.Mutex
	ops  map[string][]string
}

func (q *queryMethods) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/query" {
		name := r.URL.Query().Get("operationName")
		if r.Method == http.MethodPost {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			var params struct{ OperationName string }
			json.Unmarshal(body, &params) // the handler answers malformed bodies
			name = params.OperationName
		}
		q.mu.Lock()
		if q.ops == nil {
			q.ops = map[string][]string{}
		}
		q.ops[name] = append(q.ops[name], r.Method)
		q.mu.Unlock()
	}
	q.next.ServeHTTP(w, r)
}

// page drives the explorer in one browser tab.
type page struct {
	t       *testing.T
	browser *browsertest.Browser
}

// wait polls the JavaScript expression (10 s at most) until it is truthy and returns its value.
func wait[T any](p *page, what, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.browser.Ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		p.browser.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
	return v
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.browser.Ctx, actions...); err != nil {
		p.browser.Fatalf("%s: %v", what, err)
	}
}

// screenshotSizes are the viewports of the screenshots: a desktop and a phone.
var screenshotSizes = []struct {
	name          string
	width, height int64
	phone         bool
}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}

// screenshots saves the page as <view>-desktop.png and <view>-phone.png into the folder
// $EXPLORER_SCREENSHOTS (scripts/explorer-screenshots); nothing when it is not set.
func (p *page) screenshots(view string) {
	p.t.Helper()
	dir := os.Getenv("EXPLORER_SCREENSHOTS")
	if dir == "" {
		return
	}
	for _, size := range screenshotSizes {
		opts := []chromedp.EmulateViewportOption{}
		if size.phone {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		p.do("resizing to "+size.name, chromedp.EmulateViewport(size.width, size.height, opts...))
		// Two animation frames: the graphs have fitted themselves to the new size.
		wait[bool](p, "the page to draw", `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		if err := p.browser.Screenshot(filepath.Join(dir, view+"-"+size.name+".png")); err != nil {
			p.t.Fatal(err)
		}
	}
	p.do("resizing back", chromedp.EmulateViewport(screenshotSizes[0].width, screenshotSizes[0].height))
	wait[bool](p, "the page to draw", `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// open loads the explorer at the URL and waits until it has read the server's schema and datasets.
func (p *page) open(pageURL string) {
	p.t.Helper()
	p.do("opening "+pageURL, chromedp.Navigate(pageURL))
	wait[bool](p, "the page to be ready", `document.body.dataset.ready === 'true'`)
}

// pick types text into a combobox and chooses, with the arrow keys and Enter, the option named name.
func (p *page) pick(input, list, text, name string) {
	p.t.Helper()
	p.do("typing in "+input, chromedp.SendKeys(chromedp.CSS(input), text))
	index := wait[float64](p, "an option "+name+" in "+list,
		`(() => { const i = Array.from(document.querySelectorAll('`+list+` li > span:first-child')).findIndex(s => s.textContent === `+jsString(name)+`); return i < 0 ? false : i + 1; })()`)
	p.do("choosing "+name, chromedp.SendKeys(chromedp.CSS(input), strings.Repeat(kb.ArrowDown, int(index))+kb.Enter))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestExplorerBrowser walks the career explorer at /explore of the real server on the seed, on
// both backends, in headless Chromium cut off from everything but loopback: search (with a
// typo) and open the seed card, its six next careers in the graph, the inferred moves of the
// technical director drawn apart with their basis, the path to the technical director with the
// skill gap of its step, match-me from the card's own skills in words, and a deep link
// reopening a view. The seed holds storetest.WithInferredMoves's inferred moves, whatever
// inferred moves the seed gets of its own.
func TestExplorerBrowser(t *testing.T) {
	browsertest.ChromiumPath(t) // fails or skips before starting anything
	for _, b := range testbackend.Open(t, storetest.WithInferredMoves(testbackend.Seed(t))) {
		t.Run(b.Name, func(t *testing.T) { testExplorer(t, b.Store) })
	}
}

func testExplorer(t *testing.T, store career.Store) {
	handler := newHTTPHandler(testConfig(t), store, discardLogger())
	methods := &queryMethods{next: handler}
	srv := httptest.NewServer(methods)
	t.Cleanup(srv.Close)

	// What the server answers directly, to compare with what the page shows.
	var direct struct {
		Profession struct {
			Qualities   []struct{ Name string }
			NextCareers []struct{ Profession struct{ Name string } }
		}
		SkillGap struct {
			Missing []struct{ Skill struct{ Name string } }
		}
	}
	res := post(t, handler, `query($p: ID!, $d: ID!) {
		profession(id: $p) { qualities { name } nextCareers { profession { name } } }
		skillGap(from: $p, to: $d) { missing { skill { name } } } }`,
		map[string]any{"p": seedBackEnd, "d": seedDirector})
	if len(res.Errors) != 0 {
		t.Fatalf("direct query: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, &direct); err != nil {
		t.Fatal(err)
	}
	var wantNext, wantQualities, wantMissing []string
	for _, m := range direct.Profession.NextCareers {
		wantNext = append(wantNext, m.Profession.Name)
	}
	for _, q := range direct.Profession.Qualities {
		wantQualities = append(wantQualities, q.Name)
	}
	for _, m := range direct.SkillGap.Missing {
		wantMissing = append(wantMissing, m.Skill.Name)
	}
	if len(wantNext) != 6 || len(wantMissing) == 0 {
		t.Fatalf("seed: %d next careers (want 6), %d missing skills to the director", len(wantNext), len(wantMissing))
	}

	p := &page{t: t, browser: browsertest.Start(t)}
	p.open(srv.URL + explorer.Path)

	p.screenshots("home")

	// 1–2. Search as you type (a typo: "developeur"), the dataset beside the hit, and the card.
	p.pick("#search-input", "#search-results", "developeur back", seedBackEndName)
	firstHit := wait[[]string](p, "the first hit", `(() => { const li = document.querySelector('#search-results li'); return li ? Array.from(li.querySelectorAll('span:first-child, .badge'), s => s.textContent) : false; })()`)
	title := wait[string](p, "the card's title", `document.getElementById('profession-title').textContent === `+jsString(seedBackEndName)+` && document.getElementById('profession-title').textContent`)
	qualities := wait[[]string](p, "the card's qualities", `(() => { const q = Array.from(document.querySelectorAll('#view-card .chips li'), li => li.textContent); return q.length ? q : false; })()`)
	p.screenshots("card")
	t.Run("search opens the seed card", func(t *testing.T) {
		if want := []string{seedBackEndName, "seed"}; !slices.Equal(firstHit, want) {
			t.Errorf("first hit of %q = %q, want %q", "developeur back", firstHit, want)
		}
		if title != seedBackEndName {
			t.Errorf("title = %q, want %q", title, seedBackEndName)
		}
		if !slices.Equal(qualities, wantQualities) {
			t.Errorf("qualities = %q, want %q", qualities, wantQualities)
		}
	})

	// 3. The career graph: the six next careers around the card.
	p.do("opening the graph", chromedp.Click(chromedp.CSS("#tab-graph")))
	graph := wait[[]string](p, "the graph's seven professions", `(() => {
		const cy = document.getElementById('graph')._cyreg.cy;
		const start = cy.getElementById(`+jsString(seedBackEnd)+`);
		const next = start.outgoers('node').map(n => n.data('label')).sort();
		return cy.nodes().length === 7 && document.querySelectorAll('#graph-list li').length === 7 ? next : false;
	})()`)
	p.screenshots("graph")
	t.Run("the graph shows its six next careers", func(t *testing.T) {
		want := slices.Clone(wantNext)
		slices.Sort(want)
		// JavaScript's sort compares UTF-16 code units, Go's bytes: equal for these names.
		if !slices.Equal(graph, want) {
			t.Errorf("next careers drawn = %q, want %q", graph, want)
		}
	})

	// 3b. The inferred moves of the director (it has none of its own), drawn apart with their basis.
	p.do("expanding the director", chromedp.Click(chromedp.CSS(`#graph-list li[data-id="`+seedDirector+`"] button:last-child`)))
	inferred := wait[[]string](p, "the director's inferred moves", `(() => {
		const cy = document.getElementById('graph')._cyreg.cy;
		const edges = cy.edges('.inferred').sort((a, b) => a.id().localeCompare(b.id()));
		if (edges.length < 2 || cy.nodes().length !== 8) return false;
		return edges.map(e => [e.id(), e.style('line-style'), e.style('line-color')].join(' '));
	})()`)
	legend := wait[[]string](p, "the legend", `Array.from(document.querySelectorAll('#legend li'), li => li.className + ': ' + li.textContent)`)
	moveTexts := wait[[]string](p, "the moves into the architect and the web developer", `(() => {
		const text = (id) => Array.from(document.querySelectorAll('#graph-list li[data-id="' + id + '"] > .badge, #graph-list li[data-id="' + id + '"] > .basis'), e => e.textContent).join(' | ');
		return [text(`+jsString(seedArchitect)+`), text(`+jsString(seedWeb)+`)];
	})()`)
	p.screenshots("inferred")
	t.Run("inferred moves are drawn apart with their basis", func(t *testing.T) {
		// Dashed, in the colour of inferred moves (COLOURS.inferred, #c2570c).
		want := []string{
			seedDirector + "→" + seedArchitect + " dashed rgb(194,87,12)",
			seedDirector + "→" + seedWeb + " dashed rgb(194,87,12)",
		}
		if !slices.Equal(inferred, want) {
			t.Errorf("inferred edges = %q, want %q", inferred, want)
		}
		if want := []string{
			"legend-start: métier de départ", "legend-progression: évolution",
			"legend-inferred: débouché déduit par le service (pointillés)",
		}; !slices.Equal(legend, want) {
			t.Errorf("legend = %q, want %q", legend, want)
		}
		if want := []string{
			"évolution | mobilité proche déduite, 70 % | pourquoi : the reverse of a move of the seed",
			"mobilité proche déduite, 40 % | pourquoi : moves of similar professions",
		}; !slices.Equal(moveTexts, want) {
			t.Errorf("moves into the architect, the web developer = %q, want %q", moveTexts, want)
		}
	})

	// 4. The path finder: to the technical director, with the skill gap of the step.
	p.do("opening the path finder", chromedp.Click(chromedp.CSS("#tab-path")))
	p.pick("#target-input", "#target-results", "directrice technique", "Directeur·rice technique informatique")
	steps := wait[[]string](p, "the shortest path's steps", `(() => { const s = Array.from(document.querySelectorAll('#paths .path.shortest .steps > li > button'), b => b.textContent); return s.length ? s : false; })()`)
	missing := wait[[]string](p, "the step's missing skills", `(() => { const m = Array.from(document.querySelectorAll('#paths .path.shortest .gap .missing li'), li => li.firstChild.textContent); return m.length ? m : false; })()`)
	drawn := wait[float64](p, "the path graph", `(() => { const cy = document.getElementById('path-graph')._cyreg; return cy && cy.cy.edges('.shortest').length; })()`)
	deepLink := wait[string](p, "the URL", `location.href`)
	p.screenshots("path")
	t.Run("a path to the technical director is drawn with its steps", func(t *testing.T) {
		want := []string{seedBackEndName, "Directeur·rice technique informatique"}
		if !slices.Equal(steps, want) {
			t.Errorf("steps = %q, want %q", steps, want)
		}
		if drawn != 1 {
			t.Errorf("%v moves of the shortest path drawn, want 1", drawn)
		}
	})
	t.Run("the skill gap lists the missing skills", func(t *testing.T) {
		if !slices.Equal(missing, wantMissing) {
			t.Errorf("missing skills = %q, want %q", missing, wantMissing)
		}
	})

	// 5. Match me from the card's own skills and tools.
	p.do("opening match me", chromedp.Click(chromedp.CSS("#tab-match")), chromedp.Click(chromedp.CSS("#use-card-skills")))
	wait[bool](p, "the card's skills as chips", `document.querySelectorAll('#my-skills li').length > 0`)
	p.do("matching", chromedp.Click(chromedp.CSS("#match-run")))
	first := wait[[]string](p, "the match results", `(() => { const li = document.querySelector('#match-results li'); return li ? [li.dataset.id, li.querySelector('.score').textContent] : false; })()`)
	words := wait[[]string](p, "the match results in words", `Array.from(document.querySelectorAll('#match-results > li'), li => { const w = li.querySelector('.match-words'); return li.dataset.id + ': ' + (w ? w.textContent : ''); }).slice(0, 3)`)
	p.screenshots("match")
	t.Run("match me ranks the card first from its own skills", func(t *testing.T) {
		if !slices.Equal(first, []string{seedBackEnd, "100 %"}) {
			t.Errorf("first match = %q, want [%s 100 %%]", first, seedBackEnd)
		}
	})
	t.Run("match me says its scores in words", func(t *testing.T) {
		// The card gives its 10 skills (all essential) and 12 tools; the web developer uses 18
		// of them (skillsUsed 18/22) and requires 6 essential skills, of which the card has 5.
		want := []string{
			seedBackEnd + ": utilise toutes vos 22 compétences et outils · vous avez ses 10 compétences essentielles",
			seedWeb + ": utilise 18 de vos 22 compétences et outils · vous avez 5 de ses 6 compétences essentielles",
			"profession:seed:developpeur-web-front-end: utilise 16 de vos 22 compétences et outils · vous avez 3 de ses 6 compétences essentielles",
		}
		if !slices.Equal(words, want) {
			t.Errorf("first matches in words = %q, want %q", words, want)
		}
	})

	// 6. The deep link of the path view reopens it.
	p.open(deepLink)
	reopened := wait[[]string](p, "the reopened path", `(() => { const s = Array.from(document.querySelectorAll('#paths .path.shortest .steps > li > button'), b => b.textContent); return s.length && document.getElementById('tab-path').getAttribute('aria-selected') === 'true' ? [document.getElementById('profession-title').textContent, ...s] : false; })()`)
	if os.Getenv("EXPLORER_SCREENSHOTS") != "" {
		p.do("opening the progression rings", chromedp.Click(chromedp.CSS("#tab-graph")), chromedp.Click(chromedp.CSS("#rings")))
		// Two rings: the director's inferred move to the web developer adds the second.
		wait[bool](p, "the rings", `document.querySelectorAll('#legend .ring').length === 2`)
		p.screenshots("rings")
	}
	t.Run("a deep link reopens the same view", func(t *testing.T) {
		u, err := url.Parse(deepLink)
		if err != nil {
			t.Fatal(err)
		}
		if q := u.Query(); q.Get("p") != seedBackEnd || q.Get("to") != seedDirector || q.Get("view") != "path" {
			t.Errorf("deep link %s: want p=%s, to=%s, view=path", deepLink, seedBackEnd, seedDirector)
		}
		want := []string{seedBackEndName, seedBackEndName, "Directeur·rice technique informatique"}
		if !slices.Equal(reopened, want) {
			t.Errorf("reopened title and steps = %q, want %q", reopened, want)
		}
	})

	t.Run("queries go over GET; POST only to register a hash", func(t *testing.T) {
		methods.mu.Lock()
		defer methods.mu.Unlock()
		for op, ms := range methods.ops {
			posts := 0
			for _, m := range ms {
				if m == http.MethodPost {
					posts++
				}
			}
			if ms[0] != http.MethodGet || posts > 1 {
				t.Errorf("operation %q sent %q, want a GET first and at most one POST", op, ms)
			}
		}
		for _, op := range []string{"ExplorerFeatures", "ExplorerDatasets", "ExplorerSearch", "ExplorerCard", "ExplorerMoves", "ExplorerPaths", "ExplorerSkillGap", "ExplorerMatch"} {
			if len(methods.ops[op]) == 0 {
				t.Errorf("operation %s never sent (operations: %v)", op, methods.ops)
			}
		}
	})

	t.Run("no console errors; only the server on loopback requested", func(t *testing.T) {
		p.browser.CheckOffline(t)
		origin, err := url.Parse(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		for _, raw := range p.browser.Events.Requests() {
			if u, err := url.Parse(raw); err == nil && u.Scheme != "data" && u.Host != origin.Host {
				t.Errorf("request outside the test server %s: %s", srv.URL, raw)
			}
		}
	})
}
