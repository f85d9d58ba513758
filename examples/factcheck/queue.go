package main

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/speaker"
	"github.com/whosaid/whosaid/verify"
)

// Doc is one article of the corpus with its attributions.
type Doc struct {
	ID    string
	Attrs []whosaid.Attribution
}

// Source is where a claim was found: the article and the byte offsets of
// the words said in its text.
type Source struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Row is one distinct claim of the queue.
type Row struct {
	// Speaker is the corpus-wide speaker key ("" when no one is named).
	Speaker string `json:"speaker"`
	// Claim is the words said, as the first source writes them.
	Claim string `json:"claim"`
	// Type is direct, mixed or indirect: the commonest among the sources.
	Type string `json:"type"`
	// Confidence is the highest of the sources' attributions.
	Confidence float64 `json:"confidence"`
	// Signals lists what makes the claim checkable: number, percent,
	// money, comparison, date.
	Signals []string `json:"signals"`
	// Sources lists every place the claim was found.
	Sources []Source `json:"sources"`
}

// Signal names, in the order a row lists them.
const (
	SignalNumber     = "number"     // a figure: 7, 1.5, "three", "a million"
	SignalPercent    = "percent"    // 5%, "percent", "percentage points"
	SignalMoney      = "money"      // $40 million, €3, "dollars"
	SignalComparison = "comparison" // a comparative or superlative: "higher", "the most", "biggest"
	SignalDate       = "date"       // a month, a weekday, a year, "last week"
)

var (
	reMoney   = regexp.MustCompile(`[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|cents|pounds sterling)\b|\b(?:dollars|euros|cents)\b`)
	rePercent = regexp.MustCompile(`(?i)\d\s?%|\bper ?cent(?:age)?\b|\bpercentage points?\b`)
	reDate    = regexp.MustCompile(`\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.)|\b(?:1[89]\d\d|20\d\d)s?\b|(?i:\b(?:yesterday|today|tomorrow|(?:last|next|this) (?:week|month|year|decade|spring|summer|fall|autumn|winter)|(?:a|one|two|three|four|five|ten) (?:years?|months?|weeks?|days?) ago)\b)`)
	reYear    = regexp.MustCompile(`^(?:1[89]\d\d|20\d\d)s?$`)
	// Number words the tagger may not tag as numbers in every context.
	numberWords = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
		"nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true, "thirty": true, "forty": true,
		"fifty": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true, "million": true,
		"millions": true, "billion": true, "billions": true, "trillion": true, "dozen": true, "dozens": true,
		"half": true, "third": true, "quarter": true, "double": true, "doubled": true, "tripled": true, "twice": true,
	}
)

// Signaller finds the check-worthiness signals of a claim. It tags the
// claim's words with prose's part-of-speech model (loaded once) for
// numbers and comparisons; dates, money and percentages are patterns. It
// is safe for concurrent use.
type Signaller struct {
	tagger *tag.Tagger
	tok    *tokenize.Tokenizer
}

// NewSignaller loads the tagger's model.
func NewSignaller() (*Signaller, error) {
	t, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("factcheck: tagger: %w", err)
	}
	return &Signaller{tagger: t, tok: tokenize.New()}, nil
}

// Signals returns the signals of a claim, in the order of the Signal
// constants.
func (s *Signaller) Signals(claim string) []string {
	has := map[string]bool{
		SignalMoney:   reMoney.MatchString(claim),
		SignalPercent: rePercent.MatchString(claim),
		SignalDate:    reDate.MatchString(claim),
	}
	toks := s.tok.Tokenize(claim)
	s.tagger.TagTokens(toks)
	for _, t := range toks {
		switch {
		case t.Tag == "JJR" || t.Tag == "JJS" || t.Tag == "RBR" || t.Tag == "RBS":
			has[SignalComparison] = true
		case reYear.MatchString(t.Text):
			// A year is a date, not a figure.
		case t.Tag == "CD" || numberWords[strings.ToLower(t.Text)]:
			has[SignalNumber] = true
		}
	}
	var out []string
	for _, k := range []string{SignalNumber, SignalPercent, SignalMoney, SignalComparison, SignalDate} {
		if has[k] {
			out = append(out, k)
		}
	}
	return out
}

// Said returns the words an attribution says were said and where they are:
// for a direct quotation the quoted words without their marks (the
// fragments of an interrupted one joined by a space, the narration between
// them left out), for mixed and reported speech the reported clause
// without a leading "that".
func Said(a whosaid.Attribution) (string, Source) {
	src := Source{Start: a.Extent.Start, End: a.Extent.End}
	var s string
	if a.Type == attribution.Direct && len(a.Quoted) > 0 {
		parts := make([]string, 0, len(a.Quoted))
		for _, q := range a.Quoted {
			parts = append(parts, strings.TrimSpace(q.Text))
		}
		s = strings.Join(parts, " ")
		src.Start, src.End = a.Quoted[0].Start, a.Quoted[len(a.Quoted)-1].End
	} else {
		s = a.Extent.Text
		if rest, ok := strings.CutPrefix(s, "that "); ok {
			s = rest
			src.Start += len("that ")
		}
	}
	return strings.Trim(s, " \t\r\n“”\"‘’'«»,;:"), src
}

// Build makes the claims queue of a corpus: one row per distinct claim,
// the same words (once case, punctuation, white space and quotation marks
// are set aside) said by the same speaker in any number of articles. A
// source with no named speaker joins the row of the same words when one
// speaker alone said them. Rows are sorted by number of signals, then by
// number of sources, then by confidence, most first.
func Build(docs []Doc, sig *Signaller) []Row {
	var tally speaker.Tally
	for _, d := range docs {
		tally.Add(d.ID, d.Attrs)
	}
	keys := tally.Keys()

	type acc struct {
		row   Row
		types map[string]int
		order int
	}
	byWords := map[string]map[string]*acc{} // normalized words → speaker key → row
	var order []*acc
	for _, d := range docs {
		for _, a := range d.Attrs {
			claim, src := Said(a)
			words := verify.Normalize(claim)
			if words == "" {
				continue
			}
			src.ID = d.ID
			key := keys[speaker.NameOf(a)]
			if byWords[words] == nil {
				byWords[words] = map[string]*acc{}
			}
			r := byWords[words][key]
			if r == nil {
				r = &acc{row: Row{Speaker: key, Claim: claim}, types: map[string]int{}, order: len(order)}
				byWords[words][key] = r
				order = append(order, r)
			}
			if !slices.Contains(r.row.Sources, src) {
				r.row.Sources = append(r.row.Sources, src)
			}
			r.row.Confidence = max(r.row.Confidence, a.Confidence)
			r.types[a.Type.String()]++
		}
	}
	// Unnamed sources join the one named speaker of the same words.
	for _, bySpeaker := range byWords {
		unnamed := bySpeaker[""]
		if unnamed == nil || len(bySpeaker) != 2 {
			continue
		}
		for k, r := range bySpeaker {
			if k != "" {
				r.row.Sources = append(r.row.Sources, unnamed.row.Sources...)
				r.row.Confidence = max(r.row.Confidence, unnamed.row.Confidence)
				for t, n := range unnamed.types {
					r.types[t] += n
				}
				r.order = min(r.order, unnamed.order)
				unnamed.row.Sources = nil
			}
		}
	}
	var rows []Row
	for _, r := range order {
		if len(r.row.Sources) == 0 {
			continue
		}
		r.row.Type = slices.MaxFunc([]string{"direct", "mixed", "indirect"}, func(a, b string) int { return cmp.Compare(r.types[a], r.types[b]) })
		r.row.Signals = sig.Signals(r.row.Claim)
		slices.SortFunc(r.row.Sources, func(a, b Source) int {
			return cmp.Or(strings.Compare(a.ID, b.ID), cmp.Compare(a.Start, b.Start))
		})
		rows = append(rows, r.row)
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(-cmp.Compare(len(a.Signals), len(b.Signals)), -cmp.Compare(len(a.Sources), len(b.Sources)),
			-cmp.Compare(a.Confidence, b.Confidence))
	})
	return rows
}
