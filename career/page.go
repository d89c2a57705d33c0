package career

import (
	"encoding/base64"
	"strings"
)

// PageArgs asks for one page of a list ordered by (SortKey(name), ID), as Relay's cursor
// connections do. The cursors After and Before ("" for none) bound a window of the list: the
// items after After and before Before. A forward page (Last is 0) is the first First items of
// the window; a backward page (Last > 0, First 0) is its last Last items.
type PageArgs struct {
	First int
	After string
	// Last and Before are the backward arguments (see PageArgs).
	Last   int
	Before string
}

// Backward reports whether p asks for the last items of its window.
func (p PageArgs) Backward() bool { return p.Last > 0 }

// Size returns the most items of the page p asks for: Last for a backward page, else First.
func (p PageArgs) Size() int {
	if p.Backward() {
		return p.Last
	}
	return max(p.First, 0)
}

// Window is a PageArgs with its cursors decoded: what stores cut pages with.
type Window struct {
	// After and Before bound the window (nil for no bound).
	After, Before *Cursor
	// Page is what the window was decoded from.
	Page PageArgs
}

// Window decodes the cursors of p; a cursor this API did not make is an EINVALID error.
func (p PageArgs) Window() (Window, error) {
	after, err := DecodeCursor(p.After)
	if err != nil {
		return Window{}, err
	}
	before, err := DecodeCursor(p.Before)
	if err != nil {
		return Window{}, err
	}
	return Window{After: after, Before: before, Page: p}, nil
}

// Page is one page of a list, with the total number of items of the whole list.
// HasNextPage tells, for a forward page, whether items of its window follow it;
// HasPreviousPage, for a backward page, whether items of its window precede it. The other
// one is false, as the Relay cursor connections specification allows (and graphql-relay-js
// does): a client paging in one direction reads the flag of that direction.
type Page[T any] struct {
	Items           []T
	HasNextPage     bool
	HasPreviousPage bool
	TotalCount      int
}

// Cursor is a decoded position in a list ordered by (SortKey(name), ID).
type Cursor struct {
	SortKey string
	ID      string
}

// EncodeCursor returns the opaque cursor of the item with this name and ID. Cursors are
// keysets, not offsets: they stay valid when items are added before them.
func EncodeCursor(name, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("k1\x00" + SortKey(name) + "\x00" + id))
}

// DecodeCursor parses a cursor made by EncodeCursor. An empty string decodes to nil.
func DecodeCursor(s string) (*Cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, Errorf(EINVALID, "invalid cursor %q: use a cursor returned by this API", s)
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != 3 || parts[0] != "k1" || parts[2] == "" {
		return nil, Errorf(EINVALID, "invalid cursor %q: use a cursor returned by this API", s)
	}
	return &Cursor{SortKey: parts[1], ID: parts[2]}, nil
}

// After reports whether the item (sortKey, id) comes after the cursor.
func (c *Cursor) After(sortKey, id string) bool {
	if c == nil {
		return true
	}
	if sortKey != c.SortKey {
		return sortKey > c.SortKey
	}
	return id > c.ID
}

// Before reports whether the item (sortKey, id) comes before the cursor.
func (c *Cursor) Before(sortKey, id string) bool {
	if c == nil {
		return true
	}
	if sortKey != c.SortKey {
		return sortKey < c.SortKey
	}
	return id < c.ID
}
