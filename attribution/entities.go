package attribution

import (
	"sync"

	"github.com/whosaid/whosaid/internal/coref"
	stream "github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// entityBuf holds a token stream and the attributions as coreference
// reads them, for reuse by the next call; entityBufs keeps them. A kept
// stream still refers to the last text it scanned, until its next Scan
// or until the collector empties the pool.
type entityBuf struct {
	s  stream.Stream
	in []coref.Attr
}

var entityBufs = sync.Pool{New: func() any { return new(entityBuf) }}

// maxPooledTokens bounds the tokens of a stream that is kept; a stream
// grown by a huge text is left to the collector.
const maxPooledTokens = 1 << 16

// resolveEntities fills the Entity of every attribution of attrs, which
// are in order of content, with what package coref resolves their speaker
// mentions to (see [coref.Resolve]); an attribution it gives no entity
// keeps the Entity it has.
func (r *Resolver) resolveEntities(text string, sents []sentence.Sentence, qs []quote.Quote, attrs []Attribution) {
	if len(attrs) == 0 {
		return
	}
	b := entityBufs.Get().(*entityBuf)
	b.s.Scan(text, sents, qs, r.lex)
	in := b.in[:0]
	for i := range attrs {
		a := &attrs[i]
		in = append(in, coref.Attr{
			Speaker:      a.Speaker,
			Extent:       a.Extent,
			Quoted:       a.Quoted,
			Type:         corefType(a.Type),
			Continuation: a.Rule == RuleContinuation,
		})
	}
	for i, e := range coref.Resolve(&b.s, in) {
		if e.ID != 0 {
			attrs[i].Entity = Entity{ID: e.ID, Name: e.Name, Mentions: e.Mentions}
		}
	}
	clear(in)
	b.in = in[:0]
	if b.s.Len() <= maxPooledTokens {
		entityBufs.Put(b)
	}
}

// corefType returns the coref.Type of t.
func corefType(t Type) coref.Type {
	switch t {
	case Mixed:
		return coref.Mixed
	case Indirect:
		return coref.Indirect
	}
	return coref.Direct
}
