package tagger

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestByteKinds checks the table normalize reads each byte of a word in
// against the comparisons it stands for.
func TestByteKinds(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		k := byteKinds[b]
		assert.Equal(t, b >= utf8.RuneSelf, k&bWide != 0, "byte %#x wide", b)
		assert.Equal(t, b >= 'A' && b <= 'Z', k&bUpper != 0, "byte %#x upper", b)
		assert.Equal(t, b == '-', k&bHyphen != 0, "byte %#x hyphen", b)
	}
}

// TestWordClass checks that wordClass, which reads only the row's class
// of a word that starts with none of the bytes of the special words, gives
// every word the class of the tests of every special case in prose's
// order (specialClass).
func TestWordClass(t *testing.T) {
	tg, err := New()
	require.NoError(t, err)
	words := []string{"", "-", "--", "-LRB-", "-lrb-", "-x", "@", "@potus", "*", "*T*", "*-1", "*EXP*-12", "0", "00", "0.5",
		"said", "the", "The", ".", ",", ":-)", ":)", "xD", "(ಠ_ಠ)", "¯\\(ツ)/¯", "1999", "A", "Ça", "\xff", "a-b"}
	for e := range emoticons {
		words = append(words, e)
	}
	var s scratch
	for _, w := range words {
		_, raw := tg.normalize(&s, w)
		assert.Equal(t, specialClass(w, tg.m.rows[raw.word].fixed), tg.wordClass(w, raw), "wordClass(%q)", w)
	}
}

// TestClassTags checks that each class's entry holds its tag and that
// tag's ID, which tag reads for a word of the class.
func TestClassTags(t *testing.T) {
	m, err := load()
	require.NoError(t, err)
	require.Len(t, m.classTags, len(m.classes))
	for c, name := range m.classes {
		assert.Equal(t, name, m.classTags[c].tag, "class %d", c)
		assert.Equal(t, m.tags[name], m.classTags[c].id, "class %d", c)
	}
}
