package speaker_test

import (
	"bufio"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/speaker"
)

// TestPolNeARDev keys the speakers of PolNeAR dev, text the package was
// not written on.
func TestPolNeARDev(t *testing.T) {
	f, err := os.Open(corpustest.Path(t, "polnear/dev.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	ex, err := whosaid.New()
	require.NoError(t, err)
	var tally speaker.Tally
	named := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		a, err := whosaid.ParseArticle(sc.Bytes())
		require.NoError(t, err)
		attrs := ex.Extract(a.Text)
		for _, at := range attrs {
			if speaker.NameOf(at) != "" {
				named++
			}
		}
		tally.Add(a.ID, attrs)
	}
	require.NoError(t, sc.Err())

	sp := tally.Speakers()
	byKey := map[string]speaker.Speaker{}
	keyOf := map[string]string{}
	total := 0
	for _, s := range sp {
		byKey[s.Speaker] = s
		total += s.Attributions
		for _, v := range s.Variants {
			_, dup := keyOf[v]
			assert.False(t, dup, "variant %q under two keys", v)
			keyOf[v] = s.Speaker
		}
		assert.LessOrEqual(t, s.Documents, s.Attributions, s.Speaker)
	}
	assert.Equal(t, named, total, "every named attribution is counted once")

	// The forms of one person are one speaker.
	for _, same := range [][]string{
		{"Donald Trump", "Donald J. Trump"},
		{"Loretta E. Lynch", "Loretta Lynch"},
		{"Barack Obama", "Obama"},
	} {
		for _, v := range same[1:] {
			if _, ok := keyOf[v]; ok {
				assert.Equal(t, keyOf[same[0]], keyOf[v], "%q and %q", same[0], v)
			}
		}
	}
	// Two people of one surname are two speakers.
	assert.NotEqual(t, keyOf["Hillary Clinton"], keyOf["Bill Clinton"])
	assert.NotEmpty(t, keyOf["Hillary Clinton"])
	assert.NotEmpty(t, keyOf["Bill Clinton"])
	// A description keeps its words.
	for v, k := range keyOf {
		if p := speaker.Parse(v); p.Kind == speaker.Other {
			assert.Equal(t, speaker.Parse(k).Kind, speaker.Other, "%q keyed as %q", v, k)
		}
	}
	t.Logf("%d speakers of %d named attributions; top: %+v", len(sp), total, sp[:3])
}
