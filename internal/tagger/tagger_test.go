package tagger

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
)

// sentences tokenizes every text of a PolNeAR split with prose's tokenizer
// and cuts the tokens into sentences at terminal punctuation.
func sentences(tb testing.TB, split string) (sents [][]string, bytes int) {
	tb.Helper()
	tk := tokenize.New()
	for _, text := range corpustest.Texts(tb, "polnear/"+split+".jsonl") {
		for _, para := range strings.Split(text, "\n") {
			var cur []string
			for _, tok := range tk.Tokenize(para) {
				cur = append(cur, tok.Text)
				bytes += len(tok.Text)
				if tok.Text == "." || tok.Text == "?" || tok.Text == "!" {
					sents = append(sents, cur)
					cur = nil
				}
			}
			if len(cur) > 0 {
				sents = append(sents, cur)
			}
		}
	}
	return sents, bytes
}

func toTokens(words []string) []token.Token {
	out := make([]token.Token, len(words))
	for i, w := range words {
		out[i] = token.Token{Text: w, Start: i}
	}
	return out
}

type taggers struct {
	ours  *Tagger
	prose *tag.Tagger
}

func newTaggers(tb testing.TB) taggers {
	tb.Helper()
	ours, err := New()
	require.NoError(tb, err)
	prose, err := tag.New()
	require.NoError(tb, err)
	return taggers{ours, prose}
}

// compare tags words with both taggers, with TagTokens and with TagWords,
// and reports the first difference of each.
func (tg taggers) compare(t *testing.T, words []string) (mismatches int) {
	t.Helper()
	want := toTokens(words)
	got := toTokens(words)
	tg.prose.TagTokens(want)
	tg.ours.TagTokens(got)
	// One more tag than words, which TagWords leaves as it is.
	tags := make([]string, len(words)+1)
	tags[len(words)] = "past the words"
	tg.ours.TagWords(tags, words)
	assert.Equal(t, "past the words", tags[len(words)], "sentence %q: TagWords wrote past the words", words)
	wordsOff := 0
	for i := range want {
		if got[i] != want[i] {
			if mismatches == 0 {
				assert.Equal(t, want[i], got[i], "sentence %q: token %d %q: got tag %q, prose %q", words, i, words[i], got[i].Tag, want[i].Tag)
			}
			mismatches++
		}
		if tags[i] != want[i].Tag {
			if wordsOff == 0 {
				assert.Equal(t, want[i].Tag, tags[i], "sentence %q: word %d %q: TagWords gave %q, prose %q", words, i, words[i], tags[i], want[i].Tag)
			}
			wordsOff++
		}
	}
	return mismatches + wordsOff
}

func TestIdenticalOnCorpus(t *testing.T) {
	tg := newTaggers(t)
	for _, split := range []string{"dev", "train"} {
		t.Run(split, func(t *testing.T) {
			if split == "train" && (testing.Short() || raceEnabled) {
				t.Skip("train comparison skipped in -short and -race runs")
			}
			sents, _ := sentences(t, split)
			tokens, mismatches := 0, 0
			for _, s := range sents {
				tokens += len(s)
				mismatches += tg.compare(t, s)
			}
			t.Logf("%s: %d sentences, %d tokens compared, %d mismatches", split, len(sents), tokens, mismatches)
		})
	}
}

func TestIdenticalOnEdgeCases(t *testing.T) {
	tg := newTaggers(t)
	long := strings.Repeat("a", 100000)
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one token", []string{"said"}},
		{"empty word", []string{""}},
		{"empty words", []string{"", "the", "", ""}},
		{"sentence", strings.Fields("The president said on Tuesday that he would veto the bill .")},
		{"emoticons", []string{"I", "love", "it", ":-)", "(ಠ_ಠ)", "¯\\(ツ)/¯", "xD", ":)"}},
		{"numbers", []string{"In", "1999", ",", "+123", "-123", "12", "3.5", "1,000", "2024", "-", "0", "7th"}},
		{"hyphenated", []string{"a", "well-known", "state-of-the-art", "-", "--", "-LRB-", "-RRB-", "-lrb-", "-ABCD-", "x-"}},
		{"traces", []string{"*", "*T*", "*-1", "*T*-12", "*?*", "*U*", "*-1234", "0", "*A*"}},
		{"all caps", strings.Fields("THE SENATOR SAID : \" WE WILL WIN . \"")},
		{"mentions", []string{"@potus", "said", "@", "@@"}},
		{"unicode", []string{"Ça", "va", "très", "bien", "—", "“", "Über", "İstanbul", "ΣΊΣΥΦΟΣ", "日本", "café"}},
		{"invalid utf-8", []string{"\xff", "ab\xfe", "\xc3", "The\xff", "A\x80B", "é\xff"}},
		{"sentinels as words", []string{"-START-", "-START2-", "-END-", "-END2-", "!HYPHEN", "!YEAR", "!DIGITS", "bias"}},
		{"tags as words", []string{"NN", "VBD", "-NONE-", "SYM", "PRP$", "i", "word", "suffix"}},
		{"spaces", []string{"a b", " ", "NN said", "i word", "the ", " the"}},
		{"long token", []string{"He", long, "said", long + "-x", "ALLCAPS" + long}},
		{"control", []string{"\x00", "\t", "\n", "a\x00b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg.compare(t, tt.words)
		})
	}
}

func TestEmoticonsMatchProse(t *testing.T) {
	tg := newTaggers(t)
	for e := range emoticons {
		if tg.compare(t, []string{e}) == 0 {
			toks := toTokens([]string{e})
			tg.prose.TagTokens(toks)
			assert.Equal(t, "SYM", toks[0].Tag, "prose's tag of %q: not one of its emoticons", e)
		}
	}
}

func TestTemplatesPrefixFree(t *testing.T) {
	ts := []string{tSuffix, tPref1, tTag1, tTag2, tTagTag, tWord, tTagWord, tWordM1, tSuffixM1, tWordM2, tWordP1, tSuffixP1, tWordP2, featBias}
	for _, a := range ts {
		for _, b := range ts {
			if a != b {
				assert.False(t, strings.HasPrefix(b, a), "template %q is a prefix of %q", a, b)
			}
		}
	}
}

func TestLeavesOtherFields(t *testing.T) {
	tg := newTaggers(t)
	toks := []token.Token{{Text: "He", Label: "x", Start: 7}, {Text: "said", Start: 10}}
	tg.ours.TagTokens(toks)
	assert.Equal(t, "x", toks[0].Label, "label of %+v", toks[0])
	assert.Equal(t, 7, toks[0].Start, "start of %+v", toks[0])
	assert.Equal(t, 10, toks[1].Start, "start of %+v", toks[1])
	assert.Equal(t, "PRP", toks[0].Tag, "tag of %+v", toks[0])
	assert.Equal(t, "VBD", toks[1].Tag, "tag of %+v", toks[1])
}

func TestConcurrent(t *testing.T) {
	tg := newTaggers(t)
	sents := [][]string{
		strings.Fields("The president said on Tuesday that he would veto the bill ."),
		strings.Fields("\" We will not back down , \" she told reporters ."),
		{"a"}, nil, strings.Fields("Running late , the well-known senator 's aide called in 2016 ."),
	}
	want := make([][]token.Token, len(sents))
	for i, s := range sents {
		want[i] = toTokens(s)
		tg.prose.TagTokens(want[i])
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := (g + k) % len(sents)
				got := toTokens(sents[i])
				tg.ours.TagTokens(got)
				for j := range got {
					if !assert.Equal(t, want[i][j], got[j], "goroutine %d: %q got %q, want %q", g, got[j].Text, got[j].Tag, want[i][j].Tag) {
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestLoadTime reports the cost of the first New in this process; run it
// alone (go test -run TestLoadTime -v) for a cold figure.
func TestLoadTime(t *testing.T) {
	start := time.Now()
	_, err := New()
	require.NoError(t, err)
	el := time.Since(start)
	t.Logf("first New: %v", el)
	m, _ := load()
	t.Logf("%d classes (%d weighted), %d sparse and %d dense weights, %d arguments, %d tags, %d tag+word features", len(m.classes), len(m.orig), len(m.wts), len(m.dense)*denseLen, len(m.rows)-1, len(m.tags), nonzero(m.tagWords))
}

func nonzero(refs []ref) (n int) {
	for _, r := range refs {
		if r != 0 {
			n++
		}
	}
	return n
}

func TestDecodeTruncated(t *testing.T) {
	data := aptagmodel.English
	for k := 0; k < 40; k++ {
		n := len(data) * k / 40
		_, err := decode(data[:n:n])
		assert.Error(t, err, "decode of the first %d of %d bytes", n, len(data))
	}
}

func TestDecodeRejectsBadInput(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PROSETAG"), []byte("NOTAMODEL\x01\x00\x00\x00"), []byte("PROSETAG\x02\x00\x00\x00")} {
		_, err := decode(data)
		assert.Error(t, err, "decode(%q)", data)
	}
}

func FuzzTagTokens(f *testing.F) {
	f.Add("The president said so .")
	f.Add("-LRB- *T*-1 0 @x :-) 1999 well-known \xff É")
	f.Add("")
	f.Add("a\x00b  c")
	tg := newTaggers(f)
	f.Fuzz(func(t *testing.T, s string) {
		// Split on a control byte rather than on spaces, so that tokens
		// with spaces and empty tokens are explored too.
		words := strings.Split(s, "\x01")
		if len(words) == 1 {
			words = strings.Split(s, " ")
		}
		tg.compare(t, words)
	})
}

func BenchmarkTagTokens(b *testing.B) {
	sents, n := sentences(b, "dev")
	toks := make([][]token.Token, len(sents))
	for i, s := range sents {
		toks[i] = toTokens(s)
	}
	tg := newTaggers(b)
	for _, bb := range []struct {
		name string
		tag  func([]token.Token)
	}{{"tagger", tg.ours.TagTokens}, {"prose", tg.prose.TagTokens}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range toks {
					bb.tag(s)
				}
			}
		})
	}
}

// BenchmarkNew measures decoding and indexing the model, which New does
// once per process.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(aptagmodel.English); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTagWordsMemo checks that TagWordsMemo gives TagWords's tags whatever
// the keys: one per distinct word, as a text's forms give them, keys that
// several words share, and keys past the memo's room or negative, which
// share its slots; the memo is kept from sentence to sentence, and across
// a Release, as one text and the next keep it.
func TestTagWordsMemo(t *testing.T) {
	tg := newTaggers(t)
	sents := [][]string{
		strings.Fields("The president said on Tuesday that he would veto the bill ."),
		strings.Fields("\" We will not back down , \" she told reporters , and THE president said so ."),
		strings.Fields("the The THE tHe said Said SAID said 1999 well-known @potus :-) *T*"),
		{"", "a", "", "A"},
	}
	distinct := map[string]int32{}
	tests := []struct {
		name string
		key  func(i int, w string) int32
	}{
		{"distinct", func(_ int, w string) int32 {
			if _, ok := distinct[w]; !ok {
				distinct[w] = int32(len(distinct))
			}
			return distinct[w]
		}},
		{"shared", func(i int, _ string) int32 { return int32(i % 3) }},
		{"all one", func(int, string) int32 { return 0 }},
		{"past the room", func(i int, _ string) int32 { return []int32{-1, memoLen, 2*memoLen + 1, 1<<31 - 1}[i%4] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			memo := new(Memo)
			for round := range 2 {
				if round == 1 {
					memo.Release()
				}
				for _, words := range sents {
					want := make([]string, len(words))
					tg.ours.TagWords(want, words)
					keyed := make([]Word, len(words))
					for i, w := range words {
						keyed[i] = Word{Text: w, Key: tt.key(i, w)}
					}
					got := make([]string, len(words))
					tg.ours.TagWordsMemo(got, keyed, memo)
					assert.Equal(t, want, got, "round %d, words %v", round, keyed)
				}
			}
			memo.Release()
			require.Equal(t, new(Memo), memo, "a memo after Release")
		})
	}
}
