package graphiql

import (
	"embed"
	"fmt"
	"net/http"
	"strings"

	"github.com/careergraph/careergraph/internal/staticasset"
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

// assets holds every servable file by name (the part of the URL after AssetsPath).
var assets = loadAssets()

func loadAssets() map[string]*staticasset.Asset {
	entries, err := assetFiles.ReadDir("assets")
	if err != nil {
		panic(fmt.Sprintf("graphiql: reading embedded assets: %v", err))
	}
	m := make(map[string]*staticasset.Asset, len(entries)+1)
	for _, e := range entries {
		body, err := assetFiles.ReadFile("assets/" + e.Name())
		if err != nil {
			panic(fmt.Sprintf("graphiql: reading embedded asset %s: %v", e.Name(), err))
		}
		m[e.Name()] = staticasset.New(e.Name(), body)
	}
	m[bootstrapName] = staticasset.New(bootstrapName, bootstrapJS)
	return m
}

// assetURL is the page-relative URL of an asset. The content hash in the query string changes
// whenever the file does, so the long cache lifetime never serves a stale file.
func assetURL(a *staticasset.Asset) string {
	return strings.TrimPrefix(AssetsPath, "/") + a.Name + "?v=" + a.Version()
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
	a.ServeHTTP(w, r)
}
