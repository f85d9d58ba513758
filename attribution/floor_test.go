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
	pronouns, err := eval.ReadPronounsFile(corpustest.Path(t, "polnear/dev_pronouns.jsonl"))
	require.NoError(t, err)
	pred := eval.Predict(ex, gold, 2)
	r := eval.Score(gold, pred, pronouns)
	require.NotNil(t, r.Pronouns)
	rel, err := eval.Calibration(gold, pred)
	require.NoError(t, err)
	// The floors of the attribution stage on the dev split; the figures
	// this tree reaches are a little above them.
	floors := []struct {
		name      string
		got, want float64
	}{
		{"exact source F1", r.Source.F1, 0.75},
		{"exact cue F1", r.Cue.F1, 0.70},
		{"exact content F1", r.Content.F1, 0.585},
		{"overlap F1", r.Overlap.F1, 0.70},
		{"overlap recall direct", r.RecallByType.Direct.Value, 0.95},
		{"overlap recall mixed", r.RecallByType.Mixed.Value, 0.89},
		{"overlap recall indirect", r.RecallByType.Indirect.Value, 0.555},
		{"speaker exact, direct and mixed", r.Speaker.DirectMixedExact.Value, 0.90},
		{"1 - share of direct and mixed left with no speaker", 1 - r.Speaker.DirectMixedNone.Value, 0.97},
		{"1 - expected calibration error", 1 - rel.ECE, 0.95},
		{"pronoun speakers named right", r.Pronouns.Value, 0.81},
	}
	for _, fl := range floors {
		t.Logf("%s = %.3f (floor %.3f)", fl.name, fl.got, fl.want)
		assert.GreaterOrEqual(t, fl.got, fl.want, "%s = %.3f, below the floor %.3f", fl.name, fl.got, fl.want)
	}
}
