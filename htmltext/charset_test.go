package htmltext

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// story is a paragraph with curly quotes and an accented name, in UTF-8.
const story = "“We will appeal,” said José Núñez."

func TestEncodings(t *testing.T) {
	cp1252 := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		require.NoError(t, err)
		return b
	}
	utf16le := func(s string) string {
		units := utf16.Encode([]rune(s))
		b := []byte{0xff, 0xfe}
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	utf16be := func(s string) string {
		units := utf16.Encode([]rune(s))
		b := []byte{0xfe, 0xff}
		for _, u := range units {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	page := func(head string) string {
		return "<html><head>" + head + "<title>T</title></head><body><p>" + story + "</p></body></html>"
	}
	// A head of more than 1024 bytes of ASCII, so that the bytes that tell
	// the encoding come after it.
	longHead := "<meta name=description content=\"" + strings.Repeat("x", 1100) + "\">"
	tests := []struct {
		name, page string
	}{
		{"UTF-8", page(`<meta charset="utf-8">`)},
		{"UTF-8 with a byte order mark", "\ufeff" + page("")},
		{"UTF-8 undeclared after a long ASCII head", page(longHead)},
		{"windows-1252 declared", cp1252(page(`<meta charset="windows-1252">`))},
		{"iso-8859-1 declared by http-equiv", cp1252(page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`))},
		{"windows-1252 undeclared", cp1252(page(""))},
		{"windows-1252 undeclared after a long ASCII head", cp1252(page(longHead))},
		{"UTF-16LE with a byte order mark", utf16le(page(""))},
		{"UTF-16BE with a byte order mark", utf16be(page(""))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract(strings.NewReader(tt.page))
			require.NoError(t, err)
			assert.Equal(t, story, got)
		})
	}
}

func TestUTF8WithAStrayByteStaysUTF8(t *testing.T) {
	got := extract(t, "<p>“Yes,” she said. Caf\xe9 “no” and “maybe”.</p>")
	assert.Equal(t, "“Yes,” she said. Caf\ufffd “no” and “maybe”.", got)
}
