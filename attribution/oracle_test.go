package attribution

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

type jsonSpan struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Spans [][2]int `json:"spans"`
}

type jsonQuote struct {
	Type    string    `json:"type"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Spans   [][2]int  `json:"spans"`
	Speaker *jsonSpan `json:"speaker"`
	Cue     *jsonSpan `json:"cue"`
}

type jsonDoc struct {
	ID     string      `json:"id"`
	Text   string      `json:"text,omitempty"`
	Quotes []jsonQuote `json:"quotes"`
}

func (s *jsonSpan) span(text string) span.Span {
	if s == nil {
		return span.Span{}
	}
	return span.Of(text, s.Start, s.End)
}

func readGold(t testing.TB, rel string) []jsonDoc {
	f, err := os.Open(corpustest.Path(t, rel))
	require.NoError(t, err)
	defer f.Close()
	var docs []jsonDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d jsonDoc
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		docs = append(docs, d)
	}
	require.NoError(t, sc.Err())
	return docs
}

func goldAttrs(d jsonDoc) []Attribution {
	var out []Attribution
	for _, q := range d.Quotes {
		a := Attribution{Extent: span.Of(d.Text, q.Start, q.End), Speaker: q.Speaker.span(d.Text), Cue: q.Cue.span(d.Text)}
		for _, f := range q.Spans {
			a.Spans = append(a.Spans, span.Of(d.Text, f[0], f[1]))
		}
		out = append(out, a)
	}
	return out
}

func toJSON(id string, attrs []Attribution) jsonDoc {
	d := jsonDoc{ID: id, Quotes: []jsonQuote{}}
	js := func(s span.Span) *jsonSpan {
		if s.Empty() {
			return nil
		}
		return &jsonSpan{Start: s.Start, End: s.End, Spans: [][2]int{{s.Start, s.End}}}
	}
	for _, a := range attrs {
		q := jsonQuote{Type: a.Type.String(), Start: a.Extent.Start, End: a.Extent.End, Speaker: js(a.Speaker), Cue: js(a.Cue)}
		for _, f := range a.Spans {
			q.Spans = append(q.Spans, [2]int{f.Start, f.End})
		}
		d.Quotes = append(d.Quotes, q)
	}
	return d
}

// TestOracle writes the predictions of a resolver whose choice among the
// frames of each cue knows the gold, to measure what selection can reach:
// WHOSAID_ORACLE=out.jsonl go test -run TestOracle ./attribution/.
func TestOracle(t *testing.T) {
	out := os.Getenv("WHOSAID_ORACLE")
	if out == "" {
		t.Skip("set WHOSAID_ORACLE to the predictions file to write")
	}
	split := os.Getenv("WHOSAID_SPLIT")
	if split == "" {
		split = "dev"
	}
	docs := readGold(t, "polnear/"+split+".jsonl")
	r, err := New()
	require.NoError(t, err)
	f, err := os.Create(out)
	require.NoError(t, err)
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, d := range docs {
		g := newGoldText(d.Text, goldAttrs(d))
		choose := func(rd *reader, c *cue, frames []frame) int {
			best, bs := -1, -1.0
			for k := range frames {
				if s := g.score(&frames[k].a); s > bs {
					best, bs = k, s
				}
			}
			return best
		}
		sents := sentence.Split(d.Text)
		attrs := r.resolveWith(d.Text, sents, quote.Detect(d.Text, sents), choose)
		require.NoError(t, enc.Encode(toJSON(d.ID, attrs)))
	}
}

// TestDiagnose compares, on dev, the model's choice for each cue with the
// annotation's and the rules': WHOSAID_DIAG=model.bin go test -run TestDiagnose.
func TestDiagnose(t *testing.T) {
	path := os.Getenv("WHOSAID_DIAG")
	if path == "" {
		t.Skip("set WHOSAID_DIAG to a model file")
	}
	mf, err := os.Open(path)
	require.NoError(t, err)
	m, err := DecodeModel(mf)
	require.NoError(t, err)
	docs := readGold(t, "polnear/dev.jsonl")
	r, err := New(WithModel(m))
	require.NoError(t, err)
	counts := map[string]int{}
	shown := map[string]int{}
	for _, d := range docs {
		g := newGoldText(d.Text, goldAttrs(d))
		choose := func(rd *reader, c *cue, frames []frame) int {
			gold, gs := -1, -1.0
			first := -1
			for k := range frames {
				if frames[k].a.Extent.Empty() {
					continue
				}
				if first < 0 && !c.generic {
					first = k
				}
				if s := g.score(&frames[k].a); s > gs {
					gold, gs = k, s
				}
			}
			got := rd.chooseFrame(m, c, frames)
			key := fmt.Sprintf("generic=%v gold=%v rules=%v model=%v", c.generic, gold >= 0, first == gold, got == gold)
			counts[key]++
			if gold >= 0 && got != gold && shown[key] < 6 {
				shown[key]++
				gf := frames[gold].a
				t.Logf("%s\n  gold frame %s [%s] %q / %q (p=%.2f)", key, gf.Rule, gf.Cue.Text, gf.Speaker.Text, gf.Extent.Text, frames[gold].score)
				if got >= 0 {
					mf := frames[got].a
					t.Logf("  model frame %s [%s] %q / %q", mf.Rule, mf.Cue.Text, mf.Speaker.Text, mf.Extent.Text)
				}
			}
			return gold
		}
		sents := sentence.Split(d.Text)
		r.resolveWith(d.Text, sents, quote.Detect(d.Text, sents), choose)
	}
	for k, n := range counts {
		t.Logf("%6d %s", n, k)
	}
}
