// Package staticasset serves the files embedded in the binary for its web pages (GraphiQL, the
// career explorer): each with its content type, a strong ETag (its SHA-256), its Subresource
// Integrity value, gzip when the client accepts it and it pays, and a one-year immutable cache
// lifetime (the pages link them with a content hash in the URL).
package staticasset

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Asset is one embedded file, with everything needed to serve it.
type Asset struct {
	// Name is the file's name in its URL.
	Name string
	// ContentType is its media type, from its extension.
	ContentType string
	// Body is the file's content.
	Body []byte
	// SHA256Hex is the SHA-256 of Body, in hex: its ETag and the version in its URL.
	SHA256Hex string
	// Integrity is the Subresource Integrity value, "sha256-<base64>".
	Integrity string

	gzipOnce sync.Once
	gzipped  []byte // nil when gzip does not make the file smaller
}

// New returns the asset of an embedded file.
func New(name string, body []byte) *Asset {
	sum := sha256.Sum256(body)
	return &Asset{
		Name:        name,
		ContentType: contentTypeOf(name),
		Body:        body,
		SHA256Hex:   hex.EncodeToString(sum[:]),
		Integrity:   "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
	}
}

// Version is the short content hash a page puts in the asset's URL ("?v="), so that the long
// cache lifetime never serves a stale file.
func (a *Asset) Version() string { return a.SHA256Hex[:16] }

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

// gzipBody compresses the asset once, on first use; nil when compression does not pay.
func (a *Asset) gzipBody() []byte {
	a.gzipOnce.Do(func() {
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return
		}
		if _, err := zw.Write(a.Body); err != nil {
			return
		}
		if err := zw.Close(); err != nil {
			return
		}
		if buf.Len() < len(a.Body) {
			a.gzipped = buf.Bytes()
		}
	})
	return a.gzipped
}

// ServeHTTP answers a GET or HEAD of the asset (the caller checks the method and the path):
// its headers, gzip when the client accepts it, and, through http.ServeContent, HEAD,
// If-None-Match (304) and Range requests.
func (a *Asset) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Accept-Encoding")
	body, etag := a.Body, `"`+a.SHA256Hex+`"`
	if AcceptsGzip(r) {
		if gz := a.gzipBody(); gz != nil {
			body, etag = gz, `"`+a.SHA256Hex+`-gzip"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", NoModTime, bytes.NewReader(body))
}

// AcceptsGzip reports whether the request's Accept-Encoding lists gzip with a non-zero quality.
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

// NoModTime makes http.ServeContent send no Last-Modified header: the ETag identifies the
// content.
var NoModTime time.Time
