package graphiql

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// AssetsPath is the URL path under which Handler and AssetsHandler serve the embedded files.
const AssetsPath = "/graphiql/assets/"

// The UMD builds of graphiql@4.1.2, react@18.2.0 and react-dom@18.2.0 with their licences, copied
// byte for byte by scripts/graphiql-assets, and this package's own start-up script.
//
//go:embed assets/*.js assets/*.css assets/*.LICENSE.txt
var assetFiles embed.FS

//go:embed bootstrap.js
var bootstrapJS []byte

// bootstrapName is the asset name of the script that starts GraphiQL on the page.
const bootstrapName = "careergraph-graphiql.js"

// asset is one embedded file, with everything needed to serve it.
type asset struct {
	name        string
	contentType string
	body        []byte
	sha256Hex   string
	// integrity is the Subresource Integrity value, "sha256-<base64>".
	integrity string

	gzipOnce sync.Once
	gzipped  []byte // nil when gzip does not make the file smaller
}

// assets holds every servable file by name (the part of the URL after AssetsPath).
var assets = loadAssets()

func loadAssets() map[string]*asset {
	entries, err := assetFiles.ReadDir("assets")
	if err != nil {
		panic(fmt.Sprintf("graphiql: reading embedded assets: %v", err))
	}
	m := make(map[string]*asset, len(entries)+1)
	for _, e := range entries {
		body, err := assetFiles.ReadFile("assets/" + e.Name())
		if err != nil {
			panic(fmt.Sprintf("graphiql: reading embedded asset %s: %v", e.Name(), err))
		}
		m[e.Name()] = newAsset(e.Name(), body)
	}
	m[bootstrapName] = newAsset(bootstrapName, bootstrapJS)
	return m
}

func newAsset(name string, body []byte) *asset {
	sum := sha256.Sum256(body)
	return &asset{
		name:        name,
		contentType: contentTypeOf(name),
		body:        body,
		sha256Hex:   hex.EncodeToString(sum[:]),
		integrity:   "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
	}
}

// contentTypeOf maps the few extensions the assets use to their media types.
func contentTypeOf(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	default:
		return "text/plain; charset=utf-8"
	}
}

// url is the page-relative URL of the asset. The content hash in the query string changes
// whenever the file does, so the long cache lifetime never serves a stale file.
func (a *asset) url() string {
	return strings.TrimPrefix(AssetsPath, "/") + a.name + "?v=" + a.sha256Hex[:16]
}

// gzipBody compresses the asset once, on first use; nil when compression does not pay.
func (a *asset) gzipBody() []byte {
	a.gzipOnce.Do(func() {
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return
		}
		if _, err := zw.Write(a.body); err != nil {
			return
		}
		if err := zw.Close(); err != nil {
			return
		}
		if buf.Len() < len(a.body) {
			a.gzipped = buf.Bytes()
		}
	})
	return a.gzipped
}

// AssetsHandler serves the embedded GraphiQL, React and ReactDOM files and their licences under
// AssetsPath, with their content types, a strong ETag (the SHA-256 of the file), gzip when the
// client accepts it, and a one-year immutable cache lifetime. Other paths get 404, methods other
// than GET and HEAD get 405. Mount it at AssetsPath, or use Handler, which includes it.
func AssetsHandler() http.Handler {
	return http.HandlerFunc(serveAsset)
}

func serveAsset(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, AssetsPath)
	a := assets[name]
	if !ok || a == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Accept-Encoding")
	body, etag := a.body, `"`+a.sha256Hex+`"`
	if AcceptsGzip(r) {
		if gz := a.gzipBody(); gz != nil {
			body, etag = gz, `"`+a.sha256Hex+`-gzip"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	// ServeContent answers HEAD, If-None-Match (304) and Range requests.
	http.ServeContent(w, r, "", noModTime, bytes.NewReader(body))
}

// AcceptsGzip reports whether the request's Accept-Encoding lists gzip with a non-zero quality.
// Package explorer serves its files the same way.
func AcceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		if qs, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			q, err := strconv.ParseFloat(strings.TrimSpace(qs), 64)
			return err == nil && q > 0
		}
		return true
	}
	return false
}

// noModTime makes ServeContent send no Last-Modified header: the ETag identifies the content.
var noModTime time.Time
