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

// FuzzResolve checks that Resolve never panics, that every span it
// returns lies in the text with text[Start:End] == Text, and that the
// quoted words of an attribution are the words of a quotation of speech:
// a name or title in quotation marks (the “AUUKUS” alliance, a program
// called “Fix It First”) is never a speaker's quoted words.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"“The bridge will open in May,” the mayor said.",
		"According to the police report, the driver fled.",
		"Hugh Hill, a doctor, said, “It is over.” “Really,” he added.",
		"He said:\n\n\"We won.\"",
		"PENCE: Well, look.",
		"“A,” she said, “B.” — Jane Doe",
		"“A quotation set apart.”\n\n- Jane Doe.\n\n“B”\n-",
		"PeÃ±a Nieto said FranÃ§ois Ã\u00a0 Ã",
		"Officials who met the mayor this week said voters who know him say",
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
		// Names and titles in quotation marks, inside reported speech,
		// beside quoted words and as the subject of a clause.
		"Officials there condemned the Biden administration’s failure to tell them about the “AUUKUS” alliance or to include them as “brutal,” the official said.",
		"The minister said officials were never told about the “AUUKUS” alliance.",
		"The mayor said the city would expand a program called “Fix It First” to every district.",
		"The mayor said the city would expand a program called \"Fix It First\" to every district.",
		"She said the “AUUKUS” alliance was “brutal.”",
		"“Fix It First” will reach every district, the mayor said, and the ‘AUUKUS’ alliance “changes nothing.”",
		"He said the “AUUKUS alliance was over.",
		"The mayor said a program called “Fix It\xff First” would \xe2\x80 expand.",
		// Places, inverted attributions and their narration, verbs outside
		// the lexicon after a quotation, documents and modifiers.
		"Tom Lee, of Austin, Tex., said: “We are ready.” Ann Doe of Mobile, Ala. “Yes.”",
		"Said Tom Lee, of Austin, N.C.:",
		", Tex., said , Miss. , New York,",
		"“You are wrong,” Oliver barked. “We are done.” Trump said.",
		"“It is hard,” said the Florida senator, “because",
		"“The framers agree,” said Dan Golvach when asked about it",
		"“With every vote we grow,” read the email. “No,” said the.",
		"The senator released the following statement:\n\n“We will win.”",
		"A source familiar with the ad said it would run. A memo seen by said",
		"“They must,” Amy Pope, deputy homeland security advisor, said on a call with",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := sentence.Split(text)
		qs := quote.Detect(text, sents)
		as := attribution.Resolve(text, sents, qs)
		speech := map[span.Span]bool{}
		for _, q := range qs {
			if q.Kind == quote.Speech {
				speech[q.Inner] = true
			}
		}
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
				require.True(t, speech[s], "quoted %+v of %+v is not the words of a quotation of speech", s, a)
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
