package career

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"time"
)

// NewGeneration returns a token unique to one load of a dataset: the time of the load (base 36
// nanoseconds) and 64 random bits. Both stores give every load one; DataVersion combines them.
func NewGeneration() string {
	b := make([]byte, 8)
	rand.Read(b) // never fails (crypto/rand.Read crashes the program rather than return an error)
	return strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + hex.EncodeToString(b)
}

// DataVersion is the version of the data a store holds, from the load generation of each of
// its datasets (dataset name → generation): their Digest. It changes with every load and drop
// of a dataset, and is the same for the same loads, whichever store or process reads it. HTTP
// caching (the ETag of GET answers) is keyed by it.
func DataVersion(generations map[string]string) string {
	return Digest(generations)
}

// Digest is 32 hexadecimal digits of a SHA-256 over named strings, sorted by name, each name
// and string length-prefixed so that no two different maps hash the same bytes.
func Digest(fields map[string]string) string {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	var buf []byte
	for _, name := range names {
		for _, s := range []string{name, fields[name]} {
			buf = strconv.AppendInt(buf[:0], int64(len(s)), 10)
			buf = append(buf, ':')
			h.Write(buf)
			h.Write([]byte(s))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
