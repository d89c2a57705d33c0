// Package scalar holds the API's own scalar coercions. Int is GraphQL's Int as the spec
// defines it: a signed 32-bit integer, given as an integer (never as a string, a boolean or a
// number with a fractional part).
package scalar

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The range of GraphQL's Int.
const (
	MinInt = math.MinInt32
	MaxInt = math.MaxInt32
)

// maxShown is the most bytes of a refused value that a message repeats.
const maxShown = 64

// IntMessage is the message for a value that is not an Int; given is the value as the client
// wrote it (see Show).
func IntMessage(given string) string {
	return "Int cannot represent " + given + ": give a whole number between " +
		strconv.Itoa(MinInt) + " and " + strconv.Itoa(MaxInt)
}

// IntError is the error for a value that is not an Int: GRAPHQL_VALIDATION_FAILED, like every
// other error about the type of a value, with IntMessage's message.
func IntError(given string) *gqlerror.Error {
	err := &gqlerror.Error{Message: IntMessage(given)}
	errcode.Set(err, errcode.ValidationFailed)
	return err
}

// MarshalInt writes an Int.
func MarshalInt(i int) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Itoa(i))
	})
}

// UnmarshalInt coerces an input value to an Int (see CoerceInt), or returns IntError. The
// request checks refuse bad values before execution; this is the last line.
func UnmarshalInt(v any) (int, error) {
	n, ok := CoerceInt(v)
	if !ok {
		return 0, IntError(ShowJSON(v))
	}
	return n, nil
}

// CoerceInt coerces an input value, as gqlgen and gqlparser hand it over, to an Int. Integers
// (literals, or JSON numbers decoded as json.Number) are accepted in the Int range; so are JSON
// numbers with an integral value written another way (1e3, 10.0), as in the GraphQL reference
// implementation, since JSON has no separate integer type. Strings, booleans, null, lists,
// objects and numbers with a fractional part are refused.
func CoerceInt(v any) (int, bool) {
	var n int64
	switch v := v.(type) {
	case int:
		n = int64(v)
	case int32:
		n = int64(v)
	case int64:
		n = v
	case json.Number:
		var ok bool
		if n, ok = WholeNumber(string(v)); !ok {
			return 0, false
		}
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) || v != math.Trunc(v) || v < MinInt || v > MaxInt {
			return 0, false
		}
		n = int64(v)
	default:
		return 0, false
	}
	if n < MinInt || n > MaxInt {
		return 0, false
	}
	return int(n), true
}

// WholeNumber returns the value of a JSON number when it is a whole number that fits in 64
// bits, however it is written: 1000, 1e3, 1000.0 and 1.0e3 all give 1000. It works on the
// digits, never building huge numbers, so that 1e999999999 costs nothing.
func WholeNumber(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	neg := strings.HasPrefix(s, "-")
	mantissa, exponent, hasExponent := strings.Cut(strings.TrimPrefix(s, "-"), "e")
	if !hasExponent {
		mantissa, exponent, hasExponent = strings.Cut(mantissa, "E")
	}
	whole, frac, _ := strings.Cut(mantissa, ".")
	if whole == "" || !allDigits(whole) || !allDigits(frac) {
		return 0, false
	}
	digits := strings.TrimLeft(whole+frac, "0")
	if digits == "" {
		return 0, true // zero, whatever its exponent
	}
	exp := 0
	if hasExponent {
		e, err := strconv.ParseInt(exponent, 10, 32)
		if err != nil {
			return 0, false
		}
		exp = int(e)
	}
	exp -= len(frac)
	for strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		exp++
	}
	if exp < 0 || len(digits)+exp > 19 {
		return 0, false // a fraction, or more than 64 bits
	}
	n, err := strconv.ParseInt(digits+strings.Repeat("0", exp), 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ShowJSON renders an input value as JSON for a message (a string in quotes, a number as the
// client wrote it), cut to a few dozen bytes.
func ShowJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "a value of an unsupported type"
	}
	return Show(strings.TrimSuffix(b.String(), "\n"))
}

// Show cuts a value's text to a few dozen bytes (on a character boundary), so that messages
// never repeat a large input.
func Show(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
