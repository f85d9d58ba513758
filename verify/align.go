package verify

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// Finding the passage: a claim's words vote for the stretches of the
// corpus that hold them (rarer words weigh more), and a word-level edit
// distance aligns the claim with the few best stretches. The vote reads
// the postings of the claim's words, within a budget; the alignment costs
// the claim's length times a window a few times that length. Both are
// independent of the corpus's size but for the postings, so a check is
// close to linear in the corpus at worst and much less in practice.

// Edit operations of an alignment.
const (
	opMatch uint8 = iota // the claimed word is the source word
	opSub                // a claimed word in place of a source word
	opIns                // a claimed word the source lacks
	opDel                // a source word the claim leaves out
	opFree               // narration interrupting a quotation, left out at no cost
	opSkip               // source words an ellipsis or an insertion stands for
	opMark               // the ellipsis or insertion itself
)

// op is one step of an alignment: a claim token (c, or -1) and a corpus
// word (w, or -1).
type op struct {
	kind uint8
	c, w int
}

// alignment is a claim aligned with a passage of one document.
type alignment struct {
	doc     int
	ops     []op
	edits   int // substitutions, insertions and deletions
	matches int
	sim     float64
	quoted  float64 // share of the aligned source words inside quotations
}

// span returns the first and last corpus words aligned with claimed words.
func (a alignment) span() (first, last int) {
	first, last = -1, -1
	for _, o := range a.ops {
		if o.kind == opMatch || o.kind == opSub {
			if first < 0 {
				first = o.w
			}
			last = o.w
		}
	}
	return first, last
}

// matchGain is what a matched word earns the alignment, against one for
// a word put in or left out: two, so that a claim that drops a few words
// from the middle of a passage ("we [sometimes tend to] take for granted")
// is aligned across them rather than cut short.
const matchGain = 2

// Voting parameters.
const (
	maxCandidates = 6
	postingBudget = 1 << 21 // postings read per claim, past the three rarest words
	minBucket     = 16      // words per voting bucket, at least
	gapReach      = 300     // source words an ellipsis may leave out
	maxReach      = 1200    // source words all the ellipses of a claim may leave out
)

// scratch is the per-check memory, pooled.
type scratch struct {
	score []float32
	stamp []int32
	cost  []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// idf weighs a term by its rarity; -1 (a word the corpus lacks) weighs
// most.
func (c *Corpus) idf(t int32) float64 {
	n := float64(len(c.words))
	if t < 0 {
		return math.Log(1 + n)
	}
	return math.Log(1 + n/float64(c.off[t+1]-c.off[t]))
}

// best returns the best alignment of the claim tokens with the corpus,
// false when no passage shares a word with them.
func (c *Corpus) best(toks []claimTok) (alignment, bool) {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	var best alignment
	found := false
	for _, win := range c.windows(toks, s) {
		a, ok := c.align(toks, win[0], win[1], s)
		if !ok {
			continue
		}
		if !found || better(a, best) {
			best, found = a, true
		}
	}
	return best, found
}

// better orders alignments: the more similar, then the more quoted, then
// the fewer edits, then the earlier.
func better(a, b alignment) bool {
	if c := cmp.Or(cmp.Compare(a.sim, b.sim), cmp.Compare(a.quoted, b.quoted), cmp.Compare(b.edits, a.edits)); c != 0 {
		return c > 0
	}
	af, _ := a.span()
	bf, _ := b.span()
	return af < bf
}

// windows returns the stretches of corpus words, each within one
// document, where the claim is worth aligning: around the buckets of words
// that the claim's words vote for most.
func (c *Corpus) windows(toks []claimTok, s *scratch) [][2]int {
	n := len(c.words)
	m, gaps, wild := 0, 0, 0
	var terms []int32
	for _, t := range toks {
		switch t.kind {
		case cWord:
			m++
			if t.term >= 0 {
				terms = append(terms, t.term)
			}
		case cGap:
			gaps++
		case cWild:
			wild += t.skip
		}
	}
	if n == 0 || len(terms) == 0 {
		return nil
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	slices.SortFunc(terms, func(a, b int32) int {
		return cmp.Or(cmp.Compare(c.off[a+1]-c.off[a], c.off[b+1]-c.off[b]), cmp.Compare(a, b))
	})

	size := max(minBucket, m)
	nb := n/size + 2
	s.score = resize(s.score, nb)
	s.stamp = resize(s.stamp, nb)
	clear(s.score)
	clear(s.stamp)
	spent := 0
	for k, t := range terms {
		ps := c.postings(t)
		if k >= 3 && spent+len(ps) > postingBudget {
			break
		}
		spent += len(ps)
		w := float32(c.idf(t))
		for _, p := range ps {
			b := int(p) / size
			if s.stamp[b] != int32(k+1) {
				s.stamp[b] = int32(k + 1)
				s.score[b] += w
			}
		}
	}

	// The best pairs of neighbouring buckets, apart from one another.
	type cand struct {
		b     int
		score float32
	}
	var top []cand
	for b := 0; b+1 < nb; b++ {
		sc := s.score[b] + s.score[b+1]
		if sc == 0 || len(top) == 3*maxCandidates && sc <= top[len(top)-1].score {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, sc, func(x cand, v float32) int { return cmp.Compare(v, x.score) })
		top = slices.Insert(top, i, cand{b, sc})
		if len(top) > 3*maxCandidates {
			top = top[:3*maxCandidates]
		}
	}
	var picked []int
	for _, cd := range top {
		if len(picked) == maxCandidates {
			break
		}
		if !slices.ContainsFunc(picked, func(b int) bool { return b-1 <= cd.b && cd.b <= b+1 }) {
			picked = append(picked, cd.b)
		}
	}

	// Room for what ellipses and insertions leave out, within bounds: the
	// alignment costs the claim's length times the window.
	pad := m + 4 + min(gaps*gapReach+wild, maxReach)
	var out [][2]int
	for _, b := range picked {
		lo, hi := max(b*size-pad, 0), min((b+2)*size+pad, n)
		for d := c.docOf(lo); d < len(c.docs) && c.docs[d].w0 < hi; d++ {
			l, h := max(lo, c.docs[d].w0), min(hi, c.docs[d].w1)
			if l < h {
				out = append(out, [2]int{l, h})
			}
		}
	}
	return out
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// align aligns the claim with the corpus words [lo, hi), which lie in one
// document: a word-level edit distance in which the claim is read whole
// and the passage may start and end anywhere. It returns false when no
// claimed word matches.
func (c *Corpus) align(toks []claimTok, lo, hi int, s *scratch) (alignment, bool) {
	ws := c.words[lo:hi]
	m, L := len(toks), len(ws)
	w := L + 1
	s.cost = resize(s.cost, (m+1)*w)
	d := s.cost
	clear(d[:w]) // the passage may start anywhere
	del := func(j int) int32 {
		if ws[j].flags&interruption != 0 {
			return 0
		}
		return 1
	}
	for i := 1; i <= m; i++ {
		t := toks[i-1]
		prev, row := d[(i-1)*w:i*w], d[i*w:(i+1)*w]
		switch t.kind {
		case cWord:
			row[0] = prev[0] + 1
			for j := 1; j <= L; j++ {
				// A match earns matchGain, a word left out or put in
				// costs one, and a word changed costs two, as one out and
				// one in.
				sub := prev[j-1] - matchGain
				if ws[j-1].term != t.term || t.term < 0 {
					sub += matchGain + 2
				}
				row[j] = min(sub, prev[j]+1, row[j-1]+del(j-1))
			}
		case cGap:
			row[0] = prev[0]
			for j := 1; j <= L; j++ {
				row[j] = min(prev[j], row[j-1])
			}
		case cWild:
			for j := 0; j <= L; j++ {
				v := prev[j]
				for k := 1; k <= t.skip && k <= j; k++ {
					v = min(v, prev[j-k])
				}
				row[j] = v
			}
		}
	}
	// The passage ends where the claim is read at least cost.
	last := d[m*w : (m+1)*w]
	end := 0
	for j := 1; j <= L; j++ {
		if last[j] < last[end] {
			end = j
		}
	}

	a := alignment{doc: c.docOf(lo)}
	var ops []op
	for i, j := m, end; i > 0; {
		t := toks[i-1]
		cur := d[i*w+j]
		prev := func(ii, jj int) int32 { return d[ii*w+jj] }
		switch t.kind {
		case cWord:
			// Where two paths cost the same, the later source words are the
			// ones left out: "we could have [– should have] – done".
			switch {
			case j > 0 && cur == prev(i, j-1)+del(j-1):
				k := opDel
				if del(j-1) == 0 {
					k = opFree
				}
				ops = append(ops, op{k, -1, lo + j - 1})
				j--
			case j > 0 && ws[j-1].term == t.term && t.term >= 0 && cur == prev(i-1, j-1)-matchGain:
				ops = append(ops, op{opMatch, i - 1, lo + j - 1})
				i, j = i-1, j-1
			case j > 0 && (ws[j-1].term != t.term || t.term < 0) && cur == prev(i-1, j-1)+2:
				ops = append(ops, op{opSub, i - 1, lo + j - 1})
				i, j = i-1, j-1
			default:
				ops = append(ops, op{opIns, i - 1, -1})
				i--
			}
		case cGap:
			if j > 0 && cur == prev(i, j-1) {
				ops = append(ops, op{opSkip, -1, lo + j - 1})
				j--
			} else {
				ops = append(ops, op{opMark, i - 1, -1})
				i--
			}
		case cWild:
			k := 0
			for k < t.skip && k < j && prev(i-1, j-k) != cur {
				k++
			}
			for range k {
				ops = append(ops, op{opSkip, -1, lo + j - 1})
				j--
			}
			ops = append(ops, op{opMark, i - 1, -1})
			i--
		}
	}
	slices.Reverse(ops)
	a.ops = ops

	var claimW, srcW, matchW float64
	quoted, aligned := 0, 0
	for _, t := range toks {
		if t.kind == cWord {
			claimW += c.idf(t.term)
		}
	}
	for _, o := range ops {
		switch o.kind {
		case opMatch:
			a.matches++
			wt := c.idf(c.words[o.w].term)
			matchW += wt
			srcW += wt
		case opSub:
			a.edits++
			srcW += c.idf(c.words[o.w].term)
		case opDel:
			a.edits++
			srcW += c.idf(c.words[o.w].term)
		case opIns:
			a.edits++
		}
		if o.kind == opMatch || o.kind == opSub {
			aligned++
			if c.words[o.w].flags&inQuote != 0 {
				quoted++
			}
		}
	}
	if a.matches == 0 {
		return a, false
	}
	a.sim = 2 * matchW / (claimW + srcW)
	a.quoted = float64(quoted) / float64(aligned)
	return a, true
}
