package attribution

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/internal/heads"
	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// corefCase is a hand-written text with its attributions, each given by the
// n-th occurrence of its speaker mention and of its content.
type corefCase struct {
	name  string
	text  string
	attrs []corefAttr
	// same lists pairs of attribution indexes that must share an entity;
	// differ pairs that must not.
	same, differ [][2]int
}

type corefAttr struct {
	speaker string
	nth     int // occurrence of speaker, from 0
	content string
	rule    string
	want    string // Entity.Name
}

// at returns the span of the nth occurrence of sub in text as whole words.
func at(t *testing.T, text, sub string, nth int) span.Span {
	t.Helper()
	off := 0
	for k := 0; ; {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			t.Fatalf("%q: occurrence %d not found", sub, nth)
		}
		s, e := off+i, off+i+len(sub)
		off = e
		if s > 0 && corefTestLetter(text[s-1]) || e < len(text) && corefTestLetter(text[e]) {
			continue
		}
		if k == nth {
			return span.Of(text, s, e)
		}
		k++
	}
}

func corefTestLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

var corefCases = []corefCase{
	{
		name: "surname",
		text: "Antony Blinken met Emmanuel Macron on Tuesday. “It was productive,” Blinken said.",
		attrs: []corefAttr{
			{speaker: "Blinken", nth: 1, content: "“It was productive,”", want: "Antony Blinken"},
		},
	},
	{
		name: "title and name",
		text: "Secretary of State Antony Blinken arrived in Paris. “We are committed,” Mr. Blinken said. Later, Sen. Jane Doe said the trip was a success. “It was,” Ms. Doe said.",
		attrs: []corefAttr{
			{speaker: "Mr. Blinken", content: "“We are committed,”", want: "Antony Blinken"},
			{speaker: "Sen. Jane Doe", content: "the trip was a success", want: "Jane Doe"},
			{speaker: "Ms. Doe", content: "“It was,”", want: "Jane Doe"},
		},
		same:   [][2]int{{1, 2}},
		differ: [][2]int{{0, 1}},
	},
	{
		name: "definite description",
		text: "A senior State Department official described the meetings as “very productive.” The official said more work remained. The senior State Department official added that talks would go on.",
		attrs: []corefAttr{
			{speaker: "A senior State Department official", content: "the meetings as “very productive.”", want: "a senior State Department official"},
			{speaker: "The official", content: "more work remained", want: "a senior State Department official"},
			{speaker: "The senior State Department official", content: "that talks would go on", want: "a senior State Department official"},
		},
		same: [][2]int{{0, 1}, {1, 2}},
	},
	{
		name: "description to titled name",
		text: "Secretary of State Antony Blinken met French officials. The secretary said the talks were useful.",
		attrs: []corefAttr{
			{speaker: "The secretary", content: "the talks were useful", want: "Antony Blinken"},
		},
	},
	{
		name: "organization",
		text: "The State Department said the talks were useful. Later the State Department said it would send an envoy.",
		attrs: []corefAttr{
			{speaker: "The State Department", content: "the talks were useful", want: "the State Department"},
			{speaker: "the State Department", nth: 0, content: "it would send an envoy", want: "the State Department"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "he and she by given name",
		text: "Hillary Clinton met Donald Trump in the second debate. Trump attacked her record. “That is false,” she said. “It is true,” he said.",
		attrs: []corefAttr{
			{speaker: "she", content: "“That is false,”", want: "Hillary Clinton"},
			{speaker: "he", content: "“It is true,”", want: "Donald Trump"},
		},
	},
	{
		name: "he and she by title",
		text: "Mrs. Okafor and Mr. Lindqvist met on Monday. Mr. Lindqvist spoke first. She said the deal was fair.",
		attrs: []corefAttr{
			{speaker: "She", content: "the deal was fair", want: "Okafor"},
		},
	},
	{
		name: "he by previous speaker",
		text: "Kevin Sullivan says he instructed staff on Monday to check the records. He says the system would show it.",
		attrs: []corefAttr{
			{speaker: "Kevin Sullivan", content: "he instructed staff on Monday to check the records", want: "Kevin Sullivan"},
			{speaker: "He", content: "the system would show it", want: "Kevin Sullivan"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "they to organization",
		text: "Politifact then ruled that the claim was true, but they said the numbers were rough.",
		attrs: []corefAttr{
			{speaker: "Politifact", content: "the claim was true", want: "Politifact"},
			{speaker: "they", content: "the numbers were rough", want: "Politifact"},
		},
	},
	{
		name: "they to plural",
		text: "McConnell aides acknowledged a close relationship with the administration. But they said the sanctions would stay.",
		attrs: []corefAttr{
			{speaker: "they", content: "the sanctions would stay", want: "McConnell aides"},
		},
	},
	{
		name: "they to two people",
		text: "Mr. Grassley and Mr. Leahy sent a letter on Thursday. The program is broken, they wrote.",
		attrs: []corefAttr{
			{speaker: "they", content: "The program is broken", want: "Grassley and Leahy"},
		},
	},
	{
		name: "I inside a quotation",
		text: "“I told him the deal was dead,” Mayor Ana Ruiz said.",
		attrs: []corefAttr{
			{speaker: "I", content: "him the deal was dead", want: "Ana Ruiz"},
			{speaker: "Mayor Ana Ruiz", content: "“I told him the deal was dead,”", want: "Ana Ruiz"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "I outside quotations",
		text: "I believe the senator is wrong about the budget.",
		attrs: []corefAttr{
			{speaker: "I", content: "the senator is wrong about the budget", want: "the author"},
		},
	},
	{
		name: "continuation",
		text: "“We expected better,” journalist Anne-Sophie Lapix said.\n\n“You speak French.”",
		attrs: []corefAttr{
			{speaker: "journalist Anne-Sophie Lapix", content: "“We expected better,”", want: "Anne-Sophie Lapix"},
			{content: "“You speak French.”", rule: RuleContinuation, want: "Anne-Sophie Lapix"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "possessive",
		text: "Donald Trump left the rally early. His spokesman said the schedule had changed.",
		attrs: []corefAttr{
			{speaker: "His spokesman", content: "the schedule had changed", want: "Donald Trump’s spokesman"},
		},
	},
	{
		name: "appositive role",
		text: "Josh Earnest, the White House spokesman, met reporters on Monday. The spokesman said the president would veto the bill.",
		attrs: []corefAttr{
			{speaker: "The spokesman", content: "the president would veto the bill", want: "Josh Earnest"},
		},
	},
	{
		name: "relative pronoun",
		text: "Mayor Ana Ruiz, who said the budget was balanced, left early.",
		attrs: []corefAttr{
			{speaker: "who", content: "the budget was balanced", want: "Ana Ruiz"},
		},
	},
	{
		name: "it to organization",
		text: "The Tax Policy Center published its study on Monday. It said the plan would cost $9 trillion.",
		attrs: []corefAttr{
			{speaker: "It", content: "the plan would cost $9 trillion", want: "the Tax Policy Center"},
		},
	},
	{
		name: "bare surname to the main person",
		text: "Hillary Clinton spoke in Ohio. Bill Clinton was not there. Clinton said the plan was fair.",
		attrs: []corefAttr{
			{speaker: "Clinton", nth: 2, content: "the plan was fair", want: "Hillary Clinton"},
		},
	},
	{
		name: "nation in a description",
		text: "Republican nominee Donald Trump and Democratic nominee Hillary Clinton met. The Democratic nominee said the debate was fair.",
		attrs: []corefAttr{
			{speaker: "The Democratic nominee", content: "the debate was fair", want: "Hillary Clinton"},
		},
	},
	{
		name: "headline in title case",
		text: "Paul Ryan Thinks Trump Can Win.\n\nHouse Speaker Paul Ryan said on Tuesday that he thinks the party can win. Ryan said the campaign would go on.",
		attrs: []corefAttr{
			{speaker: "Ryan", nth: 1, content: "the campaign would go on", want: "Paul Ryan"},
		},
	},
	{
		name: "dateline and vice president",
		text: "WASHINGTON — President Barack Obama met Vice President Joseph R. Biden Jr. on Monday. The president said the talks went well.",
		attrs: []corefAttr{
			{speaker: "The president", content: "the talks went well", want: "Barack Obama"},
		},
	},
	{
		name: "description with a name in apposition",
		text: "Hillary Clinton campaigned in Ohio. Her husband, former President Bill Clinton, said the race was close.",
		attrs: []corefAttr{
			{speaker: "Her husband, former President Bill Clinton", content: "the race was close", want: "Bill Clinton"},
		},
	},
	{
		name: "name in apposition after a phrase",
		text: "The foreign minister of France, Jean-Marc Ayrault, said the talks had failed.",
		attrs: []corefAttr{
			{speaker: "The foreign minister of France, Jean-Marc Ayrault", content: "the talks had failed", want: "Jean-Marc Ayrault"},
		},
	},
	{
		name: "given name alone",
		text: "Jeb is back. Jeb Bush spoke in Iowa on Monday. Jeb said the polls were wrong.",
		attrs: []corefAttr{
			{speaker: "Jeb", nth: 2, content: "the polls were wrong", want: "Jeb Bush"},
		},
	},
	{
		name: "second person",
		text: "Hillary Clinton met voters. You said the plan was fair.",
		attrs: []corefAttr{
			{speaker: "You", content: "the plan was fair", want: "You"},
		},
	},
	{
		name: "unresolved pronoun",
		text: "“Nobody knows,” she said.",
		attrs: []corefAttr{
			{speaker: "she", content: "“Nobody knows,”", want: "she"},
		},
	},
}

func buildAttrs(t *testing.T, c corefCase) []Attribution {
	t.Helper()
	var attrs []Attribution
	for _, a := range c.attrs {
		x := Attribution{Extent: at(t, c.text, a.content, 0), Rule: a.rule}
		x.Spans = []span.Span{x.Extent}
		if strings.HasPrefix(a.content, "“") {
			x.Quoted = []span.Span{span.Of(c.text, x.Extent.Start+len("“"), x.Extent.End-len("”"))}
		} else {
			x.Type = Indirect
		}
		if a.speaker != "" {
			x.Speaker = at(t, c.text, a.speaker, a.nth)
		}
		attrs = append(attrs, x)
	}
	return attrs
}

func TestResolveEntities(t *testing.T) {
	for _, c := range corefCases {
		t.Run(c.name, func(t *testing.T) {
			attrs := buildAttrs(t, c)
			resolveEntities(c.text, sentence.Split(c.text), attrs)
			for i, a := range c.attrs {
				got := attrs[i].Entity
				if got.Name != a.want {
					t.Errorf("attribution %d (%q): Name = %q, want %q", i, a.speaker, got.Name, a.want)
				}
				if got.ID < 1 {
					t.Errorf("attribution %d: ID = %d", i, got.ID)
				}
				checkMentions(t, c.text, got.Mentions)
				if !attrs[i].Speaker.Empty() && !containsSpan(got.Mentions, attrs[i].Speaker) {
					t.Errorf("attribution %d: speaker %v not among mentions %v", i, attrs[i].Speaker, got.Mentions)
				}
			}
			for _, p := range c.same {
				if attrs[p[0]].Entity.ID != attrs[p[1]].Entity.ID {
					t.Errorf("attributions %d and %d: entities %d and %d, want one", p[0], p[1], attrs[p[0]].Entity.ID, attrs[p[1]].Entity.ID)
				}
			}
			for _, p := range c.differ {
				if attrs[p[0]].Entity.ID == attrs[p[1]].Entity.ID {
					t.Errorf("attributions %d and %d share entity %d", p[0], p[1], attrs[p[0]].Entity.ID)
				}
			}
		})
	}
}

// TestResolveEntitiesConcurrent resolves texts from many goroutines: the
// lexicons are shared and read-only.
func TestResolveEntitiesConcurrent(t *testing.T) {
	all := make([][]Attribution, len(corefCases))
	for i, c := range corefCases {
		all[i] = buildAttrs(t, c)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for i, c := range corefCases {
				attrs := append([]Attribution(nil), all[i]...)
				resolveEntities(c.text, sentence.Split(c.text), attrs)
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func containsSpan(ms []span.Span, s span.Span) bool {
	for _, m := range ms {
		if m.Contains(s) {
			return true
		}
	}
	return false
}

// checkMentions asserts that every mention is a span of text, in order.
func checkMentions(t *testing.T, text string, ms []span.Span) {
	t.Helper()
	for k, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d %+v is not a span of the text", k, m)
		}
		if k > 0 && ms[k-1].Start > m.Start {
			t.Fatalf("mentions out of order: %+v before %+v", ms[k-1], m)
		}
	}
}

func TestResolveEntitiesIDs(t *testing.T) {
	text := "Jane Doe said it. John Roe said it. Doe said it again."
	attrs := []Attribution{
		{Speaker: at(t, text, "Jane Doe", 0), Extent: at(t, text, "it", 0)},
		{Speaker: at(t, text, "John Roe", 0), Extent: at(t, text, "it", 1)},
		{Speaker: at(t, text, "Doe", 1), Extent: at(t, text, "it again", 0)},
		{Extent: at(t, text, "again", 0)}, // no speaker, not a continuation
	}
	attrs[3].Entity = Entity{ID: 9, Name: "kept"}
	resolveEntities(text, sentence.Split(text), attrs)
	ids := []int{attrs[0].Entity.ID, attrs[1].Entity.ID, attrs[2].Entity.ID, attrs[3].Entity.ID}
	if ids[0] != 1 || ids[1] != 2 || ids[2] != 1 || ids[3] != 9 {
		t.Errorf("IDs = %v, want [1 2 1 9]", ids)
	}
	if n := len(attrs[0].Entity.Mentions); n != 2 {
		t.Errorf("Jane Doe has %d mentions, want 2: %v", n, attrs[0].Entity.Mentions)
	}
	resolveEntities(text, nil, nil) // no attributions: nothing to do
}

type goldSpan struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Spans [][]int `json:"spans"`
	Text  string  `json:"text"`
	Name  string  `json:"name"`
}

type goldQuote struct {
	Type     string    `json:"type"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Spans    [][]int   `json:"spans"`
	Speaker  *goldSpan `json:"speaker"`
	Cue      *goldSpan `json:"cue"`
	Mentions []string  `json:"speaker_mentions"`
	Optional bool      `json:"optional"`
}

type goldDoc struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Quotes []goldQuote `json:"quotes"`
}

func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus file %s absent: %v", path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// oracleAttrs makes attributions from gold, in order of content, with the
// gold speaker mentions: what the attribution stage would give if it found
// every speaker mention. A gold quotation with a speaker name and no
// mention is a continuation.
func oracleAttrs(d goldDoc) ([]Attribution, []int) {
	idx := make([]int, len(d.Quotes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return d.Quotes[idx[a]].Start < d.Quotes[idx[b]].Start })
	attrs := make([]Attribution, len(idx))
	for k, i := range idx {
		q := d.Quotes[i]
		a := Attribution{Extent: span.Of(d.Text, q.Start, q.End)}
		for _, f := range q.Spans {
			if len(f) == 2 {
				a.Spans = append(a.Spans, span.Of(d.Text, f[0], f[1]))
			}
		}
		switch q.Type {
		case "mixed":
			a.Type = Mixed
		case "indirect":
			a.Type = Indirect
		}
		if a.Type != Indirect {
			a.Quoted = []span.Span{a.Extent}
		}
		if q.Speaker != nil && q.Speaker.End > q.Speaker.Start {
			a.Speaker = span.Of(d.Text, q.Speaker.Start, q.Speaker.End)
		} else if q.Speaker != nil && q.Speaker.Name != "" {
			a.Rule = RuleContinuation
		}
		if q.Cue != nil {
			a.Cue = span.Of(d.Text, q.Cue.Start, q.Cue.End)
		}
		attrs[k] = a
	}
	return attrs, idx
}

// sameHead reports whether the predicted name shares a head word with the
// referent, as the evaluation takes them; a bare pronoun never does.
func sameHead(pred, ref string) bool { return heads.Same(pred, ref) }

type pronounGold struct {
	ID      string `json:"id"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Pronoun string `json:"pronoun"`
	Name    string `json:"name"`
}

// TestPronounsDev resolves the dev pronoun speakers over oracle speaker
// mentions and scores them as the evaluation does.
func TestPronounsDev(t *testing.T) {
	dir := corpustest.Path(t, "")
	golds := readJSONL[pronounGold](t, filepath.Join(dir, "polnear", "dev_pronouns.jsonl"))
	docs := readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "dev.jsonl"))
	byID := map[string]goldDoc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	resolved := map[string][]Attribution{}
	right := 0
	for _, g := range golds {
		d, ok := byID[g.ID]
		if !ok {
			t.Fatalf("pronoun of unknown document %s", g.ID)
		}
		attrs, ok := resolved[g.ID]
		if !ok {
			attrs, _ = oracleAttrs(d)
			resolveEntities(d.Text, sentence.Split(d.Text), attrs)
			resolved[g.ID] = attrs
		}
		got := ""
		for _, a := range attrs {
			if a.Speaker.Start == g.Start && !a.Speaker.Empty() {
				got = a.Entity.Name
				break
			}
		}
		if sameHead(got, g.Name) {
			right++
		} else if testing.Verbose() {
			t.Logf("miss %s@%d %s: got %q, want %q", g.ID, g.Start, g.Pronoun, got, g.Name)
		}
	}
	share := float64(right) / float64(len(golds))
	t.Logf("dev pronouns named right: %d/%d = %.3f", right, len(golds), share)
	// The project's target is 0.70; this floor guards what is reached.
	if share < 0.90 {
		t.Errorf("dev pronoun accuracy %.3f below the floor 0.90", share)
	}
}

// TestPronounsDevPipeline scores the dev pronouns on the whole pipeline's
// attributions, where a pronoun counts only when the attribution stage found
// it as a speaker mention. It logs the figure and asserts nothing: the
// oracle test above holds the floor of entity resolution itself.
func TestPronounsDevPipeline(t *testing.T) {
	dir := corpustest.Path(t, "")
	golds := readJSONL[pronounGold](t, filepath.Join(dir, "polnear", "dev_pronouns.jsonl"))
	docs := readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "dev.jsonl"))
	byID := map[string]goldDoc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	resolved := map[string][]Attribution{}
	right, found := 0, 0
	for _, g := range golds {
		d := byID[g.ID]
		attrs, ok := resolved[g.ID]
		if !ok {
			sents := sentence.Split(d.Text)
			attrs = Resolve(d.Text, sents, quote.Detect(d.Text, sents))
			resolved[g.ID] = attrs
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
			if ok || q.Speaker == nil || q.Speaker.Start != g.Start {
				continue
			}
			gc := span.Of(d.Text, q.Start, q.End)
			for _, a := range attrs {
				if a.Extent.Overlaps(gc) {
					name, ok = a.Entity.Name, true
					break
				}
			}
		}
		if sameHead(name, g.Name) {
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
	dir := corpustest.Path(t, "")
	docs := readJSONL[goldDoc](t, filepath.Join(dir, "seed", "gold.jsonl"))
	right, total := 0, 0
	for _, d := range docs {
		attrs, idx := oracleAttrs(d)
		resolveEntities(d.Text, sentence.Split(d.Text), attrs)
		for k, i := range idx {
			q := d.Quotes[i]
			if q.Optional || q.Speaker == nil {
				continue
			}
			total++
			ok := false
			for _, m := range append(q.Mentions, q.Speaker.Name) {
				ok = ok || sameHead(attrs[k].Entity.Name, m)
			}
			if ok {
				right++
			} else {
				t.Errorf("%q (%s): named %q, want one of %q", q.Speaker.Text, attrs[k].Extent.Text[:min(30, len(attrs[k].Extent.Text))], attrs[k].Entity.Name, q.Mentions)
			}
			if q.Speaker.Text == "he" && !strings.Contains(attrs[k].Entity.Name, "Blinken") {
				t.Errorf("“he” named %q, want Blinken", attrs[k].Entity.Name)
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
	dir := corpustest.Path(t, "")
	docs := readJSONL[goldDoc](t, filepath.Join(dir, "polnear", "train.jsonl"))
	var pron, named, ents, attrsN int
	var sample []string
	for di, d := range docs {
		attrs, _ := oracleAttrs(d)
		resolveEntities(d.Text, sentence.Split(d.Text), attrs)
		seen := map[int]bool{}
		maxID := 0
		for _, a := range attrs {
			if a.Entity.ID == 0 {
				continue
			}
			attrsN++
			checkMentions(t, d.Text, a.Entity.Mentions)
			if !seen[a.Entity.ID] {
				seen[a.Entity.ID] = true
				ents++
			}
			maxID = max(maxID, a.Entity.ID)
			if p, ok := names.PronounOf(a.Speaker.Text); ok && p.Person == 3 && !p.Possessive {
				pron++
				if _, ok := names.PronounOf(a.Entity.Name); !ok {
					named++
					if di%40 == 0 && len(sample) < 30 {
						sample = append(sample, a.Speaker.Text+" → "+a.Entity.Name)
					}
				}
			}
		}
		if maxID != len(seen) {
			t.Errorf("%s: IDs up to %d for %d entities", d.ID, maxID, len(seen))
		}
	}
	t.Logf("train: %d attributions with an entity, %d entities; %d/%d third-person pronoun speakers resolved to a name", attrsN, ents, named, pron)
	t.Logf("sample: %s", strings.Join(sample, "; "))
	if pron > 0 && float64(named)/float64(pron) < 0.8 {
		t.Errorf("only %d/%d pronoun speakers resolved", named, pron)
	}
}

func FuzzResolveEntities(f *testing.F) {
	for _, c := range corefCases {
		f.Add(c.text, 0, 3)
	}
	f.Add("He said \xff\xfe “I” they\x00 said Mr.", 1, 2)
	f.Add("Mr. \"\" ''I'' — , his the A B C and D E officials of the F", 0, 40)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		sents := sentence.Split(text)
		// Every word of the text is a speaker mention in turn.
		var attrs []Attribution
		for i := 0; i < len(text); {
			j := i
			for j < len(text) && text[j] != ' ' {
				j++
			}
			if j > i {
				attrs = append(attrs, Attribution{Speaker: span.Of(text, i, j), Extent: span.Of(text, a, b)})
			} else {
				attrs = append(attrs, Attribution{Rule: RuleContinuation})
			}
			i = j + 1
		}
		resolveEntities(text, sents, attrs)
		// The scan keeps its mentions in order: pronouns search them.
		sc := newCorefResolver(text, sents, nil).s
		for k := 1; k < len(sc.ments); k++ {
			if sc.ments[k-1].sp.Start > sc.ments[k].sp.Start {
				t.Fatalf("scan mentions out of order: %+v before %+v", sc.ments[k-1].sp, sc.ments[k].sp)
			}
		}
		for _, x := range attrs {
			checkMentions(t, text, x.Entity.Mentions)
			if x.Speaker.Empty() {
				continue
			}
			if x.Entity.ID == 0 || x.Entity.Name == "" {
				t.Fatalf("speaker %q has no entity", x.Speaker.Text)
			}
			if !containsSpan(x.Entity.Mentions, x.Speaker) {
				t.Fatalf("speaker %v not among the mentions %v", x.Speaker, x.Entity.Mentions)
			}
		}
	})
}

func BenchmarkResolveEntities(b *testing.B) {
	dir := corpustest.Path(b, "")
	docs := readJSONL[goldDoc](b, filepath.Join(dir, "polnear", "dev.jsonl"))
	type item struct {
		text  string
		sents []sentence.Sentence
		attrs []Attribution
	}
	var items []item
	size := 0
	for _, d := range docs {
		attrs, _ := oracleAttrs(d)
		items = append(items, item{d.Text, sentence.Split(d.Text), attrs})
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			resolveEntities(it.text, it.sents, it.attrs)
		}
	}
}
