package whosaid_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/span"
)

var update = flag.Bool("update", false, "regenerate testdata/articles from testdata/articles/annotated")

// The project's own annotated articles live in testdata/articles/annotated
// as *.ann files: a header of "# key: value" and "# qN TYPE | NAME [|
// optional]" lines, a "---" line, then the article with its spans marked
// inline as ⟦TAG text⟧. TAG is c (content), s (speaker mention) or v (cue)
// followed by the attribution numbers it belongs to ("s4,5" is one mention
// for two attributions; a content marked twice is a split quotation), or n
// for quoted words that are not speech. From them, "go test -update"
// writes NAME.txt (the plain article) and gold.jsonl (the gold, in the
// corpus format, one article per line).
const articlesDir = "testdata/articles"

// seedPath is the reference article of the shared corpus, which lives beside
// the repository and is not part of it.
var seedPath = corpustest.File("seed/blinken-paris.txt")

// goldSpan is a span object of the gold format. A speaker known by name
// only (a continuation) has no offsets.
type goldSpan struct {
	Start *int     `json:"start,omitempty"`
	End   *int     `json:"end,omitempty"`
	Spans [][2]int `json:"spans,omitempty"`
	Text  string   `json:"text,omitempty"`
	Name  string   `json:"name,omitempty"`
	Why   string   `json:"why,omitempty"`
}

type goldQuote struct {
	Type     string    `json:"type"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Spans    [][2]int  `json:"spans"`
	Text     string    `json:"text"`
	Speaker  *goldSpan `json:"speaker"`
	Cue      *goldSpan `json:"cue"`
	Optional bool      `json:"optional,omitempty"`
}

type goldDoc struct {
	ID        string      `json:"id"`
	Source    string      `json:"source"`
	Text      string      `json:"text"`
	Quotes    []goldQuote `json:"quotes"`
	NonQuotes []goldSpan  `json:"non_quotes,omitempty"`
}

// parseAnnotated reads one *.ann file into the plain text and its gold.
func parseAnnotated(src string) (goldDoc, error) {
	var d goldDoc
	head, body, ok := strings.Cut(src, "\n---\n")
	if !ok {
		return d, fmt.Errorf(`no "---" line between header and text`)
	}
	type meta struct {
		typ, name string
		optional  bool
	}
	metas := map[int]meta{}
	for _, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(line, "id:"):
			d.ID = strings.TrimSpace(line[3:])
		case strings.HasPrefix(line, "source:"):
			d.Source = strings.TrimSpace(line[7:])
		case strings.HasPrefix(line, "q"):
			f := strings.Split(line, "|")
			num, typ, _ := strings.Cut(strings.TrimSpace(f[0]), " ")
			n, err := strconv.Atoi(num[1:])
			if err != nil || len(f) < 2 {
				return d, fmt.Errorf("bad header line %q", line)
			}
			m := meta{typ: strings.TrimSpace(typ), name: strings.TrimSpace(f[1])}
			m.optional = len(f) > 2 && strings.TrimSpace(f[2]) == "optional"
			metas[n] = m
		}
	}
	// Strip the marks, recording the byte ranges they enclosed.
	type open struct {
		tag  byte
		nums []int
		at   int
	}
	var (
		text  strings.Builder
		stack []open
		frags = map[byte]map[int][][2]int{'c': {}, 's': {}, 'v': {}}
	)
	for i := 0; i < len(body); {
		switch {
		case strings.HasPrefix(body[i:], "⟦"):
			i += len("⟦")
			tag, rest, _ := strings.Cut(body[i:], " ")
			i += len(tag) + 1
			o := open{tag: tag[0], at: text.Len()}
			if tag[0] != 'n' {
				for _, s := range strings.Split(tag[1:], ",") {
					n, err := strconv.Atoi(s)
					if err != nil {
						return d, fmt.Errorf("bad tag %q before %.20q", tag, rest)
					}
					o.nums = append(o.nums, n)
				}
			}
			stack = append(stack, o)
		case strings.HasPrefix(body[i:], "⟧"):
			i += len("⟧")
			if len(stack) == 0 {
				return d, fmt.Errorf("unmatched ⟧ at byte %d", i)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			r := [2]int{o.at, text.Len()}
			if o.tag == 'n' {
				d.NonQuotes = append(d.NonQuotes, goldSpan{Start: &r[0], End: &r[1], Spans: [][2]int{r}, Why: "a name in quote marks, not speech"})
				continue
			}
			m, ok := frags[o.tag]
			if !ok {
				return d, fmt.Errorf("unknown tag %q", o.tag)
			}
			for _, n := range o.nums {
				m[n] = append(m[n], r)
			}
		default:
			text.WriteByte(body[i])
			i++
		}
	}
	if len(stack) > 0 {
		return d, fmt.Errorf("unclosed ⟦%c", stack[0].tag)
	}
	d.Text = text.String()
	for i := range d.NonQuotes {
		s := &d.NonQuotes[i]
		s.Text = d.Text[*s.Start:*s.End]
	}
	nums := make([]int, 0, len(metas))
	for n := range metas {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	spanOf := func(fs [][2]int) *goldSpan {
		if len(fs) == 0 {
			return nil
		}
		s := goldSpan{Start: &fs[0][0], End: &fs[len(fs)-1][1], Spans: fs}
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = d.Text[f[0]:f[1]]
		}
		s.Text = strings.Join(parts, " ")
		return &s
	}
	for _, n := range nums {
		m := metas[n]
		c := frags['c'][n]
		if len(c) == 0 {
			return d, fmt.Errorf("q%d has no content", n)
		}
		content := spanOf(c)
		q := goldQuote{
			Type: m.typ, Start: *content.Start, End: *content.End, Spans: c, Text: content.Text,
			Speaker: spanOf(frags['s'][n]), Cue: spanOf(frags['v'][n]), Optional: m.optional,
		}
		if q.Speaker == nil {
			q.Speaker = &goldSpan{}
		}
		q.Speaker.Name = m.name
		d.Quotes = append(d.Quotes, q)
	}
	for _, tag := range []byte("csv") {
		for n := range frags[tag] {
			if _, ok := metas[n]; !ok {
				return d, fmt.Errorf("⟦%c%d has no header line", tag, n)
			}
		}
	}
	return d, nil
}

// annotatedArticles parses every *.ann file, in name order.
func annotatedArticles(t *testing.T) (names []string, docs []goldDoc) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(articlesDir, "annotated", "*.ann"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotated articles in %s/annotated: %v", articlesDir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parseAnnotated(string(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".ann"))
		docs = append(docs, d)
	}
	return names, docs
}

// TestGoldUpToDate checks that the plain texts and gold.jsonl are what the
// annotated articles say; run "go test -run TestGoldUpToDate -update" after
// editing an annotated article.
func TestGoldUpToDate(t *testing.T) {
	names, docs := annotatedArticles(t)
	var gold bytes.Buffer
	for i, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		gold.Write(line)
		gold.WriteByte('\n')
		txt := filepath.Join(articlesDir, names[i]+".txt")
		if *update {
			if err := os.WriteFile(txt, []byte(d.Text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if b, err := os.ReadFile(txt); err != nil || string(b) != d.Text {
			t.Errorf("%s is out of date (err %v): run go test -run TestGoldUpToDate -update", txt, err)
		}
	}
	gp := filepath.Join(articlesDir, "gold.jsonl")
	if *update {
		if err := os.WriteFile(gp, gold.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if b, err := os.ReadFile(gp); err != nil || !bytes.Equal(b, gold.Bytes()) {
		t.Errorf("%s is out of date (err %v): run go test -run TestGoldUpToDate -update", gp, err)
	}
}

// TestGoldSpans checks the gold itself: every span is in the text.
func TestGoldSpans(t *testing.T) {
	_, docs := annotatedArticles(t)
	for _, d := range docs {
		for _, q := range d.Quotes {
			for _, f := range q.Spans {
				if f[0] < 0 || f[1] > len(d.Text) || f[0] >= f[1] {
					t.Errorf("%s: content fragment %v out of range", d.ID, f)
				}
			}
			if q.Type != "direct" && q.Type != "mixed" && q.Type != "indirect" {
				t.Errorf("%s: type %q", d.ID, q.Type)
			}
		}
	}
}

// textCase is one text the pipeline's invariants are checked on.
type textCase struct{ name, text string }

// invariantTexts returns the project's articles, the example's article and,
// when the shared corpus is beside the repository, the seed article.
func invariantTexts(t *testing.T) []textCase {
	t.Helper()
	var cs []textCase
	files, _ := filepath.Glob(filepath.Join(articlesDir, "*.txt"))
	files = append(files, filepath.Join("examples", "basic", "article.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, textCase{f, string(b)})
	}
	if b, err := os.ReadFile(seedPath); err == nil {
		cs = append(cs, textCase{seedPath, string(b)})
	} else {
		t.Logf("seed article not checked: %s is absent (the shared corpus lives beside the repository)", seedPath)
	}
	return cs
}

// expectSpan reports a span whose Text is not the text it points at.
func expectSpan(t *testing.T, text, what string, s span.Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		t.Errorf("%s [%d:%d] out of bounds (len %d)", what, s.Start, s.End, len(text))
		return
	}
	if text[s.Start:s.End] != s.Text {
		t.Errorf("%s [%d:%d]: Text %q, text has %q", what, s.Start, s.End, s.Text, text[s.Start:s.End])
	}
}

// expectAttributions checks every span of every attribution against text.
func expectAttributions(t *testing.T, text string, attrs []whosaid.Attribution) {
	t.Helper()
	for i, a := range attrs {
		p := fmt.Sprintf("attribution %d", i)
		expectSpan(t, text, p+" content", a.Extent)
		if len(a.Spans) == 0 {
			t.Errorf("%s has no content spans", p)
		}
		for j, s := range a.Spans {
			expectSpan(t, text, fmt.Sprintf("%s span %d", p, j), s)
			if !a.Extent.Contains(s) {
				t.Errorf("%s span %d [%d:%d] outside content [%d:%d]", p, j, s.Start, s.End, a.Extent.Start, a.Extent.End)
			}
		}
		for j, s := range a.Quoted {
			expectSpan(t, text, fmt.Sprintf("%s quoted %d", p, j), s)
		}
		expectSpan(t, text, p+" speaker", a.Speaker)
		expectSpan(t, text, p+" cue", a.Cue)
		expectSpan(t, text, p+" addressee", a.Addressee)
		for j, m := range a.Entity.Mentions {
			expectSpan(t, text, fmt.Sprintf("%s entity mention %d", p, j), m)
		}
		if a.Confidence < 0 || a.Confidence > 1 {
			t.Errorf("%s confidence %v outside [0,1]", p, a.Confidence)
		}
		if s := a.Type.String(); s != "direct" && s != "mixed" && s != "indirect" {
			t.Errorf("%s type %q", p, s)
		}
	}
}

// TestSpansMatchText checks text[Start:End] == Text for every span the
// extractor returns on the project's articles and the seed article.
func TestSpansMatchText(t *testing.T) {
	for _, c := range invariantTexts(t) {
		t.Run(filepath.Base(c.name), func(t *testing.T) {
			attrs := whosaid.Extract(c.text)
			if len(attrs) == 0 {
				t.Errorf("no attributions in %s", c.name)
			}
			expectAttributions(t, c.text, attrs)
		})
	}
}

// TestEdgeInputs runs the extractor on inputs that are easy to get wrong.
func TestEdgeInputs(t *testing.T) {
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"space", " \n\t "},
		{"lone mark", "“"},
		{"unclosed", `She said, "we will`},
		{"marks only", `"""“”“”''‘’`},
		{"invalid utf-8", "\xff\xfe“a\xc3”\x00 said \xe2\x80"},
		{"crlf", "“Yes,” he said.\r\n\r\n“No,” she said.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attrs := whosaid.Extract(tt.text)
			expectAttributions(t, tt.text, attrs)
			if tt.text == "" && len(attrs) != 0 {
				t.Errorf("empty input: %d attributions", len(attrs))
			}
		})
	}
}

// TestArticlesScore runs the extractor over the project's annotated
// articles and checks the scores against floors the pipeline reaches. The
// floors are conservative; the figures are logged.
func TestArticlesScore(t *testing.T) {
	gold, err := eval.ReadDocsFile(filepath.Join(articlesDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(gold, eval.Predict(ex, gold, 2), nil)
	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores on %s/gold.jsonl:\n%s", articlesDir, table.String())
	floors := []struct {
		name         string
		got, atLeast float64
	}{
		{"content F1 by overlap", rep.Overlap.F1, 0.60},
		{"content precision by overlap", rep.Overlap.Precision, 0.60},
		{"direct recall by overlap", rep.RecallByType.Direct.Value, 0.60},
		{"cue F1, exact", rep.Cue.F1, 0.60},
		{"speaker accuracy by overlap", rep.Speaker.Overlap.Value, 0.60},
	}
	for _, fl := range floors {
		if fl.got < fl.atLeast {
			t.Errorf("%s = %.3f, want ≥ %.2f", fl.name, fl.got, fl.atLeast)
		}
	}
}

// TestConcurrentExtract shares one Extractor among 8 goroutines and checks
// that each gets what sequential calls get. Run it with -race.
func TestConcurrentExtract(t *testing.T) {
	ex, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := invariantTexts(t)
	want := make([][]whosaid.Attribution, len(cases))
	for i, c := range cases {
		want[i] = ex.Extract(c.text)
	}
	const goroutines = 8
	got := make([][][]whosaid.Attribution, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		got[g] = make([][]whosaid.Attribution, len(cases))
		wg.Go(func() {
			for k := range 3 * len(cases) {
				// Each goroutine walks the texts from a different start.
				i := (g + k) % len(cases)
				got[g][i] = ex.Extract(cases[i].text)
			}
		})
	}
	wg.Wait()
	for g := range goroutines {
		for i, c := range cases {
			if !reflect.DeepEqual(got[g][i], want[i]) {
				t.Errorf("goroutine %d, %s: result differs from the sequential call", g, c.name)
			}
		}
	}
}

// TestExtractDeterministic checks that two calls give the same records,
// byte for byte.
func TestExtractDeterministic(t *testing.T) {
	for _, c := range invariantTexts(t) {
		a, err := whosaid.NewRecord(c.name, whosaid.Extract(c.text)).MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := whosaid.NewRecord(c.name, whosaid.Extract(c.text)).MarshalLine()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two calls differ", c.name)
		}
		if !utf8.Valid(a) {
			t.Errorf("%s: record is not valid UTF-8", c.name)
		}
	}
}
