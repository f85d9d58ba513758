package attribution

import "github.com/whosaid/whosaid/internal/coref"

// resolveEntities fills the Entity of every attribution of rd.out, which
// are in order of content, with what package coref resolves their speaker
// mentions to, from the reader's token stream (see [coref.ResolveAttrs]);
// an attribution it gives no entity keeps the Entity it has.
func (rd *reader) resolveEntities() {
	if len(rd.out) > 0 {
		coref.ResolveAttrs(rd.st, corefAttrs(rd.out))
	}
}

// corefAttrs lends attributions to package coref, which reads each as a
// coref.Attr when it needs it and sets their entities in place: a copy of
// them all as coref.Attr, and of the entities coref returns, would take
// 150 bytes an attribution.
type corefAttrs []Attribution

func (as corefAttrs) Len() int { return len(as) }

func (as corefAttrs) Attr(i int) coref.Attr {
	a := &as[i]
	return coref.Attr{
		Speaker:      a.Speaker,
		Extent:       a.Extent,
		Quoted:       a.Quoted,
		Type:         corefType(a.Type),
		Continuation: a.Rule == RuleContinuation,
	}
}

func (as corefAttrs) SetEntity(i int, e coref.Entity) {
	as[i].Entity = Entity{ID: e.ID, Name: e.Name, Mentions: e.Mentions}
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
