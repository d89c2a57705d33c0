package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/careergraph/careergraph/career"
)

// HTTP caching of GET answers by data version.
//
// The data only changes when a dataset is loaded, so a GET answer is the same for as long as
// the store's data version (DataVersioner), the server's build and schema, its limits and the
// request are: its ETag is a digest of all of them. A GET whose If-None-Match lists that ETag
// is answered 304 Not Modified without running anything. POST answers carry no caching
// headers: HTTP caches and CDNs do not store them (RFC 9111 lets a cache reuse a POST answer
// only for a GET of another URL), their cache key would have to include the body, and an
// If-None-Match on a POST is a precondition on a change, not a revalidation.
const (
	// DefaultCacheMaxAge is how long, by default, caches may serve a GET answer without asking
	// the server again (Cache-Control max-age).
	DefaultCacheMaxAge = time.Minute
	// MaxCacheMaxAge is the longest max-age: one year, the longest RFC 9111 advises.
	MaxCacheMaxAge = 365 * 24 * time.Hour
)

// CheckCacheMaxAge says what is wrong with a max-age: it must be whole seconds from 0 to
// MaxCacheMaxAge.
func CheckCacheMaxAge(d time.Duration) error {
	if d < 0 || d > MaxCacheMaxAge || d%time.Second != 0 {
		return fmt.Errorf("must be whole seconds from 0s to %s (one year), got %s", MaxCacheMaxAge, d)
	}
	return nil
}

// DataVersioner is a store that tells the version of the data it holds (career.DataVersion),
// cheaply enough to be asked on every GET request. Both stores are; a store that is not gets
// no caching headers.
type DataVersioner interface {
	DataVersion(ctx context.Context) (string, error)
}

// credentialHeaders are the request headers that carry a client's credentials: a GET that has
// one of them is answered Cache-Control private (only the client's own cache may keep it),
// every other GET public (shared caches and CDNs may). The answers do not depend on them.
var credentialHeaders = []string{"Authorization", "Cookie", "X-API-Key"}

// volatileCodes are the error codes of answers that another try may change: they are not about
// the data or the request but about the moment (the database, the time limit, the load, the
// client, a persisted query not yet sent), or an internal error. An answer with one of them is
// Cache-Control no-store, as is any GET answer whose status is not 200.
var volatileCodes = []string{career.EINTERNAL, career.EUNAVAILABLE, career.ETIMEOUT, career.ECANCELLED,
	career.EOVERLOADED, CodePersistedQueryNotFound}

// varyHeader lists what varies a GET answer beside its URL: its media type (responseType).
const varyHeader = "Accept"

// httpCache is the HTTP caching of GET answers described above DefaultCacheMaxAge: ETag,
// Cache-Control and Vary on cacheable answers, 304 on a matching If-None-Match.
type httpCache struct {
	versions DataVersioner
	// cacheControl are the Cache-Control values of a public and a private answer.
	public, private string
	// fingerprint is the digest of what the answers depend on beside the data and the request.
	fingerprint string
	next        http.Handler
}

// withHTTPCache returns next behind HTTP caching of GET answers for maxAge (no-cache when 0),
// or next itself when the store does not tell its data version.
func withHTTPCache(store career.Store, maxAge time.Duration, limits Limits, next http.Handler) http.Handler {
	versions, ok := store.(DataVersioner)
	if !ok {
		return next
	}
	freshness := "no-cache"
	if maxAge > 0 {
		freshness = "max-age=" + strconv.FormatInt(int64(maxAge/time.Second), 10)
	}
	return &httpCache{
		versions: versions,
		public:   "public, " + freshness,
		private:  "private, " + freshness,
		fingerprint: career.Digest(map[string]string{
			"build": buildRevision(), "schema": schemaDigest(), "limits": fmt.Sprintf("%+v", limits),
		}),
		next: next,
	}
}

// ServeHTTP implements http.Handler. A GET is answered 304 when its If-None-Match lists the
// answer's ETag; else it runs, and its answer gets the caching headers when it is cacheable
// (status 200, no volatile code), Cache-Control no-store when not. Other methods pass through.
func (c *httpCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		c.next.ServeHTTP(w, r)
		return
	}
	etag := c.etag(r)
	if etag == "" { // the data version is unknown (the database does not answer) or the URL is not a request
		w.Header().Set("Cache-Control", "no-store")
		c.next.ServeHTTP(w, r)
		return
	}
	cacheControl := c.public
	if slices.ContainsFunc(credentialHeaders, func(h string) bool { return r.Header.Get(h) != "" }) {
		cacheControl = c.private
	}
	if etagListed(r.Header.Values("If-None-Match"), etag) {
		setCacheHeaders(w.Header(), etag, cacheControl)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	o := outcomeOf(r.Context())
	if o == nil {
		var ctx context.Context
		ctx, o = WithOutcome(r.Context())
		r = r.WithContext(ctx)
	}
	buf := &bufferedWriter{ResponseWriter: w}
	c.next.ServeHTTP(buf, r)
	status := buf.status
	if status == 0 {
		status = http.StatusOK
	}
	if status == http.StatusOK && answered(buf.body.Bytes()) &&
		!slices.ContainsFunc(o.Codes(), func(code string) bool { return slices.Contains(volatileCodes, code) }) {
		setCacheHeaders(w.Header(), etag, cacheControl)
	} else {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.body.Bytes())
}

// setCacheHeaders sets the headers of a cacheable answer and of its 304.
func setCacheHeaders(h http.Header, etag, cacheControl string) {
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	h.Add("Vary", varyHeader) // added: CORS has set Vary: Origin
}

// etag is the ETag of a GET's answer: a weak entity tag (the errors of one answer may come in
// any order, so two answers are equal in meaning, not always byte for byte) of the digest of
// the server's fingerprint, the data version, the answer's media type and the request's
// parameters (query, operationName, and variables and extensions re-encoded as JSON, which
// sorts their keys). "" when the data version cannot be read or the URL is not a GraphQL
// request (the transport refuses it).
func (c *httpCache) etag(r *http.Request) string {
	version, err := c.versions.DataVersion(r.Context())
	if err != nil || version == "" {
		return ""
	}
	p, rerr := getParams(r)
	if rerr != nil {
		return ""
	}
	variables, err1 := json.Marshal(p.Variables)
	extensions, err2 := json.Marshal(p.Extensions)
	if err1 != nil || err2 != nil {
		return ""
	}
	mediaType, _ := responseType(r) // an unacceptable Accept gets 406, which is not cached
	return `W/"` + career.Digest(map[string]string{
		"server": c.fingerprint, "data": version, "type": mediaType,
		"query": p.Query, "operationName": p.OperationName, "variables": string(variables), "extensions": string(extensions),
	}) + `"`
}

// answered reports whether a response body is the answer of an operation that ran: it has a
// "data" entry. A request error (a document that does not parse or validate, bad variables, a
// limit), answered 200 under application/json, has none (see writeRequestErrors) and is not
// cached: it says nothing about the data, and a client should not keep it. In JSON the bytes
// "data": can only be a key: inside a string the quotes would be escaped.
func answered(body []byte) bool { return bytes.Contains(body, []byte(`"data":`)) }

// etagListed reports whether If-None-Match header values list etag, compared weakly (W/
// ignored), as RFC 9110 compares them for If-None-Match. "*" does not match: a GET that may
// fail would be answered 304.
func etagListed(values []string, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, v := range values {
		for tag := range strings.SplitSeq(v, ",") {
			if strings.TrimPrefix(strings.TrimSpace(tag), "W/") == want {
				return true
			}
		}
	}
	return false
}

// bufferedWriter holds a GET's answer until the handler has returned, when every error code of
// the answer is known and its caching headers can be chosen. It has no Unwrap: flushing would
// send the headers before they are chosen.
type bufferedWriter struct {
	http.ResponseWriter
	status int // 0 until WriteHeader
	body   bytes.Buffer
}

// WriteHeader implements http.ResponseWriter: it keeps the first status.
func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// Write implements http.ResponseWriter: it keeps the bytes.
func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// schemaDigest is the digest of the schema the handler serves, as SDL.
var schemaDigest = sync.OnceValue(func() string {
	var sdl strings.Builder
	formatter.NewFormatter(&sdl).FormatSchema(apiSchema)
	return career.Digest(map[string]string{"sdl": sdl.String()})
})

// buildRevision is what identifies the server's build: its module version and the revision
// of the sources it was built from (with "modified" when they had changes), as the Go
// toolchain stamps them; empty parts when it did not (go test, go run outside a checkout).
func buildRevision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	parts := []string{info.Main.Version}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			parts = append(parts, s.Key+"="+s.Value)
		}
	}
	return strings.Join(parts, " ")
}
