package linear

import (
	"encoding/binary"
	"math"
)

// Features is the sparse feature vector of one candidate: a list of hashed
// features and their values. A feature is a template name and a value
// ("w" and "said", "tag-1" and "NNP"); its hash is computed from the bytes
// as they are added, with no string built, so that filling a Features that
// has been used before allocates nothing.
//
// The zero value is empty and ready to use. Reset empties it and keeps its
// capacity. A feature added twice counts twice. A Features is not safe for
// concurrent use; each goroutine keeps its own.
type Features struct {
	hashes []uint64
	// values holds the value of each feature of hashes, or nothing while
	// every one of them is 1, an indicator's, as most are: a candidate of
	// indicators alone stores no values, and its sum reads none (see
	// [Features.add]).
	values []float32
	names  *Names
}

// Reset empties f and keeps its capacity and its [Names] recorder.
func (f *Features) Reset() {
	f.hashes = f.hashes[:0]
	f.values = f.values[:0]
}

// Len returns the number of features added since the last Reset.
func (f *Features) Len() int { return len(f.hashes) }

// Template is a feature template: a name such as "w" or "tag-1", hashed
// once when the Template is made, so that adding a feature hashes its
// values only. Make the templates of a model once, in package variables.
// A Template is a value, safe for concurrent use.
type Template struct {
	name string
	h    uint64 // the hash of the name
}

// NewTemplate returns the template of the given name.
func NewTemplate(name string) Template {
	return Template{name, finish(hashString(hashByte(offset64, templateSep), name))}
}

// Name returns the name t was made with.
func (t Template) Name() string { return t.name }

// Value is a feature value hashed once, for a value that several features
// take (a word that is the head of a speaker and the first of a content,
// or that every candidate of a decision reads): adding it under a template
// hashes nothing. [Features.Add] of a string and [Features.AddValue] of
// its Value add the same feature. The zero Value is not the empty
// string's: make each with NewValue. A Value is safe for concurrent use.
type Value struct {
	s string
	h uint64 // the hash of s
}

// NewValue returns the value s, hashed.
func NewValue(s string) Value { return Value{s, valueHash(s)} }

// String returns the string v was made of.
func (v Value) String() string { return v.s }

// Add adds the indicator feature template=value, with value 1.
func (f *Features) Add(t Template, value string) {
	h := join(t.h, valueHash(value))
	if f.names != nil {
		f.names.record(h, t.name, value, "", false)
	}
	f.add(h, 1)
}

// AddValue is Add of a value hashed before.
func (f *Features) AddValue(t Template, v Value) {
	h := join(t.h, v.h)
	if f.names != nil {
		f.names.record(h, t.name, v.s, "", false)
	}
	f.add(h, 1)
}

// Add2 adds the indicator feature for the conjunction of two values under
// one template, template=value1|value2, with value 1, without joining the
// values into one string.
func (f *Features) Add2(t Template, value1, value2 string) {
	h := join2(t.h, valueHash(value1), valueHash(value2))
	if f.names != nil {
		f.names.record(h, t.name, value1, value2, true)
	}
	f.add(h, 1)
}

// AddValue2 is Add2 of values hashed before.
func (f *Features) AddValue2(t Template, v1, v2 Value) {
	h := join2(t.h, v1.h, v2.h)
	if f.names != nil {
		f.names.record(h, t.name, v1.s, v2.s, true)
	}
	f.add(h, 1)
}

// AddFloat adds the real-valued feature template with value x, stored as a
// float32. Its weight is multiplied by x: scale x to about [-1, 1] so that
// one regularisation strength suits all features. A value that is not
// finite makes [Data.Add] fail and the scores of a [Model] NaN.
func (f *Features) AddFloat(t Template, x float64) {
	h := finish(hashByte(t.h, realSep))
	f.add(h, float32(x))
	if f.names != nil {
		f.names.add(h, t.name)
	}
}

// Record makes f record the name of every feature it adds in n, until
// Record(nil). Recording builds a string for each feature, so it is for
// training and inspection, not for the hot path.
func (f *Features) Record(n *Names) { f.names = n }

// add appends the feature of hash h and value v. The values are stored
// from the first that is not 1 on, with a 1 for each feature before it.
func (f *Features) add(h uint64, v float32) {
	if v != 1 || len(f.values) != 0 {
		f.addValue(v)
	}
	f.hashes = append(f.hashes, h)
}

// addValue appends v to the values, for the feature about to be added,
// storing first the 1 of each feature added before, if it has not.
func (f *Features) addValue(v float32) {
	for len(f.values) < len(f.hashes) {
		f.values = append(f.values, 1)
	}
	f.values = append(f.values, v)
}

// value returns the value of feature i.
func (f *Features) value(i int) float32 {
	if len(f.values) == 0 {
		return 1
	}
	return f.values[i]
}

// finite reports whether every value of f is finite.
func (f *Features) finite() bool {
	for _, v := range f.values {
		if math.IsInf(float64(v), 0) || v != v {
			return false
		}
	}
	return true
}

// A template's name and a value are each hashed on their own, so that a
// value hashed once serves every template ([Value]), and a feature's hash
// joins the two: the template's hash xor the value's, through the
// finaliser of MurmurHash3, which spreads every bit of them over all the
// bits of the result (a model's table places a feature by its high bits).
// A conjunction multiplies the join of the template and its first value by
// FNV's prime before the second goes in, so that the order of the values
// counts. A string is hashed as FNV does, but eight bytes at a time, each
// word xored into the state and multiplied by FNV's prime, its last word
// holding the bytes left and their number, so that strings of different
// lengths differ; a separator byte, which UTF-8 text never holds, goes
// first, another for a template's name than for a value, so that a name
// and a value of the same bytes hash apart. A real-valued feature is its
// template's hash with the byte realSep.
const (
	offset64    = 14695981039346656037
	prime64     = 1099511628211
	sep         = 0xff
	realSep     = 0xfe
	templateSep = 0xfd
)

// valueHash returns the hash of a value: finish(hashString(offset64, s)),
// written out, as hashString, which the templates and the data hash too,
// is past the inliner's budget.
func valueHash(s string) uint64 {
	h := hashByte(offset64, sep)
	for ; len(s) >= 8; s = s[8:] {
		h = (h ^ binary.LittleEndian.Uint64([]byte(s[:8]))) * prime64
	}
	return finish((h ^ lastWord(s)) * prime64)
}

// join returns the hash of the feature of the template hashed th and the
// value hashed vh.
func join(th, vh uint64) uint64 { return finish(th ^ vh) }

// join2 returns the hash of the conjunction of the values hashed v1 and v2
// under the template hashed th.
func join2(th, v1, v2 uint64) uint64 { return finish((th^v1)*prime64 ^ v2) }

func hashString(h uint64, s string) uint64 {
	h = hashByte(h, sep)
	for ; len(s) >= 8; s = s[8:] {
		h = (h ^ binary.LittleEndian.Uint64([]byte(s[:8]))) * prime64
	}
	return (h ^ lastWord(s)) * prime64
}

// lastWord returns the last word of a string that hashString hashes, s,
// of fewer than eight bytes: its bytes, and its length in the top byte.
// They are read four, two and one at a time, where a loop read them one
// by one: most values are words of fewer than eight bytes, and have no
// other.
func lastWord(s string) uint64 {
	w := uint64(len(s)) << 56
	k := 0
	if len(s) >= 4 {
		w |= uint64(binary.LittleEndian.Uint32([]byte(s[:4])))
		k = 4
	}
	if len(s)-k >= 2 {
		w |= uint64(binary.LittleEndian.Uint16([]byte(s[k:k+2]))) << (8 * k)
		k += 2
	}
	if len(s)-k >= 1 {
		w |= uint64(s[k]) << (8 * k)
	}
	return w
}

func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * prime64 }

// finish mixes h and keeps 0 free: the hash 0 names the bias, and marks an
// empty slot of a table.
func finish(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	if h == 0 {
		h = 1
	}
	return h
}

// Names maps feature hashes back to the names that produced them, for a
// command that prints a model's heaviest features. Fill it with
// [Features.Record] while building the training data. The zero value is
// empty and ready to use. A Names is not safe for concurrent use.
type Names struct {
	m          map[uint64]string
	collisions int
}

// Name returns the name recorded for the hash h, "bias" for 0 (the hash
// that [Model.Top] gives the bias), or "" when h was never recorded.
func (n *Names) Name(h uint64) string {
	if h == 0 {
		return "bias"
	}
	return n.m[h]
}

// Len returns the number of distinct hashes recorded.
func (n *Names) Len() int { return len(n.m) }

// Collisions returns the number of times a name was recorded under a hash
// that already had a different name: two features that share one weight.
func (n *Names) Collisions() int { return n.collisions }

// record records the name of the feature of hash h under the template
// named template: template=value, or template=value|value2 for a
// conjunction (pair). It is out of line, so that the adders, which call it
// only while recording, do not make the strings of a name inline.
//
//go:noinline
func (n *Names) record(h uint64, template, value, value2 string, pair bool) {
	if pair {
		n.add(h, template+"="+value+"|"+value2)
		return
	}
	n.add(h, template+"="+value)
}

func (n *Names) add(h uint64, name string) {
	if n.m == nil {
		n.m = make(map[uint64]string)
	}
	old, ok := n.m[h]
	switch {
	case !ok:
		n.m[h] = name
	case old != name:
		n.collisions++
	}
}

// Hashes returns the hashes of the features added since the last Reset,
// in order; the slice is f's own, valid until f changes.
func (f *Features) Hashes() []uint64 { return f.hashes }
