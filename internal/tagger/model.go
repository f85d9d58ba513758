package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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

// A ref names the weights of one feature: the offset of its first weight in
// model.cls and model.wts in the high 24 bits and the number of weights in
// the low 8. The
// zero ref is a feature with no weights, which is how an unknown feature is
// represented, so scoring never branches on presence.
type ref uint32

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
// template with that string as its argument, and the class the model fixes
// for it, if any.
type arg struct {
	suf, sufM1, sufP1        ref
	word, wM1, wM2, wP1, wP2 ref
	tagWord                  int32 // row of model.tagWord, 0 for none
	tail                     int32 // arg index of the last three bytes
	fixed                    int16 // class ID from the tag map, or noTagMap
	emoticon                 bool  // one of prose's emoticons
}

// model is prose's English model re-indexed by template and argument, so a
// token's features are found with a few map lookups per token instead of a
// string search per feature. It is read-only once built.
type model struct {
	classes []string
	cls     []uint8   // class ID of each weight
	wts     []float32 // weights, in runs of one feature
	bias    []float32 // 0 + the bias weights, as prose accumulates them

	args    map[string]int32 // argument string -> index in rows; 0 is unused
	rows    []arg
	pref    [256]ref // "i pref1 " + one byte
	prefNil ref      // "i pref1 " with an empty word

	tags     map[string]int32 // tag -> tag ID; 0 is every tag the model never saw
	tag1     []ref            // "i-1 tag " by tag ID
	tag2     []ref            // "i-2 tag " by tag ID
	tagTag   []ref            // "i tag+i-2 tag " by tag ID * len(tag1) + tag ID
	tagWord  []ref            // "i-1 tag+i word " by arg.tagWord * len(tag1) + tag ID
	classTag []int32          // class ID -> tag ID
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
	m.rows[0].fixed = noTagMap
	m.tags = make(map[string]int32, 64)
	m.classTag = make([]int32, nClasses)
	for c, name := range m.classes {
		m.classTag[c] = m.tagID(name)
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
			m.bias = make([]float32, nClasses)
			for j := rf >> 8; j < rf>>8+rf&0xff; j++ {
				m.bias[ids[j]] += math.Float32frombits(binary.LittleEndian.Uint32(wts[4*j:]))
			}
			continue
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
	if m.bias == nil {
		m.bias = make([]float32, nClasses)
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
	// Each word with tag+word features gets a dense row of them by tag;
	// row 0 is all zero, for every other word.
	words := int32(1)
	for _, t := range tagWord {
		if r := &m.rows[t.arg]; r.tagWord == 0 {
			r.tagWord = words
			words++
		}
	}
	m.tagWord = make([]ref, int(words)*nt)
	for _, t := range tagWord {
		m.tagWord[int(m.rows[t.arg].tagWord)*nt+int(t.tag)] = t.r
	}
	m.regroup(ids, wts)
	for e := range emoticons {
		m.rows[m.row(e)].emoticon = true
	}
	for s, id := range m.args {
		if len(s) <= 3 {
			m.rows[id].tail = id
		} else {
			m.rows[id].tail = m.args[s[len(s)-3:]]
		}
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
		m.rows = append(m.rows, arg{fixed: noTagMap})
	}
	return id
}

// add accumulates the weights of a feature into scores, as prose's
// AccumulateInto does with a value of 1 (1*w is exactly w).
func (m *model) add(scores *[256]float32, r ref) {
	lo := int(r >> 8)
	hi := lo + int(r&0xff)
	cs := m.cls[lo:hi]
	ws := m.wts[lo:hi]
	ws = ws[:len(cs)]
	for j, c := range cs {
		scores[c] += ws[j]
	}
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

// regroup decodes the weights of every reachable feature from the model's
// class ID and weight arrays into m.cls and m.wts, and points the refs at
// them there. The features of one word are laid out together: a word is
// read as i+2, i+1, i, i-1 and i-2 on consecutive tokens, and its weights
// then stay in the same few cache lines.
func (m *model) regroup(ids, wts []byte) {
	m.cls = make([]uint8, 0, len(ids))
	m.wts = make([]float32, 0, len(ids))
	move := func(r *ref) {
		lo, n := int(*r>>8), int(*r&0xff)
		if n == 0 {
			*r = 0
			return
		}
		*r = ref(len(m.cls)<<8 | n)
		m.cls = append(m.cls, ids[lo:lo+n]...)
		for j := lo; j < lo+n; j++ {
			m.wts = append(m.wts, math.Float32frombits(binary.LittleEndian.Uint32(wts[4*j:])))
		}
	}
	for _, refs := range [][]ref{m.tag1, m.tag2, m.tagTag, m.pref[:]} {
		for i := range refs {
			move(&refs[i])
		}
	}
	move(&m.prefNil)
	nt := len(m.tag1)
	for i := range m.rows {
		r := &m.rows[i]
		for _, f := range []*ref{&r.wP2, &r.wP1, &r.sufP1, &r.word, &r.suf, &r.wM1, &r.sufM1, &r.wM2} {
			move(f)
		}
		if r.tagWord != 0 {
			tw := m.tagWord[int(r.tagWord)*nt : int(r.tagWord+1)*nt]
			for j := range tw {
				move(&tw[j])
			}
		}
	}
}
