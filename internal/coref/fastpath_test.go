package coref

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLowerCaseWords checks what mentions reads of a word in lower case
// without calling nameWord and groupNoun: that it is no name word, and a
// group noun exactly when its form is one, with the form's group noun.
func TestLowerCaseWords(t *testing.T) {
	for _, text := range []string{
		"Officials said the police and staff of the agency met aides of Sen. Lee.",
		"[Hugh Hill, a doctor,] said the people who voted were Republicans.",
		"“Environmentalists,” he said, “and the officials can't agree.” Spokesmen declined.",
		"the F.B.I. and outsports.com said at 9 a.m. that they’re sure; Jones' aides didn't",
	} {
		t.Run(text, func(t *testing.T) {
			s := newResolver(streamOf(t, text), nil).s
			for i := range s.words {
				if s.words[i].has(wCap) {
					continue
				}
				assert.False(t, s.nameWord(i), "word %d", i)
				g, ok := (&resolver{s: s}).groupNoun(i)
				id := s.words[i].form
				assert.Equal(t, ok, s.formIs(id, fGroupNoun), "word %d", i)
				if ok {
					assert.Equal(t, g, s.extras[s.forms[id].extra-1].group, "word %d", i)
				}
			}
		})
	}
}

// TestWordsInSentences checks what headlines reads of the words: each
// word's first token lies in its sentence's tokens, and the words and
// sentences are in order, so that the words of a sentence are those from
// its first on whose first token is before its end.
func TestWordsInSentences(t *testing.T) {
	for _, text := range []string{
		"Paul Ryan Thinks Trump Can Win. Officials said so. “Yes,” he said.",
		"The F.B.I. and Outsports.com said at 9 a.m. that they’re sure; Sens. Lee and Can't, Jones' aides",
		"Mr. \"\" ''I'' — , his the A B C and D E officials of the F",
		"One.\n\nTwo words. Three more words here",
	} {
		t.Run(text, func(t *testing.T) {
			s := newResolver(streamOf(t, text), nil).s
			for k := range s.words {
				sent := s.st.Sents[s.sentOf(k)]
				assert.GreaterOrEqual(t, s.words[k].tok, sent.First, "word %d", k)
				assert.Less(t, s.words[k].tok, sent.End, "word %d", k)
				if k > 0 {
					assert.Less(t, s.words[k-1].tok, s.words[k].tok, "word %d", k)
				}
			}
			for i := 1; i < len(s.st.Sents); i++ {
				assert.LessOrEqual(t, s.st.Sents[i-1].End, s.st.Sents[i].First, "sentence %d", i)
			}
		})
	}
}
