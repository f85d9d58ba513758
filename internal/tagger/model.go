package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"unsafe"
)

// The flat format of prose's averaged-perceptron model, all little-endian:
//
//	magic     [8]byte  "PROSETAG"
//	version   uint32
//	nClasses  uint32   then per class: uint16 len + bytes
//	nFeatures uint32
//	nPairs    uint32
//	blobLen   uint32   then blobLen bytes (feature strings, concatenated)
//	featOff   (nFeatures+1) x uint32  (slices into the blob)
//	pairOff   (nFeatures+1) x uint32  (slices into classIDs/weights)
//	classIDs  nPairs x uint8
//	weights   nPairs x float32
//	nTagMap   uint32   then per entry: uint16 len + bytes, uint8 classID
const (
	magic   = "PROSETAG"
	version = 1
)

// A ref names the weights of one feature. A sparse feature has its number
// of weights in the low 8 bits, and in the high 24 the offset of the first
// in model.cls and model.wts. A dense feature has 0 in the low bits and its
// vector number in model.dense in the high ones. The zero ref is a feature
// with no weights, which is how an unknown feature is represented, so
// gathering a token's features never branches on presence.
type ref uint32

// A feature with at least denseMin weights is stored as a dense vector of
// denseLen weights, one per weighted class, zero for the classes it does
// not weigh. Dense vectors are added without indexing or data-dependent
// loop bounds, several at a time with the sums in registers (see addRun),
// which pays for the zeros. prose's model weighs 38 of its 45 classes; a
// model that weighs more than denseLen is stored sparse only.
const (
	denseLen = 40 // ten blocks of four, see addRun
	denseMin = 8
)

// The feature templates of prose's tagger, as the key prefixes it builds.
// None is a prefix of another, so every feature string belongs to at most
// one template.
const (
	tSuffix    = "i suffix "
	tPref1     = "i pref1 "
	tTag1      = "i-1 tag "
	tTag2      = "i-2 tag "
	tTagTag    = "i tag+i-2 tag "
	tWord      = "i word "
	tTagWord   = "i-1 tag+i word "
	tWordM1    = "i-1 word "
	tSuffixM1  = "i-1 suffix "
	tWordM2    = "i-2 word "
	tWordP1    = "i+1 word "
	tSuffixP1  = "i+1 suffix "
	tWordP2    = "i+2 word "
	featBias   = "bias"
	noTagMap   = -1
	startTag   = "-START-"
	start2Tag  = "-START2-"
	endWord    = "-END-"
	end2Word   = "-END2-"
	hyphenWord = "!HYPHEN"
	yearWord   = "!YEAR"
	digitsWord = "!DIGITS"
)

// arg holds everything the model knows about one string that appears as a
// word, a suffix or an unambiguous word: the weights of each single-argument
// template with that string as its argument, its tag+word features, the
// class the model fixes for it, if any, and what find needs to confirm the
// string. It is 64 bytes, one cache line: finding a word reads its row,
// and tagging then needs nothing more of the word.
type arg struct {
	suf, sufM1, sufP1        ref
	word, wM1, wM2, wP1, wP2 ref
	tags                     uint64 // bit t set if the word has a tag+word feature with tag ID t
	kx                       uint64 // fingerprint of the string (see keyHash)
	tagWord                  int32  // index in model.tagWords of the first of those features
	tail                     int32  // arg index of the last three bytes
	klen                     uint16 // length of the string
	fixed                    int16  // class ID from the tag map, noTagMap or isEmoticon
	wguess, sguess           uint8  // weighted class likeliest to win (see bestClass)
}

// classTag is a class's tag and its tag ID, which tagging a word of the
// class reads together.
type classTag struct {
	tag string
	id  int32
}

// isEmoticon in arg.fixed marks one of prose's emoticons, which it tags SYM
// before it looks in its tag map.
const isEmoticon = -2

// tagWord returns the "i-1 tag+i word " feature of tag and word a. A
// word's features are stored compactly by tag ID: the i-th is that of the
// i-th tag in a.tags.
func (m *model) tagWord(a *arg, tag int32) ref {
	bit := uint64(1) << (uint(tag) & 63)
	i := int(a.tagWord) + bits.OnesCount64(a.tags&(bit-1))
	if a.tags&bit == 0 {
		i = 0
	}
	return m.tagWords[i]
}

// model is prose's English model re-indexed by template and argument, so a
// token's features are found with a hash lookup or two per token instead
// of a string search per feature. It is read-only once built.
//
// Scores are kept by weighted class, the classes some feature weighs, in
// class ID order; prose's model has 7 classes that only the bias weighs,
// whose scores are constant.
type model struct {
	classes []string
	orig    []uint8             // class ID of each weighted class
	bias    []float32           // 0 + the bias weights by weighted class, as prose sums them, then -Inf padding
	rest    float32             // best score of the other classes: their bias
	restID  int                 // its class ID, or -1
	cls     []uint8             // weighted class of each sparse weight
	wts     []float32           // sparse weights, in runs of one feature
	dense   [][denseLen]float32 // dense features by vector number; vector 0 is unused

	args map[string]int32 // argument string -> index in rows, while decoding
	rows []arg            // by argument index; 0 is no argument

	// The index of the argument strings (see find).
	slots    []uint32 // hash bits | argument index, 0 for empty
	slotMask uint64   // len(slots)-1
	shift    uint     // 64 - log2(len(slots)): the top hash bits pick the slot
	idMask   uint32   // the argument index bits of a slot
	keys     string   // all but the last 8 bytes of the longer arguments
	koff     []uint32 // by argument index: where in keys its bytes are

	pref    [256]ref // "i pref1 " + one byte
	prefNil ref      // "i pref1 " with an empty word

	tags      map[string]int32 // tag -> tag ID; 0 is every tag the model never saw
	tag1      []ref            // "i-1 tag " by tag ID
	tag2      []ref            // "i-2 tag " by tag ID
	tagTag    []ref            // "i tag+i-2 tag " by tag ID * len(tag1) + tag ID
	tagWords  []ref            // "i-1 tag+i word " features, by word and tag; 0 is none
	classTags []classTag       // by class ID: its tag and tag ID

	// avx is set when score adds the features with AVX instructions (see
	// scoreVector): the processor has them and every weighted class is
	// in a dense vector. vec then points at the weights they read.
	avx bool
	vec vectors
}

// vectorize sets m.avx, and m.vec, once m's weights are in place.
func (m *model) vectorize() {
	if m.avx = haveAVX && len(m.bias) == denseLen && len(m.dense) > 0; m.avx {
		m.vec = vectors{(*[denseLen]float32)(m.bias), &m.dense[0], unsafe.SliceData(m.cls), unsafe.SliceData(m.wts)}
	}
}

// vectors points at the weights of a model that scoreVector reads: the
// bias, vector 0 of model.dense, and the first of model.cls and of
// model.wts.
type vectors struct {
	bias, dense *[denseLen]float32
	cls         *uint8
	wts         *float32
}

type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.pos {
		r.err = fmt.Errorf("truncated model: wanted %d bytes at offset %d, have %d", n, r.pos, len(r.b)-r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return out
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

// str16 returns a length-prefixed string viewing the model bytes.
func (r *reader) str16() string { return view(r.bytes(int(r.u16()))) }

// view returns b as a string without copying. The model bytes are embedded
// read-only data that nothing writes, so the strings stay valid and fixed.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// decode reads a model in prose's flat format and indexes it. data is
// retained and must not be modified.
func decode(data []byte) (*model, error) {
	r := &reader{b: data}
	if string(r.bytes(len(magic))) != magic {
		return nil, errors.New("not a prose flat tagger model")
	}
	if v := r.u32(); v != version {
		return nil, fmt.Errorf("unsupported model version %d (want %d)", v, version)
	}
	nClasses := int(r.u32())
	if r.err != nil {
		return nil, r.err
	}
	if nClasses > 255 {
		return nil, fmt.Errorf("model has %d classes, at most 255 supported", nClasses)
	}
	m := &model{classes: make([]string, nClasses)}
	for i := range m.classes {
		m.classes[i] = r.str16()
		if strings.IndexByte(m.classes[i], ' ') >= 0 {
			// Tag features join tags with a space; a tag holding one
			// would make those features ambiguous.
			return nil, fmt.Errorf("class %q contains a space", m.classes[i])
		}
	}
	nFeatures := int(r.u32())
	nPairs := int(r.u32())
	blob := r.bytes(int(r.u32()))
	if r.err != nil {
		return nil, r.err
	}
	if nFeatures < 0 || nFeatures >= math.MaxInt32 || nPairs >= 1<<24 {
		return nil, fmt.Errorf("model too large: %d features, %d pairs", nFeatures, nPairs)
	}
	featOff := r.bytes(4 * (nFeatures + 1))
	pairOff := r.bytes(4 * (nFeatures + 1))
	ids := r.bytes(nPairs)
	wts := r.bytes(4 * nPairs)
	if r.err != nil {
		return nil, r.err
	}
	for _, c := range ids {
		if int(c) >= nClasses {
			return nil, fmt.Errorf("class ID %d out of range (%d classes)", c, nClasses)
		}
	}

	nTagMap := int(r.u32())
	if r.err != nil {
		return nil, r.err
	}
	fixed := make([]string, nTagMap)
	fixedClass := make([]uint8, nTagMap)
	for i := range fixed {
		fixed[i] = r.str16()
		b := r.bytes(1)
		if r.err != nil {
			return nil, r.err
		}
		if int(b[0]) >= nClasses {
			return nil, fmt.Errorf("tag map entry %q has class ID %d, only %d classes", fixed[i], b[0], nClasses)
		}
		fixedClass[i] = b[0]
	}

	m.args = make(map[string]int32, nFeatures/3)
	m.rows = make([]arg, 1, nFeatures/3)
	m.rows[0].fixed, m.rows[0].wguess = noTagMap, noGuess
	m.tags = make(map[string]int32, 64)
	m.classTags = make([]classTag, nClasses)
	for c, name := range m.classes {
		m.classTags[c] = classTag{name, m.tagID(name)}
	}
	m.tagID(startTag)
	m.tagID(start2Tag)
	for i, w := range fixed {
		m.rows[m.row(w)].fixed = int16(fixedClass[i])
	}

	type tagged struct {
		a, b string
		r    ref
	}
	type argTag struct {
		arg, tag int32
		r        ref
	}
	var bias []float32
	var weighted [256]bool // the classes some feature other than the bias weighs
	var tagTag []tagged
	var tagWord []argTag
	var tag1, tag2 []tagged
	blobStr := view(blob)
	lo := binary.LittleEndian.Uint32(featOff)
	plo := binary.LittleEndian.Uint32(pairOff)
	if lo != 0 || plo != 0 {
		return nil, errors.New("offsets do not start at zero")
	}
	for i := 1; i <= nFeatures; i++ {
		hi := binary.LittleEndian.Uint32(featOff[4*i:])
		phi := binary.LittleEndian.Uint32(pairOff[4*i:])
		if hi < lo || int(hi) > len(blobStr) || phi < plo || int(phi) > nPairs || phi-plo > 255 {
			return nil, fmt.Errorf("bad offsets for feature %d", i-1)
		}
		f := blobStr[lo:hi]
		rf := ref(plo<<8 | (phi - plo))
		lo, plo = hi, phi
		if f == featBias {
			bias = make([]float32, nClasses)
			for j := rf >> 8; j < rf>>8+rf&0xff; j++ {
				bias[ids[j]] += math.Float32frombits(binary.LittleEndian.Uint32(wts[4*j:]))
			}
			continue
		}
		for _, c := range ids[rf>>8 : rf>>8+rf&0xff] {
			weighted[c] = true
		}
		// Features beginning with no template, and those whose arguments
		// prose never builds (a pref1 of more than one byte, a tag pair
		// without a space), are never looked up and are dropped.
		if a, ok := strings.CutPrefix(f, tWord); ok {
			m.rows[m.row(a)].word = rf
		} else if a, ok := strings.CutPrefix(f, tWordM1); ok {
			m.rows[m.row(a)].wM1 = rf
		} else if a, ok := strings.CutPrefix(f, tWordM2); ok {
			m.rows[m.row(a)].wM2 = rf
		} else if a, ok := strings.CutPrefix(f, tWordP1); ok {
			m.rows[m.row(a)].wP1 = rf
		} else if a, ok := strings.CutPrefix(f, tWordP2); ok {
			m.rows[m.row(a)].wP2 = rf
		} else if a, ok := strings.CutPrefix(f, tSuffix); ok {
			m.rows[m.row(a)].suf = rf
		} else if a, ok := strings.CutPrefix(f, tSuffixM1); ok {
			m.rows[m.row(a)].sufM1 = rf
		} else if a, ok := strings.CutPrefix(f, tSuffixP1); ok {
			m.rows[m.row(a)].sufP1 = rf
		} else if a, ok := strings.CutPrefix(f, tTagWord); ok {
			// prose's tags hold no space (checked for the classes above),
			// so the first space ends the tag.
			if tag, w, ok := strings.Cut(a, " "); ok {
				tagWord = append(tagWord, argTag{m.row(w), m.tagID(tag), rf})
			}
		} else if a, ok := strings.CutPrefix(f, tTag1); ok {
			tag1 = append(tag1, tagged{a: a, r: rf})
		} else if a, ok := strings.CutPrefix(f, tTag2); ok {
			tag2 = append(tag2, tagged{a: a, r: rf})
		} else if a, ok := strings.CutPrefix(f, tTagTag); ok {
			if t1, t2, ok := strings.Cut(a, " "); ok {
				tagTag = append(tagTag, tagged{t1, t2, rf})
			}
		} else if a, ok := strings.CutPrefix(f, tPref1); ok {
			switch len(a) {
			case 0:
				m.prefNil = rf
			case 1:
				m.pref[a[0]] = rf
			}
		}
	}
	if bias == nil {
		bias = make([]float32, nClasses)
	}
	for _, t := range tag1 {
		m.tagID(t.a)
	}
	for _, t := range tag2 {
		m.tagID(t.a)
	}
	for _, t := range tagTag {
		m.tagID(t.a)
		m.tagID(t.b)
	}
	nt := len(m.tags) + 1
	m.tag1 = make([]ref, nt)
	m.tag2 = make([]ref, nt)
	m.tagTag = make([]ref, nt*nt)
	for _, t := range tag1 {
		m.tag1[m.tags[t.a]] = t.r
	}
	for _, t := range tag2 {
		m.tag2[m.tags[t.a]] = t.r
	}
	for _, t := range tagTag {
		m.tagTag[int(m.tags[t.a])*nt+int(m.tags[t.b])] = t.r
	}
	if nt > 64 {
		return nil, fmt.Errorf("model has %d tags, at most 63 supported", nt-1)
	}
	// The tag+word features of a word are stored by tag ID, with a mask of
	// the tags that have one.
	for _, t := range tagWord {
		m.rows[t.arg].tags |= 1 << t.tag
	}
	m.tagWords = make([]ref, 1, len(tagWord)+1)
	for i := range m.rows {
		if r := &m.rows[i]; r.tags != 0 {
			r.tagWord = int32(len(m.tagWords))
			m.tagWords = append(m.tagWords, make([]ref, bits.OnesCount64(r.tags))...)
		}
	}
	for _, t := range tagWord {
		r := &m.rows[t.arg]
		m.tagWords[int(r.tagWord)+bits.OnesCount64(r.tags&(1<<t.tag-1))] = t.r
	}
	m.regroup(ids, wts, bias, &weighted)
	m.vectorize()
	for e := range emoticons {
		m.rows[m.row(e)].fixed = isEmoticon
	}
	names := make([]string, len(m.rows))
	for s, id := range m.args {
		names[id] = s
		if len(s) <= 3 {
			m.rows[id].tail = id
		} else {
			m.rows[id].tail = m.args[s[len(s)-3:]]
		}
	}
	m.args = nil
	if err := m.buildIndex(names); err != nil {
		return nil, err
	}
	return m, nil
}

// tagID returns the ID of tag, assigning the next one if it is new.
func (m *model) tagID(tag string) int32 {
	if id, ok := m.tags[tag]; ok {
		return id
	}
	id := int32(len(m.tags) + 1)
	m.tags[tag] = id
	return id
}

// row returns the index of an argument string, adding it if it is new.
func (m *model) row(s string) int32 {
	id, ok := m.args[s]
	if !ok {
		id = int32(len(m.rows))
		m.args[s] = id
		m.rows = append(m.rows, arg{fixed: noTagMap, wguess: noGuess})
	}
	return id
}

// nFeat is the number of features prose scores for a token, bias aside.
const nFeat = 13

// score sets scores, by weighted class, to the bias plus the weights of the
// features, added in order as prose's AccumulateInto does with a value of 1
// (1*w is exactly w): each score is the same float32 sum, in the same
// order, as prose's, so it is bit-identical.
func (m *model) score(scores *[256]float32, feats *[nFeat]ref) {
	if _, ok := m.scoreVector(scores, feats); ok {
		return
	}
	m.scoreGo(scores, feats)
}

// scoreGo is score without the vector instructions of scoreVector.
func (m *model) scoreGo(scores *[256]float32, feats *[nFeat]ref) {
	// Each run of consecutive dense features is added in one go, the
	// first one to the bias as it is read.
	var run [nFeat]*[denseLen]float32
	k, fresh := 0, true
	for _, r := range feats {
		lo, n := int(r>>8), int(r&0xff)
		if n == 0 {
			if lo != 0 {
				run[k] = &m.dense[lo]
				k++
			}
			continue
		}
		switch {
		case k > 0:
			m.addDense(scores, fresh, run[:k])
			k = 0
		case fresh:
			copy(scores[:], m.bias)
		}
		fresh = false
		cs := m.cls[lo : lo+n]
		ws := m.wts[lo : lo+n]
		ws = ws[:len(cs)]
		for j, c := range cs {
			scores[c] += ws[j]
		}
	}
	switch {
	case k > 0:
		m.addDense(scores, fresh, run[:k])
	case fresh:
		copy(scores[:], m.bias)
	}
}

// addDense adds a run of dense features to scores, or sets scores to the
// bias plus the run if fresh (see addRun).
//
// Adding the zeros of a dense vector changes nothing: a score starts at +0
// and a float32 sum is -0 only if both terms are, so no score is ever -0,
// and x + +0 is exactly x.
func (m *model) addDense(scores *[256]float32, fresh bool, run []*[denseLen]float32) {
	src := (*[denseLen]float32)(scores[:denseLen])
	if fresh {
		src = (*[denseLen]float32)(m.bias)
	}
	addRun((*[denseLen]float32)(scores[:denseLen]), src, run)
}

// best returns the ID of the highest-scoring class, the lowest ID on a tie,
// or -1 when no score beats -Inf, exactly as prose's Model.Best.
func best(scores []float32) int {
	b, id := float32(math.Inf(-1)), -1
	for i, s := range scores {
		if s > b {
			b, id = s, i
		}
	}
	return id
}

// bestClass returns the class ID prose's Model.Best picks, given the scores
// of the weighted classes; the others score their bias. g is a guess at the
// winning weighted class: the scan starts from its score and then rarely
// meets a higher one, so its branches are rarely mispredicted, where best's
// are about four times a token.
func (m *model) bestClass(scores *[256]float32, g int) int {
	s := scores[:len(m.bias)]
	b, k := s[g], g
	if v, ok := m.bestVector(scores); ok {
		// The vector instructions have no branch to mispredict and need
		// no guess.
		if k = v; k >= 0 {
			b = s[k]
		}
	} else if b > float32(math.Inf(-1)) {
		s[g] = float32(math.Inf(-1)) // the scores are set anew for each token
		// The blocks are read from the rest of the scores as it shrinks,
		// which leaves no bounds to check.
		for i, r := 0, s; len(r) >= 4; i, r = i+4, r[4:] {
			x := (*[4]float32)(r)
			if x[0] >= b || x[1] >= b || x[2] >= b || x[3] >= b {
				for j, v := range x {
					// Ties go to the lowest class, as in best.
					if v > b || v == b && i+j < k {
						b, k = v, i+j
					}
				}
			}
		}
	} else if k = best(s); k >= 0 {
		// The guess scores -Inf or NaN, which best handles.
		b = s[k]
	}
	return m.pick(k, b)
}

// pick returns the class ID prose's Model.Best picks when k is the
// weighted class of the highest score, b, or -1 when none beats -Inf:
// that of k, or that of the best of the other classes, which score their
// bias.
func (m *model) pick(k int, b float32) int {
	if k < 0 {
		return m.restID
	}
	if c := int(m.orig[k]); b > m.rest || b == m.rest && c < m.restID {
		return c
	}
	return m.restID
}

// classify scores a token of features feats and returns the class ID
// prose's Model.Best picks, as score and bestClass, with g the guess
// bestClass takes. Where the processor has AVX, scoreVector finds the
// highest score as it adds the last feature, and no guess is needed.
func (m *model) classify(scores *[256]float32, feats *[nFeat]ref, g int) int {
	if k, ok := m.scoreVector(scores, feats); ok {
		b := float32(0)
		if k >= 0 {
			b = scores[k&0xff]
		}
		return m.pick(k, b)
	}
	m.scoreGo(scores, feats)
	return m.bestClass(scores, g)
}

// regroup decodes the weights of every reachable feature from the model's
// class ID and weight arrays into m.cls, m.wts and m.dense, and points the
// refs at them there. It numbers the weighted classes, sets m.bias and
// m.rest from bias, the bias of each class by class ID, and sets each
// row's guesses. The features of one word are laid out together: a word
// is read as i+2, i+1, i, i-1 and i-2 on consecutive tokens, and its
// weights then stay in the same few cache lines.
func (m *model) regroup(ids, wts []byte, bias []float32, weighted *[256]bool) {
	// The weighted classes are numbered in class ID order, so that ties
	// among them still go to the lowest class ID.
	var internal [256]uint8
	for c := range m.classes {
		if weighted[c] {
			internal[c] = uint8(len(m.orig))
			m.orig = append(m.orig, uint8(c))
		}
	}
	dense := len(m.orig) <= denseLen
	// The bias of the weighted classes is padded with scores of -Inf,
	// which no weight changes and no class beats, to a multiple of 4 for
	// bestClass, and to cover the dense vectors.
	size := len(m.orig)
	if dense {
		size = denseLen
	}
	m.bias = make([]float32, (size+3)&^3)
	rest := make([]float32, len(m.classes))
	for c, b := range bias {
		if weighted[c] {
			m.bias[internal[c]] = b
			rest[c] = float32(math.Inf(-1))
		} else {
			rest[c] = b
		}
	}
	for k := len(m.orig); k < len(m.bias); k++ {
		m.bias[k] = float32(math.Inf(-1))
	}
	m.rest, m.restID = float32(math.Inf(-1)), best(rest)
	if m.restID >= 0 {
		m.rest = rest[m.restID]
	}

	weight := func(j int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(wts[4*j:])) }
	m.cls = make([]uint8, 0, len(ids))
	m.wts = make([]float32, 0, len(ids))
	m.dense = make([][denseLen]float32, 1, len(ids)/denseLen) // vector 0 is unused: its ref would be 0
	move := func(r *ref) {
		lo, n := int(*r>>8), int(*r&0xff)
		switch {
		case n == 0:
			*r = 0
		case dense && n >= denseMin:
			*r = ref(len(m.dense) << 8)
			m.dense = append(m.dense, [denseLen]float32{})
			v := &m.dense[len(m.dense)-1]
			for j := lo; j < lo+n; j++ {
				v[internal[ids[j]]] = weight(j)
			}
		default:
			*r = ref(len(m.cls)<<8 | n)
			for j := lo; j < lo+n; j++ {
				m.cls = append(m.cls, internal[ids[j]])
				m.wts = append(m.wts, weight(j))
			}
		}
	}
	// top returns the weighted class with the greatest weight in r, or
	// none: a word's own word feature and a suffix's own suffix feature
	// make good guesses at the winner (see bestClass).
	top := func(r ref, none uint8) uint8 {
		k, b := none, float32(math.Inf(-1))
		for j := int(r >> 8); j < int(r>>8+r&0xff); j++ {
			if w := weight(j); w > b {
				k, b = internal[ids[j]], w
			}
		}
		return k
	}

	for _, refs := range [...][]ref{m.tag1, m.tag2, m.tagTag, m.pref[:]} {
		for i := range refs {
			move(&refs[i])
		}
	}
	move(&m.prefNil)
	def := uint8(max(best(m.bias), 0))
	for i := range m.rows {
		r := &m.rows[i]
		r.wguess, r.sguess = top(r.word, noGuess), top(r.suf, def)
		move(&r.wP2)
		move(&r.wP1)
		move(&r.sufP1)
		move(&r.word)
		move(&r.suf)
		move(&r.wM1)
		move(&r.sufM1)
		move(&r.wM2)
		tw := m.tagWords[r.tagWord:][:bits.OnesCount64(r.tags)]
		for j := range tw {
			move(&tw[j])
		}
	}
}

// noGuess in arg.wguess marks a word with no word feature.
const noGuess = 0xff
