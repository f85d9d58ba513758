package attribution

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// TestCorefTrace prints the candidates of one dev pronoun, named by
// COREF_TRACE=docid-substring@offset; it does nothing otherwise.
func TestCorefTrace(t *testing.T) {
	arg := os.Getenv("COREF_TRACE")
	if arg == "" {
		t.Skip("set COREF_TRACE=doc@offset")
	}
	id, off, _ := strings.Cut(arg, "@")
	pos, _ := strconv.Atoi(off)
	dir := corpusDir(t)
	for _, d := range readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "dev.jsonl")) {
		if !strings.Contains(d.ID, id) {
			continue
		}
		attrs, _ := oracleAttrs(d)
		sents := sentence.Split(d.Text)
		r := newCorefResolver(d.Text, sents, nil)
		r.trace = func(p int, c corefCand, name string, sc float64, ok, fb bool) {
			if p == pos && ok {
				t.Logf("%-30q sent=%d subj=%v poss=%v q=%v mod=%v spk=%v last=%v score=%.2f fb=%v", name, c.sent, c.subj, c.poss, c.quoted, c.modifier, c.speaker, c.lastSpeak, sc, fb)
			}
		}
		for _, m := range r.s.ments {
			if m.sp.End <= pos && m.sp.Start > pos-600 {
				e := r.ents[m.ent]
				t.Logf("mention %q sent=%d subj=%v ent=%q kind=%d m=%d f=%d n=%d", m.sp.Text, m.sent, m.subj, e.name, e.kind, e.male, e.female, e.count)
			}
		}
		res := make([]int, len(attrs))
		for i := range attrs {
			res[i] = -1
			if !attrs[i].Speaker.Empty() {
				res[i] = r.speaker(attrs[i].Speaker)
				if attrs[i].Speaker.Start <= pos+2 && attrs[i].Speaker.Start >= pos-600 {
					t.Logf("speaker %q@%d → %q", attrs[i].Speaker.Text, attrs[i].Speaker.Start, r.ents[res[i]].name)
				}
			}
		}
	}
}

// TestCorefTrainSample prints pronoun speakers of train with their context
// and resolution when COREF_SAMPLE is set.
func TestCorefTrainSample(t *testing.T) {
	if os.Getenv("COREF_SAMPLE") == "" {
		t.Skip("set COREF_SAMPLE=1")
	}
	dir := corpusDir(t)
	n := 0
	for di, d := range readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "train.jsonl")) {
		if di%17 != 3 {
			continue
		}
		attrs, _ := oracleAttrs(d)
		resolveEntities(d.Text, sentence.Split(d.Text), attrs)
		for _, a := range attrs {
			w := strings.ToLower(a.Speaker.Text)
			if w != "he" && w != "she" && w != "they" || n > 60 {
				continue
			}
			n++
			ctx := strings.ReplaceAll(d.Text[max(0, a.Speaker.Start-250):a.Speaker.End], "\n", " | ")
			t.Logf("%s → %q\n\t…%s", a.Speaker.Text, a.Entity.Name, ctx)
		}
	}
}

// TestCorefTrainMerges prints, when COREF_SAMPLE is set, speaker mentions of
// train whose entity is named otherwise: the merges grouping made.
func TestCorefTrainMerges(t *testing.T) {
	if os.Getenv("COREF_SAMPLE") == "" {
		t.Skip("set COREF_SAMPLE=1")
	}
	dir := corpusDir(t)
	n := 0
	for di, d := range readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "train.jsonl")) {
		if di%13 != 5 {
			continue
		}
		attrs, _ := oracleAttrs(d)
		resolveEntities(d.Text, sentence.Split(d.Text), attrs)
		for _, a := range attrs {
			if a.Speaker.Empty() || strings.EqualFold(a.Speaker.Text, a.Entity.Name) || n > 120 {
				continue
			}
			if _, ok := names.PronounOf(a.Speaker.Text); ok {
				continue
			}
			n++
			t.Logf("%q → %q", a.Speaker.Text, a.Entity.Name)
		}
	}
}

// TestCorefPipelineSample prints, when COREF_SAMPLE is set, the speaker
// mentions the whole pipeline finds on dev with the entity they resolve to.
func TestCorefPipelineSample(t *testing.T) {
	if os.Getenv("COREF_SAMPLE") == "" {
		t.Skip("set COREF_SAMPLE=1")
	}
	dir := corpusDir(t)
	split := os.Getenv("COREF_SPLIT")
	if split == "" {
		split = "dev"
	}
	for di, d := range readJSONL[goldDoc](t, filepath.Join(dir, "polnear", split+".jsonl")) {
		if di%6 != 1 {
			continue
		}
		sents := sentence.Split(d.Text)
		for _, a := range Resolve(d.Text, sents, quote.Detect(d.Text, sents)) {
			if !strings.EqualFold(a.Speaker.Text, a.Entity.Name) {
				t.Logf("%q → %q (%s)", a.Speaker.Text, a.Entity.Name, a.Rule)
			}
		}
	}
}
