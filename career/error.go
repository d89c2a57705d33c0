package career

import (
	"context"
	"errors"
	"fmt"
)

// Error codes. They map one to one to the GraphQL `extensions.code` values the API returns.
const (
	EINVALID     = "BAD_USER_INPUT" // the request is wrong: a bad argument, an out-of-range value
	ENOTFOUND    = "NOT_FOUND"      // a named object does not exist
	EUNAVAILABLE = "UNAVAILABLE"    // the database cannot be reached; try again later
	EINTERNAL    = "INTERNAL"       // anything else; never shown to clients in detail
	ETIMEOUT     = "TIMEOUT"        // the request ran past its deadline and was stopped
	ECANCELLED   = "CANCELLED"      // the client went away before the answer
	EOVERLOADED  = "OVERLOADED"     // too many expensive requests are running; retry after a while
)

// Error is an error meant for the API's users: Message is safe to show them.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other
// error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, and a generic message
// for any other error (which may hold internals that clients must not see).
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ContextError is what the API answers for a request its context stopped: TIMEOUT when it ran
// past its deadline, CANCELLED when its client went away; nil when err is neither.
func ContextError(err error) *Error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: ETIMEOUT, Message: "the request took too long and was stopped; narrow it or try again"}
	case errors.Is(err, context.Canceled):
		return &Error{Code: ECANCELLED, Message: "the request was cancelled"}
	}
	return nil
}

// Unavailable wraps a backend failure as an UNAVAILABLE error, keeping the cause for logs.
func Unavailable(cause error) error {
	return &unavailableError{cause: cause}
}

type unavailableError struct{ cause error }

func (e *unavailableError) Error() string { return "database unavailable: " + e.cause.Error() }
func (e *unavailableError) Unwrap() []error {
	return []error{&Error{Code: EUNAVAILABLE, Message: "the database is unavailable; try again later"}, e.cause}
}
