package fold

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIn(t *testing.T) {
	long := strings.Repeat("word", 10)
	set := map[string]bool{"sen": true, "said": true, "é": true, long: true}
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"Sen", true}, {"SAID", true}, {"said", true}, {"É", false}, {"é", true},
		{"sen.", false}, {"", false}, {strings.ToUpper(long), true}, {long + "s", false},
	} {
		if got := In(set, c.w); got != c.want {
			t.Errorf("In(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	for _, w := range []string{"", "said", "SAID", "Said", "o'Neil"} {
		h, upper, ok := HashLower(w)
		if !ok || h != Hash(strings.ToLower(w)) || upper != (w != strings.ToLower(w)) {
			t.Errorf("HashLower(%q) = %d, %v, %v; Hash of its lower case is %d", w, h, upper, ok, Hash(strings.ToLower(w)))
		}
	}
	if _, _, ok := HashLower("café"); ok {
		t.Error("HashLower of a non-ASCII word must not be ok")
	}
	if Hash("said") == Hash("says") {
		t.Error("Hash does not tell two words apart")
	}
	if n := testing.AllocsPerRun(100, func() { In(set, "Said") }); n != 0 {
		t.Errorf("In allocates %v times for a short word", n)
	}
}

// TestHashSteps checks that HashEnd of the bytes added one by one to
// HashStart is Hash.
func TestHashSteps(t *testing.T) {
	for _, w := range []string{"", "a", "said", "Said", "o'neil", "café", "\xff", strings.Repeat("word", 10)} {
		h := HashStart
		for i := 0; i < len(w); i++ {
			h = HashByte(h, w[i])
		}
		assert.Equal(t, Hash(w), HashEnd(h), "%q", w)
	}
}

// TestBits checks that a word added is never turned away, in any case,
// and that most others are.
func TestBits(t *testing.T) {
	var b Bits
	for _, w := range []string{"sen", "gov", "jan", "calif", "u.s", "é"} {
		b.Add(w)
	}
	for _, c := range []struct {
		w    string
		want bool // whether the word was added
	}{
		{"sen", true}, {"Sen", true}, {"SEN", true}, {"sEn", true}, {"Calif", true}, {"U.S", true}, {"é", true},
		{"", false},
	} {
		assert.Equal(t, c.want, b.MayHold(c.w), "MayHold(%q)", c.w)
		assert.Equal(t, c.want, b.MayHoldLower(strings.ToLower(c.w)), "MayHoldLower(%q)", strings.ToLower(c.w))
	}
	// Of words not added, most are turned away.
	words := strings.Fields("said told year Tuesday week percent reporters statement")
	held := 0
	for _, w := range words {
		if b.MayHold(w) {
			held++
		}
	}
	assert.LessOrEqual(t, held*4, len(words), "words not added that may be held")
}
