package whosaid

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArticle(t *testing.T) {
	for _, c := range []struct {
		line    string
		id      string
		text    string
		wantErr string
	}{
		{`{"id": "a", "text": "He said so."}`, "a", "He said so.", ""},
		{`{"id": 7, "text": ""}`, "7", "", ""},
		{`{"text": "no id", "extra": [1, 2]}`, "", "no id", ""},
		{`{"id": "b"}`, "b", "", `missing "text"`},
		{`{"id": "c", "text": 42}`, "c", "", "not a string"},
		{`{"id": "d", "text": null}`, "d", "", "not a string"},
		{"{\"id\": \"e\", \"text\": \"caf\xe9\"}", "e", "", "UTF-8"},
		{`{"id": "f", "text": "unterminated`, "", "", "not a JSON object"},
		{`["not", "an object"]`, "", "", "not a JSON object {\"id\": ..., \"text\": ...} but an array"},
		{`"a string"`, "", "", "but a string"},
		{`{"id": "h", "text": "He said \ud800 ok."}`, "h", "", `"text" holds \ud800, half of a UTF-16 surrogate pair`},
		{`{"id": "i", "text": "low \uDC00 first"}`, "i", "", `\uDC00, half`},
		{`{"id": "j", "text": "a high half \ud83d then text"}`, "j", "", "surrogate"},
		{`{"id": "k", "text": "pair \ud83d\ude00 ok"}`, "k", "pair 😀 ok", ""},
		{`{"id": "l", "text": "a backslash \\ud800 is text"}`, "l", `a backslash \ud800 is text`, ""},
		{"{\"id\": \"m\xff\", \"text\": \"t\"}", "m\ufffd", "", `"id" is not valid UTF-8 (byte 0xff)`},
		{`{"id": "\udfff", "text": "t"}`, "\ufffd", "", `"id" holds \udfff`},
		{`{"id": {"x": 1}, "text": "t"}`, "", "", `"id"`},
		{`{"ID": "g", "Text": "any case"}`, "g", "any case", ""},
	} {
		a, err := ParseArticle([]byte(c.line))
		if c.wantErr == "" {
			if err != nil || a.ID != c.id || a.Text != c.text {
				t.Errorf("ParseArticle(%q) = %+v, %v; want id %q text %q", c.line, a, err, c.id, c.text)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("ParseArticle(%q) error = %v, want one containing %q", c.line, err, c.wantErr)
		}
		if a.ID != c.id {
			t.Errorf("ParseArticle(%q) id = %q, want %q (an error names the id it could read)", c.line, a.ID, c.id)
		}
	}
}

func TestRecordLineOmitsEmptyText(t *testing.T) {
	r := NewRecord("x", nil)
	line, err := r.MarshalLine()
	if err != nil || string(line) != `{"id":"x","quotes":[]}`+"\n" {
		t.Fatalf("MarshalLine = %q, %v", line, err)
	}
	r.Text = "<b>"
	if line, _ = r.MarshalLine(); string(line) != `{"id":"x","text":"<b>","quotes":[]}`+"\n" {
		t.Errorf("MarshalLine with text = %q (HTML characters are kept as they are)", line)
	}
}

func TestMaxBytes(t *testing.T) {
	para := "“We will win,” Smith said.\n\n"
	text := strings.Repeat(para, 10)
	ex, err := New(WithMaxBytes(3*len(para) + 5))
	if err != nil {
		t.Fatal(err)
	}
	as := ex.Extract(text)
	if len(as) != 3 {
		t.Fatalf("got %d attributions within the bound, want the 3 whole paragraphs before it", len(as))
	}
	for _, a := range as {
		if a.Extent.End > 3*len(para) || text[a.Extent.Start:a.Extent.End] != a.Extent.Text {
			t.Errorf("attribution %+v lies past the cut or off the text", a.Extent)
		}
	}
	if _, err := New(WithMaxBytes(0)); err == nil {
		t.Error("WithMaxBytes(0): want an error from New")
	}
	for _, c := range []struct {
		text string
		n    int
		want int
	}{
		{"short", 10, 5},
		{"ab\n\ncd\n\nef", 9, 7},
		{"ab\ncd ef", 6, 3},
		{"aé", 2, 1}, // never inside a character
		{"abc", 2, 2},
	} {
		if got := cut(c.text, c.n); got != c.want {
			t.Errorf("cut(%q, %d) = %d, want %d", c.text, c.n, got, c.want)
		}
	}
}

// FuzzParseArticle checks that any line either parses into an article of
// valid Unicode or is refused with an error, never a panic.
func FuzzParseArticle(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "He said so."}`, `{"id": 7, "text": ""}`, `["x"]`,
		`{"text": "He said \ud800 ok."}`, `{"text": "pair \ud83d\ude00"}`, `{"text": "\\ud800"}`,
		"{\"id\": \"\xff\", \"text\": \"t\"}", `{"text": "\u00e9\uDBFF\uDFFF"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		a, err := ParseArticle(line)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.ID) {
			t.Fatalf("ParseArticle(%q) accepted text %q id %q that are not valid UTF-8", line, a.Text, a.ID)
		}
		if strings.ContainsRune(a.Text, utf8.RuneError) && !strings.Contains(string(line), "\ufffd") && !strings.Contains(strings.ToLower(string(line)), `\ufffd`) {
			t.Fatalf("ParseArticle(%q) replaced something with U+FFFD: %q", line, a.Text)
		}
	})
}

// TestWriteLineIsTheEncoding checks that WriteLine, which writes a record
// one quote at a time, writes the bytes the JSON encoder makes of the whole
// record, whatever the record holds.
func TestWriteLineIsTheEncoding(t *testing.T) {
	text := `He said "quotes":[] is <b>bold</b>, “We will not raise taxes,” Governor Maria Lopez told reporters. "It's done," Lee said.`
	attrs := Extract(text)
	require.NotEmpty(t, attrs)
	full := NewRecord(`id "quotes":[]`, attrs)
	full.Entities = Entities(attrs)
	full.Text, full.Line = text, 7
	full.Cut = &Cut{Offset: 3, Bound: "max-bytes", Limit: 3}
	for _, c := range []struct {
		name string
		rec  Record
	}{
		{"no quotes", NewRecord("x", nil)},
		{"quotes", NewRecord("x", attrs)},
		{"quotes, entities, text, line and cut", full},
		{"entities alone", Record{ID: "e", Quotes: []Attribution{}, Entities: full.Entities}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(c.rec))
			var got bytes.Buffer
			require.NoError(t, c.rec.WriteLine(&got))
			assert.Equal(t, want.String(), got.String())
			line, err := c.rec.MarshalLine()
			require.NoError(t, err)
			assert.Equal(t, want.String(), string(line))
		})
	}
	// An error of the writer comes back as it is.
	err := NewRecord("x", attrs).WriteLine(failingWriter{})
	assert.ErrorIs(t, err, errWrite)
}

var errWrite = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }
