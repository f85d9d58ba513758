package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/whosaid/whosaid"
)

// TestHTMLEncodings runs the command's HTML paths (the main command, verify
// and speakers with --input html) on pages that are not UTF-8: a
// windows-1252 page, whose curly quotes are the bytes 0x93 and 0x94, and
// UTF-16 pages with a byte order mark. Each must give the text of the page
// in UTF-8, the quotation with its curly marks and its speaker with his
// accents, as the UTF-8 page does; not U+FFFD for the marks and no
// quotation, nor the page's markup read as text.
func TestHTMLEncodings(t *testing.T) {
	const story = "“We will appeal,” said José Núñez, the council’s lawyer."
	page := func(head string) string {
		return "<html><head>" + head + "<title>Court</title></head><body><p>" + story + "</p></body></html>"
	}
	cp1252 := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		require.NoError(t, err)
		return b
	}
	utf16With := func(bom []byte, put func(b []byte, u uint16) []byte) func(string) string {
		return func(s string) string {
			b := append([]byte(nil), bom...)
			for _, u := range utf16.Encode([]rune(s)) {
				b = put(b, u)
			}
			return string(b)
		}
	}
	utf16le := utf16With([]byte{0xff, 0xfe}, func(b []byte, u uint16) []byte { return append(b, byte(u), byte(u>>8)) })
	utf16be := utf16With([]byte{0xfe, 0xff}, func(b []byte, u uint16) []byte { return append(b, byte(u>>8), byte(u)) })

	want := whosaid.Extract(story)
	require.NotEmpty(t, want)
	require.Equal(t, "“We will appeal,”", want[0].Text)
	require.Equal(t, "José Núñez", want[0].Entity.Name)

	dir := t.TempDir()
	tests := []struct {
		name, page string
	}{
		{"UTF-8", page(`<meta charset="utf-8">`)},
		{"windows-1252 declared", cp1252(page(`<meta charset="windows-1252">`))},
		{"windows-1252 undeclared", cp1252(page(""))},
		{"UTF-16LE with a byte order mark", utf16le(page(""))},
		{"UTF-16BE with a byte order mark", utf16be(page(""))},
	}
	for i, tt := range tests {
		file := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".html")
		require.NoError(t, os.WriteFile(file, []byte(tt.page), 0o644))
		t.Run(tt.name, func(t *testing.T) {
			if i > 0 {
				require.NotContains(t, tt.page, story, "the page is not in UTF-8")
			}
			t.Run("extract", func(t *testing.T) {
				out, errOut, code := runIn(t, "", "--input", "html", "--format", "jsonl", file)
				require.Equal(t, 0, code, errOut)
				var rec whosaid.Record
				require.NoError(t, json.Unmarshal([]byte(out), &rec), out)
				assert.Equal(t, story, rec.Text)
				require.Len(t, rec.Quotes, len(want))
				for k, q := range rec.Quotes {
					assert.Equal(t, want[k].Text, q.Text)
					assert.Equal(t, want[k].Entity.Name, q.Entity.Name)
				}
			})
			t.Run("verify", func(t *testing.T) {
				out, errOut, code := runIn(t, "", "verify", "--input", "html", "--quote", "We will appeal", "--speaker", "Núñez", file)
				require.Equal(t, 0, code, errOut)
				vs := readVerdicts(t, out)
				require.Len(t, vs, 1)
				assert.Equal(t, "verbatim", vs[0].Verdict)
				require.NotNil(t, vs[0].Speaker)
				assert.Equal(t, "José Núñez", *vs[0].Speaker)
				require.NotNil(t, vs[0].SpeakerMatch)
				assert.True(t, *vs[0].SpeakerMatch)
			})
			t.Run("speakers", func(t *testing.T) {
				out, errOut, code := runIn(t, "", "speakers", "--input", "html", file)
				require.Equal(t, 0, code, errOut)
				sp, errs := readSpeakers(t, out)
				assert.Empty(t, errs)
				require.Len(t, sp, 1)
				assert.Equal(t, "José Núñez", sp[0].Speaker)
			})
		})
	}
}
