package attribution_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// FuzzResolve checks that Resolve never panics and that every span it
// returns lies in the text with text[Start:End] == Text.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"“The bridge will open in May,” the mayor said.",
		"According to the police report, the driver fled.",
		"Hugh Hill, a doctor, said, “It is over.” “Really,” he added.",
		"He said:\n\n\"We won.\"",
		"PENCE: Well, look.",
		"“A,” she said, “B.” — Jane Doe",
		"said said said , , “ ” \" ' ’s n't Mr. (R-Ky.) — -- :",
		"\xff\xfe“\x00 said \xc3",
		"He said,",
		"He said, ",
		"He said:",
		"“A,” said",
		"Australia. said the official.",
		"X, at a, said",
		"According to",
		"The plan is dead, “the official said, adding that it was” over “soon.",
		"The senator voted for the bill.",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := sentence.Split(text)
		as := attribution.Resolve(text, sents, quote.Detect(text, sents))
		check := func(what string, s span.Span) {
			if s.Empty() && s.Text == "" {
				return
			}
			require.GreaterOrEqual(t, s.Start, 0, "%s %+v is not a span of the text", what, s)
			require.LessOrEqual(t, s.Start, s.End, "%s %+v is not a span of the text", what, s)
			require.LessOrEqual(t, s.End, len(text), "%s %+v is not a span of the text", what, s)
			require.Equal(t, s.Text, text[s.Start:s.End], "%s %+v is not a span of the text", what, s)
		}
		for _, a := range as {
			check("content", a.Extent)
			check("speaker", a.Speaker)
			check("cue", a.Cue)
			check("addressee", a.Addressee)
			require.NotEmpty(t, a.Spans, "no spans: %+v", a)
			for _, s := range a.Spans {
				check("fragment", s)
				require.True(t, a.Extent.Contains(s), "fragment %+v outside content %+v", s, a.Extent)
			}
			for _, s := range a.Quoted {
				check("quoted", s)
			}
			require.GreaterOrEqual(t, a.Confidence, 0.0, "confidence of %+v", a)
			require.LessOrEqual(t, a.Confidence, 1.0, "confidence of %+v", a)
			require.NotEmpty(t, a.Rule, "rule of %+v", a)
			if utf8.ValidString(text) {
				require.True(t, utf8.ValidString(a.Extent.Text), "content %q splits a character", a.Extent.Text)
			}
		}
	})
}
