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
