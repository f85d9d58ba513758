package eval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/span"
)

// The text of the hand-made cases, with its byte offsets:
const text = "\u201cWe will win,\u201d Smith said. Jones told reporters that the plan failed."

// Offsets: the quotation “We will win,” is [0,18) (3-byte marks); Smith is
// [19,24); said [25,29); Jones [31,36); told [37,41); the clause
// "that the plan failed" is [52,72).
func sp(s, e int) span.Span { return span.Of(text, s, e) }

// quote is an attribution of the fixture with content [s, e).
func quote(typ whosaid.Type, s, e int, speaker, cue span.Span) whosaid.Attribution {
	c := sp(s, e)
	return whosaid.Attribution{Text: c.Text, Extent: c, Spans: []span.Span{c}, Type: typ, Speaker: speaker, Cue: cue}
}

func doc(id, text string, quotes ...whosaid.Attribution) Doc {
	return Doc{Record: whosaid.Record{ID: id, Text: text, Quotes: quotes}}
}

func goldDoc() Doc {
	return doc("d", text,
		quote(whosaid.Direct, 0, 18, sp(19, 24), sp(25, 29)),
		quote(whosaid.Indirect, 52, 72, sp(31, 36), sp(37, 41)),
	)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestOffsetsOfTheFixture(t *testing.T) {
	for _, c := range []struct {
		s, e int
		want string
	}{{0, 18, "\u201cWe will win,\u201d"}, {19, 24, "Smith"}, {25, 29, "said"}, {31, 36, "Jones"}, {37, 41, "told"}, {52, 72, "that the plan failed"}} {
		if got := text[c.s:c.e]; got != c.want {
			t.Fatalf("text[%d:%d] = %q, want %q", c.s, c.e, got, c.want)
		}
	}
}

func TestScorePerfect(t *testing.T) {
	g := []Doc{goldDoc()}
	r := Score(g, []Doc{goldDoc()}, nil)
	for name, p := range map[string]PRF{"content": r.Content, "source": r.Source, "cue": r.Cue, "overlap": r.Overlap} {
		if p.F1 != 1 {
			t.Errorf("%s F1 = %v, want 1", name, p.F1)
		}
	}
	if r.Speaker.Exact.Value != 1 || r.Speaker.Exact.Of != 2 {
		t.Errorf("speaker exact = %+v, want 2/2", r.Speaker.Exact)
	}
	if r.Speaker.DirectMixedExact.Of != 1 {
		t.Errorf("direct+mixed denominator = %d, want 1", r.Speaker.DirectMixedExact.Of)
	}
}

// Worked by hand: the prediction finds the quotation without its marks and
// comma (trimming makes it exact), the clause without "that" (not exact;
// Jaccard 15/20 = 0.75 by bytes, so it matches by overlap), "Smith said"
// as the source of the first (overlaps Smith, not exact), and one spurious
// attribution.
func TestScoreWorkedByHand(t *testing.T) {
	pred := doc("d", "",
		quote(whosaid.Direct, 3, 15, sp(19, 29), sp(25, 29)),
		quote(whosaid.Indirect, 57, 72, sp(31, 36), sp(37, 41)),
		quote(whosaid.Indirect, 31, 36, span.Span{}, span.Span{}),
	)
	r := Score([]Doc{goldDoc()}, []Doc{pred}, nil)
	// Content exact: {3-15 trimmed → 3-14, 57-72, 31-36} vs gold {0-18
	// trimmed → 3-14, 52-72}: the clause without "that" is not exact.
	if r.Content.TP != 1 || r.Content.Pred != 3 || r.Content.Gold != 2 {
		t.Errorf("content = %+v, want 1/3/2", r.Content)
	}
	if !near(r.Content.Precision, 1.0/3) || !near(r.Content.Recall, 0.5) || !near(r.Content.F1, 0.4) {
		t.Errorf("content P/R/F1 = %v/%v/%v, want 1/3, 1/2, 0.4", r.Content.Precision, r.Content.Recall, r.Content.F1)
	}
	// Source: {19-29, 31-36} vs {19-24, 31-36}: 1 of 2 each way.
	if r.Source.TP != 1 || r.Source.Pred != 2 || r.Source.Gold != 2 || !near(r.Source.F1, 0.5) {
		t.Errorf("source = %+v, want 1/2/2 F1 0.5", r.Source)
	}
	if r.Cue.F1 != 1 {
		t.Errorf("cue F1 = %v, want 1", r.Cue.F1)
	}
	// Overlap: both gold matched, 3 predicted: P 2/3, R 1.
	if r.Overlap.TP != 2 || !near(r.Overlap.Precision, 2.0/3) || r.Overlap.Recall != 1 {
		t.Errorf("overlap = %+v, want P 2/3 R 1", r.Overlap)
	}
	if r.RecallByType.Direct.Value != 1 || r.RecallByType.Indirect.Value != 1 || r.RecallByType.Mixed.Of != 0 {
		t.Errorf("recall by type = %+v", r.RecallByType)
	}
	// Speaker: the first is an overlap but not exact, the second both.
	if r.Speaker.Exact.N != 1 || r.Speaker.Exact.Of != 2 || r.Speaker.Overlap.N != 2 {
		t.Errorf("speaker = %+v, want exact 1/2 overlap 2/2", r.Speaker)
	}
}

func TestOverlapBelowHalfDoesNotMatch(t *testing.T) {
	// "plan failed" [61,72) against gold "that the plan failed" [52,72):
	// Jaccard 11/20 = 0.55 matches; "failed" [66,72) gives 6/20 and does not.
	for _, c := range []struct {
		s, e  int
		match bool
	}{{61, 72, true}, {66, 72, false}} {
		g := goldDoc()
		r := Score([]Doc{g}, []Doc{doc("d", "", quote(whosaid.Unknown, c.s, c.e, span.Span{}, span.Span{}))}, nil)
		if got := r.Overlap.TP == 1; got != c.match {
			t.Errorf("[%d,%d) matched = %v, want %v", c.s, c.e, got, c.match)
		}
	}
}

func TestOptionalNeitherRewardedNorPenalised(t *testing.T) {
	g := goldDoc()
	g.Gold = []Annotation{{}, {Optional: true}}
	with := Score([]Doc{g}, []Doc{goldDoc()}, nil)
	without := Score([]Doc{g}, []Doc{doc("d", "", goldDoc().Quotes[:1]...)}, nil)
	if with.Content.F1 != 1 || without.Content.F1 != 1 || with.Overlap.F1 != 1 || without.Overlap.F1 != 1 {
		t.Errorf("F1 with the optional predicted %v/%v, without %v/%v; want 1 each",
			with.Content.F1, with.Overlap.F1, without.Content.F1, without.Overlap.F1)
	}
	if with.Gold != 1 || with.Optional != 1 {
		t.Errorf("gold/optional = %d/%d, want 1/1", with.Gold, with.Optional)
	}
}

func TestSpeakerNamesAndPronouns(t *testing.T) {
	g := goldDoc()
	g.Quotes[0].Entity.Name = "John Smith"
	g.Quotes[1].Entity.Name = "Jones"
	p := goldDoc()
	p.Quotes[0].Entity.Name = "Smith"
	p.Quotes[1].Entity.Name = "he"
	pn := []Pronoun{{ID: "d", Start: 31, End: 36, Pronoun: "Jones", Name: "Bob Jones"}}
	r := Score([]Doc{g}, []Doc{p}, pn)
	if r.SpeakerName == nil || r.SpeakerName.N != 1 || r.SpeakerName.Of != 2 {
		t.Fatalf("speaker name = %+v, want 1/2 (a bare pronoun never counts)", r.SpeakerName)
	}
	if r.Pronouns == nil || r.Pronouns.N != 0 || r.Pronouns.Of != 1 {
		t.Fatalf("pronouns = %+v, want 0/1", r.Pronouns)
	}
	p.Quotes[1].Entity.Name = "Robert Jones"
	if r := Score([]Doc{g}, []Doc{p}, pn); r.Pronouns.N != 1 {
		t.Errorf("pronouns = %+v, want 1/1", r.Pronouns)
	}
}

func TestReadDocsSkipsErrorRecordsAndNamesBadLines(t *testing.T) {
	in := "{\"id\":\"a\",\"quotes\":[]}\n\n{\"line\":3,\"error\":\"bad\"}\n{\"id\":\"b\",\"quotes\":[]}\n"
	docs, err := ReadDocs(strings.NewReader(in))
	if err != nil || len(docs) != 2 || docs[1].ID != "b" {
		t.Fatalf("ReadDocs = %v, %v; want docs a and b", docs, err)
	}
	if _, err := ReadDocs(strings.NewReader("{}\nnot json\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error = %v, want one naming line 2", err)
	}
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := Score([]Doc{goldDoc()}, []Doc{goldDoc()}, nil).WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content", "source", "cue", "recall by gold type", "speaker accuracy"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestCheck(t *testing.T) {
	gold := []Doc{goldDoc()}
	tests := []struct {
		name    string
		gold    []Doc
		pred    []Doc
		wantErr string
	}{
		{"matching ids", gold, []Doc{doc("d", "")}, ""},
		{"no prediction is not an error", gold, nil, ""},
		{"ids of another corpus", gold, []Doc{doc("x1", ""), doc("x2", "")},
			`eval: 2 of 2 predictions have an id that is in no gold document (first "x1", "x2"): are they for this gold file?`},
		{"the one prediction's id of another corpus", gold, []Doc{doc("x1", "")},
			`eval: the prediction's id "x1" is in no gold document: is it for this gold file?`},
		{"one stray id", gold, []Doc{doc("d", ""), doc("e", "")},
			`eval: 1 of 2 predictions has an id that is in no gold document (first "e"): are they for this gold file?`},
		{"an id twice", gold, []Doc{doc("d", ""), doc("d", "")}, `eval: 1 prediction repeats the id of an earlier one (first "d")`},
		{"an id three times", gold, []Doc{doc("d", ""), doc("d", ""), doc("d", "")}, `eval: 2 predictions repeat the id of an earlier one (first "d", "d")`},
		{"empty gold", nil, nil, "eval: the gold has no documents"},
		{"gold document without attributions", []Doc{doc("d", text)}, nil, "eval: the gold document has no attribution to score"},
		{"gold documents without attributions", []Doc{doc("d", text), doc("e", text)}, nil, "eval: the 2 gold documents have no attribution to score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.gold, tt.pred)
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.wantErr)
		})
	}
	assert.Equal(t, []string{"d"}, Missing(gold, nil))
	assert.Empty(t, Missing(gold, gold))
}

// TestPredictionFileScoresTheSame writes the predictions of the project's
// annotated articles as a prediction file, reads it back and scores it:
// the scores equal those of the predictions in memory.
func TestPredictionFileScoresTheSame(t *testing.T) {
	gold, err := ReadDocsFile("../testdata/articles/gold.jsonl")
	require.NoError(t, err)
	ex, err := whosaid.New()
	require.NoError(t, err)
	pred := Predict(ex, gold, 2)
	var file bytes.Buffer
	for _, p := range pred {
		line, err := p.MarshalLine()
		require.NoError(t, err)
		file.Write(line)
	}
	back, err := ReadDocs(&file)
	require.NoError(t, err)
	require.NoError(t, Check(gold, back))
	assert.Equal(t, Score(gold, pred, nil), Score(gold, back, nil))
}
