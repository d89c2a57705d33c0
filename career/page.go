package career

import (
	"encoding/base64"
	"strings"
)

// PageArgs asks for one page of a list ordered by (SortKey(name), ID): at most First items
// after the item the cursor After points at ("" for the first page).
type PageArgs struct {
	First int
	After string
}

// Page is one page of a list, with the total number of items of the whole list.
type Page[T any] struct {
	Items       []T
	HasNextPage bool
	TotalCount  int
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
