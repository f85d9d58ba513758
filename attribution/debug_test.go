package attribution_test

import (
	"strings"

	"github.com/jdkato/prose/v3/tag"
	"os"
	"testing"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func TestDebugText(t *testing.T) {
	text := os.Getenv("WHOSAID_DEBUG_TEXT")
	if text == "" {
		t.Skip("set WHOSAID_DEBUG_TEXT")
	}
	sents := sentence.Split(text)
	for _, s := range sents {
		t.Logf("SENT %d [%d:%d] %q", s.Paragraph, s.Start, s.End, s.Text)
	}
	qs := quote.Detect(text, sents)
	for _, q := range qs {
		t.Logf("QUOTE %v d%d [%d:%d] %q", q.Kind, q.Depth, q.Start, q.End, q.Text)
	}
	tg, _ := tag.New()
	for _, s := range sents {
		var ws []string
		for _, w := range strings.Fields(s.Text) {
			ws = append(ws, w)
		}
		t.Logf("TAGS %v", tg.Tag(ws))
	}
	for _, a := range attribution.Resolve(text, sents, qs) {
		t.Logf("ATTR %s %v spk=%q cue=%q content=%q", a.Rule, a.Type, a.Speaker.Text, a.Cue.Text, a.Content.Text)
	}
}
