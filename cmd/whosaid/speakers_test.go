package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/speaker"
)

func readSpeakers(t *testing.T, out string) (sp []speaker.Speaker, errs []errorRecord) {
	t.Helper()
	for l := range strings.Lines(out) {
		if strings.Contains(l, `"error"`) {
			var e errorRecord
			require.NoError(t, json.Unmarshal([]byte(l), &e))
			errs = append(errs, e)
			continue
		}
		var s speaker.Speaker
		require.NoError(t, json.Unmarshal([]byte(l), &s), l)
		sp = append(sp, s)
	}
	return sp, errs
}

func TestSpeakers(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "docs.jsonl")
	require.NoError(t, os.WriteFile(jsonl, []byte(strings.Join([]string{
		`{"id": "a", "text": "“We will win,” Donald J. Trump said. Hillary Clinton said she would not concede."}`,
		`{"id": "b", "text": "Donald Trump told reporters that the polls were wrong. “It is rigged,” Mr. Trump said."}`,
		`not an article`,
		`{"id": "c", "text": "Bill Clinton said the campaign was strong. A senior State Department official said talks would go on."}`,
	}, "\n")+"\n"), 0o644))
	out, errOut, code := runIn(t, "", "speakers", "--input", "jsonl", jsonl)
	assert.Equal(t, 1, code, "a bad line makes the exit status 1")
	assert.Contains(t, errOut, "docs.jsonl:3")
	sp, errs := readSpeakers(t, out)
	require.Len(t, errs, 1)
	assert.Equal(t, 3, errs[0].Line)
	want := []speaker.Speaker{
		{Speaker: "Donald Trump", Variants: []string{"Donald Trump", "Donald J. Trump"}, Documents: 2, Attributions: 3},
		{Speaker: "Bill Clinton", Variants: []string{"Bill Clinton"}, Documents: 1, Attributions: 1},
		{Speaker: "Hillary Clinton", Variants: []string{"Hillary Clinton"}, Documents: 1, Attributions: 1},
		{Speaker: "a senior State Department official", Variants: []string{"a senior State Department official"}, Documents: 1, Attributions: 1},
	}
	assert.Equal(t, want, sp)

	// A text file is one document named by its path.
	src := filepath.Join(dir, "cole.txt")
	require.NoError(t, os.WriteFile(src, []byte(snippet), 0o644))
	out, _, code = runIn(t, "", "speakers", src)
	require.Equal(t, 0, code)
	sp, _ = readSpeakers(t, out)
	require.NotEmpty(t, sp)
	assert.Equal(t, "Ann Cole", sp[0].Speaker)

	_, errOut, code = runIn(t, "", "speakers", "--input", "xml", src)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "xml")
}

// TestSpeakersDev checks that the command prints what the library's Tally
// gives on PolNeAR dev.
func TestSpeakersDev(t *testing.T) {
	dev := corpustest.Path(t, "polnear/dev.jsonl")
	out, errOut, code := runIn(t, "", "speakers", "--input", "jsonl", dev)
	require.Equal(t, 0, code, errOut)
	got, _ := readSpeakers(t, out)

	f, err := os.Open(dev)
	require.NoError(t, err)
	defer f.Close()
	var tally speaker.Tally
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		a, err := whosaid.ParseArticle(sc.Bytes())
		require.NoError(t, err)
		tally.Add(a.ID, whosaid.Extract(a.Text))
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, tally.Speakers(), got)
}
