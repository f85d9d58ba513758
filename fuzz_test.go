package whosaid_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// fuzzSeedLimit keeps large testdata files out of the seed corpus: the
// fuzzer mutates small inputs far faster.
const fuzzSeedLimit = 64 << 10

// fuzzSeeds returns the seed corpus of FuzzExtract: every file under
// testdata/ but the fuzzer's own corpus, the seed article when present, and hand-made degenerate inputs
// (invalid UTF-8, NUL bytes, unbalanced and truncated quote marks).
func fuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	seeds := []string{
		"",
		`"Bob."` + "\n\n" + `"What."`,
		`""=`,
		"“We will win,” Smith said. “And soon.”",
		"“Unclosed, she said. Then nothing",
		"He said “yes” and ‘no’ and «peut-être» and „ja“ and 「はい」.",
		"“\xe2\x80",
		"\xe2\x80\x9cHalf a mark\xe2\x80",
		"\xff\xfe“caf\xe9,” he said\x00.",
		"said\x00“\x00”\x00said",
		"Line one.\r\nLine two, “he said.”\rLine three.\r\n\r\nNew paragraph.",
		"“مرحبا 👋🏽 שלום,” said Ali. “\u202eevil\u202c,” he added.",
		"'''’’’‘‘‘don’t ’90s Jones’ rock ’n’ roll",
		"“”“”“”“”“”“”",
		"According to the official, the plan “is dead.”",
	}
	_ = filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path == filepath.Join("testdata", "fuzz") {
				return fs.SkipDir // the fuzzer's own corpus, read by go test
			}
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil && len(b) <= fuzzSeedLimit {
			seeds = append(seeds, string(b))
		}
		return nil
	})
	if b, err := os.ReadFile(seedPath); err == nil {
		seeds = append(seeds, string(b))
	}
	return seeds
}

// FuzzExtract checks that Extract never panics, that every span it returns
// is in bounds and equals the text it claims to cover, that the pieces of
// an attribution lie inside its content, and that a second call returns the
// same result. The stages' own outputs are checked on the way.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	e, err := whosaid.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := sentence.Split(text)
		if err := checkSentences(text, sents); err != nil {
			t.Fatalf("sentence.Split: %v", err)
		}
		if err := checkQuotes(text, sents, quote.Detect(text, sents)); err != nil {
			t.Fatalf("quote.Detect: %v", err)
		}
		first := e.Extract(text)
		if err := checkAttributions(text, first); err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if second := e.Extract(text); !reflect.DeepEqual(first, second) {
			t.Fatalf("Extract is not deterministic:\nfirst  %+v\nsecond %+v", first, second)
		}
	})
}

// checkSpan reports whether s is a span of text: 0 <= Start <= End <=
// len(text) and text[Start:End] == Text. An absent span is the zero Span.
func checkSpan(text, what string, s span.Span) error {
	return checkRange(text, what, s.Start, s.End, s.Text)
}

func checkRange(text, what string, start, end int, got string) error {
	if start < 0 || end < start || end > len(text) {
		return fmt.Errorf("%s [%d,%d) out of bounds (len %d)", what, start, end, len(text))
	}
	if text[start:end] != got {
		return fmt.Errorf("%s [%d,%d): Text %q, text has %q", what, start, end, clip(got), clip(text[start:end]))
	}
	return nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:40] + "…" + s[len(s)-40:]
	}
	return s
}

// checkSentences checks that sents are non-empty spans of text, in order,
// without overlap, with paragraph indexes that start at 0 and never go back.
func checkSentences(text string, sents []sentence.Sentence) error {
	prevEnd, prevPara := 0, 0
	for i, s := range sents {
		const what = "sentence"
		if err := checkRange(text, what, s.Start, s.End, s.Text); err != nil {
			return fmt.Errorf("%d: %w", i, err)
		}
		if s.End == s.Start {
			return fmt.Errorf("%s %d [%d,%d) is empty", what, i, s.Start, s.End)
		}
		if s.Start < prevEnd {
			return fmt.Errorf("%s %d [%d,%d) starts before the previous one ends (%d)", what, i, s.Start, s.End, prevEnd)
		}
		if s.Paragraph < prevPara || s.Paragraph < 0 {
			return fmt.Errorf("%s %d has paragraph %d after %d", what, i, s.Paragraph, prevPara)
		}
		prevEnd, prevPara = s.End, s.Paragraph
	}
	return nil
}

// checkQuotes checks that qs are spans of text in order of their start,
// properly nested, with Depth their nesting level, Inner inside the
// quotation, the marks at its edges and sentence and paragraph indexes
// that exist.
func checkQuotes(text string, sents []sentence.Sentence, qs []quote.Quote) error {
	paras := 0
	if len(sents) > 0 {
		paras = sents[len(sents)-1].Paragraph + 1
	}
	var open []quote.Quote // enclosing quotations, outermost first
	for i, q := range qs {
		if err := checkQuote(text, q, len(sents), paras); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		if i > 0 && q.Start < qs[i-1].Start {
			return fmt.Errorf("quote %d starts at %d, before quote %d (%d)", i, q.Start, i-1, qs[i-1].Start)
		}
		for len(open) > 0 && open[len(open)-1].End <= q.Start {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			if o := open[len(open)-1]; q.End > o.End {
				return fmt.Errorf("quote %d [%d,%d) crosses [%d,%d)", i, q.Start, q.End, o.Start, o.End)
			}
		}
		if q.Depth != len(open) {
			return fmt.Errorf("quote %d [%d,%d) has Depth %d inside %d quotations", i, q.Start, q.End, q.Depth, len(open))
		}
		open = append(open, q)
	}
	return nil
}

// checkQuote checks one quotation of text with nsents sentences in nparas
// paragraphs.
func checkQuote(text string, q quote.Quote, nsents, nparas int) error {
	if err := checkRange(text, "quotation", q.Start, q.End, q.Text); err != nil {
		return err
	}
	if err := checkSpan(text, "inner", q.Inner); err != nil {
		return err
	}
	if q.Inner.Start < q.Start || q.Inner.End > q.End {
		return fmt.Errorf("inner [%d,%d) outside [%d,%d)", q.Inner.Start, q.Inner.End, q.Start, q.End)
	}
	if len(q.Open) > len(q.Text) || q.Text[:len(q.Open)] != q.Open {
		return fmt.Errorf("%q does not start with its mark %q", clip(q.Text), q.Open)
	}
	if q.Closed != (q.Close != "") {
		return fmt.Errorf("Closed=%v with Close %q", q.Closed, q.Close)
	}
	if len(q.Close) > len(q.Text) || q.Text[len(q.Text)-len(q.Close):] != q.Close {
		return fmt.Errorf("%q does not end with its mark %q", clip(q.Text), q.Close)
	}
	if err := checkIndexes("sentences", q.FirstSentence, q.LastSentence, nsents); err != nil {
		return err
	}
	return checkIndexes("paragraphs", q.FirstParagraph, q.LastParagraph, nparas)
}

// checkIndexes checks a first/last pair of indexes into n items: both -1,
// or 0 <= first <= last < n.
func checkIndexes(what string, first, last, n int) error {
	if first == -1 && last == -1 {
		return nil
	}
	if first < 0 || last < first || last >= n {
		return fmt.Errorf("%s %d..%d out of range (%d)", what, first, last, n)
	}
	return nil
}

// checkAttributions checks every span of every attribution (content,
// fragments, quoted words, speaker, cue, addressee, entity mentions) against
// text, that the fragments and the quoted words lie inside the content,
// that attributions come in order of their content's start and that
// confidences are in [0,1].
func checkAttributions(text string, attrs []whosaid.Attribution) error {
	for i, a := range attrs {
		if err := checkAttribution(text, a); err != nil {
			return fmt.Errorf("attribution %d: %w", i, err)
		}
		if i > 0 && a.Extent.Start < attrs[i-1].Extent.Start {
			return fmt.Errorf("attribution %d: content starts at %d, before attribution %d (%d)", i, a.Extent.Start, i-1, attrs[i-1].Extent.Start)
		}
	}
	return nil
}

func checkAttribution(text string, a whosaid.Attribution) error {
	if err := checkSpan(text, "content", a.Extent); err != nil {
		return err
	}
	if a.Extent.Empty() {
		return fmt.Errorf("empty content [%d,%d)", a.Extent.Start, a.Extent.End)
	}
	if len(a.Spans) == 0 {
		return fmt.Errorf("no content fragments")
	}
	for j, s := range a.Spans {
		if err := checkInside(text, "fragment", j, s, a.Extent); err != nil {
			return err
		}
	}
	for j, s := range a.Quoted {
		if err := checkInside(text, "quoted", j, s, a.Extent); err != nil {
			return err
		}
	}
	if err := checkSpan(text, "speaker", a.Speaker); err != nil {
		return err
	}
	if err := checkSpan(text, "cue", a.Cue); err != nil {
		return err
	}
	if err := checkSpan(text, "addressee", a.Addressee); err != nil {
		return err
	}
	for j, m := range a.Entity.Mentions {
		if err := checkSpan(text, "entity mention", m); err != nil {
			return fmt.Errorf("entity %d mention %d: %w", a.Entity.ID, j, err)
		}
	}
	if !(a.Confidence >= 0 && a.Confidence <= 1) {
		return fmt.Errorf("confidence %v outside [0,1]", a.Confidence)
	}
	if a.Type.String() == "unknown" {
		return fmt.Errorf("unknown type %d", a.Type)
	}
	return nil
}

// checkInside checks that s, the j-th fragment or quoted part, is a span of
// text inside the content c.
func checkInside(text, what string, j int, s, c span.Span) error {
	if err := checkSpan(text, what, s); err != nil {
		return fmt.Errorf("%d: %w", j, err)
	}
	if !c.Contains(s) {
		return fmt.Errorf("%s %d [%d,%d) outside content [%d,%d)", what, j, s.Start, s.End, c.Start, c.End)
	}
	return nil
}
