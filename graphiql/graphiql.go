// Package graphiql serves the GraphiQL playground entirely from files embedded in the binary:
// graphiql@4.1.2, react@18.2.0 and react-dom@18.2.0 (UMD builds, fonts inlined in the CSS), so the
// page works with no internet access and no request ever leaves for a CDN.
//
// gqlgen's playground.Handler accepts local asset URLs (WithGraphiqlVersion,
// WithGraphiqlReactVersion), but it cannot open the page with example tabs; this package renders
// its own small page instead, keeping Subresource Integrity on every script and stylesheet and a
// Content-Security-Policy that only allows same-origin scripts and connections.
//
// scripts/graphiql-assets reproduces the files in assets/ from the npm registry and checks their
// pinned SHA-256.
package graphiql

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/careergraph/careergraph/internal/staticasset"
)

// Example is a query the playground opens in its own tab. GraphiQL titles the tab with the
// query's operation name, so give each example a named operation.
type Example struct {
	// Query is the GraphQL document shown in the tab's editor.
	Query string
	// Variables is the JSON text shown in the tab's variables editor; empty for none.
	Variables string
}

// pageTemplate is the playground page. The configuration is a JSON data block (not executed, so
// the Content-Security-Policy needs no inline-script exception) read by the bootstrap script.
var pageTemplate = template.Must(template.New("graphiql").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{.CSS.URL}}" integrity="{{.CSS.Integrity}}" crossorigin="anonymous">
<style>
body { margin: 0; }
#graphiql { height: 100vh; }
#graphiql > .loading { height: 100%; display: flex; align-items: center; justify-content: center; font-size: 2rem; }
</style>
</head>
<body>
<div id="graphiql"><div class="loading">Loading…</div></div>
<script type="application/json" id="graphiql-config">{{.Config}}</script>
{{- range .Scripts}}
<script src="{{.URL}}" integrity="{{.Integrity}}" crossorigin="anonymous"></script>
{{- end}}
</body>
</html>
`))

// pageAsset is a script or stylesheet reference on the page.
type pageAsset struct {
	URL       string
	Integrity string
}

// pageData fills pageTemplate.
type pageData struct {
	Title   string
	CSS     pageAsset
	Scripts []pageAsset
	// Config is JSON whose <, > and & are escaped as \u003c, \u003e and \u0026, so it cannot
	// close the data block.
	Config template.JS
}

// pageConfig is what bootstrap.js reads from the page.
type pageConfig struct {
	Endpoint string    `json:"endpoint"`
	Tabs     []pageTab `json:"tabs"`
}

// pageTab is one of GraphiQL's defaultTabs entries.
type pageTab struct {
	Query     string `json:"query"`
	Variables string `json:"variables,omitempty"`
}

// page is a rendered playground page with the headers it is served with.
type page struct {
	body []byte
	etag string
	csp  string
}

// Handler returns the playground: the GraphiQL page at "/" (GET and HEAD), talking to the GraphQL
// endpoint given (a path such as "/query", or an absolute http(s) URL), opened with one tab per
// example in the order given; and the embedded assets under AssetsPath, as AssetsHandler serves
// them. Other paths get 404. The page refers to its assets with relative URLs, so the handler can
// also be mounted under a prefix with http.StripPrefix. The title and examples are escaped: they
// never become markup or script.
func Handler(title, endpoint string, examples []Example) http.Handler {
	p, err := renderPage(title, endpoint, examples)
	if err != nil {
		// Only a JSON or template failure on plain strings gets here: a programming error.
		panic(fmt.Sprintf("graphiql: %v", err))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, AssetsPath):
			serveAsset(w, r)
		case r.URL.Path == "/":
			p.serve(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

func renderPage(title, endpoint string, examples []Example) (*page, error) {
	cfg := pageConfig{Endpoint: endpoint, Tabs: make([]pageTab, 0, len(examples))}
	for _, e := range examples {
		cfg.Tabs = append(cfg.Tabs, pageTab{Query: e.Query, Variables: e.Variables})
	}
	// json.Marshal escapes <, >, &, U+2028 and U+2029, which keeps "</script>" out of the block.
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("encoding page config: %w", err)
	}
	ref := func(name string) pageAsset {
		a := assets[name]
		return pageAsset{URL: assetURL(a), Integrity: a.Integrity}
	}
	data := pageData{
		Title: title,
		CSS:   ref("graphiql.min.css"),
		Scripts: []pageAsset{
			ref("react.production.min.js"),
			ref("react-dom.production.min.js"),
			ref("graphiql.min.js"),
			ref(bootstrapName),
		},
		Config: template.JS(cfgJSON),
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering page: %w", err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return &page{
		body: buf.Bytes(),
		etag: `"` + hex.EncodeToString(sum[:16]) + `"`,
		csp:  contentSecurityPolicy(endpoint),
	}, nil
}

// contentSecurityPolicy allows same-origin scripts, styles (GraphiQL also sets inline styles),
// data: fonts and images (the CSS inlines its fonts), and connections to this origin and to the
// endpoint's origin when the endpoint is an absolute URL. Nothing else may load.
func contentSecurityPolicy(endpoint string) string {
	connect := "'self'"
	if u, err := url.Parse(endpoint); err == nil && (u.Scheme == "http" || u.Scheme == "https") &&
		u.Host != "" && !strings.ContainsAny(u.Host, " ;,'\"") {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self' 'unsafe-inline'",
		"font-src 'self' data:",
		"img-src 'self' data:",
		"connect-src " + connect,
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'self'",
	}, "; ")
}

func (p *page) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", p.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("ETag", p.etag)
	http.ServeContent(w, r, "", staticasset.NoModTime, bytes.NewReader(p.body))
}
