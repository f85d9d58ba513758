package quote

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/sentence"
)

func FuzzDetect(f *testing.F) {
	for _, tt := range detectTests {
		f.Add(tt.in)
	}
	for _, tt := range conventionTests {
		f.Add(tt.in)
	}
	for _, s := range []string{
		"", "\"", "'", "''", "“", "”", "\xe2\x80", "\xe2", "\xc2", "\xe3\x80",
		"\xff\xfe“\x00”", "“a\n\n“b\n\n”c”", "‘’‘’'''\"\"\"", "— a — b\n— c",
		"<a href=\"x\">“y”</a>", "“a ‘b “c ‘d “e ‘f “g ‘h “i ‘j’ i” h’ g” f’ e” d’ c” b’ a”",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(corpustest.File("seed/blinken-paris.txt")); err == nil {
		f.Add(string(b))
	}
	dash, err := New(WithDialogueDash(true))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := sentence.Split(text)
		qs := Detect(text, sents)
		checkInvariants(t, text, qs)
		if again := Detect(text, sents); !reflect.DeepEqual(qs, again) {
			t.Fatalf("Detect is not deterministic on %q", text)
		}
		checkInvariants(t, text, Detect(text, nil))
		checkInvariants(t, text, dash.Detect(text, nil))
	})
}

// TestHostile runs inputs built to make a careless pairer quadratic and
// checks that each takes time in proportion to its size.
func TestHostile(t *testing.T) {
	five := strings.Repeat("All work and no play makes a dull day. ", 5<<20/39)
	cases := []struct {
		name string
		text string
	}{
		{"openers without closer", strings.Repeat("“", 100000)},
		{"openers with words", strings.Repeat("“a ", 100000)},
		{"alternating", strings.Repeat("“”", 1000000)},
		{"alternating with words", strings.Repeat("“a” ", 500000)},
		{"closers only", strings.Repeat("” ", 500000)},
		{"5 MB quotation", "“" + five + "”"},
		{"5 MB unclosed", "He said “" + five},
		{"page of apostrophes", strings.Repeat("'", 1<<20)},
		{"apostrophes and words", strings.Repeat("a' 'b ", 200000)},
		{"straight marks", strings.Repeat("\" ", 500000)},
		{"nesting alternates", strings.Repeat("“‘", 200000)},
		{"paragraphs re-opened", strings.Repeat("“a b c.\n\n", 200000)},
		{"lines re-opened", strings.Repeat("“a b c.\n", 200000)},
		{"blank lines", strings.Repeat("\n \n", 500000)},
		{"possessives in a quote", "‘" + strings.Repeat("the bosses’ ", 200000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Finishing at all is the test (a quadratic pairing would take
			// hours here); linear time is shown by the benchmarks.
			start := time.Now()
			qs := Detect(c.text, nil)
			t.Logf("%d bytes in %v, %d quotations", len(c.text), time.Since(start), len(qs))
			if len(c.text) < 3<<20 || testing.Short() {
				checkInvariants(t, c.text, qs)
			}
		})
	}
}
