package coref

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

func FuzzResolve(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text, 0, 3)
	}
	f.Add("He said \xff\xfe “I” they\x00 said Mr.", 1, 2)
	f.Add("Mr. \"\" ''I'' — , his the A B C and D E officials of the F", 0, 40)
	f.Add("The F.B.I. and Outsports.com said at 9 a.m. that they’re sure; Sens. Lee and Can't, Jones' aides", 0, 12)
	f.Add("", 0, 0)
	lex, err := lexicon.Load()
	require.NoError(f, err)
	var s token.Stream
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		sents := sentence.Split(text)
		s.Scan(text, sents, quote.Detect(text, sents), lex)
		// Every run of non-spaces is a speaker mention in turn.
		var attrs []Attr
		for i := 0; i < len(text); {
			j := i
			for j < len(text) && text[j] != ' ' {
				j++
			}
			if j > i {
				attrs = append(attrs, Attr{Speaker: span.Of(text, i, j), Extent: span.Of(text, a, b)})
			} else {
				attrs = append(attrs, Attr{Continuation: true})
			}
			i = j + 1
		}
		ents := Resolve(&s, attrs)
		require.Len(t, ents, len(attrs))
		// The scan keeps its words and mentions in order: pronouns search
		// them.
		sc := newResolver(&s, nil).s
		for k := 1; k < len(sc.words); k++ {
			require.LessOrEqual(t, sc.words[k-1].end, sc.start(k), "words overlap")
		}
		for k := 1; k < len(sc.ments); k++ {
			require.LessOrEqual(t, sc.ments[k-1].start, sc.ments[k].start, "scan mentions out of order")
			// mentionAt relies on it: their words in order of first and last.
			require.LessOrEqual(t, sc.ments[k-1].w0, sc.ments[k].w0, "scan mentions out of order")
			require.LessOrEqual(t, sc.ments[k-1].w1, sc.ments[k].w1, "scan mentions out of order")
		}
		for i, e := range ents {
			checkMentions(t, text, e.Mentions)
			sp := attrs[i].Speaker
			if sp.Empty() {
				continue
			}
			require.True(t, e.ID > 0 && e.Name != "", "speaker %q has no entity", sp.Text)
			require.True(t, containsSpan(e.Mentions, sp), "speaker %v not among the mentions %v", sp, e.Mentions)
		}
	})
}
