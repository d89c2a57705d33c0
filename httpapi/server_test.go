package httpapi

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/seed"
	"github.com/careergraph/careergraph/store/memory"
)

// testOptions serve the seed with the default limits, logging nowhere.
func testOptions(t *testing.T) Options {
	t.Helper()
	d, _, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	admission := graph.DefaultAdmission()
	return Options{
		Store:          memory.New(d),
		Logger:         slog.New(slog.DiscardHandler),
		Limits:         graph.DefaultLimits,
		Admission:      &admission,
		MaxBodyBytes:   1 << 20,
		RequestTimeout: 10 * time.Second,
	}
}

// The server listens where it is told, says which address a browser opens, answers, and closes.
func TestServer(t *testing.T) {
	for _, tc := range []struct {
		name, addr string
		display    func(port int) string
	}{
		{"loopback", "127.0.0.1:0", func(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }},
		{"every interface", ":0", func(port int) string { return fmt.Sprintf("localhost:%d", port) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(testOptions(t))
			if err := s.Open(tc.addr); err != nil {
				t.Fatal(err)
			}
			_, portText, err := net.SplitHostPort(s.Addr())
			if err != nil {
				t.Fatal(err)
			}
			var port int
			fmt.Sscan(portText, &port)
			equal(t, "display address", s.DisplayAddr(), tc.display(port))

			resp, err := http.Get("http://127.0.0.1:" + portText + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			equal(t, "/healthz", []any{resp.StatusCode, string(body)}, []any{http.StatusOK, "ok\n"})

			equal(t, "close", s.Close(), nil)
			equal(t, "served until closed", <-s.Done(), http.ErrServerClosed)
		})
	}
	t.Run("a server never opened closes", func(t *testing.T) {
		equal(t, "close", NewServer(testOptions(t)).Close(), nil)
	})
	t.Run("an address in use is named", func(t *testing.T) {
		first := NewServer(testOptions(t))
		if err := first.Open("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		defer first.Close()
		err := NewServer(testOptions(t)).Open(first.Addr())
		want := "listen on " + first.Addr() + ": listen tcp " + first.Addr() + ": bind: address already in use"
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	})
}
