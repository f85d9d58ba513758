package htmltext_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/htmltext"
)

// TestTwin checks that each HTML article of testdata/html gives the same
// attributions as its plain-text twin (the .txt file of the same name):
// the same records, offsets included, when the text taken from the HTML
// is the twin's text, and the same contents in the same order otherwise.
func TestTwin(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "testdata", "html", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no HTML articles in testdata/html (%v)", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := htmltext.Extract(f)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".txt")
			if err != nil {
				t.Fatalf("no plain-text twin: %v", err)
			}
			twin := string(b)
			if got != twin {
				t.Errorf("the text taken from the HTML differs from the twin:\n got %q\nwant %q", got, twin)
			}
			fromHTML := whosaid.NewRecord("html", whosaid.Extract(got))
			fromText := whosaid.NewRecord("html", whosaid.Extract(twin))
			if len(fromText.Quotes) == 0 {
				t.Errorf("the twin gives no attributions: the test compares nothing")
			}
			if got == twin {
				if a, b := line(t, fromHTML), line(t, fromText); a != b {
					t.Errorf("records differ:\nHTML %s\ntext %s", a, b)
				}
				return
			}
			// Different texts: compare what was found, not where.
			if a, b := contents(fromHTML), contents(fromText); a != b {
				t.Errorf("attributions differ:\nHTML %s\ntext %s", a, b)
			}
		})
	}
}

func line(t *testing.T, r whosaid.Record) string {
	t.Helper()
	b, err := r.MarshalLine()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// contents is the record without offsets.
func contents(r whosaid.Record) string {
	type q struct {
		Type, Text, Speaker, Name, Cue, Rule string
	}
	var out []q
	for _, x := range r.Quotes {
		out = append(out, q{
			Type: x.Type.String(), Text: x.Text, Rule: x.Rule,
			Speaker: x.Speaker.Text, Name: x.Entity.Name, Cue: x.Cue.Text,
		})
	}
	b, _ := json.Marshal(out)
	return string(b)
}
