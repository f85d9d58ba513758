package coref

import (
	"bytes"
	"hash/maphash"
)

// keyTable maps the keys of the entities of a text (see resolver.key) to
// the entities. It holds the keys in one buffer, where a map from strings
// took a string for each: once its buffers have grown, adding a key
// allocates nothing, and they are kept for the next text.
type keyTable struct {
	slots   []int32 // index+1 in entries, 0 when free; a power of two long
	entries []keyEntry
	buf     []byte // the keys, one after another
}

// keyEntry is a key, buf[off:off+n], and its entity.
type keyEntry struct {
	hash   uint64
	off, n int32
	ent    int32
}

var keySeed = maphash.MakeSeed()

// get returns the entity of key, and whether it has one.
func (t *keyTable) get(key []byte) (int, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	if i := t.find(key, maphash.Bytes(keySeed, key)); t.slots[i] != 0 {
		return int(t.entries[t.slots[i]-1].ent), true
	}
	return 0, false
}

// set gives key the entity e.
func (t *keyTable) set(key []byte, e int) {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	h := maphash.Bytes(keySeed, key)
	i := t.find(key, h)
	if t.slots[i] != 0 {
		t.entries[t.slots[i]-1].ent = int32(e)
		return
	}
	t.entries = append(t.entries, keyEntry{hash: h, off: int32(len(t.buf)), n: int32(len(key)), ent: int32(e)})
	t.buf = append(t.buf, key...)
	t.slots[i] = int32(len(t.entries))
}

// find returns the slot of key, whose hash is h, or the free slot where
// it goes.
func (t *keyTable) find(key []byte, h uint64) int {
	mask := len(t.slots) - 1
	i := int(h) & mask
	for ; t.slots[i] != 0; i = (i + 1) & mask {
		x := &t.entries[t.slots[i]-1]
		if x.hash == h && bytes.Equal(t.buf[x.off:x.off+x.n], key) {
			break
		}
	}
	return i
}

// grow doubles the slots, kept at most half full.
func (t *keyTable) grow() {
	t.slots = make([]int32, max(2*len(t.slots), 64))
	mask := len(t.slots) - 1
	for k := range t.entries {
		i := int(t.entries[k].hash) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(k + 1)
	}
}

// reset empties t for the next text; it drops the buffers of one that
// holds more than limit keys.
func (t *keyTable) reset(limit int) {
	if len(t.entries) > limit {
		*t = keyTable{}
		return
	}
	clear(t.slots)
	t.entries, t.buf = t.entries[:0], t.buf[:0]
}
