package esco_test

import (
	"testing"

	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// FuzzEscoRead reads the fixture export with one of its files (the which-th by name, modulo
// their number) replaced by arbitrary bytes: Read must not panic, and must fail with a
// *dataset.ParseError or return a valid dataset whose texts are valid UTF-8 without NUL bytes.
func FuzzEscoRead(f *testing.F) {
	fx := fixture()
	ff := readertest.NewFuzzFolder(f, fx)
	for i, name := range ff.Names() {
		f.Add(uint8(i), []byte(fx[name]))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		dir, _ := ff.Replace(t, which, data)
		d, _, err := esco.Read(dir)
		readertest.Check(t, d, err)
	})
}
