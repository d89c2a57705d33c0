// Package explorer serves the career explorer, a web page at /explore where a person searches
// professions, reads their card, sees the careers they lead to as a graph, finds career paths
// with the skill gap of each step, and matches their own skills or interests to professions,
// with no GraphQL to write.
//
// Everything the page needs is embedded in the binary: its own script and stylesheet, and
// cytoscape.js (the npm package cytoscape@3.35.0, copied byte for byte by scripts/explorer-assets,
// which checks its pinned SHA-256). The page talks only to the service's GraphQL endpoint, with
// persisted queries over GET so that its answers are cacheable. It is served with a strict
// Content-Security-Policy: same-origin scripts, styles and connections only, no inline script.
package explorer

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/careergraph/careergraph/internal/staticasset"
)

// Path is the URL path of the page; its files are served under AssetsPath.
const Path = "/explore"

// AssetsPath is the URL path under which Handler serves the page's embedded files.
const AssetsPath = Path + "/assets/"

// The pinned cytoscape.js build with its licence (scripts/explorer-assets), and the page's own
// script and stylesheet.
//
//go:embed assets/*.js assets/*.LICENSE.txt explorer.js explorer.css page.html
var files embed.FS

// newAsset returns the asset of an embedded file, served as name.
func newAsset(name, file string) *staticasset.Asset {
	body, err := files.ReadFile(file)
	if err != nil {
		panic(fmt.Sprintf("explorer: reading embedded %s: %v", file, err))
	}
	return staticasset.New(name, body)
}

// assetURL is the absolute URL path of an asset. The content hash in the query string changes
// whenever the file does, so the long cache lifetime never serves a stale file.
func assetURL(a *staticasset.Asset) string {
	return AssetsPath + a.Name + "?v=" + a.Version()
}

// The names under AssetsPath of the files the page loads.
const (
	cytoscapeName = "cytoscape.min.js"
	scriptName    = "explorer.js"
	styleName     = "explorer.css"
)

// assets holds every servable file by name (the part of the URL after AssetsPath).
var assets = map[string]*staticasset.Asset{
	cytoscapeName:           newAsset(cytoscapeName, "assets/cytoscape.min.js"),
	"cytoscape.LICENSE.txt": newAsset("cytoscape.LICENSE.txt", "assets/cytoscape.LICENSE.txt"),
	scriptName:              newAsset(scriptName, "explorer.js"),
	styleName:               newAsset(styleName, "explorer.css"),
}

// pageAsset is a script or stylesheet reference on the page.
type pageAsset struct {
	URL       string
	Integrity string
}

// pageData fills page.html.
type pageData struct {
	CSS       pageAsset
	Cytoscape pageAsset
	Script    pageAsset
	// Config is JSON whose <, > and & are escaped, so it cannot close its data block.
	Config template.JS
}

// pageConfig is what explorer.js reads from the page's data block.
type pageConfig struct {
	Endpoint string `json:"endpoint"`
}

// page is the rendered page with the headers it is served with.
type page struct {
	body []byte
	etag string
}

func renderPage(endpoint string) (*page, error) {
	tmpl, err := template.ParseFS(files, "page.html")
	if err != nil {
		return nil, fmt.Errorf("parsing page.html: %w", err)
	}
	cfg, err := json.Marshal(pageConfig{Endpoint: endpoint})
	if err != nil {
		return nil, fmt.Errorf("encoding page config: %w", err)
	}
	ref := func(name string) pageAsset {
		a := assets[name]
		return pageAsset{URL: assetURL(a), Integrity: a.Integrity}
	}
	data := pageData{
		CSS:       ref(styleName),
		Cytoscape: ref(cytoscapeName),
		Script:    ref(scriptName),
		Config:    template.JS(cfg),
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering page.html: %w", err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return &page{body: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:16]) + `"`}, nil
}

// ContentSecurityPolicy is the policy the page is served with: scripts, styles, images and
// connections from this origin only (cytoscape.js draws on a canvas and sets element styles
// from script, which a policy does not restrict), nothing inline, no frames, no forms.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

// Handler serves the explorer: the page at Path (GET and HEAD), talking to the GraphQL endpoint
// given (a path on this origin, such as "/query"), and its files under AssetsPath with their
// content types, a strong ETag, gzip when the client accepts it and a one-year immutable cache
// lifetime. Other paths get 404, other methods 405. Mount it at Path and AssetsPath.
func Handler(endpoint string) http.Handler {
	p, err := renderPage(endpoint)
	if err != nil {
		// Only a template or JSON failure on embedded files gets here: a programming error.
		panic(fmt.Sprintf("explorer: %v", err))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
			return
		}
		if r.URL.Path == Path {
			p.serve(w, r)
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, AssetsPath)
		if a := assets[name]; ok && a != nil {
			a.ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	})
}

func (p *page) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("ETag", p.etag)
	http.ServeContent(w, r, "", staticasset.NoModTime, bytes.NewReader(p.body))
}
