package graphiql_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/graphiql"
)

// The examples the lead passes to the playground; the tests use the same ones.
var testExamples = []graphiql.Example{
	{Query: `query ProfessionCard { profession(id: "profession:seed:developpeur-web-back-end") { name summary qualities { name } skills { skill { name kind } importance } tools { name category } trainings { name level durationYears } nextCareers { profession { name } kind } } }`},
	{Query: `query CareerPath { careerPaths(from: "profession:seed:developpeur-web-back-end", to: "profession:seed:directeur-technique-informatique") { length steps { name } } }`},
	{Query: `query SkillGap($from: ID!, $to: ID!) { skillGap(from: $from, to: $to) { coverage missing { skill { name kind } importance } missingTools { name } } }`,
		Variables: `{"from": "profession:seed:developpeur-web-back-end", "to": "profession:seed:directeur-technique-informatique"}`},
	{Query: `query Search { search(text: "développeuse") { score node { id ... on Profession { name } } } }`},
}

// pinned are the SHA-256 of the embedded files, as pinned in scripts/graphiql-assets.
var pinned = []struct {
	name        string
	sha256      string
	contentType string
}{
	{"graphiql.min.js", "867226ba8af5ce7949903fc53932f78dac9f4bfc6cc8da0fd3869b8bc6c5256b", "text/javascript; charset=utf-8"},
	{"graphiql.min.css", "30487e07635d312a63f647b140d37740a73c53332b0975bf4b1fe985ca6ec885", "text/css; charset=utf-8"},
	{"react.production.min.js", "4b4969fa4ef3594324da2c6d78ce8766fbbc2fd121fff395aedf997db0a99a06", "text/javascript; charset=utf-8"},
	{"react-dom.production.min.js", "21758ed084cd0e37e735722ee4f3957ea960628a29dfa6c3ce1a1d47a2d6e4f7", "text/javascript; charset=utf-8"},
	{"graphiql.LICENSE.txt", "4b18fbe55c4e8f9169cb702be138f4d858a2dad920c39857204ffdc9c1c9fdc4", "text/plain; charset=utf-8"},
	{"react.LICENSE.txt", "52412d7bc7ce4157ea628bbaacb8829e0a9cb3c58f57f99176126bc8cf2bfc85", "text/plain; charset=utf-8"},
	{"react-dom.LICENSE.txt", "52412d7bc7ce4157ea628bbaacb8829e0a9cb3c58f57f99176126bc8cf2bfc85", "text/plain; charset=utf-8"},
}

var (
	attrURL     = regexp.MustCompile(`(?i)\b(?:src|href)="([^"]*)"`)
	scriptTag   = regexp.MustCompile(`<script src="([^"]*)" integrity="([^"]*)" crossorigin="anonymous"></script>`)
	configBlock = regexp.MustCompile(`(?s)<script type="application/json" id="graphiql-config">(.*?)</script>`)
	cssURL      = regexp.MustCompile(`url\(\s*["']?([^"')]*)`)
)

func get(t *testing.T, h http.Handler, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func readBody(t *testing.T, res *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return b
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func pageOf(t *testing.T, h http.Handler) string {
	t.Helper()
	res := get(t, h, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / status = %d, want 200", res.StatusCode)
	}
	return string(readBody(t, res))
}

// configOf decodes the page's JSON data block.
func configOf(t *testing.T, page string) map[string]any {
	t.Helper()
	m := configBlock.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("page has no graphiql-config block:\n%s", page)
	}
	var cfg map[string]any
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil {
		t.Fatalf("config block is not JSON: %v\n%s", err, m[1])
	}
	return cfg
}

func TestPage(t *testing.T) {
	h := graphiql.Handler("careergraph", "/query", testExamples)

	t.Run("is HTML with a CSP that allows only this origin", func(t *testing.T) {
		res := get(t, h, "/", nil)
		want := map[string]string{
			"Content-Type":            "text/html; charset=utf-8",
			"Cache-Control":           "no-cache",
			"X-Content-Type-Options":  "nosniff",
			"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
		}
		for k, v := range want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s = %q, want %q", k, got, v)
			}
		}
	})

	t.Run("refers only to its own assets and data URLs", func(t *testing.T) {
		page := pageOf(t, h)
		var got []string
		for _, m := range attrURL.FindAllStringSubmatch(page, -1) {
			u := html.UnescapeString(m[1])
			got = append(got, u)
			if u != "data:," && !strings.HasPrefix(u, "graphiql/assets/") {
				t.Errorf("page refers to %q, outside its assets", u)
			}
		}
		if len(got) != 6 {
			t.Errorf("page has %d src/href URLs, want 6 (icon, css, 4 scripts): %q", len(got), got)
		}
		for _, s := range []string{"http:", "https:", "//cdn", "jsdelivr", "unpkg"} {
			if strings.Contains(page, s) {
				t.Errorf("page contains %q", s)
			}
		}
	})

	t.Run("loads its scripts in order with gqlgen's SRI values", func(t *testing.T) {
		page := pageOf(t, h)
		var got [][2]string
		for _, m := range scriptTag.FindAllStringSubmatch(page, -1) {
			name, _, _ := strings.Cut(strings.TrimPrefix(html.UnescapeString(m[1]), "graphiql/assets/"), "?")
			got = append(got, [2]string{name, html.UnescapeString(m[2])})
		}
		want := [][2]string{
			{"react.production.min.js", "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY="},
			{"react-dom.production.min.js", "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc="},
			{"graphiql.min.js", "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs="},
		}
		if len(got) != 4 {
			t.Fatalf("page loads %d scripts, want 4: %q", len(got), got)
		}
		for i, w := range want {
			if got[i] != w {
				t.Errorf("script %d = %q, want %q", i, got[i], w)
			}
		}
		if got[3][0] != "careergraph-graphiql.js" || !strings.HasPrefix(got[3][1], "sha256-") {
			t.Errorf("last script = %q, want careergraph-graphiql.js with an SRI", got[3])
		}
		if !strings.Contains(html.UnescapeString(page), `integrity="sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU="`) {
			t.Errorf("page lacks the CSS SRI of graphiql.min.css")
		}
	})

	t.Run("opens one tab per example in the given order", func(t *testing.T) {
		cfg := configOf(t, pageOf(t, h))
		if cfg["endpoint"] != "/query" {
			t.Errorf("endpoint = %v, want /query", cfg["endpoint"])
		}
		tabs, _ := cfg["tabs"].([]any)
		if len(tabs) != len(testExamples) {
			t.Fatalf("%d tabs, want %d", len(tabs), len(testExamples))
		}
		for i, e := range testExamples {
			tab := tabs[i].(map[string]any)
			if tab["query"] != e.Query {
				t.Errorf("tab %d query = %q, want %q", i, tab["query"], e.Query)
			}
			if v, _ := tab["variables"].(string); v != e.Variables {
				t.Errorf("tab %d variables = %q, want %q", i, v, e.Variables)
			}
		}
	})

	t.Run("escapes the title and examples", func(t *testing.T) {
		evilTitle := `</title><script>alert("t")</script>`
		evilQuery := "query X { a } # </script><script>alert('q')</script> & <!-- \u2028"
		p := pageOf(t, graphiql.Handler(evilTitle, "/query", []graphiql.Example{{Query: evilQuery, Variables: `{"a": "</script>"}`}}))
		if strings.Count(p, "<script") != 5 || strings.Count(p, "</script>") != 5 {
			t.Errorf("page has %d <script and %d </script>, want 5 each:\n%s", strings.Count(p, "<script"), strings.Count(p, "</script>"), p)
		}
		wantBlock := `<script type="application/json" id="graphiql-config">{"endpoint":"/query","tabs":[{"query":"query X { a } # \u003c/script\u003e\u003cscript\u003ealert('q')\u003c/script\u003e \u0026 \u003c!-- \u2028","variables":"{\"a\": \"\u003c/script\u003e\"}"}]}</script>`
		if !strings.Contains(p, wantBlock) {
			t.Errorf("config block not JSON-escaped as %s:\n%s", wantBlock, p)
		}
		if !strings.Contains(p, "<title>&lt;/title&gt;&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;</title>") {
			t.Errorf("title not HTML-escaped:\n%s", p)
		}
		tab := configOf(t, p)["tabs"].([]any)[0].(map[string]any)
		if tab["query"] != evilQuery || tab["variables"] != `{"a": "</script>"}` {
			t.Errorf("round trip of the example = %q, %q", tab["query"], tab["variables"])
		}
	})

	t.Run("allows connections to an absolute endpoint's origin", func(t *testing.T) {
		res := get(t, graphiql.Handler("x", "http://127.0.0.1:8080/query", nil), "/", nil)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "; connect-src 'self' http://127.0.0.1:8080;") {
			t.Errorf("CSP = %q, want connect-src 'self' http://127.0.0.1:8080", csp)
		}
	})

	t.Run("has an empty tab list without examples", func(t *testing.T) {
		tabs, ok := configOf(t, pageOf(t, graphiql.Handler("x", "/query", nil)))["tabs"].([]any)
		if !ok || len(tabs) != 0 {
			t.Errorf("tabs = %v, want []", tabs)
		}
	})

	t.Run("answers 404 outside the page and assets", func(t *testing.T) {
		for _, p := range []string{"/index.html", "/query", "/graphiql/assets/", "/graphiql/assets/nope.js", "/graphiql/assets/../graphiql.go"} {
			if res := get(t, h, p, nil); res.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s status = %d, want 404", p, res.StatusCode)
			}
		}
	})

	t.Run("answers 405 to POST", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}")))
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("POST / = %d Allow %q, want 405 Allow \"GET, HEAD\"", rec.Code, rec.Header().Get("Allow"))
		}
	})

	t.Run("works under a path prefix", func(t *testing.T) {
		mux := http.NewServeMux()
		mux.Handle("/playground/", http.StripPrefix("/playground", h))
		res := get(t, mux, "/playground/", nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET /playground/ status = %d, want 200", res.StatusCode)
		}
		// A browser resolves the relative asset URLs against /playground/.
		for _, m := range scriptTag.FindAllStringSubmatch(string(readBody(t, res)), -1) {
			target := "/playground/" + html.UnescapeString(m[1])
			if res := get(t, mux, target, nil); res.StatusCode != http.StatusOK {
				t.Errorf("GET %s status = %d, want 200", target, res.StatusCode)
			}
		}
	})
}

func TestAssets(t *testing.T) {
	h := graphiql.AssetsHandler()

	t.Run("serves each pinned file with its content type and SHA-256", func(t *testing.T) {
		for _, p := range pinned {
			res := get(t, h, graphiql.AssetsPath+p.name, nil)
			body := readBody(t, res)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s status = %d", p.name, res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != p.contentType {
				t.Errorf("%s Content-Type = %q, want %q", p.name, got, p.contentType)
			}
			if got := sha256Hex(body); got != p.sha256 {
				t.Errorf("%s SHA-256 = %s, want %s", p.name, got, p.sha256)
			}
			if got, want := res.Header.Get("ETag"), `"`+p.sha256+`"`; got != want {
				t.Errorf("%s ETag = %s, want %s", p.name, got, want)
			}
		}
	})

	t.Run("serves the bootstrap script as JavaScript", func(t *testing.T) {
		res := get(t, h, graphiql.AssetsPath+"careergraph-graphiql.js", nil)
		body := readBody(t, res)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
			t.Errorf("status %d, Content-Type %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !bytes.Contains(body, []byte("ReactDOM.createRoot")) {
			t.Errorf("bootstrap does not create a React root")
		}
	})

	t.Run("is cacheable for a year", func(t *testing.T) {
		res := get(t, h, graphiql.AssetsPath+"graphiql.min.js", nil)
		if got := res.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control = %q", got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("X-Content-Type-Options = %q", got)
		}
	})

	t.Run("answers 304 to a matching If-None-Match", func(t *testing.T) {
		res := get(t, h, graphiql.AssetsPath+"react.production.min.js", map[string]string{
			"If-None-Match": `"4b4969fa4ef3594324da2c6d78ce8766fbbc2fd121fff395aedf997db0a99a06"`,
		})
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("status = %d, want 304", res.StatusCode)
		}
	})

	t.Run("gzips for clients that accept it", func(t *testing.T) {
		res := get(t, h, graphiql.AssetsPath+"graphiql.min.js", map[string]string{"Accept-Encoding": "br, gzip"})
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding = %q, want gzip", res.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("gunzip: %v", err)
		}
		if got := sha256Hex(body); got != pinned[0].sha256 {
			t.Errorf("gunzipped SHA-256 = %s, want %s", got, pinned[0].sha256)
		}
		if res.Header.Get("ETag") != `"`+pinned[0].sha256+`-gzip"` {
			t.Errorf("ETag = %s", res.Header.Get("ETag"))
		}
		plain := get(t, h, graphiql.AssetsPath+"graphiql.min.js", map[string]string{"Accept-Encoding": "gzip;q=0"})
		if plain.Header.Get("Content-Encoding") != "" {
			t.Errorf("gzip;q=0 got Content-Encoding %q", plain.Header.Get("Content-Encoding"))
		}
	})

	t.Run("CSS inlines all 34 fonts and 3 images as data URLs", func(t *testing.T) {
		css := string(readBody(t, get(t, h, graphiql.AssetsPath+"graphiql.min.css", nil)))
		counts := map[string]int{}
		for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
			kind, _, _ := strings.Cut(m[1], ";")
			counts[kind]++
		}
		want := map[string]int{"data:font/woff2": 28, "data:font/woff": 6, "data:image/png": 3}
		if len(counts) != len(want) {
			t.Errorf("CSS url() kinds = %v, want %v", counts, want)
		}
		for k, v := range want {
			if counts[k] != v {
				t.Errorf("CSS has %d url(%s…), want %d", counts[k], k, v)
			}
		}
		if n := strings.Count(css, "@font-face"); n != 34 {
			t.Errorf("CSS has %d @font-face, want 34", n)
		}
		if strings.Contains(css, "@import") {
			t.Errorf("CSS imports another stylesheet")
		}
	})

	t.Run("no bundled file names a CDN", func(t *testing.T) {
		for _, name := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
			body := string(readBody(t, get(t, h, graphiql.AssetsPath+name, nil)))
			for _, cdn := range []string{"cdn.jsdelivr.net", "unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "cdnjs.cloudflare.com", "esm.sh"} {
				if strings.Contains(body, cdn) {
					t.Errorf("%s mentions %s", name, cdn)
				}
			}
		}
	})

	t.Run("keeps React's licence headers", func(t *testing.T) {
		for _, name := range []string{"react.production.min.js", "react-dom.production.min.js"} {
			body := string(readBody(t, get(t, h, graphiql.AssetsPath+name, nil)))
			if !strings.HasPrefix(body, "/**\n * @license React\n * "+name+"\n") {
				t.Errorf("%s lost its licence header: %.80q", name, body)
			}
		}
	})
}

// TestScriptPins checks that scripts/graphiql-assets pins the same hashes as these tests.
func TestScriptPins(t *testing.T) {
	script, err := os.ReadFile("../scripts/graphiql-assets")
	if err != nil {
		t.Fatalf("reading the assets script: %v", err)
	}
	for _, p := range pinned {
		line := regexp.MustCompile(`"` + regexp.QuoteMeta(p.name) + `\|[^|]+\|[^|]+\|([0-9a-f]{64})"`).FindSubmatch(script)
		if line == nil {
			t.Errorf("script pins no hash for %s", p.name)
			continue
		}
		if string(line[1]) != p.sha256 {
			t.Errorf("script pins %s for %s, tests pin %s", line[1], p.name, p.sha256)
		}
	}
}
