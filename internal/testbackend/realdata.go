package testbackend

import (
	"fmt"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
)

var (
	realOnce sync.Once
	realData []*career.Dataset
	realErr  error
)

// RealData returns the seed and the real taxonomies (ROME, ESCO, O*NET) read from the full data
// folder (CAREERGRAPH_DATA), read once per test binary. It skips the test when the folder is not
// set (fails when CAREERGRAPH_REQUIRE_DATA=1), as datafiles.Full does.
func RealData(t testing.TB) []*career.Dataset {
	t.Helper()
	dirs := map[string]string{}
	for _, name := range []string{"rome", "esco", "onet"} {
		dirs[name] = datafiles.Full(t, name) // outside the Once: a skip must not mark it done
	}
	realOnce.Do(func() {
		realData = []*career.Dataset{Seed(t)}
		for _, r := range []struct {
			name string
			read func(string) (*career.Dataset, []dataset.Warning, error)
		}{{"rome", rome.Read}, {"esco", esco.Read}, {"onet", onet.Read}} {
			d, _, err := r.read(dirs[r.name])
			if err != nil {
				realErr = fmt.Errorf("read %s: %w", r.name, err)
				return
			}
			realData = append(realData, d)
		}
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realData
}
