package attribution_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/internal/corpustest"
)

// TestDevFloor runs the whole pipeline on the PolNeAR dev split and checks
// the floors the attribution stage must keep.
func TestDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the dev split; skipped in -short mode")
	}
	gold, err := eval.ReadDocsFile(corpustest.Path(t, "polnear/dev.jsonl"))
	require.NoError(t, err)
	ex, err := whosaid.New()
	require.NoError(t, err)
	r := eval.Score(gold, eval.Predict(ex, gold, 2), nil)
	// The floors of the attribution stage on the dev split; the figures
	// this tree reaches are a little above them.
	floors := []struct {
		name      string
		got, want float64
	}{
		{"exact source F1", r.Source.F1, 0.68},
		{"exact cue F1", r.Cue.F1, 0.67},
		{"exact content F1", r.Content.F1, 0.55},
		{"overlap recall direct", r.RecallByType.Direct.Value, 0.95},
		{"overlap recall mixed", r.RecallByType.Mixed.Value, 0.86},
		{"speaker exact, direct and mixed", r.Speaker.DirectMixedExact.Value, 0.86},
	}
	for _, fl := range floors {
		t.Logf("%s = %.3f (floor %.2f)", fl.name, fl.got, fl.want)
		assert.GreaterOrEqual(t, fl.got, fl.want, "%s = %.3f, below the floor %.2f", fl.name, fl.got, fl.want)
	}
}
