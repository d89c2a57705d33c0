// Command bytesbaseline is the bare net/http server careergraph's embedded store is measured
// against: it answers every POST /query with the same bytes, read once from a file at start
// (careergraph's answer to the measured query, captured by scripts/measure lean), so that
// what it costs per request is net/http's own work: reading the request, writing the answer.
// It only listens on loopback addresses.
//
//	go run ./cmd/bytesbaseline -addr 127.0.0.1:18082 -body answer.json
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18082", "listen address (loopback only)")
	bodyFile := flag.String("body", "", "the file whose bytes every answer is")
	contentType := flag.String("content-type", "application/json", "the Content-Type of the answers")
	flag.Parse()
	if err := run(*addr, *bodyFile, *contentType); err != nil {
		fmt.Fprintln(os.Stderr, "bytesbaseline:", err)
		os.Exit(1)
	}
}

// run serves the bytes of bodyFile on addr until the process is stopped.
func run(addr, bodyFile, contentType string) error {
	if bodyFile == "" {
		return fmt.Errorf("-body is required: the file whose bytes every answer is")
	}
	body, err := os.ReadFile(bodyFile)
	if err != nil {
		return fmt.Errorf("read the answer: %w", err)
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-addr %q is not a loopback address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Printf("bytesbaseline listening on http://%s/query, answering %d bytes", ln.Addr(), len(body))
	return http.Serve(ln, handler(body, contentType))
}

// handler answers POST /query with body, after reading the request's body as a GraphQL
// server must; anything else is 404.
func handler(body []byte, contentType string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/query" || r.Method != http.MethodPost {
			http.Error(w, "POST /query only", http.StatusNotFound)
			return
		}
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, "the request body could not be read", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", contentType)
		if _, err := w.Write(body); err != nil {
			log.Printf("write answer: %v", err)
		}
	})
}
