package verify_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/verify"
)

// TestIndexFindsBest checks, on PolNeAR dev, that the passage the index
// finds is as close to the claim as the best passage of any article: for
// quotations of the corpus, whole, with a word changed, with a word left
// out, and cut in two by an ellipsis.
func TestIndexFindsBest(t *testing.T) {
	texts := corpustest.Texts(t, "polnear/dev.jsonl")
	var b verify.Builder
	var quotes []string
	limit := 150
	if raceEnabled {
		limit = 10
	}
	for i, text := range texts {
		attrs := whosaid.Extract(text)
		require.NoError(t, b.Add(string(rune('A'+i%26))+strings.Repeat("z", i/26), text, attrs))
		for _, a := range attrs {
			for _, q := range a.Quoted {
				if len(strings.Fields(q.Text)) >= 8 && len(quotes) < limit {
					quotes = append(quotes, q.Text)
				}
			}
		}
	}
	corpus := b.Corpus()
	require.NotEmpty(t, quotes)
	verdicts := map[verify.Verdict]int{}
	for i, q := range quotes {
		w := strings.Fields(q)
		claims := []string{
			q,
			strings.Join(append(append([]string{}, w[:3]...), append([]string{"absolutely"}, w[4:]...)...), " "),
			strings.Join(append(append([]string{}, w[:2]...), w[3:]...), " "),
			strings.Join(w[:3], " ") + " … " + strings.Join(w[len(w)-3:], " "),
		}
		for k, cl := range claims {
			res, err := corpus.Check(verify.Claim{Quote: cl})
			require.NoError(t, err)
			want := corpus.Exhaustive(cl)
			assert.InDelta(t, want, res.Similarity, 1e-9, "quotation %d, claim %d: %q", i, k, cl)
			if k == 0 {
				verdicts[res.Verdict]++
			}
		}
	}
	// Every quotation of the corpus is found inside quotation marks.
	assert.Equal(t, len(quotes), verdicts[verify.Verbatim]+verdicts[verify.Altered], "%v", verdicts)
	t.Logf("%d quotations: %v", len(quotes), verdicts)
}
