package linear

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentUse scores from many goroutines on one shared model, as
// decoded, and checks each answer against the one computed alone; under
// -race it proves that scoring only reads the model.
func TestConcurrentUse(t *testing.T) {
	m, test := trained(t)
	m, err := Decode(bytes.NewReader(encode(t, m.Calibrated(Platt{A: 1.1, B: -0.2}))))
	require.NoError(t, err)
	type answer struct {
		best  int
		probs []float64
		prob  float64
	}
	want := make([]answer, len(test))
	for i, cands := range test {
		want[i].best, want[i].probs = m.Choose(cands)
		want[i].prob = m.Prob(&cands[0])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for k := range test {
				i := (k + g*25) % len(test)
				// Each goroutine builds its own copy of the features.
				cands := make([]Features, len(test[i]))
				for c := range cands {
					cands[c].hashes = append(cands[c].hashes, test[i][c].hashes...)
					cands[c].values = append(cands[c].values, test[i][c].values...)
				}
				best, probs := m.Choose(cands)
				if best != want[i].best || !assert.ObjectsAreEqual(probs, want[i].probs) || m.Prob(&cands[0]) != want[i].prob {
					errs <- "different answer under concurrent use"
					return
				}
				m.Top(3)
				m.Provenance()
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
