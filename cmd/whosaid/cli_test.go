package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		args []string
		want string
		code int
	}{
		{[]string{"help"}, "commands:\n  eval", 0},
		{[]string{"help", "eval"}, "usage: whosaid eval GOLD.jsonl", 0},
		{[]string{"help", "serve"}, "POST /v1/extract", 0},
		{[]string{"help", "help"}, "usage: whosaid help", 0},
		{[]string{"--version"}, "whosaid ", 0},
		{[]string{"-h"}, "flags:", 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runIn(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, out+errOut, tt.want)
		})
	}
	_, errOut, code := runIn(t, "", "help", "nosuch")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown command "nosuch"`)
	// A file named like a command is still read after "--".
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "help"), []byte(snippet), 0o644))
	t.Chdir(dir)
	out, _, code := runIn(t, "", "--", "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Ann Cole")
}

// TestFlagErrors: bad values are usage errors that name the flag, not the
// library option behind it; --workers is validated the same way in every
// command and clamped when huge.
func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--max-bytes", "-1"}, "--max-bytes -1: want a positive number of bytes"},
		{[]string{"--max-bytes", "0"}, "--max-bytes 0:"},
		{[]string{"--max-tokens", "0"}, "--max-tokens 0:"},
		{[]string{"--workers", "0"}, "--workers 0: want 1 to 256"},
		{[]string{"--workers", "-3"}, "--workers -3: want 1 to 256"},
		{[]string{"eval", "--workers", "0", "g.jsonl"}, "--workers 0: want 1 to 256"},
		{[]string{"--min-confidence", "1.5"}, "--min-confidence 1.5"},
		{[]string{"--type", "quoted"}, `"quoted" is not a type`},
		{[]string{"--offsets", "points"}, `unknown offset unit "points"`},
		{[]string{"--offsets", "runes", "--format", "text"}, "--offsets applies to --format json, jsonl and tsv"},
		{[]string{"--entities"}, "--entities applies to --format json and jsonl"},
		{[]string{"serve", "--max-inflight", "0"}, "--max-inflight 0"},
		{[]string{"serve", "--max-body", "-5"}, "--max-body -5"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runIn(t, snippet, tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
			assert.NotContains(t, errOut, "With", "an error names a flag, not a Go option")
		})
	}
	for _, n := range []string{"2305843009213693952", "4611686018427387904", "2147483648000", "10000"} {
		out, errOut, code := runIn(t, `{"id":"a","text":"“Yes,” Ann Cole said."}`, "--input", "jsonl", "--workers", n)
		assert.Equal(t, 0, code, "--workers %s: %s", n, errOut)
		assert.Contains(t, errOut, "using 256, the most")
		assert.Contains(t, out, `"id":"a"`)
	}
}

func TestFilters(t *testing.T) {
	text := "“We will rebuild,” said Mayor Ann Cole. “It will take time.”\n\n" +
		"Cole told reporters the city would ask for state aid.\n\n" +
		"The governor said the state had no money for it.\n"
	all := whosaid.Extract(text)
	require.GreaterOrEqual(t, len(all), 3)
	count := func(keep func(whosaid.Attribution) bool) int {
		n := 0
		for _, a := range all {
			if keep(a) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		args []string
		want int
	}{
		{nil, len(all)},
		{[]string{"--type", "direct"}, count(func(a whosaid.Attribution) bool { return a.Type == whosaid.Direct })},
		{[]string{"--type", "mixed,indirect"}, count(func(a whosaid.Attribution) bool { return a.Type != whosaid.Direct })},
		{[]string{"--min-confidence", "0.75"}, count(func(a whosaid.Attribution) bool { return a.Confidence >= 0.75 })},
		{[]string{"--speaker", "ann cole"}, count(func(a whosaid.Attribution) bool { return a.Entity.Name == "Ann Cole" })},
		{[]string{"--speaker", "Cole"}, count(func(a whosaid.Attribution) bool { return a.Entity.Name == "Ann Cole" })},
		{[]string{"--speaker", "Mayor Ann Cole"}, count(func(a whosaid.Attribution) bool { return a.Entity.Name == "Ann Cole" })},
		{[]string{"--speaker", "Ann Col"}, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runIn(t, text, append([]string{"--format", "json"}, tt.args...)...)
			require.Equal(t, 0, code, errOut)
			var rec whosaid.Record
			require.NoError(t, json.Unmarshal([]byte(out), &rec))
			assert.Len(t, rec.Quotes, tt.want)
		})
	}
	// The filters are tested on something: Ann Cole has some quotations,
	// not all.
	n := count(func(a whosaid.Attribution) bool { return a.Entity.Name == "Ann Cole" })
	assert.True(t, n > 0 && n < len(all), "Ann Cole has %d of %d", n, len(all))
}

func TestTableShowsConfidence(t *testing.T) {
	out, _, code := runIn(t, snippet)
	require.Equal(t, 0, code)
	lines := strings.Split(out, "\n")
	assert.Contains(t, lines[0], "CONF")
	a := whosaid.Extract(snippet)[0]
	assert.Contains(t, lines[1], fmt.Sprintf("%.2f", a.Confidence))
	assert.Contains(t, lines[1], a.Text, "the table shows the words said")
}

// TestJSONIsOneValue: --format json writes one JSON value that a JSON
// reader takes whole: an object for one document, an array otherwise.
func TestJSONIsOneValue(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(a, []byte(snippet), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("Officials said the bridge was safe."), 0o644))
	lines := `{"id":"d1","text":"“Yes,” Ann Cole said."}` + "\n" + `{"text":"no id here, he said."}` + "\n" + `[1,2]` + "\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		array int // -1: an object
	}{
		{"one file", "", []string{"--format", "json", a}, -1},
		{"two files", "", []string{"--format", "json", a, b}, 2},
		{"json lines", lines, []string{"--input", "jsonl", "--format", "json"}, 3},
		{"no lines", "", []string{"--input", "jsonl", "--format", "json"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, _ := runIn(t, tt.stdin, tt.args...)
			var v any
			require.NoError(t, json.Unmarshal([]byte(out), &v), "output is not one JSON value:\n%s", out)
			if tt.array < 0 {
				assert.IsType(t, map[string]any{}, v)
				return
			}
			require.IsType(t, []any{}, v)
			assert.Len(t, v, tt.array)
			if tt.name == "json lines" {
				recs := v.([]any)
				assert.Equal(t, 2.0, recs[1].(map[string]any)["line"], "a record with no id carries its line")
				assert.Equal(t, 3.0, recs[2].(map[string]any)["line"], "an error record carries its line")
				assert.Contains(t, recs[2].(map[string]any)["error"], "not a JSON object")
				assert.NotContains(t, recs[2].(map[string]any)["error"], "Go value")
			}
		})
	}
	if _, err := exec.LookPath("python3"); err == nil {
		out, _, _ := runBin(t, strings.NewReader(lines), nil, "--input", "jsonl", "--format", "json")
		cmd := exec.Command("python3", "-m", "json.tool")
		cmd.Stdin = bytes.NewReader(out)
		got, err := cmd.CombinedOutput()
		assert.NoError(t, err, "python3 -m json.tool: %s", got)
	}
}

func TestEntities(t *testing.T) {
	out, _, code := runIn(t, snippet, "--format", "jsonl", "--entities")
	require.Equal(t, 0, code)
	var rec whosaid.Record
	require.NoError(t, json.Unmarshal([]byte(out), &rec))
	require.NotEmpty(t, rec.Entities)
	e := rec.Entities[0]
	assert.Equal(t, 1, e.ID)
	assert.Equal(t, "Ann Cole", e.Name)
	var mentions []string
	for _, m := range e.Mentions {
		assert.Equal(t, snippet[m.Start:m.End], m.Text)
		mentions = append(mentions, m.Text)
	}
	assert.Contains(t, mentions, "Mayor Ann Cole")
	out, _, _ = runIn(t, snippet, "--format", "jsonl")
	assert.NotContains(t, out, `"entities"`, "entities only when asked")
}

// TestOffsetUnits checks --offsets against the way Python and JavaScript
// index strings: code points and UTF-16 units.
func TestOffsetUnits(t *testing.T) {
	text := "😀 “Prices will fall,” the minister said. Naïve “hopes” aside."
	in, err := json.Marshal(whosaid.Article{ID: "u", Text: text})
	require.NoError(t, err)
	runes, units := []rune(text), utf16.Encode([]rune(text))
	for _, tt := range []struct {
		unit  string
		slice func(s, e int) string
	}{
		{"bytes", func(s, e int) string { return text[s:e] }},
		{"runes", func(s, e int) string { return string(runes[s:e]) }},
		{"utf16", func(s, e int) string { return string(utf16.Decode(units[s:e])) }},
	} {
		t.Run(tt.unit, func(t *testing.T) {
			out, errOut, code := runIn(t, string(in), "--input", "jsonl", "--offsets", tt.unit)
			require.Equal(t, 0, code, errOut)
			var rec whosaid.Record
			require.NoError(t, json.Unmarshal([]byte(out), &rec))
			require.NotEmpty(t, rec.Quotes)
			if tt.unit != "bytes" {
				assert.Equal(t, whosaid.Unit(tt.unit), rec.Offsets)
			}
			for _, q := range rec.Quotes {
				assert.Equal(t, q.Speaker.Text, tt.slice(q.Speaker.Start, q.Speaker.End))
				assert.Equal(t, q.Cue.Text, tt.slice(q.Cue.Start, q.Cue.End))
				var parts []string
				for _, f := range q.Spans {
					parts = append(parts, tt.slice(f.Start, f.End))
				}
				assert.Equal(t, q.Text, strings.Join(parts, " "))
			}
		})
	}
	// The README's Python snippet: slicing a str by the runes offsets.
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	out, _, _ := runBin(t, bytes.NewReader(in), nil, "--input", "jsonl", "--format", "json", "--offsets", "runes")
	py := exec.Command("python3", "-c", `
import json, sys
for rec in json.load(sys.stdin):
    text = rec["text"]
    for q in rec["quotes"]:
        said = " ".join(text[s:e] for s, e in q["spans"])
        assert said == q["text"], (said, q["text"])
        sp = q["speaker"]
        assert text[sp["start"]:sp["end"]] == sp["text"]
        print(sp["text"], "|", said)
`)
	py.Stdin = bytes.NewReader(out)
	got, err := py.CombinedOutput()
	require.NoError(t, err, "%s", got)
	assert.Contains(t, string(got), "the minister | ")
	assert.Contains(t, string(got), "“Prices will fall,”")
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// TestMaxBytesBoundsTheReading: text and html input are read no further
// than --max-bytes will use, and the cut is reported in the record, the
// table and on standard error.
func TestMaxBytesBoundsTheReading(t *testing.T) {
	para := "“We will win,” Smith said.\n\n"
	big := strings.Repeat(para, 400000) // 12 MB
	tests := []struct {
		name, input string
		limit       int64
	}{
		{"text", "text", 1000},
		{"html", "html", 4 * 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := big
			if tt.input == "html" {
				in = "<p>" + strings.ReplaceAll(big, "\n\n", "</p><p>")
			}
			r := &countingReader{r: strings.NewReader(in)}
			var out, errOut bytes.Buffer
			code := run([]string{"--input", tt.input, "--max-bytes", "1000", "--format", "json"}, r, &out, &errOut)
			require.Equal(t, 0, code, errOut.String())
			assert.LessOrEqual(t, r.n.Load(), tt.limit+1, "read %d bytes", r.n.Load())
			var rec whosaid.Record
			require.NoError(t, json.Unmarshal(out.Bytes(), &rec))
			require.NotNil(t, rec.Cut, "the record reports the cut")
			assert.Equal(t, "max-bytes", rec.Cut.Bound)
			assert.NotEmpty(t, rec.Quotes)
			assert.Contains(t, errOut.String(), "warning: stdin:")
		})
	}
	out, _, _ := runIn(t, big, "--max-bytes", "1000")
	at := strings.LastIndex(big[:1000], "\n\n") + 1
	assert.Contains(t, out, fmt.Sprintf("note: cut at byte %d by the max-bytes bound of 1000 bytes", at))
}

// TestTSVReadsAsTSV writes fields full of line breaks and reads the output
// back with real readers: every row one line with every column.
func TestTSVReadsAsTSV(t *testing.T) {
	breaks := "a\\b\tc\nd\re\vf\fg\x1ch\x1di\x1ej\u0085k\u2028l\u2029m"
	text := "“Prices " + breaks + " will fall,” the minister said.\n"
	attrs := whosaid.Extract(text)
	require.NotEmpty(t, attrs)
	out, errOut, code := runIn(t, text, "--format", "tsv")
	require.Equal(t, 0, code, errOut)
	rows := len(attrs) + 1
	cols := strings.Count(tsvHeader, "\t") + 1
	// Go: one line per row; encoding/csv with a tab reads the columns (no
	// field starts with a straight quote here).
	r := csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes = '\t', true
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, rows)
	for _, rec := range recs {
		assert.Len(t, rec, cols)
	}
	assert.Equal(t, `“Prices a\\b\tc\nd\re\vf\fg\u001ch\u001di\u001ej\u0085k\u2028l\u2029m will fall,”`, recs[1][cols-1])
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	py := exec.Command("python3", "-c", `
import csv, io, sys
data = sys.stdin.buffer.read().decode("utf-8")
lines = data.splitlines()
rows = list(csv.reader(io.StringIO(data, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
print(len(lines), len(rows), sorted(set(len(r) for r in rows)))
`)
	py.Stdin = strings.NewReader(out)
	got, err := py.CombinedOutput()
	require.NoError(t, err, "%s", got)
	assert.Equal(t, fmt.Sprintf("%d %d [%d]\n", rows, rows, cols), string(got))
}

func TestEvalRefusesWhatItCannotScore(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	goldLine, err := json.Marshal(map[string]any{"id": "g1", "text": "“Yes,” Ann Cole said.", "quotes": []any{
		map[string]any{"type": "direct", "start": 0, "end": 10, "spans": [][2]int{{0, 10}}, "text": "“Yes,”"},
	}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(gold, append(goldLine, '\n'), 0o644))
	empty := filepath.Join(dir, "empty.jsonl")
	require.NoError(t, os.WriteFile(empty, []byte(`{"id":"g1","text":"x","quotes":[]}`+"\n"), 0o644))
	other := filepath.Join(dir, "other.jsonl")
	require.NoError(t, os.WriteFile(other, []byte(`{"id":"x1","quotes":[]}`+"\n"+`{"id":"x2","quotes":[]}`+"\n"), 0o644))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", gold}, 0, "content"},
		{[]string{"eval", gold, "--pred", other}, 1, `2 of 2 predictions have an id that is in no gold document (first "x1", "x2")`},
		{[]string{"eval", empty}, 1, "eval: the gold document has no attribution to score"},
		{[]string{"eval", "../shared/corpus/nosuch.jsonl"}, 1, "they live in ../shared/corpus beside it"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			out, errOut, code := runIn(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			assert.Contains(t, out+errOut, tt.want)
		})
	}
}

// blockingWriter blocks every write until released.
type blockingWriter struct {
	release chan struct{}
	mu      sync.Mutex
	buf     bytes.Buffer
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	<-w.release
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// TestWindowBoundedByBytes: with many workers and large lines, the lines
// read ahead of a stalled output stay within the window's bytes, not
// 4 × workers lines.
func TestWindowBoundedByBytes(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds 48 lines of 1 MB")
	}
	const lines, size = 48, 1 << 20
	var in bytes.Buffer
	body := strings.Repeat("The committee met on Tuesday and the vote was delayed. ", size/56)
	for n := range lines {
		line, err := json.Marshal(whosaid.Article{ID: fmt.Sprint(n), Text: body})
		require.NoError(t, err)
		in.Write(line)
		in.WriteByte('\n')
	}
	r := &countingReader{r: bytes.NewReader(in.Bytes())}
	w := &blockingWriter{release: make(chan struct{})}
	done := make(chan int)
	var errOut bytes.Buffer
	go func() {
		done <- run([]string{"--input", "jsonl", "--format", "json", "--max-bytes", "1000", "--workers", "256"}, r, w, &errOut)
	}()
	// Wait until the reader stops: the window is full.
	last := int64(-1)
	for n := r.n.Load(); n != last; n = r.n.Load() {
		last = n
		time.Sleep(200 * time.Millisecond)
	}
	assert.Less(t, last, int64(windowBytes+3*size), "read %d bytes ahead of the output", last)
	close(w.release)
	require.Equal(t, 0, <-done, errOut.String())
	var recs []whosaid.Record
	require.NoError(t, json.Unmarshal(w.buf.Bytes(), &recs))
	assert.Len(t, recs, lines)
}
