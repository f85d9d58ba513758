package tagger

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refModel is prose's flat model read the plain way, feature string to
// weights, to score tokens exactly as prose's tagger does.
type refModel struct {
	classes []string
	feats   map[string][2]uint32 // feature -> range of ids and wts
	ids     []uint8
	wts     []float32
	tagMap  map[string]uint8
}

func readRefModel(tb testing.TB, data []byte) *refModel {
	tb.Helper()
	pos := len(magic) + 4
	u32 := func() uint32 { pos += 4; return binary.LittleEndian.Uint32(data[pos-4:]) }
	str := func() string {
		n := int(binary.LittleEndian.Uint16(data[pos:]))
		pos += 2 + n
		return string(data[pos-n : pos])
	}
	r := &refModel{feats: map[string][2]uint32{}, tagMap: map[string]uint8{}}
	for n := u32(); n > 0; n-- {
		r.classes = append(r.classes, str())
	}
	nFeatures, nPairs, blobLen := int(u32()), int(u32()), int(u32())
	blob := string(data[pos : pos+blobLen])
	pos += blobLen
	featOff := data[pos:]
	pairOff := data[pos+4*(nFeatures+1):]
	pos += 8 * (nFeatures + 1)
	r.ids = data[pos : pos+nPairs]
	pos += nPairs
	for j := 0; j < nPairs; j++ {
		r.wts = append(r.wts, math.Float32frombits(u32()))
	}
	for i := 0; i < nFeatures; i++ {
		f := blob[binary.LittleEndian.Uint32(featOff[4*i:]):binary.LittleEndian.Uint32(featOff[4*i+4:])]
		r.feats[f] = [2]uint32{binary.LittleEndian.Uint32(pairOff[4*i:]), binary.LittleEndian.Uint32(pairOff[4*i+4:])}
	}
	for n := u32(); n > 0; n-- {
		w := str()
		r.tagMap[w] = data[pos]
		pos++
	}
	require.Equal(tb, len(data), pos, "reference model: %d bytes left over", len(data)-pos)
	return r
}

// scores returns prose's scores for token i of words, as tag.Tagger.predict
// computes them, given the tags of the two words before it.
func (r *refModel) scores(words []string, i int, p1, p2 string) []float32 {
	ctx := []string{startTag, start2Tag}
	for _, w := range words {
		ctx = append(ctx, refNormalize(w))
	}
	ctx = append(ctx, endWord, end2Word)
	suffix := func(w string) string { return w[max(len(w)-3, 0):] }
	word, pre := words[i], ""
	if word != "" {
		pre = word[:1]
	}
	i += 2
	scores := make([]float32, len(r.classes))
	for _, f := range []string{
		featBias,
		tSuffix + suffix(word),
		tPref1 + pre,
		tTag1 + p1,
		tTag2 + p2,
		tTagTag + p1 + " " + p2,
		tWord + ctx[i],
		tTagWord + p1 + " " + ctx[i],
		tWordM1 + ctx[i-1],
		tSuffixM1 + suffix(ctx[i-1]),
		tWordM2 + ctx[i-2],
		tWordP1 + ctx[i+1],
		tSuffixP1 + suffix(ctx[i+1]),
		tWordP2 + ctx[i+2],
	} {
		p := r.feats[f]
		for j := p[0]; j < p[1]; j++ {
			scores[r.ids[j]] += 1 * r.wts[j]
		}
	}
	return scores
}

// prose's expressions for the traces and bracket literals it does not
// score, which isTrace and isBracket read byte by byte.
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// TestTraceAndBracket checks isTrace and isBracket against prose's
// expressions on every string of up to four bytes over an alphabet that
// holds each byte class the expressions tell apart, and on longer cases.
func TestTraceAndBracket(t *testing.T) {
	alphabet := []string{"0", "7", "*", "-", "?", "A", "Z", "a", "_", "!", "\xc3", "\xa9"}
	words := []string{"", "*EXP*-12", "*EXP*-1234", "*T*-", "*-123", "*-1234", "-LRB-", "-RRB-", "-LrB-", "-LRBX-", "*ICH*-3", "*A*B*-1", "*é*"}
	var grow func(w string, n int)
	grow = func(w string, n int) {
		words = append(words, w)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(w+c, n-1)
		}
	}
	grow("", 4)
	grow("-", 4)
	for _, w := range words {
		assert.Equal(t, noneRe.MatchString(w), isTrace(w), "isTrace(%q), want what prose's expression says", w)
		assert.Equal(t, keepRe.MatchString(w), isBracket(w), "isBracket(%q), want what prose's expression says", w)
	}
}

// scored reports whether prose scores word rather than tagging it by rule
// or from its tag map.
func (r *refModel) scored(word string) bool {
	_, fixed := r.tagMap[word]
	return word != "-" && !emoticons[word] && !strings.HasPrefix(word, "@") &&
		!noneRe.MatchString(word) && !keepRe.MatchString(word) && !fixed
}

// refNormalize is prose's tag.normalize.
func refNormalize(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.Contains(w, "-"):
		return hyphenWord
	case len(w) == 4 && isDecimalInt(w):
		return yearWord
	case w[0] >= '0' && w[0] <= '9':
		return digitsWord
	}
	return strings.ToLower(w)
}

// TestScoresBitIdentical checks every score of every scored token of the
// dev sentences, bit for bit, against prose's way of computing it.
func TestScoresBitIdentical(t *testing.T) {
	ref := readRefModel(t, aptagmodel.English)
	tg := newTaggers(t)
	m := tg.ours.m
	sents, _ := sentences(t, "dev")

	// The classes no feature weighs score their bias.
	rest := make([]float32, len(ref.classes))
	p := ref.feats[featBias]
	for j := p[0]; j < p[1]; j++ {
		rest[ref.ids[j]] += 1 * ref.wts[j]
	}
	for _, c := range m.orig {
		rest[c] = float32(math.Inf(-1))
	}
	id := best(rest)
	require.Equal(t, m.restID, id, "best of the unweighted classes: %d %v, model has %d %v", id, rest[max(id, 0)], m.restID, m.rest)
	if id >= 0 {
		require.Equal(t, math.Float32bits(m.rest), math.Float32bits(rest[id]), "score bits of the best unweighted class %d: %v, model has %v", id, rest[id], m.rest)
	}

	s := &scratch{}
	scored, mismatches := 0, 0
	for _, words := range sents {
		toks := toTokens(words)
		tg.prose.TagTokens(toks)
		ctx := []lookup{tg.ours.start, tg.ours.start2}
		raw := make([]lookup, len(words))
		for i, w := range words {
			var norm lookup
			norm, raw[i] = tg.ours.normalize(s, w)
			ctx = append(ctx, norm)
		}
		ctx = append(ctx, tg.ours.end, tg.ours.end2)
		p1, p2 := startTag, start2Tag
		for i, w := range words {
			if ref.scored(w) {
				scored++
				want := ref.scores(words, i, p1, p2)
				g := tg.ours.features(&s.feats, ctx[i:], raw[i], w, m.tags[p1], m.tags[p2])
				m.score(&s.scores, &s.feats)
				for k, c := range m.orig {
					if math.Float32bits(s.scores[k]) != math.Float32bits(want[c]) {
						if mismatches == 0 {
							assert.Equal(t, math.Float32bits(want[c]), math.Float32bits(s.scores[k]), "%q in %q: class %s scores %v, prose %v", w, words, ref.classes[c], s.scores[k], want[c])
						}
						mismatches++
					}
				}
				assert.Equal(t, best(want), m.bestClass(&s.scores, g), "%q in %q: best class, want prose's", w, words)
			}
			p2, p1 = p1, toks[i].Tag
		}
	}
	t.Logf("%d tokens scored, %d scores differ", scored, mismatches)
}

// TestBestClass checks bestClass against best over all the classes, with
// ties, infinities and NaNs, and every guess: on a model of 11 classes of
// which 6 are weighted, and on one of 45 of which 38 are, with the 40
// scores of dense vectors, which the vector instructions read where the
// processor has them.
func TestBestClass(t *testing.T) {
	wide := make([]uint8, 0, 38)
	for c := range 45 {
		if c%6 != 1 {
			wide = append(wide, uint8(c))
		}
	}
	for _, c := range []struct {
		name     string
		nClasses int
		m        *model
	}{
		{"6 of 11 weighted", 11, &model{orig: []uint8{0, 2, 3, 5, 6, 9}, bias: make([]float32, 8)}}, // 1, 4, 7, 8 and 10 score their bias
		{"38 of 45 weighted", 45, &model{orig: wide, bias: make([]float32, denseLen), avx: haveAVX}},
	} {
		t.Run(c.name, func(t *testing.T) { testBestClass(t, c.m, c.nClasses) })
	}
}

func testBestClass(t *testing.T, m *model, nClasses int) {
	t.Helper()
	values := []float32{float32(math.Inf(-1)), -1, 0, float32(math.Copysign(0, -1)), 1, 2, float32(math.Inf(1)), float32(math.NaN())}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		// A few of the values at a time, so that ties are common.
		vs := make([]float32, 2+rng.IntN(4))
		for i := range vs {
			vs[i] = values[rng.IntN(len(values))]
		}
		all := make([]float32, nClasses)
		for c := range all {
			all[c] = vs[rng.IntN(len(vs))]
		}
		rest := make([]float32, nClasses)
		var scores [256]float32
		for c := range rest {
			rest[c] = float32(math.Inf(-1))
		}
		for k := range m.bias {
			scores[k] = float32(math.Inf(-1))
		}
		weighted := string(m.orig)
		for c := range all {
			if k := strings.IndexByte(weighted, byte(c)); k >= 0 {
				scores[k] = all[c]
			} else {
				rest[c] = all[c]
			}
		}
		m.restID = best(rest)
		m.rest = float32(math.Inf(-1))
		if m.restID >= 0 {
			m.rest = rest[m.restID]
		}
		want := best(all)
		for g := range m.orig {
			s := scores
			require.Equal(t, want, m.bestClass(&s, g), "scores %v, guess %d", all, g)
		}
	}
}

// TestArgSize checks that an argument's row fills one cache line.
func TestArgSize(t *testing.T) {
	assert.Equal(t, uintptr(64), unsafe.Sizeof(arg{}), "size of arg in bytes")
}
