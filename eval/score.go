package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/frag"
	"github.com/whosaid/whosaid/internal/heads"
	"github.com/whosaid/whosaid/span"
)

// PRF is a precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	Pred      int     `json:"pred"`
	Gold      int     `json:"gold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newPRF(tpPred, tpGold, pred, gold int) PRF {
	p := PRF{TP: tpGold, Pred: pred, Gold: gold}
	if pred > 0 {
		p.Precision = float64(tpPred) / float64(pred)
	}
	if gold > 0 {
		p.Recall = float64(tpGold) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Ratio is a share: N of Of.
type Ratio struct {
	N     int     `json:"n"`
	Of    int     `json:"of"`
	Value float64 `json:"value"`
}

func (r *Ratio) add(ok bool) {
	r.Of++
	if ok {
		r.N++
	}
	r.Value = float64(r.N) / float64(r.Of)
}

// ByType holds one Ratio per gold type.
type ByType struct {
	Direct   Ratio `json:"direct"`
	Mixed    Ratio `json:"mixed"`
	Indirect Ratio `json:"indirect"`
}

func (b *ByType) of(typ whosaid.Type) *Ratio {
	switch typ {
	case whosaid.Direct:
		return &b.Direct
	case whosaid.Mixed:
		return &b.Mixed
	}
	return &b.Indirect
}

// Speaker holds the speaker accuracy of matched attributions.
type Speaker struct {
	Exact              Ratio `json:"exact"`
	Overlap            Ratio `json:"overlap"`
	DirectMixedExact   Ratio `json:"direct_mixed_exact"`
	DirectMixedOverlap Ratio `json:"direct_mixed_overlap"`
	// DirectMixedNone counts the matched direct and mixed attributions
	// left with no speaker where the gold names one.
	DirectMixedNone Ratio `json:"direct_mixed_none"`
}

// Report is every score of one evaluation.
type Report struct {
	Docs     int `json:"docs"`
	Gold     int `json:"gold"`
	Optional int `json:"optional"`
	Pred     int `json:"pred"`
	// Exact span F1.
	Content PRF `json:"content"`
	Source  PRF `json:"source"`
	Cue     PRF `json:"cue"`
	// Content by overlap (byte Jaccard ≥ 0.5).
	Overlap      PRF     `json:"overlap"`
	RecallByType ByType  `json:"recall_by_type"`
	Speaker      Speaker `json:"speaker"`
	// SpeakerName is set when the gold names its speakers.
	SpeakerName *Ratio `json:"speaker_name,omitempty"`
	// Pronouns is set when pronoun referents were given.
	Pronouns *Ratio `json:"pronouns,omitempty"`
	// NonQuotes counts predictions whose content is a gold non-quote
	// (quoted words that are not speech), of all gold non-quotes.
	NonQuotes *Ratio `json:"non_quotes,omitempty"`
}

// Score scores pred against gold, pairing documents by id; a gold document
// with no prediction counts as predicting nothing. pronouns may be nil.
// Score counts what it is given: call [Check] first to refuse predictions
// that cannot be scored (ids that match no gold document, gold with
// nothing to score).
func Score(gold, pred []Doc, pronouns []Pronoun) Report {
	byID := make(map[string]*Doc, len(pred))
	for i := range pred {
		byID[pred[i].ID] = &pred[i]
	}
	var (
		r                          Report
		cTP, sTP, qTP              int
		cPred, cGold, sPred, sGold int
		qPred, qGold               int
		oTP, oPred                 int
		names                      Ratio
		named, hasNonQuotes        bool
		nonQuotes                  Ratio
	)
	goldDoc := make(map[string]*Doc, len(gold))
	for gi := range gold {
		g := &gold[gi]
		goldDoc[g.ID] = g
		p := byID[g.ID]
		if p == nil {
			p = &Doc{Record: whosaid.Record{ID: g.ID}}
		}
		r.Docs++
		text := g.Text
		for i, q := range g.Quotes {
			if g.annotation(i).Optional {
				r.Optional++
				continue
			}
			r.Gold++
			if q.Entity.Name != "" {
				named = true
			}
		}
		r.Pred += len(p.Quotes)

		// Exact span sets.
		tp, np, ng := exactSets(text, g, p, content)
		cTP, cPred, cGold = cTP+tp, cPred+np, cGold+ng
		tp, np, ng = exactSets(text, g, p, speaker)
		sTP, sPred, sGold = sTP+tp, sPred+np, sGold+ng
		tp, np, ng = exactSets(text, g, p, cue)
		qTP, qPred, qGold = qTP+tp, qPred+np, qGold+ng

		// Content by overlap.
		match := matchOverlap(text, g, p)
		predOptional := 0
		for gi, pi := range match {
			if pi >= 0 && g.annotation(gi).Optional {
				predOptional++
			}
		}
		oPred += len(p.Quotes) - predOptional
		for gi := range g.Quotes {
			gq := &g.Quotes[gi]
			if g.annotation(gi).Optional {
				continue
			}
			pi := match[gi]
			r.RecallByType.of(gq.Type).add(pi >= 0)
			var pq *whosaid.Attribution
			if pi >= 0 {
				oTP++
				pq = &p.Quotes[pi]
			}
			if gs := speaker(g, gi); pq != nil && len(gs) > 0 {
				ps := speaker(p, pi)
				exact := len(ps) > 0 && key(text, ps) == key(text, gs)
				over := len(ps) > 0 && frag.Overlap(frag.Trim(text, ps), frag.Trim(text, gs)) > 0
				r.Speaker.Exact.add(exact)
				r.Speaker.Overlap.add(over)
				if gq.Type != whosaid.Indirect {
					r.Speaker.DirectMixedExact.add(exact)
					r.Speaker.DirectMixedOverlap.add(over)
					r.Speaker.DirectMixedNone.add(len(ps) == 0)
				}
			}
			if gq.Entity.Name != "" {
				names.add(pq != nil && sameHead(predName(pq), goldNames(g, gi)))
			}
		}
		for _, nq := range g.NonQuotes {
			hasNonQuotes = true
			k := key(text, []span.Span{nq})
			hit := false
			for i := range p.Quotes {
				if key(text, content(p, i)) == k {
					hit = true
				}
			}
			nonQuotes.add(hit)
		}
	}
	r.Content = newPRF(cTP, cTP, cPred, cGold)
	r.Source = newPRF(sTP, sTP, sPred, sGold)
	r.Cue = newPRF(qTP, qTP, qPred, qGold)
	r.Overlap = newPRF(oTP, oTP, oPred, r.Gold)
	if named {
		r.SpeakerName = &names
	}
	if hasNonQuotes {
		r.NonQuotes = &nonQuotes
	}
	if pronouns != nil {
		var pr Ratio
		for _, pn := range pronouns {
			g := goldDoc[pn.ID]
			if g == nil {
				continue
			}
			pr.add(pronounRight(g, byID[pn.ID], pn))
		}
		r.Pronouns = &pr
	}
	return r
}

// A part picks the fragments of one part of quote i of d: its content,
// speaker or cue; none when the part is absent.
type part func(d *Doc, i int) []span.Span

func content(d *Doc, i int) []span.Span {
	q := &d.Quotes[i]
	if len(q.Spans) > 0 {
		return q.Spans
	}
	return nonEmpty(q.Extent)
}

func speaker(d *Doc, i int) []span.Span {
	if ss := d.annotation(i).SpeakerSpans; len(ss) > 0 {
		return ss
	}
	return nonEmpty(d.Quotes[i].Speaker)
}

func cue(d *Doc, i int) []span.Span { return nonEmpty(d.Quotes[i].Cue) }

func nonEmpty(s span.Span) []span.Span {
	if s.Empty() {
		return nil
	}
	return []span.Span{s}
}

// exactSets compares the trimmed spans that get picks out of each gold and
// predicted quote, as sets, and returns the true positives, the predicted
// set's size and the gold set's size. Predicted spans equal to an optional
// gold span leave the predicted set.
func exactSets(text string, gold, pred *Doc, get part) (tp, np, ng int) {
	g, opt, p := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range gold.Quotes {
		s := get(gold, i)
		if len(s) == 0 {
			continue
		}
		k := key(text, s)
		if k == "" {
			continue
		}
		if gold.annotation(i).Optional {
			opt[k] = true
		} else {
			g[k] = true
		}
	}
	for i := range pred.Quotes {
		s := get(pred, i)
		if len(s) == 0 {
			continue
		}
		if k := key(text, s); k != "" && (g[k] || !opt[k]) {
			p[k] = true
		}
	}
	for k := range p {
		if g[k] {
			tp++
		}
	}
	return tp, len(p), len(g)
}

// matchOverlap pairs gold and predicted contents one to one, best byte
// Jaccard first, keeping pairs of Jaccard ≥ 0.5. It returns, for each gold
// quote, the index of its predicted quote or -1.
func matchOverlap(text string, gold, pred *Doc) []int {
	type pair struct {
		g, p int
		j    float64
	}
	var pairs []pair
	gt := make([][][2]int, len(gold.Quotes))
	for i := range gold.Quotes {
		gt[i] = frag.Trim(text, content(gold, i))
	}
	for pi := range pred.Quotes {
		pt := frag.Trim(text, content(pred, pi))
		pn := frag.Size(pt)
		for gi := range gold.Quotes {
			in := frag.Overlap(pt, gt[gi])
			if in == 0 {
				continue
			}
			if j := float64(in) / float64(pn+frag.Size(gt[gi])-in); j >= 0.5 {
				pairs = append(pairs, pair{gi, pi, j})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		if c := cmp.Compare(b.j, a.j); c != 0 {
			return c
		}
		if c := cmp.Compare(a.g, b.g); c != 0 {
			return c
		}
		return cmp.Compare(a.p, b.p)
	})
	match := make([]int, len(gold.Quotes))
	for i := range match {
		match[i] = -1
	}
	used := make([]bool, len(pred.Quotes))
	for _, pr := range pairs {
		if match[pr.g] < 0 && !used[pr.p] {
			match[pr.g], used[pr.p] = pr.p, true
		}
	}
	return match
}

// key identifies a trimmed span for exact comparison.
func key(text string, frags []span.Span) string {
	var b strings.Builder
	for _, f := range frag.Trim(text, frags) {
		fmt.Fprintf(&b, "%d-%d;", f[0], f[1])
	}
	return b.String()
}

// pronounRight reports whether the prediction names the referent of pn: the
// predicted attribution whose speaker starts at the pronoun, else the one
// whose content overlaps most the gold attribution of that source.
func pronounRight(g, p *Doc, pn Pronoun) bool {
	if p == nil {
		return false
	}
	for i := range p.Quotes {
		if s := speaker(p, i); len(s) > 0 && s[0].Start == pn.Start {
			return sameHead(predName(&p.Quotes[i]), []string{pn.Name})
		}
	}
	best, bestN := -1, 0
	for gi := range g.Quotes {
		gs := speaker(g, gi)
		if len(gs) == 0 || gs[0].Start != pn.Start {
			continue
		}
		gt := frag.Trim(g.Text, content(g, gi))
		for pi := range p.Quotes {
			if n := frag.Overlap(frag.Trim(g.Text, content(p, pi)), gt); n > bestN {
				best, bestN = pi, n
			}
		}
	}
	return best >= 0 && sameHead(predName(&p.Quotes[best]), []string{pn.Name})
}

// predName is the speaker a prediction names: the resolved name, else the
// mention as written.
func predName(q *whosaid.Attribution) string {
	if q.Entity.Name != "" {
		return q.Entity.Name
	}
	return q.Speaker.Text
}

// goldNames are the names gold gives the speaker of quote i: its name,
// its mentions and the mention as written.
func goldNames(g *Doc, i int) []string {
	q := &g.Quotes[i]
	names := append([]string{q.Entity.Name}, g.annotation(i).SpeakerMentions...)
	if q.Speaker.Text != "" {
		names = append(names, q.Speaker.Text)
	}
	return names
}

// sameHead reports whether name shares a head word with one of golds. A
// bare pronoun never counts.
func sameHead(name string, golds []string) bool { return heads.Same(name, golds...) }

// Heads returns the head words of a name, lower-cased: one per conjunct
// ("Obama and Hillary Clinton" has "obama" and "clinton"), each the last
// word before any prepositional phrase ("employees in Wells Fargo's
// branches" has "employees"), without a possessive ending.
func Heads(name string) []string { return heads.Of(name) }

// WriteTable writes the report as a plain-text table.
func (r Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d, gold attributions %d (+%d optional), predicted %d\n\n", r.Docs, r.Gold, r.Optional, r.Pred)
	fmt.Fprintf(&b, "%-26s %7s %7s %7s   %s\n", "span F1, exact", "P", "R", "F1", "tp/pred/gold")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "  %-24s %7.3f %7.3f %7.3f   %d/%d/%d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.Pred, p.Gold)
	}
	row("content", r.Content)
	row("source", r.Source)
	row("cue", r.Cue)
	fmt.Fprintf(&b, "%-26s\n", "content, overlap ≥ 0.5")
	row("all", r.Overlap)
	ratio := func(name string, x Ratio) {
		fmt.Fprintf(&b, "  %-24s %7.3f   %d/%d\n", name, x.Value, x.N, x.Of)
	}
	fmt.Fprintln(&b, "recall by gold type (overlap)")
	ratio("direct", r.RecallByType.Direct)
	ratio("mixed", r.RecallByType.Mixed)
	ratio("indirect", r.RecallByType.Indirect)
	fmt.Fprintln(&b, "speaker accuracy (matched)")
	ratio("exact", r.Speaker.Exact)
	ratio("overlap", r.Speaker.Overlap)
	ratio("direct+mixed exact", r.Speaker.DirectMixedExact)
	ratio("direct+mixed overlap", r.Speaker.DirectMixedOverlap)
	ratio("direct+mixed none", r.Speaker.DirectMixedNone)
	if r.SpeakerName != nil {
		ratio("speaker name (all gold)", *r.SpeakerName)
	}
	if r.Pronouns != nil {
		ratio("pronouns named right", *r.Pronouns)
	}
	if r.NonQuotes != nil {
		fmt.Fprintf(&b, "  %-24s %d/%d\n", "non-quotes attributed", r.NonQuotes.N, r.NonQuotes.Of)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
