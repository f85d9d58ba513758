package linear

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// The encoded model is a gzip stream (no name, no time) of:
//
//	magic       "WSLINEAR"
//	version     uvarint, 1
//	provenance  uvarint length, then that many bytes of JSON
//	bias        float32, little-endian
//	n           uvarint, the number of weights
//	bits        byte: the high bits of a hash that are counted rather than
//	            stored, indexBits(n)
//	counts      2**bits uvarints: how many hashes have each value of the
//	            high bits
//	weights     n records, in ascending order of hash, of the low
//	            8 - bits/8 bytes of the hash and the weight (float32), both
//	            little-endian
//
// The counts are the index of the model's table, read as they are; the
// low bytes of a hash repeat the bits of its count's position that they
// overlap, and must agree with them.
//
// The layout is what makes the model small: a hash takes 6 bytes and a
// share of the counts where its sorted varint gaps would take 7, and a
// weight 4. Deflate finds little more to take out: a hash is random, and
// so are the low bytes of a weight. On a model of a million weights it
// saved 3% of this layout (6% of one that grouped the bytes of the weights
// by significance) while its Huffman codes, read at about 6 ns a byte,
// took a third of the decoding time. So the stream is written at
// deflate's level 0, which stores the bytes as they are, behind gzip's
// CRC-32: reading them is a copy, and anyone can still read a model with
// gzip tools. The records are decoded as they arrive, from one small
// buffer, in blocks that the table then joins.
const (
	magic   = "WSLINEAR"
	version = 1
)

// Encode writes m to w in its binary form: the same model gives the same
// bytes, built with the same Go release (the compressor's choices are
// part of it).
func (m *Model) Encode(w io.Writer) error {
	prov, err := json.Marshal(m.prov)
	if err != nil {
		return fmt.Errorf("linear: encoding provenance: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.NoCompression)
	if err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	var buf []byte
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, version)
	buf = binary.AppendUvarint(buf, uint64(len(prov)))
	buf = append(buf, prov...)
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(m.bias))

	n := len(m.tab.slots)
	bits := indexBits(n)
	buf = binary.AppendUvarint(buf, uint64(n))
	buf = append(buf, byte(bits))
	for b := range len(m.tab.start) - 1 {
		buf = binary.AppendUvarint(buf, uint64(m.tab.start[b+1]-m.tab.start[b]))
	}
	bw.Write(buf)
	low := 8 - bits/8
	var word [8]byte
	for _, s := range m.tab.slots {
		binary.LittleEndian.PutUint64(word[:], s.key)
		bw.Write(word[:low])
		binary.LittleEndian.PutUint32(word[:], math.Float32bits(s.val))
		bw.Write(word[:4])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	return nil
}

// Decode reads a model written by [Model.Encode]. Any input that is not
// such a model gives an error, never a panic; Decode allocates in
// proportion to the data it has read, whatever the header claims. The
// model is read-only and safe for concurrent use.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	m, err := decode(bufio.NewReaderSize(zr, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	return m, nil
}

// decode reads the decompressed model from r.
func decode(r *bufio.Reader) (*Model, error) {
	var head [len(magic)]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || string(head[:]) != magic {
		return nil, errors.New("not a linear model (bad magic)")
	}
	v, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	if v != version {
		return nil, fmt.Errorf("model format version %d, want %d", v, version)
	}
	size, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	prov, err := io.ReadAll(io.LimitReader(r, int64(min(size, math.MaxInt64))))
	if err != nil {
		return nil, short(err)
	}
	if uint64(len(prov)) != size {
		return nil, errShort
	}
	m := &Model{}
	if err := json.Unmarshal(prov, &m.prov); err != nil {
		return nil, fmt.Errorf("provenance: %w", err)
	}
	var word [8]byte
	if _, err := io.ReadFull(r, word[:4]); err != nil {
		return nil, short(err)
	}
	m.bias = math.Float32frombits(binary.LittleEndian.Uint32(word[:4]))
	if !finite32(m.bias) {
		return nil, errors.New("bias is not finite")
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	if n != uint64(m.prov.Features) {
		return nil, fmt.Errorf("%d weights, provenance says %d", n, m.prov.Features)
	}
	if n >= math.MaxUint32 {
		return nil, fmt.Errorf("%d weights, more than a model holds", n)
	}
	b, err := r.ReadByte()
	if err != nil {
		return nil, short(err)
	}
	bits := int(b)
	if bits != indexBits(int(n)) {
		return nil, fmt.Errorf("%d counted bits for %d weights", bits, n)
	}
	// The index grows as the counts arrive, each at least a byte.
	start := make([]uint32, 1, min(1<<bits+1, 1<<16))
	total := uint64(0)
	for range 1 << bits {
		c, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, short(err)
		}
		if c > n || total+c > n {
			return nil, errors.New("hash counts exceed the number of weights")
		}
		total += c
		start = append(start, uint32(total))
	}
	if total != n {
		return nil, errors.New("hash counts do not add up to the number of weights")
	}
	blocks, err := decodeRecords(r, int(n), bits, start)
	if err != nil {
		return nil, err
	}
	// Reading to the end makes gzip check its checksum.
	if _, err := r.ReadByte(); err != io.EOF {
		if err == nil {
			return nil, errors.New("data after the weights")
		}
		return nil, fmt.Errorf("after the weights: %w", err)
	}
	m.tab = table[float32]{slots: joinBlocks(blocks), start: start, shift: uint(64 - bits)}
	return m, nil
}

// decodeRecords reads the n records of a model whose hashes have their
// top bits counted, with start the index those counts make. The records
// are read as they arrive, a block at a time, so that a header that claims
// more than the data holds costs nothing.
func decodeRecords(r *bufio.Reader, n, bits int, start []uint32) ([][]slot[float32], error) {
	low := 8 - bits/8
	rec := low + 4
	// A record is read as the 8 bytes at its start, of which the hash's
	// low bytes are these bits; those above the counted ones must be
	// the low bits of its count's position.
	lowMask := uint64(math.MaxUint64) >> (64 - 8*low)
	spare := 8*low - (64 - bits) // bits of the low bytes that are counted too
	buf := make([]byte, min(n, blockLen)*rec+8)
	var blocks [][]slot[float32]
	hi, last := 0, uint64(0)
	for done := 0; done < n; {
		block := make([]slot[float32], 0, min(n-done, blockLen))
		records := buf[:cap(block)*rec]
		if _, err := io.ReadFull(r, records); err != nil {
			return nil, short(err)
		}
		for o := 0; o < len(records); o += rec {
			j := done + len(block)
			for uint32(j) >= start[hi+1] { // start ends at n: hi stays in range
				hi++
			}
			lows := binary.LittleEndian.Uint64(buf[o:]) & lowMask
			if spare > 0 && lows>>(64-bits) != uint64(hi)&(1<<spare-1) {
				return nil, errors.New("a hash disagrees with the counts")
			}
			key := uint64(hi)<<(64-bits) | lows
			if key <= last {
				return nil, errors.New("hashes out of order")
			}
			last = key
			w := binary.LittleEndian.Uint32(buf[o+low:])
			if w&0x7f800000 == 0x7f800000 || w&0x7fffffff == 0 { // not finite, or ±0
				return nil, errors.New("a weight is 0 or not finite")
			}
			block = append(block, slot[float32]{key, math.Float32frombits(w)})
		}
		blocks = append(blocks, block)
		done += len(block)
	}
	return blocks, nil
}

var errShort = errors.New("truncated model")

// short returns errShort for an end of input, and err otherwise.
func short(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errShort
	}
	return err
}

func finite32(x float32) bool { return !math.IsInf(float64(x), 0) && x == x }
