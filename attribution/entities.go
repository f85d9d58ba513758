package attribution

import (
	"slices"

	"github.com/whosaid/whosaid/internal/coref"
)

// resolveEntities fills the Entity of every attribution of rd.out, which
// are in order of content, with what package coref resolves their speaker
// mentions to, from the reader's token stream (see [coref.Resolve]); an
// attribution it gives no entity keeps the Entity it has.
func (rd *reader) resolveEntities() {
	attrs := rd.out
	if len(attrs) == 0 {
		return
	}
	in := slices.Grow(rd.corefIn[:0], len(attrs))
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
	for i, e := range coref.Resolve(rd.st, in) {
		if e.ID != 0 {
			attrs[i].Entity = Entity{ID: e.ID, Name: e.Name, Mentions: e.Mentions}
		}
	}
	clear(in)
	rd.corefIn = in[:0]
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
