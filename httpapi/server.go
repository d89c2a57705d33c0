package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/careergraph/careergraph/telemetry"
)

// The HTTP server's own limits. A response may take the request's time limit and writeSlack
// more, so that a timed-out request still gets its TIMEOUT answer.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeSlack        = 5 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
	// shutdownTimeout bounds the graceful shutdown: requests under way may finish within it.
	shutdownTimeout = 15 * time.Second
)

// Server serves NewHandler's routes on one address, with the server's timeouts, and the metrics
// on a listener of their own when Options.MetricsAddr names one.
type Server struct {
	srv  *http.Server
	ln   net.Listener
	done chan error
	// metrics serves /metrics alone on metricsAddr; nil when the metrics are not on a listener
	// of their own.
	metrics     *http.Server
	metricsAddr string
	metricsLn   net.Listener
}

// NewServer returns a server of NewHandler(o), not yet listening: Open starts it.
func NewServer(o Options) *Server {
	return &Server{
		srv: &http.Server{
			Handler:           NewHandler(o),
			ReadHeaderTimeout: readHeaderTimeout,
			ReadTimeout:       readTimeout,
			WriteTimeout:      o.RequestTimeout + writeSlack,
			IdleTimeout:       idleTimeout,
			MaxHeaderBytes:    maxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(o.Logger.Handler(), slog.LevelWarn),
		},
		done:        make(chan error, 2), // the main listener and the metrics one
		metrics:     metricsServer(o),
		metricsAddr: o.MetricsAddr,
	}
}

// metricsServer is the server of the metrics' own listener, or nil when they have none.
func metricsServer(o Options) *http.Server {
	if o.MetricsAddr == "" || o.MetricsAddr == telemetry.MetricsOff || o.Telemetry == nil || o.Telemetry.Metrics == nil {
		return nil
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+metricsPath, metricsHandler(o.Telemetry.Metrics, o.MetricsToken))
	return &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(o.Logger.Handler(), slog.LevelWarn),
	}
}

// Open listens on addr (host:port; port 0 picks a free one) and serves in the background until
// Close.
func (s *Server) Open(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	if s.metrics != nil {
		mln, err := net.Listen("tcp", s.metricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on %s for the metrics: %w", s.metricsAddr, err)
		}
		s.metricsLn = mln
		go func() {
			if err := s.metrics.Serve(mln); !errors.Is(err, http.ErrServerClosed) {
				s.done <- fmt.Errorf("metrics listener: %w", err)
			}
		}()
	}
	s.ln = ln
	go func() { s.done <- s.srv.Serve(ln) }()
	return nil
}

// MetricsAddr is the address of the metrics' own listener, "" when they have none.
func (s *Server) MetricsAddr() string {
	if s.metricsLn == nil {
		return ""
	}
	return s.metricsLn.Addr().String()
}

// Addr is the address the server listens on, e.g. "127.0.0.1:8080" or "[::]:8080".
func (s *Server) Addr() string { return s.ln.Addr().String() }

// DisplayAddr is the address a browser can open: localhost:PORT when the server listens on
// every interface.
func (s *Server) DisplayAddr() string {
	tcp, ok := s.ln.Addr().(*net.TCPAddr)
	if ok && tcp.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", tcp.Port)
	}
	return s.Addr()
}

// Done receives the error that stopped the server before Close was called.
func (s *Server) Done() <-chan error { return s.done }

// Close shuts the server down gracefully: it stops listening and waits up to shutdownTimeout
// for the requests under way. Closing a server that was never opened does nothing.
func (s *Server) Close() error {
	if s.ln == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if s.metricsLn != nil {
		s.metrics.Close() // nothing to finish: a scrape can be made again
	}
	if err := s.srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
