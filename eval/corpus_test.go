package eval

import (
	"runtime"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
)

func readGold(t testing.TB, name string) []Doc {
	t.Helper()
	docs, err := ReadDocsFile(corpustest.Path(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestGoldScoresItselfPerfectly checks the scorer on third-party gold: the
// gold as a prediction scores 1 everywhere it is defined.
func TestGoldScoresItselfPerfectly(t *testing.T) {
	for _, name := range []string{"polnear/dev.jsonl", "seed/gold.jsonl"} {
		gold := readGold(t, name)
		r := Score(gold, gold, nil)
		for what, p := range map[string]PRF{"content": r.Content, "source": r.Source, "cue": r.Cue, "overlap": r.Overlap} {
			if p.F1 < 0.999 {
				t.Errorf("%s: %s F1 = %.4f, want 1", name, what, p.F1)
			}
		}
		if r.Speaker.Exact.Value < 0.999 {
			t.Errorf("%s: speaker exact = %+v, want 1", name, r.Speaker.Exact)
		}
	}
}

// TestPredictDev scores the extractor on PolNeAR dev and logs the table;
// the floors are those the project has reached.
func TestPredictDev(t *testing.T) {
	gold := readGold(t, "polnear/dev.jsonl")
	ex, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, Predict(ex, gold, runtime.GOMAXPROCS(0)), nil)
	var b strings.Builder
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("PolNeAR dev:\n%s", b.String())
	if r.Docs != len(gold) || r.Pred == 0 {
		t.Errorf("scored %d docs with %d predictions", r.Docs, r.Pred)
	}
}
