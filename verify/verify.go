package verify

import (
	"cmp"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/speaker"
)

// Verdict is what a source says of a claimed quotation.
type Verdict uint8

const (
	// NotFound: no passage of the source is close to the claimed words.
	NotFound Verdict = iota
	// Verbatim: the claimed words are in the source inside a quotation, in
	// order, ignoring case, punctuation, white space and the kind of
	// quotation mark; an ellipsis in the claim stands for words left out,
	// square brackets for an editor's insertion, and the narration that
	// interrupts a quotation (“...,” she said, “...”) may be left out.
	Verbatim
	// Altered: a close passage exists, mostly inside a quotation, but
	// words are changed, added or dropped, or the claim joins the words of
	// two speakers, or adds narration to the quoted words.
	Altered
	// Unquoted: the claimed words, or words close to them, are in the
	// source as narration or reported speech, not inside a quotation: a
	// paraphrase presented as a quotation.
	Unquoted
)

var verdictNames = [...]string{NotFound: "not-found", Verbatim: "verbatim", Altered: "altered", Unquoted: "unquoted"}

// String returns "not-found", "verbatim", "altered" or "unquoted".
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "unknown"
}

// MarshalText encodes v as its String.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText decodes a verdict's String.
func (v *Verdict) UnmarshalText(b []byte) error {
	for i, n := range verdictNames {
		if n == string(b) {
			*v = Verdict(i)
			return nil
		}
	}
	return errors.New("verify: unknown verdict " + string(b))
}

// Claim is a quotation someone is said to have said.
type Claim struct {
	// Quote is the claimed words. "..." or "…" marks words left out;
	// square brackets mark an editor's insertion.
	Quote string `json:"quote"`
	// Speaker is who is said to have said them; "" when no one is named.
	Speaker string `json:"speaker,omitempty"`
}

// Passage is a passage of a source document: UTF-8 byte offsets into the
// document's text, end exclusive, with text[Start:End] == Text.
type Passage struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Edit operations.
const (
	OpReplace  = "replace"  // claimed words stand where the source has others
	OpInsert   = "insert"   // claimed words the source does not have there
	OpDelete   = "delete"   // source words the claim leaves out, with no ellipsis
	OpUnquoted = "unquoted" // claimed words the source has, but as narration outside the quotation
)

// Edit is one word-level difference between the claim and the source
// passage. Claimed and Source are the words as written in each (a run of
// words, with the punctuation between them).
type Edit struct {
	Op      string `json:"op"`
	Claimed string `json:"claimed"`
	Source  string `json:"source"`
}

// Result is the verdict on one claim.
type Result struct {
	Claim   Claim
	Verdict Verdict
	// Similarity in [0,1] compares the claimed words with the matched
	// passage: twice the weight of the words they share over the weight
	// of both, each word weighted by its rarity in the corpus (so that
	// sharing "the" counts for less than sharing "francophile"). It is 1
	// for a verbatim quotation.
	Similarity float64
	// Match is the best passage of the source, or nil (not found).
	Match *Passage
	// Diff lists the edits from the passage to the claim; empty for a
	// verbatim quotation.
	Diff []Edit
	// Speaker is who the source attributes the matched words to: the
	// resolved name, else the mention as written; "" when the source
	// attributes them to no one (narration).
	Speaker string
	// SpeakerMatch tells whether Claim.Speaker can be Speaker: whether it
	// matches ([speaker.Match]) the speaker's name or one of the mentions
	// of the speaker in the source ("the mayor"); nil when the claim names
	// no speaker.
	SpeakerMatch *bool
	// Spliced lists other passages of the source that hold words of the
	// claim that Match lacks: a claim joined from two places.
	Spliced []Passage
}

// resultJSON is the JSON form of a Result, one object per line in the
// command-line tool.
type resultJSON struct {
	Quote          string    `json:"quote"`
	ClaimedSpeaker string    `json:"claimed_speaker,omitempty"`
	Verdict        Verdict   `json:"verdict"`
	Similarity     float64   `json:"similarity"`
	Match          *Passage  `json:"match"`
	Diff           []Edit    `json:"diff"`
	Speaker        *string   `json:"speaker"`
	SpeakerMatch   *bool     `json:"speaker_match"`
	Spliced        []Passage `json:"spliced,omitempty"`
}

// MarshalJSON encodes r as {"quote", "claimed_speaker", "verdict",
// "similarity", "match", "diff", "speaker", "speaker_match", "spliced"}:
// match, speaker and speaker_match are null when absent, diff is [] when
// empty, and similarity has three decimals.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{
		Quote: r.Claim.Quote, ClaimedSpeaker: r.Claim.Speaker, Verdict: r.Verdict,
		Similarity: math.Round(r.Similarity*1000) / 1000, Match: r.Match, Diff: r.Diff,
		SpeakerMatch: r.SpeakerMatch, Spliced: r.Spliced,
	}
	if j.Diff == nil {
		j.Diff = []Edit{}
	}
	if r.Speaker != "" {
		j.Speaker = &r.Speaker
	}
	return json.Marshal(j)
}

// MaxClaimWords is the longest claim Check reads, in words.
const MaxClaimWords = 1000

// ErrClaimTooLong is returned for a claim of more than [MaxClaimWords]
// words.
var ErrClaimTooLong = errors.New("verify: the claimed quotation is longer than 1000 words")

// ErrNoWords is returned for a claim with no words.
var ErrNoWords = errors.New("verify: the claimed quotation has no words")

// MinSimilarity is the similarity below which no passage is close enough
// to the claim: the verdict is [NotFound].
const MinSimilarity = 0.5

// Check returns the verdict of the corpus on a claim. An empty claim, or
// one longer than [MaxClaimWords], is an error; a claim that matches
// nothing is a [NotFound] result, not an error.
func (c *Corpus) Check(cl Claim) (Result, error) {
	res := Result{Claim: cl}
	p := parseClaim(cl.Quote)
	if p.words == 0 {
		return res, ErrNoWords
	}
	if p.words > MaxClaimWords {
		return res, ErrClaimTooLong
	}
	for i := range p.toks {
		if t, ok := c.terms[p.toks[i].folded]; ok && p.toks[i].kind == cWord {
			p.toks[i].term = t
		}
	}
	best, ok := c.best(p.toks)
	if ok {
		res.Similarity = best.sim
	}
	if !ok || best.sim < MinSimilarity || best.matches == 0 {
		res.Verdict = NotFound
		if cl.Speaker != "" {
			f := false
			res.SpeakerMatch = &f
		}
		return res, nil
	}
	c.judge(&res, p, best)
	return res, nil
}

// judge fills in the verdict, match, diff, speaker and splices of a claim
// from its best alignment.
func (c *Corpus) judge(res *Result, p parsedClaim, a alignment) {
	d := c.docs[a.doc]
	first, last := a.span()
	res.Match = &Passage{ID: d.id, Start: int(c.words[first].start), End: int(c.words[last].end)}
	res.Match.Text = d.text[res.Match.Start:res.Match.End]

	// The speakers of the matched words, by the attribution that holds them.
	votes := map[int32]int{}
	quoted, aligned := 0, 0
	entities := map[int]bool{}
	for _, o := range a.ops {
		if o.kind != opMatch && o.kind != opSub {
			continue
		}
		w := c.words[o.w]
		aligned++
		if w.flags&inQuote != 0 {
			quoted++
			if w.attr >= 0 {
				at := d.attrs[w.attr]
				id := at.Entity.ID
				if id == 0 {
					id = -1 - int(w.attr)
				}
				entities[id] = true
			}
		}
		if w.attr >= 0 {
			votes[w.attr]++
		}
	}
	// Every way the source names that speaker: the resolved name, the
	// mention, the entity's other mentions ("the mayor" for Ann Cole).
	var names []string
	if len(votes) > 0 {
		top := slices.MaxFunc(mapKeys(votes), func(x, y int32) int { return cmp.Or(cmp.Compare(votes[x], votes[y]), cmp.Compare(y, x)) })
		at := d.attrs[top]
		res.Speaker = strings.Join(strings.Fields(at.Entity.Name), " ")
		if res.Speaker == "" {
			res.Speaker = strings.Join(strings.Fields(at.Speaker.Text), " ")
		}
		names = append(names, res.Speaker, at.Speaker.Text)
		for _, m := range at.Entity.Mentions {
			names = append(names, m.Text)
		}
	}
	if res.Claim.Speaker != "" {
		m := slices.ContainsFunc(names, func(n string) bool { return n != "" && speaker.Match(res.Claim.Speaker, n) })
		res.SpeakerMatch = &m
	}

	q := float64(quoted) / float64(max(aligned, 1))
	exact := a.edits == 0
	switch {
	case q < 0.5:
		res.Verdict = Unquoted
	case exact && quoted == aligned && len(entities) <= 1:
		res.Verdict = Verbatim
	default:
		res.Verdict = Altered
	}
	res.Diff = c.diff(p, a, res.Verdict == Altered)
	if res.Verdict != Verbatim {
		res.Spliced = c.splices(p, a)
	}
}

func mapKeys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// diff turns the edit operations of an alignment into runs of edits.
// With unquoted set, matched words outside the quotation are edits of
// their own (OpUnquoted).
func (c *Corpus) diff(p parsedClaim, a alignment, unquoted bool) []Edit {
	d := c.docs[a.doc]
	var out []Edit
	var ins, src []int // the claim tokens and source words of the current run
	var runUnquoted []int
	flush := func() {
		if len(ins) > 0 || len(src) > 0 {
			e := Edit{Op: OpReplace}
			switch {
			case len(src) == 0:
				e.Op = OpInsert
			case len(ins) == 0:
				e.Op = OpDelete
			}
			if len(ins) > 0 {
				e.Claimed = p.text[p.toks[ins[0]].start:p.toks[ins[len(ins)-1]].end]
			}
			if len(src) > 0 {
				e.Source = d.text[c.words[src[0]].start:c.words[src[len(src)-1]].end]
			}
			out = append(out, e)
		}
		ins, src = ins[:0], src[:0]
	}
	flushUnquoted := func() {
		if len(runUnquoted) > 0 {
			ws := runUnquoted
			out = append(out, Edit{Op: OpUnquoted,
				Claimed: p.text[p.toks[a.ops[ws[0]].c].start:p.toks[a.ops[ws[len(ws)-1]].c].end],
				Source:  d.text[c.words[a.ops[ws[0]].w].start:c.words[a.ops[ws[len(ws)-1]].w].end]})
		}
		runUnquoted = runUnquoted[:0]
	}
	for k, o := range a.ops {
		switch o.kind {
		case opMatch:
			flush()
			if unquoted && c.words[o.w].flags&inQuote == 0 {
				runUnquoted = append(runUnquoted, k)
			} else {
				flushUnquoted()
			}
		case opSub:
			flushUnquoted()
			ins = append(ins, o.c)
			src = append(src, o.w)
		case opIns:
			flushUnquoted()
			ins = append(ins, o.c)
		case opDel:
			flushUnquoted()
			src = append(src, o.w)
		}
	}
	flush()
	flushUnquoted()
	return out
}

// splices looks for the runs of claimed words that the alignment inserts
// (three words or more) elsewhere in the corpus, and returns the passages
// that hold them.
func (c *Corpus) splices(p parsedClaim, a alignment) []Passage {
	var out []Passage
	var run []claimTok
	check := func() {
		words := 0
		for _, t := range run {
			if t.kind == cWord {
				words++
			}
		}
		if words >= 3 {
			if b, ok := c.best(run); ok && b.sim >= 0.8 && b.matches >= 3 {
				f, l := b.span()
				d := c.docs[b.doc]
				ps := Passage{ID: d.id, Start: int(c.words[f].start), End: int(c.words[l].end)}
				ps.Text = d.text[ps.Start:ps.End]
				af, al := a.span()
				if b.doc != a.doc || l < af || f > al {
					out = append(out, ps)
				}
			}
		}
		run = run[:0]
	}
	for _, o := range a.ops {
		if o.kind == opIns {
			run = append(run, p.toks[o.c])
		} else if o.kind == opMatch || o.kind == opSub {
			check()
		}
	}
	check()
	return out
}

// Check checks a claim against one text, whose attributions it extracts
// with whosaid's default extractor; id names the text in the result's
// passages.
func Check(id, text string, cl Claim) (Result, error) {
	var b Builder
	if err := b.Add(id, text, whosaid.Extract(text)); err != nil {
		return Result{Claim: cl}, err
	}
	return b.Corpus().Check(cl)
}
