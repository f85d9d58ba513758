package coref_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/coref"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/internal/heads"
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// These tests read the shared corpus, and skip when it is absent.

// docs reads the gold documents of rel, a file of the shared corpus.
func docs(tb testing.TB, rel string) []eval.Doc {
	tb.Helper()
	d, err := eval.ReadDocsFile(corpustest.Path(tb, rel))
	require.NoError(tb, err)
	return d
}

// scan returns the token stream of text, with the pipeline's own
// sentences and quotations.
var scan = coref.StreamOf

// devPronouns reads the dev pronouns with their referents, and the dev
// documents by ID.
func devPronouns(tb testing.TB) ([]eval.Pronoun, map[string]eval.Doc) {
	tb.Helper()
	golds, err := eval.ReadPronounsFile(corpustest.Path(tb, "polnear/dev_pronouns.jsonl"))
	require.NoError(tb, err)
	byID := map[string]eval.Doc{}
	for _, d := range docs(tb, "polnear/dev.jsonl") {
		byID[d.ID] = d
	}
	return golds, byID
}

// oracle makes attributions from gold, in order of content, with the gold
// speaker mentions: what the attribution stage would give if it found
// every speaker mention. A gold quotation with a speaker name and no
// mention is a continuation. idx maps each attribution to its gold quote.
func oracle(d eval.Doc) (attrs []coref.Attr, idx []int) {
	idx = make([]int, len(d.Quotes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return d.Quotes[idx[a]].Extent.Start < d.Quotes[idx[b]].Extent.Start })
	attrs = make([]coref.Attr, len(idx))
	for k, i := range idx {
		q := d.Quotes[i]
		a := coref.Attr{Extent: q.Extent}
		switch q.Type {
		case whosaid.Mixed:
			a.Type = coref.Mixed
		case whosaid.Indirect:
			a.Type = coref.Indirect
		}
		if a.Type != coref.Indirect {
			a.Quoted = []span.Span{a.Extent}
		}
		if !q.Speaker.Empty() {
			a.Speaker = q.Speaker
		} else if q.Entity.Name != "" {
			a.Continuation = true
		}
		attrs[k] = a
	}
	return attrs, idx
}

// nameAt returns the entity name of the attribution whose speaker mention
// starts at pos, and whether there is one.
func nameAt(attrs []coref.Attr, ents []coref.Entity, pos int) (string, bool) {
	for i, a := range attrs {
		if a.Speaker.Start == pos && !a.Speaker.Empty() {
			return ents[i].Name, true
		}
	}
	return "", false
}

// TestPronounsDev resolves the dev pronoun speakers over oracle speaker
// mentions and scores them as the evaluation does: the name must share a
// head word with the referent.
func TestPronounsDev(t *testing.T) {
	golds, byID := devPronouns(t)
	type resolved struct {
		attrs []coref.Attr
		ents  []coref.Entity
	}
	cache := map[string]resolved{}
	right := 0
	for _, g := range golds {
		d, ok := byID[g.ID]
		require.True(t, ok, "pronoun of unknown document %s", g.ID)
		r, ok := cache[g.ID]
		if !ok {
			r.attrs, _ = oracle(d)
			r.ents = coref.Resolve(scan(t, d.Text), r.attrs)
			cache[g.ID] = r
		}
		got, _ := nameAt(r.attrs, r.ents, g.Start)
		if heads.Same(got, g.Name) {
			right++
		} else if testing.Verbose() {
			t.Logf("miss %s@%d %s: got %q, want %q", g.ID, g.Start, g.Pronoun, got, g.Name)
		}
	}
	share := float64(right) / float64(len(golds))
	t.Logf("dev pronouns named right: %d/%d = %.3f", right, len(golds), share)
	// The project's target is 0.70; this floor guards what is reached.
	assert.GreaterOrEqual(t, share, 0.90, "dev pronoun accuracy below the floor")
}

// TestPronounsDevPipeline scores the dev pronouns on the whole pipeline's
// attributions, where a pronoun counts only when the attribution stage
// found it as a speaker mention. It logs the figure and asserts nothing:
// the oracle test above holds the floor of entity resolution itself.
func TestPronounsDevPipeline(t *testing.T) {
	golds, byID := devPronouns(t)
	cache := map[string][]attribution.Attribution{}
	right, found := 0, 0
	for _, g := range golds {
		d := byID[g.ID]
		attrs, ok := cache[g.ID]
		if !ok {
			sents := sentence.Split(d.Text)
			attrs = attribution.Resolve(d.Text, sents, quote.Detect(d.Text, sents))
			cache[g.ID] = attrs
		}
		name, ok := "", false
		for _, a := range attrs {
			if a.Speaker.Start == g.Start && !a.Speaker.Empty() {
				found++
				name, ok = a.Entity.Name, true
				break
			}
		}
		// Else the attribution whose content overlaps the gold one.
		for _, q := range d.Quotes {
			if ok || q.Speaker.Empty() || q.Speaker.Start != g.Start {
				continue
			}
			gc := q.Extent
			for _, a := range attrs {
				if a.Extent.Overlaps(gc) {
					name, ok = a.Entity.Name, true
					break
				}
			}
		}
		if heads.Same(name, g.Name) {
			right++
		} else if testing.Verbose() && ok {
			t.Logf("miss %s@%d %s: got %q, want %q", g.ID, g.Start, g.Pronoun, name, g.Name)
		}
	}
	t.Logf("dev pronouns through the pipeline: %d/%d found as speakers, %d/%d named right", found, len(golds), right, len(golds))
}

// TestSeedEntities resolves the seed gold's speakers over oracle mentions:
// every non-optional attribution must be named by one of its speaker's
// mentions, "he" as Blinken and the continuations as their speaker.
func TestSeedEntities(t *testing.T) {
	right, total := 0, 0
	for _, d := range docs(t, "seed/gold.jsonl") {
		attrs, idx := oracle(d)
		ents := coref.Resolve(scan(t, d.Text), attrs)
		for k, i := range idx {
			q := d.Quotes[i]
			var ann eval.Annotation
			if i < len(d.Gold) {
				ann = d.Gold[i]
			}
			if ann.Optional || q.Speaker.Empty() && q.Entity.Name == "" {
				continue
			}
			total++
			name := ents[k].Name
			if heads.Same(name, append(ann.SpeakerMentions, q.Entity.Name)...) {
				right++
			} else {
				t.Errorf("%q (%.30s): named %q, want one of %q", q.Speaker.Text, attrs[k].Extent.Text, name, ann.SpeakerMentions)
			}
			if q.Speaker.Text == "he" {
				assert.Contains(t, name, "Blinken", "“he”")
			}
		}
	}
	t.Logf("seed speakers named right: %d/%d", right, total)
}

// TestTrainEntities runs entity resolution over oracle mentions of the
// train split, which has no referents: it checks the invariants on every
// document and logs how often a pronoun speaker is resolved, with a sample
// of canonical names.
func TestTrainEntities(t *testing.T) {
	if testing.Short() {
		t.Skip("long: the whole train split")
	}
	var pron, named, ents, attrsN int
	var sample []string
	for di, d := range docs(t, "polnear/train.jsonl") {
		attrs, _ := oracle(d)
		seen := map[int]bool{}
		maxID := 0
		for i, e := range coref.Resolve(scan(t, d.Text), attrs) {
			if e.ID == 0 {
				continue
			}
			attrsN++
			for k, m := range e.Mentions {
				require.Equal(t, d.Text[m.Start:m.End], m.Text, "%s: mention %d", d.ID, k)
				require.True(t, k == 0 || e.Mentions[k-1].Start <= m.Start, "%s: mentions out of order", d.ID)
			}
			if !seen[e.ID] {
				seen[e.ID] = true
				ents++
			}
			maxID = max(maxID, e.ID)
			sp := attrs[i].Speaker.Text
			if p, ok := names.PronounOf(sp); ok && p.Person == 3 && !p.Possessive {
				pron++
				if _, ok := names.PronounOf(e.Name); !ok {
					named++
					if di%40 == 0 && len(sample) < 30 {
						sample = append(sample, sp+" → "+e.Name)
					}
				}
			}
		}
		assert.Equal(t, len(seen), maxID, "%s: IDs number the entities from 1", d.ID)
	}
	t.Logf("train: %d attributions with an entity, %d entities; %d/%d third-person pronoun speakers resolved to a name", attrsN, ents, named, pron)
	t.Logf("sample: %s", strings.Join(sample, "; "))
	assert.False(t, pron > 0 && float64(named)/float64(pron) < 0.8, "only %d/%d pronoun speakers resolved", named, pron)
}

// BenchmarkResolve resolves the speakers of the dev split over oracle
// mentions: "scan" scans each text into its token stream first, as the
// attribution stage does today; "resolve" reads streams scanned before.
func BenchmarkResolve(b *testing.B) {
	type item struct {
		text  string
		sents []sentence.Sentence
		qs    []quote.Quote
		s     *token.Stream
		attrs []coref.Attr
	}
	lex, err := lexicon.Load()
	require.NoError(b, err)
	var items []item
	size := 0
	for _, d := range docs(b, "polnear/dev.jsonl") {
		attrs, _ := oracle(d)
		sents := sentence.Split(d.Text)
		items = append(items, item{d.Text, sents, quote.Detect(d.Text, sents), scan(b, d.Text), attrs})
		size += len(d.Text)
	}
	b.Run("scan", func(b *testing.B) {
		var s token.Stream
		benchtime.Loop(b, int64(size), func() {
			for _, it := range items {
				s.Scan(it.text, it.sents, it.qs, lex)
				coref.Resolve(&s, it.attrs)
			}
		})
	})
	b.Run("resolve", func(b *testing.B) {
		benchtime.Loop(b, int64(size), func() {
			for _, it := range items {
				coref.Resolve(it.s, it.attrs)
			}
		})
	})
}
