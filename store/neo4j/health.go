package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

// Login and connectivity problems.
//
// Every failure to reach Neo4j or to log in is diagnosed, in diagnose, into a problem: a kind
// and a sentence for the operator that names the cause and what to check. API clients only
// ever see career.Unavailable's message ("the database is unavailable; try again later"); the
// sentence goes to the log once each time the problem changes (Config.Logger), and into the
// error chain for the request logs. It never holds the password.
//
// Neo4j counts failed logins per user: after dbms.security.auth_max_failed_attempts (3 by
// default) in a row, each further failure locks the user for dbms.security.auth_lock_time (5 s
// by default), for every client — an import with the right password included — and only a
// successful login resets the count. So once Neo4j has refused the store's credentials, the
// store stops sending them: every query answers UNAVAILABLE at once, and one background login
// tries again after LoginRetry, then after twice as long each time Neo4j refuses, up to
// maxLoginRetryFactor × LoginRetry. The pauses are longer than the lock, so that the store
// causes at most one lock per pause and a client with the right password finds the user
// unlocked most of the time (and Connect waits out a lock). When the login succeeds again
// (the password was fixed in Neo4j), queries go through again: no restart needed.

// Defaults of the login retries.
const (
	// DefaultLoginRetry is the pause before the first new login after Neo4j refused the
	// store's credentials.
	DefaultLoginRetry = 15 * time.Second
	// maxLoginRetryFactor bounds the growth of the pause between logins: at most 4 ×
	// LoginRetry (1 min by default).
	maxLoginRetryFactor = 4
	// lockRetry is the pause before trying again when Neo4j has locked the user: longer than
	// Neo4j's default dbms.security.auth_lock_time (5 s). A login Neo4j refuses because the
	// user is locked does not count as a failed login, so trying again costs nothing.
	lockRetry = 6 * time.Second
	// MaxLockWait bounds how long Connect waits for Neo4j to unlock the user.
	MaxLockWait = 30 * time.Second
	// probeTimeout bounds one background login.
	probeTimeout = 10 * time.Second
)

// Neo4j's status codes the store tells apart.
const (
	codeUnauthorized        = "Neo.ClientError.Security.Unauthorized"
	codeCredentialsExpired  = "Neo.ClientError.Security.CredentialsExpired"
	codeRateLimit           = "Neo.ClientError.Security.AuthenticationRateLimit"
	codeDatabaseNotFound    = "Neo.ClientError.Database.DatabaseNotFound"
	codeDatabaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable"
)

// problemKind says what kept the store from Neo4j.
type problemKind string

// The kinds of problems.
const (
	problemCredentials  problemKind = "credentials"          // Neo4j refused the user or password
	problemPassword     problemKind = "password expired"     // the password must be changed first
	problemLocked       problemKind = "user locked"          // too many failed logins, for a while
	problemNoDatabase   problemKind = "no such database"     // Config.Database does not exist
	problemTLS          problemKind = "TLS"                  // the URI's TLS setting does not fit the server
	problemRouting      problemKind = "routing"              // neo4j:// got no usable routing table
	problemBusy         problemKind = "no free connection"   // the pool is exhausted
	problemClosed       problemKind = "store closed"         // Close was called: the server is stopping
	problemDatabaseDown problemKind = "database unavailable" // the database is starting or stopping
	problemUnreachable  problemKind = "unreachable"          // no answer at the URI
)

// problem is a diagnosed failure to reach Neo4j.
type problem struct {
	kind problemKind
	msg  string // for the operator: the cause and what to check; never the password
}

// refusesLogin reports whether Neo4j refused the credentials themselves: sending them again
// would only count as another failed login.
func (p *problem) refusesLogin() bool {
	return p.kind == problemCredentials || p.kind == problemPassword
}

// permanent reports whether retrying the query at once cannot help: the configuration or
// the credentials are wrong.
func (p *problem) permanent() bool {
	switch p.kind {
	case problemCredentials, problemPassword, problemNoDatabase, problemTLS:
		return true
	}
	return false
}

// logLevel is how loudly the problem is logged: an error when the configuration must change,
// a warning when it may pass on its own.
func (p *problem) logLevel() slog.Level {
	switch p.kind {
	case problemCredentials, problemPassword, problemNoDatabase, problemTLS, problemRouting:
		return slog.LevelError
	}
	return slog.LevelWarn
}

// diagnose says which problem err is, or nil when it is not about reaching Neo4j (a Cypher
// error, a constraint violation).
func (s *Store) diagnose(err error) *problem {
	uri, user, db := s.cfg.URI, s.cfg.User, s.cfg.Database
	var (
		dbErr *neo4j.Neo4jError
		limit *neo4j.TransactionExecutionLimit
		conn  *neo4j.ConnectivityError
		nerr  net.Error
	)
	switch {
	case errors.As(err, &dbErr):
		switch dbErr.Code {
		case codeUnauthorized:
			return &problem{problemCredentials, fmt.Sprintf("neo4j rejected the credentials of user %s: check NEO4J_USER / NEO4J_PASSWORD", user)}
		case codeCredentialsExpired:
			return &problem{problemPassword, fmt.Sprintf("neo4j requires a new password for user %s before any query: "+
				"change it (ALTER CURRENT USER SET PASSWORD FROM … TO … on the system database) and set NEO4J_PASSWORD", user)}
		case codeRateLimit:
			return &problem{problemLocked, fmt.Sprintf("neo4j locked user %s for a while after too many failed logins (from this or another client): "+
				"retrying; if it lasts, check NEO4J_PASSWORD here and in the other clients of user %s", user, user)}
		case codeDatabaseNotFound:
			return &problem{problemNoDatabase, fmt.Sprintf("neo4j at %s has no database %s: check NEO4J_DATABASE (Neo4j Community has one user database, neo4j)", uri, db)}
		case codeDatabaseUnavailable:
			return &problem{problemDatabaseDown, fmt.Sprintf("neo4j database %q is unavailable (starting, stopping or failed): retrying", db)}
		}
		return nil
	case errors.As(err, &limit):
		// The driver gave up retrying: the last attempt's error says why.
		for i := len(limit.Errors) - 1; i >= 0; i-- {
			if p := s.diagnose(limit.Errors[i]); p != nil {
				return p
			}
		}
		return nil
	case errors.As(err, &conn):
		return s.diagnoseConnection(conn.Inner)
	case errors.As(err, &nerr):
		return s.diagnoseConnection(err)
	}
	// Pool errors (timeouts, closed pool) are not exported by the driver.
	msg := err.Error()
	for _, s := range []string{"PoolTimeout", "Timeout while waiting for connection"} {
		if strings.Contains(msg, s) {
			return &problem{problemBusy, "no connection to neo4j became free in time: every pooled connection is busy"}
		}
	}
	if strings.Contains(msg, "Pool closed") || strings.Contains(msg, "closed driver") {
		return &problem{problemClosed, "the neo4j store is closed: the server is stopping"}
	}
	if strings.Contains(msg, "connection refused") || strings.Contains(msg, "no route to host") {
		return s.diagnoseConnection(err)
	}
	return nil
}

// diagnoseConnection tells a TLS mismatch and a missing routing table from a server that
// does not answer, from the driver's connectivity error (whose types are internal).
func (s *Store) diagnoseConnection(inner error) *problem {
	uri := s.cfg.URI
	detail := "<nil>"
	if inner != nil {
		detail = inner.Error()
	}
	low := strings.ToLower(detail)
	switch {
	case strings.Contains(low, "tls") || strings.Contains(low, "x509") || strings.Contains(low, "certificate"):
		return &problem{problemTLS, fmt.Sprintf("the TLS connection to neo4j at %s failed: use bolt:// for a server without TLS, "+
			"bolt+s:// for one with a trusted certificate, bolt+ssc:// for a self-signed one (%s)", uri, detail)}
	case strings.Contains(low, "connection refused") || strings.Contains(low, "no route to host") ||
		strings.Contains(low, "no such host") || strings.Contains(low, "i/o timeout"):
		return &problem{problemUnreachable, fmt.Sprintf("neo4j does not answer at %s: is it running, and is NEO4J_URI right? (%s)", uri, detail)}
	case strings.Contains(low, "routing table"):
		return &problem{problemRouting, fmt.Sprintf("neo4j at %s gave no usable routing table: neo4j:// needs the addresses Neo4j "+
			"advertises (server.bolt.advertised_address) to be reachable from here; bolt:// talks to one server without routing (%s)", uri, detail)}
	}
	return &problem{problemUnreachable, fmt.Sprintf("the connection to neo4j at %s failed: is it running, and does it need TLS "+
		"(bolt+s://)? (%s)", uri, detail)}
}

// health is what the store knows of its link to Neo4j: the problem last logged, and whether
// Neo4j refuses its credentials.
type health struct {
	logger *slog.Logger

	mu      sync.Mutex
	current *problem // the problem last logged; nil once Neo4j answered since
	probing bool     // a background login is under way

	refused       atomic.Pointer[problem] // while set, queries are not sent: Neo4j refused the credentials
	troubled      atomic.Bool             // current != nil, read without the lock after each success
	loginFailures atomic.Int64            // logins Neo4j refused
}

// LoginFailures returns the number of times Neo4j refused the store's credentials so far
// (each counts towards Neo4j's lock of the user), for tests and metrics.
func (s *Store) LoginFailures() int64 { return s.health.loginFailures.Load() }

// refusal returns the error queries get while Neo4j refuses the store's credentials, and nil
// otherwise. Such queries are not sent.
func (s *Store) refusal(what string) error {
	p := s.health.refused.Load()
	if p == nil {
		return nil
	}
	return career.Unavailable(fmt.Errorf("neo4j: %s: not sent: %s", what, p.msg))
}

// answered notes that Neo4j answered a query: a problem logged before is over.
func (s *Store) answered() {
	if !s.health.troubled.Load() {
		return
	}
	h := &s.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.current != nil {
		h.logger.Info("neo4j answers again", "uri", s.cfg.URI, "user", s.cfg.User, "database", s.cfg.Database,
			"after", string(h.current.kind))
		h.current = nil
		h.troubled.Store(false)
	}
}

// report notes a problem: it logs it when it differs from the one last logged, and when
// Neo4j refused the credentials it stops sending queries and starts the background login.
func (s *Store) report(p *problem) {
	h := &s.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.refusesLogin() {
		h.loginFailures.Add(1)
	}
	if h.current == nil || h.current.kind != p.kind {
		attrs := []any{"uri", s.cfg.URI, "user", s.cfg.User, "database", s.cfg.Database}
		if p.refusesLogin() && !h.probing {
			attrs = append(attrs, "next_login_in", s.cfg.LoginRetry)
		}
		h.logger.Log(context.Background(), p.logLevel(), p.msg, attrs...)
		h.current = p
		h.troubled.Store(true)
	}
	if !p.refusesLogin() {
		return
	}
	h.refused.Store(p)
	if !h.probing && s.life.Err() == nil {
		h.probing = true
		s.background.Add(1)
		go s.relogin()
	}
}

// relogin logs in again in the background, after a pause that doubles each time Neo4j
// refuses the credentials, until Neo4j takes them or the store is closed. Then queries are
// sent again.
func (s *Store) relogin() {
	defer s.background.Done()
	h := &s.health
	pause := s.cfg.LoginRetry
	for {
		if sleep(s.life, pause) != nil {
			return
		}
		ctx, cancel := context.WithTimeout(s.life, probeTimeout)
		s.counted()
		_, err := s.readOnce(ctx, "RETURN 1 AS ok", nil)
		cancel()
		if s.life.Err() != nil {
			return
		}
		if err == nil {
			h.mu.Lock()
			h.refused.Store(nil)
			h.probing = false
			h.mu.Unlock()
			s.answered()
			return
		}
		// Only a refused login doubles the pause: a lock, or Neo4j being down, says nothing of
		// the credentials and costs no failed login.
		p := s.diagnose(err)
		if p == nil {
			p = &problem{problemUnreachable, fmt.Sprintf("neo4j at %s failed a login query: %v", s.cfg.URI, err)}
		}
		s.report(p)
		if p.refusesLogin() {
			pause = min(2*pause, maxLoginRetryFactor*s.cfg.LoginRetry)
		}
	}
}

// Connect checks that Neo4j answers and takes the store's credentials. While Neo4j has
// locked the user after failed logins (another client's, such as a server started with a
// wrong password), it waits for the lock to pass and tries again, for up to MaxLockWait.
func (s *Store) Connect(ctx context.Context) error {
	deadline := time.Now().Add(MaxLockWait)
	for {
		err := s.Ping(ctx)
		var dbErr *neo4j.Neo4jError
		if err == nil || !errors.As(err, &dbErr) || dbErr.Code != codeRateLimit || time.Now().Add(lockRetry).After(deadline) {
			return err
		}
		s.health.logger.Info("waiting for neo4j to unlock the user", "user", s.cfg.User, "retry_in", lockRetry)
		if err := sleep(ctx, lockRetry); err != nil {
			return fmt.Errorf("neo4j: connect: %w", err)
		}
	}
}
