package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
)

func signaller(t *testing.T) *Signaller {
	t.Helper()
	s, err := NewSignaller()
	require.NoError(t, err)
	return s
}

func TestSignals(t *testing.T) {
	s := signaller(t)
	tests := []struct {
		claim string
		want  []string
	}{
		{"Unemployment fell to 4.5 percent in March", []string{SignalNumber, SignalPercent, SignalDate}},
		{"We spent $40 million on the bridge", []string{SignalNumber, SignalMoney}},
		{"It is the biggest bridge in the state", []string{SignalComparison}},
		{"Crime is lower than it was last year", []string{SignalComparison, SignalDate}},
		{"the bridge was built in 1931", []string{SignalDate}},
		{"three of every four voters said no", []string{SignalNumber}},
		{"the rate rose by half a percentage point", []string{SignalNumber, SignalPercent}},
		{"Taxes cost families more than 2,000 euros", []string{SignalNumber, SignalMoney, SignalComparison}},
		{"We will not let this bridge fall into the river", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			assert.Equal(t, tt.want, s.Signals(tt.claim))
		})
	}
}

// The same statement reported by three outlets, each in its own way, and
// other claims.
var outlets = []struct{ id, text string }{
	{"herald", "“Unemployment fell to 4.5 percent in March, the lowest in a decade,” Gov. Maria Lopez said on Monday.\n\nShe added that the state would hire more teachers."},
	{"tribune", "Governor Maria Lopez told reporters: \"Unemployment fell to 4.5 percent in March -- the lowest in a decade.\"\n\nCritics said the figure hid part-time work."},
	{"gazette", "\"UNEMPLOYMENT FELL TO 4.5 PERCENT IN MARCH, THE LOWEST IN A DECADE,\" Lopez said.\n\n“We will keep going,” Lopez said."},
	{"courier", "“We will keep going,” Mayor Tom Reyes said on Friday."},
}

func outletDocs(t *testing.T) []Doc {
	t.Helper()
	var docs []Doc
	for _, o := range outlets {
		docs = append(docs, Doc{ID: o.id, Attrs: whosaid.Extract(o.text)})
	}
	return docs
}

func TestBuild(t *testing.T) {
	rows := Build(outletDocs(t), signaller(t))
	require.NotEmpty(t, rows)

	// One row for the statement the three outlets carry, first: it has
	// the most signals.
	top := rows[0]
	assert.Equal(t, "Maria Lopez", top.Speaker)
	assert.Equal(t, "Unemployment fell to 4.5 percent in March, the lowest in a decade", top.Claim)
	assert.Equal(t, "direct", top.Type)
	assert.Equal(t, []string{SignalNumber, SignalPercent, SignalComparison, SignalDate}, top.Signals)
	var ids []string
	for _, s := range top.Sources {
		ids = append(ids, s.ID)
		for _, o := range outlets {
			if o.id == s.ID {
				assert.Equal(t, "unemployment fell to 4.5 percent in march", strings.ToLower(o.text[s.Start:s.Start+len("unemployment fell to 4.5 percent in march")]))
			}
		}
	}
	assert.Equal(t, []string{"gazette", "herald", "tribune"}, ids)

	// The same words said by two speakers are two rows.
	var keep []Row
	for _, r := range rows {
		if r.Claim == "We will keep going" {
			keep = append(keep, r)
		}
	}
	require.Len(t, keep, 2)
	assert.ElementsMatch(t, []string{"Maria Lopez", "Tom Reyes"}, []string{keep[0].Speaker, keep[1].Speaker})

	// Rows are sorted by signals, then by sources.
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		require.GreaterOrEqual(t, len(a.Signals), len(b.Signals), "row %d", i)
		if len(a.Signals) == len(b.Signals) {
			require.GreaterOrEqual(t, len(a.Sources), len(b.Sources), "row %d", i)
		}
	}
	// Every source is counted once.
	n := 0
	for _, r := range rows {
		n += len(r.Sources)
	}
	total := 0
	for _, d := range outletDocs(t) {
		total += len(d.Attrs)
	}
	assert.Equal(t, total, n)
}

func TestSaid(t *testing.T) {
	tests := []struct{ text, want string }{
		{"“We will win,” she said, “and we will win big.”", "We will win, and we will win big."},
		{"The mayor said that the bridge was safe.", "the bridge was safe"},
		{"He called the plan “a wish list” on Monday.", "the plan “a wish list” on Monday"},
	}
	for _, tt := range tests {
		attrs := whosaid.Extract(tt.text)
		require.NotEmpty(t, attrs, tt.text)
		got, src := Said(attrs[0])
		assert.Equal(t, tt.want, got)
		assert.True(t, 0 <= src.Start && src.Start <= src.End && src.End <= len(tt.text))
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	require.NoError(t, os.MkdirAll(filepath.Join(articles, "more"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(articles, "herald.txt"), []byte(outlets[0].text), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(articles, "more", "tribune.html"),
		[]byte("<html><body><article><p>"+outlets[1].text+"</p></article></body></html>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(articles, "notes.md"), []byte("not an article"), 0o644))
	jsonl := filepath.Join(dir, "more.jsonl")
	b, _ := json.Marshal(map[string]string{"id": "gazette", "text": outlets[2].text})
	require.NoError(t, os.WriteFile(jsonl, append(append(b, '\n'), "not json\n"...), 0o644))

	csvOut, jsonlOut := filepath.Join(dir, "q.csv"), filepath.Join(dir, "q.jsonl")
	var stdout, stderr bytes.Buffer
	code := run([]string{"--csv", csvOut, "--jsonl", jsonlOut, articles, jsonl}, &stdout, &stderr)
	assert.Equal(t, 1, code, "a bad line makes the exit status 1")
	assert.Contains(t, stderr.String(), "more.jsonl:2")

	f, err := os.Open(csvOut)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(recs), 1)
	assert.Equal(t, CSVHeader, recs[0])
	assert.Equal(t, "Maria Lopez", recs[1][0])
	assert.Equal(t, "3", recs[1][5], "one row, three sources: %v", recs[1])
	assert.Contains(t, recs[1][6], "gazette:")
	assert.Contains(t, recs[1][6], filepath.Join(articles, "herald.txt")+":")

	jb, err := os.ReadFile(jsonlOut)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(jb)), "\n")
	assert.Len(t, lines, len(recs)-1)
	var first Row
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, recs[1][1], first.Claim)
	assert.Len(t, first.Sources, 3)
}

// TestDev runs the queue on PolNeAR dev: the rows with signals come first,
// and a statement several articles carry is one row.
func TestDev(t *testing.T) {
	dev := corpustest.Path(t, "polnear/dev.jsonl")
	var out, errb bytes.Buffer
	code := run([]string{"--jsonl", "-", dev}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	var rows []Row
	for l := range strings.Lines(out.String()) {
		var r Row
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		rows = append(rows, r)
	}
	require.NotEmpty(t, rows)
	assert.NotEmpty(t, rows[0].Signals)
	many := 0
	for _, r := range rows {
		ids := map[string]bool{}
		for _, s := range r.Sources {
			ids[s.ID] = true
		}
		if len(ids) > 1 {
			many++
		}
	}
	assert.Positive(t, many, "some statement is carried by several articles")
	t.Logf("%d rows, %d carried by several articles", len(rows), many)
}
