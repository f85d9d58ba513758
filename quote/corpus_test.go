package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/sentence"
)

type goldDoc struct {
	ID        string      `json:"id"`
	Text      string      `json:"text"`
	Quotes    []goldQuote `json:"quotes"`
	NonQuotes []goldQuote `json:"non_quotes"`
}

type goldQuote struct {
	Type     string   `json:"type"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Spans    [][2]int `json:"spans"`
	Text     string   `json:"text"`
	Optional bool     `json:"optional"`
}

func loadGold(t testing.TB, rel string) []goldDoc {
	t.Helper()
	path := corpustest.Path(t, rel)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return docs
}

// fragments returns the spans of g, merging neighbours that only white
// space separates (annotators split quotations at sentence boundaries).
func fragments(text string, g goldQuote) [][2]int {
	spans := g.Spans
	if len(spans) == 0 {
		spans = [][2]int{{g.Start, g.End}}
	}
	var out [][2]int
	for _, s := range spans {
		if s[0] < 0 || s[1] > len(text) || s[0] >= s[1] {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] <= s[0] && strings.TrimSpace(text[out[n-1][1]:s[0]]) == "" {
			out[n-1][1] = s[1]
			continue
		}
		out = append(out, s)
	}
	return out
}

// refPassages pairs the double quote marks of text[a:b] the way a reader
// of that fragment alone would. Straight marks (" and ”) alternate: the
// first opens, the next closes. Curly marks pair by direction (“ opens, ”
// closes; a “ after a word and before white space closes), and may nest.
// A mark that re-opens a quotation at the start of a new line continues it.
// Passages left open at the fragment's end are not returned.
func refPassages(text string, a, b int) [][2]int {
	var out [][2]int
	straight := -1
	var curly []int
	for i := a; i < b; {
		n, isStraight := 0, false
		switch {
		case text[i] == '"':
			n, isStraight = 1, true
		case strings.HasPrefix(text[i:], "''"):
			n, isStraight = 2, true
		case strings.HasPrefix(text[i:], "“"), strings.HasPrefix(text[i:], "”"), strings.HasPrefix(text[i:], "„"):
			n = 3
		}
		if n == 0 || i+n > b {
			i++
			continue
		}
		reopen := func(open int) bool {
			return atLineStart(text, i) && strings.ContainsRune(text[open:i], '\n')
		}
		if isStraight {
			switch {
			case straight < 0:
				straight = i
			case reopen(straight):
			default:
				out = append(out, [2]int{straight, i + n})
				straight = -1
			}
			i += n
			continue
		}
		opener := !strings.HasPrefix(text[i:], "”")
		if opener && i > a && i+n < b {
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+n:])
			if !unicode.IsSpace(before) && unicode.IsSpace(after) {
				opener = false
			}
		}
		switch {
		case opener && len(curly) == 1 && reopen(curly[0]):
		case opener:
			curly = append(curly, i)
		case len(curly) > 0:
			out = append(out, [2]int{curly[len(curly)-1], i + n})
			curly = curly[:len(curly)-1]
		}
		i += n
	}
	return out
}

func atLineStart(text string, i int) bool {
	for i > 0 {
		c := text[i-1]
		if c == '\n' {
			return true
		}
		if c != ' ' && c != '\t' && c != '\r' {
			r, w := utf8.DecodeLastRuneInString(text[:i])
			if !unicode.IsSpace(r) {
				return false
			}
			i -= w
			continue
		}
		i--
	}
	return true
}

// trimRange trims white space, quote marks and edge punctuation from
// text[s:e], as the scorer does.
func trimRange(text string, s, e int) (int, int) {
	isEdge := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || strings.ContainsRune("“”‘’„«»\"'", r)
	}
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if !isEdge(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if !isEdge(r) {
			break
		}
		e -= w
	}
	return s, e
}

type corpusScore struct {
	passages, found       int
	speech, speechInside  int
	speech0, speech0In    int
	misses, outside, lost []string
	reasons               map[string][2]int // not-speech reason: inside, outside gold
	notSpeechInsideGold   int
	unclosedSpeech        int
	unclosedSpeechOutside int
}

func snippet(text string, s, e int) string {
	lo, hi := max(0, s-40), min(len(text), e+40)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	if e-s > 160 {
		return strings.ReplaceAll(text[lo:s]+"⟦"+text[s:s+80]+" … "+text[e-60:e]+"⟧"+text[e:hi], "\n", "⏎")
	}
	return strings.ReplaceAll(text[lo:s]+"⟦"+text[s:e]+"⟧"+text[e:hi], "\n", "⏎")
}

// score measures the detector on docs: how many quoted passages of gold
// contents it finds with exactly their marks, and how many of the
// quotations it calls speech lie inside a gold content.
func score(docs []goldDoc, d *Detector, skipOptional bool) corpusScore {
	var sc corpusScore
	for _, doc := range docs {
		text := doc.Text
		qs := d.Detect(text, sentence.Split(text))
		spans := map[[2]int]bool{}
		for _, q := range qs {
			spans[[2]int{q.Start, q.End}] = true
			for _, p := range q.Parts {
				spans[[2]int{p.Start, p.End}] = true
			}
		}
		seen := map[[2]int]bool{}
		for _, g := range doc.Quotes {
			if skipOptional && g.Optional {
				continue
			}
			for _, f := range fragments(text, g) {
				for _, p := range refPassages(text, f[0], f[1]) {
					if seen[p] {
						continue
					}
					seen[p] = true
					sc.passages++
					if spans[p] {
						sc.found++
					} else {
						sc.misses = append(sc.misses, doc.ID+": "+snippet(text, p[0], p[1]))
					}
				}
			}
		}
		inside := func(s, e int) bool {
			s, e = trimRange(text, s, e)
			for _, g := range doc.Quotes {
				if g.Start <= s && e <= g.End {
					return true
				}
			}
			return s >= e
		}
		for _, q := range qs {
			in := true
			for _, p := range q.Pieces() {
				if !inside(p.Start, p.End) {
					in = false
				}
			}
			if q.Kind != Speech {
				if sc.reasons == nil {
					sc.reasons = map[string][2]int{}
				}
				r := sc.reasons[q.Reason]
				if in {
					r[0]++
				} else {
					r[1]++
				}
				sc.reasons[q.Reason] = r
				if in {
					sc.notSpeechInsideGold++
					sc.lost = append(sc.lost, doc.ID+": "+q.Reason+": "+snippet(text, q.Start, q.End))
				}
				continue
			}
			sc.speech++
			if !q.Closed {
				sc.unclosedSpeech++
				if !in {
					sc.unclosedSpeechOutside++
				}
			}
			if q.Depth == 0 {
				sc.speech0++
			}
			if in {
				sc.speechInside++
				if q.Depth == 0 {
					sc.speech0In++
				}
			} else {
				sc.outside = append(sc.outside, doc.ID+": "+snippet(text, q.Start, q.End))
			}
		}
	}
	return sc
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func (sc corpusScore) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: passages found with exactly their marks %d/%d = %.2f%%", name, sc.found, sc.passages, pct(sc.found, sc.passages))
	t.Logf("%s: speech inside gold content %d/%d = %.2f%% (depth 0: %d/%d = %.2f%%); unclosed speech %d (%d outside); not-speech inside gold %d",
		name, sc.speechInside, sc.speech, pct(sc.speechInside, sc.speech), sc.speech0In, sc.speech0, pct(sc.speech0In, sc.speech0),
		sc.unclosedSpeech, sc.unclosedSpeechOutside, sc.notSpeechInsideGold)
	t.Logf("%s: not-speech by reason [inside gold, outside]: %v", name, sc.reasons)
	if os.Getenv("QUOTE_DEBUG") != "" {
		for _, m := range sc.misses {
			t.Logf("MISS %s", m)
		}
		for _, m := range sc.outside {
			t.Logf("OUTSIDE %s", m)
		}
		for _, m := range sc.lost {
			t.Logf("LOST %s", m)
		}
	}
}

func TestSeedGold(t *testing.T) {
	docs := loadGold(t, "seed/gold.jsonl")
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	sc := score(docs, d, true)
	sc.log(t, "seed")
	if sc.found != sc.passages {
		for _, m := range sc.misses {
			t.Errorf("missed %s", m)
		}
	}
	doc := docs[0]
	qs := d.Detect(doc.Text, sentence.Split(doc.Text))
	kindOf := func(s string) (Kind, bool) {
		for _, q := range qs {
			if q.Text == s {
				return q.Kind, true
			}
		}
		return 0, false
	}
	for _, nq := range doc.NonQuotes {
		if k, ok := kindOf(nq.Text); !ok || k != NotSpeech {
			t.Errorf("%s: found %v, kind %v; want not-speech", nq.Text, ok, k)
		}
	}
	garbled := "“the official said, adding that they would like to have some”"
	if k, ok := kindOf(garbled); !ok || k != NotSpeech {
		t.Errorf("%s: found %v, kind %v; want not-speech", garbled, ok, k)
	}
	for _, w := range []string{"“serious”", "“brutal”", "“opportunities”"} {
		if k, ok := kindOf(w); !ok || k != Speech {
			t.Errorf("%s: found %v, kind %v; want speech", w, ok, k)
		}
	}
}

func TestPolNeARDev(t *testing.T) {
	docs := loadGold(t, "polnear/dev.jsonl")
	sc := score(docs, defaultDetectorForTest(t), false)
	sc.log(t, "dev")
	base := baseline(t, docs)
	if p := pct(sc.found, sc.passages); p < 99.5 {
		t.Errorf("dev: passages found %.2f%% < 99.5%%", p)
	}
	if p := pct(sc.speechInside, sc.speech); p < 95 || p < base+2 {
		t.Errorf("dev: speech inside gold %.2f%% < 95%%", p)
	}
}

func TestPolNeARTrain(t *testing.T) {
	if testing.Short() {
		t.Skip("train split skipped in -short mode")
	}
	docs := loadGold(t, "polnear/train.jsonl")
	sc := score(docs, defaultDetectorForTest(t), false)
	sc.log(t, "train")
	base := baseline(t, docs)
	if p := pct(sc.found, sc.passages); p < 99.5 {
		t.Errorf("train: passages found %.2f%% < 99.5%%", p)
	}
	if p := pct(sc.speechInside, sc.speech); p < base+0.5 {
		t.Errorf("train: speech inside gold %.2f%% < %.2f%% (every quotation called speech) + 0.5", p, base)
	}
}

// baseline returns the share of quotations inside gold contents when every
// quotation is called speech.
func baseline(t *testing.T, docs []goldDoc) float64 {
	t.Helper()
	d, err := New(WithClassification(false))
	if err != nil {
		t.Fatal(err)
	}
	sc := score(docs, d, false)
	p := pct(sc.speechInside, sc.speech)
	t.Logf("every quotation called speech: %d/%d = %.2f%% inside gold", sc.speechInside, sc.speech, p)
	return p
}

// wrap hard-wraps each line of text at width columns (in bytes), breaking
// at spaces, as plain-text mail and some scrapes do.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Split(line, " ") {
			if j > 0 {
				if n+1+len(w) > width {
					b.WriteByte('\n')
					n = 0
				} else {
					b.WriteByte(' ')
					n++
				}
			}
			b.WriteString(w)
			n += len(w)
		}
	}
	return b.String()
}

// TestHardWrapped checks that single line breaks inside paragraphs do not
// change what is found on the seed article.
func TestHardWrapped(t *testing.T) {
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt")
	norm := func(text string) []string {
		var out []string
		for _, q := range Detect(text, nil) {
			out = append(out, q.Kind.String()+" "+strings.Join(strings.Fields(q.Text), " "))
		}
		return out
	}
	a := norm(text)
	if len(a) < 15 {
		t.Fatalf("bad test: %d quotations", len(a))
	}
	for _, width := range []int{40, 55, 70, 100} {
		if b := norm(wrap(text, width)); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("text wrapped at %d differs:\n%s\n---\n%s", width, strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
	}
}
