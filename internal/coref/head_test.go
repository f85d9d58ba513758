package coref

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bracketed is a sentence with its noun phrase in [brackets], the head
// word in {braces}, a | before the word where the head's part ends (none
// when it runs to the phrase's end) and a proper name in <angle brackets>;
// the offsets are those of the text without the marks.
type bracketed struct {
	text               string
	phrase, phraseEnd  int
	head, cut          int // -1 for none
	nameStart, nameEnd int // equal when there is no name
}

// parseBracketed reads the marks of s.
func parseBracketed(tb testing.TB, s string) bracketed {
	tb.Helper()
	b := bracketed{phrase: -1, phraseEnd: -1, head: -1, cut: -1}
	var text strings.Builder
	for i := 0; i < len(s); i++ {
		switch n := text.Len(); s[i] {
		case '[':
			b.phrase = n
		case ']':
			b.phraseEnd = n
		case '{':
			b.head = n
		case '|':
			b.cut = n
		case '<':
			b.nameStart = n
		case '>':
			b.nameEnd = n
		case '}':
		default:
			text.WriteByte(s[i])
		}
	}
	require.True(tb, b.phrase >= 0 && b.phraseEnd > b.phrase && b.head >= 0, "%q: marks", s)
	b.text = text.String()
	return b
}

func TestHead(t *testing.T) {
	tests := []string{
		// The head's part ends before a preposition.
		"[a {spokesman} |for the Justice Department] said",
		"[a senior State Department {official}] said",
		"[an {analyst} |at the firm] said",
		"[the {campaign} |of Hillary Clinton] said",
		"[two {people} |with knowledge of the talks] said",
		"[a {source} |close to the campaign] said",
		"[{people} |familiar with the plan] said",
		"[{members} |of the Congressional Black Caucus] said",
		// ... before a relative pronoun.
		"[{officials} |who asked not to be named] said",
		"[the {group} |that organized it] said",
		"[the {company}, |whose shares fell,] said",
		// ... after a comma, an opening bracket or an em dash.
		"[Hugh {Hill}, |a doctor,] said",
		"[{Rendell}, |a Clinton surrogate,] said",
		"[former Pennsylvania Gov. Ed {Rendell}, |who served] said",
		"[a {spokeswoman} (|who declined to be named)] said",
		"[the {minister} — |a veteran of the talks —] said",
		// Adverbs, emphatic pronouns and quantifiers after the head.
		"[the {officials} themselves] said",
		"[{Obama} too] said",
		"[the {leaders} both] said",
		"[the {man} himself] said",
		"[the {Democrats} here] said",
		"[the {organizers} alone] said",
		"[{Republicans} also |in the House] said",
		"[Vice President Joseph R. {Biden} Jr.] said",
		// A clitic or a possessive apostrophe is part of its word.
		"[Biden's {spokesman}] said",
		"[{Biden}'s] said",
		"[the veterans' {groups}] said",
		"[{They}'re] sure",
		"[the 1,000 {workers}] said",
		// A word cut at a full stop is one word.
		"[the {F.B.I.}] said",
		"[{Outsports.com}] reported",
		// One word.
		"[{They}] said",
		"[{officials}] said",
		"[The {official}] said",
		// The words of a name never end the head's part.
		"[the <Bank of America> {spokesman}] said",
		"[the {Bank} |of America spokesman] said",
		"[<Secretary of State> Antony {Blinken}] said",
	}
	for _, tc := range tests {
		t.Run(tc, func(t *testing.T) {
			b := parseBracketed(t, tc)
			s := streamOf(t, b.text)
			first, end := s.At(b.phrase), s.At(b.phraseEnd)
			require.Less(t, first, end)
			var inName func(int) bool
			if b.nameEnd > b.nameStart {
				inName = func(i int) bool {
					st := int(s.Toks[i].Start)
					return st > b.nameStart && st < b.nameEnd
				}
			}
			head, cut := Head(s, first, end, inName)
			assert.Equal(t, b.head, int(s.Toks[head].Start), "head %q", s.Str(head))
			if b.cut >= 0 {
				require.Less(t, cut, end, "no cut")
				assert.Equal(t, b.cut, int(s.Toks[cut].Start), "cut at %q", s.Str(cut))
			} else {
				assert.Equal(t, end, cut, "cut")
			}
		})
	}
}
